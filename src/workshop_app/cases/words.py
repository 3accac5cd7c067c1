"""A walked case in words for the group: where it went, who decided, why it stalled.

The window's walk panel, the command line and the protocol all tell a walk
with these sentences, in German or English, naming labels, never ids.

Examples
--------
>>> duration_words(2 * 24 * 60 + 4 * 60, "de"), duration_words(30, "en")
('2 Tage 4 Stunden', '30 minutes')
>>> amount_words(Decimal("120.5"), "de")
'120,5'
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from workshop_app.cases._de import GERMAN
from workshop_app.cases.walk import CaseWalk, Step
from workshop_app.domain.session import Session
from workshop_app.i18n import Translator, counted, translator

__all__ = [
    "amount_words",
    "case_summary",
    "duration_words",
    "outcome_words",
    "path_words",
    "step_sentences",
    "step_words",
]


def duration_words(minutes: int, language: str) -> str:
    """``minutes`` as days, hours and minutes in words (``2 days 4 hours``)."""
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [
        *([counted(days, "day", language)] if days else []),
        *([counted(hours, "hour", language)] if hours else []),
        *([counted(mins, "minute", language)] if mins else []),
    ]
    return " ".join(parts) if parts else translator(GERMAN, language)("no time")


def amount_words(amount: Decimal, language: str) -> str:
    """A number as the language writes it: ``120,5`` in German, ``120.5`` in English."""
    text = format(amount, "f") if abs(amount.adjusted()) < 16 else str(amount)
    return text.replace(".", ",") if language == "de" else text


def _quoted(session: Session, node: str, _: Translator) -> str:
    return _("“{label}”").format(label=session.label(node))


def _names(session: Session, nodes: list[str] | tuple[str, ...], _: Translator) -> str:
    quoted = [_quoted(session, node, _) for node in nodes]
    if len(quoted) <= 1:
        return "".join(quoted)
    return _("{first} and {last}").format(first=", ".join(quoted[:-1]), last=quoted[-1])


def step_words(session: Session, step: Step, language: str) -> str:
    """One stop on the way: the role's label and how it got the case."""
    _ = translator(GERMAN, language)
    notes = []
    if step.absent:
        notes.append(_("absent"))
    if step.how == "deputy":
        notes.append(_("stands in"))
    elif step.how == "confirmation":
        notes.append(_("is to confirm") if step.absent else _("confirms"))
    elif step.how == "escalation" and step.after is not None:
        wait = duration_words(step.after, language)
        notes.append(_("escalation, deadline {wait}").format(wait=wait))
    elif step.how == "escalation":
        notes.append(_("escalation without deadline"))
    label = session.label(step.role)
    return f"{label} ({', '.join(notes)})" if notes else label


def path_words(session: Session, walk: CaseWalk, language: str) -> str:
    """Every role the case reached, in order: ``Agent → Team lead (absent) → Head``."""
    if not walk.steps:
        return translator(GERMAN, language)("nobody")
    return " → ".join(step_words(session, step, language) for step in walk.steps)


def case_summary(session: Session, case: Mapping[str, Any], language: str) -> str:
    """What the case is: its responsibility, amount and who is absent."""
    _ = translator(GERMAN, language)
    parts = [_quoted(session, case["responsibility"], _)]
    node = session.graph.nodes.get(case["responsibility"], {})
    limit = node.get("decision_limit")
    if isinstance(limit, str) and limit.strip():
        parts.append(_("limit {limit}").format(limit=limit.strip()))
    if node.get("reconfirm") is True:
        parts.append(_("must be re-confirmed"))
    amount = case.get("amount")
    if amount is not None and not isinstance(amount, bool):
        parts.append(
            _("amount {amount}").format(amount=amount_words(Decimal(repr(amount)), language))
        )
    absent = [role for role in case.get("absent") or () if role in session.graph]
    if absent:
        parts.append(_("absent: {roles}").format(roles=_names(session, absent, _)))
    return " · ".join(parts)


