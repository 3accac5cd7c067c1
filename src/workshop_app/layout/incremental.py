"""Place new nodes into free space near the nodes they connect to.

Nodes with a position keep it. When at most half of the nodes are new, each
new node aims at the mean of its placed neighbours, shifted one row per
layer between them (so a new responsibility lands above the role that owns
it and below the priority it serves), and takes the nearest free place in
the rows that already hold nodes of its layer, so the layers stay apart; a
row change costs like a move sideways, and a full row is extended at its
end. New nodes are placed outward from the placed ones, breadth first, so a
group of new nodes grows from where it attaches to the map; a group that
attaches nowhere starts to the right of the map, at the height of its layer.

When most nodes are new (a map imported with a few positions), placing them
one by one would sprawl; they are laid out in layers of their own instead,
as one block to the right of the placed nodes.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict

from workshop_app.layout.geometry import H_GAP, NODE_HEIGHT, NODE_WIDTH, V_GAP
from workshop_app.layout.layered import layered_layout
from workshop_app.layout.layers import LayeredGraph

__all__ = ["place_beside", "place_new_nodes"]

_CLEAR_X = NODE_WIDTH + H_GAP  # centres closer than this in x and in y: boxes too close
_CLEAR_Y = NODE_HEIGHT + V_GAP


class _Occupancy:
    """Boxes placed so far, hashed by cell for constant-time collision checks."""

    def __init__(self) -> None:
        self._cells: defaultdict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
        self.right = -math.inf  # the largest x of any box
        self.left = math.inf  # the smallest

    def add(self, x: float, y: float) -> None:
        self._cells[math.floor(x / _CLEAR_X), math.floor(y / _CLEAR_Y)].append((x, y))
        self.right = max(self.right, x)
        self.left = min(self.left, x)

    def blocker(self, x: float, y: float, direction: int) -> float | None:
        """The x of the box too close to ``(x, y)`` furthest towards ``direction`` (±1)."""
        cx, cy = math.floor(x / _CLEAR_X), math.floor(y / _CLEAR_Y)
        cells = self._cells
        found = None
        for key in (
            (cx - 1, cy - 1), (cx, cy - 1), (cx + 1, cy - 1),
            (cx - 1, cy), (cx, cy), (cx + 1, cy),
            (cx - 1, cy + 1), (cx, cy + 1), (cx + 1, cy + 1),
        ):  # fmt: skip
            for ox, oy in cells.get(key, ()):
                if (
                    abs(x - ox) < _CLEAR_X
                    and abs(y - oy) < _CLEAR_Y
                    and (found is None or (ox - found) * direction > 0)
                ):
                    found = ox
        return found

    def free_spot(self, x: float, rows: list[float]) -> tuple[float, float]:
        """The free place nearest to ``x`` in ``rows`` (nearest row first).

        Moving to another row costs like moving a box sideways. In each row
        the search jumps over the boxes in the way to the right and to the
        left, so it finds the exact gap a single box fits in, at one check
        per box passed.
        """
        # Whole numbers: boxes exactly one gap apart are not brought closer by float noise.
        x = float(round(x))
        best, fewest = (x, rows[0]), math.inf
        for row_y in rows:
            row_cost = (2 * (row_y - rows[0])) ** 2
            if row_cost >= fewest:
                break
            for end in self._row_ends(x, row_y):
                if (x - end) ** 2 + row_cost < fewest:
                    best, fewest = (end, row_y), (x - end) ** 2 + row_cost
        return best

    def _row_ends(self, x: float, y: float) -> tuple[float, float]:
        """The nearest free x to the right and to the left, or beyond the map's edges."""
        ends = []
        for direction, edge in ((1, self.right), (-1, self.left)):
            end = x
            for _ in range(_JUMPS):
                found = self.blocker(end, y, direction)
                if found is None:
                    break
                end = _beyond(found, direction)
            else:
                end = _beyond(edge, direction)
            ends.append(end)
        return ends[0], ends[1]


def _beyond(x: float, direction: int) -> float:
    """The nearest whole-number x clear of a box at ``x``, on the side of ``direction``."""
    return float(math.ceil(x + _CLEAR_X) if direction > 0 else math.floor(x - _CLEAR_X))


