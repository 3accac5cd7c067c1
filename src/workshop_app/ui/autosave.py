"""Autosave of unsaved work, and finding it again after a crash.

While a window has unsaved changes, its session is written at most every 30 s
of editing to ``<AppDataLocation>/autosave/<id>.yaml``, with a sidecar
``<id>.json`` naming the file it came from. It is written like ``save_session``
does (the same text, the same atomic replace), but in two halves: the session
is copied into plain data on the GUI thread (milliseconds), and turned into
text and written in a background thread, so that even a map of thousands of
nodes does not make the window stutter every half minute.
A clean save or a clean close removes the copy. A lock file
``<id>.lock`` marks the window that owns them: what a crashed run left behind
has a stale lock (its process is gone) and is offered for recovery at the
next start; what another running window owns is left alone.

App data, not a temporary or cache folder: those may be wiped, and this is
the last copy of a workshop's results.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Qt, QTimer, Signal

from workshop_app.fileformat import SaveError, session_to_document
from workshop_app.fileformat.atomic import BACKUP_SUFFIX, remove_stale_temporaries, write_atomic
from workshop_app.fileformat.writer import dump_document
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr, ui_language

__all__ = ["AUTOSAVE_DELAY_MS", "Autosaver", "Recoverable", "autosave_dir", "find_recoverable"]

_log = logging.getLogger(__name__)

#: At most this long between the first unsaved change and its autosave.
AUTOSAVE_DELAY_MS = 30_000


def autosave_dir() -> Path:
    """The folder of autosaved sessions (inside the app's data folder)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


@dataclass(frozen=True)
class Recoverable:
    """A session a crashed run autosaved and nobody has recovered yet."""

    ident: str
    session_file: Path
    original: Path | None
    saved_at: datetime

    def discard(self) -> None:
        """Delete the autosaved copy (the facilitator decided against it)."""
        _remove(self.session_file)


def _sidecar(session_file: Path) -> Path:
    return session_file.with_suffix(".json")


def _remove(session_file: Path) -> None:
    """Delete the copy and its sidecar, with the backups the atomic writes keep.

    And the temporary files of a write that a crash cut short: nothing else
    would ever write to this copy again and clean them up.
    """
    for path in (session_file, _sidecar(session_file)):
        for name in (path.name, path.name + BACKUP_SUFFIX):
            with contextlib.suppress(OSError):
                path.with_name(name).unlink(missing_ok=True)
        remove_stale_temporaries(path)


def _write_copy(session_file: Path, document: dict[str, Any], sidecar: dict[str, Any]) -> None:
    """Write the autosaved session and then its sidecar, each atomically (any thread)."""
    write_atomic(session_file, dump_document(document).encode("utf-8"))
    write_atomic(_sidecar(session_file), json.dumps(sidecar).encode("utf-8"))


def _lock_for(folder: Path, ident: str) -> QLockFile:
    lock = QLockFile(str(folder / f"{ident}.lock"))
    # Only a dead owner makes a lock stale: a workshop may run for hours
    # between two autosaves, and its lock must hold all that time.
    lock.setStaleLockTime(0)
    return lock


def _read_recoverable(session_file: Path) -> Recoverable:
    original: Path | None = None
    saved_at = datetime.fromtimestamp(session_file.stat().st_mtime, UTC)
    # The sidecar is a convenience: without it the session is still offered.
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError, KeyError):
        data = json.loads(_sidecar(session_file).read_text(encoding="utf-8"))
        original = Path(data["original"]) if data.get("original") else None
        saved_at = datetime.fromisoformat(data["saved_at"])
    return Recoverable(session_file.stem, session_file, original, saved_at)


def find_recoverable() -> list[Recoverable]:
    """Autosaved sessions left by runs that ended without saving, newest first."""
    folder = autosave_dir()
    if not folder.is_dir():
        return []
    found = []
    for session_file in folder.glob("*.yaml"):
        lock = _lock_for(folder, session_file.stem)
        if not lock.tryLock(0):
            continue  # a running window owns it
        lock.unlock()
        found.append(_read_recoverable(session_file))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


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
        self._lock: QLockFile | None = None
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
        lock = _lock_for(folder, self.ident)
        if not lock.tryLock(0):
            return _describe(PermissionError(f"{folder}: {lock.error().name}"))
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
        }
        document = session_to_document(self._controller.session)
        self._writer = threading.Thread(
            target=self._write, args=(self.session_file, document, sidecar), daemon=True
        )
        self._writer.start()

    def _write(self, session_file: Path, document: dict[str, Any], sidecar: dict[str, Any]) -> None:
        try:
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
        _remove(self.session_file)

    def adopt(self, recoverable: Recoverable) -> None:
        """Keep autosaving into a recovered copy: it stays until the work is saved."""
        self.wait()
        self._release_lock()
        self.ident = recoverable.ident
        self._take_lock()

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def close(self) -> None:
        """The window closes cleanly: nothing is left to recover."""
        self.discard()
        self._release_lock()


def _describe(error: Exception) -> str:
    reason = error.message(ui_language()) if isinstance(error, SaveError) else str(error)
    return tr("Autosave failed: {reason}").format(reason=reason)
