"""The status bar counts every relation, also several kinds between the same two nodes."""

from __future__ import annotations

from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.statusbar import SessionSummary


def test_relations_are_counted_per_kind(qtbot) -> None:
    set_ui_language("en")
    session = Session()
    for node_id, kind in (("lead", NodeKind.ROLE), ("x", NodeKind.RESPONSIBILITY)):
        session.apply(AddNode(node_id, kind, node_id))
    session.apply(AddEdge("lead", "x", EdgeKind.ACCOUNTABLE))
    controller = SessionController(session)
    summary = SessionSummary(controller)
    qtbot.addWidget(summary)
    assert summary.text().startswith("2 nodes · 1 relation ·")
    controller.execute(AddEdge("lead", "x", EdgeKind.RESPONSIBLE), "Connect")
    assert summary.text().startswith("2 nodes · 2 relations ·")


def test_one_of_each_is_counted_in_the_singular_in_german(qtbot) -> None:
    set_ui_language("de")
    try:
        session = Session()
        session.apply(AddNode("lead", NodeKind.ROLE, "Leitung"))
        session.apply(AddNode("x", NodeKind.RESPONSIBILITY, "Kulanz", {"good_enough": "passt"}))
        session.apply(AddEdge("x", "lead", EdgeKind.ESCALATES_TO))
        summary = SessionSummary(SessionController(session))
        qtbot.addWidget(summary)
        assert summary.text() == (
            "2 Knoten · 1 Beziehung · offen: 1 Punkt zu klären, 1 Risiko, 0 Anregungen"
        )
    finally:
        set_ui_language("en")
