"""Measures of a drawing: crossings, routes through foreign boxes, overlapping boxes.

These are the figures issue #10 is judged by, for our geometry and for
Graphviz ``dot`` alike: both are reduced to polylines (a route's
:attr:`~workshop_app.layout.geometry.EdgeRoute.points`, ``dot``'s splines
sampled) and boxes, and counted the same way. A grid of cells keeps the
counts near-linear on large maps.

Examples
--------
>>> lines = {"a": [(0, 0), (10, 10)], "b": [(0, 10), (10, 0)], "c": [(20, 0), (20, 10)]}
>>> count_crossings(lines, {})
1
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence

from workshop_app.layout.geometry import MapGeometry, NodeBox, Point, Rect
from workshop_app.layout.shapes import flat_half_width

__all__ = [
    "count_crossings",
    "geometry_crossings",
    "off_border_ends",
    "overlapping_boxes",
    "routes_through_boxes",
]

_CELL = 48.0
#: Crossings this close to a node both edges share are where they meet it, not crossings.
_AT_NODE = 1.5


def _cells(a: Point, b: Point) -> list[tuple[int, int]]:
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return [
        (i, j)
        for i in range(math.floor(x0 / _CELL), math.floor(x1 / _CELL) + 1)
        for j in range(math.floor(y0 / _CELL), math.floor(y1 / _CELL) + 1)
    ]


def _intersection(p: Point, q: Point, r: Point, s: Point) -> Point | None:
    """Where segment p→q crosses r→s, each taken half-open (its end belongs to the next)."""
    dx1, dy1 = q[0] - p[0], q[1] - p[1]
    dx2, dy2 = s[0] - r[0], s[1] - r[1]
    denominator = dx1 * dy2 - dy1 * dx2
    if abs(denominator) < 1e-12:
        return None  # parallel: touching along a line is not a crossing
    ex, ey = r[0] - p[0], r[1] - p[1]
    t = (ex * dy2 - ey * dx2) / denominator
    u = (ex * dy1 - ey * dx1) / denominator
    if 0 <= t < 1 and 0 <= u < 1:
        return p[0] + t * dx1, p[1] + t * dy1
    return None


def count_crossings(
    lines: Mapping[Hashable, Sequence[Point]],
    ends: Mapping[Hashable, tuple[Rect, Rect]],
) -> int:
    """Points where two different polylines cross.

    ``ends`` gives, for a line, the boxes of its two nodes: where two lines
    share a node, meeting within a point and a half of its box is not counted.
    """
    grid: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    keys = list(lines)
    polylines = [lines[key] for key in keys]
    for line, points in enumerate(polylines):
        for index in range(len(points) - 1):
            for cell in _cells(points[index], points[index + 1]):
                grid[cell].append((line, index))
    seen: set[tuple[int, int, int, int]] = set()
    total = 0
    for members in grid.values():
        for i, (line_a, seg_a) in enumerate(members):
            a0, a1 = polylines[line_a][seg_a], polylines[line_a][seg_a + 1]
            for line_b, seg_b in members[i + 1 :]:
                if line_a == line_b:
                    continue
                pair = (line_a, seg_a, line_b, seg_b) if line_a < line_b else (
                    line_b, seg_b, line_a, seg_a)  # fmt: skip
                if pair in seen:
                    continue
                seen.add(pair)
                point = _intersection(a0, a1, polylines[line_b][seg_b], polylines[line_b][seg_b + 1])
                if point is not None and not _at_shared_node(
                    point, ends.get(keys[line_a]), ends.get(keys[line_b])
                ):
                    total += 1
    return total


def _at_shared_node(
    point: Point, a: tuple[Rect, Rect] | None, b: tuple[Rect, Rect] | None
) -> bool:
    if a is None or b is None:
        return False
    for rect in set(a) & set(b):
        x0, y0, x1, y1 = rect
        if x0 - _AT_NODE <= point[0] <= x1 + _AT_NODE and y0 - _AT_NODE <= point[1] <= y1 + _AT_NODE:
            return True
    return False


def geometry_crossings(geometry: MapGeometry) -> int:
    """Crossings between the routes of ``geometry``."""
    nodes = geometry.nodes
    lines = {index: route.points for index, route in enumerate(geometry.edges)}
    ends = {
        index: (nodes[route.source].rect, nodes[route.target].rect)
        for index, route in enumerate(geometry.edges)
    }
    return count_crossings(lines, ends)


def _segment_hits_rect(a: Point, b: Point, rect: Rect) -> bool:
    """Whether segment a→b runs through the inside of ``rect`` (touching its border is fine)."""
    x0, y0, x1, y1 = rect
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if abs(p) < 1e-12:
            if q <= 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 >= t1:
            return False
    return t1 - t0 > 1e-9


def routes_through_boxes(
    lines: Mapping[Hashable, Sequence[Point]],
    ends: Mapping[Hashable, tuple[str, str]],
    boxes: Mapping[str, Rect],
    inset: float = 0.5,
) -> list[tuple[Hashable, str]]:
    """Every (line, box) where a line runs through a box that is not one of its ends."""
    grid: dict[tuple[int, int], list[str]] = defaultdict(list)
    shrunk = {}
    for node, (x0, y0, x1, y1) in boxes.items():
        shrunk[node] = (x0 + inset, y0 + inset, x1 - inset, y1 - inset)
        for cell in _cells((x0, y0), (x1, y1)):
            grid[cell].append(node)
    found = set()
    for key, points in lines.items():
        own = set(ends[key])
        for a, b in zip(points, points[1:]):
            for cell in _cells(a, b):
                for node in grid.get(cell, ()):
                    if node not in own and _segment_hits_rect(a, b, shrunk[node]):
                        found.add((key, node))
    return sorted(found, key=str)


def overlapping_boxes(boxes: Mapping[str, Rect]) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap (sharing a border is fine)."""
    grid: dict[tuple[int, int], list[str]] = defaultdict(list)
    for node, (x0, y0, x1, y1) in boxes.items():
        for cell in _cells((x0, y0), (x1, y1)):
            grid[cell].append(node)
    pairs = set()
    for members in grid.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                ra, rb = boxes[a], boxes[b]
                if ra[0] < rb[2] and rb[0] < ra[2] and ra[1] < rb[3] and rb[1] < ra[3]:
                    pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)


def off_border_ends(geometry: MapGeometry, tolerance: float = 0.01) -> list[tuple[str, str]]:
    """Routes whose first or last point is not on the border of its node's box.

    A route's end must lie on the box's outline: on one of its sides, within
    its straight part where the shape is cut or rounded.
    """
    wrong = []
    for route in geometry.edges:
        for node, point in ((route.source, route.points[0]), (route.target, route.points[-1])):
            if not _on_border(geometry.nodes[node], point, tolerance):
                wrong.append((route.source, route.target))
                break
    return wrong


def _on_border(box: NodeBox, point: Point, tolerance: float) -> bool:
    x, y = point
    on_side = abs(y - box.top) <= tolerance or abs(y - box.bottom) <= tolerance
    half = flat_half_width(box.shape, box.width, box.height)
    return on_side and abs(x - box.x) <= half + tolerance