def outcome_words(session: Session, walk: CaseWalk, language: str) -> str:
    """Who decided, after how many hand-offs and how long — or where and why it stalled."""
    _ = translator(GERMAN, language)
    if walk.decided:
        return _decided(session, walk, language, _)
    last = walk.steps[-1].role if walk.steps else None
    role = _quoted(session, last, _) if last else ""
    if walk.reason == "several-handlers":
        return _("Several roles handle it ({roles}): nobody knows who takes the case.").format(
            roles=_names(session, walk.handlers, _)
        )
    if walk.reason == "no-handler":
        return _("Nobody is responsible or accountable for it: the case has nowhere to go.")
    if walk.reason == "no-escalation":
        return _(
            "{amount} is above the limit of {limit}, and no escalation path leads on: "
            "the case stays with {role}."
        ).format(
            amount=amount_words(walk.amount, language),
            limit=amount_words(walk.limit, language),
            role=role,
        )
    if walk.reason == "absent-no-deputy":
        return _(
            "{role} is absent and nobody stands in: the case waits until they are back."
        ).format(role=role)
    if walk.reason == "escalation-loop":
        return _("The case comes back to {role}: the escalation goes in a circle.").format(
            role=role
        )
    if walk.steps and walk.steps[-1].how == "confirmation":
        return _(
            "{role} has to confirm the decision but is absent, and nobody else stands in."
        ).format(role=role)
    return _(
        "The decision must be re-confirmed, but nobody other than {role} could confirm it."
    ).format(role=role)


def _decided(session: Session, walk: CaseWalk, language: str, _: Translator) -> str:
    role = _quoted(session, walk.decided_by, _)
    if walk.handoffs == 0:
        return _("{role} decides at once.").format(role=role)
    handoffs = counted(walk.handoffs, "hand-off", language)
    if any(step.how == "confirmation" for step in walk.steps):
        return _("{role} confirms after {handoffs}; only then does the decision stand.").format(
            role=role, handoffs=handoffs
        )
    if walk.wait_minutes is None:
        return _(
            "{role} decides after {handoffs}; how long it waits is open: "
            "an escalation on the way has no deadline."
        ).format(role=role, handoffs=handoffs)
    if walk.wait_minutes == 0:
        return _("{role} decides after {handoffs}, without waiting.").format(
            role=role, handoffs=handoffs
        )
    return _("{role} decides after {handoffs}; the case may wait up to {wait} on the way.").format(
        role=role, handoffs=handoffs, wait=duration_words(walk.wait_minutes, language)
    )


def step_sentences(session: Session, walk: CaseWalk, language: str) -> list[str]:
    """What happens at each stop of the way, one sentence each, for the walk panel."""
    _ = translator(GERMAN, language)
    sentences = []
    previous: str | None = None
    escalated = False
    for step in walk.steps:
        role = _quoted(session, step.role, _)
        if step.how == "first":
            text = _("{role} takes the case.").format(role=role)
        elif step.how == "deputy":
            absent = _quoted(session, previous or step.role, _)
            text = _("{role} stands in for {absent}.").format(role=role, absent=absent)
        elif step.how == "confirmation":
            text = _("{role} has to confirm the decision.").format(role=role)
        else:
            reason = (
                _("Nobody stands in:")
                if escalated
                else _("{amount} is above the limit of {limit}:").format(
                    amount=_number(walk.amount, language), limit=_number(walk.limit, language)
                )
            )
            escalated = True
            text = f"{reason} {_goes_up(role, step.after, language)}"
        if step.absent:
            text += " " + _("{role} is absent.").format(role=role)
        sentences.append(text)
        previous = step.role
    return sentences


def _number(value: Decimal | None, language: str) -> str:
    return "" if value is None else amount_words(value, language)


def _goes_up(role: str, after: int | None, language: str) -> str:
    _ = translator(GERMAN, language)
    if after is None:
        return _("it goes up to {role}, with no deadline.").format(role=role)
    return _("it goes up to {role} after at most {wait}.").format(
        role=role, wait=duration_words(after, language)
    )
