"""Editing on the map by mouse and keyboard: each edit is one undoable step."""

from __future__ import annotations

import pytest
from map_helpers import drag, point_of, send_mouse
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from workshop_app.domain import NodeKind
from workshop_app.ui.map import MapView
from workshop_app.ui.map.connect import CONNECT_MENU_NAME
from workshop_app.ui.map.editor import LabelEditor
from workshop_app.ui.map.style import HANDLE_OFFSET

#: The offscreen platform cannot raise a popup menu or grab the keyboard for it.
POPUP_NOISE = pytest.mark.qt_log_ignore(
    r"This plugin does not support raise\(\)",
    "This plugin does not support grabbing the keyboard",
)


def _editor(view: MapView) -> LabelEditor:
    editors = [e for e in view.viewport().findChildren(LabelEditor) if e.isVisible()]
    assert len(editors) == 1, "exactly one label editor should be open"
    return editors[0]


def _select(view: MapView, *node_ids: str) -> None:
    view.scene().clearSelection()
    for node_id in node_ids:
        view.scene().nodes[node_id].setSelected(True)
    view.setFocus()


def _connect_menu(view: MapView) -> QMenu | None:
    menus = [m for m in view.findChildren(QMenu, CONNECT_MENU_NAME) if m.isVisible()]
    return menus[0] if menus else None


