"""Words for a client: dates, how urgent a finding is, what each kind of finding means.

No rule code reaches the reader. Each kind of finding has a short title in
client words (for grouped findings, the summary and the glossary) and a
place in the order of importance; a kind this module does not know yet
(a rule added later) is shown by its findings' own messages and sorted last
within its severity.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from workshop_app.analysis import Severity
from workshop_app.i18n import Translator

__all__ = [
    "CODE_ORDER",
    "action_status",
    "finding_title",
    "format_date",
    "severity_plural",
]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(value: Any, language: str) -> str:
    """A date as people write it in ``language``; text that is not a date stays as it is.

    Examples
    --------
    >>> format_date("2026-11-26", "de")
    '26.11.2026'
    >>> format_date("2026-11-26", "en")
    '26\xa0November 2026'
    >>> format_date("KW 48", "de")
    'KW 48'
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            return str(value)
    if language == "de":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day}\u00a0{_MONTHS[value.month - 1]} {value.year}"


def as_date(value: Any) -> dt.date | None:
    """``value`` as a date when it is one (or an ISO date text), else ``None``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def severity_plural(severity: Severity | str, _: Translator) -> str:
    """The heading over the findings of one severity."""
    return {
        Severity.ERROR: _("To be settled"),  # the vocabulary's term is already a plural
        Severity.WARNING: _("Risks"),
        Severity.INFO: _("Suggestions"),
    }[Severity(severity)]


#: The kinds of finding in the order of their importance within a severity.
CODE_ORDER = (
    "priority-conflict",
    "priority-cycle",
    "escalation-cycle",
    "shared-ownership",
    "no-owner",
    "no-deputy",
    "no-buffer",
    "delegation-mismatch",
    "formal-decision-space",
    "escalation-missing",
    "priority-tie",
    "no-priority",
    "no-good-enough",
    "isolated",
)


def finding_title(code: str, _: Translator) -> str | None:
    """What a kind of finding means, as a short title; ``None`` for a kind not known here."""
    titles = {
        "no-owner": _("Nobody is accountable"),
        "shared-ownership": _("Several roles are accountable for the same thing"),
        "priority-tie": _("Priorities share a rank"),
        "priority-cycle": _("The order of priorities contradicts itself"),
        "priority-conflict": _("Priorities pull against each other, and the order does not say"),
        "no-priority": _("Serves no priority"),
        "escalation-cycle": _("Escalation goes in a circle"),
        "escalation-missing": _("A decision limit but no escalation path"),
        "formal-decision-space": _("Decisions must be re-confirmed by someone else"),
        "no-deputy": _("Critical work without a deputy"),
        "no-buffer": _("No buffer left for peaks and absences"),
        "no-good-enough": _("Not yet said when a solution is good enough"),
        "isolated": _("Not connected to anything yet"),
        "delegation-mismatch": _("Delegated on paper, re-confirmed in practice"),
    }
    return titles.get(code)


def action_status(value: object, _: Translator) -> str:
    """An action's status in words; an unknown status is printed as written."""
    known = {
        "open": _("open"),
        "in_progress": _("in progress"),
        "in progress": _("in progress"),
        "done": _("done"),
        "cancelled": _("cancelled"),
        "dropped": _("dropped"),
    }
    text = str(value).strip() if value not in (None, "") else "open"
    return known.get(text.casefold(), text)


def is_finished(action: dict[str, Any]) -> bool:
    """The action is done or dropped: no longer a next step."""
    status = str(action.get("status") or "open").strip().casefold()
    return status in ("done", "cancelled", "dropped")
