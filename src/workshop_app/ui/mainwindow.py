"""The facilitator's window: the map in the middle, inspector and findings beside it.

The window wires the parts together and owns nothing of the session: the
:class:`~workshop_app.ui.controller.SessionController` does. Other parts of
the UI extend it through ``controller``, ``map_view``, ``view_menu`` and
:meth:`MainWindow.add_command`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QToolBar

from workshop_app import __version__
from workshop_app.domain import Change
from workshop_app.ui import dialogs
from workshop_app.ui.autosave import Autosaver
from workshop_app.ui.commands import CommandSpec, install_command, refresh_commands, window_commands
from workshop_app.ui.compare import install_comparison
from workshop_app.ui.controller import SessionController
from workshop_app.ui.exporting import Exporter
from workshop_app.ui.files import SessionFiles
from workshop_app.ui.findings_dock import FindingsDock
from workshop_app.ui.guards import BANNER_AT_LEAST, UndoBanner
from workshop_app.ui.i18n import tr
from workshop_app.ui.inspector import InspectorDock
from workshop_app.ui.interchange import Interchange
from workshop_app.ui.language import SessionLanguage, switch_ui_language
from workshop_app.ui.map import MapView
from workshop_app.ui.map.hint import MapHint, map_keys
from workshop_app.ui.room_layout import RoomLayout, fit_window_to_screen
from workshop_app.ui.settings import (
    configured_language,
    restore_window_state,
    save_window_state,
    set_saved_language,
)
from workshop_app.ui.statusbar import SessionSummary
from workshop_app.ui.views import install_facilitation_views
from workshop_app.ui.views.cases import install_case_views
from workshop_app.ui.views.install import guide_title

__all__ = ["MainWindow"]

_MESSAGE_MS = 8_000


class MainWindow(QMainWindow):
    """One workshop session being edited."""

    def __init__(self, controller: SessionController | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        # Not a child of the window: its undo stack signals while it is torn
        # down, and by then every part of the window must be gone already.
        self.controller = controller if controller is not None else SessionController()
        self.configured_language = configured_language()
        self.map_view = MapView(self.controller)
        self.setCentralWidget(self.map_view)
        self.undo_banner = UndoBanner(self.controller.undo_stack, self.map_view)
        self.autosaver = Autosaver(self.controller, self)
        self.files = SessionFiles(self, self.controller, self.autosaver)
        self.exporter = Exporter(self, self.controller, self.map_view, self.statusBar())
        self.interchange = Interchange(self, self.controller, self.files, self.statusBar())
        self.inspector = InspectorDock(self.controller, self)
        self.findings_dock = FindingsDock(self.controller, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector)
        # The findings are what the room follows; the inspector needs less room.
        self.resizeDocks([self.findings_dock], [460], Qt.Orientation.Horizontal)
        self.resizeDocks([self.findings_dock, self.inspector], [3, 2], Qt.Orientation.Vertical)
        self.summary = SessionSummary(self.controller, self)
        self.statusBar().addPermanentWidget(self.summary)
        self.statusBar().addWidget(MapHint(self.map_view))
        self._build_menus()
        self._connect()
        self._autosave_warned = False
        self._fit_when_shown = False
        self.map_view.set_legend_visible(True)
        install_facilitation_views(self)
        install_comparison(self)
        install_case_views(self)
        self.room_layout = RoomLayout(
            self, self.facilitation.docks["guide"], self.findings_dock, self.inspector
        )
        self.session_language = SessionLanguage(
            self.controller,
            [
                (self.findings_dock, lambda: tr("Findings")),
                (self.facilitation.docks["guide"], guide_title),
            ],
            self,
        )
        self.statusBar().addPermanentWidget(self.session_language)
        self._restore_layout()
        self.refresh_commands()
        self._update_title()

    # --- menus and commands ---------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {
            "file": bar.addMenu(tr("&File")),
            "edit": bar.addMenu(tr("&Edit")),
            "view": bar.addMenu(tr("&View")),
            "settings": bar.addMenu(tr("&Settings")),
            "help": bar.addMenu(tr("&Help")),
        }
        self.menus["language"] = self.menus["settings"].addMenu(tr("&Language"))
        self.view_menu = self.menus["view"]
        self.toolbar = QToolBar(tr("Main toolbar"), self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self._commands: dict[str, QAction] = {}
        for spec in window_commands(self):
            self.add_command(spec)
        # Delete and Backspace delete on the map only: in a list or a table
        # they must not take away what is selected on the map behind it.
        delete = self._commands["edit.delete"]
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.map_view.addAction(delete)
        languages = QActionGroup(self)
        for action in self.menus["language"].actions():
            languages.addAction(action)
        recent = QMenu(tr("Open &recent"), self)
        recent.aboutToShow.connect(lambda: self.files.fill_recent_menu(recent))
        self.menus["file"].insertMenu(self._commands["file.save"], recent)
        self.menus["recent"] = recent
        self.view_menu.addSeparator()
        for dock in (self.findings_dock, self.inspector):
            self.view_menu.addAction(dock.toggleViewAction())

    def add_command(self, spec: CommandSpec) -> QAction:
        """Add a command to its menu (and the toolbar); other views use this too."""
        action = install_command(spec, self, self.menus, self.toolbar)
        self._commands[spec.id] = action
        return action

    def command(self, command_id: str) -> QAction:
        """The ``QAction`` of the command ``command_id`` (e.g. ``"edit.undo"``)."""
        return self._commands[command_id]

    def refresh_commands(self) -> None:
        """Update which commands are enabled, and the undo/redo texts."""
        refresh_commands(self._commands.values())

    # --- wiring -----------------------------------------------------------------------

    def _connect(self) -> None:
        controller, stack = self.controller, self.controller.undo_stack
        stack.cleanChanged.connect(self._on_clean_changed)
        stack.indexChanged.connect(self.refresh_commands)
        stack.cleanChanged.connect(self.refresh_commands)
        controller.sessionReplaced.connect(self._on_session_replaced)
        controller.editRefused.connect(self._show_refusal)
        self.map_view.legendToggled.connect(self.command("view.legend").setChecked)
        self.inspector.refused.connect(self._show_refusal)
        self.files.pathChanged.connect(self._update_title)
        controller.changed.connect(self._follow_title)
        self.map_view.selectionChanged.connect(self._on_selection_changed)
        self.findings_dock.subjectsSelected.connect(self.map_view.select_subjects)
        self.autosaver.failed.connect(self._on_autosave_failed)
        self.autosaver.written.connect(self._on_autosave_written)

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _on_selection_changed(self) -> None:
        self.inspector.show_selection(
            self.map_view.selected_nodes(), self.map_view.selected_edges()
        )
        self.refresh_commands()

    def _on_session_replaced(self) -> None:
        self.setWindowModified(not self.controller.undo_stack.isClean())
        self._update_title()
        self.refresh_commands()

    def _follow_title(self, change: Change) -> None:
        if "title" in change.meta:  # an unsaved session shows its title
            self._update_title()

    def _update_title(self) -> None:
        # "[*]" is where Qt shows the unsaved-changes marker.
        self.setWindowTitle(f"{self.files.display_name()}[*]")

    def _show_refusal(self, reason: str) -> None:
        self.statusBar().showMessage(
            tr("Not possible: {reason}").format(reason=reason), _MESSAGE_MS
        )

    def _on_autosave_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)
        if not self._autosave_warned:
            self._autosave_warned = True
            dialogs.show_passing(
                self,
                tr("Autosave does not work"),
                message,
                informative=tr(
                    "Your work is not lost, but it is not protected against a crash either. "
                    "Save it with “Save as…” to a folder you can write to. "
                    "Autosave keeps trying."
                ),
            )

    def _on_autosave_written(self) -> None:
        if self._autosave_warned:
            self._autosave_warned = False
            self.statusBar().showMessage(tr("Autosave works again."), _MESSAGE_MS)

    # --- commands -----------------------------------------------------------------------

    def delete_selection(self) -> None:
        """Delete what is selected on the map; a large deletion is announced with Undo."""
        nodes = len(self.map_view.selected_nodes())
        selected = nodes + len(self.map_view.selected_edges())
        graph, steps = self.controller.session.graph, self.controller.undo_stack.index()
        edges = len(graph.edges)
        self.map_view.delete_selected()
        if selected >= BANNER_AT_LEAST and self.controller.undo_stack.index() != steps:
            # The relations of a deleted node go with it: they are counted too.
            self.undo_banner.announce(nodes, edges - len(self.controller.session.graph.edges))

    def focus_map(self) -> None:
        self.map_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_dock(self, dock: QDockWidget) -> None:
        """Show ``dock`` and put the keyboard into it."""
        dock.show()
        dock.raise_()
        if dock is self.findings_dock:
            self.findings_dock.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif dock is self.inspector:
            self.inspector.focus_first_field()

    def set_language(self, language: str) -> None:
        """Show the window in ``language`` from now on, at once, and next time too."""
        if language == self.configured_language:
            return
        self.configured_language = language
        set_saved_language(language)
        self.inspector.commit_pending()
        switch_ui_language(self, language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_title()
            self.refresh_commands()
            self.facilitation.rebuild_views()
        super().changeEvent(event)

    def show_shortcuts(self) -> None:
        rows = [
            (menu.title(), action.text(), action.shortcuts())
            for menu_id, menu in self.menus.items()
            if menu_id != "recent"
            for action in menu.actions()
            if not action.isSeparator() and action.menu() is None
        ]
        dialogs.show_shortcuts(self, rows + map_keys())

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            tr("About Responsibility Map"),
            tr(
                "Responsibility Map {version}\n\n"
                "Map a customer-service team's priorities, responsibilities, "
                "decision spaces and escalation paths, and see what is still ambiguous."
            ).format(version=__version__),
        )

    # --- closing ------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry, state = restore_window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
            # Perhaps saved on a larger screen than this one; only when shown
            # does the window know its frame and its screen.
            self._fit_when_shown = True
        if state is not None:
            self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_when_shown:
            self._fit_when_shown = False
            QTimer.singleShot(0, lambda: fit_window_to_screen(self))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.inspector.commit_pending()
        if not self.files.maybe_save():
            event.ignore()
            return
        self.autosaver.close()
        self.files.close()
        save_window_state(self.saveGeometry(), self.saveState(), maximized=self.isMaximized())
        event.accept()
