"""The one way the app writes a file: atomic, durable, faithful to the file it replaces.

Every file the app writes — sessions, autosaved copies, exports — goes
through :func:`write_atomic`. The new content goes to a temporary file in the
same folder, is flushed to the disk, and only then takes the file's place
with one ``os.replace``; a session's old file stays as ``<name>.bak``. A
failure at any step (a full disk, a read-only folder) leaves the file as it
was and no temporary file behind. A process killed mid-write cannot clean
up; the next write of the same file removes what it left
(:func:`remove_stale_temporaries`).

The replaced file's place in the file system is kept: a symbolic link is
written through to its target (a synced folder's real file is updated, the
link stays a link); owner, group, permissions (without setuid/setgid),
access control lists and extended attributes are copied where the platform
lets us (:mod:`workshop_app.fileformat.faithful`); a file with several hard
links is rewritten in place after a durable backup, so every name sees the
new content. Temporary and backup names stay within the folder's name
length limit, however long the file's name is.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import stat
import time

from workshop_app.fileformat.errors import SaveError
from workshop_app.fileformat.faithful import copy_attributes, copy_bytes, mode_to_keep
from workshop_app.fileformat.state import DiskState, state_of

__all__ = [
    "BACKUP_SUFFIX",
    "backup_path",
    "is_running",
    "remove_stale_temporaries",
    "resolve_target",
    "short_sibling",
    "write_atomic",
]

BACKUP_SUFFIX = ".bak"
_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate line ends
#: A temporary file older than this belongs to no write in progress any more.
_STALE_AFTER_S = 3600
#: What follows ``.<name>`` in a temporary file's name: the backup's suffix, the pid, a token.
_TEMP_TAIL = rf"(?:{re.escape(BACKUP_SUFFIX)})?\.([0-9]{{1,9}})-[0-9a-f]{{8}}\.tmp"
#: The longest tail a temporary name adds: ".bak" "." pid "-" token ".tmp".
_TEMP_TAIL_BYTES = len(BACKUP_SUFFIX) + 1 + 9 + 1 + 8 + 4
_DEFAULT_NAME_MAX = 255


def write_atomic(
    path: str | os.PathLike[str], data: bytes, *, keep_backup: bool = True
) -> DiskState:
    """Replace the file at ``path`` with ``data``, atomically and durably.

    ``keep_backup`` keeps the replaced file as ``<name>.bak`` (sessions do;
    exports, which can be made again, do not). Returns what is on disk now,
    for noticing later whether someone else changed the file.

    Raises
    ------
    SaveError
        When the content cannot be stored; the file on disk is unchanged.
    """
    target = resolve_target(path)
    try:
        remove_stale_temporaries(target)
        info = _existing(target)
        if info is not None and _has_other_links(target, info):
            return _rewrite_in_place(target, data, info, keep_backup=keep_backup)
        return _replace(target, data, info, keep_backup=keep_backup)
    except OSError as exc:
        raise SaveError(os.fspath(path), exc) from exc


def resolve_target(path: str | os.PathLike[str]) -> str:
    """The file a write of ``path`` lands in: a symbolic link's target, followed to the end.

    A link to a file that does not exist yet resolves to where that file
    will be; the link is never replaced by a file.
    """
    target = os.fspath(path)
    if not os.path.islink(target):
        return target
    return os.path.realpath(target)


def _existing(target: str) -> os.stat_result | None:
    """The stat of the file being replaced; ``None`` when there is none yet.

    Raises ``OSError`` for what must not be replaced: something that is not
    a regular file (a folder, a device, a pipe) or a file marked read-only.
    """
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        code = errno.EISDIR if stat.S_ISDIR(info.st_mode) else errno.EINVAL
        raise IsADirectoryError(code, os.strerror(code), target)
    if _is_read_only(target, stat.S_IMODE(info.st_mode)):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)
    return info


def _replace(
    target: str, data: bytes, info: os.stat_result | None, *, keep_backup: bool
) -> DiskState:
    temp = None
    try:
        temp, fd = _create_temp(target)
        try:
            _write_all(fd, data)
            os.fsync(fd)
            if info is not None:
                copy_attributes(fd, target, info)
            written = os.fstat(fd)
        finally:
            os.close(fd)
        if info is not None and keep_backup:
            _keep_backup(target)
        os.replace(temp, target)
        temp = None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    _sync_folder(os.path.dirname(os.path.abspath(target)))
    return state_of(written, hashlib.sha256(data).digest())


def _rewrite_in_place(
    target: str, data: bytes, info: os.stat_result, *, keep_backup: bool
) -> DiskState:
    """Write into a file that has other hard links, so that every name sees the new content.

    A rename would give this name a new file and leave the other names on
    the old one. The backup is a real copy, made durable first: should the
    write be cut short, the previous version is in ``<name>.bak``.
    """
    if keep_backup:
        _keep_backup(target, copy=True)
    fd = os.open(target, os.O_WRONLY | _BINARY)
    try:
        _write_all(fd, data)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
        if info.st_mode & (stat.S_ISUID | stat.S_ISGID):
            os.chmod(target, mode_to_keep(info.st_mode))
        written = os.fstat(fd)
    finally:
        os.close(fd)
    return state_of(written, hashlib.sha256(data).digest())


def _has_other_links(target: str, info: os.stat_result) -> bool:
    """Whether names other than ``target`` and its backup share its file.

    A save killed between keeping the backup and the swap leaves the file
    and its backup as two names of one file; that is not a link the user made.
    """
    if info.st_nlink < 2:
        return False
    backup = backup_path(target)
    with contextlib.suppress(OSError):
        if os.path.samefile(target, backup):
            return info.st_nlink > 2
    return True


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


def _name_max(folder: str) -> int:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        return os.pathconf(folder or ".", "PC_NAME_MAX")
    return _DEFAULT_NAME_MAX


def _shortened(name: str, room: int) -> str:
    """``name`` if its UTF-8 fits in ``room`` bytes, else a cut of it and a hash of the whole.

    The hash keeps two long names that begin alike apart; the result is the
    same every time, so a later write finds what an earlier one left.
    """
    encoded = os.fsencode(name)
    if len(encoded) <= room:
        return name
    digest = hashlib.sha256(encoded).hexdigest()[:8]
    cut = encoded[: max(0, room - 9)].decode("utf-8", "ignore")
    return f"{cut}~{digest}"


def _temp_stem(target: str) -> str:
    """The part of a temporary file's name that stands for ``target``: ``.<name>``."""
    folder, name = os.path.split(os.path.abspath(target))
    return "." + _shortened(name, _name_max(folder) - 1 - _TEMP_TAIL_BYTES)


