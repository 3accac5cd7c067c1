"""Every operation either applies and its inverse restores the session exactly,
or it is refused with a DomainError and the session is unchanged."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.domain import (
    UNSET,
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


def snapshot(session: Session) -> dict[str, Any]:
    graph = session.graph
    return copy.deepcopy(
        {
            "meta": session.meta,
            "nodes": {n: dict(d) for n, d in graph.nodes(data=True)},
            "edges": sorted(
                (s, t, k, sorted(d.items())) for s, t, k, d in graph.edges(keys=True, data=True)
            ),
            "actions": session.actions,
            "reviews": session.reviews,
            "cases": session.cases,
        }
    )


def seeded() -> Session:
    session = Session(meta={"title": "Workshop", "language": "de"})
    for op in (
        AddNode("p1", NodeKind.PRIORITY, "Erstlösung", {"rank": 1}),
        AddNode("p2", NodeKind.PRIORITY, "Kosten"),
        AddNode("r1", NodeKind.ROLE, "Servicekraft", {"load": 95}),
        AddNode("r2", NodeKind.ROLE, "Teamleitung"),
        AddNode("x1", NodeKind.RESPONSIBILITY, "Kulanz", {"reconfirm": True}),
        AddNode("g1", NodeKind.GUARDRAIL, "Kulanzrahmen"),
        AddEdge("r1", "x1", EdgeKind.ACCOUNTABLE),
        AddEdge("x1", "r2", EdgeKind.ESCALATES_TO, {"trigger": "> 50 EUR"}),
        InsertAction(0, {"id": "a1", "text": "Grenze bestätigen", "owner": "r2"}),
        InsertCase(0, {"id": "c1", "title": "120 EUR", "responsibility": "x1", "amount": 120}),
        InsertCase(1, {"id": "c2", "title": "Urlaub", "responsibility": "x1", "absent": ["r2"]}),
    ):
        session.apply(op)
    return session


IDS = st.sampled_from(["p1", "p2", "r1", "r2", "x1", "g1", "new", "bad id!"])
FIELD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 300),
    st.text(max_size=5),
    st.just(UNSET),
    st.lists(st.floats(allow_nan=False, allow_infinity=False, width=32), max_size=3),
    st.sampled_from(["4h", "30min", "2d", "4 h", "1w"]),
    st.integers(0, 8),
)
FIELD_NAMES = st.sampled_from(
    [
        "label",
        "rank",
        "load",
        "notes",
        "reconfirm",
        "critical",
        "good_enough",
        "position",
        "decision_limit",
        "trigger",
        "delegation",
        "delegation_target",
        "after",
        "custom",
        "kind",
    ]
)
CHANGES = st.dictionaries(FIELD_NAMES, FIELD_VALUES, min_size=1, max_size=3)
CASE_IDS = st.sampled_from(["c1", "c2", "c3", "bad id!"])
CASE_CHANGES = st.dictionaries(
    st.sampled_from(["id", "title", "responsibility", "amount", "absent", "notes", "extra"]),
    st.one_of(FIELD_VALUES, IDS, st.lists(IDS, max_size=2)),
    min_size=1,
    max_size=3,
)


def case_operations() -> st.SearchStrategy[Operation]:
    case = st.fixed_dictionaries(
        {"id": CASE_IDS, "title": st.text(max_size=4), "responsibility": IDS},
        optional={"amount": FIELD_VALUES, "absent": st.lists(IDS, max_size=2)},
    )
    return st.one_of(
        st.builds(InsertCase, st.integers(-1, 3), case),
        st.builds(DeleteCase, CASE_IDS),
        st.builds(SetCaseFields, CASE_IDS, CASE_CHANGES),
    )


def operations() -> st.SearchStrategy[Operation]:
    kinds, edge_kinds = st.sampled_from(list(NodeKind)), st.sampled_from(list(EdgeKind))
    simple = st.one_of(
        st.builds(
            AddNode,
            IDS,
            kinds,
            st.text(max_size=8),
            st.dictionaries(FIELD_NAMES, FIELD_VALUES, max_size=2),
        ),
        st.builds(RemoveNode, IDS),
        st.builds(SetNodeFields, IDS, CHANGES),
        st.builds(
            AddEdge, IDS, IDS, edge_kinds, st.dictionaries(FIELD_NAMES, FIELD_VALUES, max_size=2)
        ),
        st.builds(RemoveEdge, IDS, IDS, edge_kinds),
        st.builds(SetEdgeFields, IDS, IDS, edge_kinds, CHANGES),
        st.builds(
            SetMeta,
            st.dictionaries(
                st.sampled_from(["title", "language"]),
                st.sampled_from(["de", "en", "fr", UNSET]),
                min_size=1,
            ),
        ),
        st.builds(
            InsertAction, st.integers(-1, 3), st.fixed_dictionaries({"text": st.text(max_size=5)})
        ),
        st.builds(DeleteAction, st.integers(-1, 3)),
        st.builds(
            SetActionFields,
            st.integers(-1, 2),
            st.dictionaries(
                st.sampled_from(["text", "status", "due"]), st.text(max_size=4), min_size=1
            ),
        ),
        st.builds(
            SetReview,
            st.sampled_from(["no-owner", "no-buffer"]),
            st.lists(IDS, max_size=2).map(tuple),
            st.one_of(
                st.none(), st.fixed_dictionaries({"status": st.sampled_from(["accepted", "open"])})
            ),
        ),
        case_operations(),
    )
    return st.one_of(
        simple, st.lists(simple, min_size=1, max_size=4).map(lambda ops: Batch(tuple(ops)))
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(operations(), min_size=1, max_size=8))
def test_inverse_restores_or_refusal_changes_nothing(ops: list[Operation]) -> None:
    session = seeded()
    for op in ops:
        before = snapshot(session)
        try:
            inverse = session.apply(op)
        except DomainError:
            assert snapshot(session) == before
            continue
        after = snapshot(session)
        redo = session.apply(inverse)
        assert snapshot(session) == before
        session.apply(redo)
        assert snapshot(session) == after


def test_remove_node_takes_its_edges_and_undo_brings_them_back() -> None:
    session = seeded()
    undo = session.apply(RemoveNode("x1"))
    assert "x1" not in session.graph and session.graph.number_of_edges() == 0
    session.apply(undo)
    assert session.graph.edges["x1", "r2", "escalates_to"]["trigger"] == "> 50 EUR"
    assert session.graph.has_edge("r1", "x1", key="accountable")


@pytest.mark.parametrize(
    ("operation", "reason"),
    [
        (AddEdge("x1", "r1", EdgeKind.ACCOUNTABLE), "accountable cannot go from a responsibility"),
        (AddEdge("r1", "r1", EdgeKind.DEPUTY_OF), "itself"),
        (AddEdge("r1", "x1", EdgeKind.ACCOUNTABLE), "exists"),
        (AddNode("p1", NodeKind.ROLE, "Doppelt"), "already used"),
        (AddNode("has space", NodeKind.ROLE, "X"), "not a valid id"),
        (SetNodeFields("p1", {"label": "  "}), "non-empty"),
        (SetNodeFields("p1", {"rank": 0}), "at least 1"),
        (SetNodeFields("r1", {"load": 201}), "from 0 to 200"),
        (SetNodeFields("r1", {"load": True}), "whole number"),
        (SetNodeFields("x1", {"reconfirm": "yes"}), "true or false"),
        (SetNodeFields("x1", {"position": [1, float("nan")]}), "pair of numbers"),
        (SetMeta({"language": "fr"}), "de or en"),
        (SetMeta({"title": 3}), "must be text"),
        (SetMeta({"participants": [{"name": 1}]}), "list of people"),
        (SetNodeFields("p1", {"kind": UNSET}), "cannot be changed"),
        (SetNodeFields("p1", {"id": "p9"}), "cannot be changed"),
    ],
)
def test_invalid_edits_are_refused_with_a_reason(operation: Operation, reason: str) -> None:
    session = seeded()
    before = snapshot(session)
    with pytest.raises(DomainError, match=reason):
        session.apply(operation)
    assert snapshot(session) == before


def test_failing_batch_rolls_back_its_earlier_steps() -> None:
    session = seeded()
    before = snapshot(session)
    batch = Batch((SetNodeFields("p1", {"rank": 2}), AddNode("p1", NodeKind.ROLE, "Doppelt")))
    with pytest.raises(DomainError):
        session.apply(batch)
    assert snapshot(session) == before


def test_listeners_hear_what_each_applied_operation_changed_once() -> None:
    session = seeded()
    heard: list[Change] = []
    session.listeners.append(heard.append)
    session.apply(SetNodeFields("p2", {"rank": 3}))
    assert heard == [Change(nodes=frozenset({"p2"}), fields=frozenset({"rank"}))]


def test_review_is_matched_regardless_of_subject_order() -> None:
    session = seeded()
    session.apply(SetReview("shared-ownership", ("x1", "r1"), {"status": "accepted", "note": "ok"}))
    assert session.review_for("shared-ownership", ["r1", "x1"]) == {
        "code": "shared-ownership",
        "subjects": ["r1", "x1"],
        "status": "accepted",
        "note": "ok",
    }


def test_removing_a_node_takes_it_out_of_the_cases_and_undo_puts_it_back() -> None:
    session = seeded()
    before = snapshot(session)
    undo = session.apply(RemoveNode("r2"))
    assert [case["absent"] for case in session.cases if "absent" in case] == [[]]
    session.apply(undo)
    assert snapshot(session) == before
    undo = session.apply(RemoveNode("x1"))
    assert session.cases == []
    session.apply(undo)
    assert snapshot(session) == before
    assert [case["id"] for case in session.cases] == ["c1", "c2"]


@pytest.mark.parametrize(
    ("operation", "reason"),
    [
        (SetNodeFields("x1", {"delegation": 8}), "from 1 to 7"),
        (SetNodeFields("x1", {"delegation_target": 0}), "from 1 to 7"),
        (SetNodeFields("r1", {"delegation": 3}), "only a responsibility"),
        (AddNode("r9", NodeKind.ROLE, "R", {"delegation_target": 3}), "only a responsibility"),
        (SetEdgeFields("x1", "r2", EdgeKind.ESCALATES_TO, {"after": "4 h"}), "duration"),
        (SetEdgeFields("x1", "r2", EdgeKind.ESCALATES_TO, {"after": 4}), "duration"),
        (AddEdge("r2", "r1", EdgeKind.DEPUTY_OF, {"after": "4h"}), "only an escalates_to"),
        (AddNode("r9", NodeKind.ROLE, "R", {"label": "Doppelt"}), "label"),
        (InsertCase(0, {"id": "c1", "title": "T", "responsibility": "x1"}), "already the id"),
        (InsertCase(0, {"id": "c9", "title": " ", "responsibility": "x1"}), "needs a title"),
        (InsertCase(0, {"id": "c9", "title": "T", "responsibility": "r1"}), "not a responsib"),
        (InsertCase(0, {"id": "c9", "title": "T", "responsibility": "zz"}), "not a responsib"),
        (InsertCase(5, {"id": "c9", "title": "T", "responsibility": "x1"}), "no place"),
        (SetCaseFields("c1", {"amount": "120 EUR"}), "must be a number"),
        (SetCaseFields("c1", {"amount": float("nan")}), "must be a number"),
        (SetCaseFields("c1", {"amount": True}), "must be a number"),
        (SetCaseFields("c1", {"absent": ["x1"]}), "not a role"),
        (SetCaseFields("c1", {"absent": "r1"}), "list of role ids"),
        (SetCaseFields("c1", {"id": "c7"}), "cannot be changed"),
        (SetCaseFields("c9", {"amount": 1}), "no case"),
        (DeleteCase("c9"), "no case"),
    ],
)
def test_invalid_case_and_delegation_edits_are_refused(operation: Operation, reason: str) -> None:
    session = seeded()
    before = snapshot(session)
    with pytest.raises(DomainError, match=reason):
        session.apply(operation)
    assert snapshot(session) == before


def test_case_edits_undo_exactly() -> None:
    session = seeded()
    before = snapshot(session)
    undo = session.apply(SetCaseFields("c1", {"amount": 80.5, "notes": "Stammkunde"}))
    assert session.case("c1") == {
        "id": "c1",
        "title": "120 EUR",
        "responsibility": "x1",
        "amount": 80.5,
        "notes": "Stammkunde",
    }
    session.apply(undo)
    assert snapshot(session) == before
    undo = session.apply(DeleteCase("c1"))
    assert [case["id"] for case in session.cases] == ["c2"]
    session.apply(undo)
    assert snapshot(session) == before
