"""The map follows the session: operations and undo add, change and remove items."""

from __future__ import annotations

import math

from map_helpers import MapShow
from map_samples import german_session
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QPainterPath
from PySide6.QtWidgets import QApplication

from workshop_app.domain import (
    AddEdge,
    AddNode,
    Batch,
    EdgeKind,
    NodeKind,
    RemoveEdge,
    RemoveNode,
    Session,
    SetEdgeFields,
    SetNodeFields,
)
from workshop_app.layout import EdgeLabel, auto_layout
from workshop_app.ui.map import MapView
from workshop_app.ui.map.routes import add_thin_line, drawn_edge, line_path
from workshop_app.ui.map.style import Arrow, map_style


def test_every_node_and_edge_has_an_item(map_view: MapView) -> None:
    graph = map_view.controller.session.graph
    assert set(map_view.scene().nodes) == set(graph.nodes)
    assert set(map_view.scene().edges) == set(graph.edges(keys=True))


def test_an_added_node_appears_and_undo_removes_it(map_view: MapView) -> None:
    controller = map_view.controller
    controller.execute(AddNode("p_new", NodeKind.PRIORITY, "Datenschutz", {"position": [5, 7]}), "")
    item = map_view.scene().nodes["p_new"]
    assert item.label == "Datenschutz"
    assert item.pos() == QPointF(5, 7)
    controller.undo_stack.undo()
    assert "p_new" not in map_view.scene().nodes
    assert item.scene() is None


def test_changed_fields_show_and_undo_restores_them(map_view: MapView) -> None:
    controller, item = map_view.controller, map_view.scene().nodes["r_agent"]
    before = item.pos()
    controller.execute(
        SetNodeFields("r_agent", {"label": "Agent", "load": 70, "position": [900, 900]}), ""
    )
    assert item.label == "Agent"
    assert "70 %" in item.toolTip()
    assert item.pos() == QPointF(900, 900)
    controller.undo_stack.undo()
    assert item.label == "Servicekraft"
    assert item.pos() == before


def test_edges_follow_a_moved_node(map_view: MapView) -> None:
    key = ("r_agent", "x_goodwill", "accountable")
    before = map_view.scene().edge_path(key).boundingRect()
    map_view.controller.execute(SetNodeFields("r_agent", {"position": [3000, 3000]}), "")
    node_box = map_view.scene().node_rect("r_agent").adjusted(-2, -2, 2, 2)
    assert node_box.contains(map_view.scene().edge_path(key).pointAtPercent(0))
    assert not before.intersects(node_box)


def test_removing_a_node_takes_its_edges_and_undo_brings_all_back(map_view: MapView) -> None:
    scene, controller = map_view.scene(), map_view.controller
    touching = {k for k in scene.edges if "x_goodwill" in k[:2]}
    assert len(touching) > 3
    controller.execute(RemoveNode("x_goodwill"), "")
    assert "x_goodwill" not in scene.nodes
    assert not touching & set(scene.edges)
    controller.undo_stack.undo()
    assert touching <= set(scene.edges)
    assert scene.edges.tooltip(("x_goodwill", "r_lead", "escalates_to")).endswith(
        "Betrag über 50 EUR oder Wiederholungskunde"
    )


def test_several_kinds_between_two_nodes_are_drawn_apart(map_view: MapView) -> None:
    controller, scene = map_view.controller, map_view.scene()
    controller.execute(AddEdge("r_2nd", "x_returns", EdgeKind.CONSULTED), "")
    pair = [scene.edge_path(("r_2nd", "x_returns", k)) for k in ("accountable", "consulted")]
    apart = pair[0].pointAtPercent(0.5) - pair[1].pointAtPercent(0.5)
    assert math.hypot(apart.x(), apart.y()) >= 20
    controller.undo_stack.undo()
    assert scene.edges.offset(("r_2nd", "x_returns", "accountable")) == 0


def test_a_trigger_change_reaches_the_edge(map_view: MapView) -> None:
    key = ("r_agent", "r_2nd", EdgeKind.ESCALATES_TO)
    map_view.controller.execute(SetEdgeFields(*key, {"trigger": "Kunde droht mit Anwalt"}), "")
    assert "Kunde droht mit Anwalt" in map_view.scene().edges.tooltip((*key[:2], "escalates_to"))


def test_a_batch_that_adds_and_removes_a_node_leaves_no_item(map_view: MapView) -> None:
    batch = Batch((AddNode("tmp", NodeKind.ROLE, "Aushilfe"), RemoveNode("tmp")))
    map_view.controller.execute(batch, "")
    assert "tmp" not in map_view.scene().nodes


def test_a_new_session_replaces_every_item(map_view: MapView) -> None:
    other = Session()
    other.apply(AddNode("g", NodeKind.GUARDRAIL, "Budget", {"position": [0, 0]}))
    map_view.controller.replace_session(other, None)
    assert set(map_view.scene().nodes) == {"g"}
    assert len(map_view.scene().edges) == 0


