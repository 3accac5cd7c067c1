"""The window's commands as data, and the one place that turns them into menus.

Each command is an :class:`CommandSpec` (id, text, shortcut, callback, when it
is enabled); :func:`install_command` builds the ``QAction`` and puts it into its
menu and, if asked, the toolbar (napari's app-model actions work the same
way). Menus and toolbar therefore never disagree, and the keyboard help lists
exactly what the menus offer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from workshop_app.domain import NodeKind
from workshop_app.ui.i18n import tr

if TYPE_CHECKING:
    from workshop_app.ui.mainwindow import MainWindow

__all__ = [
    "CommandSpec",
    "Shortcut",
    "install_command",
    "refresh_commands",
    "window_commands",
]

#: A standard key (preferred: each platform's own binding) or a portable string.
Shortcut = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class CommandSpec:
    """One command of the window.

    Attributes
    ----------
    id
        Stable name, e.g. ``"edit.undo"``; the window keeps its ``QAction`` under it.
    text
        Translated menu text, with ``&`` before the mnemonic letter.
    menu
        Id of the menu it belongs to (``"file"``, ``"edit"``, ``"view"``…).
    callback
        Called when triggered; a checkable action gets the new check state.
    shortcuts
        Key sequences, the first one shown in the menu.
    enabled_when
        Asked on every :func:`refresh_commands`; ``None`` means always enabled.
    dynamic_text
        Asked on every refresh for the current text (undo and redo name their step).
    checkable, checked
        A toggle, and its state at the start.
    toolbar
        Also shown on the main toolbar.
    separator_before
        Starts a new group in its menu.
    """

    id: str
    text: str
    menu: str
    callback: Callable[..., object]
    shortcuts: tuple[Shortcut, ...] = ()
    enabled_when: Callable[[], bool] | None = None
    dynamic_text: Callable[[], str] | None = None
    checkable: bool = False
    checked: bool = False
    toolbar: bool = False
    separator_before: bool = False


def _key_sequences(shortcuts: Iterable[Shortcut]) -> list[QKeySequence]:
    """The key sequences of ``shortcuts``, without empty or repeated ones.

    A standard key may be unbound on a platform (``Quit`` has no binding on
    some Linux desktops), so a spec may add a portable fallback after it.
    """
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            candidates = QKeySequence.keyBindings(shortcut)
        else:
            candidates = [QKeySequence(shortcut)]
        sequences.extend(c for c in candidates if not c.isEmpty() and c not in sequences)
    return sequences


def install_command(
    spec: CommandSpec, parent: QObject, menus: dict[str, QMenu], toolbar: QToolBar | None
) -> QAction:
    """Build the ``QAction`` for ``spec`` and add it to its menu (and the toolbar)."""
    action = QAction(spec.text, parent)
    action.setObjectName(spec.id)
    if spec.dynamic_text is not None:
        # The toolbar keeps the short name, so its buttons do not move sideways as
        # the text changes ("Undo: Rename …"); the menu and the tooltip name the step.
        action.setIconText(_without_mnemonic(spec.text))
    action.setShortcuts(_key_sequences(spec.shortcuts))
    action.setCheckable(spec.checkable)
    if spec.checkable:
        action.setChecked(spec.checked)
        action.toggled.connect(spec.callback)
    else:
        action.triggered.connect(lambda _checked=False: spec.callback())
    action.setProperty("spec", spec)
    menu = menus[spec.menu]
    if spec.separator_before and not menu.isEmpty():
        menu.addSeparator()
    menu.addAction(action)
    if spec.toolbar and toolbar is not None:
        toolbar.addAction(action)
    return action


def refresh_commands(actions: Iterable[QAction]) -> None:
    """Re-ask every action's ``enabled_when`` and ``dynamic_text``."""
    for action in actions:
        spec = action.property("spec")
        if not isinstance(spec, CommandSpec):
            continue
        if spec.enabled_when is not None:
            action.setEnabled(bool(spec.enabled_when()))
        if spec.dynamic_text is not None:
            action.setText(spec.dynamic_text())
            action.setToolTip(_without_mnemonic(action.text()))


