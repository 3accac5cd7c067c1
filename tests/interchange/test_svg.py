"""The map alone as SVG: the core geometry, the vocabulary's look, text kept as text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from workshop_app.domain import AddNode, NodeKind
from workshop_app.fileformat import load_session
from workshop_app.interchange import export_for_tools
from workshop_app.layout import map_geometry
from workshop_app.resources import resource_path
from workshop_app.vocabulary import NODES, SEVERITIES

SAMPLE = resource_path("samples", "versandhandel.yaml")
SVG = "{http://www.w3.org/2000/svg}"


def exported(session, tmp_path: Path) -> ET.Element:
    out = tmp_path / "map.svg"
    export_for_tools(session, out, "de")
    return ET.parse(out).getroot()


def test_every_node_edge_and_label_of_the_geometry_is_drawn(tmp_path: Path) -> None:
    session = load_session(SAMPLE)
    geometry = map_geometry(session, "de")

    root = exported(session, tmp_path)

    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for box in geometry.nodes.values():
        assert all(line in texts for line in box.label_lines), box.id
    paths = list(root.iter(f"{SVG}path"))
    assert len(paths) == len(geometry.edges)
    tags = [r.label.text_lines for r in geometry.edges if r.label is not None]
    assert tags and all(line in texts for lines in tags for line in lines)
    x0, y0, x1, y1 = geometry.bounds
    left, top, width, height = map(float, root.get("viewBox").split())
    assert left <= x0 and top <= y0 and left + width >= x1 and top + height >= y1


def test_shapes_take_the_vocabulary_colours_and_open_findings_get_rings(tmp_path: Path) -> None:
    root = exported(load_session(SAMPLE), tmp_path)
    fills = {e.get("fill") for e in root.iter() if e.tag in (f"{SVG}polygon", f"{SVG}rect")}
    strokes = {e.get("stroke") for e in root.iter()}

    assert {look.fill for look in NODES.values()} <= fills
    assert SEVERITIES["error"].colour in strokes  # the sample has open errors


def test_markup_in_a_label_is_text_not_svg(tmp_path: Path) -> None:
    session = load_session(SAMPLE)
    session.apply(AddNode("r_x", NodeKind.ROLE, '<script>alert("x")</script> & Co', {}))

    root = exported(session, tmp_path)

    assert not list(root.iter(f"{SVG}script"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert any(t and "<script>" in t for t in texts)