def test_a_map_without_positions_is_laid_out_without_becoming_modified(map_show: MapShow) -> None:
    session = german_session(positioned=False)
    expected = auto_layout(session)
    view = map_show(session)
    stack = view.controller.undo_stack
    assert stack.count() == 0
    assert stack.isClean()
    for node_id, (x, y) in expected.items():
        assert view.scene().nodes[node_id].pos() == QPointF(round(x, 1), round(y, 1))
        assert session.graph.nodes[node_id]["position"] == [round(x, 1), round(y, 1)]


def test_a_node_added_without_position_is_placed_for_display(map_view: MapView) -> None:
    map_view.controller.execute(AddNode("r_new", NodeKind.ROLE, "Werkstudent"), "")
    item = map_view.scene().nodes["r_new"]
    others = [n for n in map_view.scene().nodes.values() if n is not item]
    assert all(not item.collidesWithItem(other) for other in others)
    assert "position" not in map_view.controller.session.graph.nodes["r_new"]


def test_a_second_view_shows_the_same_map(map_show: MapShow) -> None:
    """The presentation window's map must match the facilitator's, node for node."""
    first = map_show(german_session(positioned=False))
    first.controller.execute(SetNodeFields("r_agent", {"position": [-900, 40]}), "")
    second = MapView(first.controller)
    try:
        for node_id, item in first.scene().nodes.items():
            assert second.scene().nodes[node_id].pos() == item.pos()
    finally:
        second.deleteLater()


def test_far_zoomed_out_every_relation_is_still_drawn_straight_or_bent(map_view: MapView) -> None:
    # Below the dashes' zoom the layer draws thin lines in a batch: a bent
    # relation (the second kind between two nodes) is drawn as well as a
    # straight one, and removing either takes its line off the picture.
    controller, scene = map_view.controller, map_view.scene()
    controller.execute(AddEdge("r_2nd", "x_returns", EdgeKind.CONSULTED), "")
    scene.finish_building()

    def picture() -> QImage:
        area = scene.nodes_rect()
        image = QImage(
            int(area.width() * 0.1) + 2, int(area.height() * 0.1) + 2, QImage.Format.Format_ARGB32
        )
        image.fill(0)
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), area)
        painter.end()
        return image

    both = picture()
    without = []
    for kind in (EdgeKind.CONSULTED, EdgeKind.ACCOUNTABLE):
        controller.execute(RemoveEdge("r_2nd", "x_returns", kind), "")
        scene.finish_building()
        without.append(picture())
        controller.undo_stack.undo()
    assert both not in without
    assert without[0] != without[1]


def test_far_out_lines_follow_the_same_routes_as_close_up(qapp: QApplication) -> None:
    # Far zoomed out, a bent route is stroked from the same curve, a straight
    # one from the same points, as at full detail.
    look = map_style(False).edges[EdgeKind.CONSULTED]
    bent = drawn_edge(
        ("a", "b", "consulted"), (("M", 0, 0), ("C", 40, 60, 160, 60, 200, 0)), look, None
    )
    straight = drawn_edge(("a", "c", "consulted"), (("M", 0, 0), ("L", 0, 300)), look, None)
    lines: list[QLineF] = []
    curves = QPainterPath()
    add_thin_line(lines, curves, bent)
    add_thin_line(lines, curves, straight)

    for t in (0.25, 0.5, 0.75):
        assert curves.pointAtPercent(t) == line_path(bent, look).pointAtPercent(t)
    path = line_path(straight, look)
    assert lines == [
        QLineF(path.elementAt(0).x, path.elementAt(0).y, path.elementAt(1).x, path.elementAt(1).y)
    ]


def test_an_edge_keeps_its_arrowhead_tag_and_bounds_whatever_it_has(qapp: QApplication) -> None:
    # The numbers are packed together: an edge without an arrowhead or a tag
    # must not give another part's numbers for it.
    route = (("M", 0.0, 0.0), ("L", 300.0, 0.0))
    label = EdgeLabel(("A",), 150.0, 10.0, 20.0, 16.0)
    for kind in (EdgeKind.ACCOUNTABLE, EdgeKind.CONFLICTS_WITH):
        look = map_style(False).edges[kind]
        for tag in (None, ("A",)):
            edge = drawn_edge(("a", "b", kind.value), route, look, tag, label)
            x0, y0, x1, y1 = edge.bounds
            assert x0 < 0 < 300 < x1 and y0 < 0 < y1
            if look.arrow is Arrow.NONE:
                assert edge.tip is None
            else:
                assert edge.tip == (300.0, 0.0, 1.0, 0.0)
            assert edge.tag_box == (None if tag is None else label.rect)
