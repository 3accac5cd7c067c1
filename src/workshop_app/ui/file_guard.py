"""Keeping two editors of one session file from overwriting each other's work.

A window holds the lock beside the file it edits (see
:mod:`workshop_app.fileformat.locking`) and remembers what it read or last
wrote there (:class:`~workshop_app.fileformat.state.DiskState`). A second
window or instance finds the lock and offers to open the session read-only or
anyway; a save over a file that changed on disk since asks first (save as a
copy, compare, overwrite). A session opened read-only saves under another
name only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from workshop_app.fileformat import DiskState
from workshop_app.fileformat.locking import FileLock, LockOwner
from workshop_app.fileformat.state import changed_on_disk
from workshop_app.ui import file_questions

__all__ = ["FileGuard"]


class FileGuard:
    """The lock, the known disk state and the read-only mark of one window's file."""

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._lock: FileLock | None = None
        self.state: DiskState | None = None
        self.read_only = False

    def claim(self, path: Path) -> tuple[FileLock | None, bool] | None:
        """Lock ``path`` for editing here; ``(lock, read_only)``, or ``None`` to cancel.

        The lock is not yet this window's: :meth:`bind` makes it so once the
        session is open (or :meth:`give_back` returns it).
        """
        lock = FileLock.beside(path)
        owner = lock.acquire()
        if owner is None:
            return lock, False
        answer = file_questions.ask_locked(self._window, path.name, owner)
        if answer == "read_only":
            return None, True
        if answer == "anyway":
            # A lock whose owner's process cannot be asked (another computer) is
            # taken over now; a lock held by a running process never is.
            return (lock if lock.acquire(take_from_other_host=True) is None else None), False
        return None

    @staticmethod
    def claim_unasked(path: Path) -> tuple[FileLock | None, bool] | None:
        """Lock ``path`` as :meth:`claim` does if nobody else holds it; ``None`` (and
        nothing held, nothing asked) if someone does."""
        lock = FileLock.beside(path)
        return (lock, False) if lock.acquire() is None else None

    @staticmethod
    def give_back(claimed: tuple[FileLock | None, bool] | None) -> None:
        if claimed is not None and claimed[0] is not None:
            claimed[0].release()

    def bind(
        self,
        claimed: tuple[FileLock | None, bool] | None,
        state: DiskState | None,
    ) -> None:
        """Edit the file ``claimed`` was for (``None``: no file) as last seen in ``state``."""
        lock, read_only = claimed if claimed is not None else (None, False)
        if self._lock is not None and self._lock is not lock:
            self._lock.release()
        self._lock, self.state, self.read_only = lock, state, read_only

    def current(self) -> tuple[FileLock | None, bool]:
        """What :meth:`claim` gave for the file edited now."""
        return self._lock, self.read_only

    def holder_of(self, path: Path) -> LockOwner | None:
        """Who else holds ``path``'s lock (``None``: nobody, or this window)."""
        if self._lock is not None and self._lock.path == FileLock.beside(path).path:
            return None
        return FileLock.beside(path).probe()

    def changed_on_disk(self, path: Path) -> bool:
        """Whether ``path`` (this window's file) differs from what this window last saw there."""
        return changed_on_disk(path, self.state)

    def release(self) -> None:
        self.bind(None, None)
