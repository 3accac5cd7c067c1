"""The legend never covers the map: a strip below it, hidden in presentation mode."""

from __future__ import annotations

import pytest
from map_helpers import MapShow
from map_samples import german_session
from pytestqt.qtbot import QtBot

from workshop_app.ui.language import switch_ui_language
from workshop_app.ui.map import MapView, legend
from workshop_app.ui.map.legend import LegendStrip


def _legend(view: MapView) -> LegendStrip:
    return view.findChild(LegendStrip)


@pytest.mark.parametrize("size", [(1440, 980), (1000, 700), (640, 520), (420, 600)])
def test_the_legend_lies_below_the_map_and_every_node_shows_after_fit(
    map_show: MapShow, size: tuple[int, int]
) -> None:
    view = map_show(german_session(positioned=True))
    view.resize(*size)
    view.fit_all()
    legend, area = _legend(view), view.viewport().geometry()
    assert legend.isVisible()
    assert legend.geometry().top() > area.bottom()
    assert legend.height() == legend.height_for(area.width())
    for node in view.scene().nodes.values():
        box = view.mapFromScene(node.sceneBoundingRect()).boundingRect()
        assert area.contains(box.translated(area.topLeft())), node.node_id


def test_a_narrow_map_gets_a_taller_legend_not_a_clipped_one(map_view: MapView) -> None:
    legend = _legend(map_view)
    map_view.resize(1600, 700)
    wide = legend.height()
    map_view.resize(500, 700)
    assert legend.height() > wide


def test_hiding_the_legend_gives_its_room_to_the_map(map_view: MapView) -> None:
    shown = map_view.viewport().height()
    zoom = map_view.zoom()
    map_view.set_legend_visible(False)
    assert not _legend(map_view).isVisible()
    assert map_view.viewport().height() > shown
    assert map_view.zoom() >= zoom


def test_presentation_mode_starts_without_legend_and_l_shows_it(
    qtbot: QtBot, map_view: MapView
) -> None:
    toggled: list[bool] = []
    map_view.legendToggled.connect(toggled.append)
    map_view.set_presentation(True)
    assert not map_view.legend_visible()
    qtbot.keyClick(map_view, "l")
    assert map_view.legend_visible()
    assert _legend(map_view).isVisible()
    assert toggled == [False, True]


def test_the_legend_and_the_tags_follow_a_language_switch(map_view: MapView) -> None:
    drawn: list[str] = []
    original = legend._paint_entry

    def recording(painter, entry, style) -> None:
        drawn.append(entry.text)
        original(painter, entry, style)

    key = ("r_2nd", "r_agent", "deputy_of")
    try:
        switch_ui_language(map_view, "de")
        legend._paint_entry = recording
        _legend(map_view).repaint()
        assert "Vertritt" in drawn and "Stands in for" not in drawn
        assert map_view.scene().layer.get(key).tag == ("vertritt",)
    finally:
        legend._paint_entry = original
        switch_ui_language(map_view, "en")
    assert map_view.scene().layer.get(key).tag == ("stands in",)
