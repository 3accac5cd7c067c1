"""The rows of a map: bands of boxes with free channels between them.

Any arrangement of boxes, laid out or dragged by hand, falls into rows:
boxes whose vertical extents overlap belong to one row, so between two rows
runs a channel no box reaches into. Within a row, the gaps between the boxes
are free from the row's top to its bottom. Routes use exactly these spaces:
they run straight down through gaps and curve only in channels, so they
cannot touch a foreign box.

Examples
--------
>>> rows = find_rows({"a": (0, 0, 10, 10), "b": (20, 5, 30, 15), "c": (0, 30, 10, 40)})
>>> [(row.top, row.bottom, row.members) for row in rows]
[(0, 15, ('a', 'b')), (30, 40, ('c',))]
>>> rows[0].gaps
((-inf, 0), (10, 20), (30, inf))
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from workshop_app.layout.geometry import Rect

__all__ = ["Row", "find_rows"]


@dataclass
class Row:
    """Boxes side by side: their ids left to right, the row's extent and its free gaps."""

    index: int
    top: float
    bottom: float
    members: tuple[str, ...]
    #: Free x-intervals from the row's top to its bottom, left to right; the outer ones are open.
    gaps: tuple[tuple[float, float], ...] = field(default=())

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def find_rows(rects: Mapping[str, Rect]) -> list[Row]:
    """Group boxes into rows, top to bottom, each with its gaps."""
    order = sorted(rects, key=lambda node: (rects[node][1], rects[node][0], node))
    groups: list[tuple[float, float, list[str]]] = []
    for node in order:
        _, top, _, bottom = rects[node]
        if groups and top < groups[-1][1]:
            first, last, members = groups[-1]
            members.append(node)
            groups[-1] = (first, max(last, bottom), members)
        else:
            groups.append((top, bottom, [node]))
    rows = []
    for index, (top, bottom, members) in enumerate(groups):
        members.sort(key=lambda node: (rects[node][0], node))
        gaps = _gaps([(rects[node][0], rects[node][2]) for node in members])
        rows.append(Row(index, top, bottom, tuple(members), gaps))
    return rows


def _gaps(extents: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """The complement of the union of ``extents`` (sorted by start)."""
    gaps = []
    reach = -math.inf
    for left, right in extents:
        if left > reach:
            gaps.append((reach, left))
        reach = max(reach, right)
    gaps.append((reach, math.inf))
    return tuple(gaps)
