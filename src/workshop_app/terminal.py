"""Text for terminals and logs: user text shown, never obeyed.

A label may hold any character a YAML escape can write, including ESC: a
label ``"\\e[2K\\rcheck: 0 errors"`` printed as it is would erase the line it
stands on and write its own verdict there, or retitle the terminal. Every
text output (the command line's text, the log) passes user text through
:func:`escape_controls`, which shows control characters as escapes; JSON
output is not text for a terminal and keeps the text as it is.

Examples
--------
>>> print(escape_controls("Kulanz\\x1b[2K\\r0 errors"))
Kulanz\\x1b[2K\\r0 errors
>>> escape_controls("Rückruf: 50 € ✓")
'Rückruf: 50 € ✓'
"""

from __future__ import annotations

import logging
import re

__all__ = ["SafeLogFormatter", "escape_controls"]

# C0 and C1 controls, DEL, the line and paragraph separators, and the
# invisible direction overrides and isolates that reorder what follows them.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\n``…)."""
    return _CONTROLS.sub(_escape, text)


class SafeLogFormatter(logging.Formatter):
    """A log formatter that escapes control characters in messages, not in tracebacks' lines.

    Each record stays one line of the log however its message came about;
    a traceback (which the formatter appends) keeps its own line breaks.
    """

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = escape_controls(record.message)
        return super().formatMessage(record)
