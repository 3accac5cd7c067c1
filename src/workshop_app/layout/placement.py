"""Turn ordered rows into coordinates.

Every vertex of a row, nodes and the dummies where edges pass, moves
towards the mean x of its neighbours in the rows above and below, keeping
its order and its distance to the next one: the best such placement (least
squares) is an isotonic regression, solved by pooling adjacent violators in
linear time, row after row, down and up a few times. Dummies pull harder on
each other than nodes do, so an edge passing several rows runs straight and
leaves a gap between the boxes just where it passes. Rows of one layer are
closer together than layers.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from workshop_app.layout.geometry import H_GAP, LAYER_GAP, V_GAP
from workshop_app.layout.proper import ProperGraph

__all__ = ["ALIGN_ROUNDS", "place_rows"]

#: Rounds of aligning rows with their neighbours, each one down and one up.
ALIGN_ROUNDS = 6
#: Distance between two routes passing a row side by side, and from a route to a box.
DUMMY_STEP = 6.0
DUMMY_CLEAR = H_GAP / 2 + 2
#: How hard an edge pulls, by what it joins: node-node, node-dummy, dummy-dummy.
_PULL = (1.0, 2.0, 8.0)
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
    steps = [_steps(members, widths, size) for members in rows]
    for members, gaps in zip(rows, steps, strict=True):
        at = -sum(gaps) / 2
        for index, vertex in enumerate(members):
            x[vertex] = at
            if index < len(gaps):
                at += gaps[index]
    rounds = 2 if proper.vertex_count > _LARGE else ALIGN_ROUNDS
    order = [*range(len(rows)), *reversed(range(len(rows)))]
    for _ in range(rounds):
        for index in order:
            _align(rows[index], steps[index], proper, x)
    left = min((x[v] - widths[v] / 2 for v in range(size)), default=0.0)
    y = _row_centres(rows, heights, row_layer, size)
    return [(x[v] - left, y[proper.row[v]]) for v in range(size)]


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


def _align(members: list[int], steps: list[float], proper: ProperGraph, x: list[float]) -> None:
    """Move one row's vertices towards their neighbours, in order and apart."""
    size = proper.size
    desired, weights = [], []
    for vertex in members:
        total = weight = 0.0
        for neighbours in (proper.up[vertex], proper.down[vertex]):
            for other in neighbours:
                pull = _PULL[(vertex >= size) + (other >= size)]
                total += pull * x[other]
                weight += pull
        if weight:
            desired.append(total / weight)
            weights.append(weight)
        else:
            desired.append(x[vertex])
            weights.append(0.05)
    for vertex, value in zip(members, spread(desired, weights, steps), strict=True):
        x[vertex] = value


def spread(desired: list[float], weights: list[float], steps: list[float]) -> list[float]:
    """Least-squares positions, in the given order, each at least ``steps[i]`` after the last.

    Examples
    --------
    >>> spread([0.0, 0.0, 10.0], [1, 1, 1], [4.0, 4.0])
    [-2.0, 2.0, 10.0]
    """
    offsets = [0.0]
    for step in steps:
        offsets.append(offsets[-1] + step)
    blocks: list[list[float]] = []  # [value, weight, count]
    for wanted, weight, offset in zip(desired, weights, offsets, strict=True):
        value, total, count = wanted - offset, weight, 1
        while blocks and blocks[-1][0] > value:
            previous, previous_total, previous_count = blocks.pop()
            value = (previous * previous_total + value * total) / (previous_total + total)
            total += previous_total
            count += int(previous_count)
        blocks.append([value, total, count])
    # Halves keep neighbours exactly a step apart, where float noise could bring them closer.
    values = [round(value * 2) / 2 for value, _, count in blocks for _ in range(int(count))]
    return [value + offset for value, offset in zip(values, offsets, strict=True)]


def _row_centres(
    rows: list[list[int]], heights: Sequence[float], row_layer: Sequence[int], size: int
) -> list[float]:
    centres = []
    top = 0.0
    for index, members in enumerate(rows):
        if index:
            top += LAYER_GAP if row_layer[index] != row_layer[index - 1] else V_GAP
        tallest = max((heights[v] for v in members if v < size), default=0.0)
        centres.append(top + tallest / 2)
        top += tallest
    return centres
