"""Which row of the drawing each node goes into.

Each layer (priorities, guardrails, responsibilities, roles by escalation
depth) is one row when it fits the drawing's width, else it wraps into
several. The width is chosen so that the whole map is about as wide as a
projector screen is (``ASPECT``), which keeps the labels of a workshop-sized
map large at "Fit map". Nodes of a wrapped layer that mostly connect upward
go into its upper rows, those that connect downward into its lower ones, so
edges stay short.

Examples
--------
>>> rows, count = wrap_layers([0, 0, 0, 1], [[3], [3], [3], [0, 1, 2]], [100.0] * 4, 250.0)
>>> count, rows
(3, [0, 0, 1, 2])
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from workshop_app.layout.geometry import H_GAP, LAYER_GAP, V_GAP

__all__ = ["ASPECT", "row_width", "wrap_layers"]

#: Width to height the drawing aims at: a 16:9 screen less the docks beside the map.
ASPECT = 1.6
#: A layer wraps only when it has room for this many of its widest nodes a row.
MIN_PER_ROW = 4


def row_width(
    layer: Sequence[int],
    widths: Sequence[float],
    heights: Sequence[float],
    aspect: float = ASPECT,
) -> float:
    """The row width that brings the drawing closest to ``aspect``.

    Tries every width at which some layer needs one more row and keeps the
    one whose estimated drawing is nearest to the aspect (in log scale).
    """
    layers: dict[int, list[int]] = {}
    for node, value in enumerate(layer):
        layers.setdefault(value, []).append(node)
    totals = {value: sum(widths[n] + H_GAP for n in nodes) for value, nodes in layers.items()}
    tallest = {value: max(heights[n] for n in nodes) for value, nodes in layers.items()}
    widest = max(widths) + H_GAP
    least = min(max(totals.values()), MIN_PER_ROW * widest)
    candidates = {max(least, total / rows) for total in totals.values() for rows in range(1, 64)}
    best, best_score = max(totals.values()), math.inf
    for width in sorted(candidates):
        rows = {value: math.ceil(total / width - 1e-9) for value, total in totals.items()}
        height = sum(rows[v] * (tallest[v] + V_GAP) - V_GAP for v in layers)
        height += (len(layers) - 1) * LAYER_GAP
        drawn = max(min(width, total) for total in totals.values())
        score = abs(math.log(drawn / max(height, 1.0) / aspect))
        if score < best_score - 1e-9:
            best, best_score = width, score
    return best


def wrap_layers(
    layer: Sequence[int],
    neighbours: Sequence[Sequence[int]],
    widths: Sequence[float],
    width: float,
    tier: Sequence[float] = (),
) -> tuple[list[int], int]:
    """Split every layer into rows no wider than ``width``; each node's row and the row count.

    Rows are numbered top to bottom over all layers. Ranked priorities
    (``tier``) fill the rows in rank order.
    """
    layers: dict[int, list[int]] = {}
    for node, value in enumerate(layer):
        layers.setdefault(value, []).append(node)
    row = [0] * len(layer)
    first = 0
    for value in sorted(layers):
        nodes = layers[value]
        total = sum(widths[n] + H_GAP for n in nodes)
        count = max(1, math.ceil(total / width - 1e-9))
        if count == 1:
            for node in nodes:
                row[node] = first
            first += 1
            continue
        nodes.sort(key=lambda n: (tier[n] if tier else 0.0, -_upwardness(n, layer, neighbours), n))
        budget, filled, current = total / count, 0.0, 0
        for node in nodes:
            if filled >= budget * (current + 1) - 1e-9 and current < count - 1:
                current += 1
            row[node] = first + current
            filled += widths[node] + H_GAP
        first += count
    return row, first


def _upwardness(node: int, layer: Sequence[int], neighbours: Sequence[Sequence[int]]) -> float:
    """From -1 (all edges go down) to 1 (all go up)."""
    here = layer[node]
    up = sum(1 for other in neighbours[node] if layer[other] < here)
    down = sum(1 for other in neighbours[node] if layer[other] > here)
    return (up - down) / max(1, up + down)
