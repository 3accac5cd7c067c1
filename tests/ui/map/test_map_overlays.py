"""Other views mark the map through a stable API: boxes, routes, overlays, a signal."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsRectItem

from workshop_app.domain import SetNodeFields
from workshop_app.ui.map import MapView


def test_node_rect_and_edge_path_are_where_the_map_draws_them(map_view: MapView) -> None:
    scene = map_view.scene()
    box = scene.node_rect("r_agent")
    assert box.contains(scene.nodes["r_agent"].pos())
    path = scene.edge_path(("r_agent", "x_goodwill", "accountable"))
    assert box.adjusted(-2, -2, 2, 2).contains(path.pointAtPercent(0))
    assert scene.node_rect("nobody") is None
    assert scene.edge_path(("r_agent", "nobody", "accountable")) is None


def test_an_overlay_survives_a_new_session_and_can_be_removed(map_view: MapView) -> None:
    scene = map_view.scene()
    halo = QGraphicsRectItem(scene.node_rect("r_agent"))
    scene.add_overlay(halo)
    map_view.controller.replace_session(map_view.controller.session, None)
    assert halo.scene() is scene
    scene.remove_overlay(halo)
    assert halo.scene() is None


def test_moving_a_node_tells_overlays(map_view: MapView) -> None:
    heard: list[bool] = []
    map_view.scene().geometryChanged.connect(lambda: heard.append(True))
    map_view.controller.execute(SetNodeFields("r_agent", {"position": [900, 900]}), "")
    assert heard
