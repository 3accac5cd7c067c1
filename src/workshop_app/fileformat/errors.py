"""The file format's exceptions: a refused load and a failed save.

Both carry their message as an English template with its values, so the
window can show the same refusal in German (``err.message("de")``) while
``str(err)`` stays English for logs and the command line.
"""

from __future__ import annotations

import errno
import os
import re
from typing import Any

from workshop_app.fileformat._de import GERMAN
from workshop_app.i18n import translator

__all__ = [
    "SaveError",
    "SessionFormatError",
    "SessionTooLargeError",
    "format_path",
    "one_line",
    "show",
]

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHOWN = 40  # characters of a text value quoted in a message


def one_line(text: str) -> str:
    """``text`` with line breaks and control characters shown as escapes."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def show(value: Any) -> str:
    """A short, one-line rendering of a value from the file, for messages.

    Examples
    --------
    >>> [show(v) for v in ("high", True, None, 8, [1, 2], {"a": 1}, 7 * (10**60 - 1) // 9)]
    ["'high'", 'true', 'null', '8', '[…]', '{…}', '7777777777777777777777777777777777777777…']
    """
    if isinstance(value, str):
        text = repr(value if len(value) <= _SHOWN else value[:_SHOWN] + "…")
        return one_line(text)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**_SHOWN:
        # A number of thousands of digits is shown by its beginning, like a long text.
        return repr(value)[:_SHOWN] + "…"
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, list | tuple):
        return "[…]"
    if isinstance(value, dict):
        return "{…}"
    return repr(value)


def format_path(path: tuple[str | int, ...]) -> str:
    """The field path as a user reads it: ``("nodes", 3, "rank")`` → ``nodes[3].rank``."""
    parts: list[str] = []
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif _NAME.fullmatch(step):
            parts.append(f".{step}" if parts else step)
        else:
            parts.append(f"[{one_line(repr(step))}]")
    return "".join(parts)


class SessionFormatError(ValueError):
    """A file that is not a valid version-1 session; nothing was loaded.

    Parameters
    ----------
    problem
        What is wrong, as English source text with ``{placeholders}``.
    source
        The file's name (or ``"<text>"``).
    line
        1-based line number, when the place is known.
    field
        The field path, e.g. ``nodes[3].rank``, when one is concerned.
    **params
        Values for the placeholders, already rendered as text.

    Examples
    --------
    >>> err = SessionFormatError(
    ...     "must be a whole number of at least {minimum}, not {value}",
    ...     source="session.yaml", line=12, field="nodes[3].rank", minimum=1, value="'high'")
    >>> str(err)
    "session.yaml, line 12, nodes[3].rank: must be a whole number of at least 1, not 'high'"
    >>> err.message("de")
    "session.yaml, Zeile 12, nodes[3].rank: muss eine ganze Zahl ab 1 sein, nicht 'high'"
    """

    def __init__(
        self,
        problem: str,
        *,
        source: str,
        line: int | None = None,
        field: str | None = None,
        **params: Any,
    ) -> None:
        self.problem = problem
        self.params = params
        self.source = source
        self.line = line
        self.field = field
        super().__init__(self.message("en"))

    def message(self, language: str = "en") -> str:
        """The whole refusal on one line, in ``language`` (``de`` or ``en``)."""
        _ = translator(GERMAN, language)
        place = [one_line(self.source)]
        if self.line is not None:
            place.append(_("line {line}").format(line=self.line))
        if self.field:
            place.append(self.field)
        return one_line(", ".join(place) + ": " + _(self.problem).format(**self.params))


#: Why a save failed, by errno, as English source text.
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the folder is read-only",
    errno.EACCES: "the folder is read-only or you may not write there",
    errno.EPERM: "the folder is read-only or you may not write there",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist",
    errno.EISDIR: "a folder has that name",
    errno.EINVAL: "that name is not a file",
    errno.ENAMETOOLONG: "the file name is too long",
}
#: Refusals that concern the file itself when they name it, not its folder.
_REFUSED = (errno.EACCES, errno.EPERM)


def _same_place(name: Any, path: str) -> bool:
    """Whether the file an error names is ``path`` (or, through a link, its target)."""
    if not isinstance(name, str):
        return False
    return name == path or os.path.realpath(name) == os.path.realpath(path)


class SaveError(OSError):
    """A save that failed; the file on disk was left as it was.

    Examples
    --------
    >>> str(SaveError("session.yaml", OSError(errno.ENOSPC, "No space left on device")))
    'Could not save session.yaml: the disk is full. The file on disk is unchanged.'
    """

    def __init__(self, path: str | os.PathLike[str], cause: OSError) -> None:
        self.path = os.fspath(path)
        self.cause = cause
        super().__init__(cause.errno, self.message("en"), self.path)

    def _reason(self, _: Any) -> str:
        reason = _REASONS.get(self.cause.errno) if self.cause.errno is not None else None
        if self.cause.errno in _REFUSED and _same_place(self.cause.filename, self.path):
            reason = "the file is read-only or you may not change it"
        return _(reason) if reason else (self.cause.strerror or str(self.cause))

    def message(self, language: str = "en") -> str:
        """What went wrong, on one line, in ``language`` (``de`` or ``en``)."""
        _ = translator(GERMAN, language)
        text = self._reason(_)
        template = _("Could not save {path}: {reason}. The file on disk is unchanged.")
        return one_line(template.format(path=self.path, reason=text))

    def __str__(self) -> str:
        return self.message("en")


class SessionTooLargeError(SaveError):
    """A save refused before writing anything: the file would be too large to open again.

    Examples
    --------
    >>> str(SessionTooLargeError("s.yaml", size=9 * 2**20, limit=8 * 2**20))
    'Could not save s.yaml: the session would take 9.0 MiB, more than the 8 MiB a session \
file may have. The file on disk is unchanged.'
    """

    def __init__(self, path: str | os.PathLike[str], *, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(path, OSError(errno.EFBIG, os.strerror(errno.EFBIG)))

    def _reason(self, _: Any) -> str:
        return _(
            "the session would take {size} MiB, more than the {limit} MiB a session file may have"
        ).format(size=f"{self.size / 2**20:.1f}", limit=self.limit // 2**20)
