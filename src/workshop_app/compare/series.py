"""Stability over a series of workshops: what kept changing, what kept coming back.

Clear priorities and guardrails that do not change every week are two of the
conditions for responsibility the workshop builds on. Given the sessions of
three or more workshops of one client, in order, :func:`compare_series` says
how often the priority order and each guardrail changed, which findings keep
coming back and which agreed actions stay open from workshop to workshop.

Workshops are numbered from 1 in the order given; a change "in workshop 3"
is one between workshops 2 and 3.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workshop_app.analysis import Finding, find_ambiguities
from workshop_app.compare.diff import SessionDiff, action_keys, compare_sessions, finding_key
from workshop_app.domain import NodeKind, Session

__all__ = ["OpenAction", "Recurring", "Stability", "compare_series"]

#: The status of an action that no longer counts as open.
DONE = "done"


@dataclass(frozen=True)
class Recurring:
    """A finding seen in two or more workshops.

    ``returned``: it was gone in a workshop between its first and its last
    appearance — resolved, and then back. ``finding`` is its last appearance.
    """

    finding: Finding
    present_in: tuple[int, ...]
    returned: bool


@dataclass(frozen=True)
class OpenAction:
    """An agreed action that was open (not done) in two or more workshops.

    ``now`` is where it stands in the last workshop: ``open``, ``done``, or
    ``removed`` when that session no longer lists it.
    """

    key: str
    action: dict[str, Any]
    open_in: tuple[int, ...]
    now: str


@dataclass(frozen=True, eq=False)
class Stability:
    """The stability table of a series; ``steps[k]`` compares workshops k+1 and k+2."""

    sessions: tuple[Session, ...]
    steps: tuple[SessionDiff, ...]
    orders: tuple[tuple[str, ...], ...]
    guardrails: dict[str, tuple[int, ...]]
    recurring: tuple[Recurring, ...]
    open_actions: tuple[OpenAction, ...]

    def __bool__(self) -> bool:
        """Whether anything changed anywhere in the series."""
        return any(self.steps)

    @property
    def order_changed_in(self) -> tuple[int, ...]:
        """The workshops whose priority order differs from the one before."""
        return tuple(
            number
            for number, (before, after) in enumerate(itertools.pairwise(self.orders), 2)
            if before != after
        )

    def to_json(self, names: Sequence[str] | None = None) -> dict[str, Any]:
        """The series as plain data (the README documents it); ``names`` are the files."""
        names = list(names) if names is not None else [""] * len(self.sessions)
        return {
            "workshops": [
                {"file": name, "title": s.meta.get("title"), "date": s.meta.get("date")}
                for name, s in zip(names, self.sessions, strict=True)
            ],
            "steps": [step.to_json() for step in self.steps],
            "priority_order": {
                "changes": len(self.order_changed_in),
                "changed_in": list(self.order_changed_in),
                "orders": [list(order) for order in self.orders],
            },
            "guardrails": {
                node: {"changes": len(numbers), "changed_in": list(numbers)}
                for node, numbers in self.guardrails.items()
            },
            "findings": [
                {
                    "code": r.finding.code,
                    "subjects": list(r.finding.subjects),
                    "present_in": list(r.present_in),
                    "returned": r.returned,
                }
                for r in self.recurring
            ],
            "actions": [
                {"id": a.key, "open_in": list(a.open_in), "now": a.now} for a in self.open_actions
            ],
        }


def compare_series(sessions: Sequence[Session], language: str | None = None) -> Stability:
    """The stability of a series of two or more sessions, in workshop order.

    Each session is analysed once; ``language`` (the last session's by
    default) is the language of the findings' messages.
    """
    if len(sessions) < 2:
        raise ValueError("a series needs at least two sessions")
    language = sessions[-1].language if language is None else language
    findings = [find_ambiguities(session, language) for session in sessions]
    steps = tuple(
        compare_sessions(old, new, language, findings=pair)
        for (old, new), pair in zip(
            itertools.pairwise(sessions), itertools.pairwise(findings), strict=True
        )
    )
    return Stability(
        sessions=tuple(sessions),
        steps=steps,
        orders=(*(step.order_before for step in steps), steps[-1].order_after),
        guardrails=_guardrail_changes(sessions, steps),
        recurring=_recurring(findings),
        open_actions=_open_actions(sessions),
    )


def _guardrail_changes(
    sessions: Sequence[Session], steps: Sequence[SessionDiff]
) -> dict[str, tuple[int, ...]]:
    """Every guardrail of the series, with the workshops in which it changed.

    A guardrail changes when it is added or removed, when its fields change,
    or when a relation to it (who owns it, what it limits) is added, removed
    or changed.
    """
    guardrails = sorted({node for s in sessions for node in s.nodes_of_kind(NodeKind.GUARDRAIL)})
    changed_in: dict[str, list[int]] = {node: [] for node in guardrails}
    for number, step in enumerate(steps, 2):
        touched = {*step.nodes.added, *step.nodes.removed, *step.nodes.changed}
        for source, target, _kind in (*step.edges.added, *step.edges.removed, *step.edges.changed):
            touched.update((source, target))
        for node in touched & changed_in.keys():
            changed_in[node].append(number)
    return {node: tuple(numbers) for node, numbers in changed_in.items()}


def _recurring(findings: Sequence[list[Finding]]) -> tuple[Recurring, ...]:
    seen: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    last: dict[tuple[str, tuple[str, ...]], Finding] = {}
    for number, found in enumerate(findings, 1):
        for finding in found:
            seen.setdefault(finding_key(finding), []).append(number)
            last[finding_key(finding)] = finding
    return tuple(
        Recurring(last[key], tuple(numbers), numbers[-1] - numbers[0] + 1 > len(numbers))
        for key, numbers in sorted(seen.items())
        if len(numbers) >= 2
    )


def _open_actions(sessions: Sequence[Session]) -> tuple[OpenAction, ...]:
    last = action_keys(sessions[-1].actions)
    open_in: dict[str, list[int]] = {}
    latest: dict[str, dict[str, Any]] = {}
    for number, session in enumerate(sessions, 1):
        for key, action in action_keys(session.actions).items():
            if action.get("status") != DONE:
                open_in.setdefault(key, []).append(number)
                latest[key] = dict(action)
    return tuple(
        OpenAction(key, latest[key], tuple(numbers), _now(key, numbers, last, len(sessions)))
        for key, numbers in sorted(open_in.items())
        if len(numbers) >= 2
    )


def _now(key: str, open_in: list[int], last: dict[str, Any], count: int) -> str:
    if open_in[-1] == count:
        return "open"
    return DONE if key in last else "removed"
