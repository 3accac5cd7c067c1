"""``workshop-app diff OLD NEW [MORE…] [--format text|json]``: loading, output, exit code."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import TextIO

from workshop_app.compare.diff import compare_sessions
from workshop_app.compare.series import compare_series
from workshop_app.compare.series_text import series_text
from workshop_app.compare.text import diff_text
from workshop_app.domain import Session

__all__ = ["UnreadableSession", "diff_command", "load_compared"]

EXIT_SAME, EXIT_CHANGED = 0, 1


class UnreadableSession(Exception):
    """One of the compared files cannot be loaded; the message names which."""


def load_compared(paths: Sequence[str | os.PathLike[str]]) -> list[Session]:
    """Load every session of a comparison, or refuse naming the file that failed.

    Raises
    ------
    UnreadableSession
        With the loader's message, preceded by ``old session`` / ``new
        session`` for a pair or ``session 2 of 4`` for a series.
    """
    from workshop_app.fileformat import SessionFormatError, load_session

    sessions = []
    for index, path in enumerate(paths):
        try:
            sessions.append(load_session(path))
        except SessionFormatError as error:
            raise UnreadableSession(f"{_role(index, len(paths))}: {error}") from None
    return sessions


def _role(index: int, count: int) -> str:
    if count == 2:
        return ("old session", "new session")[index]
    return f"session {index + 1} of {count}"


def diff_command(paths: Sequence[str | os.PathLike[str]], output_format: str, out: TextIO) -> int:
    """Compare the sessions at ``paths``, write the result to ``out``, return the exit code.

    Two sessions give the pair form; three or more the stability table of
    the series. Exit 0 when nothing changed, 1 when something did.
    """
    sessions = load_compared(paths)
    names = [os.fspath(path) for path in paths]
    json_form = output_format == "json"
    if len(sessions) == 2:
        diff = compare_sessions(*sessions)
        changed = bool(diff)
        text = _json(diff.to_json()) if json_form else diff_text(diff, *names)
    else:
        stability = compare_series(sessions)
        changed = bool(stability)
        text = _json(stability.to_json(names)) if json_form else series_text(stability, names)
    _write(out, text)
    return EXIT_CHANGED if changed else EXIT_SAME


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _write(out: TextIO, text: str) -> None:
    """Write ``text``; a reader that stopped early (``| head``) is no error."""
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        # As the Python docs advise: keep the interpreter's final flush from failing again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
