"""Helpers of the facilitation-view tests: a fake clock, a map stand-in, a small session."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session
from workshop_app.ui.controller import SessionController


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class StandInMap(QWidget):
    """What the views need of the map: ``select_subjects`` and ``set_presentation``."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.selected: list[str] = []
        self.selections = 0
        self.presenting = False

    def select_subjects(self, ids: list[str]) -> None:
        self.selected = list(ids)
        self.selections += 1

    def set_presentation(self, on: bool) -> None:
        self.presenting = on


def small_session() -> Session:
    """Two tied priorities, two unranked, roles and responsibilities with gaps."""
    session = Session(meta={"title": "Test", "language": "en"})
    P, RO, RE = NodeKind.PRIORITY, NodeKind.ROLE, NodeKind.RESPONSIBILITY
    for op in (
        AddNode("p_speed", P, "Speed", {"rank": 1}),
        AddNode("p_cost", P, "Cost", {"rank": 1}),
        AddNode("p_law", P, "Compliance", {"rank": 2}),
        AddNode("p_joy", P, "Delight"),
        AddNode("p_calm", P, "Calm"),
        AddNode("r_agent", RO, "Agent"),
        AddNode("r_lead", RO, "Team lead"),
        AddNode("x_refund", RE, "Refunds"),
        AddNode("x_complaints", RE, "Complaints"),
        AddEdge("r_lead", "x_refund", EdgeKind.ACCOUNTABLE),
        AddEdge("r_agent", "x_refund", EdgeKind.RESPONSIBLE),
        AddEdge("x_refund", "p_cost", EdgeKind.SERVES),
    ):
        session.apply(op)
    return session