#: How many rows up or down a new node may move from where it aims.
_REACH = 3
#: How many boxes the search passes in a row before it settles for the map's edge.
_JUMPS = 8


class _LayerRows:
    """The y of every row holding nodes of each layer, to line new nodes up with them."""

    def __init__(self, graph: LayeredGraph, fixed: dict[int, tuple[float, float]]) -> None:
        ys: defaultdict[int, set[float]] = defaultdict(set)
        for node, (_, y) in fixed.items():
            ys[graph.layer[node]].add(y)
        self._rows = {layer: sorted(values) for layer, values in ys.items()}

    def add(self, layer: int, y: float) -> None:
        rows = self._rows.setdefault(layer, [])
        index = bisect.bisect_left(rows, y)
        if index == len(rows) or rows[index] != y:
            rows.insert(index, y)

    def near(self, layer: int, y: float) -> list[float]:
        """The layer's rows within reach of ``y``, or its nearest one; nearest first."""
        rows = self._rows.get(layer)
        if not rows:
            return []
        low = bisect.bisect_left(rows, y - _REACH * _CLEAR_Y)
        high = bisect.bisect_right(rows, y + _REACH * _CLEAR_Y)
        close = rows[low:high] or rows[max(0, low - 1) : low + 1]
        return sorted(close, key=lambda row: (abs(row - y), row))

    def middle(self, layer: int) -> float:
        """The layer's middle row, or a row per layer away from the nearest layer with rows.

        There is always one: this is only asked once some nodes are placed.
        """
        nearest = min(self._rows, key=lambda other: (abs(other - layer), other))
        rows = self._rows[nearest]
        return rows[len(rows) // 2] + (layer - nearest) * _CLEAR_Y


def place_new_nodes(
    graph: LayeredGraph,
    fixed: dict[int, tuple[float, float]],
    sizes: list[tuple[float, float]],
) -> list[tuple[float, float]]:
    """Return the centre of every node: ``fixed`` ones unchanged, the others placed."""
    positions: dict[int, tuple[float, float]] = {}
    occupancy, rows = _Occupancy(), _LayerRows(graph, fixed)
    for node, (x, y) in fixed.items():
        positions[node] = (x, y)
        occupancy.add(x, y)
    start_x = occupancy.right + _CLEAR_X
    new = sorted(set(range(len(graph.ids))) - fixed.keys(), key=lambda n: (graph.layer[n], n))
    seeds = iter(new)
    frontier = [n for n in new if any(m in positions for m in graph.neighbours[n])]
    while len(positions) < len(graph.ids):
        if not frontier:
            frontier = [next(n for n in seeds if n not in positions)]
        reached: set[int] = set()
        for node in frontier:
            if node not in positions:
                layer = graph.layer[node]
                x, y = _aim(graph, node, positions) or (start_x, rows.middle(layer))
                candidates = rows.near(layer, y) or [float(round(y))]
                x, y = positions[node] = occupancy.free_spot(x, candidates)
                occupancy.add(x, y)
                rows.add(layer, y)
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
            total_y += placed[1] + (graph.layer[node] - graph.layer[other]) * _CLEAR_Y
            count += 1
    return (total_x / count, total_y / count) if count else None


def place_beside(
    graph: LayeredGraph,
    fixed: dict[int, tuple[float, float]],
    sizes: list[tuple[float, float]],
    max_per_row: int | None = None,
) -> list[tuple[float, float]]:
    """Lay out the nodes not in ``fixed`` as a block to the right of those in it."""
    new = [node for node in range(len(graph.ids)) if node not in fixed]
    block = graph.subgraph(new)
    centres = layered_layout(block, [sizes[node] for node in new], max_per_row)
    left = math.ceil(max(x for x, _ in fixed.values()) + NODE_WIDTH / 2 + H_GAP)
    top = min(y for _, y in fixed.values()) - NODE_HEIGHT / 2
    positions = dict(fixed)
    for node, (x, y) in zip(new, centres, strict=True):
        positions[node] = (left + x, top + y)
    return [positions[node] for node in range(len(graph.ids))]
