"""Connecting is found without a manual: a key, a picker, a context menu, a hint."""

from __future__ import annotations

import pytest
from map_helpers import point_of
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from workshop_app.domain import NodeKind
from workshop_app.ui.map import MapView
from workshop_app.ui.map.connect import CONNECT_MENU_NAME, TargetPicker
from workshop_app.ui.map.hint import MapHint, map_keys

#: The offscreen platform cannot raise a popup menu or grab the keyboard for it.
POPUP_NOISE = pytest.mark.qt_log_ignore(
    r"This plugin does not support raise\(\)",
    "This plugin does not support grabbing the keyboard",
)


def _picker(view: MapView) -> TargetPicker | None:
    pickers = [p for p in view.viewport().findChildren(TargetPicker) if p.isVisible()]
    return pickers[0] if pickers else None


def _offered(picker: TargetPicker) -> list[str]:
    rows = (picker.list.item(row) for row in range(picker.list.count()))
    return [item.data(Qt.ItemDataRole.UserRole) for item in rows if not item.isHidden()]


def _menu(view: MapView, name: str) -> QMenu | None:
    menus = [m for m in view.findChildren(QMenu, name) if m.isVisible()]
    return menus[0] if menus else None


def _right_click(view: MapView, where: QPoint) -> QMenu:
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, view.viewport().mapToGlobal(where)
    )
    QApplication.sendEvent(view.viewport(), event)
    menu = _menu(view, "mapContextMenu")
    assert menu is not None
    return menu


def _texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def test_c_on_a_node_offers_only_targets_a_relation_may_reach(
    qtbot: QtBot, map_view: MapView
) -> None:
    map_view.select_only(node_ids=["x_delay"])
    map_view.setFocus()
    qtbot.keyClick(map_view, "c")
    picker = _picker(map_view)
    assert picker is not None
    kinds = {map_view.scene().nodes[node_id].kind for node_id in _offered(picker)}
    # A responsibility serves priorities, escalates to roles, is bounded by guardrails.
    assert kinds == {NodeKind.PRIORITY, NodeKind.ROLE, NodeKind.GUARDRAIL}
    assert "x_delay" not in _offered(picker)


def test_typing_narrows_the_targets_and_enter_connects_the_only_relation(
    qtbot: QtBot, map_view: MapView
) -> None:
    map_view.select_only(node_ids=["x_training"])
    map_view.connect_selected()
    picker = _picker(map_view)
    qtbot.keyClicks(picker.search, "kundenzu")
    assert _offered(picker) == ["p_csat"]
    assert map_view.scene().nodes["p_csat"].target_state is True  # shown on the map
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert map_view.controller.session.graph.has_edge("x_training", "p_csat", key="serves")
    assert map_view.selected_edges() == [("x_training", "p_csat", "serves")]
    assert map_view.controller.undo_stack.count() == 1
    assert _picker(map_view) is None
    assert map_view.scene().nodes["p_csat"].target_state is None


@POPUP_NOISE
def test_a_target_with_several_relations_asks_which_one(qtbot: QtBot, map_view: MapView) -> None:
    map_view.select_only(node_ids=["r_qm"])
    map_view.connect_selected()
    picker = _picker(map_view)
    qtbot.keyClicks(picker.search, "retouren")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    menu = _menu(map_view, CONNECT_MENU_NAME)
    assert menu is not None
    assert _texts(menu)[:4] == [
        "Accountable (A)",
        "Responsible (R)",
        "Consulted (C)",
        "Informed (I)",
    ]
    next(a for a in menu.actions() if a.text() == "Informed (I)").trigger()
    menu.close()
    assert map_view.controller.session.graph.has_edge("r_qm", "x_returns", key="informed")


def test_arrows_move_through_the_list_and_escape_adds_nothing(
    qtbot: QtBot, map_view: MapView
) -> None:
    map_view.select_only(node_ids=["r_agent"])
    map_view.connect_selected()
    picker = _picker(map_view)
    first = picker.current_target()
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.current_target() not in (None, first)
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert _picker(map_view) is None
    assert map_view.controller.undo_stack.count() == 0


@POPUP_NOISE
def test_the_context_menu_of_a_node_lists_the_relations_it_may_start(map_view: MapView) -> None:
    menu = _right_click(map_view, point_of(map_view, "r_agent"))
    assert map_view.selected_nodes() == ["r_agent"]
    connect = next(a.menu() for a in menu.actions() if a.text() == "Connect to…")
    assert _texts(connect) == [
        "Any relation… (C)",
        "Accountable (A)…",
        "Responsible (R)…",
        "Consulted (C)…",
        "Informed (I)…",
        "Escalates to…",
        "Stands in for…",
    ]
    next(a for a in connect.actions() if a.text() == "Stands in for…").trigger()
    menu.close()
    picker = _picker(map_view)
    assert picker is not None
    targets = _offered(picker)
    assert targets and all(map_view.scene().nodes[t].kind is NodeKind.ROLE for t in targets)


@POPUP_NOISE
def test_the_context_menu_of_empty_map_adds_a_node_where_clicked(map_view: MapView) -> None:
    where = map_view.mapFromScene(QPointF(-900, -600))
    menu = _right_click(map_view, where)
    next(a for a in menu.actions() if a.text() == "Add Guardrail here").trigger()
    menu.close()
    (node_id,) = map_view.selected_nodes()
    assert map_view.controller.session.kind(node_id) is NodeKind.GUARDRAIL
    position = map_view.scene().nodes[node_id].pos()
    assert (position - QPointF(-900, -600)).manhattanLength() < 300


def test_a_new_node_joins_the_row_of_its_kind(map_view: MapView) -> None:
    scene = map_view.scene()
    role_rows = {item.pos().y() for item in scene.nodes.values() if item.kind is NodeKind.ROLE}
    map_view.add_node(NodeKind.ROLE)
    (node_id,) = map_view.selected_nodes()
    assert scene.nodes[node_id].pos().y() in role_rows


def test_the_status_bar_hint_names_the_keys_for_what_is_selected(map_view: MapView) -> None:
    hint = MapHint(map_view)
    assert "Shift+drag" in hint.text()
    map_view.select_only(node_ids=["r_agent"])
    assert hint.text().startswith("C: connect “Servicekraft” to…")
    map_view.select_only(edge_keys=[("r_agent", "x_goodwill", "accountable")])
    assert hint.text().startswith("Del: delete the relation")


def test_the_keyboard_help_lists_connecting() -> None:
    rows = {what: keys for _, what, keys in map_keys()}
    assert rows["Connect the selected node to…"] == ["C", "Ctrl+K"]
    assert "right click" in rows["Menu of a node, relation or empty spot"]


def test_readable_size_makes_labels_twenty_pixels_around_the_selection(
    map_view: MapView,
) -> None:
    map_view.fit_all()
    map_view.select_only(node_ids=["x_kb"])
    map_view.zoom_readable()
    assert map_view.label_font() is map_view.scene().style.box_font  # the core's boxes
    assert map_view.label_font().pixelSize() * map_view.zoom() == pytest.approx(20)
    node = map_view.scene().nodes["x_kb"]
    assert map_view.viewport().rect().contains(map_view.mapFromScene(node.pos()))