def _offered(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_add_node_places_a_new_node_in_free_space_and_opens_the_editor(
    qtbot: QtBot, map_view: MapView
) -> None:
    map_view.add_node(NodeKind.PRIORITY)
    map_view.add_node(NodeKind.PRIORITY)
    session, scene = map_view.controller.session, map_view.scene()
    assert session.label("priority_1") == "New priority"
    assert map_view.controller.undo_stack.count() == 2
    assert map_view.selected_nodes() == ["priority_2"]
    for node_id in ("priority_1", "priority_2"):
        others = [item for item in scene.nodes.values() if item.node_id != node_id]
        assert not any(scene.nodes[node_id].collidesWithItem(other) for other in others)
    editor = _editor(map_view)
    qtbot.keyClicks(editor, "Datenschutz")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert session.label("priority_2") == "Datenschutz"


def test_f2_renames_in_place_and_undo_restores_the_label(qtbot: QtBot, map_view: MapView) -> None:
    _select(map_view, "x_claims")
    qtbot.keyClick(map_view, Qt.Key.Key_F2)
    editor = _editor(map_view)
    assert editor.text() == "Reklamationen"
    qtbot.keyClicks(editor, "Reklamationen und Retouren")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert map_view.scene().nodes["x_claims"].label == "Reklamationen und Retouren"
    assert not editor.isVisible()
    map_view.controller.undo_stack.undo()
    assert map_view.controller.session.label("x_claims") == "Reklamationen"


def test_escape_cancels_and_an_empty_label_is_refused(qtbot: QtBot, map_view: MapView) -> None:
    stack = map_view.controller.undo_stack
    map_view.scene().nodes["x_kb"].setSelected(True)
    map_view.rename_selected()
    editor = _editor(map_view)
    qtbot.keyClicks(editor, "Wiki")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert stack.count() == 0
    map_view.rename_selected()
    editor = _editor(map_view)
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.isVisible()
    assert editor.refused
    assert stack.count() == 0
    assert map_view.controller.session.label("x_kb") == "Wissensdatenbank pflegen"


def test_double_click_opens_the_editor(qtbot: QtBot, map_view: MapView) -> None:
    qtbot.mouseDClick(
        map_view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(map_view, "g_gdpr")
    )
    assert _editor(map_view).text() == "DSGVO"


def test_a_drag_moves_the_node_in_one_step_and_undo_moves_it_back(map_view: MapView) -> None:
    session, stack = map_view.controller.session, map_view.controller.undo_stack
    before = list(session.graph.nodes["r_qm"]["position"])
    start = point_of(map_view, "r_qm")
    drag(map_view, start, start + QPoint(120, 60))
    moved = session.graph.nodes["r_qm"]["position"]
    zoom = map_view.zoom()
    assert moved[0] == pytest.approx(before[0] + 120 / zoom, abs=1)
    assert moved[1] == pytest.approx(before[1] + 60 / zoom, abs=1)
    assert stack.count() == 1
    route = map_view.scene().edge_path(("r_qm", "x_training", "accountable"))
    assert (
        map_view.scene().node_rect("r_qm").adjusted(-2, -2, 2, 2).contains(route.pointAtPercent(0))
    )
    stack.undo()
    assert session.graph.nodes["r_qm"]["position"] == before
    assert map_view.scene().nodes["r_qm"].pos() == QPointF(*before)


def test_rubber_band_selects_several_nodes(map_view: MapView) -> None:
    start = map_view.mapFromScene(QPointF(-130, -75))
    end = map_view.mapFromScene(QPointF(360, 50))
    drag(map_view, start, end)
    assert map_view.selected_nodes() == ["p_cost", "p_fcr"]


@POPUP_NOISE
def test_shift_drag_offers_only_the_allowed_relations(map_view: MapView) -> None:
    drag(
        map_view,
        point_of(map_view, "r_qm"),
        point_of(map_view, "x_returns"),
        Qt.KeyboardModifier.ShiftModifier,
    )
    menu = _connect_menu(map_view)
    assert menu is not None
    assert _offered(menu) == [
        "Accountable (A)",
        "Responsible (R)",
        "Consulted (C)",
        "Informed (I)",
        "Cancel",
    ]
    next(a for a in menu.actions() if a.text() == "Consulted (C)").trigger()
    menu.close()
    assert map_view.controller.session.graph.has_edge("r_qm", "x_returns", key="consulted")
    assert map_view.selected_edges() == [("r_qm", "x_returns", "consulted")]
    assert map_view.controller.undo_stack.count() == 1


@POPUP_NOISE
def test_dragging_from_the_handle_connects_and_existing_relations_are_ticked(
    map_view: MapView,
) -> None:
    width = map_view.scene().nodes["r_agent"].width  # the core's box of it
    handle = point_of(map_view, "r_agent", QPointF(width / 2 + HANDLE_OFFSET, 0))
    drag(map_view, handle, point_of(map_view, "x_goodwill"))
    menu = _connect_menu(map_view)
    assert menu is not None
    accountable = next(a for a in menu.actions() if a.text() == "Accountable (A)")
    assert accountable.isChecked()
    assert not accountable.isEnabled()
    menu.close()
    assert map_view.controller.undo_stack.count() == 0
    assert map_view.controller.session.graph.nodes["r_agent"]["position"] == [
        4 * 240.0,
        0.0,
    ]


def test_connecting_to_a_forbidden_target_or_empty_space_does_nothing(map_view: MapView) -> None:
    shift = Qt.KeyboardModifier.ShiftModifier
    drag(map_view, point_of(map_view, "p_fcr"), point_of(map_view, "r_agent"), shift)
    assert _connect_menu(map_view) is None
    drag(map_view, point_of(map_view, "r_agent"), map_view.mapFromScene(QPointF(-500, -500)), shift)
    assert _connect_menu(map_view) is None
    assert map_view.controller.undo_stack.count() == 0


def test_delete_removes_nodes_and_edges_in_one_step(qtbot: QtBot, map_view: MapView) -> None:
    scene, controller = map_view.scene(), map_view.controller
    graph = controller.session.graph
    edges_before = set(graph.edges(keys=True))
    map_view.select_only(["x_goodwill"], [("r_agent", "x_claims", "accountable")])
    map_view.setFocus()
    qtbot.keyClick(map_view, Qt.Key.Key_Delete)
    assert "x_goodwill" not in graph
    assert not graph.has_edge("r_agent", "x_claims", key="accountable")
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert set(graph.edges(keys=True)) == edges_before
    assert set(scene.edges) == edges_before


def test_arrow_keys_nudge_the_selection_as_one_step(qtbot: QtBot, map_view: MapView) -> None:
    session = map_view.controller.session
    before = {n: list(session.graph.nodes[n]["position"]) for n in ("g_gdpr", "g_duration")}
    _select(map_view, "g_gdpr", "g_duration")
    qtbot.keyClick(map_view, Qt.Key.Key_Right)
    qtbot.keyClick(map_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    for node_id, (x, y) in before.items():
        assert session.graph.nodes[node_id]["position"] == [x + 10, y + 50]
    assert map_view.controller.undo_stack.count() == 1
    map_view.controller.undo_stack.undo()
    assert {n: session.graph.nodes[n]["position"] for n in before} == before


def test_select_all_and_escape(qtbot: QtBot, map_view: MapView) -> None:
    changes = []
    map_view.selectionChanged.connect(lambda: changes.append(1))
    map_view.select_all()
    assert len(map_view.selected_nodes()) == len(map_view.scene().nodes)
    assert len(map_view.selected_edges()) == len(map_view.scene().edges)
    assert len(changes) == 1
    map_view.setFocus()
    qtbot.keyClick(map_view, Qt.Key.Key_Escape)
    assert map_view.selected_nodes() == []
    assert map_view.selected_edges() == []


def test_escape_abandons_a_connecting_drag(qtbot: QtBot, map_view: MapView) -> None:
    viewport, left = map_view.viewport(), Qt.MouseButton.LeftButton
    start = point_of(map_view, "r_qm")
    qtbot.mousePress(viewport, left, Qt.KeyboardModifier.ShiftModifier, start)
    qtbot.mouseMove(viewport, point_of(map_view, "x_returns"))
    qtbot.keyClick(map_view, Qt.Key.Key_Escape)
    # Sent directly: QTest warns that nobody takes a release after the drag was abandoned.
    release, none = QEvent.Type.MouseButtonRelease, Qt.KeyboardModifier.NoModifier
    end = point_of(map_view, "x_returns")
    send_mouse(viewport, release, end, left, Qt.MouseButton.NoButton, none)
    assert _connect_menu(map_view) is None
    assert map_view.controller.undo_stack.count() == 0


def test_the_middle_button_pans_without_editing(qtbot: QtBot, map_view: MapView) -> None:
    map_view.zoom_in()
    map_view.zoom_in()
    centre = map_view.mapToScene(map_view.viewport().rect().center())
    viewport, middle = map_view.viewport(), Qt.MouseButton.MiddleButton
    start = point_of(map_view, "r_lead")
    qtbot.mousePress(viewport, middle, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(-150, -80))
    qtbot.mouseRelease(viewport, middle, pos=start + QPoint(-150, -80))
    moved = map_view.mapToScene(map_view.viewport().rect().center()) - centre
    assert moved.x() == pytest.approx(150 / map_view.zoom(), abs=2)
    assert moved.y() == pytest.approx(80 / map_view.zoom(), abs=2)
    assert map_view.controller.undo_stack.count() == 0
