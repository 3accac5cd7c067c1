"""Walking a case through the map: who decides, after how many hand-offs and how long.

:func:`walk_case` follows the five rules of ``DESIGN.md`` ("Walking a
case") in order: the first handler, absence, the limit, up the chain,
re-confirmation. Where the design leaves a detail open, the walk reads it
so (each is tested):

- a stall before anyone holds the case (``several-handlers``,
  ``no-handler``) has an empty path and no hand-offs;
- a responsibility with ``reconfirm: true`` but no accountable role is
  confirmed by the target of the escalation edge of step 3, as it is when
  the accountable role is the decider;
- an absent confirmer is on the path (absent ones are), followed by the
  deputy who confirms; when there is none, or it is the decider, the path
  ends at the absent confirmer;
- arriving at a role already on the path, as escalation or as deputy, is
  an ``escalation-loop``.

Examples
--------
>>> from workshop_app.fileformat import loads_session
>>> session = loads_session('''
... format: workshop-session
... version: 1
... nodes:
...   - {id: agent, kind: role, label: Agent}
...   - {id: lead, kind: role, label: Team lead}
...   - {id: head, kind: role, label: Head of service}
...   - {id: refund, kind: responsibility, label: Refunds, decision_limit: "50,00 EUR"}
... edges:
...   - {source: agent, target: refund, kind: accountable}
...   - {source: refund, target: lead, kind: escalates_to, after: 4h}
...   - {source: head, target: lead, kind: deputy_of}
... ''')
>>> walk = walk_case(session, {"id": "c1", "title": "Refund 120", "responsibility": "refund",
...                            "amount": 120, "absent": ["lead"]})
>>> walk.to_json()
{'case': 'c1', 'outcome': 'decided', 'decided_by': 'head', 'reason': None, 'path': ['agent', 'lead', 'head'], 'handoffs': 2, 'wait': 'PT4H'}
"""  # noqa: E501 (the example's output line)

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import networkx as nx

from workshop_app.domain.durations import iso_duration, parse_duration
from workshop_app.domain.session import Session

__all__ = ["STALL_REASONS", "CaseError", "CaseWalk", "Step", "decision_limit", "walk_case"]

#: Why a case stalls, in the order of the rules.
STALL_REASONS = (
    "several-handlers",
    "no-handler",
    "no-escalation",
    "absent-no-deputy",
    "escalation-loop",
    "no-confirmer",
)

# No thousands separators: "1.000" is one, as the design says.
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")


class CaseError(ValueError):
    """A case that cannot be walked on this map (its responsibility is not on it)."""


@dataclass(frozen=True)
class Step:
    """One role the case reached, and how.

    ``how`` is ``"first"`` (the first handler), ``"deputy"`` (stands in for
    the absent role before it), ``"escalation"`` (received it along the
    ``escalates_to`` edge from ``via``, whose ``after`` is ``after``
    minutes, ``None`` when the edge has none) or ``"confirmation"``.
    """

    role: str
    how: str
    absent: bool = False
    via: str | None = None
    after: int | None = None


@dataclass(frozen=True)
class CaseWalk:
    """The result of walking one case; :meth:`to_json` has the design's fields."""

    case: str
    outcome: str
    decided_by: str | None
    reason: str | None
    steps: tuple[Step, ...]
    wait_minutes: int | None
    #: the case's amount and the responsibility's limit, when they were compared
    amount: Decimal | None = None
    limit: Decimal | None = None
    #: the roles that could take the case first, when there were several
    handlers: tuple[str, ...] = field(default=())

    @property
    def path(self) -> list[str]:
        return [step.role for step in self.steps]

    @property
    def handoffs(self) -> int:
        return max(len(self.steps) - 1, 0)

    @property
    def wait(self) -> str | None:
        return None if self.wait_minutes is None else iso_duration(self.wait_minutes)

    @property
    def decided(self) -> bool:
        return self.outcome == "decided"

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "outcome": self.outcome,
            "decided_by": self.decided_by,
            "reason": self.reason,
            "path": self.path,
            "handoffs": self.handoffs,
            "wait": self.wait,
        }


def decision_limit(text: Any) -> Decimal | None:
    """The first number in a ``decision_limit`` text, ``,`` or ``.`` as the decimal mark.

    Examples
    --------
    >>> decision_limit("bis 50,5 EUR"), decision_limit("1.000 EUR"), decision_limit("offen")
    (Decimal('50.5'), Decimal('1.000'), None)
    """
    match = _NUMBER.search(text) if isinstance(text, str) else None
    return Decimal(match.group().replace(",", ".")) if match else None


