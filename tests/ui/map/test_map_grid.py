"""The grid index finds every segment near a point, and only segments in a box's cells."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.ui.map.grid import GridIndex

coordinate = st.floats(-3000, 3000, allow_nan=False)
point = st.tuples(coordinate, coordinate)


def _distance(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (x, y), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    span = dx * dx + dy * dy
    t = 0.0 if span == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / span))
    return math.hypot(x - (ax + t * dx), y - (ay + t * dy))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(point, point), min_size=1, max_size=12), point, st.floats(0.5, 40))
def test_every_segment_within_the_radius_of_a_point_is_found(
    segments: list, where: tuple[float, float], radius: float
) -> None:
    grid: GridIndex[int] = GridIndex(cell=128)
    for key, segment in enumerate(segments):
        grid.insert(key, [segment])
    near = {key for key, (a, b) in enumerate(segments) if _distance(where, a, b) <= radius}
    assert near <= grid.near(*where, radius)


def test_a_long_diagonal_is_not_found_in_the_corners_of_its_box() -> None:
    grid: GridIndex[str] = GridIndex(cell=100)
    grid.insert("diagonal", [((0, 0), (5000, 5000))])
    assert grid.near(2500, 2500, 5) == {"diagonal"}
    assert grid.near(4800, 200, 5) == set()
    grid.remove("diagonal", [((0, 0), (5000, 5000))])
    assert len(grid) == 0
    assert grid.near(2500, 2500, 5) == set()
