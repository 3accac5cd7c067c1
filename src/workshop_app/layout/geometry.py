"""The map's geometry: node boxes and edge routes, as the window and the PDF draw them.

Units are points (the window's scene units), ``x, y`` the centre of a box,
y growing downward. A route is a path of straight and cubic steps; its first
point lies on the border of its source's box, its last on its target's, and
it never runs through another box. ``MapGeometry.to_json`` writes the form
``shared/DESIGN.md`` gives ("The map's geometry"), curves flattened into
segments of at most :data:`MAX_SEGMENT` points.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.layout.shapes import side_room

__all__ = [
    "DETAIL_SIZE",
    "EDGE_LABEL_SIZE",
    "H_GAP",
    "LABEL_SIZE",
    "LAYER_GAP",
    "LINE_HEIGHT",
    "MARK_REACH",
    "MAX_SEGMENT",
    "NODE_HEIGHT",
    "NODE_WIDTH",
    "V_GAP",
    "EdgeLabel",
    "EdgeRoute",
    "MapGeometry",
    "NodeBox",
    "PathStep",
    "Point",
    "Rect",
]

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1
#: ``("M", x, y)``, ``("L", x, y)`` or ``("C", x1, y1, x2, y2, x, y)``.
PathStep = tuple[Any, ...]

#: Node label size; the window and the PDF draw labels at this size (scene units = points).
#: Large against the gaps between boxes and routes, which do not grow with it: at
#: "Fit map" the labels of a workshop-sized map read from the back of the room.
LABEL_SIZE = 16.0
#: The smaller second line of a node (load, decision limit).
DETAIL_SIZE = 10.0
#: Edge tags: RACI letters, a deputy's tag and escalation triggers, set in bold;
#: the window writes them at this size (12 px at 100 %), readable from the back row.
EDGE_LABEL_SIZE = 12.0
#: Baseline to baseline, as a multiple of the font size.
LINE_HEIGHT = 1.2
#: How far a finding's ring and badge reach out of a node's box in the window:
#: tags stay clear of the boxes of nodes under a finding by this much.
MARK_REACH = 14.0
#: Longest segment of a curve when flattened (DESIGN: 4 points).
MAX_SEGMENT = 4.0

#: Width and height of the largest box (the window's fixed box before per-node sizes).
NODE_WIDTH = 180.0
NODE_HEIGHT = 64.0
#: Free space between two boxes side by side: room for routes passing between them.
H_GAP = 24.0
#: Free space between two rows of boxes within a layer.
V_GAP = 28.0
#: Free space between two layers: more than between rows, for labels and curves.
LAYER_GAP = 32.0


@dataclass(frozen=True)
class NodeBox:
    """One node's box: centre, size, shape and the text drawn in it."""

    id: str
    kind: NodeKind
    x: float
    y: float
    width: float
    height: float
    shape: str
    label_lines: tuple[str, ...]
    detail: str = ""
    badge: str = ""

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2

    @property
    def top(self) -> float:
        return self.y - self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height / 2

    @property
    def rect(self) -> Rect:
        return self.left, self.top, self.right, self.bottom

    def text_lines(self) -> list[tuple[str, float, float, float]]:
        """Each text line with its size and the centre of its baseline.

        The label lines at :data:`LABEL_SIZE`, then the detail at
        :data:`DETAIL_SIZE`, centred as a block in the room the shape leaves
        (right of the person in a role): the window and the PDF put them at
        these points.
        """
        sizes = [LABEL_SIZE] * len(self.label_lines) + ([DETAIL_SIZE] if self.detail else [])
        texts = [*self.label_lines, *([self.detail] if self.detail else [])]
        total = sum(size * LINE_HEIGHT for size in sizes)
        left, right = side_room(self.shape, self.height, self.kind is NodeKind.ROLE)
        centre = self.x + (left - right) / 2
        top = self.y - total / 2
        lines = []
        for text, size in zip(texts, sizes, strict=True):
            # DejaVu's ascent is 0.93 em and its descent 0.24: a line of 1.2 em
            # with the text centred in it has its baseline 0.93 + (1.2 - 1.17) / 2 em down.
            lines.append((text, size, centre, top + size * 0.945))
            top += size * LINE_HEIGHT
        return lines


