"""The walk agrees with a second, plain implementation on generated sessions.

Each generated session has a dozen roles with deputies and escalation
loops, responsibilities with limits written in several ways (decimal commas
and points, no number at all), and a few hundred cases with amounts around
the limits and random absences. Every case is walked by the app and by
:mod:`.plain`, after a save and load of the session.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.cases import STALL_REASONS, walk_case
from workshop_app.domain import AddEdge, AddNode, EdgeKind, InsertCase, NodeKind, Session
from workshop_app.fileformat import dumps_session, loads_session

from .plain import Edge, plain_walk

LIMITS = [
    "50 EUR",
    "bis 120,50 €",
    "1.000 EUR",  # no thousands separators: this is one euro
    "EUR 75.25 pro Fall",
    "nach Rücksprache",
    "0,5",
    "max. 200 EUR pro Kunde und Jahr, 50 je Fall",
    "٣٠ EUR",  # Arabic-Indic digits are not a number here
]
AMOUNTS = [0, 1, 30, 50, 50.0, 50.01, 75.25, 75.26, 120.5, 120.49, 120.51, 200, 1000, 0.5, 0.51]
DURATIONS = ["30min", "4h", "2d", "1h", "90min", "0min"]
CASES_PER_SESSION = 300


def generated(seed: int) -> tuple[dict[str, dict[str, Any]], list[Edge], list[dict[str, Any]]]:
    """Plain nodes, edges and cases of one random organisation."""
    rng = random.Random(seed)
    roles = [f"r{i:02d}" for i in range(rng.randint(2, 12))]
    work = [f"x{i}" for i in range(rng.randint(1, 8))]
    nodes: dict[str, dict[str, Any]] = {r: {"kind": "role", "label": f"Rolle {r}"} for r in roles}
    edges: list[Edge] = []
    seen: set[tuple[str, str, str]] = set()

    def edge(source: str, target: str, kind: str, attrs: dict[str, Any] | None = None) -> None:
        if source != target and (source, target, kind) not in seen:
            seen.add((source, target, kind))
            edges.append((source, target, kind, attrs or {}))

    def escalation() -> dict[str, Any]:
        return {"after": rng.choice(DURATIONS)} if rng.random() < 0.8 else {}

    for x in work:
        fields: dict[str, Any] = {"kind": "responsibility", "label": f"Aufgabe {x}"}
        if rng.random() < 0.8:
            fields["decision_limit"] = rng.choice(LIMITS)
        if rng.random() < 0.4:
            fields["reconfirm"] = rng.random() < 0.8
        nodes[x] = fields
        for kind, weights in (("responsible", (6, 3, 1)), ("accountable", (3, 6, 1))):
            for role in rng.sample(roles, rng.choices((0, 1, 2), weights)[0]):
                edge(role, x, kind)
        for role in rng.sample(roles, rng.choice((0, 0, 1, 2))):
            edge(x, role, "escalates_to", escalation())
    for role in roles:
        for target in rng.sample(roles, rng.choice((0, 1, 1, 2))):
            edge(role, target, "escalates_to", escalation())
        for deputy in rng.sample(roles, rng.choice((0, 0, 1, 2))):
            edge(deputy, role, "deputy_of")
    cases = []
    for index in range(CASES_PER_SESSION):
        case: dict[str, Any] = {"id": f"c{index}", "title": f"Fall {index}"}
        case["responsibility"] = rng.choice(work)
        if rng.random() < 0.85:
            case["amount"] = rng.choice(AMOUNTS)
        if rng.random() < 0.7:
            case["absent"] = rng.sample(roles, rng.randint(1, len(roles)))
        cases.append(case)
    return nodes, edges, cases


def session_of(
    nodes: dict[str, dict[str, Any]], edges: list[Edge], cases: list[dict[str, Any]]
) -> Session:
    session = Session(meta={"language": "de"})
    for node_id, fields in nodes.items():
        rest = {k: v for k, v in fields.items() if k not in ("kind", "label")}
        session.apply(AddNode(node_id, NodeKind(fields["kind"]), fields["label"], rest))
    for source, target, kind, attrs in edges:
        session.apply(AddEdge(source, target, EdgeKind(kind), attrs))
    for index, case in enumerate(cases):
        session.apply(InsertCase(index, case))
    return loads_session(dumps_session(session))  # walked as saved and loaded


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32))
def test_every_generated_case_walks_as_the_plain_implementation_says(seed: int) -> None:
    nodes, edges, cases = generated(seed)
    session = session_of(nodes, edges, cases)
    for case in session.cases:
        assert walk_case(session, case).to_json() == plain_walk(nodes, edges, case), case


def test_the_generated_sessions_reach_every_outcome() -> None:
    """Without this, the comparison above could pass on cases that never stall."""
    outcomes: Counter[str] = Counter()
    waits: Counter[str] = Counter()
    for seed in range(40):
        nodes, edges, cases = generated(seed)
        session = session_of(nodes, edges, cases)
        for case in session.cases:
            result = walk_case(session, case)
            outcomes[result.reason or "decided"] += 1
            waits[
                "none" if result.wait is None else "zero" if result.wait == "PT0S" else "some"
            ] += 1
    assert set(outcomes) == {"decided", *STALL_REASONS}
    assert min(outcomes.values()) >= 20, outcomes
    assert min(waits.values()) >= 100, waits
