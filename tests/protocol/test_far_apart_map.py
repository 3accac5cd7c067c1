"""The map's detail pages follow its content, not the distance between its nodes (#18, item 7).

A node at ±1e8 once made the export walk 10¹⁰ empty tiles: it never ended.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session
from workshop_app.domain.kinds import POSITION_LIMIT
from workshop_app.protocol import export_protocol
from workshop_app.protocol.document import PAGE_SIZES, frame_size
from workshop_app.protocol.mappages import _tiles
from workshop_app.protocol.scene import printed_map

from .helpers import pdf_pages


@pytest.mark.parametrize("seed", range(6))
def test_detail_pages_show_every_node_whole_however_far_apart(seed: int) -> None:
    rng = random.Random(seed)
    session = Session()
    spread = rng.choice([2_000, 8_000, 30_000])
    for number in range(rng.randint(1, 60)):
        position = [rng.uniform(-spread, spread), rng.uniform(-spread / 3, spread / 3)]
        session.apply(AddNode(f"n{number}", NodeKind.ROLE, "R", {"position": position}))
    printed = printed_map(session, [], "en")
    frame = frame_size(PAGE_SIZES["a4"], wide=True)
    tiles = _tiles(printed, frame)
    shown = {box.id for _, window in tiles for box in printed.nodes_within(window)}
    assert shown == set(session.graph)
    assert len(tiles) <= len(session.graph)
    assert len({name for name, _ in tiles}) == len(tiles)


def far_apart() -> Session:
    session = Session(meta={"title": "Weit verstreut", "language": "de"})
    corners = [(POSITION_LIMIT, 0), (-POSITION_LIMIT, 0), (0, POSITION_LIMIT)]
    for number, (x, y) in enumerate(corners):
        session.apply(
            AddNode(f"p{number}", NodeKind.PRIORITY, f"Ecke {number}", {"position": [x, y]})
        )
    session.apply(AddNode("x", NodeKind.RESPONSIBILITY, "Ohne Position", {}))
    session.apply(AddEdge("x", "p0", EdgeKind.SERVES))
    return session


def test_a_map_spread_to_the_position_limit_exports_a_page_per_group(tmp_path: Path) -> None:
    out = tmp_path / "weit.pdf"
    export_protocol(far_apart(), out)
    pages = pdf_pages(out)
    tile_pages = [page for page in pages if "Landkarte, Ausschnitt" in page]
    assert 3 <= len(tile_pages) <= 6
    assert all("Ecke" in page or "Ohne Position" in page for page in tile_pages)


def test_progress_is_reported_for_a_far_apart_map(tmp_path: Path) -> None:
    reports: list[float] = []
    export_protocol(far_apart(), tmp_path / "weit.pdf", progress=reports.append)
    assert reports[0] == 0.0 and reports[-1] == 1.0
    assert reports == sorted(reports)
