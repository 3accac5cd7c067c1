"""Findings on the map: rings on open findings' subjects, and a picked finding in view."""

from __future__ import annotations

import pytest
from map_helpers import MapShow
from map_samples import generated_session, german_session
from PySide6.QtCore import QRectF

from workshop_app.analysis import Severity
from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session, SetReview
from workshop_app.ui.map import MapView


def _small_session() -> Session:
    """A role that owns a guardrail, and a priority nobody owns (an error)."""
    session = Session()
    for op in (
        AddNode("r", NodeKind.ROLE, "Teamleitung", {"position": [0, 200]}),
        AddNode("g", NodeKind.GUARDRAIL, "Budget", {"position": [0, 0]}),
        AddNode("p", NodeKind.PRIORITY, "Erstlösung", {"position": [300, 0]}),
        AddEdge("r", "g", EdgeKind.ACCOUNTABLE),
    ):
        session.apply(op)
    return session


def _marks(view: MapView) -> dict[str, Severity | None]:
    return {node_id: item.mark for node_id, item in view.scene().nodes.items()}


def test_subjects_of_open_findings_are_ringed_by_severity(map_show: MapShow) -> None:
    view = map_show(_small_session())
    assert _marks(view) == {"r": None, "g": None, "p": Severity.ERROR}


def test_the_ring_goes_when_the_finding_is_fixed_and_comes_back_on_undo(map_show: MapShow) -> None:
    view = map_show(_small_session())
    view.controller.execute(AddEdge("r", "p", EdgeKind.ACCOUNTABLE), "")
    assert view.scene().nodes["p"].mark is None
    view.controller.undo_stack.undo()
    assert view.scene().nodes["p"].mark is Severity.ERROR


def test_accepted_findings_are_not_ringed(map_show: MapShow) -> None:
    view = map_show(_small_session())
    review = {"status": "accepted", "note": "bis Q2 so belassen"}
    about_p = [f for f in view.controller.findings if f.subjects == ("p",)]
    assert len(about_p) > 1
    view.controller.execute(SetReview(about_p[0].code, ("p",), review), "")
    assert view.scene().nodes["p"].mark is about_p[1].severity
    for finding in about_p[1:]:
        view.controller.execute(SetReview(finding.code, ("p",), review), "")
    assert view.scene().nodes["p"].mark is None


def test_the_most_severe_open_finding_decides_the_ring(map_show: MapShow) -> None:
    view = map_show(german_session(positioned=True))
    for node_id, mark in _marks(view).items():
        severities = [
            f.severity for f in view.controller.findings if node_id in f.subjects and not f.accepted
        ]
        expected = min(severities, key=lambda s: s.order) if severities else None
        assert mark is expected, node_id
    assert {Severity.ERROR, Severity.WARNING, Severity.INFO} <= set(_marks(view).values())


@pytest.mark.parametrize("zoom_before", [0.2, 2.0])
def test_select_subjects_selects_highlights_and_shows_them(
    map_show: MapShow, zoom_before: float
) -> None:
    view = map_show(generated_session(300))
    view.setTransform(view.transform().fromScale(zoom_before, zoom_before))
    view.centerOn(0, 0)
    subjects = ["role_5", "responsibility_200", "role_40"]
    view.select_subjects(subjects)
    assert view.selected_nodes() == sorted(subjects)
    assert all(view.scene().nodes[n].focused for n in subjects)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for node_id in subjects:
        assert visible.contains(view.scene().nodes[node_id].sceneBoundingRect())
    assert view.zoom() <= max(zoom_before, 1.0)
    assert view.zoom() >= min(zoom_before, 1.0) or _spread(view, subjects) > visible.width() / 2


def test_select_subjects_selects_the_edges_among_them(map_show: MapShow) -> None:
    view = map_show(german_session(positioned=True))
    view.select_subjects(["p_fcr", "p_cost", "r_agent"])
    assert view.selected_edges() == [("p_fcr", "p_cost", "conflicts_with")]


def test_the_highlight_goes_when_the_user_selects_something_else(map_show: MapShow) -> None:
    view = map_show(german_session(positioned=True))
    view.select_subjects(["x_orphan"])
    view.scene().nodes["r_agent"].setSelected(True)
    assert not view.scene().nodes["x_orphan"].focused


def _spread(view: MapView, node_ids: list[str]) -> float:
    rect = QRectF()
    for node_id in node_ids:
        rect = rect.united(view.scene().nodes[node_id].sceneBoundingRect())
    return max(rect.width(), rect.height())
