"""Which row of the drawing each node goes into.

Each layer (priorities, guardrails, responsibilities, roles by escalation
depth) is one row when it fits the drawing's width, else it wraps into
several. The width is chosen so that the map fills the window's map area
(``ASPECT``, a 16:9 screen less the docks beside the map) as fully as it
can, which keeps the labels of a workshop-sized map large at "Fit map".
Nodes of a wrapped layer that mostly connect upward go into its upper rows,
those that connect downward into its lower ones, so edges stay short.

Examples
--------
>>> rows, count = wrap_layers([0] * 6 + [1], [[6]] * 6 + [[0, 1, 2, 3, 4, 5]], [100.0] * 7, 400.0)
>>> count, rows
(3, [0, 0, 0, 1, 1, 1, 2])
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from workshop_app.layout.geometry import H_GAP, LAYER_GAP, V_GAP

__all__ = ["ASPECT", "WIDE_ASPECT", "drawn_height", "row_widths", "wrap_layers"]

#: Width to height of the area the drawing aims at: the window's map between its
#: docks (about 1.1 at 1920x1080, 1.2 at 1280x720), a little wider for the page.
ASPECT = 1.2
#: The aspect of a map too large to read whole at "Fit map": a landscape page's,
#: which gives it fewer rows, so fewer routes pass them (and it is laid out faster).
WIDE_ASPECT = 1.6
#: A layer wraps only when it has room for this many of its widest nodes a row.
MIN_PER_ROW = 4
#: ... and only into rows of at least this many nodes (five priorities stay one row).
FEWEST_PER_ROW = 3


def row_widths(
    layer: Sequence[int],
    widths: Sequence[float],
    heights: Sequence[float],
    aspect: float = ASPECT,
) -> list[float]:
    """Row widths worth trying, the one that shows the drawing largest first.

    A drawing ``w`` wide and ``h`` tall shown in an area of ``aspect`` is
    as large as ``max(w, aspect * h)`` allows; each width at which some
    layer needs one more row is scored so, from an estimate without the
    routes that pass the rows (the layout counts those).
    """
    layers: dict[int, list[int]] = {}
    for node, value in enumerate(layer):
        layers.setdefault(value, []).append(node)
    totals = {value: sum(widths[n] + H_GAP for n in nodes) for value, nodes in layers.items()}
    tallest = {value: max(heights[n] for n in nodes) for value, nodes in layers.items()}
    widest = max(widths) + H_GAP
    least = min(max(totals.values()), MIN_PER_ROW * widest)
    candidates = {max(least, total / rows) for total in totals.values() for rows in range(1, 64)}
    scored: dict[tuple[int, ...], tuple[float, float]] = {}
    for width in sorted(candidates):
        rows = {
            value: _row_count(total, width, len(layers[value])) for value, total in totals.items()
        }
        height = sum(rows[v] * (tallest[v] + V_GAP) - V_GAP for v in layers)
        height += (len(layers) - 1) * LAYER_GAP
        drawn = max(min(width, total) for total in totals.values())
        key = tuple(rows[v] for v in sorted(layers))
        score = max(drawn, aspect * height)
        if key not in scored or score < scored[key][0]:
            scored[key] = (score, width)
    return [width for _, width in sorted(scored.values())]


def drawn_height(
    row: Sequence[int], row_count: int, layer: Sequence[int], heights: Sequence[float]
) -> float:
    """Height of ``row_count`` rows holding the nodes of ``layer`` as ``row`` wraps them."""
    tall = [0.0] * row_count
    row_layer = [0] * row_count
    for node, value in enumerate(row):
        tall[value] = max(tall[value], heights[node])
        row_layer[value] = layer[node]
    gaps = sum(
        LAYER_GAP if row_layer[index] != row_layer[index - 1] else V_GAP
        for index in range(1, row_count)
    )
    return sum(tall) + gaps


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
        count = _row_count(total, width, len(nodes))
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


def _row_count(total: float, width: float, nodes: int) -> int:
    """Rows for a layer ``total`` wide of ``nodes`` nodes: as many as ``width`` needs,
    but none of fewer than ``FEWEST_PER_ROW`` nodes."""
    return max(1, min(math.ceil(total / width - 1e-9), nodes // FEWEST_PER_ROW))


def _upwardness(node: int, layer: Sequence[int], neighbours: Sequence[Sequence[int]]) -> float:
    """From -1 (all edges go down) to 1 (all go up)."""
    here = layer[node]
    up = sum(1 for other in neighbours[node] if layer[other] < here)
    down = sum(1 for other in neighbours[node] if layer[other] > here)
    return (up - down) / max(1, up + down)
