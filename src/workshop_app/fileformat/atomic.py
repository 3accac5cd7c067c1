"""Durable, atomic file replacement that keeps the previous version.

The new content goes to a temporary file in the same folder, is flushed to
the disk, and only then takes the file's place with one ``os.replace``; the
old file stays as ``<name>.bak``. A failure at any step (a full disk, a
read-only folder) leaves the file as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat

from workshop_app.fileformat.errors import SaveError

__all__ = ["BACKUP_SUFFIX", "write_atomic"]

BACKUP_SUFFIX = ".bak"
_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate line ends


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data``, atomically and durably.

    Raises
    ------
    SaveError
        When the content cannot be stored; the file on disk is unchanged.
    """
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    temp = None
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode) if os.path.isfile(target) else None
        temp, fd = _create_temp(target)
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(temp, mode)
            _keep_backup(target)
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        raise SaveError(target, exc) from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    _sync_folder(folder)


def _create_temp(target: str) -> tuple[str, int]:
    """A new, hidden file beside ``target`` (created with the usual permissions)."""
    folder, name = os.path.split(target)
    while True:
        temp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
            return temp, os.open(temp, flags, 0o666)
        except FileExistsError:
            continue


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _keep_backup(target: str) -> None:
    """Keep the current file as ``<target>.bak``, itself replaced atomically."""
    folder, name = os.path.split(target)
    backup = target + BACKUP_SUFFIX
    temp = os.path.join(folder, f".{name}{BACKUP_SUFFIX}.{secrets.token_hex(4)}.tmp")
    try:
        try:
            os.link(target, temp)
        except OSError:  # no hard links here (FAT, some network shares): copy
            shutil.copy2(target, temp)
        os.replace(temp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable.

    The new file is already in place, so a folder that cannot be synced
    (Windows cannot open one) is no reason to report a failed save.
    """
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
