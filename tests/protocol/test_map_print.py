"""The printed map: readable text, the projector's marks, and a legend for each of them."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from workshop_app import vocabulary
from workshop_app.analysis import find_ambiguities
from workshop_app.protocol import export_protocol
from workshop_app.protocol.mappages import MIN_TEXT
from workshop_app.protocol.scene import printed_map
from workshop_app.vocabulary import severity_name

from .helpers import _tool, pdf_pages
from .sessions import customer_service

#: How high pdftotext's word boxes are, in ems of the font size (measured: poppler
#: spans 1.0376 em of DejaVu Sans; a label set at 7.2 pt gives a box 7.47 pt high).
_EM_HEIGHT = 1.0376


def word_sizes(path: Path, page: int) -> dict[str, float]:
    """Each word on ``page`` (1-based) with the smallest font size it is printed in."""
    html = subprocess.run(
        [_tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    sizes: dict[str, float] = {}
    for y_min, y_max, word in re.findall(
        r'<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">([^<]*)</word>', html
    ):
        size = (float(y_max) - float(y_min)) / _EM_HEIGHT
        sizes[word] = min(size, sizes.get(word, size))
    return sizes


@pytest.fixture(scope="module")
def protocol(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("map") / "protocol.pdf"
    export_protocol(customer_service("de"), path)
    return path


def map_page(path: Path) -> int:
    pages = pdf_pages(path)
    return next(n for n, text in enumerate(pages, start=1) if "Landkarte" in text.split("\n")[0])


def test_every_word_on_the_printed_map_of_20_nodes_is_at_least_6_pt(protocol: Path) -> None:
    sizes = word_sizes(protocol, map_page(protocol))
    labels = {word for line in ("Teamleitung", "Kulanz") for word in line.split()}
    assert labels <= sizes.keys(), "node labels are printed as text on the map page"
    too_small = {word: round(size, 2) for word, size in sizes.items() if size < MIN_TEXT - 0.05}
    assert too_small == {}


def page_pixels(path: Path, page: int, dpi: int) -> list[bytes]:
    """The colours of ``page``'s pixels (``pdftoppm``'s PPM), each as three bytes."""
    ppm = subprocess.run(
        [_tool("pdftoppm"), "-r", str(dpi), "-f", str(page), "-l", str(page), str(path)],
        capture_output=True,
        check=True,
    ).stdout
    _magic, _size, _depth, raster = ppm.split(b"\n", 3)
    return [raster[i : i + 3] for i in range(0, len(raster), 3)]


def test_the_map_page_shows_every_box_in_its_kinds_fill(protocol: Path) -> None:
    # The shapes are drawn once in a form the map's views show; a form whose
    # stream a viewer cannot read leaves the map's frame empty but for the legend.
    pixels = Counter(page_pixels(protocol, map_page(protocol), dpi=30))
    kinds = Counter(str(data["kind"]) for _, data in customer_service("de").graph.nodes(data=True))
    for kind, count in kinds.items():
        fill = bytes.fromhex(vocabulary.NODES[kind].fill.lstrip("#"))
        # A box is about 60 x 25 pixels at this size; a legend swatch 5 x 3.
        assert pixels[fill] >= 50 * count, kind


def test_the_printed_map_carries_the_marks_the_projector_showed(protocol: Path) -> None:
    session = customer_service("de")
    printed = printed_map(session, find_ambiguities(session, "de"), "de")
    assert printed.severities, "the session has open findings on nodes"
    assert {"rank", "load", "tag"} <= set(printed.details)
    page = map_page(protocol)
    text = " ".join(pdf_pages(protocol)[page - 1 : page + 1])  # the legend may follow
    for word in ("A", "R", "Legende", "Rang", "Auslastung"):
        assert re.search(rf"(^|\s){word}(\s|$)", text), word
    for severity in printed.severities:
        assert severity_name(severity.value, "de") in text


def test_a_large_map_prints_an_overview_and_only_the_detail_pages_it_needs(
    tmp_path: Path, generate
) -> None:
    # 80 nodes (56 responsibilities): below the protocol's "large map" mark, from
    # which only the overview is printed to keep 1,000 nodes under 40 pages.
    session = generate(80)
    path = tmp_path / "large.pdf"
    export_protocol(session, path)
    pages = pdf_pages(path)
    details = [text for text in pages if "Map, part" in text]
    assert details, "an 80-node map does not fit one page at 6 pt"
    printed = printed_map(session, [], "en")
    for box in printed.nodes:
        first = box.label_lines[0].split()[0]
        assert any(first in text for text in details), box.id


def test_map_labels_in_other_scripts_print_as_their_characters(tmp_path: Path) -> None:
    session = customer_service("de")
    node = next(n for n, data in session.graph.nodes(data=True) if data["label"] == "Kulanz")
    session.graph.nodes[node]["label"] = "客户投诉处理"
    path = tmp_path / "scripts.pdf"
    export_protocol(session, path)
    assert "客户投诉处理" in pdf_pages(path)[map_page(path) - 1]


def test_the_legend_of_a_tall_map_stands_beside_it_on_the_maps_page(tmp_path: Path) -> None:
    from workshop_app.fileformat import load_session
    from workshop_app.resources import resource_path

    path = tmp_path / "sample.pdf"
    export_protocol(load_session(resource_path("samples", "versandhandel.yaml")), path)
    pages = pdf_pages(path)
    page = map_page(path)
    assert "Legende" in pages[page - 1] and "Rang einer Priorität" in pages[page - 1]
    # The next page starts the next section: no page holding the legend alone.
    assert pages[page].lstrip().startswith("2 ")
