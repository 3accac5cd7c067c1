"""The File menu's comparison commands, and ``window.comparison``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

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
    since = CommandSpec(
        "file.export_protocol_since", tr("Export protocol since the &last workshop (PDF)…"),
        "file", lambda: export_since(window),
    )  # fmt: skip
    menu, before = window.menus["file"], window.command(_BEFORE)
    menu.insertSeparator(before)
    for spec in specs:
        action = window.add_command(spec)
        menu.removeAction(action)
        menu.insertAction(before, action)
    action = window.add_command(since)
    menu.removeAction(action)
    menu.insertAction(_after(menu, before), action)
    comparison.started.connect(window.refresh_commands)
    comparison.ended.connect(window.refresh_commands)


def _after(menu: QMenu, action: QAction) -> QAction | None:
    """The menu entry that follows ``action`` (``None`` at the end)."""
    actions = menu.actions()
    index = actions.index(action) + 1
    return actions[index] if index < len(actions) else None


def export_since(window: Any) -> None:
    """Export the protocol with "Since the last workshop".

    The earlier session is the one the map is compared with, if any; else the
    facilitator picks its file.
    """
    from workshop_app.ui import dialogs
    from workshop_app.ui.compare.mode import load_for_comparison, session_folder

    previous = window.comparison.earlier_session
    if previous is None:
        folder = session_folder(window.controller.path)
        path = dialogs.ask_open_path(window, folder)
        previous = None if path is None else load_for_comparison(window, path)
    if previous is not None:
        window.inspector.commit_pending()
        window.exporter.export_protocol(previous)


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
