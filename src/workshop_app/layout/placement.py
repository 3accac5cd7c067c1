"""Turn ordered layers into coordinates.

A layer wider than ``per_row`` nodes is wrapped into rows column by column:
the first nodes of the order fill the first column from top to bottom, the
next ones the second column, and so on. A node's x then still follows its
place in the order that crossing reduction chose, so wrapping does not undo
that work (wrapping row by row would scatter neighbours across the width).

Columns are then shifted towards the mean x of their neighbours, keeping
their order and their spacing: the best such placement (least squares) is an
isotonic regression, solved by pooling adjacent violators in linear time.
"""

from __future__ import annotations

import math

from workshop_app.layout.geometry import H_GAP, LAYER_GAP, NODE_HEIGHT, NODE_WIDTH, V_GAP
from workshop_app.layout.layers import LayeredGraph

__all__ = ["place_layers"]

#: Rounds of aligning columns with their neighbours, each one down and one up.
ALIGN_ROUNDS = 1

_COLUMN_STEP = NODE_WIDTH + H_GAP
_ROW_STEP = NODE_HEIGHT + V_GAP


def place_layers(
    graph: LayeredGraph, layers: list[list[int]], per_row: int
) -> list[tuple[float, float]]:
    """Return the centre of every node, indexed like ``graph.ids``.

    The drawing's left edge is at x = 0 and its top edge at y = 0.
    """
    columns = [_wrap(layer, per_row) for layer in layers]
    x = [0.0] * len(graph.ids)
    column_x = []
    for cols in columns:
        start = -(len(cols) - 1) / 2 * _COLUMN_STEP
        column_x.append([start + c * _COLUMN_STEP for c in range(len(cols))])
        _store(cols, column_x[-1], x)
    sweep = [*range(len(columns)), *reversed(range(len(columns)))]
    for _ in range(ALIGN_ROUNDS):
        for index in sweep:
            _align(columns[index], column_x[index], graph.neighbours, x)
    left = min(x, default=0.0) - NODE_WIDTH / 2
    y = _rows(columns, len(graph.ids))
    return [(x[node] - left, y[node]) for node in range(len(graph.ids))]


def _wrap(layer: list[int], per_row: int) -> list[list[int]]:
    rows = max(1, math.ceil(len(layer) / per_row))
    return [layer[start : start + rows] for start in range(0, len(layer), rows)]


def _store(cols: list[list[int]], xs: list[float], x: list[float]) -> None:
    for col, col_x in zip(cols, xs, strict=True):
        for node in col:
            x[node] = col_x


def _align(
    cols: list[list[int]],
    xs: list[float],
    neighbours: list[list[int]] | tuple[tuple[int, ...], ...],
    x: list[float],
) -> None:
    """Move the columns of one layer towards their neighbours, in order."""
    desired, weights = [], []
    for col, current in zip(cols, xs, strict=True):
        total, count = 0.0, 0
        for node in col:
            pulls = neighbours[node]
            total += sum(map(x.__getitem__, pulls))
            count += len(pulls)
        desired.append(total / count if count else current)
        weights.append(count or 1)
    xs[:] = _spread(desired, weights, _COLUMN_STEP)
    _store(cols, xs, x)


def _spread(desired: list[float], weights: list[int], step: float) -> list[float]:
    """Least-squares positions, in the given order, at least ``step`` apart.

    ``step`` must be a whole number; the positions are whole numbers too.

    Examples
    --------
    >>> _spread([0.0, 0.0, 10.0], [1, 1, 1], 4.0)
    [-2.0, 2.0, 10.0]
    """
    blocks: list[tuple[float, int, int]] = []  # (value, weight, how many columns)
    for index, (wanted, weight) in enumerate(zip(desired, weights, strict=True)):
        value, total, size = wanted - index * step, weight, 1
        while blocks and blocks[-1][0] > value:
            previous, previous_total, previous_size = blocks.pop()
            value = (previous * previous_total + value * total) / (previous_total + total)
            total += previous_total
            size += previous_size
        blocks.append((value, total, size))
    # Whole numbers keep neighbours exactly ``step`` apart, where float noise
    # could bring them a hair too close; rounding keeps the blocks in order.
    spread = [float(round(value)) for value, _, size in blocks for _ in range(size)]
    return [value + index * step for index, value in enumerate(spread)]


def _rows(columns: list[list[list[int]]], size: int) -> list[float]:
    y = [0.0] * size
    top = 0.0
    for cols in columns:
        for col in cols:
            for row, node in enumerate(col):
                y[node] = top + NODE_HEIGHT / 2 + row * _ROW_STEP
        rows = max((len(col) for col in cols), default=0)
        top += rows * _ROW_STEP - V_GAP + LAYER_GAP
    return y
