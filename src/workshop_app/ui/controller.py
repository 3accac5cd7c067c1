"""The window's hub: the session being edited, its undo stack and its findings.

Views never change the session directly: they call :meth:`execute` with an
operation record from :mod:`workshop_app.domain`; the undo stack wraps it in
:class:`OperationCommand`. The controller listens to its session and passes
on what each edit, undo or redo changed, as the core tells it (a
:class:`~workshop_app.domain.Change`): first ``changed``, then, once the
live analysis has caught up, ``findingsChanged``. Every view follows these
signals (napari's models and views work the same way).
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from workshop_app.analysis import Finding, LiveAnalysis
from workshop_app.domain import Change, DomainError, Operation, Session
from workshop_app.layout import settle_positions

__all__ = ["OperationCommand", "SessionController"]

_MERGEABLE = 1
#: With a session of more nodes than this, what is alive once it is opened is
#: kept out of the garbage collector's passes (see ``_settle_heap``).
FROZEN_FROM_NODES = 1000


class OperationCommand(QUndoCommand):
    """Applies an operation on redo and its inverse on undo.

    The map sends a whole drag as one ``Batch`` when the mouse is released,
    so a drag is one step and two drags are two. Only commands given the same
    ``merge`` key in a row fold into one step (arrow-key nudges of a selection).
    """

    def __init__(
        self,
        controller: SessionController,
        operation: Operation,
        inverse: Operation,
        text: str,
        merge: str | None = None,
    ) -> None:
        super().__init__(text)
        self._controller = controller
        self._forward = operation
        self._backward = inverse
        self._merge = merge
        # The controller applied the operation already (to catch a refusal
        # before anything enters the stack); QUndoStack.push calls redo once.
        self._pending_first_redo = True

    def redo(self) -> None:
        if self._pending_first_redo:
            self._pending_first_redo = False
            return
        self._backward = self._controller._apply(self._forward)

    def undo(self) -> None:
        self._forward = self._controller._apply(self._backward)

    def id(self) -> int:
        return _MERGEABLE if self._merge is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, OperationCommand) or other._merge != self._merge:
            return False
        # Keep our inverse (the state before the first step); take the newer target.
        self._forward = other._forward
        return True


class SessionController(QObject):
    """Owns the session being edited and tells the views about every change."""

    #: the session changed (a new edit, an undo or a redo); the argument is the Change
    changed = Signal(object)
    #: a different session is being edited (new, open, recover)
    sessionReplaced = Signal()
    #: the findings were recomputed (after ``changed``, when an edit caused it)
    findingsChanged = Signal()
    #: an edit was refused; the argument is the message for the user
    editRefused = Signal(str)

    def __init__(self, session: Session | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        # A QUndoStack clears itself, with signals, while it is destroyed; the
        # views listening may be half torn down by then, so it goes quiet first.
        stack = self.undo_stack
        self.destroyed.connect(lambda: stack.blockSignals(True))
        self.session = session if session is not None else Session()
        settle_positions(self.session)
        self.session.listeners.append(self._session_changed)
        self.path: Path | None = None
        #: Held while another thread reads the session (a save, an autosave):
        #: an edit waits for the read to finish, so no file mixes two states.
        self.reading = threading.RLock()
        # Re-checks after an edit only what it can change: a full analysis
        # of a large map would take longer than a frame on every edit.
        self._analysis = LiveAnalysis(self.session)
        self.findings: list[Finding] = self._analysis.findings
        self._settle_heap()

    def replace_session(self, session: Session, path: Path | None) -> None:
        """Edit ``session`` from now on (the undo history starts afresh).

        Nodes saved without a position get the automatic layout's first, as
        if the file had held it, so every view and the protocol show one map
        and no view writes to the session when it is shown; then it is
        analysed, once.
        """
        self.undo_stack.clear()
        self.session.listeners.remove(self._session_changed)
        settle_positions(session)
        self.session = session
        session.listeners.append(self._session_changed)
        self.path = path
        self.undo_stack.setClean()
        self._analysis = LiveAnalysis(session)
        self.findings = self._analysis.findings
        self.sessionReplaced.emit()
        self.findingsChanged.emit()
        self._settle_heap()

    def execute(self, operation: Operation, text: str, *, merge: str | None = None) -> bool:
        """Apply ``operation`` as one undoable step named ``text``.

        Consecutive steps with the same ``merge`` key undo as one.

        Returns False, and emits ``editRefused`` with the reason, when the
        operation would make the session invalid; nothing changes then.
        """
        try:
            inverse = self._apply(operation)
        except DomainError as error:
            self.editRefused.emit(str(error))
            return False
        self.undo_stack.push(OperationCommand(self, operation, inverse, text, merge))
        return True

    def navigate(self, operation: Operation) -> None:
        """Apply ``operation`` as a step of navigation: saved with the file, not undoable.

        The guide's current phase is such a step: it belongs in the file (the
        next start opens the same phase) but Ctrl+Z must take back the last
        edit of the map, not the last click on "Next phase". The session is
        unsaved from now on, also when undo returns to the saved edits
        (``QUndoStack.resetClean``); ``changed`` lets autosave follow.
        """
        self._apply(operation)
        self.undo_stack.resetClean()

    def _settle_heap(self) -> None:
        """Keep a large session and its views out of the garbage collector's full passes.

        A full pass walks every object: with 5,000 nodes open, 50-60 ms, on
        whichever thread runs it and with the interpreter locked. The many
        objects a Save in the background makes set such passes off, and the
        window stalled 60-120 ms during the save. ``gc.freeze`` sets what is
        alive now aside, so a pass walks only what came after. Opening the
        next session puts it back (and collects what the large one left);
        small sessions are not set aside, as their passes are short.
        """
        was_frozen = gc.get_freeze_count() > 0
        gc.unfreeze()
        if len(self.session.graph) > FROZEN_FROM_NODES:
            if was_frozen:
                gc.collect()
            gc.freeze()

    def _apply(self, operation: Operation) -> Operation:
        with self.reading:
            return self.session.apply(operation)

    def _session_changed(self, change: Change) -> None:
        self.changed.emit(change)
        self.findings = self._analysis.update(change)
        self.findingsChanged.emit()
