"""The session file, format version 1: hardened loading, validation, saving.

Examples
--------
>>> session = loads_session('''
... format: workshop-session
... version: 1
... nodes:
...   - {id: p_fcr, kind: priority, label: Erstlösung, rank: 1}
... edges: []
... ''')
>>> session.label("p_fcr")
'Erstlösung'
>>> print(dumps_session(session), end="")
format: workshop-session
version: 1
nodes:
  - {id: p_fcr, kind: priority, label: Erstlösung, rank: 1}
edges: []
"""

from __future__ import annotations

import os
import stat

from workshop_app.domain.session import Session
from workshop_app.fileformat.atomic import write_atomic
from workshop_app.fileformat.errors import SaveError, SessionFormatError, SessionTooLargeError
from workshop_app.fileformat.parser import MAX_FILE_BYTES, check_size, parse_yaml
from workshop_app.fileformat.schema import build_session
from workshop_app.fileformat.state import DiskState, read_with_state
from workshop_app.fileformat.writer import dump_document, encode_document, session_to_document

__all__ = [
    "MAX_FILE_BYTES",
    "DiskState",
    "SaveError",
    "SessionFormatError",
    "SessionTooLargeError",
    "dumps_session",
    "load_session",
    "load_session_with_state",
    "loads_session",
    "parse_yaml",
    "save_session",
    "session_to_document",
]


def loads_session(text: str | bytes, source: str = "<text>") -> Session:
    """A new session from the text of a session file.

    Raises
    ------
    SessionFormatError
        When the text is not a valid version-1 session (one message, naming
        the line and field).
    """
    data, lines = parse_yaml(text, source)
    return build_session(data, lines, source)


def load_session(path: str | os.PathLike[str]) -> Session:
    """A new session from the file at ``path``.

    Raises
    ------
    SessionFormatError
        When the file cannot be read or is not a valid version-1 session.
    """
    return load_session_with_state(path)[0]


def load_session_with_state(path: str | os.PathLike[str]) -> tuple[Session, DiskState]:
    """A new session from the file at ``path``, and the state of the bytes it was read from.

    The state lets a later save notice that someone else changed the file
    in the meantime (:func:`workshop_app.fileformat.state.changed_on_disk`).

    Raises
    ------
    SessionFormatError
        When the file cannot be read or is not a valid version-1 session.
    """
    source = os.fspath(path)
    try:
        # Checked before opening: opening a FIFO would wait for a writer.
        info = os.stat(source)
        if not stat.S_ISREG(info.st_mode):
            raise SessionFormatError("is not a file", source=source)
        check_size(info.st_size, source)
        data, state = read_with_state(source, MAX_FILE_BYTES)
    except OSError as exc:
        raise SessionFormatError(
            "cannot be read ({detail})", source=source, detail=exc.strerror or str(exc)
        ) from exc
    return loads_session(data, source), state


def dumps_session(session: Session) -> str:
    """The text of the session file, canonical and deterministic."""
    return dump_document(session_to_document(session))


def save_session(session: Session, path: str | os.PathLike[str]) -> DiskState:
    """Save ``session`` at ``path`` atomically, keeping the old file as ``.bak``.

    Returns the state of the saved file (see :func:`load_session_with_state`).

    Raises
    ------
    SaveError
        When the file cannot be written, or would be larger than a session
        file may be (:class:`SessionTooLargeError`, before anything is
        written); the file on disk is then unchanged.
    """
    return write_atomic(path, encode_document(session_to_document(session), path))
