"""A lock beside a file that one window holds while it edits it.

Two windows (or two laptops on a shared folder) editing one session would
overwrite each other's work. The window that opens a session takes its lock
``.<name>.lock`` beside it; a second one finds it held and learns by whom
(host, user, process, since when) — the window then offers to open the
session read-only or anyway.

The lock is an advisory ``flock`` on the lock file, which the system lets go
of when its process ends, however it ends: a lock left behind by a crash is
free again and is simply taken over, with no question and no new file (so
also on a full disk). The JSON inside only names the owner for messages.
Where ``flock`` does not exist (Windows), a lock whose process is gone on
this machine counts as free. A lock of another machine is never taken over
silently: its process cannot be asked.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime

from workshop_app.fileformat.atomic import is_running, resolve_target, short_sibling

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["FileLock", "LockOwner", "lock_path"]

_BINARY = getattr(os, "O_BINARY", 0)
_MAX_INFO = 4096


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock: as far as its file tells (fields may be empty)."""

    host: str = ""
    user: str = ""
    pid: int = 0
    since: str = ""

    @classmethod
    def this_process(cls) -> LockOwner:
        return cls(_host(), _user(), os.getpid(), datetime.now(UTC).isoformat(timespec="seconds"))

    def is_here(self) -> bool:
        """The owner runs on this machine."""
        return self.host == _host()

    def is_this_process(self) -> bool:
        return self.is_here() and self.pid == os.getpid()

    def to_json(self) -> bytes:
        data = {"host": self.host, "user": self.user, "pid": self.pid, "since": self.since}
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> LockOwner:
        """The owner a lock file names; an unreadable file names nobody."""
        try:
            fields = json.loads(data.decode("utf-8"))
            pid = fields.get("pid")
            return cls(
                str(fields.get("host") or ""),
                str(fields.get("user") or ""),
                pid if isinstance(pid, int) and not isinstance(pid, bool) else 0,
                str(fields.get("since") or ""),
            )
        except (ValueError, AttributeError):
            return cls()


def _host() -> str:
    return socket.gethostname()


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this user id (a container)
        return str(os.getuid()) if hasattr(os, "getuid") else ""


def lock_path(path: str | os.PathLike[str]) -> str:
    """The lock file of ``path``: ``.<name>.lock`` beside the file (a link's target's)."""
    return short_sibling(resolve_target(path), prefix=".", suffix=".lock")


class FileLock:
    """The lock file ``lock_file``; :meth:`acquire` it, :meth:`release` it when done."""

    def __init__(self, lock_file: str | os.PathLike[str]) -> None:
        self.path = os.fspath(lock_file)
        self._fd: int | None = None

    @classmethod
    def beside(cls, path: str | os.PathLike[str]) -> FileLock:
        """The lock of the session file ``path``."""
        return cls(lock_path(path))

    @property
    def held(self) -> bool:
        """This object holds the lock now."""
        return self._fd is not None

    def acquire(self, *, take_from_other_host: bool = False) -> LockOwner | None:
        """Take the lock; ``None`` when taken, else who holds it.

        A lock of a dead process of this machine is taken over. Where no
        lock can be made (a read-only folder), ``None`` is returned without
        holding one: there is nothing to protect against then but the other
        windows' locks, which are still respected.
        """
        if self._fd is not None:
            return None
        for _attempt in range(3):
            try:
                # Held open for reading only: an open lock must not keep the disk
                # from being unmounted or remounted read-only (the owner is
                # written through a second, short-lived descriptor).
                fd = os.open(self.path, os.O_RDONLY | os.O_CREAT | _BINARY, 0o666)
            except OSError:
                return self._owner_of_unwritable()
            owner = self._lock_or_owner(fd, take_from_other_host=take_from_other_host)
            if owner is not None:
                os.close(fd)
                return owner
            if self._still_this_file(fd):
                self._fd = fd
                self._write_owner()
                return None
            os.close(fd)  # released and deleted meanwhile: lock the new file
        return None

    def _lock_or_owner(self, fd: int, *, take_from_other_host: bool) -> LockOwner | None:
        """Lock ``fd``; ``None`` when locked, else its owner (``fd`` not locked then)."""
        owner = LockOwner.from_json(_read(fd))
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return owner if owner.pid else LockOwner(since="?")
            if owner.pid and not owner.is_here() and not take_from_other_host:
                fcntl.flock(fd, fcntl.LOCK_UN)
                return owner
            return None
        if not owner.pid or owner.is_this_process():
            return None
        if owner.is_here():
            return owner if is_running(owner.pid) else None
        return None if take_from_other_host else owner

    def _still_this_file(self, fd: int) -> bool:
        try:
            return os.path.samestat(os.fstat(fd), os.stat(self.path))
        except OSError:
            return False

    def _owner_of_unwritable(self) -> LockOwner | None:
        """Who holds the lock of a folder we cannot write to; ``None`` for nobody."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _BINARY)
        except OSError:
            return None
        try:
            return self.probe_fd(fd)
        finally:
            os.close(fd)

    def probe(self) -> LockOwner | None:
        """Who holds the lock now (``None`` when nobody), without taking it or writing."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _BINARY)
        except OSError:
            return None
        try:
            return self.probe_fd(fd)
        finally:
            os.close(fd)

    @staticmethod
    def probe_fd(fd: int) -> LockOwner | None:
        owner = LockOwner.from_json(_read(fd))
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:
                return owner if owner.pid else LockOwner(since="?")
            fcntl.flock(fd, fcntl.LOCK_UN)
            return owner if owner.pid and not owner.is_here() else None
        if owner.pid and (not owner.is_here() or is_running(owner.pid)):
            return owner
        return None

    def _write_owner(self) -> None:
        """Name this process in the lock; on a full disk the lock holds without it."""
        with contextlib.suppress(OSError):
            fd = os.open(self.path, os.O_WRONLY | os.O_TRUNC | _BINARY)
            try:
                os.write(fd, LockOwner.this_process().to_json())
            finally:
                os.close(fd)

    def __del__(self) -> None:
        # Forgotten without release (a window torn down without closing): the
        # lock goes as it would with the process; its file stays, and is free.
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)

    def release(self) -> None:
        """Give the lock up and remove its file."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            if self._still_this_file(self._fd):
                os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.close(self._fd)
        self._fd = None


def _read(fd: int) -> bytes:
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, _MAX_INFO)
    return b""
