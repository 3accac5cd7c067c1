"""Where to show what is not on the current map: nodes of the other session, as "ghosts".

A comparison drawn on the map shows the session being edited; the nodes of
the other session that it lacks (removed since, or added by the other
version) are drawn where they stood — moved along with their neighbours, since
the map may have been rearranged in between — and then nudged to the nearest
spot where they cover no node.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from workshop_app.domain import Session
from workshop_app.layout import H_GAP, NODE_HEIGHT, NODE_WIDTH, V_GAP, node_positions

__all__ = ["Point", "ghost_positions"]

Point = tuple[float, float]
_STEP_X, _STEP_Y = NODE_WIDTH + H_GAP, NODE_HEIGHT + V_GAP
#: How far (in grid steps) to look for a free spot before giving up on one.
_RINGS = 40


def ghost_positions(
    other: Session, shown: Mapping[str, Point], ghosts: Iterable[str]
) -> dict[str, Point]:
    """Positions for the ``ghosts`` (nodes of ``other``) on a map showing ``shown``.

    Each ghost keeps its place relative to its neighbours in ``other`` that
    are on the map (the mean of their shifts), or else relative to all the
    nodes both maps share, and moves to the nearest free grid spot.

    Examples
    --------
    >>> from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session
    >>> other = Session()
    >>> _ = other.apply(AddNode("r", NodeKind.ROLE, "Agent", {"position": [0, 0]}))
    >>> _ = other.apply(AddNode("x", NodeKind.RESPONSIBILITY, "Refunds", {"position": [0, -200]}))
    >>> _ = other.apply(AddEdge("r", "x", EdgeKind.ACCOUNTABLE))
    >>> ghost_positions(other, {"r": (1000.0, 500.0)}, ["x"])
    {'x': (1000.0, 300.0)}
    """
    ghosts = list(ghosts)
    if not ghosts:
        return {}
    before = node_positions(other)
    common = [node for node in shown if node in before]
    overall = _mean_shift(common, before, shown)
    taken = _Grid(shown.values())
    placed: dict[str, Point] = {}
    for node in sorted(ghosts, key=lambda n: (before[n][1], before[n][0], n)):
        neighbours = [n for n in _neighbours(other, node) if n in shown and n in before]
        dx, dy = _mean_shift(neighbours, before, shown) if neighbours else overall
        x, y = before[node]
        placed[node] = taken.claim_near((x + dx, y + dy))
    return placed


def _neighbours(session: Session, node: str) -> set[str]:
    graph = session.graph
    return set(graph.successors(node)) | set(graph.predecessors(node))


def _mean_shift(nodes: list[str], before: Mapping[str, Point], after: Mapping[str, Point]) -> Point:
    if not nodes:
        return 0.0, 0.0
    dx = sum(after[n][0] - before[n][0] for n in nodes) / len(nodes)
    dy = sum(after[n][1] - before[n][1] for n in nodes) / len(nodes)
    return dx, dy


class _Grid:
    """The boxes taken so far, hashed by grid cell, for "is this spot free?"."""

    def __init__(self, points: Iterable[Point]) -> None:
        self._cells: dict[tuple[int, int], list[Point]] = {}
        for point in points:
            self._add(point)

    def claim_near(self, wanted: Point) -> Point:
        """The free spot nearest ``wanted`` on a grid around it (the same row first)."""
        for ring in range(_RINGS):
            cells = [
                (i, j)
                for i in range(-ring, ring + 1)
                for j in range(-ring, ring + 1)
                if max(abs(i), abs(j)) == ring
            ]
            cells.sort(key=lambda c: (abs(c[1]), abs(c[0]), c))
            for i, j in cells:
                spot = (round(wanted[0] + i * _STEP_X, 1), round(wanted[1] + j * _STEP_Y, 1))
                if self._free(spot):
                    self._add(spot)
                    return spot
        return wanted

    def _cell(self, point: Point) -> tuple[int, int]:
        return int(point[0] // _STEP_X), int(point[1] // _STEP_Y)

    def _add(self, point: Point) -> None:
        self._cells.setdefault(self._cell(point), []).append(point)

    def _free(self, spot: Point) -> bool:
        cx, cy = self._cell(spot)
        # Centres closer than a box and half a gap: the boxes would touch.
        near_x, near_y = NODE_WIDTH + H_GAP / 2, NODE_HEIGHT + V_GAP / 2
        return not any(
            abs(x - spot[0]) < near_x and abs(y - spot[1]) < near_y
            for i in (-1, 0, 1)
            for j in (-1, 0, 1)
            for x, y in self._cells.get((cx + i, cy + j), ())
        )
