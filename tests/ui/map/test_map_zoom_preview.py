"""Zoom gestures: steps show the last frame scaled, full drawing once they stop."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from workshop_app.ui.map import MapView
from workshop_app.ui.map.node_item import NodeItem


@pytest.fixture
def map_paints(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the nodes painted, in order (each paint of each node)."""
    painted: list[str] = []
    original = NodeItem.paint

    def paint(self: NodeItem, *args: Any) -> None:
        painted.append(self.node_id)
        original(self, *args)

    monkeypatch.setattr(NodeItem, "paint", paint)
    return painted


def test_zoom_steps_in_a_gesture_scale_the_frame_and_redraw_when_it_ends(
    map_view: MapView, map_paints: list[str], qtbot: QtBot
) -> None:
    map_view.viewport().repaint()
    before = map_view.viewport().grab().toImage()
    map_paints.clear()
    map_view.zoom_in()
    map_view.zoom_in()
    map_view.viewport().repaint()
    during = map_view.viewport().grab().toImage()
    assert map_paints == []
    assert during != before
    qtbot.waitUntil(lambda: len(map_paints) > 0, timeout=2000)
    map_view.viewport().repaint()
    assert map_view.viewport().grab().toImage() != during


def test_an_edit_during_a_zoom_gesture_is_shown_at_once(map_view: MapView) -> None:
    map_view.select_all()
    map_view.zoom_in()
    map_view.viewport().repaint()
    map_view.delete_selected()
    map_view.viewport().repaint()
    assert map_view.viewport().grab().toImage() == _blank(map_view)


def _blank(view: MapView) -> Any:
    image = view.viewport().grab().toImage()
    image.fill(view.scene().backgroundBrush().color())
    return image
