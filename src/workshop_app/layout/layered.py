"""The layered layout: layers wrapped into rows, few crossings, coordinates."""

from __future__ import annotations

import math

from workshop_app.layout.geometry import H_GAP
from workshop_app.layout.layers import LayeredGraph
from workshop_app.layout.ordering import order_rows
from workshop_app.layout.placement import DUMMY_STEP, place_rows
from workshop_app.layout.proper import ProperGraph, proper_graph
from workshop_app.layout.wrapping import row_width, wrap_layers

__all__ = ["layered_layout"]


def layered_layout(
    graph: LayeredGraph, sizes: list[tuple[float, float]], max_per_row: int | None = None
) -> list[tuple[float, float]]:
    """Centres of all nodes of ``graph`` in layers, with few crossings; left and top at 0."""
    widths = [width for width, _ in sizes]
    heights = [height for _, height in sizes]
    if max_per_row is None:
        width = row_width(graph.layer, widths, heights)
        proper = _wrap_with_room(graph, widths, width)
    else:
        # Each node counted as wide as the widest: at most max_per_row a row.
        widest = [max(widths)] * len(widths)
        row, row_count = wrap_layers(
            graph.layer, graph.neighbours, widest, max_per_row * (widest[0] + H_GAP)
        )
        proper = proper_graph(graph, row, row_count)
    row_layer = [0] * proper.row_count
    for node in range(proper.size):
        row_layer[proper.row[node]] = graph.layer[node]
    rows = order_rows(proper)
    return place_rows(proper, rows, [w for w, _ in sizes], heights, row_layer)


#: Rounds of narrowing the rows when the routes passing them widen the drawing.
_NARROWING = 2


def _wrap_with_room(graph: LayeredGraph, widths: list[float], width: float) -> ProperGraph:
    """Rows no wider than ``width`` once the routes passing them have their room too.

    The routes between rows far apart pass the rows in between and widen
    them; the rows are wrapped narrower until the widest, routes included,
    is within a quarter of ``width``.
    """
    target = width
    for _ in range(_NARROWING):
        row, row_count = wrap_layers(graph.layer, graph.neighbours, widths, width, graph.tier)
        widest = max(_drawn_widths(graph, row, row_count, widths))
        if widest <= 1.25 * target:
            break
        width = max(max(widths) + H_GAP, width * math.sqrt(target / widest))
    return proper_graph(graph, row, row_count)


def _drawn_widths(
    graph: LayeredGraph, row: list[int], row_count: int, widths: list[float]
) -> list[float]:
    """The width of each row: its boxes, and a route's room for every pair of nodes passing it."""
    drawn = [0.0] * row_count
    for node, value in enumerate(row):
        drawn[value] += widths[node] + H_GAP
    # Routes starting to pass at a row (+1) and no longer passing it (-1).
    passing = [0] * (row_count + 1)
    for node, others in enumerate(graph.neighbours):
        for other in set(others):
            high, low = sorted((row[node], row[other]))
            if other > node and low - high > 1:
                passing[high + 1] += 1
                passing[low] -= 1
    routes = 0
    for index in range(row_count):
        routes += passing[index]
        drawn[index] += routes * DUMMY_STEP
    return drawn
