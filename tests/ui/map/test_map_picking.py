"""Which edge the mouse picks: along its line, not the area a curve spans."""

from __future__ import annotations

from workshop_app.domain import AddEdge, EdgeKind
from workshop_app.ui.map import MapView


def test_a_curved_edge_is_picked_on_its_curve_not_on_the_chord(map_view: MapView) -> None:
    map_view.controller.execute(AddEdge("r_2nd", "x_returns", EdgeKind.CONSULTED), "")
    for kind in ("accountable", "consulted"):
        edge = map_view.scene().edges[("r_2nd", "x_returns", kind)]
        start, end = edge.path.pointAtPercent(0), edge.path.pointAtPercent(1)
        for t in (0.3, 0.6):
            assert edge.shape().contains(edge.path.pointAtPercent(t))
            assert not edge.shape().contains(start + (end - start) * t)
