"""Every operation tells what it changed: the Change the session's listeners get covers
everything that differs afterwards, and no operation class can be left out."""

from __future__ import annotations

import importlib
import pkgutil
import random
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import workshop_app
from workshop_app.domain import (
    AddEdge,
    AddNode,
    Batch,
    Change,
    DeleteAction,
    DeleteCase,
    DomainError,
    EdgeKind,
    InsertAction,
    InsertCase,
    NodeKind,
    Operation,
    RemoveEdge,
    RemoveNode,
    Session,
    SetActionFields,
    SetCaseFields,
    SetEdgeFields,
    SetMeta,
    SetNodeFields,
    SetReview,
)
from workshop_app.domain.votes import DeleteVoteRound, InsertVoteRound, ReplaceVoteRound


def sample() -> Session:
    session = Session()
    for node_id, kind in [
        ("r1", NodeKind.ROLE),
        ("r2", NodeKind.ROLE),
        ("x1", NodeKind.RESPONSIBILITY),
        ("p1", NodeKind.PRIORITY),
        ("p2", NodeKind.PRIORITY),
        ("g1", NodeKind.GUARDRAIL),
    ]:
        session.apply(AddNode(node_id, kind, node_id.upper()))
    session.apply(AddEdge("r1", "x1", EdgeKind.ACCOUNTABLE))
    session.apply(AddEdge("x1", "p1", EdgeKind.SERVES))
    session.apply(AddEdge("r1", "r2", EdgeKind.ESCALATES_TO))
    session.apply(InsertAction(0, {"text": "Klären, wer freigibt"}))
    session.apply(SetReview("isolated", ("g1",), {"status": "accepted"}))
    case = {"id": "c1", "title": "120 EUR", "responsibility": "x1", "absent": ["r2"]}
    session.apply(InsertCase(0, case))
    votes = {
        "id": "v1",
        "on": "priorities",
        "dots": 3,
        "ballots": [{"voter": "A", "dots": {"p1": 3}}],
    }
    session.apply(InsertVoteRound(0, votes))
    return session


#: One valid example of every operation class on :func:`sample`.
EXAMPLES: dict[type[Operation], Operation] = {
    AddNode: AddNode("p3", NodeKind.PRIORITY, "Neu", {"rank": 2}),
    RemoveNode: RemoveNode("r2"),  # also takes r2 out of the case's absent roles
    SetNodeFields: SetNodeFields("x1", {"label": "Kulanz", "critical": True}),
    AddEdge: AddEdge("x1", "p2", EdgeKind.SERVES),
    RemoveEdge: RemoveEdge("r1", "x1", EdgeKind.ACCOUNTABLE),
    SetEdgeFields: SetEdgeFields("r1", "r2", EdgeKind.ESCALATES_TO, {"trigger": "über 50 €"}),
    SetMeta: SetMeta({"title": "Workshop", "language": "de"}),
    InsertAction: InsertAction(1, {"text": "Vertretung benennen"}),
    DeleteAction: DeleteAction(0),
    SetActionFields: SetActionFields(0, {"owner": "r1"}),
    SetReview: SetReview("isolated", ("g1",), None),
    Batch: Batch(
        (SetNodeFields("p1", {"position": [0, 0]}), SetNodeFields("p2", {"position": [9, 9]}))
    ),
    InsertCase: InsertCase(1, {"id": "c2", "title": "Storno", "responsibility": "x1"}),
    DeleteCase: DeleteCase("c1"),
    SetCaseFields: SetCaseFields("c1", {"title": "300 EUR"}),
    InsertVoteRound: InsertVoteRound(1, {"id": "v2", "on": "findings", "dots": 2}),
    DeleteVoteRound: DeleteVoteRound("v1"),
    ReplaceVoteRound: ReplaceVoteRound("v1", {"id": "v1", "on": "priorities", "dots": 5}),
}