def _amount(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


class _Stall(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason


class _Walker:
    """Carries the case along the map and records every role it reaches."""

    def __init__(self, G: nx.MultiDiGraph, absent: Iterable[str]) -> None:
        self.G = G
        self.absent = frozenset(absent)
        self.steps: list[Step] = []
        self.waits: list[int | None] = []

    def sources(self, node: str, kind: str) -> list[str]:
        return sorted(other for other, keys in self.G._pred[node].items() if kind in keys)

    def escalation(self, node: str) -> tuple[str, int | None] | None:
        """The first ``escalates_to`` edge of ``node`` by target id: its target and ``after``."""
        up = sorted(other for other, keys in self.G._succ[node].items() if "escalates_to" in keys)
        if not up:
            return None
        after = self.G.edges[node, up[0], "escalates_to"].get("after")
        return up[0], parse_duration(after)

    def deputy(self, role: str) -> str | None:
        """The first role by id that is ``deputy_of`` ``role`` and not absent."""
        present = [d for d in self.sources(role, "deputy_of") if d not in self.absent]
        return present[0] if present else None

    def arrive(self, role: str, how: str, via: str | None = None, after: int | None = None) -> str:
        seen = any(step.role == role for step in self.steps)
        self.steps.append(Step(role, how, role in self.absent, via, after))
        if seen:
            raise _Stall("escalation-loop")
        return role

    def stand_in(self, role: str) -> str:
        """``role``, or its deputy when it is absent (stall when there is none)."""
        if role not in self.absent:
            return role
        deputy = self.deputy(role)
        if deputy is None:
            raise _Stall("absent-no-deputy")
        return self.arrive(deputy, "deputy")

    def escalate(self, source: str, edge: tuple[str, int | None]) -> str:
        target, after = edge
        self.waits.append(after)
        return self.arrive(target, "escalation", via=source, after=after)


def walk_case(session: Session, case: Mapping[str, Any]) -> CaseWalk:
    """Walk ``case`` through the session's map (``DESIGN.md``, "Walking a case").

    Raises
    ------
    CaseError
        When the case's ``responsibility`` is not a responsibility on the map.
    """
    G, responsibility = session.graph, case.get("responsibility")
    node = G.nodes.get(responsibility) if isinstance(responsibility, str) else None
    if node is None or node.get("kind") != "responsibility":
        raise CaseError(f"{responsibility!r} is not a responsibility on the map")
    walker = _Walker(G, case.get("absent") or ())
    handlers = walker.sources(responsibility, "responsible") or walker.sources(
        responsibility, "accountable"
    )
    amount, limit = _amount(case.get("amount")), decision_limit(node.get("decision_limit"))
    decided_by: str | None = None
    reason: str | None = None
    try:
        if len(handlers) != 1:
            raise _Stall("several-handlers" if handlers else "no-handler")
        holder = walker.stand_in(walker.arrive(handlers[0], "first"))
        if amount is None or limit is None or amount <= limit:
            decided_by = _confirm(walker, responsibility, holder, node.get("reconfirm") is True)
        else:
            decided_by = _escalate(walker, responsibility, holder)
    except _Stall as stall:
        reason = stall.reason
    waits = walker.waits
    wait = None if reason or None in waits else sum(w for w in waits if w is not None)
    return CaseWalk(
        case=str(case.get("id", "")),
        outcome="stalled" if reason else "decided",
        decided_by=None if reason else decided_by,
        reason=reason,
        steps=tuple(walker.steps),
        wait_minutes=wait,
        amount=amount,
        limit=limit,
        handlers=tuple(handlers) if len(handlers) > 1 else (),
    )


def _escalate(walker: _Walker, responsibility: str, holder: str) -> str:
    """Steps 3 and 4: beyond the limit the case goes up until a present role decides it."""
    source = responsibility
    edge = walker.escalation(responsibility)
    if edge is None:
        source, edge = holder, walker.escalation(holder)
    if edge is None:
        raise _Stall("no-escalation")
    role = walker.escalate(source, edge)
    while role in walker.absent:
        deputy = walker.deputy(role)
        if deputy is not None:
            return walker.arrive(deputy, "deputy")
        edge = walker.escalation(role)
        if edge is None:
            raise _Stall("absent-no-deputy")
        role = walker.escalate(role, edge)
    return role


def _confirm(walker: _Walker, responsibility: str, decider: str, reconfirm: bool) -> str:
    """Step 5: a decision within the limit that must be re-confirmed, is — or stalls."""
    if not reconfirm:
        return decider
    owners = walker.sources(responsibility, "accountable")
    confirmer = owners[0] if owners and owners[0] != decider else None
    if confirmer is None:
        edge = walker.escalation(responsibility) or walker.escalation(decider)
        confirmer = edge[0] if edge else None
    if confirmer is None or confirmer == decider:
        raise _Stall("no-confirmer")
    walker.steps.append(Step(confirmer, "confirmation", confirmer in walker.absent))
    if confirmer not in walker.absent:
        return confirmer
    deputy = walker.deputy(confirmer)
    if deputy is None or deputy == decider:
        raise _Stall("no-confirmer")
    walker.steps.append(Step(deputy, "deputy"))
    return deputy
