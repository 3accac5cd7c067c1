"""The map in map units: node boxes, wrapped labels and edge segments, computed once.

Map units are the layout's (y downward). Every view of the map (the whole
map, the overview, each tile) draws from the same :class:`MapScene`.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.layout import NODE_HEIGHT, NODE_WIDTH
from workshop_app.protocol.styles import REGULAR, plain

__all__ = [
    "ARROW",
    "LABEL_SIZE",
    "MapScene",
    "Rect",
    "SceneEdge",
    "SceneNode",
    "ellipsize",
    "wrap_label",
]

#: Label size in map units: at the smallest scale of the map pages (0.5) it prints at 5 pt.
LABEL_SIZE = 11.0
_PAD = 6.0
#: Length of an arrowhead in map units.
ARROW = 7.0
_PARALLEL_GAP = 5.0

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in map units


@dataclass(frozen=True)
class SceneNode:
    node_id: str
    kind: NodeKind
    x: float
    y: float
    lines: tuple[tuple[str, float], ...]  # each label line with its width in map units
    badge: str

    @functools.cached_property
    def rect(self) -> Rect:
        return (
            self.x - NODE_WIDTH / 2,
            self.y - NODE_HEIGHT / 2,
            self.x + NODE_WIDTH / 2,
            self.y + NODE_HEIGHT / 2,
        )


@dataclass(frozen=True)
class SceneEdge:
    kind: EdgeKind
    start: tuple[float, float]
    end: tuple[float, float]

    @functools.cached_property
    def rect(self) -> Rect:
        (x0, y0), (x1, y1) = self.start, self.end
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


class MapScene:
    """Every node box and edge segment of the map, in map units."""

    def __init__(self, session: Session, positions: dict[str, tuple[float, float]]) -> None:
        graph = session.graph
        width = NODE_WIDTH - 2 * _PAD
        max_lines = max(1, int((NODE_HEIGHT - 2 * _PAD) // (LABEL_SIZE * 1.2)))
        self.nodes = [
            SceneNode(
                node_id,
                NodeKind(data["kind"]),
                *positions[node_id],
                tuple(
                    (line, stringWidth(line, REGULAR, LABEL_SIZE))
                    for line in wrap_label(data["label"], REGULAR, LABEL_SIZE, width, max_lines)
                ),
                _badge(data),
            )
            for node_id, data in graph.nodes(data=True)
        ]
        self.edges = _edges(session, positions)
        #: Whether the map's form XObject has been drawn (see ``figure``).
        self.form_drawn = False
        self.kinds = sorted({node.kind for node in self.nodes}, key=list(NodeKind).index)
        self.edge_kinds = sorted({edge.kind for edge in self.edges}, key=list(EdgeKind).index)
        margin = ARROW
        if self.nodes:
            rects = [node.rect for node in self.nodes]
            self.bounds: Rect = (
                min(r[0] for r in rects) - margin,
                min(r[1] for r in rects) - margin,
                max(r[2] for r in rects) + margin,
                max(r[3] for r in rects) + margin,
            )
        else:
            self.bounds = (0.0, 0.0, NODE_WIDTH, NODE_HEIGHT)

    @property
    def width(self) -> float:
        return self.bounds[2] - self.bounds[0]

    @property
    def height(self) -> float:
        return self.bounds[3] - self.bounds[1]

    def nodes_in(self, window: Rect) -> list[SceneNode]:
        return [node for node in self.nodes if _overlaps(node.rect, window)]


def _badge(data: dict) -> str:
    if data["kind"] == NodeKind.PRIORITY and isinstance(data.get("rank"), int):
        return str(data["rank"])
    if data["kind"] == NodeKind.RESPONSIBILITY and data.get("critical") is True:
        return "!"
    return ""


def _edges(session: Session, positions: dict[str, tuple[float, float]]) -> list[SceneEdge]:
    """Edge segments from box border to box border; parallel kinds side by side."""
    between: dict[frozenset[str], list[tuple[str, str, str]]] = defaultdict(list)
    for source, target, key in session.graph.edges(keys=True):
        if source != target:
            between[frozenset((source, target))].append((source, target, key))
    edges = []
    for group in between.values():
        for index, (source, target, key) in enumerate(group):
            offset = (index - (len(group) - 1) / 2) * _PARALLEL_GAP
            segment = _segment(positions[source], positions[target], offset)
            if segment is not None:
                edges.append(SceneEdge(EdgeKind(key), *segment))
    return edges


def _segment(
    a: tuple[float, float], b: tuple[float, float], offset: float
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return None
    ux, uy = dx / length, dy / length
    # Shift both ends sideways; the sign follows a fixed order of the ends so
    # that A→B and B→A of two kinds do not land on the same line.
    sign = 1 if a <= b else -1
    nx_, ny_ = -uy * offset * sign, ux * offset * sign
    start = (a[0] + nx_, a[1] + ny_)
    end = (b[0] + nx_, b[1] + ny_)
    reach = _border_distance(ux, uy)
    if 2 * reach >= length:
        return None
    return (
        (start[0] + ux * reach, start[1] + uy * reach),
        (end[0] - ux * reach, end[1] - uy * reach),
    )


def _border_distance(ux: float, uy: float) -> float:
    """Distance from a box's centre to its border along the unit direction."""
    half_w, half_h = NODE_WIDTH / 2, NODE_HEIGHT / 2
    candidates = [half_w / abs(ux) if ux else math.inf, half_h / abs(uy) if uy else math.inf]
    return min(candidates)


def _overlaps(a: Rect, b: Rect) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def wrap_label(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Break ``text`` into at most ``max_lines`` lines of ``width``; "…" marks a cut.

    Words longer than a line are broken between characters.
    """
    words = plain(text).split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if _fits(candidate, font, size, width):
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while len(lines) <= max_lines and (
            cut := _fitting_prefix(current, font, size, width)
        ) < len(current):
            lines.append(current[:cut])
            current = current[cut:]
        if len(lines) > max_lines:
            break
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = ellipsize(kept[-1], font, size, width)
    return kept


def ellipsize(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened so that it and a closing "…" fit ``width``."""
    cut = _fitting_prefix(text + "…", font, size, width) - 1
    return text[: max(0, min(cut, len(text)))].rstrip() + "…"


def _fits(text: str, font: str, size: float, width: float) -> bool:
    """Whether ``text`` fits ``width``; a text far longer than a line is not measured whole."""
    if len(text) <= 4 * width / size:  # about a line or less: measured at once
        return stringWidth(text, font, size) <= width
    return _fitting_prefix(text, font, size, width) >= len(text)


def _fitting_prefix(text: str, font: str, size: float, width: float) -> int:
    """Length of the longest prefix of ``text`` that fits ``width`` (at least 1).

    The search first doubles a prefix until it no longer fits, so a label of
    200,000 characters costs a few measurements of about a line's length,
    not of the whole label.
    """
    high = 8
    while high < len(text) and stringWidth(text[:high], font, size) <= width:
        high *= 2
    low, high = 1, min(high, len(text))
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low
