"""Durations on escalation edges: how long a case may wait before it goes up.

A duration is written as a whole number and a unit, with nothing between
them: ``30min``, ``4h``, ``2d``. The walk adds them up in minutes and
reports the sum in ISO 8601 (``PT4H``, ``P2DT4H``), a day counting as 24
hours.

Examples
--------
>>> parse_duration("4h"), parse_duration("2d"), parse_duration("4 h")
(240, 2880, None)
>>> iso_duration(2 * 24 * 60 + 4 * 60), iso_duration(0), iso_duration(90)
('P2DT4H', 'PT0S', 'PT1H30M')
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "DURATION_UNITS",
    "MAX_DURATION_DIGITS",
    "iso_duration",
    "normalise_duration",
    "parse_duration",
]

#: Minutes per unit, in the order units are listed in messages.
DURATION_UNITS: dict[str, int] = {"min": 1, "h": 60, "d": 24 * 60}
#: At most this many digits: a million days is more than any workshop means.
MAX_DURATION_DIGITS = 6

_PATTERN = re.compile(rf"([0-9]{{1,{MAX_DURATION_DIGITS}}})(min|h|d)")
# What a facilitator may type in the window, German or English, before it is saved.
_TYPED = re.compile(
    rf"\s*([0-9]{{1,{MAX_DURATION_DIGITS}}})\s*"
    r"(m|mins?|minutes?|minuten?|h|hrs?|hours?|std\.?|stunden?|d|days?|t|tage?)\s*",
    re.IGNORECASE,
)
_TYPED_UNITS = {"m": "min", "h": "h", "s": "h", "d": "d", "t": "d"}


def parse_duration(value: Any) -> int | None:
    """The duration ``value`` in minutes, or ``None`` if it is not one (``4h`` → 240)."""
    if not isinstance(value, str):
        return None
    match = _PATTERN.fullmatch(value)
    if match is None:
        return None
    return int(match.group(1)) * DURATION_UNITS[match.group(2)]


def iso_duration(minutes: int) -> str:
    """``minutes`` as an ISO 8601 duration: ``P2DT4H``, ``PT30M``, ``PT0S`` for none."""
    if minutes == 0:
        return "PT0S"
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    date = f"{days}D" if days else ""
    time = (f"{hours}H" if hours else "") + (f"{mins}M" if mins else "")
    return f"P{date}" + (f"T{time}" if time else "")


def normalise_duration(text: str) -> str | None:
    """A typed duration in the file's form (``4 Std.`` → ``4h``), or ``None``.

    Examples
    --------
    >>> [normalise_duration(t) for t in ("4 h", "30 Minuten", "2 Tage", "1 day", "4h", "bald")]
    ['4h', '30min', '2d', '1d', '4h', None]
    """
    match = _TYPED.fullmatch(text)
    if match is None:
        return None
    return match.group(1) + _TYPED_UNITS[match.group(2)[0].lower()]
