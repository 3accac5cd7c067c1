"""Tooltips on the map: written for the node or edge under the mouse when asked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from workshop_app.ui.map import MapView

POPUP_NOISE = pytest.mark.qt_log_ignore("This plugin does not support raise")


def _tooltip_at(view: MapView, where: QPoint) -> str:
    QToolTip.hideText()
    viewport = view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, where, viewport.mapToGlobal(where))
    QApplication.sendEvent(viewport, event)
    return QToolTip.text() if QToolTip.isVisible() else ""


@POPUP_NOISE
def test_hovering_an_edge_names_its_relation_and_ends(map_view: MapView) -> None:
    map_view.setTransform(map_view.transform().fromScale(1.0, 1.0))
    scene = map_view.scene()
    # An escalation whose middle is nearer to it than to any other edge.
    key, middle = next(
        (key, scene.layer.get(key).midpoint())
        for key in sorted(scene.edges)
        if key[2] == "escalates_to" and scene.edge_at(scene.layer.get(key).midpoint(), 1.0) == key
    )
    map_view.centerOn(middle)
    text = _tooltip_at(map_view, map_view.mapFromScene(middle))
    source, target = (map_view.scene().nodes[n].label for n in key[:2])
    assert text.startswith(f"{source} → {target}: ")
    assert "Escalates to" in text


@POPUP_NOISE
def test_hovering_a_node_shows_its_kind_and_fields(map_view: MapView) -> None:
    node = map_view.scene().nodes["r_agent"]
    text = _tooltip_at(map_view, map_view.mapFromScene(node.pos()))
    assert text.startswith(node.toolTip().splitlines()[0])
    assert "Servicekraft" in text


def test_empty_map_area_shows_no_tooltip(map_view: MapView) -> None:
    corner = map_view.scene().nodes_rect().topLeft()
    assert _tooltip_at(map_view, map_view.mapFromScene(corner) - QPoint(30, 30)) == ""
