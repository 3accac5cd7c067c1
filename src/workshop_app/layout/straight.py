"""The layered layout of a map whose routes run straight: its nodes alone, no dummies.

On a map of tens of thousands of dummy vertices (a thousand nodes, layers
wrapped into dozens of rows, nearly every edge passing many of them) the
routing passes every row where the straight line between a route's ends
meets it (``passes.LARGE``), not where an order of the dummies put them. So
the layout of such a map plans for those lines: it orders and places the
nodes alone, and leaves each gap between two nodes room for the lines that
will pass it, counted where they will pass.

The order comes from median sweeps as in ``ordering``, over the nodes'
x-coordinates instead of their places in the row before: an edge may join
rows far apart, and a coordinate means the same in every row. Each row is
placed as it is sorted (each node towards its median, in order and apart),
so the next row sorts by where its neighbours stand. The last rounds pull
every node towards the median of all its neighbours, with each gap as wide as
the lines through it need.

A chain of dummies costs ordering, placement and routing the same work in
every row it passes; here an edge costs the same wherever its ends are.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from workshop_app.layout.ordering import breadth_first_rows, median
from workshop_app.layout.placement import row_centres, spread
from workshop_app.layout.proper import ProperGraph

__all__ = ["straight_layout"]

#: Median sweeps, down and up in turn; then rounds of pulling towards all neighbours,
#: each after the room for the lines through every gap was counted again.
SWEEPS = 6
ROUNDS = 1
#: Room for each line passing a gap, between two boxes at least, and between a box and
#: a line: more than ``placement`` leaves routes it spaces evenly (``H_GAP``,
#: ``DUMMY_STEP``, ``DUMMY_CLEAR``), as the lines through a gap do not stand evenly in it
#: (with this room they keep 3 points apart).
LINE_STEP, LINE_GAP = 6.0, 28.0
LINE_CLEAR = LINE_GAP / 2 + 2
#: How hard a node without neighbours on the side a sweep looks at holds on to its place.
_HOLD = 0.05


def straight_layout(
    proper: ProperGraph,
    widths: Sequence[float],
    heights: Sequence[float],
    row_layer: Sequence[int],
) -> list[tuple[float, float]]:
    """The centre of every node of ``proper`` (its dummies unused), left at x = 0, top at y = 0."""
    size, row = proper.size, proper.row
    up: list[list[int]] = [[] for _ in range(size)]
    down: list[list[int]] = [[] for _ in range(size)]
    lines: list[tuple[int, int, int]] = []
    for high, low, count, first, end in proper.links:
        down[high] += [low] * count
        up[low] += [high] * count
        if first < end:
            lines.append((high, low, count))
    rows = _start(proper, up, down)
    # Before the lines are placed, each row's room for them is spread evenly over its gaps.
    passing = [0] * proper.row_count
    for high, low, count in lines:
        for index in range(row[high] + 1, row[low]):
            passing[index] += count
    room = [
        [LINE_GAP + LINE_STEP * passing[index] / (len(members) + 1)] * max(0, len(members) - 1)
        for index, members in enumerate(rows)
    ]
    x = [0.0] * size
    for members, gaps in zip(rows, room, strict=True):
        offsets = _offsets(members, gaps, widths)
        middle = offsets[-1] / 2 if offsets else 0.0
        for vertex, offset in zip(members, offsets, strict=True):
            x[vertex] = offset - middle
    for sweep in range(SWEEPS):
        if sweep % 2 == 0:
            indices, side = range(1, len(rows)), up
        else:
            indices, side = range(len(rows) - 2, -1, -1), down
        for index in indices:
            _sort_row(rows[index], room[index], side, widths, x)
    both = [a + b for a, b in zip(up, down, strict=True)]
    for _ in range(ROUNDS):
        room = _room(rows, lines, row, x)
        for index in itertools.chain(range(len(rows)), reversed(range(len(rows)))):
            _pull_row(rows[index], room[index], both, widths, x)
    left = min((x[v] - widths[v] / 2 for v in range(size)), default=0.0)
    y = row_centres(rows, heights, row_layer, size)
    return [(x[v] - left, y[row[v]]) for v in range(size)]


def _start(proper: ProperGraph, up: list[list[int]], down: list[list[int]]) -> list[list[int]]:
    """Rows filled breadth first from the nodes with no neighbour above, ranked ones first."""
    seeds = sorted((v for v in range(proper.size) if not up[v]), key=lambda v: (proper.tier[v], v))
    return breadth_first_rows(seeds, proper.row, down, up, proper.row_count)


def _offsets(members: list[int], gaps: list[float], widths: Sequence[float]) -> list[float]:
    """Each node's least distance from the first of its row, ``gaps`` between the boxes."""
    steps = [
        (widths[a] + widths[b]) / 2 + gap
        for (a, b), gap in zip(itertools.pairwise(members), gaps, strict=True)
    ]
    return list(itertools.accumulate(steps, initial=0.0)) if members else []


def _sort_row(
    members: list[int],
    gaps: list[float],
    side: list[list[int]],
    widths: Sequence[float],
    x: list[float],
) -> None:
    """Sort a row by the median x of each node's neighbours on ``side`` and place it there."""
    keys = [
        median(sorted([x[v] for v in side[vertex]])) if side[vertex] else x[vertex]
        for vertex in members
    ]
    order = sorted(range(len(members)), key=keys.__getitem__)
    members[:] = [members[at] for at in order]
    desired = [keys[at] for at in order]
    weights = [float(len(side[vertex])) or _HOLD for vertex in members]
    for vertex, value in zip(
        members, spread(desired, weights, _offsets(members, gaps, widths)), strict=True
    ):
        x[vertex] = value


def _pull_row(
    members: list[int],
    gaps: list[float],
    both: list[list[int]],
    widths: Sequence[float],
    x: list[float],
) -> None:
    """Move a row's nodes towards the median x of all their neighbours, in order and apart."""
    desired = [
        median(sorted([x[v] for v in both[vertex]])) if both[vertex] else x[vertex]
        for vertex in members
    ]
    weights = [float(len(both[vertex])) or _HOLD for vertex in members]
    for vertex, value in zip(
        members, spread(desired, weights, _offsets(members, gaps, widths)), strict=True
    ):
        x[vertex] = value


def _room(
    rows: list[list[int]], lines: list[tuple[int, int, int]], row: list[int], x: list[float]
) -> list[list[float]]:
    """Each gap between two nodes of a row: as wide as the straight lines through it need."""
    passes: list[list[float]] = [[] for _ in rows]
    for high, low, count in lines:
        top, bottom = row[high], row[low]
        start, slope = x[high], (x[low] - x[high]) / (bottom - top)
        for step, index in enumerate(range(top + 1, bottom), start=1):
            passes[index] += [start + slope * step] * count
    room = []
    for members, through in zip(rows, passes, strict=True):
        through.sort()
        ends = [bisect.bisect_left(through, x[vertex]) for vertex in members]
        room.append([_gap(b - a) for a, b in itertools.pairwise(ends)])
    return room


def _gap(count: int) -> float:
    """Free space between two boxes for ``count`` routes passing between them."""
    if not count:
        return LINE_GAP
    return max(LINE_GAP, 2 * LINE_CLEAR + (count - 1) * LINE_STEP)
