"""What a replaced file keeps: owner, group, permissions, ACLs and extended attributes.

A save writes a new file and renames it over the old one; without care, the
new file would belong to whoever saves, with that user's default
permissions. In a folder shared by a group, the colleagues would lose write
access; a tag or comment the desktop keeps in an extended attribute would
be gone. So the new file gets the old one's owner and group (where this
user may give them), its permissions without setuid and setgid (a session
file is no program), and its extended attributes, which on Linux hold the
access control lists too. Anything the platform or the user's rights do not
allow is skipped: a save never fails for it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat

__all__ = ["copy_attributes", "copy_bytes", "mode_to_keep"]


def mode_to_keep(mode: int) -> int:
    """The permission bits a new file takes over: all but setuid and setgid."""
    return stat.S_IMODE(mode) & ~(stat.S_ISUID | stat.S_ISGID)


def copy_attributes(fd: int, original: str, info: os.stat_result) -> None:
    """Give the open file ``fd`` the owner, group, mode and extended attributes of ``original``.

    ``info`` is ``original``'s stat. Owner first: changing it clears the
    mode's special bits, so the mode comes after; the access control list
    comes last, as it sets the group bits of the mode again.
    """
    _copy_owner(fd, info)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode_to_keep(info.st_mode))
    else:  # pragma: no cover - Windows: only the read-only bit exists
        os.chmod(original, mode_to_keep(info.st_mode))
    _copy_xattrs(fd, original)


def _copy_owner(fd: int, info: os.stat_result) -> None:
    if not hasattr(os, "fchown"):
        return
    current = os.fstat(fd)
    if (current.st_uid, current.st_gid) == (info.st_uid, info.st_gid):
        return
    try:
        os.fchown(fd, info.st_uid, info.st_gid)
    except OSError:
        # Not root: the owner stays ours, but the group can still be one of
        # ours, which is what a group-shared folder needs.
        with contextlib.suppress(OSError):
            os.fchown(fd, -1, info.st_gid)


def _copy_xattrs(fd: int, original: str) -> None:
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(original)
    except OSError:
        return
    for name in names:
        with contextlib.suppress(OSError):
            os.setxattr(fd, name, os.getxattr(original, name))


def copy_bytes(source: str, destination: str) -> None:
    """Copy ``source`` to the new file ``destination`` with its metadata, durably."""
    shutil.copy2(source, destination)
    with contextlib.suppress(OSError):
        info = os.stat(source)
        fd = os.open(destination, os.O_RDONLY)
        try:
            _copy_owner(fd, info)
            _copy_xattrs(fd, source)
            os.fsync(fd)
        finally:
            os.close(fd)
