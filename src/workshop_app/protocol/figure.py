"""The map as vector drawing: a scene in map units and a flowable that draws part of it.

:class:`MapScene` holds what every view of the map shares (node boxes,
wrapped labels, edge segments), computed once; :class:`MapView` draws one
window of the scene at one scale straight onto the canvas. Drawing with the
canvas rather than ``reportlab.graphics`` shapes keeps a thousand-node map
to a few milliseconds per page. Map units are the layout's (y downward);
the view flips them into PDF points (y upward).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.layout import NODE_HEIGHT, NODE_WIDTH
from workshop_app.protocol.styles import (
    BOLD,
    EDGE_STYLES,
    LINE,
    MUTED,
    NODE_COLOURS,
    REGULAR,
    plain,
)

__all__ = ["LABEL_SIZE", "MapScene", "MapView", "Rect", "draw_edge_sample", "draw_node_shape"]

#: Label size in map units: at the smallest scale of the map pages (0.5) it prints at 5 pt.
LABEL_SIZE = 11.0
_PAD = 6.0
_ARROW = 7.0
_PARALLEL_GAP = 5.0

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in map units


@dataclass(frozen=True)
class SceneNode:
    node_id: str
    kind: NodeKind
    x: float
    y: float
    lines: tuple[str, ...]
    badge: str

    @property
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

    @property
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
                tuple(wrap_label(data["label"], REGULAR, LABEL_SIZE, width, max_lines)),
                _badge(data),
            )
            for node_id, data in graph.nodes(data=True)
        ]
        self.edges = _edges(session, positions)
        self.kinds = sorted({node.kind for node in self.nodes}, key=list(NodeKind).index)
        self.edge_kinds = sorted({edge.kind for edge in self.edges}, key=list(EdgeKind).index)
        margin = _ARROW
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

    def edges_in(self, window: Rect) -> list[SceneEdge]:
        return [edge for edge in self.edges if _overlaps(edge.rect, window)]


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
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while stringWidth(current, font, size) > width:
            cut = _fitting_prefix(current, font, size, width)
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


def _fitting_prefix(text: str, font: str, size: float, width: float) -> int:
    """Length of the longest prefix of ``text`` that fits ``width`` (at least 1)."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


class MapView(Flowable):
    """Draws ``window`` of ``scene`` at ``scale`` points per map unit.

    ``labels`` switches the node labels off for an overview too small to
    read them; ``grid`` outlines named tiles (e.g. ``("B2", rect)``) on it.
    """

    def __init__(
        self,
        scene: MapScene,
        window: Rect,
        scale: float,
        *,
        labels: bool = True,
        grid: tuple[tuple[str, Rect], ...] = (),
    ) -> None:
        super().__init__()
        self.scene, self.window, self.scale = scene, window, scale
        self.labels, self.grid = labels, grid
        self.width = (window[2] - window[0]) * scale
        self.height = (window[3] - window[1]) * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _point(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.window[0]) * self.scale, self.height - (y - self.window[1]) * self.scale

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(0, 0, self.width, self.height)
        canvas.clipPath(clip, stroke=0, fill=0)
        for edge in self.scene.edges_in(self.window):
            self._draw_edge(edge)
        for node in self.scene.nodes_in(self.window):
            self._draw_node(node)
        for name, rect in self.grid:
            self._draw_tile_outline(name, rect)
        canvas.restoreState()
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)

    def _draw_edge(self, edge: SceneEdge) -> None:
        start, end = self._point(*edge.start), self._point(*edge.end)
        draw_edge_line(self.canv, edge.kind, start, end, self.scale)

    def _draw_node(self, node: SceneNode) -> None:
        x0, y1, x1, y0 = node.rect
        left, bottom = self._point(x0, y0)
        width, height = (x1 - x0) * self.scale, (y0 - y1) * self.scale
        draw_node_shape(self.canv, node.kind, left, bottom, width, height, self.scale)
        if self.labels:
            self._draw_label(node, left, bottom, width, height)
        if node.badge:
            self._draw_badge(node, left, bottom + height)

    def _draw_label(
        self, node: SceneNode, left: float, bottom: float, width: float, height: float
    ) -> None:
        canvas, size = self.canv, LABEL_SIZE * self.scale
        leading = size * 1.2
        top = bottom + height / 2 + leading * len(node.lines) / 2 - size * 0.95
        canvas.setFillColor(colors.HexColor("#1F2933"))
        canvas.setFont(REGULAR, size)
        for index, line in enumerate(node.lines):
            canvas.drawCentredString(left + width / 2, top - index * leading, line)

    def _draw_badge(self, node: SceneNode, left: float, top: float) -> None:
        canvas, radius = self.canv, 7 * self.scale
        stroke = NODE_COLOURS[node.kind].stroke
        canvas.setFillColor(stroke)
        canvas.circle(left + radius * 0.6, top - radius * 0.6, radius, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(BOLD, radius * 1.1)
        canvas.drawCentredString(left + radius * 0.6, top - radius, node.badge[:3])

    def _draw_tile_outline(self, name: str, rect: Rect) -> None:
        canvas = self.canv
        left, top = self._point(rect[0], rect[1])
        right, bottom = self._point(rect[2], rect[3])
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.6)
        canvas.setDash(3, 2)
        canvas.rect(left, bottom, right - left, top - bottom, stroke=1, fill=0)
        canvas.setDash()
        canvas.setFillColor(MUTED)
        canvas.setFont(BOLD, 9)
        canvas.drawString(left + 3, top - 11, name)


