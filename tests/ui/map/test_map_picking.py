"""Which edge the mouse picks: along its line, not the area a curve spans; through the index."""

from __future__ import annotations

import math

from map_helpers import drag, send_mouse
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from pytestqt.qtbot import QtBot

from workshop_app.domain import AddEdge, EdgeKind
from workshop_app.ui.map import MapView

_NONE = Qt.KeyboardModifier.NoModifier
_NO_BUTTON = Qt.MouseButton.NoButton


def test_a_curved_edge_is_picked_on_its_curve_not_on_the_chord(map_view: MapView) -> None:
    map_view.controller.execute(AddEdge("r_2nd", "x_returns", EdgeKind.CONSULTED), "")
    scene = map_view.scene()
    for kind in ("accountable", "consulted"):
        key = ("r_2nd", "x_returns", kind)
        path = scene.edge_path(key)
        start, end = path.pointAtPercent(0), path.pointAtPercent(1)
        for t in (0.3, 0.45, 0.6):
            point = path.pointAtPercent(t)
            if not _on_a_tag(map_view, point):  # a tag lies above every line
                assert scene.edge_at(point, 1.0) == key
            assert scene.edge_at(start + (end - start) * t, 1.0) != key


def _on_a_tag(view: MapView, point: QPointF) -> bool:
    layer = view.scene().layer
    boxes = (layer.get(key).tag_box for key in layer)
    return any(b and b[0] <= point.x() <= b[2] and b[1] <= point.y() <= b[3] for b in boxes)


def test_the_pick_tolerance_is_a_few_pixels_at_any_zoom(map_view: MapView) -> None:
    scene = map_view.scene()
    key = ("r_legal", "x_privacy", "accountable")
    middle, normal = _lone_point(map_view, key)
    assert scene.edge_at(middle + normal * 4, 1.0) == key
    assert scene.edge_at(middle + normal * 12, 1.0) != key
    assert scene.edge_at(middle + normal * 12, 0.25) == key  # 3 pixels when zoomed out


def _lone_point(view: MapView, key: tuple[str, str, str]) -> tuple[QPointF, QPointF]:
    """A point of ``key``'s line and a normal towards which no other line runs near it
    (routes share the channels between rows)."""
    scene, path = view.scene(), view.scene().edge_path(key)
    for step in range(20, 81, 5):
        point, angle = path.pointAtPercent(step / 100), path.angleAtPercent(step / 100)
        normal = QPointF(math.sin(math.radians(angle)), math.cos(math.radians(angle)))
        for side in (normal, -normal):
            if not _on_a_tag(view, point) and scene.edge_at(point + side * 12, 0.25) == key:
                return point, side
    raise AssertionError(f"no point of {key} is clear of other lines")


def _click(view: MapView, at: QPointF, modifiers: Qt.KeyboardModifier = _NONE) -> None:
    point = view.mapFromScene(at)
    left = Qt.MouseButton.LeftButton
    send_mouse(view.viewport(), QEvent.Type.MouseButtonPress, point, left, left, modifiers)
    send_mouse(view.viewport(), QEvent.Type.MouseButtonRelease, point, left, _NO_BUTTON, modifiers)


def test_the_map_holds_one_item_per_node_and_no_item_per_edge(map_view: MapView) -> None:
    scene = map_view.scene()
    assert len(scene.edges) > 40
    assert len(scene.items()) == len(scene.nodes) + 1  # the nodes and the one edge layer


def test_a_click_on_a_line_selects_its_edge_and_ctrl_adds_another(
    qtbot: QtBot, map_view: MapView
) -> None:
    scene = map_view.scene()
    first, second = ("r_legal", "x_privacy", "accountable"), ("r_qm", "x_training", "accountable")
    _click(map_view, _lone_point(map_view, first)[0])
    assert map_view.selected_edges() == [first]
    _click(map_view, _lone_point(map_view, second)[0], Qt.KeyboardModifier.ControlModifier)
    assert map_view.selected_edges() == sorted([first, second])
    map_view.setFocus()
    qtbot.keyClick(map_view, Qt.Key.Key_Delete)
    graph = map_view.controller.session.graph
    assert not graph.has_edge(*first[:2], key=first[2])
    assert not graph.has_edge(*second[:2], key=second[2])
    _click(map_view, scene.nodes_rect().topLeft() - QPointF(200, 200))
    assert map_view.selected_edges() == []


def test_a_rubber_band_selects_the_edges_it_crosses(map_view: MapView) -> None:
    scene = map_view.scene()
    key = ("r_legal", "x_privacy", "accountable")
    middle = scene.edge_path(key).pointAtPercent(0.5)
    # A band from a spot where no line or node is (a press there would select or move it).
    zoom = map_view.zoom()

    def free(spot: QPointF) -> bool:
        return scene.edge_at(spot, zoom) is None and not map_view.node_at(
            map_view.mapFromScene(spot)
        )

    corner = next(
        middle + QPointF(dx, dy)
        for d in range(8, 160, 4)
        for dx, dy in ((-d, -d), (d, -d), (-d, d), (d, d))
        if free(middle + QPointF(dx, dy))
    )
    band = QRectF(corner, middle).normalized()
    drag(map_view, map_view.mapFromScene(corner), map_view.mapFromScene(middle))
    assert key in map_view.selected_edges()
    # The band is drawn in whole pixels: an edge a pixel from its border may go either way.
    pixel = 2 / zoom
    inner = band.adjusted(pixel, pixel, -pixel, -pixel)
    outer = band.adjusted(-pixel, -pixel, pixel, pixel)
    selected = set(map_view.selected_edges())
    assert set(scene.layer.edges_in(inner)) <= selected <= set(scene.layer.edges_in(outer))
