"""The layered layout: layers wrapped into rows, few crossings, coordinates."""

from __future__ import annotations

from workshop_app.layout.geometry import H_GAP
from workshop_app.layout.layers import LayeredGraph
from workshop_app.layout.ordering import order_rows
from workshop_app.layout.proper import proper_graph
from workshop_app.layout.placement import place_rows
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
    else:
        width = max_per_row * (max(widths) + H_GAP)
        widths = [max(widths)] * len(widths)
    row, row_count = wrap_layers(graph.layer, graph.neighbours, widths, width)
    row_layer = [0] * row_count
    for node, value in enumerate(row):
        row_layer[value] = graph.layer[node]
    proper = proper_graph(graph, row, row_count)
    rows = order_rows(proper)
    return place_rows(proper, rows, [w for w, _ in sizes], heights, row_layer)