def draw_node_shape(
    canvas: Canvas,
    kind: NodeKind,
    left: float,
    bottom: float,
    width: float,
    height: float,
    scale: float,
) -> None:
    """A node's box: rounded for responsibilities, a pill for roles, an octagon for guardrails."""
    palette = NODE_COLOURS[kind]
    canvas.setFillColor(palette.fill)
    canvas.setStrokeColor(palette.stroke)
    canvas.setLineWidth(max(0.3, 1.1 * scale))
    if kind is NodeKind.GUARDRAIL:
        cut = height * 0.28
        path = canvas.beginPath()
        path.moveTo(left + cut, bottom)
        for x, y in (
            (left + width - cut, bottom),
            (left + width, bottom + cut),
            (left + width, bottom + height - cut),
            (left + width - cut, bottom + height),
            (left + cut, bottom + height),
            (left, bottom + height - cut),
            (left, bottom + cut),
        ):
            path.lineTo(x, y)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)
        return
    radius = {NodeKind.ROLE: height / 2, NodeKind.PRIORITY: 2 * scale}.get(kind, 6 * scale)
    canvas.roundRect(left, bottom, width, height, radius, stroke=1, fill=1)


def draw_edge_line(
    canvas: Canvas,
    kind: EdgeKind,
    start: tuple[float, float],
    end: tuple[float, float],
    scale: float,
) -> None:
    """An edge from ``start`` to ``end`` (points) in its kind's line style."""
    style = EDGE_STYLES[kind]
    canvas.setStrokeColor(style.colour)
    canvas.setLineWidth(max(0.25, style.width * min(1.0, scale * 1.4)))
    dash_scale = max(0.5, min(1.0, scale * 1.4))
    if style.dash:
        canvas.setDash([d * dash_scale for d in style.dash])
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    arrow = _ARROW * scale if style.arrow else 0.0
    canvas.line(start[0], start[1], end[0] - ux * arrow * 0.8, end[1] - uy * arrow * 0.8)
    if style.dash:
        canvas.setDash()
    if arrow:
        canvas.setFillColor(style.colour)
        path = canvas.beginPath()
        path.moveTo(*end)
        path.lineTo(
            end[0] - ux * arrow - uy * arrow * 0.45, end[1] - uy * arrow + ux * arrow * 0.45
        )
        path.lineTo(
            end[0] - ux * arrow + uy * arrow * 0.45, end[1] - uy * arrow - ux * arrow * 0.45
        )
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)


def draw_edge_sample(canvas: Canvas, kind: EdgeKind, x: float, y: float, length: float) -> None:
    """A short horizontal sample of an edge kind, for the legend."""
    draw_edge_line(canvas, kind, (x, y), (x + length, y), 1.0)
