"""The drawing's rows as a proper layered graph: every edge joins neighbouring rows.

An edge that skips rows gets a dummy vertex in every row it passes, so
crossings can be counted exactly, pair of rows by pair of rows. Relations of
several kinds between one pair of nodes share one chain of dummies (they are
drawn side by side), and count as often as they are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from workshop_app.layout.layers import LayeredGraph

__all__ = ["ProperGraph", "count_crossings", "proper_graph"]


@dataclass
class ProperGraph:
    """The drawing's rows with a dummy vertex wherever an edge passes a row.

    Vertices ``0 .. size - 1`` are the nodes (indexed like the layered
    graph), the rest dummies. ``up`` and ``down`` list each vertex's
    neighbours in the row above and below (one entry per edge). ``chains``
    gives, for each pair of nodes (upper, lower) more than a row apart, its
    dummies from top to bottom and how many relations run along them.
    """

    size: int
    row: list[int]
    up: list[list[int]]
    down: list[list[int]]
    tier: list[float]
    row_count: int
    chains: dict[tuple[int, int], tuple[list[int], int]]

    @property
    def vertex_count(self) -> int:
        return len(self.row)


def proper_graph(graph: LayeredGraph, row: list[int], row_count: int) -> ProperGraph:
    """Split every edge that skips rows into a chain through dummy vertices."""
    size = len(graph.ids)
    rows = list(row)
    up: list[list[int]] = [[] for _ in range(size)]
    down: list[list[int]] = [[] for _ in range(size)]
    tier = list(graph.tier)
    chains: dict[tuple[int, int], tuple[list[int], int]] = {}
    for node, others in enumerate(graph.neighbours):
        # Relations of several kinds between one pair share one chain: they run side by side.
        for other, count in Counter(others).items():
            if other <= node or row[other] == row[node]:
                continue
            high, low = (node, other) if row[node] < row[other] else (other, node)
            previous = high
            chain: list[int] = []
            for passed in range(rows[high] + 1, rows[low]):
                dummy = len(rows)
                rows.append(passed)
                up.append([previous] * count)
                down.append([])
                tier.append(0.0)
                down[previous].extend([dummy] * count)
                previous = dummy
                chain.append(dummy)
            down[previous].extend([low] * count)
            up[low].extend([previous] * count)
            if chain:
                chains[high, low] = (chain, count)
    return ProperGraph(size, rows, up, down, tier, row_count, chains)


def count_crossings(proper: ProperGraph, rows: list[list[int]]) -> int:
    """Pairs of edges between neighbouring rows whose ends are in opposite order."""
    place = [0] * proper.vertex_count
    for members in rows:
        for index, vertex in enumerate(members):
            place[vertex] = index
    total = 0
    for upper in rows[:-1]:
        pairs = sorted((place[u], place[v]) for u in upper for v in proper.down[u])
        total += _inversions([lower for _, lower in pairs])
    return total


def _inversions(values: list[int]) -> int:
    """Pairs in ``values`` that are out of order (Fenwick tree)."""
    width = max(values, default=0) + 1
    tree = [0] * (width + 1)
    count = 0
    for seen, value in enumerate(values):
        i = value + 1
        while i > 0:
            count -= tree[i]
            i &= i - 1
        count += seen
        i = value + 1
        while i <= width:
            tree[i] += 1
            i += i & -i
    return count
