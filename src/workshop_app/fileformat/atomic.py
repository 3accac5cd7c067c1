"""Durable, atomic file replacement that keeps the previous version.

The new content goes to a temporary file in the same folder, is flushed to
the disk, and only then takes the file's place with one ``os.replace``; the
old file stays as ``<name>.bak``. A failure at any step (a full disk, a
read-only folder) leaves the file as it was and no temporary file behind.
A process killed mid-save cannot clean up; the next save of the same file
removes what it left (:func:`remove_stale_temporaries`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import time

from workshop_app.fileformat.errors import SaveError

__all__ = ["BACKUP_SUFFIX", "remove_stale_temporaries", "write_atomic"]

BACKUP_SUFFIX = ".bak"
_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate line ends
#: A temporary file older than this belongs to no save in progress any more.
_STALE_AFTER_S = 3600
#: What follows ``.<name>`` in a temporary file's name: the backup's suffix, the pid, a token.
_TEMP_TAIL = rf"(?:{re.escape(BACKUP_SUFFIX)})?\.([0-9]{{1,9}})-[0-9a-f]{{8}}\.tmp"


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
        if mode is not None and _is_read_only(target, mode):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)
        remove_stale_temporaries(target)
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


def _is_read_only(target: str, mode: int) -> bool:
    """Whether the file itself is marked read-only, or the user may not change it.

    The save replaces the file rather than writing into it, which the folder
    alone permits; but a file marked read-only is meant to stay as it is.
    ``os.access`` says yes to root for any file, so the mode's write bits
    count too; on a read-only file system, creating the temporary file
    fails with the better reason.
    """
    if not mode & 0o222:
        return True
    if os.access(target, os.W_OK):
        return False
    return not (hasattr(os, "statvfs") and os.statvfs(target).f_flag & os.ST_RDONLY)


def _temp_name(target: str, middle: str = "") -> str:
    """A hidden name beside ``target`` that names the saving process.

    ``.<name><middle>.<pid>-<8 hex digits>.tmp``: the process id tells a
    later save whether the file's owner is still at work.
    """
    folder, name = os.path.split(target)
    return os.path.join(folder, f".{name}{middle}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def remove_stale_temporaries(target: str | os.PathLike[str]) -> list[str]:
    """Delete the temporary files that killed saves of ``target`` left; their names.

    Only this module's own names for ``target`` are touched (see
    :func:`_temp_name`), and only when their process is gone, is this one
    (whose saves run one at a time), or is older than an hour: a temporary
    file of another window saving the same file right now is left alone.
    Files that cannot be deleted are skipped; the save goes on regardless.
    """
    folder, name = os.path.split(os.path.abspath(target))
    own = re.compile(re.escape(f".{name}") + _TEMP_TAIL)
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = own.fullmatch(entry.name)
            if match is None or not _is_stale(entry, int(match.group(1))):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def _is_stale(entry: os.DirEntry[str], pid: int) -> bool:
    try:
        age = time.time() - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    return pid == os.getpid() or age > _STALE_AFTER_S or not _is_running(pid)


def _is_running(pid: int) -> bool:
    """Whether process ``pid`` exists; ``True`` where that cannot be told."""
    if os.name != "posix":
        return True  # os.kill(pid, 0) would stop the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but belongs to another user
        return True
    return True


def _create_temp(target: str) -> tuple[str, int]:
    """A new, hidden file beside ``target`` (created with the usual permissions)."""
    while True:
        temp = _temp_name(target)
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
    backup = target + BACKUP_SUFFIX
    if os.path.exists(backup) and os.path.samefile(target, backup):
        # A save killed between keeping the backup and the swap left both
        # names on one file. The backup is right as it is, and renaming a
        # link onto the same file does nothing: the new link would be litter.
        return
    temp = _temp_name(target, BACKUP_SUFFIX)
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
