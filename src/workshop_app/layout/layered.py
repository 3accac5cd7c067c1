"""The layered layout: layers wrapped into rows, few crossings, coordinates."""

from __future__ import annotations

import math

from workshop_app.layout import passes
from workshop_app.layout.geometry import H_GAP
from workshop_app.layout.layers import LayeredGraph
from workshop_app.layout.ordering import order_rows
from workshop_app.layout.placement import DUMMY_STEP, place_rows
from workshop_app.layout.proper import ProperGraph, proper_graph
from workshop_app.layout.straight import LINE_STEP, straight_layout
from workshop_app.layout.wrapping import (
    ASPECT,
    WIDE_ASPECT,
    drawn_height,
    row_widths,
    wrap_layers,
)

__all__ = ["layered_layout"]


def layered_layout(
    graph: LayeredGraph, sizes: list[tuple[float, float]], max_per_row: int | None = None
) -> list[tuple[float, float]]:
    """Centres of all nodes of ``graph`` in layers, with few crossings; left and top at 0."""
    widths = [width for width, _ in sizes]
    heights = [height for _, height in sizes]
    if max_per_row is None:
        proper = _wrap_with_room(graph, widths, heights)
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
    if proper.vertex_count > passes.LARGE:
        return straight_layout(proper, widths, heights, row_layer)
    rows = order_rows(proper)
    return place_rows(proper, rows, widths, heights, row_layer)


#: How many of the most promising row widths are tried, and rounds of
#: narrowing the best when the routes passing its rows widen it; fewer for a
#: map of more than ``_LARGE`` nodes.
_TRIES, _NARROWING, _LARGE = 12, 3, 300


def _wrap_with_room(graph: LayeredGraph, widths: list[float], heights: list[float]) -> ProperGraph:
    """Rows wrapped so that the drawing, routes passing the rows included, shows largest.

    The routes between rows far apart pass the rows in between and widen
    them. So the best few widths of :func:`row_widths` (an estimate without
    those routes) are tried with the routes counted, and the best of them
    narrowed while the routes make its rows much wider than it; the one
    whose drawing fills a screen of ``ASPECT`` best wins (``WIDE_ASPECT`` for
    a map of more than ``_LARGE`` nodes, read in parts anyway).
    """
    small = len(widths) <= _LARGE
    tries, rounds = (_TRIES, _NARROWING) if small else (3, 2)
    aspect = ASPECT if small else WIDE_ASPECT
    # A large map's routes mostly run as straight lines, which need more room (``straight``).
    step = DUMMY_STEP if small else LINE_STEP

    def attempt(width: float) -> tuple[float, float, list[int], int]:
        row, row_count = wrap_layers(graph.layer, graph.neighbours, widths, width, graph.tier)
        across = max(_drawn_widths(graph, row, row_count, widths, step))
        tall = drawn_height(row, row_count, graph.layer, heights)
        return max(across, aspect * tall), across, row, row_count

    candidates = row_widths(graph.layer, widths, heights, aspect)[:tries]
    tried = [(*attempt(width), width) for width in candidates]
    score, across, row, row_count, width = min(tried, key=lambda entry: entry[0])
    narrowest = max(widths) + H_GAP
    for _ in range(rounds):
        if across <= 1.25 * width or width <= narrowest:
            break
        width = max(narrowest, width * math.sqrt(width / across))
        narrower, across, narrow_row, narrow_count = attempt(width)
        if narrower >= score:
            break
        score, row, row_count = narrower, narrow_row, narrow_count
    return proper_graph(graph, row, row_count)


def _drawn_widths(
    graph: LayeredGraph, row: list[int], row_count: int, widths: list[float], step: float
) -> list[float]:
    """The width of each row: its boxes, and ``step`` for every pair of nodes passing it."""
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
        drawn[index] += routes * step
    return drawn
