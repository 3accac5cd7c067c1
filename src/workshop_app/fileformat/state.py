"""What a file on disk was when the app read or wrote it: to notice someone else's change.

A sync client, a colleague or a second window may change the session file
while it is open. The window keeps the :class:`DiskState` of what it loaded
or last saved and asks :func:`changed_on_disk` before the next save: the
cheap stat first, the content's hash only when the stat differs (a sync
client that rewrites the same bytes is no change).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

__all__ = ["DiskState", "changed_on_disk", "read_with_state", "state_of"]

_CHUNK = 1 << 20


@dataclass(frozen=True)
class DiskState:
    """Size, modification time, identity and content hash of a file as the app saw it."""

    size: int
    mtime_ns: int
    inode: int
    device: int
    sha256: bytes

    def to_json(self) -> dict[str, int | str]:
        """The state as plain data (for the autosave's sidecar)."""
        return {
            "size": self.size,
            "mtime_ns": self.mtime_ns,
            "inode": self.inode,
            "device": self.device,
            "sha256": self.sha256.hex(),
        }

    @classmethod
    def from_json(cls, data: object) -> DiskState | None:
        """The state :meth:`to_json` gave; ``None`` for anything else."""
        try:
            fields = dict(data)  # type: ignore[call-overload]
            numbers = [fields[name] for name in ("size", "mtime_ns", "inode", "device")]
            if not all(type(n) is int for n in numbers):
                return None
            return cls(*numbers, bytes.fromhex(fields["sha256"]))
        except (TypeError, ValueError, KeyError):
            return None

    def same_stat(self, info: os.stat_result) -> bool:
        return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev) == (
            self.size,
            self.mtime_ns,
            self.inode,
            self.device,
        )


def state_of(info: os.stat_result, sha256: bytes) -> DiskState:
    """The state of a file with stat ``info`` and content hash ``sha256``."""
    return DiskState(info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev, sha256)


def read_with_state(path: str | os.PathLike[str], limit: int) -> tuple[bytes, DiskState]:
    """Up to ``limit`` + 1 bytes of the file and the state of exactly what was read."""
    with open(path, "rb") as file:
        data = file.read(limit + 1)
        info = os.fstat(file.fileno())
    return data, state_of(info, hashlib.sha256(data).digest())


def changed_on_disk(path: str | os.PathLike[str], known: DiskState | None) -> bool:
    """Whether the file at ``path`` now differs from ``known``.

    A file that is gone, or was never known, has nothing to overwrite: no
    change. A file that cannot be read counts as changed (it is not what
    the app left there).
    """
    if known is None:
        return False
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    if known.same_stat(info):
        return False
    if info.st_size != known.size:
        return True
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as file:
            while chunk := file.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return True
    return digest.digest() != known.sha256
