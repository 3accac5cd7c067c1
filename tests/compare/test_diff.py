"""The pair form of the comparison, case by case (``DESIGN.md``, "Between workshops")."""

from __future__ import annotations

from workshop_app.compare import compare_sessions, priority_order
from workshop_app.domain import (
    UNSET,
    AddEdge,
    AddNode,
    EdgeKind,
    InsertAction,
    NodeKind,
    RemoveNode,
    Session,
    SetActionFields,
    SetNodeFields,
)
from workshop_app.fileformat import dumps_session, loads_session


def _session(*nodes: tuple[str, NodeKind, str, dict], language: str = "en") -> Session:
    session = Session(meta={"language": language})
    for node, kind, label, fields in nodes:
        session.apply(AddNode(node, kind, label, fields))
    return session


def _copy(session: Session) -> Session:
    return loads_session(dumps_session(session))


def test_a_field_that_appears_or_disappears_is_changed() -> None:
    old = _session(("x", NodeKind.RESPONSIBILITY, "Refunds", {"decision_limit": "50 EUR"}))
    new = _copy(old)
    new.apply(SetNodeFields("x", {"decision_limit": UNSET, "critical": True}))

    assert compare_sessions(old, new).to_json()["nodes"]["changed"] == {
        "x": ["critical", "decision_limit"]
    }


def test_a_value_of_another_type_is_a_change_even_when_python_calls_it_equal() -> None:
    old = _session(("r", NodeKind.ROLE, "Agent", {"shift": 1}))
    new = _copy(old)
    new.apply(SetNodeFields("r", {"shift": True}))

    assert compare_sessions(old, new).to_json()["nodes"]["changed"] == {"r": ["shift"]}


def test_unknown_fields_count_and_the_position_never_does() -> None:
    old = _session(("g", NodeKind.GUARDRAIL, "GDPR", {"position": [0, 0], "colour": "red"}))
    new = _copy(old)
    new.apply(SetNodeFields("g", {"position": [400, -90]}))
    assert not compare_sessions(old, new)

    new.apply(SetNodeFields("g", {"colour": "blue"}))
    assert compare_sessions(old, new).to_json()["nodes"]["changed"] == {"g": ["colour"]}


def test_a_node_removed_takes_its_edges_and_is_named_once() -> None:
    old = _session(("r", NodeKind.ROLE, "Agent", {}), ("x", NodeKind.RESPONSIBILITY, "Refunds", {}))
    old.apply(AddEdge("r", "x", EdgeKind.ACCOUNTABLE))
    new = _copy(old)
    new.apply(RemoveNode("r"))

    result = compare_sessions(old, new).to_json()

    assert result["nodes"] == {"added": [], "removed": ["r"], "changed": {}}
    assert result["edges"]["removed"] == [["r", "x", "accountable"]]
    assert ["no-owner", ["x"]] in result["findings"]["new"]


def test_priority_order_by_rank_unranked_last_ties_by_id() -> None:
    session = _session(
        ("speed", NodeKind.PRIORITY, "Speed", {}),
        ("cost", NodeKind.PRIORITY, "Cost", {"rank": 2}),
        ("care", NodeKind.PRIORITY, "Care", {"rank": 1}),
        ("law", NodeKind.PRIORITY, "Law", {"rank": 1}),
        ("amber", NodeKind.PRIORITY, "Amber", {}),
        ("r", NodeKind.ROLE, "Agent", {}),
    )
    assert priority_order(session) == ("care", "law", "cost", "amber", "speed")
    new = _copy(session)
    new.apply(SetNodeFields("speed", {"rank": 1}))

    order = compare_sessions(session, new).to_json()["priority_order"]

    assert order == {
        "before": ["care", "law", "cost", "amber", "speed"],
        "after": ["care", "law", "speed", "cost", "amber"],
    }


def test_findings_resolved_and_new_are_code_and_subjects() -> None:
    old = _session(("x", NodeKind.RESPONSIBILITY, "Refunds", {"reconfirm": True}))
    new = _copy(old)
    new.apply(SetNodeFields("x", {"reconfirm": UNSET, "critical": True}))

    findings = compare_sessions(old, new).to_json()["findings"]

    assert findings == {
        "resolved": [["escalation-missing", ["x"]], ["formal-decision-space", ["x"]]],
        "new": [],
    }


def test_actions_by_id_and_one_without_an_id_by_its_place() -> None:
    old = _session()
    old.apply(InsertAction(0, {"id": "a1", "text": "Write it down", "status": "open"}))
    old.apply(InsertAction(1, {"text": "Call the client"}))
    new = _copy(old)
    new.apply(SetActionFields(0, {"status": "done"}))
    new.apply(InsertAction(2, {"id": "a1", "text": "Same id again"}))

    actions = compare_sessions(old, new).to_json()["actions"]

    assert actions == {"added": ["actions[2]"], "removed": [], "changed": {"a1": ["status"]}}


def test_metadata_and_reviews_are_no_change_of_the_map() -> None:
    old = _session(("x", NodeKind.RESPONSIBILITY, "Refunds", {}))
    new = _copy(old)
    new.meta.update(date="2027-02-01", title="Second workshop")

    assert not compare_sessions(old, new)


def test_in_english_the_changes_read_as_sentences_about_labels() -> None:
    from workshop_app.compare import diff_text

    old = _session(
        ("r", NodeKind.ROLE, "Team lead", {"load": 95}),
        ("x", NodeKind.RESPONSIBILITY, "Goodwill", {"reconfirm": True}),
    )
    new = _copy(old)
    new.apply(SetNodeFields("r", {"load": 70}))
    new.apply(SetNodeFields("x", {"notes": "A long note that is only named, never repeated."}))
    new.apply(AddEdge("r", "x", EdgeKind.ACCOUNTABLE))

    lines = diff_text(compare_sessions(old, new), "march.yaml", "may.yaml").splitlines()

    assert lines[0] == "Changes from march.yaml to may.yaml"
    assert "  ~ Role “Team lead”: load 95 % → 70 %" in lines
    assert "  ~ Responsibility “Goodwill”: notes revised" in lines
    assert "  + “Team lead” is accountable for “Goodwill”" in lines
    assert "  ✓ Nobody is accountable for “Goodwill”." in lines
