"""The drawing's rows as a proper layered graph: every edge joins neighbouring rows.

An edge that skips rows gets a dummy vertex in every row it passes, so
crossings can be counted exactly, pair of rows by pair of rows. Relations of
several kinds between one pair of nodes share one chain of dummies (they are
drawn side by side), and count as often as they are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from workshop_app.layout.layers import LayeredGraph

__all__ = ["ProperGraph", "count_crossings", "proper_graph"]


@dataclass
class ProperGraph:
    """The drawing's rows with a dummy vertex wherever an edge passes a row.

    Vertices ``0 .. size - 1`` are the nodes (indexed like the layered
    graph), the rest dummies. ``links`` lists each pair of nodes in
    different rows (upper, lower), how many relations join them and the
    range of their dummies, top to bottom; ``chains`` gives, for each pair
    more than a row apart, its dummies from top to bottom and how many
    relations run along them. ``up`` and ``down`` (built when first asked
    for) list each vertex's neighbours in the row above and below (one entry
    per edge).
    """

    size: int
    row: list[int]
    tier: list[float]
    row_count: int
    links: list[tuple[int, int, int, int, int]]
    chains: dict[tuple[int, int], tuple[list[int], int]]

    @property
    def vertex_count(self) -> int:
        return len(self.row)

    @property
    def key(self) -> tuple:
        """What the graph is made of, to recognise it again."""
        size = self.size
        return (tuple(self.row[:size]), tuple(self.tier[:size]), self.row_count, tuple(self.links))

    @cached_property
    def up(self) -> list[list[int]]:
        return self._neighbours[0]

    @cached_property
    def down(self) -> list[list[int]]:
        return self._neighbours[1]

    @cached_property
    def _neighbours(self) -> tuple[list[list[int]], list[list[int]]]:
        size = self.size
        up: list[list[int]] = [[] for _ in range(size)]
        down: list[list[int]] = [[] for _ in range(size)]
        for high, low, count, first, end in self.links:
            if first == end:
                down[high] += [low] * count
                up[low] += [high] * count
                continue
            down[high] += [first] * count
            up.append([high] * count)
            for dummy in range(first + 1, end):
                down.append([dummy] * count)
                up.append([dummy - 1] * count)
            down.append([low] * count)
            up[low] += [end - 1] * count
        return up, down


def proper_graph(graph: LayeredGraph, row: list[int], row_count: int) -> ProperGraph:
    """Split every edge that skips rows into a chain through dummy vertices."""
    size = len(graph.ids)
    rows = list(row)
    links: list[tuple[int, int, int, int, int]] = []
    chains: dict[tuple[int, int], tuple[list[int], int]] = {}
    for node, others in enumerate(graph.neighbours):
        # Relations of several kinds between one pair share one chain: they run side by side.
        for other, count in Counter(others).items():
            if other <= node or row[other] == row[node]:
                continue
            high, low = (node, other) if row[node] < row[other] else (other, node)
            first = len(rows)
            rows += range(row[high] + 1, row[low])
            links.append((high, low, count, first, len(rows)))
            if first < len(rows):
                chains[high, low] = (list(range(first, len(rows))), count)
    tier = [*graph.tier, *[0.0] * (len(rows) - size)]
    return ProperGraph(size, rows, tier, row_count, links, chains)


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
