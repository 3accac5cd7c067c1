"""The window draws the core's geometry: the boxes and routes the PDF prints."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from workshop_app.domain import SetNodeFields
from workshop_app.layout import MapGeometry, map_geometry
from workshop_app.ui.i18n import ui_language
from workshop_app.ui.map import MapView


def _assert_drawn(view: MapView, geometry: MapGeometry) -> None:
    scene = view.scene()
    for node_id, box in geometry.nodes.items():
        rect = scene.node_rect(node_id)
        assert (rect.left(), rect.top(), rect.right(), rect.bottom()) == pytest.approx(box.rect)
        assert scene.nodes[node_id].box == box  # its label lines, as wrapped for the PDF
    for route in geometry.edges:
        drawn = scene.layer.get((route.source, route.target, route.kind.value))
        assert drawn.steps[0] == route.path[0]  # leaves the box where the PDF's line does
        assert drawn.steps[1:-1] == route.path[1:-1]  # and runs the same way
        if route.label is not None and drawn.tag_box is not None:
            x0, y0, x1, y1 = drawn.tag_box
            assert ((x0 + x1) / 2, (y0 + y1) / 2) == pytest.approx((route.label.x, route.label.y))


def test_the_window_draws_the_boxes_and_routes_of_the_pdf(map_view: MapView) -> None:
    session = map_view.controller.session
    geometry = map_geometry(session, ui_language(), marked=map_view.scene().marked)
    sizes = {(box.width, box.height) for box in geometry.nodes.values()}
    assert len(sizes) > 3  # boxes sized for their labels, not one fixed box
    _assert_drawn(map_view, geometry)


def test_after_a_move_the_routes_are_worked_out_again(map_view: MapView) -> None:
    scene = map_view.scene()
    x, y = session_position = map_view.controller.session.graph.nodes["r_agent"]["position"]
    map_view.controller.execute(SetNodeFields("r_agent", {"position": (x + 400, y)}), "move")
    assert scene.drawing.pending  # drawn straight a moment, then routed
    assert scene.nodes["r_agent"].pos() == QPointF(x + 400, y)
    scene.drawing.refresh()
    session = map_view.controller.session
    assert session.graph.nodes["r_agent"]["position"] != session_position
    _assert_drawn(map_view, map_geometry(session, ui_language(), marked=scene.marked))
