"""Undo and redo as a Hypothesis state machine over the window's ``SessionController``.

Random edits (every kind of operation, refused ones, merged nudges, drags as
batches), undos and redos run through the controller, offscreen. After every
step: the session is the one recorded for the undo stack's position, it saves
and loads back equal, and the live findings equal a full analysis. Undoing
everything gives the first session back, redoing everything the last.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import (
    UNSET,
    AddEdge,
    AddNode,
    Batch,
    DeleteAction,
    EdgeKind,
    InsertAction,
    NodeKind,
    RemoveEdge,
    RemoveNode,
    SetActionFields,
    SetEdgeFields,
    SetMeta,
    SetNodeFields,
    SetReview,
)
from workshop_app.fileformat import dumps_session, loads_session, session_to_document
from workshop_app.ui.controller import SessionController

START = """\
format: workshop-session
version: 1
meta: {title: Start, language: de}
nodes:
  - {id: p1, kind: priority, label: Erstlösung, rank: 1}
  - {id: p2, kind: priority, label: Kosten, rank: 1}
  - {id: r1, kind: role, label: Servicekraft, load: 95}
  - {id: x1, kind: responsibility, label: Kulanz, reconfirm: true}
  - {id: g1, kind: guardrail, label: DSGVO}
edges:
  - {source: r1, target: x1, kind: accountable}
  - {source: x1, target: p1, kind: serves}
actions:
  - {text: Grenze klären, owner: r1}