def _operation_classes() -> set[type[Operation]]:
    """Every concrete operation class anywhere in the package."""
    for module in pkgutil.walk_packages(workshop_app.__path__, "workshop_app."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: set[type[Operation]] = set()
    pending = [Operation]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if not getattr(subclass, "__abstractmethods__", None):
                found.add(subclass)
    return found


def test_every_operation_class_has_an_example_here() -> None:
    missing = sorted(c.__qualname__ for c in _operation_classes() - set(EXAMPLES))
    assert not missing, f"add an example of {missing} to EXAMPLES"


def _state(session: Session) -> dict[str, Any]:
    graph = session.graph
    return {
        "nodes": {n: repr(sorted(data.items())) for n, data in graph.nodes(data=True)},
        "edges": {
            (s, t, k): repr(sorted(d.items())) for s, t, k, d in graph.edges(keys=True, data=True)
        },
        "meta": {k: repr(v) for k, v in session.meta.items()},
        "actions": [repr(sorted(a.items())) for a in session.actions],
        "reviews": {(r["code"], tuple(r["subjects"])): repr(r) for r in session.reviews},
        "cases": {c["id"]: repr(sorted(c.items())) for c in session.cases},
        "votes": {v["id"]: repr(sorted(v.items())) for v in session.votes},
    }


def _differ(before: dict[Any, Any], after: dict[Any, Any]) -> set[Any]:
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def _uncovered(before: dict[str, Any], after: dict[str, Any], change: Change) -> list[str]:
    """What changed between the two states but is not named by ``change``."""
    problems = []
    nodes = _differ(before["nodes"], after["nodes"])
    edges = _differ(before["edges"], after["edges"])
    for name, differ, told in [
        ("nodes", nodes, change.nodes),
        ("edges", edges, change.edges),
        ("meta", _differ(before["meta"], after["meta"]), change.meta),
        ("reviews", _differ(before["reviews"], after["reviews"]), change.reviews),
        ("cases", _differ(before["cases"], after["cases"]), change.cases),
        ("votes", _differ(before["votes"], after["votes"]), change.votes),
    ]:
        if not differ <= told:
            problems.append(f"{name} {sorted(differ - told)} changed but were not told")
    if before["actions"] != after["actions"] and not change.actions:
        problems.append("the actions changed but were not told")
    added_or_removed = before["nodes"].keys() ^ after["nodes"].keys()
    if added_or_removed and len(change.kinds) == 0:
        problems.append(f"nodes {sorted(added_or_removed)} came or went without their kind")
    if change.positions_only and (edges or added_or_removed or before["meta"] != after["meta"]):
        problems.append("positions_only, yet more than positions changed")
    return problems


def _apply_and_listen(session: Session, operation: Operation) -> tuple[Operation, Change]:
    told: list[Change] = []
    session.listeners.append(told.append)
    try:
        inverse = session.apply(operation)
    finally:
        session.listeners.remove(told.append)
    assert len(told) == 1
    return inverse, told[0]


@pytest.mark.parametrize("operation", EXAMPLES.values(), ids=lambda op: type(op).__name__)
def test_each_operation_and_its_undo_tell_what_they_changed(operation: Operation) -> None:
    session = sample()
    before = _state(session)
    inverse, change = _apply_and_listen(session, operation)
    after = _state(session)
    assert before != after and change, "the example must change something"
    assert _uncovered(before, after, change) == []
    _undo, undo_change = _apply_and_listen(session, inverse)
    assert _state(session) == before
    assert undo_change and _uncovered(after, before, undo_change) == []


def test_only_a_move_is_positions_only() -> None:
    moves = {type(op) for op in EXAMPLES.values() if op.change.positions_only}
    assert moves == {Batch}
    assert SetNodeFields("p1", {"position": [1, 2]}).change.positions_only
    assert not SetNodeFields("p1", {"position": [1, 2], "label": "P"}).change.positions_only


def test_a_removal_tells_the_kind_edges_and_cases_it_took_away() -> None:
    session = sample()
    _inverse, change = _apply_and_listen(session, RemoveNode("r2"))
    assert change.nodes == {"r2"} and change.kinds == {"role"}
    assert change.edges == {("r1", "r2", "escalates_to")}
    assert change.cases == {"c1"}


def test_nobody_listening_costs_nothing_and_a_refused_edit_tells_nothing() -> None:
    session = sample()
    told: list[Change] = []
    session.listeners.append(told.append)
    with pytest.raises(DomainError):
        session.apply(AddEdge("p1", "r1", EdgeKind.ACCOUNTABLE))
    assert told == []


_Step = Callable[[Session, random.Random], Operation]


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_random_sequences_with_undo_are_always_told(seed: int) -> None:
    rng = random.Random(seed)
    session, undo = sample(), []
    for _ in range(12):
        operation = (
            undo.pop() if undo and rng.random() < 0.3 else rng.choice(list(EXAMPLES.values()))
        )
        before = _state(session)
        try:
            inverse, change = _apply_and_listen(session, operation)
        except DomainError:
            continue
        undo.append(inverse)
        assert _uncovered(before, _state(session), change) == []