def _without_mnemonic(text: str) -> str:
    """Menu text as read (``&Undo: A && B`` → ``Undo: A & B``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


_Key = QKeySequence.StandardKey


def window_commands(window: MainWindow) -> list[CommandSpec]:
    """Every command of the main window, in menu order."""
    return [
        *_file_commands(window),
        *_edit_commands(window),
        *_view_commands(window),
        *_other(window),
    ]


def _file_commands(window: MainWindow) -> list[CommandSpec]:
    files, exporter = window.files, window.exporter

    def committed(command: Callable[[], object]) -> Callable[[], object]:
        # Ctrl+S while typing in the inspector saves what was typed, too.
        def run() -> object:
            window.inspector.commit_pending()
            return command()

        return run

    return [
        CommandSpec("file.new", tr("&New"), "file", committed(files.new_session), (_Key.New,)),
        CommandSpec(
            "file.new_from_template",
            tr("New from &template…"),
            "file",
            committed(files.new_from_template),
            ("Ctrl+Shift+N",),
        ),
        CommandSpec("file.open", tr("&Open…"), "file", committed(files.open_dialog), (_Key.Open,)),
        CommandSpec(
            "file.import",
            tr("&Import GraphML or RACI matrix…"),
            "file",
            committed(window.interchange.import_dialog),
            ("Ctrl+I",),
        ),
        CommandSpec(
            "file.save",
            tr("&Save"),
            "file",
            committed(files.save),
            (_Key.Save,),
            separator_before=True,
        ),
        CommandSpec(
            "file.save_as", tr("Save &as…"), "file", committed(files.save_as), (_Key.SaveAs,)
        ),
        CommandSpec(
            "file.export_protocol",
            tr("&Export protocol (PDF, Word)…"),
            "file",
            committed(exporter.export_protocol),
            ("Ctrl+E",),
            separator_before=True,
        ),
        CommandSpec(
            "file.export_image",
            tr("Export &map as PNG/SVG…"),
            "file",
            exporter.export_map_image,
            ("Ctrl+Shift+E",),
        ),
        CommandSpec(
            "file.export_tools",
            tr("Export for other tools (E&xcel, GraphML)…"),
            "file",
            committed(window.interchange.export_dialog),
        ),
        CommandSpec(
            "file.quit",
            tr("&Quit"),
            "file",
            window.close,
            (_Key.Quit, "Ctrl+Q"),
            separator_before=True,
        ),
    ]


def _edit_commands(window: MainWindow) -> list[CommandSpec]:
    stack, view = window.controller.undo_stack, window.map_view

    def has_selection() -> bool:
        return bool(view.selected_nodes() or view.selected_edges())

    def step_text(template: str, bare: str, step: str) -> str:
        # A step's text may hold a label with "&"; doubled, it is not a mnemonic.
        return template.format(step=step.replace("&", "&&")) if step else bare

    specs = [
        CommandSpec(
            "edit.undo",
            tr("&Undo"),
            "edit",
            stack.undo,
            (_Key.Undo,),
            enabled_when=stack.canUndo,
            dynamic_text=lambda: step_text(tr("&Undo: {step}"), tr("&Undo"), stack.undoText()),
            toolbar=True,
        ),
        CommandSpec(
            "edit.redo",
            tr("&Redo"),
            "edit",
            stack.redo,
            (_Key.Redo,),
            enabled_when=stack.canRedo,
            dynamic_text=lambda: step_text(tr("&Redo: {step}"), tr("&Redo"), stack.redoText()),
            toolbar=True,
        ),
        CommandSpec(
            "edit.delete",
            tr("&Delete"),
            "edit",
            window.delete_selection,
            (_Key.Delete, "Backspace"),
            enabled_when=has_selection,
            separator_before=True,
        ),
        CommandSpec(
            "edit.rename",
            tr("Re&name"),
            "edit",
            view.rename_selected,
            ("F2",),
            enabled_when=lambda: len(view.selected_nodes()) == 1,
        ),
        CommandSpec(
            "edit.select_all", tr("Select &all"), "edit", view.select_all, (_Key.SelectAll,)
        ),
        CommandSpec(
            "edit.connect",
            tr("&Connect to…"),
            "edit",
            view.connect_selected,
            ("Ctrl+K",),
            enabled_when=lambda: len(view.selected_nodes()) == 1,
        ),
    ]
    adds = [
        (NodeKind.PRIORITY, tr("Add &priority")),
        (NodeKind.ROLE, tr("Add r&ole")),
        (NodeKind.RESPONSIBILITY, tr("Add re&sponsibility")),
        (NodeKind.GUARDRAIL, tr("Add &guardrail")),
    ]
    for number, (kind, text) in enumerate(adds, start=1):
        specs.append(
            CommandSpec(
                f"edit.add_{kind.value}",
                text,
                "edit",
                lambda kind=kind: view.add_node(kind),
                (f"Ctrl+{number}",),
                toolbar=True,
                separator_before=number == 1,
            )
        )
    return specs


def _view_commands(window: MainWindow) -> list[CommandSpec]:
    view = window.map_view
    return [
        CommandSpec("view.zoom_in", tr("Zoom &in"), "view", view.zoom_in, (_Key.ZoomIn, "Ctrl+=")),
        CommandSpec("view.zoom_out", tr("Zoom &out"), "view", view.zoom_out, (_Key.ZoomOut,)),
        CommandSpec("view.fit", tr("&Fit map"), "view", view.fit_all, ("Ctrl+0",), toolbar=True),
        CommandSpec(
            "view.readable",
            tr("&Readable size"),
            "view",
            view.zoom_readable,
            ("Ctrl+Shift+R",),
            toolbar=True,
        ),
        CommandSpec(
            "view.arrange",
            tr("&Arrange map"),
            "view",
            lambda: view.relayout(True),
            ("Ctrl+L",),
            toolbar=True,
            separator_before=True,
        ),
        CommandSpec(
            "view.legend",
            tr("Le&gend"),
            "view",
            view.set_legend_visible,
            checkable=True,
            checked=True,
            separator_before=True,
        ),
        CommandSpec(
            "view.go_map",
            tr("Go to &map"),
            "view",
            window.focus_map,
            ("Ctrl+Shift+M",),
            separator_before=True,
        ),
        CommandSpec(
            "view.go_findings",
            tr("Go to fi&ndings"),
            "view",
            lambda: window.focus_dock(window.findings_dock),
            ("Ctrl+Shift+F",),
        ),
        CommandSpec(
            "view.go_inspector",
            tr("Go to ins&pector"),
            "view",
            lambda: window.focus_dock(window.inspector),
            ("Ctrl+Shift+I",),
        ),
    ]


def _other(window: MainWindow) -> list[CommandSpec]:
    def choose(language: str) -> Callable[[bool], None]:
        return lambda checked: window.set_language(language) if checked else None

    current = window.configured_language
    return [
        # Each language is named in its own language, so anyone can find theirs.
        CommandSpec(
            "settings.language_de",
            "&Deutsch",
            "language",
            choose("de"),
            checkable=True,
            checked=current == "de",
        ),
        CommandSpec(
            "settings.language_en",
            "&English",
            "language",
            choose("en"),
            checkable=True,
            checked=current == "en",
        ),
        CommandSpec(
            "help.shortcuts",
            tr("&Keyboard shortcuts"),
            "help",
            window.show_shortcuts,
            (_Key.HelpContents,),
        ),
        CommandSpec("help.about", tr("&About Responsibility Map"), "help", window.show_about),
    ]
