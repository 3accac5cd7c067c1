"""Between workshops: what changed from one session to the next, and what stayed stable.

:func:`compare_sessions` gives the :class:`SessionDiff` of two sessions
(``DESIGN.md``, "Between workshops"); :func:`describe` tells it in words for
a client; :func:`diff_text` is the command line's text form. Pure Python,
above the analysis: the findings resolved and new come from
:func:`workshop_app.analysis.find_ambiguities`.
"""

from __future__ import annotations

from workshop_app.compare.diff import (
    LAYOUT_FIELDS,
    Changes,
    EdgeKey,
    SessionDiff,
    compare_sessions,
    priority_order,
)
from workshop_app.compare.entries import SECTIONS, Entry, describe
from workshop_app.compare.text import diff_text

__all__ = [
    "LAYOUT_FIELDS",
    "SECTIONS",
    "Changes",
    "EdgeKey",
    "Entry",
    "SessionDiff",
    "compare_sessions",
    "describe",
    "diff_text",
    "priority_order",
]
