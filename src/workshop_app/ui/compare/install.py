"""The File menu's comparison commands, and ``window.comparison``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from workshop_app.ui.commands import CommandSpec
from workshop_app.ui.i18n import tr

__all__ = ["install", "show_stability"]

#: The commands go above this one in the File menu (beside the sessions, before the exports).
_BEFORE = "file.export_protocol"


def install(window: Any) -> None:
    """Give ``window`` its :class:`Comparison` and the File menu's comparison commands."""
    from workshop_app.ui.compare.mode import Comparison

    comparison = Comparison(window)
    window.comparison = comparison
    specs = [
        CommandSpec("file.compare", tr("&Compare with…"), "file", comparison.compare_with_file),
        CommandSpec(
            "file.end_comparison", tr("&Back to the normal map"), "file", comparison.stop,
            enabled_when=lambda: comparison.active,
        ),
        CommandSpec(
            "file.stability", tr("Stabilit&y over workshops…"), "file",
            lambda: show_stability(window),
        ),
    ]  # fmt: skip
    menu, before = window.menus["file"], window.command(_BEFORE)
    menu.insertSeparator(before)
    for spec in specs:
        action = window.add_command(spec)
        menu.removeAction(action)
        menu.insertAction(before, action)
    comparison.started.connect(window.refresh_commands)
    comparison.ended.connect(window.refresh_commands)


def show_stability(window: Any) -> QDialog | None:
    """Ask for earlier sessions and show the stability table of the series (not modal)."""
    from workshop_app.ui.compare.stability import StabilityDialog, ask_series

    named = ask_series(window)
    if named is None:
        return None
    dialog = StabilityDialog(named, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