"""

IDS = ("p1", "p2", "p3", "r1", "r2", "x1", "x2", "g1", "g2")
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
LABEL = TEXT.filter(str.strip)
FIELD_VALUES = {
    "label": LABEL,
    "notes": TEXT,
    "rank": st.integers(-1, 4),
    "load": st.integers(-5, 210),
    "critical": st.booleans(),
    "reconfirm": st.booleans(),
    "decision_limit": TEXT,
    "good_enough": TEXT,
    "position": st.lists(st.integers(-500, 500), min_size=2, max_size=2),
    "workshop_colour": TEXT,  # unknown fields are kept
}


def _document(controller: SessionController) -> dict[str, Any]:
    return session_to_document(controller.session)


def _findings(findings: list[Any]) -> list[tuple[Any, ...]]:
    return sorted((f.code, f.subjects, f.severity, f.message, f.accepted) for f in findings)


class UndoMachine(RuleBasedStateMachine):
    """The controller and, for each undo-stack position, the document it must show."""

    def __init__(self) -> None:
        super().__init__()
        self.controller = SessionController()
        self.controller.replace_session(loads_session(START), None)
        self.stack = self.controller.undo_stack
        self.documents = [_document(self.controller)]

    def _execute(self, operation: Any, merge: str | None = None) -> None:
        index, count, before = self.stack.index(), self.stack.count(), _document(self.controller)
        if not self.controller.execute(operation, "edit", merge=merge):
            assert _document(self.controller) == before
            assert (self.stack.index(), self.stack.count()) == (index, count)
            return
        merged = self.stack.index() == index
        assert merged or self.stack.index() == index + 1
        # A merged step ends where the new edit ended; redo states after it are gone.
        self.documents = [*self.documents[: self.stack.index()], _document(self.controller)]

    def _nodes(self) -> list[str]:
        return sorted(self.controller.session.graph)

    @rule(node=st.sampled_from(IDS), kind=st.sampled_from(NodeKind), label=LABEL)
    def add_node(self, node: str, kind: NodeKind, label: str) -> None:
        self._execute(AddNode(node, kind, label))

    @precondition(lambda self: self._nodes())
    @rule(data=st.data())
    def remove_node(self, data: st.DataObject) -> None:
        self._execute(RemoveNode(data.draw(st.sampled_from(self._nodes()))))

    @precondition(lambda self: self._nodes())
    @rule(data=st.data(), field=st.sampled_from(sorted(FIELD_VALUES)), unset=st.booleans())
    def set_node_field(self, data: st.DataObject, field: str, unset: bool) -> None:
        node = data.draw(st.sampled_from(self._nodes()))
        value = UNSET if unset else data.draw(FIELD_VALUES[field])
        self._execute(SetNodeFields(node, {field: value}))

    @precondition(lambda self: self._nodes())
    @rule(data=st.data(), steps=st.integers(1, 3))
    def nudge(self, data: st.DataObject, steps: int) -> None:
        """Arrow-key nudges of one node: consecutive ones merge into one step."""
        node = data.draw(st.sampled_from(self._nodes()))
        for step in range(steps):
            self._execute(SetNodeFields(node, {"position": [step * 10, 0]}), merge=f"nudge {node}")

    @precondition(lambda self: len(self._nodes()) >= 2)
    @rule(data=st.data())
    def drag(self, data: st.DataObject) -> None:
        nodes = data.draw(st.lists(st.sampled_from(self._nodes()), min_size=1, unique=True))
        moves = [SetNodeFields(n, {"position": [i * 50.5, -i]}) for i, n in enumerate(nodes)]
        self._execute(Batch(tuple(moves)))

    @precondition(lambda self: len(self._nodes()) >= 2)
    @rule(data=st.data(), kind=st.sampled_from(EdgeKind))
    def add_edge(self, data: st.DataObject, kind: EdgeKind) -> None:
        source, target = (data.draw(st.sampled_from(self._nodes())) for _ in range(2))
        self._execute(AddEdge(source, target, kind, {"notes": "n"}))

    def _edges(self) -> list[tuple[str, str, str]]:
        return sorted(self.controller.session.graph.edges(keys=True))

    @precondition(lambda self: self._edges())
    @rule(data=st.data(), remove=st.booleans(), text=TEXT)
    def change_edge(self, data: st.DataObject, remove: bool, text: str) -> None:
        source, target, kind = data.draw(st.sampled_from(self._edges()))
        if remove:
            self._execute(RemoveEdge(source, target, EdgeKind(kind)))
        else:
            self._execute(SetEdgeFields(source, target, EdgeKind(kind), {"trigger": text}))

    @rule(title=TEXT, language=st.sampled_from(["de", "en", "fr"]))
    def set_meta(self, title: str, language: str) -> None:
        self._execute(SetMeta({"title": title or UNSET, "language": language}))

    @rule(data=st.data(), text=TEXT)
    def edit_actions(self, data: st.DataObject, text: str) -> None:
        actions = len(self.controller.session.actions)
        index = data.draw(st.integers(0, actions + 1))
        operation = data.draw(
            st.sampled_from(
                [
                    InsertAction(index, {"text": text, "owner": "r1"}),
                    DeleteAction(index),
                    SetActionFields(index, {"status": "done", "text": text}),
                ]
            )
        )
        self._execute(operation)

    @precondition(lambda self: self._nodes())
    @rule(data=st.data(), accept=st.booleans(), note=TEXT)
    def review(self, data: st.DataObject, accept: bool, note: str) -> None:
        subjects = data.draw(st.lists(st.sampled_from(self._nodes()), min_size=1, unique=True))
        review = {"status": "accepted", "note": note} if accept else None
        self._execute(SetReview("no-owner", tuple(subjects), review))

    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def undo(self) -> None:
        self.stack.undo()

    @precondition(lambda self: self.stack.canRedo())
    @rule()
    def redo(self) -> None:
        self.stack.redo()

    @invariant()
    def session_is_the_one_of_this_step(self) -> None:
        assert len(self.documents) == self.stack.count() + 1
        assert _document(self.controller) == self.documents[self.stack.index()]

    @invariant()
    def saves_and_loads_equal(self) -> None:
        text = dumps_session(self.controller.session)
        loaded = loads_session(text)
        assert session_to_document(loaded) == _document(self.controller)
        assert dumps_session(loaded) == text

    @invariant()
    def live_findings_equal_a_full_analysis(self) -> None:
        full = find_ambiguities(self.controller.session)
        assert _findings(self.controller.findings) == _findings(full)

    def teardown(self) -> None:
        self.stack.setIndex(0)
        assert _document(self.controller) == self.documents[0]
        self.stack.setIndex(self.stack.count())
        assert _document(self.controller) == self.documents[-1]
        self.controller.deleteLater()


@pytest.mark.parametrize(
    ("examples", "steps"),
    [(30, 30), pytest.param(600, 60, marks=pytest.mark.slow)],
    ids=["quick", "long"],
)
def test_undo_redo_state_machine(qapp: Any, examples: int, steps: int) -> None:
    UndoMachine.TestCase.settings = settings(
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    UndoMachine.TestCase().runTest()


def test_undoing_a_reopened_finding_puts_its_review_back_in_place(qapp: Any) -> None:
    # Found by the long run: the review came back at the end, and the file changed.
    controller = SessionController()
    start = START + "reviews:\n  - {code: no-owner, subjects: [p2, g1], status: accepted}\n"
    controller.replace_session(loads_session(start), None)
    before = dumps_session(controller.session)
    controller.execute(SetReview("no-owner", ("p1",), {"status": "accepted"}), "Accept")
    controller.execute(SetReview("no-owner", ("g1", "p2"), None), "Reopen")
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert dumps_session(controller.session) == before
