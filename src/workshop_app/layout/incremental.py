"""Place new nodes into free space near the nodes they connect to.

Nodes with a position keep it. Each new node aims at the mean of its placed
neighbours, shifted one row per layer between them (so a new responsibility
lands above the role that owns it and below the priority it serves), and
takes the nearest free slot around that point, preferring to stay in the
row. New nodes are placed outward from the placed ones, breadth first, so a
group of new nodes grows from where it attaches to the map; a group that
attaches nowhere starts to the right of the map, at the height of its layer.
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import cache

from workshop_app.layout.geometry import H_GAP, NODE_HEIGHT, NODE_WIDTH, V_GAP
from workshop_app.layout.layers import LayeredGraph

__all__ = ["place_new_nodes"]

_CLEAR_X = NODE_WIDTH + H_GAP  # centres closer than this in x and in y: boxes too close
_CLEAR_Y = NODE_HEIGHT + V_GAP
_SLOT_X = _CLEAR_X / 2  # half steps sideways fit between boxes placed by hand
_SLOT_Y = _CLEAR_Y
#: How many slots to try in each direction before falling back to the map's right edge.
SEARCH_RADIUS = 8


class _Occupancy:
    """Boxes placed so far, hashed by cell for constant-time collision checks."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
        self.right = -math.inf

    def add(self, x: float, y: float) -> None:
        self._cells[math.floor(x / _CLEAR_X), math.floor(y / _CLEAR_Y)].append((x, y))
        self.right = max(self.right, x)

    def is_free(self, x: float, y: float) -> bool:
        cx, cy = math.floor(x / _CLEAR_X), math.floor(y / _CLEAR_Y)
        return not any(
            abs(x - ox) < _CLEAR_X and abs(y - oy) < _CLEAR_Y
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for ox, oy in self._cells.get((cx + dx, cy + dy), ())
        )

    def free_spot(self, x: float, y: float) -> tuple[float, float]:
        for i, j in _offsets():
            spot = (x + i * _SLOT_X, y + j * _SLOT_Y)
            if self.is_free(*spot):
                return spot
        return self.right + _CLEAR_X, y


@cache
def _offsets() -> tuple[tuple[int, int], ...]:
    """Slots around a point, nearest first; a row change costs like a box sideways."""
    span = range(-SEARCH_RADIUS, SEARCH_RADIUS + 1)
    return tuple(
        sorted(
            ((i, j) for i in span for j in span),
            key=lambda ij: ((ij[0] * _SLOT_X) ** 2 + (2 * ij[1] * _SLOT_Y) ** 2, ij[1], ij[0]),
        )
    )


def place_new_nodes(
    graph: LayeredGraph, fixed: dict[int, tuple[float, float]]
) -> list[tuple[float, float]]:
    """Return the centre of every node: ``fixed`` ones unchanged, the others placed."""
    positions: dict[int, tuple[float, float]] = {}
    occupancy = _Occupancy()
    layer_y: dict[int, list[float]] = defaultdict(lambda: [0.0, 0])  # sum and count of y

    def put(node: int, x: float, y: float) -> None:
        positions[node] = (x, y)
        occupancy.add(x, y)
        layer_y[graph.layer[node]][0] += y
        layer_y[graph.layer[node]][1] += 1

    for node, (x, y) in fixed.items():
        put(node, x, y)
    start_x = occupancy.right + _CLEAR_X if fixed else 0.0
    new = sorted(set(range(len(graph.ids))) - fixed.keys(), key=lambda n: (graph.layer[n], n))
    seeds = iter(new)
    frontier = [n for n in new if any(m in positions for m in graph.neighbours[n])]
    while len(positions) < len(graph.ids):
        if not frontier:
            frontier = [next(n for n in seeds if n not in positions)]
        reached: set[int] = set()
        for node in frontier:
            if node not in positions:
                aim = _aim(graph, node, positions)
                put(node, *occupancy.free_spot(*aim or (start_x, _height(graph, node, layer_y))))
                reached.update(n for n in graph.neighbours[node] if n not in positions)
        frontier = sorted(reached, key=lambda n: (graph.layer[n], n))
    return [positions[node] for node in range(len(graph.ids))]


def _aim(
    graph: LayeredGraph, node: int, positions: dict[int, tuple[float, float]]
) -> tuple[float, float] | None:
    """Mean of the placed neighbours, one row down per layer the node lies below them."""
    total_x = total_y = 0.0
    count = 0
    for other in graph.neighbours[node]:
        placed = positions.get(other)
        if placed is not None:
            total_x += placed[0]
            total_y += placed[1] + (graph.layer[node] - graph.layer[other]) * _SLOT_Y
            count += 1
    return (total_x / count, total_y / count) if count else None


def _height(graph: LayeredGraph, node: int, layer_y: dict[int, list[float]]) -> float:
    """The mean y of the node's layer, or a row per layer below the nearest placed one."""
    layer = graph.layer[node]
    known = [other for other, (_, count) in layer_y.items() if count]
    if not known:
        return NODE_HEIGHT / 2 + layer * _SLOT_Y
    nearest = min(known, key=lambda other: (abs(other - layer), other))
    total, count = layer_y[nearest]
    return total / count + (layer - nearest) * _SLOT_Y
