"""LiveAnalysis: after any edit, exactly the findings of a full analysis."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.orgs import generate_organisation
from workshop_app.analysis import LiveAnalysis, find_ambiguities
from workshop_app.domain import (
    ALLOWED_ENDS,
    UNSET,
    AddEdge,
    AddNode,
    Batch,
    Change,
    DomainError,
    EdgeKind,
    NodeKind,
    Operation,
    RemoveEdge,
    RemoveNode,
    Session,
    SetMeta,
    SetNodeFields,
    SetReview,
)

_FIELD_CHANGES = (
    {"critical": True},
    {"critical": UNSET},
    {"reconfirm": True},
    {"reconfirm": UNSET},
    {"delegation": 6},
    {"delegation": 2},
    {"delegation": UNSET, "delegation_target": 7},
    {"decision_limit": "50 EUR"},
    {"decision_limit": UNSET},
    {"good_enough": "Kunde zufrieden"},
    {"good_enough": UNSET},
    {"label": "Neu {0} <b>"},
)


def applied(session: Session, edit: Operation) -> tuple[Operation, Change]:
    """Apply ``edit``; its inverse and the change the session tells its listeners."""
    told: list[Change] = []
    session.listeners.append(told.append)
    try:
        inverse = session.apply(edit)
    finally:
        session.listeners.remove(told.append)
    (change,) = told
    return inverse, change


def update(live: LiveAnalysis, edit: Operation) -> list:
    """Apply ``edit`` to the live analysis's session and update it with the change."""
    return live.update(applied(live.session, edit)[1])


def _in(session: Session, language: str) -> Session:
    session.apply(SetMeta({"language": language}))
    return session


def _random_edit(session: Session, rng: random.Random) -> Operation:
    """One edit a facilitator could make, of every sort the rules care about."""
    graph = session.graph
    nodes = sorted(graph)
    choice = rng.randrange(9)
    if choice <= 2 and nodes:
        kind = rng.choice(list(EdgeKind))
        starts, ends = ALLOWED_ENDS[kind]
        source = rng.choice(
            [n for n in nodes if NodeKind(graph.nodes[n]["kind"]) in starts] or nodes
        )
        target = rng.choice([n for n in nodes if NodeKind(graph.nodes[n]["kind"]) in ends] or nodes)
        return AddEdge(source, target, kind)
    if choice == 3 and graph.number_of_edges():
        source, target, key = rng.choice(sorted(graph.edges(keys=True)))
        return RemoveEdge(source, target, EdgeKind(key))
    if choice == 4 and nodes:
        return RemoveNode(rng.choice(nodes))
    if choice == 5:
        node_id = f"new_{rng.randrange(10**6)}"
        return AddNode(node_id, rng.choice(list(NodeKind)), "Neu", {})
    if choice == 6 and nodes:
        node = rng.choice(nodes)
        kind = graph.nodes[node]["kind"]
        own = {"role": {"load": rng.choice((50, 95))}, "priority": {"rank": rng.randint(1, 3)}}
        if kind in own and rng.random() < 0.5:
            return SetNodeFields(node, own[kind])
        return SetNodeFields(node, rng.choice(_FIELD_CHANGES))
    if choice == 7 and nodes:
        finding = rng.choice(find_ambiguities(session) or [None])
        if finding is not None:
            review = rng.choice(({"status": "accepted", "note": "ok"}, None))
            return SetReview(finding.code, finding.subjects, review)
    if choice == 8:
        return SetMeta({"language": rng.choice(("de", "en"))})
    return Batch(())


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_random_edits_and_undos_give_the_full_analysis(seed: int) -> None:
    rng = random.Random(seed)
    session = generate_organisation(60, seed=seed % 7)
    live = LiveAnalysis(session)
    undo: list[Operation] = []
    for _ in range(30):
        edit = undo.pop() if undo and rng.random() < 0.25 else _random_edit(session, rng)
        try:
            inverse, change = applied(session, edit)
        except DomainError:
            continue
        undo.append(inverse)
        assert live.update(change) == find_ambiguities(session)


def test_a_batch_that_removes_an_owner_updates_the_owned_nodes() -> None:
    session = generate_organisation(200)
    live = LiveAnalysis(session)
    owner = max(
        session.nodes_of_kind(NodeKind.ROLE), key=lambda role: session.graph.out_degree(role)
    )
    edit = Batch((RemoveNode(owner),))
    findings = update(live, edit)
    assert findings == find_ambiguities(session)
    assert not any(owner in finding.subjects for finding in findings)


def test_a_fixed_language_is_kept_when_the_session_changes_its_own() -> None:
    session = _in(generate_organisation(60), "de")
    live = LiveAnalysis(session, language="en")
    edit = SetMeta({"language": "de"})
    assert update(live, edit) == find_ambiguities(session, "en")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        LiveAnalysis(Session(), language="fr")


def test_renaming_an_owner_rewrites_the_findings_that_name_it() -> None:
    session = _in(generate_organisation(200), "en")
    live = LiveAnalysis(session)
    shared = next(f for f in live.findings if f.code == "shared-ownership")
    owner = next(s for s in shared.subjects if session.graph.nodes[s]["kind"] == "role")
    edit = SetNodeFields(owner, {"label": "Night shift"})
    findings = update(live, edit)
    assert findings == find_ambiguities(session)
    assert any(f.code == "shared-ownership" and "Night shift" in f.message for f in findings)


def test_serving_both_sides_of_a_conflict_joins_its_finding() -> None:
    session = generate_organisation(200)
    live = LiveAnalysis(session)
    conflict = next(f for f in live.findings if f.code == "priority-conflict")
    first, second = (s for s in conflict.subjects if session.graph.nodes[s]["kind"] == "priority")
    fresh = AddNode("x_both", NodeKind.RESPONSIBILITY, "Both")
    update(live, fresh)
    for priority in (first, second):
        edit = AddEdge("x_both", priority, EdgeKind.SERVES)
        findings = update(live, edit)
    assert findings == find_ambiguities(session)
    assert any(f.code == "priority-conflict" and "x_both" in f.subjects for f in findings)
