"""The legend strip is drawn once per look, not with every frame of the map."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from workshop_app.ui.map import MapView, legend
from workshop_app.ui.map.legend import LegendStrip


@pytest.fixture
def map_legend_draws(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every time the legend is actually drawn, its style."""
    draws: list[object] = []
    original = legend.paint_legend

    def counting(painter, origin, style, width) -> None:
        draws.append(style)
        original(painter, origin, style, width)

    monkeypatch.setattr(legend, "paint_legend", counting)
    return draws


def test_panning_and_repainting_reuse_the_drawn_legend(
    map_view: MapView, map_legend_draws: list[object]
) -> None:
    overlay = map_view.findChild(LegendStrip)
    overlay.repaint()
    for step in range(4):
        map_view.pan_by(QPoint(30 if step % 2 else -30, 0))
        QApplication.processEvents()
        map_view.viewport().repaint()
        overlay.repaint()
    assert len(map_legend_draws) == 1


def test_presentation_mode_draws_the_legend_in_its_look(
    map_view: MapView, map_legend_draws: list[object]
) -> None:
    overlay = map_view.findChild(LegendStrip)
    overlay.repaint()
    map_view.set_presentation(True)
    map_view.set_legend_visible(True)
    overlay.repaint()
    assert map_legend_draws == [map_legend_draws[0], map_view.scene().style]
    assert map_legend_draws[0] is not map_view.scene().style
