"""What a crashed run left in the autosave folder, read so that the app always starts.

Every entry of the folder is looked at on its own: a dangling link, a copy
that does not load, a sidecar with a time the others cannot be compared
with — none of it may keep the window from opening, nor hide the other
copies. A copy that does not load is set aside (``unreadable/``, with a
note saying why) and its previous version, the ``.bak`` its last write
kept, is offered in its place when that one loads. A copy the facilitator
discards is moved to ``discarded/``, not deleted, together with its backup:
a wrong click must not be the end of a workshop. Both folders are emptied
of what is older than :data:`KEEP_DAYS`.

Qt-free: the autosave module passes the folder in.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import stat
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from workshop_app.domain import Session
from workshop_app.fileformat import DiskState, SessionFormatError, load_session
from workshop_app.fileformat.atomic import (
    BACKUP_SUFFIX,
    backup_path,
    remove_stale_temporaries,
    write_atomic,
)
from workshop_app.fileformat.locking import FileLock

__all__ = [
    "DISCARDED",
    "KEEP_DAYS",
    "UNREADABLE",
    "Recoverable",
    "find_in",
    "lock_file",
    "remove_copy",
    "sidecar",
]

_log = logging.getLogger(__name__)

UNREADABLE = "unreadable"
DISCARDED = "discarded"
#: Copies set aside or discarded are kept this long, then removed.
KEEP_DAYS = 30


def sidecar(session_file: Path) -> Path:
    return session_file.with_suffix(".json")


def lock_file(folder: Path, ident: str) -> FileLock:
    """The lock that marks the window owning the copy ``ident``."""
    return FileLock(folder / f"{ident}.lock")


@dataclass(frozen=True)
class Recoverable:
    """A session a crashed run autosaved and nobody has recovered yet.

    ``session_file`` is the copy offered: the last one, or its backup when
    the last one was damaged (``previous`` is then true). ``session`` is the
    copy, already loaded.
    """

    ident: str
    session_file: Path
    original: Path | None
    saved_at: datetime
    previous: bool = False
    original_state: DiskState | None = None
    session: Session | None = field(default=None, compare=False, repr=False)

    def discard(self) -> None:
        """Put the copy aside in ``discarded/`` (the facilitator decided against it)."""
        folder = self.session_file.parent
        _move_aside(folder, self.ident, DISCARDED, note=None)


def find_in(folder: Path) -> list[Recoverable]:
    """The copies in ``folder`` that no running window owns, newest first."""
    _prune(folder)
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError:
        return []
    idents = dict.fromkeys(
        name.removesuffix(BACKUP_SUFFIX).removesuffix(".yaml")
        for name in names
        if not name.startswith(".") and name.removesuffix(BACKUP_SUFFIX).endswith(".yaml")
    )
    found = []
    for ident in idents:
        try:
            recoverable = _examine(folder, ident)
        except Exception:  # one strange entry must not hide the others, nor stop the start
            _log.exception("Autosave entry %s skipped", ident)
            continue
        if recoverable is not None:
            found.append(recoverable)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _examine(folder: Path, ident: str) -> Recoverable | None:
    if lock_file(folder, ident).probe() is not None:
        return None  # a running window owns it
    entry = folder / f"{ident}.yaml"
    original, saved_at, state = _read_sidecar(entry)
    if os.path.lexists(entry):
        session, problem = _load_copy(entry)
        if session is not None:
            return Recoverable(ident, entry, original, saved_at, False, state, session)
        _move_aside(folder, ident, UNREADABLE, note=problem, keep_backup=True)
        _log.warning("Autosaved copy %s set aside: %s", ident, problem)
    backup = Path(backup_path(entry))
    if not os.path.lexists(backup):
        return None
    session, problem = _load_copy(backup)
    if session is None:
        _move_aside(folder, ident, UNREADABLE, note=problem)
        return None
    previous_at = datetime.fromtimestamp(backup.stat().st_mtime, UTC)
    return Recoverable(ident, backup, original, previous_at, True, state, session)


def _load_copy(copy: Path) -> tuple[Session | None, str]:
    """The session in ``copy``, or ``None`` and why it cannot be recovered."""
    try:
        info = copy.stat()
    except OSError:
        return None, "the copy cannot be read (a broken link?)"
    if not stat.S_ISREG(info.st_mode):
        return None, "the copy is not a file"
    try:
        return load_session(copy), ""
    except SessionFormatError as error:
        return None, str(error)


def _read_sidecar(session_file: Path) -> tuple[Path | None, datetime, DiskState | None]:
    """The file the copy came from, when it was written (the copy's time if unknown), and
    the state the window last saw that file in.

    Times are made aware (a sidecar without a zone is read as local time),
    so copies of different app versions sort together.
    """
    original: Path | None = None
    state: DiskState | None = None
    saved_at = datetime.now(UTC)
    with contextlib.suppress(OSError):
        saved_at = datetime.fromtimestamp(session_file.stat().st_mtime, UTC)
    # The sidecar is a convenience: without it the session is still offered.
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError, KeyError):
        data = json.loads(sidecar(session_file).read_text(encoding="utf-8"))
        original = Path(data["original"]) if data.get("original") else None
        state = DiskState.from_json(data.get("original_state"))
        stamp = datetime.fromisoformat(data["saved_at"])
        saved_at = stamp if stamp.tzinfo is not None else stamp.astimezone()
    return original, saved_at, state


def _files_of(folder: Path, ident: str, *, with_backup: bool = True) -> list[Path]:
    copy = folder / f"{ident}.yaml"
    names = [copy, sidecar(copy)]
    if with_backup:
        names += [Path(backup_path(copy)), Path(backup_path(sidecar(copy)))]
    return [path for path in names if os.path.lexists(path)]


def _move_aside(
    folder: Path, ident: str, into: str, *, note: str | None, keep_backup: bool = False
) -> Path | None:
    """Move the copy ``ident`` (and its backups, unless ``keep_backup``) into ``folder/into``.

    Where nothing can be moved (a full or read-only disk), the files stay
    where they are; what a later start cannot read is skipped again.
    """
    target = folder / into / f"{ident}-{int(time.time())}"
    try:
        target.mkdir(parents=True, exist_ok=True)
        for path in _files_of(folder, ident, with_backup=not keep_backup):
            os.replace(path, target / path.name)
        if note is not None:
            write_atomic(target / "why.txt", (note + "\n").encode("utf-8"), keep_backup=False)
    except OSError:
        _log.warning("Could not set the autosaved copy %s aside", ident, exc_info=True)
        return None
    for path in (folder / f"{ident}.yaml", sidecar(folder / f"{ident}.yaml")):
        remove_stale_temporaries(path)
    return target


def remove_copy(session_file: Path) -> None:
    """Delete a copy whose work was saved or discarded in its window, with its backups.

    And the temporary files of a write that a crash cut short: nothing else
    would ever write to this copy again and clean them up.
    """
    for path in (session_file, sidecar(session_file)):
        for name in (path.name, path.name + BACKUP_SUFFIX):
            with contextlib.suppress(OSError):
                path.with_name(name).unlink(missing_ok=True)
        remove_stale_temporaries(path)


def _prune(folder: Path) -> None:
    """Remove what was set aside or discarded more than :data:`KEEP_DAYS` ago."""
    limit = time.time() - KEEP_DAYS * 86_400
    for into in (UNREADABLE, DISCARDED):
        with contextlib.suppress(OSError):
            for entry in (folder / into).iterdir():
                with contextlib.suppress(OSError):
                    if entry.lstat().st_mtime < limit:
                        shutil.rmtree(entry)
