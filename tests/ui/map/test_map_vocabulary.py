"""The window and the PDF speak one visual language: same colours, same words."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from workshop_app.analysis import Severity, find_ambiguities
from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.fileformat import load_session
from workshop_app.protocol.mappages import Legend
from workshop_app.protocol.scene import printed_map
from workshop_app.protocol.styles import EDGE_STYLES, NODE_COLOURS, SEVERITY_COLOURS
from workshop_app.resources import resource_path
from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.map import legend
from workshop_app.ui.map.style import map_style

pytestmark = pytest.mark.usefixtures("qapp")  # fonts need an application


def _pdf(colour: object) -> QColor:
    return QColor("#" + colour.hexval()[2:])


@pytest.mark.parametrize("kind", list(NodeKind))
def test_window_and_pdf_fill_and_outline_each_node_kind_alike(kind: NodeKind) -> None:
    window = map_style().nodes[kind]
    assert window.fill == _pdf(NODE_COLOURS[kind].fill)
    assert window.border == _pdf(NODE_COLOURS[kind].stroke)


@pytest.mark.parametrize("kind", list(EdgeKind))
def test_window_and_pdf_draw_each_relation_in_one_colour(kind: EdgeKind) -> None:
    assert map_style().edges[kind].color == _pdf(EDGE_STYLES[kind].colour)


@pytest.mark.parametrize("presentation", [False, True])
def test_window_and_pdf_mark_each_severity_alike(presentation: bool) -> None:
    for severity in Severity:
        assert map_style(presentation).marks[severity].color == _pdf(SEVERITY_COLOURS[severity])


@pytest.mark.parametrize("language", ["de", "en"])
def test_window_legend_and_pdf_legend_use_the_same_terms(language: str) -> None:
    set_ui_language(language)
    try:
        rows = [entry.text for entry in legend._flow(map_style(), 800)[0] if entry.thing]
    finally:
        set_ui_language("en")
    sample = load_session(resource_path("samples", "versandhandel.yaml"))
    scene = printed_map(sample, find_ambiguities(sample, language), language)
    assert scene.severities and set(scene.edge_kinds) >= {EdgeKind.OUTRANKS}
    printed = [
        text
        for text, item in Legend(scene, lambda text: text, language).items
        if not (isinstance(item, tuple) and item[0] == "detail")
    ]
    assert set(printed) <= set(rows)
    assert ("Geht vor" in printed) is (language == "de")
