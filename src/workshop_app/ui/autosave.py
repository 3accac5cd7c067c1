"""Autosave of unsaved work, and finding it again after a crash.

While a window has unsaved changes, its session is written at most every 30 s
of editing to ``<AppDataLocation>/autosave/<id>.yaml``, with a sidecar
``<id>.json`` naming the file it came from. It is written like ``save_session``
does (the same text, the same size rule, the same atomic replace), entirely
in a background thread: reading the session there holds the controller's
``reading`` lock, so an edit waits for the read instead of the window
stalling every half minute for the copy of a map of thousands of nodes.
A clean save or a clean close removes the copy. A lock ``<id>.lock`` (an
advisory lock the system drops when its process ends, see
:mod:`workshop_app.fileformat.locking`) marks the window that owns them:
what a crashed run left behind has a free lock and is offered for recovery at
the next start — found without writing anything, so also on a full disk;
what another running window owns is left alone. Reading the folder is
:mod:`workshop_app.ui.recovery`'s work.

App data, not a temporary or cache folder: those may be wiped, and this is
the last copy of a workshop's results.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, Signal

from workshop_app.domain import Session
from workshop_app.fileformat import DiskState, SaveError, session_to_document
from workshop_app.fileformat.atomic import write_atomic
from workshop_app.fileformat.locking import FileLock
from workshop_app.fileformat.writer import encode_document
from workshop_app.ui import recovery
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.recovery import Recoverable

__all__ = ["AUTOSAVE_DELAY_MS", "Autosaver", "Recoverable", "autosave_dir", "find_recoverable"]

_log = logging.getLogger(__name__)

#: At most this long between the first unsaved change and its autosave.
AUTOSAVE_DELAY_MS = 30_000


def autosave_dir() -> Path:
    """The folder of autosaved sessions (inside the app's data folder)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


def _write_copy(session_file: Path, document: dict[str, Any], sidecar: dict[str, Any]) -> None:
    """Write the autosaved session and then its sidecar, each atomically (any thread)."""
    write_atomic(session_file, encode_document(document, session_file))
    write_atomic(recovery.sidecar(session_file), json.dumps(sidecar).encode("utf-8"))


def find_recoverable() -> list[Recoverable]:
    """Autosaved sessions left by runs that ended without saving, newest first."""
    return recovery.find_in(autosave_dir())


class Autosaver(QObject):
    """Keeps an autosaved copy of one window's session while it has unsaved changes."""

    #: autosave does not work; the argument says why, for the facilitator
    failed = Signal(str)
    #: an autosave was written (after a failure: it works again)
    written = Signal()
    #: the writer thread finished: None, or why it failed
    _finished = Signal(object)

    def __init__(self, controller: SessionController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.ident = uuid.uuid4().hex
        self._lock: FileLock | None = None
        #: What the window's file held when it was opened or saved (into the sidecar).
        self.original_state: DiskState | None = None
        self._writer: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.write_now)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        controller.undo_stack.indexChanged.connect(self._schedule)
        # Also what changes the session outside the undo stack (the guide's phase).
        controller.changed.connect(self._schedule)
        controller.undo_stack.cleanChanged.connect(self._on_clean_changed)

    @property
    def session_file(self) -> Path:
        return autosave_dir() / f"{self.ident}.yaml"

    def _clean(self) -> bool:
        return self._controller.undo_stack.isClean()

    def _schedule(self) -> None:
        if self._clean() or self.timer.isActive():
            return
        self.timer.start()
        # Tell at the first edit, not 30 s later, when the folder is unusable.
        if (problem := self._take_lock()) is not None:
            self.failed.emit(problem)

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()
        else:
            self._schedule()

    def _take_lock(self) -> str | None:
        """Own this window's lock; return why that failed, or ``None``."""
        if self._lock is not None:
            return None
        folder = autosave_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return _describe(error)
        lock = recovery.lock_file(folder, self.ident)
        if lock.acquire() is not None:
            return _describe(PermissionError(f"{lock.path}: held by another window"))
        self._lock = lock
        return None

    def write_now(self) -> None:
        """Start writing the autosave (the timer calls this); ``written`` or ``failed`` follows.

        A failure is reported and retried after the same delay, for as long as
        there are unsaved changes.
        """
        if self._clean():
            return
        if self._writer is not None:  # the previous copy is still being written
            self.timer.start()
            return
        if (problem := self._take_lock()) is not None:
            self._failed(problem)
            return
        path = self._controller.path
        sidecar = {
            "original": str(path.resolve()) if path is not None else None,
            "saved_at": datetime.now(UTC).isoformat(),
            "original_state": self.original_state and self.original_state.to_json(),
        }
        session = self._controller.session
        self._writer = threading.Thread(
            target=self._write,
            args=(self.session_file, session, self._controller.reading, sidecar),
            name="autosave",
            daemon=True,
        )
        self._writer.start()

    def _write(
        self,
        session_file: Path,
        session: Session,
        reading: threading.RLock,
        sidecar: dict[str, Any],
    ) -> None:
        try:
            with reading:  # an edit now waits until the session is read
                document = session_to_document(session)
            _write_copy(session_file, document, sidecar)
        except OSError as error:
            self._finished.emit(_describe(error))
        except Exception as error:
            # Not only an OSError: a thread that dies without a word would leave
            # ``_writer`` set, and autosave would stop for good, silently.
            _log.exception("Autosave failed")
            self._finished.emit(_describe(error))
        else:
            self._finished.emit(None)

    def _on_finished(self, problem: str | None) -> None:
        self.wait()
        if problem is None:
            self.written.emit()
        else:
            self._failed(problem)

    def _failed(self, problem: str) -> None:
        self.timer.start()
        self.failed.emit(problem)

    def wait(self) -> None:
        """Let a write under way finish (it takes a fraction of a second)."""
        if self._writer is not None:
            self._writer.join()
            self._writer = None

    def discard(self) -> None:
        """Remove this window's autosaved copy (its work was saved or discarded)."""
        self.timer.stop()
        self.wait()
        recovery.remove_copy(self.session_file)

    def adopt(self, recoverable: Recoverable) -> None:
        """Keep autosaving into a recovered copy: it stays until the work is saved."""
        self.wait()
        self._release_lock()
        self.ident = recoverable.ident
        self._take_lock()

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def close(self) -> None:
        """The window closes cleanly: nothing is left to recover."""
        self.discard()
        self._release_lock()


def _describe(error: Exception) -> str:
    reason = error.message(ui_language()) if isinstance(error, SaveError) else str(error)
    return tr("Autosave failed: {reason}").format(reason=reason)
