"""A uniform grid over the map: which edges lie near a point or in a rectangle.

Edges are entered with the boxes of short pieces of their routes, so a long
route is found only where it runs, not in the whole rectangle it spans.
Pure Python and independent of Qt: the window asks it what is under the
mouse, what a rubber band touches and which edges a repaint must draw.

It is lean, as a map of 18,000 edges enters some 400,000 (edge, cell)
pairs: a cell is one integer and holds a list, and the grid does not
remember where a key went (whoever removes a key gives its boxes again).

>>> grid = GridIndex(cell=100)
>>> grid.insert("a", [(0, 0, 250, 10)])
>>> grid.insert("b", [(0, 500, 10, 900)])
>>> sorted(grid.query((200, -5, 220, 5)))
['a']
>>> grid.remove("a", [(0, 0, 250, 10)])
>>> grid.query((200, -5, 220, 5))
set()
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

__all__ = ["GridIndex", "Rect"]

K = TypeVar("K", bound=Hashable)
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1
#: Cells are numbered ``i * _ROW + j``, with ``i`` and ``j`` shifted to be positive.
_ROW = 1 << 24
_SHIFT = 1 << 23


class GridIndex(Generic[K]):
    """Keys in the grid cells their boxes touch; ``cell`` is the side of a cell."""

    def __init__(self, cell: float = 256.0) -> None:
        self._cell = cell
        self._cells: dict[int, list[K]] = {}
        self._count = 0

    @property
    def cell(self) -> float:
        return self._cell

    def __len__(self) -> int:
        """How many keys were inserted and not removed."""
        return self._count

    def insert(self, key: K, boxes: Iterable[Rect]) -> None:
        """Enter ``key`` in every cell one of ``boxes`` touches."""
        cells = self._cells
        for cell in self._cells_of(boxes):
            cells.setdefault(cell, []).append(key)
        self._count += 1

    def remove(self, key: K, boxes: Iterable[Rect]) -> None:
        """Take out ``key``, entered with these ``boxes``."""
        cells = self._cells
        for cell in self._cells_of(boxes):
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
        return self.query((x - radius, y - radius, x + radius, y + radius))

    def _span(self, rect: Rect) -> tuple[int, int, int, int]:
        cell = self._cell
        x0, y0, x1, y1 = rect
        return (
            math.floor(min(x0, x1) / cell),
            math.floor(min(y0, y1) / cell),
            math.floor(max(x0, x1) / cell),
            math.floor(max(y0, y1) / cell),
        )

    def _cells_of(self, boxes: Iterable[Rect]) -> set[int]:
        found: set[int] = set()
        for box in boxes:
            i0, j0, i1, j1 = self._span(box)
            for i in range(i0 + _SHIFT, i1 + _SHIFT + 1):
                found.update(range(i * _ROW + j0 + _SHIFT, i * _ROW + j1 + _SHIFT + 1))
        return found
