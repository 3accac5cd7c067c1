"""Comparing the session being edited with another one, on the map.

A comparison is a view, not an edit: it marks the map and lists the changes
in a dock, and never touches the session, its undo stack or its autosave.
The map keeps showing the session being edited, and stays editable; the
marks follow each edit (the comparison is worked out again a moment later).

Every window has its :class:`Comparison` from the start; the comparison's
own modules (the diff, the marks, the dock) are imported when it is first
shown, not before the window's first frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from workshop_app.analysis import Finding, find_ambiguities
from workshop_app.domain import Change, Session
from workshop_app.fileformat import SessionFormatError, load_session
from workshop_app.layout import node_positions
from workshop_app.ui import dialogs
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.map.navigation import show_rect

if TYPE_CHECKING:
    from workshop_app.compare.diff import SessionDiff
    from workshop_app.compare.entries import Entry
    from workshop_app.ui.compare.dock import ChangesDock
    from workshop_app.ui.compare.overlay import ChangeOverlay

__all__ = [
    "REFRESH_DELAY_MS",
    "Comparison",
    "load_for_comparison",
    "session_folder",
    "shown_name",
]

#: After an edit, the comparison is worked out again once the map has been still this long.
REFRESH_DELAY_MS = 400


def shown_name(name: str, session: Session) -> str:
    """A session's name for the facilitator: its file and, if it has one, its date."""
    date = session.meta.get("date")
    return f"{name} ({date})" if date else name


def session_folder(path: Path | None) -> Path:
    """Where to look for the other sessions: beside the session being edited."""
    return path.parent if path is not None else Path.home()


def load_for_comparison(parent: Any, path: Path) -> Session | None:
    """The session at ``path``, or ``None`` after telling the facilitator why not."""
    try:
        return load_session(path)
    except SessionFormatError as error:
        dialogs.show_error(parent, tr("Cannot compare"), error.message(ui_language()))
    return None


class Comparison(QObject):
    """The comparison mode of one main window (``window.comparison``).

    :meth:`show` is the entry point for other parts of the window, too: give
    it two sessions, one of which is the session being edited.
    """

    #: a comparison is shown now
    started = Signal()
    #: the map is back to normal
    ended = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        self._other: Session | None = None
        self._other_findings: list[Finding] | None = None
        self._shows_new = True
        self._names = ("", "")
        self._overlay: ChangeOverlay | None = None
        self._dock: ChangesDock | None = None
        self.diff: SessionDiff | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh)
        window.controller.changed.connect(self._on_changed)
        window.controller.sessionReplaced.connect(self.stop)

    @property
    def active(self) -> bool:
        return self._other is not None

    @property
    def dock(self) -> ChangesDock:
        """The changes dock (made when first needed)."""
        if self._dock is None:
            from workshop_app.ui.compare.dock import ChangesDock

            self._dock = ChangesDock(self._window)
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._dock)
            # In the findings' place: while comparing, the changes are what the room discusses.
            self._window.tabifyDockWidget(self._window.findings_dock, self._dock)
            self._dock.entryPicked.connect(self.pick)
            self._dock.backRequested.connect(self.stop)
            self._dock.hide()
        return self._dock

    @property
    def earlier_session(self) -> Session | None:
        """The other session when it is the earlier one (the map shows the later)."""
        return self._other if self._shows_new else None

    @property
    def overlay(self) -> ChangeOverlay | None:
        return self._overlay

    def show(self, old: Session, new: Session, old_name: str, new_name: str) -> None:
        """Show what changed from ``old`` to ``new`` on the map.

        One of the two must be the session being edited (the map shows it);
        the other is kept as given, not copied.
        """
        current = self._window.controller.session
        if new is not current and old is not current:
            raise ValueError("one of the compared sessions must be the one being edited")
        self.stop()
        self._shows_new = new is current
        self._other = old if self._shows_new else new
        self._names = (shown_name(old_name, old), shown_name(new_name, new))
        from workshop_app.ui.compare.overlay import ChangeOverlay

        self._overlay = ChangeOverlay(self._window.map_view.scene(), current.language)
        self._refresh()
        self.dock.show()
        self.dock.raise_()
        self.started.emit()

    def compare_with_file(self) -> None:
        """Ask for a session file and compare the map with it (File → Compare with…)."""
        path = dialogs.ask_open_path(self._window, session_folder(self._window.controller.path))
        if path is None:
            return
        other = load_for_comparison(self._window, path)
        if other is None:
            return
        current = self._window.controller.session
        name = self._window.files.display_name()
        if _is_later(other, current):
            self.show(current, other, name, path.name)
        else:
            self.show(other, current, path.name, name)

    def stop(self) -> None:
        """Back to the normal map: every mark goes, the dock closes."""
        if self._other is None:
            return
        self._timer.stop()
        if self._overlay is not None:
            self._overlay.clear()
        self._overlay, self._other, self._other_findings, self.diff = None, None, None, None
        if self._dock is not None:
            self._dock.hide()
        self._window.map_view.clear_selection()
        self.ended.emit()

    def pick(self, entry: Entry) -> None:
        """Select and centre what ``entry`` is about, ghosts included."""
        if self._overlay is None:
            return
        view = self._window.map_view
        live = [node for node in entry.nodes if view.scene().node_rect(node) is not None]
        self._overlay.set_current_ghosts(n for n in entry.nodes if n in self._overlay.ghosts)
        if live:
            view.select_subjects(live)
        else:
            view.clear_selection()
        rect = self._overlay.rect_of(entry.nodes)
        if not rect.isNull():
            view.auto_fit = False
            show_rect(view, rect, max(view.zoom(), 1.0))

    def _on_changed(self, _change: Change) -> None:
        # The marks follow the map at once (geometryChanged); what changed, a moment later.
        if self._overlay is not None:
            self._timer.start()

    def _refresh(self) -> None:
        from workshop_app.compare.diff import compare_sessions
        from workshop_app.compare.entries import describe
        from workshop_app.compare.ghosts import ghost_positions
        from workshop_app.compare.marks import map_marks

        other, controller = self._other, self._window.controller
        if other is None or self._overlay is None:
            return
        current = controller.session
        language = current.language
        if self._other_findings is None:
            self._other_findings = find_ambiguities(other, language)
        if self._shows_new:
            old, new, findings = other, current, (self._other_findings, controller.findings)
        else:
            old, new, findings = current, other, (controller.findings, self._other_findings)
        self.diff = compare_sessions(old, new, language, findings=findings)
        marks = map_marks(self.diff, self._shows_new)
        places = ghost_positions(other, node_positions(current), marks.ghost_nodes)
        self._overlay.show(marks, places)
        self.dock.show_entries(self._names, describe(self.diff, language), language)


def _is_later(other: Session, current: Session) -> bool:
    """Whether ``other`` is the later workshop: by the dates, when both have one."""
    theirs, ours = other.meta.get("date"), current.meta.get("date")
    return isinstance(theirs, str) and isinstance(ours, str) and theirs > ours