@dataclass(frozen=True)
class EdgeLabel:
    """A label on a route: its lines (bold, :data:`EDGE_LABEL_SIZE`), centre and size;
    it covers no node."""

    text_lines: tuple[str, ...]
    x: float
    y: float
    width: float
    height: float

    @property
    def rect(self) -> Rect:
        return (
            self.x - self.width / 2,
            self.y - self.height / 2,
            self.x + self.width / 2,
            self.y + self.height / 2,
        )

    def baselines(self) -> list[tuple[str, float, float]]:
        """Each line with the centre of its baseline: the window and the PDF write them there."""
        top = self.y - len(self.text_lines) * EDGE_LABEL_SIZE * LINE_HEIGHT / 2
        return [
            (line, self.x, top + (index * LINE_HEIGHT + 0.945) * EDGE_LABEL_SIZE)
            for index, line in enumerate(self.text_lines)
        ]


@dataclass(frozen=True)
class EdgeRoute:
    """One relation's route from the border of its source to the border of its target."""

    source: str
    target: str
    kind: EdgeKind
    path: tuple[PathStep, ...]
    label: EdgeLabel | None = None

    @property
    def key(self) -> tuple[str, str, EdgeKind]:
        return self.source, self.target, self.kind

    @functools.cached_property
    def points(self) -> tuple[Point, ...]:
        """The path as a polyline; curves in segments of at most :data:`MAX_SEGMENT`."""
        return flatten(self.path)


def flatten(path: tuple[PathStep, ...], limit: float = MAX_SEGMENT) -> tuple[Point, ...]:
    """A path of steps as a polyline, every curve cut into chords no longer than ``limit``.

    Examples
    --------
    >>> points = flatten((("M", 0.0, 0.0), ("C", 0.0, 10.0, 20.0, 10.0, 20.0, 20.0)))
    >>> points[0], points[-1]
    ((0.0, 0.0), (20.0, 20.0))
    >>> all(math.dist(a, b) <= 4.0 for a, b in zip(points, points[1:]))
    True
    """
    points: list[Point] = []
    for step in path:
        if step[0] != "C":
            points.append((step[1], step[2]))
            continue
        x0, y0 = points[-1]
        x1, y1, x2, y2, x3, y3 = step[1:]
        # A cubic moves at most three times its longest control leg per unit of t.
        leg = max(math.dist((x0, y0), (x1, y1)), math.dist((x1, y1), (x2, y2)))
        leg = max(leg, math.dist((x2, y2), (x3, y3)))
        count = max(1, math.ceil(3 * leg / limit))
        for index in range(1, count + 1):
            t = index / count
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            points.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return tuple(points)


@dataclass(frozen=True)
class MapGeometry:
    """Every node box and edge route of the map."""

    nodes: Mapping[str, NodeBox]
    edges: tuple[EdgeRoute, ...]
    bounds: Rect

    def to_json(self) -> dict[str, Any]:
        """The geometry as ``workshop-app layout`` writes it (DESIGN, "The map's geometry")."""
        return {
            "nodes": [_node_json(box) for box in self.nodes.values()],
            "edges": [_edge_json(route) for route in self.edges],
        }


def _round(value: float) -> float:
    return round(value, 2) + 0.0  # + 0.0 turns -0.0 into 0.0


def _node_json(box: NodeBox) -> dict[str, Any]:
    return {
        "id": box.id,
        "kind": box.kind.value,
        "x": _round(box.x),
        "y": _round(box.y),
        "width": _round(box.width),
        "height": _round(box.height),
        "shape": box.shape,
        "label_lines": list(box.label_lines),
    }


def _edge_json(route: EdgeRoute) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "source": route.source,
        "target": route.target,
        "kind": route.kind.value,
        "points": [[_round(x), _round(y)] for x, y in route.points],
    }
    if route.label is not None:
        label = route.label
        entry["label"] = {
            "lines": list(label.text_lines),
            "x": _round(label.x),
            "y": _round(label.y),
            "width": _round(label.width),
            "height": _round(label.height),
        }
    return entry
