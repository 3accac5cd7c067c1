"""Turn ordered rows into coordinates.

Every vertex of a row, nodes and the dummies where edges pass, moves
towards the mean x of its neighbours in the rows above and below, keeping
its order and its distance to the next one: the best such placement (least
squares) is an isotonic regression, solved by pooling adjacent violators in
linear time, row after row, down and up a few times. Dummies pull harder on
each other than nodes do, so an edge passing several rows runs straight and
leaves a gap between the boxes just where it passes. No row reaches out of
the extent of the widest (its least width): a row may shift only within it,
so the drawing is no wider than its rows need. Rows of one layer are closer
together than layers.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from workshop_app.layout.geometry import H_GAP, LAYER_GAP, V_GAP
from workshop_app.layout.passes import SPACING
from workshop_app.layout.proper import ProperGraph

__all__ = ["ALIGN_ROUNDS", "DUMMY_CLEAR", "DUMMY_STEP", "place_rows", "row_centres", "spread"]

#: Rounds of aligning rows with their neighbours, each one down and one up.
ALIGN_ROUNDS = 6
#: Distance between two routes passing a row side by side (as the routing spaces them).
DUMMY_STEP = SPACING
DUMMY_CLEAR = H_GAP / 2 + 2
#: How hard an edge pulls, by what it joins: node-node, node-dummy, dummy-dummy.
_PULL = (1.0, 2.0, 8.0)
#: How hard a vertex without neighbours holds on to where it is.
_HOLD = 0.05
_LARGE = 6000


def place_rows(
    proper: ProperGraph,
    rows: list[list[int]],
    widths: Sequence[float],
    heights: Sequence[float],
    row_layer: Sequence[int],
) -> list[tuple[float, float]]:
    """The centre of every node (not the dummies), left edge at x = 0, top at y = 0."""
    size = proper.size
    x = [0.0] * proper.vertex_count
    # Each vertex's least distance from the first of its row.
    offsets = [
        list(itertools.accumulate(_steps(members, widths, size), initial=0.0)) for members in rows
    ]
    for members, offset in zip(rows, offsets, strict=True):
        middle = offset[-1] / 2
        for vertex, at in zip(members, offset, strict=True):
            x[vertex] = at - middle
    bounds = _bounds(rows, offsets, widths, size)
    rounds = 2 if proper.vertex_count > _LARGE else ALIGN_ROUNDS
    order = [*range(len(rows)), *reversed(range(len(rows)))]
    pulls = [_pulls(members, proper) for members in rows]
    for _ in range(rounds):
        for index in order:
            _align(rows[index], offsets[index], pulls[index], x, bounds[index])
    left = min((x[v] - widths[v] / 2 for v in range(size)), default=0.0)
    y = row_centres(rows, heights, row_layer, size)
    return [(x[v] - left, y[proper.row[v]]) for v in range(size)]


def _bounds(
    rows: list[list[int]], offsets: list[list[float]], widths: Sequence[float], size: int
) -> list[tuple[float, float]]:
    """For each row, how far its first vertex may go left and right (``spread``'s ``bounds``)
    so that no row reaches out of the widest row's extent, centred on x = 0."""
    ends = []
    for members, offset in zip(rows, offsets, strict=True):
        first = widths[members[0]] / 2 if members[0] < size else 0.0
        last = widths[members[-1]] / 2 if members[-1] < size else 0.0
        ends.append((first, offset[-1] + last))
    half = max((first + reach for first, reach in ends), default=0.0) / 2
    return [(first - half, half - reach) for first, reach in ends]


def _steps(members: list[int], widths: Sequence[float], size: int) -> list[float]:
    """Least distance from each vertex of a row to the next."""
    steps = []
    for a, b in itertools.pairwise(members):
        real_a, real_b = a < size, b < size
        if real_a and real_b:
            steps.append((widths[a] + widths[b]) / 2 + H_GAP)
        elif real_a or real_b:
            steps.append((widths[a] if real_a else widths[b]) / 2 + DUMMY_CLEAR)
        else:
            steps.append(DUMMY_STEP)
    return steps


#: A row's pulls: for each, the index of the vertex pulled, the vertex pulling and how
#: hard; then each vertex's pulls summed.
_Pulls = tuple[list[int], list[int], list[float], list[float]]


def _pulls(members: list[int], proper: ProperGraph) -> _Pulls:
    """What pulls on each vertex of a row; one without neighbours holds on to where it is."""
    size, up, down = proper.size, proper.up, proper.down
    pulled: list[int] = []
    pulling: list[int] = []
    pulls: list[float] = []
    weights: list[float] = []
    for index, vertex in enumerate(members):
        weight = 0.0
        for other in (*up[vertex], *down[vertex]):
            pull = _PULL[(vertex >= size) + (other >= size)]
            pulled.append(index)
            pulling.append(other)
            pulls.append(pull)
            weight += pull
        if not weight:
            pulled.append(index)
            pulling.append(vertex)
            pulls.append(_HOLD)
            weight = _HOLD
        weights.append(weight)
    return pulled, pulling, pulls, weights


def _align(
    members: list[int],
    offsets: list[float],
    pulls: _Pulls,
    x: list[float],
    bounds: tuple[float, float],
) -> None:
    """Move one row's vertices towards their neighbours, in order, apart and within ``bounds``."""
    pulled, pulling, strength, weights = pulls
    totals = [0.0] * len(members)
    for index, other, pull in zip(pulled, pulling, strength, strict=True):
        totals[index] += pull * x[other]
    desired = [total / weight for total, weight in zip(totals, weights, strict=True)]
    for vertex, value in zip(members, spread(desired, weights, offsets, bounds), strict=True):
        x[vertex] = value


def spread(
    desired: list[float],
    weights: list[float],
    offsets: list[float],
    bounds: tuple[float, float] = (-math.inf, math.inf),
) -> list[float]:
    """Least-squares positions in the given order, the i-th at least ``offsets[i]`` after the
    first; the first no further left than ``bounds[0]``, the last no further right than
    ``bounds[1] + offsets[-1]``.

    Examples
    --------
    >>> spread([0.0, 0.0, 10.0], [1, 1, 1], [0.0, 4.0, 8.0])
    [-2.0, 2.0, 10.0]
    >>> spread([0.0, 0.0, 10.0], [1, 1, 1], [0.0, 4.0, 8.0], (-1.0, 1.0))
    [-1.0, 3.0, 9.0]
    """
    # Blocks of vertices that stand exactly their steps apart: value, weight, count.
    values: list[float] = []
    totals: list[float] = []
    counts: list[int] = []
    for wanted, weight, offset in zip(desired, weights, offsets, strict=True):
        value, total, count = wanted - offset, weight, 1
        while values and values[-1] > value:
            previous_total = totals.pop()
            value = (values.pop() * previous_total + value * total) / (previous_total + total)
            total += previous_total
            count += counts.pop()
        values.append(value)
        totals.append(total)
        counts.append(count)
    # Halves keep neighbours exactly a step apart, where float noise could bring them closer.
    # Clamping the blocks is the least-squares answer within the bounds too.
    low, high = bounds
    placed: list[float] = []
    for value, count in zip(values, counts, strict=True):
        placed += [min(high, max(low, round(value * 2) / 2))] * count
    return [value + offset for value, offset in zip(placed, offsets, strict=True)]


def row_centres(
    rows: list[list[int]], heights: Sequence[float], row_layer: Sequence[int], size: int
) -> list[float]:
    """The y of each row's centre: rows of one layer ``V_GAP`` apart, layers ``LAYER_GAP``."""
    centres = []
    top = 0.0
    for index, members in enumerate(rows):
        if index:
            top += LAYER_GAP if row_layer[index] != row_layer[index - 1] else V_GAP
        tallest = max((heights[v] for v in members if v < size), default=0.0)
        centres.append(top + tallest / 2)
        top += tallest
    return centres
