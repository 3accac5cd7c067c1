"""The controller's undo steps are what the facilitator did, one per gesture."""

from __future__ import annotations

from workshop_app.domain import AddNode, Batch, Change, NodeKind, Session, SetNodeFields
from workshop_app.ui.controller import SessionController


def _moved_to(x: float) -> Batch:
    return Batch((SetNodeFields("r1", {"position": [x, 0.0]}),))


def _controller() -> SessionController:
    session = Session()
    session.apply(AddNode("r1", NodeKind.ROLE, "Team", {"position": [0.0, 0.0]}))
    return SessionController(session)


def test_two_drags_of_the_same_node_are_two_steps() -> None:
    controller = _controller()
    controller.execute(_moved_to(10.0), "Move")
    controller.execute(_moved_to(20.0), "Move")
    controller.undo_stack.undo()
    assert controller.session.graph.nodes["r1"]["position"] == [10.0, 0.0]


def test_steps_with_the_same_merge_key_undo_as_one() -> None:
    controller = _controller()
    for x in (10.0, 20.0, 30.0):
        controller.execute(_moved_to(x), "Move", merge="nudge r1")
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert controller.session.graph.nodes["r1"]["position"] == [0.0, 0.0]
    controller.undo_stack.redo()
    assert controller.session.graph.nodes["r1"]["position"] == [30.0, 0.0]


def test_a_refused_edit_changes_nothing_and_says_why() -> None:
    controller = _controller()
    reasons: list[str] = []
    controller.editRefused.connect(reasons.append)
    assert not controller.execute(SetNodeFields("r1", {"load": 500}), "Load")
    assert controller.undo_stack.count() == 0
    assert "load" in reasons[0]


def test_views_hear_the_change_first_and_then_the_findings_it_caused() -> None:
    controller = _controller()
    heard: list[tuple[str, object]] = []
    controller.changed.connect(lambda change: heard.append(("changed", change)))
    controller.findingsChanged.connect(
        lambda: heard.append(("findings", {f.code for f in controller.findings}))
    )
    controller.execute(AddNode("x1", NodeKind.RESPONSIBILITY, "Refunds"), "Add")
    controller.undo_stack.undo()
    (_, added), (_, findings), (_, removed), (_, after_undo) = heard
    assert [name for name, _ in heard] == ["changed", "findings", "changed", "findings"]
    assert isinstance(added, Change) and added.nodes == {"x1"} and added.kinds == {"responsibility"}
    assert "no-owner" in findings and "no-owner" not in after_undo
    assert removed.nodes == {"x1"}


def test_a_replaced_session_is_followed_and_the_old_one_let_go() -> None:
    controller = _controller()
    old, new = controller.session, Session()
    controller.replace_session(new, None)
    heard: list[Change] = []
    controller.changed.connect(heard.append)
    old.apply(AddNode("x1", NodeKind.RESPONSIBILITY, "Refunds"))
    assert heard == []
    controller.execute(AddNode("x2", NodeKind.RESPONSIBILITY, "Returns"), "Add")
    assert [change.nodes for change in heard] == [{"x2"}]
    assert {f.subjects for f in controller.findings if f.code == "no-owner"} == {("x2",)}


def test_a_new_session_is_announced_before_its_findings() -> None:
    controller = _controller()
    heard: list[str] = []
    controller.sessionReplaced.connect(lambda: heard.append("session"))
    controller.findingsChanged.connect(lambda: heard.append("findings"))
    controller.replace_session(Session(), None)
    assert heard == ["session", "findings"]
