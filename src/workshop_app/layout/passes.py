"""Where routes pass the rows between their ends: few crossings, boxes untouched.

An edge between rows that are not neighbours passes every row in between,
through a gap between that row's boxes. Which gap, and in which order with
the other edges there, decides how often routes cross. The boxes' rows are
read off the drawing and ordered exactly as the layered layout orders them
(``ordering.order_rows`` on the same proper graph, so a map that
``auto_layout`` arranged is routed just as its layout intended). Where the
nodes of a row stand in that order, every pass takes its place from it;
where someone moved nodes out of it, the passes of that map start where the
straight line between an edge's ends meets each row instead. Within a gap
the passes are spread evenly, clear of its boxes.

Relations of several kinds between one pair of nodes share a chain of
passes, side by side: they never cross each other.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence

from workshop_app.layout.geometry import NodeBox
from workshop_app.layout.layers import LayeredGraph
from workshop_app.layout.ordering import order_rows
from workshop_app.layout.proper import ProperGraph, proper_graph
from workshop_app.layout.rows import Row

__all__ = ["LARGE", "SPACING", "place_passes"]

#: Distance between routes side by side in a narrow gap, and from the gap's boxes (the
#: layout leaves them this much room: ``placement.DUMMY_STEP``).
SPACING = 4.5
#: ... and at most, in a gap wider than its routes need.
WIDEST = 12.0
#: Above this many vertices (nodes and passes), the straight-line order is kept.
LARGE = 40000

Pair = tuple[str, str]


def place_passes(
    boxes: Mapping[str, NodeBox], rows: Sequence[Row], graph: LayeredGraph
) -> dict[Pair, list[list[float]]]:
    """For each (upper, lower) pair of nodes more than a row apart: for each of its
    relations, side by side, the x where it passes each row between them, top to bottom."""
    row_of = {node: row.index for row in rows for node in row.members}
    proper = proper_graph(graph, [row_of[node] for node in graph.ids], len(rows))
    order = None
    if proper.vertex_count <= LARGE:
        order = order_rows(proper)
        if not _fits(order, proper, boxes, graph):
            order = None
    if order is None:
        order = _straight(proper, boxes, graph)
    first, side_by_side = _spread(order, proper, rows)
    ids = graph.ids
    passes = {}
    for (high, low), (chain, count) in proper.chains.items():
        if count == 1:
            passes[ids[high], ids[low]] = [[first[dummy] for dummy in chain]]
        else:
            passes[ids[high], ids[low]] = [
                [side_by_side[dummy][number] for dummy in chain] for number in range(count)
            ]
    return passes


def _fits(
    order: list[list[int]], proper: ProperGraph, boxes: Mapping[str, NodeBox], graph: LayeredGraph
) -> bool:
    """Whether the nodes of every row stand left to right as in ``order``."""
    size = proper.size
    for members in order:
        xs = [boxes[graph.ids[v]].x for v in members if v < size]
        if any(a > b for a, b in itertools.pairwise(xs)):
            return False
    return True


def _straight(
    proper: ProperGraph, boxes: Mapping[str, NodeBox], graph: LayeredGraph
) -> list[list[int]]:
    """Each row ordered by x, passes where the straight line between their ends meets it."""
    x = [0.0] * proper.vertex_count
    for vertex in range(proper.size):
        x[vertex] = boxes[graph.ids[vertex]].x
    for (high, low), (chain, _) in proper.chains.items():
        upper, lower = boxes[graph.ids[high]], boxes[graph.ids[low]]
        steps = len(chain) + 1
        for number, dummy in enumerate(chain, start=1):
            x[dummy] = upper.x + (lower.x - upper.x) * number / steps
    order: list[list[int]] = [[] for _ in range(proper.row_count)]
    for vertex in sorted(range(proper.vertex_count), key=lambda v: (x[v], v >= proper.size, v)):
        order[proper.row[vertex]].append(vertex)
    return order


def _spread(
    order: list[list[int]], proper: ProperGraph, rows: Sequence[Row]
) -> tuple[list[float], dict[int, list[float]]]:
    """The x of every pass, evenly across the gap between its row's nodes: of each
    dummy's first relation, and of all relations of the dummies that carry several."""
    width = [1] * proper.vertex_count
    for chain, count in proper.chains.values():
        if count > 1:
            for dummy in chain:
                width[dummy] = count
    first = [0.0] * proper.vertex_count
    side_by_side: dict[int, list[float]] = {}
    size = proper.size
    for members, row in zip(order, rows, strict=True):
        # The row's nodes cut it into gaps; the dummies between two nodes share a gap.
        cuts = [index for index, vertex in enumerate(members) if vertex < size]
        starts = [0, *(cut + 1 for cut in cuts)]
        ends = [*cuts, len(members)]
        for gap, (start, end) in enumerate(zip(starts, ends, strict=True)):
            if start == end:
                continue
            run = members[start:end]
            places = _slots(row.gaps[gap], sum(width[v] for v in run))
            at = 0
            for vertex in run:
                first[vertex] = places[at]
                if width[vertex] > 1:
                    side_by_side[vertex] = places[at : at + width[vertex]]
                at += width[vertex]
    return first, side_by_side


def _slots(gap: tuple[float, float], count: int) -> list[float]:
    """``count`` positions across ``gap``, left to right, kept clear of its boxes.

    >>> _slots((0.0, 40.0), 3)
    [10.0, 20.0, 30.0]
    >>> _slots((-math.inf, 100.0), 2)
    [91.0, 95.5]
    """
    low, high = gap
    if math.isinf(low) and math.isinf(high):
        return [SPACING * (i - (count - 1) / 2) for i in range(count)]
    if math.isinf(low):
        return [high - SPACING * (count - i) for i in range(count)]
    if math.isinf(high):
        return [low + SPACING * (i + 1) for i in range(count)]
    step = min(WIDEST, (high - low) / (count + 1))
    middle = (low + high) / 2
    return [middle + step * (i - (count - 1) / 2) for i in range(count)]