def short_sibling(path: str | os.PathLike[str], *, prefix: str = "", suffix: str = "") -> str:
    """``<prefix><name><suffix>`` beside ``path``, within the folder's name length limit.

    For a name so long that the additions would not fit, the name is
    shortened (with a hash of the whole name, so it stays the file's own).
    """
    folder, name = os.path.split(os.path.abspath(os.fspath(path)))
    room = _name_max(folder) - len(os.fsencode(prefix + suffix))
    return os.path.join(folder, prefix + _shortened(name, room) + suffix)


def backup_path(path: str | os.PathLike[str]) -> str:
    """Where the previous version of ``path`` is kept: ``<name>.bak`` beside it."""
    return short_sibling(path, suffix=BACKUP_SUFFIX)


def _temp_name(target: str, middle: str = "") -> str:
    """A hidden name beside ``target`` that names the writing process.

    ``.<name><middle>.<pid>-<8 hex digits>.tmp``: the process id tells a
    later write whether the file's owner is still at work.
    """
    folder = os.path.dirname(os.path.abspath(target))
    token = secrets.token_hex(4)
    return os.path.join(folder, f"{_temp_stem(target)}{middle}.{os.getpid()}-{token}.tmp")


def remove_stale_temporaries(target: str | os.PathLike[str]) -> list[str]:
    """Delete the temporary files that killed writes of ``target`` left; their names.

    Only this module's own names for ``target`` are touched (see
    :func:`_temp_name`), and only when their process is gone, is this one
    (whose writes run one at a time), or is older than an hour: a temporary
    file of another window saving the same file right now is left alone.
    Files that cannot be deleted are skipped; the write goes on regardless.
    """
    folder = os.path.dirname(os.path.abspath(target))
    own = re.compile(re.escape(_temp_stem(os.fspath(target))) + _TEMP_TAIL)
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
    return pid == os.getpid() or age > _STALE_AFTER_S or not is_running(pid)


def is_running(pid: int) -> bool:
    """Whether process ``pid`` exists on this machine; ``True`` where that cannot be told."""
    if os.name != "posix":
        return True  # os.kill(pid, 0) would stop the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but belongs to another user
        return True
    return True


def _create_temp(target: str, middle: str = "") -> tuple[str, int]:
    """A new, hidden file beside ``target`` (created with the usual permissions)."""
    while True:
        temp = _temp_name(target, middle)
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
            return temp, os.open(temp, flags, 0o666)
        except FileExistsError:
            continue


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _keep_backup(target: str, *, copy: bool = False) -> None:
    """Keep the current file as its backup, itself replaced atomically.

    The backup is a second name of the file (a hard link, instant) unless
    ``copy`` asks for its own content or the file system has no hard links.
    A backup's place that holds something else than a file (a folder by
    that name) is left alone: the save goes on without a backup.
    """
    backup = backup_path(target)
    try:
        info = os.lstat(backup)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        return
    if not copy and info is not None and os.path.samefile(target, backup):
        # A save killed between keeping the backup and the swap left both
        # names on one file. The backup is right as it is, and renaming a
        # link onto the same file does nothing: the new link would be litter.
        return
    temp = _temp_name(target, BACKUP_SUFFIX)
    try:
        if copy:
            copy_bytes(target, temp)
        else:
            try:
                os.link(target, temp)
            except OSError:  # no hard links here (FAT, some network shares): copy
                copy_bytes(target, temp)
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
