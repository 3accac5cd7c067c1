"""What the map shows and writes: export, zoom and pan, legend, presentation look, labels."""

from __future__ import annotations

import array
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from map_helpers import MapShow
from map_samples import german_session
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.ui.map import MapView
from workshop_app.ui.map.labels import wrap_label

SVG = "{http://www.w3.org/2000/svg}"


def test_png_export_is_a_2x_image_of_the_whole_map(map_view: MapView, tmp_path: Path) -> None:
    map_view.select_all()
    path = tmp_path / "karte.png"
    map_view.export_image(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    nodes = map_view.scene().nodes_rect()
    assert image.width() >= 2 * nodes.width()
    assert image.height() >= 2 * nodes.height()
    # No selection in the picture: the selection blue appears nowhere.
    selection = map_view.scene().style.selection
    assert not _has_colour(image, selection)
    assert _has_colour(image, map_view.scene().style.nodes["role"].border)


def test_svg_export_is_vector_with_the_labels_as_text(map_view: MapView, tmp_path: Path) -> None:
    path = tmp_path / "karte.svg"
    map_view.export_image(path)
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "Servicekraft" in texts
    assert "Accountable (A)" in texts  # the legend
    assert not list(root.iter(f"{SVG}image")), "items must be drawn as vectors, not pixmaps"


def test_export_refuses_other_formats_and_keeps_the_old_file(
    map_view: MapView, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        map_view.export_image(tmp_path / "karte.pdf")
    with pytest.raises(OSError, match="Cannot write"):
        map_view.export_image(tmp_path / "missing" / "karte.png")


def test_zoom_steps_and_fit_all(map_view: MapView) -> None:
    fitted = map_view.zoom()
    map_view.zoom_in()
    assert map_view.zoom() == pytest.approx(fitted * 1.25)
    map_view.zoom_out()
    map_view.zoom_out()
    assert map_view.zoom() == pytest.approx(fitted / 1.25)
    map_view.fit_all()
    visible = map_view.mapToScene(map_view.viewport().rect()).boundingRect()
    assert visible.contains(map_view.scene().nodes_rect())


def test_the_wheel_zooms_around_the_cursor(map_view: MapView) -> None:
    cursor = map_view.mapFromScene(map_view.scene().nodes["r_lead"].pos())
    before = map_view.mapToScene(cursor)
    zoom = map_view.zoom()
    _wheel(map_view, cursor, 120)
    assert map_view.zoom() == pytest.approx(zoom * 1.25)
    after = map_view.mapToScene(cursor)
    assert (after - before).manhattanLength() < 4 / map_view.zoom()


def test_the_legend_stays_put_while_panning_and_can_be_hidden(map_view: MapView) -> None:
    map_view.zoom_in()
    legend = _legend(map_view)
    where = legend.geometry()
    map_view.pan_by(QPoint(-200, -150))
    assert legend.geometry() == where
    assert legend.isVisible()
    map_view.set_legend_visible(False)
    assert not legend.isVisible()
    assert not map_view.legend_visible()


def test_presentation_mode_has_larger_type_and_heavier_lines(map_view: MapView) -> None:
    normal = map_view.scene().style
    map_view.set_presentation(True)
    bold = map_view.scene().style
    assert bold.font.pixelSize() > normal.font.pixelSize()
    assert bold.border_width > normal.border_width
    assert all(bold.edges[k].width > normal.edges[k].width for k in normal.edges)


def test_arranging_the_map_is_one_step_and_a_no_op_is_none(map_show: MapShow) -> None:
    view = map_show(german_session(positioned=True))
    stack = view.controller.undo_stack
    view.relayout(full=True)
    assert stack.count() == 1
    assert stack.undoText() == "Arrange map"
    view.relayout(full=True)
    assert stack.count() == 1, "a layout that changes nothing is no step"


@pytest.mark.parametrize(
    ("label", "lines", "cut"),
    [
        ("Reklamationen", ["Reklamationen"], False),
        ("Kulanz bis 50 EUR", ["Kulanz bis 50\u00a0EUR"], False),
        ("Rückerstattung über 50 EUR", ["Rückerstattung über", "50\u00a0EUR"], False),
        ("Kulanz", ["Kulanz"], False),
    ],
)
def test_labels_wrap_at_words(qapp: QApplication, label: str, lines: list[str], cut: bool) -> None:
    assert wrap_label(label, _metrics(), 150, 3) == (lines, cut)


def test_a_long_label_is_cut_with_an_ellipsis(qapp: QApplication) -> None:
    lines, cut = wrap_label("Sehr " * 40, _metrics(), 150, 2)
    assert cut
    assert len(lines) == 2
    assert lines[1].endswith("…")


@pytest.mark.parametrize(
    ("word", "lines"),
    [
        ("Beschwerdemanagement", ["Beschwerde-", "management"]),
        ("Kundenzufriedenheitsmanagement", ["Kunden-", "zufriedenheits-", "management"]),
        ("Xylophonorchesterprobenraum", None),
    ],
)
def test_a_word_too_long_for_a_line_breaks_between_its_parts(
    qapp: QApplication, word: str, lines: list[str] | None
) -> None:
    broken, cut = wrap_label(word, _metrics(), 120, 3)
    assert not cut
    if lines is not None:
        assert broken == lines
    assert all(line.endswith("-") for line in broken[:-1])
    assert "".join(line.removesuffix("-") for line in broken) == word


def _metrics() -> QFontMetricsF:
    font = QFont("DejaVu Sans")
    font.setPixelSize(14)
    return QFontMetricsF(font)


def _legend(view: MapView) -> QWidget:
    return view.findChild(QWidget, "mapLegend")


def _wheel(view: MapView, where: QPoint, delta: int) -> None:
    point = QPointF(where)
    event = QWheelEvent(
        point,
        QPointF(view.viewport().mapToGlobal(where)),
        QPoint(),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def _has_colour(image: QImage, colour: QColor) -> bool:
    pixels = image.convertToFormat(QImage.Format.Format_RGB32)
    values = array.array("I", bytes(pixels.constBits()))
    return (0xFF000000 | colour.rgb()) in values
