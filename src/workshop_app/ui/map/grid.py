"""A uniform grid over the map: which edges lie near a point or in a rectangle.

Edges are entered with the segments of their routes (each in exactly the
cells it passes through, walked as Amanatides and Woo do) and a few boxes
(a tag), so a long route is found only where it runs, not in the whole
rectangle it spans.
Pure Python and independent of Qt: the window asks it what is under the
mouse, what a rubber band touches and which edges a repaint must draw.

It is lean, as a map of 18,000 edges enters some 400,000 (edge, cell)
pairs: a cell is one integer and holds a list, and the grid does not
remember where a key went (whoever removes a key gives its boxes again).

>>> grid = GridIndex(cell=100)
>>> grid.insert("a", [((0, 0), (250, 10))])
>>> grid.insert("b", [((0, 500), (10, 900))], [(400, 400, 420, 420)])
>>> sorted(grid.query((200, -5, 220, 5))), sorted(grid.query((410, 410, 411, 411)))
(['a'], ['b'])
>>> grid.query((200, 200, 300, 300))  # "a" runs along y = 0..10 only
set()
>>> grid.remove("a", [((0, 0), (250, 10))])
>>> grid.query((200, -5, 220, 5))
set()
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Iterator
from typing import Generic, TypeVar

__all__ = ["GridIndex", "Rect", "Segment"]

K = TypeVar("K", bound=Hashable)
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1
Segment = tuple[tuple[float, float], tuple[float, float]]
#: Cells are numbered ``i * _ROW + j``, with ``i`` and ``j`` shifted to be positive.
_ROW = 1 << 24
_SHIFT = 1 << 23


class GridIndex(Generic[K]):
    """Keys in the grid cells their boxes touch; ``cell`` is the side of a cell."""

    def __init__(self, cell: float = 512.0) -> None:
        self._cell = cell
        self._cells: dict[int, list[K]] = {}
        self._count = 0

    @property
    def cell(self) -> float:
        return self._cell

    def __len__(self) -> int:
        """How many keys were inserted and not removed."""
        return self._count

    def insert(self, key: K, segments: Iterable[Segment], boxes: Iterable[Rect] = ()) -> None:
        """Enter ``key`` in every cell one of ``segments`` passes or one of ``boxes`` touches."""
        cells = self._cells
        for cell in self._cells_of(segments, boxes):
            cells.setdefault(cell, []).append(key)
        self._count += 1

    def remove(self, key: K, segments: Iterable[Segment], boxes: Iterable[Rect] = ()) -> None:
        """Take out ``key``, entered with these ``segments`` and ``boxes``."""
        cells = self._cells
        for cell in self._cells_of(segments, boxes):
            keys = cells.get(cell)
            if keys is not None and key in keys:
                keys.remove(key)
                if not keys:
                    del cells[cell]
        self._count -= 1

    def query(self, rect: Rect) -> set[K]:
        """The keys with a box in a cell that ``rect`` touches (a superset of those inside)."""
        i0, j0, i1, j1 = self._span(rect)
        cells = self._cells
        found: set[K] = set()
        if (i1 - i0 + 1) * (j1 - j0 + 1) > len(cells):
            for cell, keys in cells.items():
                i, j = divmod(cell, _ROW)
                if i0 <= i - _SHIFT <= i1 and j0 <= j - _SHIFT <= j1:
                    found.update(keys)
            return found
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                keys = cells.get((i + _SHIFT) * _ROW + j + _SHIFT)
                if keys:
                    found.update(keys)
        return found

    def near(self, x: float, y: float, radius: float) -> set[K]:
        """The keys that may lie within ``radius`` of ``(x, y)``."""
        # A hair wider, so a segment exactly ``radius`` away is not lost to rounding.
        reach = radius + 1e-6
        return self.query((x - reach, y - reach, x + reach, y + reach))

    def _span(self, rect: Rect) -> tuple[int, int, int, int]:
        cell = self._cell
        x0, y0, x1, y1 = rect
        return (
            math.floor(min(x0, x1) / cell),
            math.floor(min(y0, y1) / cell),
            math.floor(max(x0, x1) / cell),
            math.floor(max(y0, y1) / cell),
        )

    def _cells_of(self, segments: Iterable[Segment], boxes: Iterable[Rect]) -> set[int]:
        found: set[int] = set()
        for a, b in segments:
            found.update(self._walk(a, b))
        for box in boxes:
            i0, j0, i1, j1 = self._span(box)
            for i in range(i0 + _SHIFT, i1 + _SHIFT + 1):
                found.update(range(i * _ROW + j0 + _SHIFT, i * _ROW + j1 + _SHIFT + 1))
        return found

    def _walk(self, a: tuple[float, float], b: tuple[float, float]) -> Iterator[int]:
        """The cells the segment from ``a`` to ``b`` passes through, in order."""
        cell = self._cell
        (x0, y0), (x1, y1) = a, b
        i, j = math.floor(x0 / cell), math.floor(y0 / cell)
        i_end, j_end = math.floor(x1 / cell), math.floor(y1 / cell)
        dx, dy = x1 - x0, y1 - y0
        step_i, step_j = (1 if dx > 0 else -1), (1 if dy > 0 else -1)
        # How far along the segment (0..1) the next vertical / horizontal cell border lies.
        next_x = (i + (step_i > 0)) * cell
        next_y = (j + (step_j > 0)) * cell
        t_x = (next_x - x0) / dx if dx else math.inf
        t_y = (next_y - y0) / dy if dy else math.inf
        delta_x = cell / abs(dx) if dx else math.inf
        delta_y = cell / abs(dy) if dy else math.inf
        yield (i + _SHIFT) * _ROW + j + _SHIFT
        for _ in range(abs(i_end - i) + abs(j_end - j)):
            if t_x < t_y:
                i, t_x = i + step_i, t_x + delta_x
            else:
                j, t_y = j + step_j, t_y + delta_y
            yield (i + _SHIFT) * _ROW + j + _SHIFT
