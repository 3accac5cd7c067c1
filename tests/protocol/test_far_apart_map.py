"""The map's tiles follow its content, not the distance between its nodes (issue #18, item 7).

A node at ±1e8 once made the export walk 10¹⁰ empty tiles: it never ended.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session
from workshop_app.domain.kinds import POSITION_LIMIT
from workshop_app.layout.settle import node_positions as map_positions
from workshop_app.protocol import export_protocol
from workshop_app.protocol.document import PAGE_SIZES, frame_size
from workshop_app.protocol.mappages import _column_name, _tiles
from workshop_app.protocol.scene import MapScene
from workshop_app.protocol.styles import Styles

from .helpers import pdf_pages


def every_tile_with_a_node(scene: MapScene, frame: object) -> list[tuple[str, object]]:
    """The tiles as they were found before: every window of the grid, asked one by one."""
    from workshop_app.layout import NODE_HEIGHT, NODE_WIDTH
    from workshop_app.protocol.mappages import MIN_SCALE, TileHeading
    from workshop_app.protocol.scene import ARROW

    tile_w = frame.width / MIN_SCALE  # type: ignore[attr-defined]
    tile_h = (frame.height - TileHeading.HEIGHT - 2) / MIN_SCALE  # type: ignore[attr-defined]
    step_x = max(tile_w - NODE_WIDTH - 2 * ARROW, tile_w / 2)
    step_y = max(tile_h - NODE_HEIGHT - 2 * ARROW, tile_h / 2)
    x0, y0, x1, y1 = scene.bounds
    columns = max(1, -int(-(x1 - x0 - tile_w) // step_x) + 1)
    rows = max(1, -int(-(y1 - y0 - tile_h) // step_y) + 1)
    found = []
    for row, column in itertools.product(range(rows), range(columns)):
        left, top = x0 + column * step_x, y0 + row * step_y
        window = (left, top, left + tile_w, top + tile_h)
        if scene.nodes_in(window):
            found.append((f"{_column_name(column)}{row + 1}", window))
    return found


@pytest.mark.parametrize("seed", range(6))
def test_tiles_found_from_the_nodes_are_the_tiles_of_the_grid(seed: int) -> None:
    Styles.create()  # registers the fonts that label wrapping measures with
    rng = random.Random(seed)
    session = Session()
    spread = rng.choice([2_000, 8_000, 30_000])
    for number in range(rng.randint(1, 60)):
        position = [rng.uniform(-spread, spread), rng.uniform(-spread / 3, spread / 3)]
        session.apply(AddNode(f"n{number}", NodeKind.ROLE, "R", {"position": position}))
    scene = MapScene(session, map_positions(session))
    frame = frame_size(PAGE_SIZES["a4"], wide=True)
    assert _tiles(scene, frame) == every_tile_with_a_node(scene, frame)


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
