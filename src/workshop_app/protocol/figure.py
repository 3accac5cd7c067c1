"""Drawing the map: a flowable that draws one window of the scene as vector graphics.

Drawing goes straight to the canvas, one kind at a time: all edges of a
kind are one path and all their arrowheads another, all boxes of a node
kind one path, all labels one text object. Setting colour, width and dash
once per kind instead of once per item keeps a thousand-node map to a small
part of the export time. The view flips map units (y down) into PDF points
(y up).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus.flowables import Flowable

from workshop_app import vocabulary
from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.protocol.scene import ARROW, LABEL_SIZE, MapScene, Rect, SceneNode
from workshop_app.protocol.styles import (
    BOLD,
    EDGE_STYLES,
    INK,
    LINE,
    MUTED,
    NODE_COLOURS,
    REGULAR,
)
from workshop_app.vocabulary import outline

__all__ = ["MapView", "draw_edges", "draw_nodes"]

Point = tuple[float, float]
#: The map form is drawn in map units and shown at 0.5 or less; lines are
#: drawn this much heavier so that a tile shows them at 0.7 of their weight.
_FORM_LINE_WEIGHT = 1.4
Box = tuple[float, float, float, float]  # left, bottom, width, height in points


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

    def _point(self, x: float, y: float) -> Point:
        return (x - self.window[0]) * self.scale, self.height - (y - self.window[1]) * self.scale

    def _box(self, node: SceneNode) -> Box:
        x0, y0, x1, y1 = node.rect
        left, bottom = self._point(x0, y1)
        return left, bottom, (x1 - x0) * self.scale, (y1 - y0) * self.scale

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(0, 0, self.width, self.height)
        canvas.clipPath(clip, stroke=0, fill=0)
        form = _map_form(canvas, self.scene)
        bx0, _, _, by1 = self.scene.bounds
        canvas.saveState()
        canvas.translate(
            (bx0 - self.window[0]) * self.scale,
            self.height - (by1 - self.window[1]) * self.scale,
        )
        canvas.scale(self.scale, self.scale)
        canvas.doForm(form)
        canvas.restoreState()
        nodes = self.scene.nodes_in(self.window)
        if self.labels:
            self._draw_labels(nodes)
            self._draw_badges(nodes)
        for name, rect in self.grid:
            self._draw_tile_outline(name, rect)
        canvas.restoreState()
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)

    def _draw_labels(self, nodes: Sequence[SceneNode]) -> None:
        size = LABEL_SIZE * self.scale
        leading = size * 1.2
        text = self.canv.beginText()
        text.setFont(REGULAR, size)
        text.setFillColor(INK)
        for node in nodes:
            left, bottom, width, height = self._box(node)
            top = bottom + height / 2 + leading * len(node.lines) / 2 - size * 0.95
            for index, (line, line_width) in enumerate(node.lines):
                x = left + (width - line_width * self.scale) / 2
                text.setTextOrigin(x, top - index * leading)
                text.textOut(line)
        self.canv.drawText(text)

    def _draw_badges(self, nodes: Sequence[SceneNode]) -> None:
        """Rank of a priority, "!" on a critical responsibility: a disc on the corner."""
        canvas, radius = self.canv, 7 * self.scale
        badged = [node for node in nodes if node.badge]
        for node in badged:
            left, bottom, _, height = self._box(node)
            canvas.setFillColor(NODE_COLOURS[node.kind].stroke)
            canvas.circle(left + radius * 0.6, bottom + height - radius * 0.6, radius, 0, 1)
        canvas.setFillColor(colors.white)
        canvas.setFont(BOLD, radius * 1.1)
        for node in badged:
            left, bottom, _, height = self._box(node)
            centre = left + radius * 0.6
            canvas.drawCentredString(centre, bottom + height - radius, node.badge[:3])

    def _draw_tile_outline(self, name: str, rect: Rect) -> None:
        canvas = self.canv
        left, top = self._point(rect[0], rect[1])
        right, bottom = self._point(rect[2], rect[3])
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.6)
        canvas.setDash(3, 2)
        canvas.rect(left, bottom, right - left, top - bottom, stroke=1, fill=0)
        canvas.setDash()
        # A white tab behind the name keeps it legible over a dense map.
        canvas.setFillColor(colors.white)
        canvas.rect(left + 1, top - 13, 22, 12, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 9)
        canvas.drawString(left + 3, top - 10, name)


def _map_form(canvas: Canvas, scene: MapScene) -> str:
    """The name of the form XObject that holds the map's boxes and edges, made on first use.

    Every view of the map (the whole map, the overview, each tile) shows
    the same form, scaled and clipped: the shapes of a thousand-node map are
    drawn, and stored in the file, once instead of once per tile. Labels are
    not in it: each view writes those of its own nodes, so that searching
    the PDF for a label finds the pages where it can be seen.
    """
    name = f"map{id(scene)}"
    if scene.form_drawn:
        return name
    bx0, _, bx1, by1 = scene.bounds
    by0 = scene.bounds[1]
    canvas.beginForm(name, 0, 0, bx1 - bx0, by1 - by0)
    segments: dict[EdgeKind, list[tuple[Point, Point]]] = defaultdict(list)
    for edge in scene.edges:
        (x0, y0), (x1, y1) = edge.start, edge.end
        segments[edge.kind].append(((x0 - bx0, by1 - y0), (x1 - bx0, by1 - y1)))
    for kind, kind_segments in segments.items():
        draw_edges(canvas, kind, kind_segments, weight=_FORM_LINE_WEIGHT)
    boxes: dict[NodeKind, list[Box]] = defaultdict(list)
    for node in scene.nodes:
        x0, y0, x1, y1 = node.rect
        boxes[node.kind].append((x0 - bx0, by1 - y1, x1 - x0, y1 - y0))
    for kind, kind_boxes in boxes.items():
        draw_nodes(canvas, kind, kind_boxes, 1.0)
    canvas.endForm()
    scene.form_drawn = True
    return name


def _outline(path: PDFPathObject, kind: NodeKind, box: Box) -> None:
    """The vocabulary's shape of ``kind`` filling ``box``."""
    left, bottom, width, height = box
    shape = outline(vocabulary.NODES[kind].shape, width, height)
    cx, cy = left + width / 2, bottom + height / 2
    if shape.polygon:
        # The vocabulary's y grows downward, the PDF's upward: flip.
        (x0, y0), *rest = shape.polygon
        path.moveTo(cx + x0, cy - y0)
        for x, y in rest:
            path.lineTo(cx + x, cy - y)
        path.close()
    else:
        path.roundRect(left, bottom, width, height, shape.radius)


def draw_nodes(canvas: Canvas, kind: NodeKind, boxes: Sequence[Box], scale: float) -> None:
    """Boxes of one node kind in the shape the window draws (see :mod:`workshop_app.vocabulary`)."""
    palette = NODE_COLOURS[kind]
    canvas.setFillColor(palette.fill)
    canvas.setStrokeColor(palette.stroke)
    canvas.setLineWidth(max(0.3, 1.1 * scale))
    path = canvas.beginPath()
    for box in boxes:
        _outline(path, kind, box)
    canvas.drawPath(path, stroke=1, fill=1)


def draw_edges(
    canvas: Canvas,
    kind: EdgeKind,
    segments: Sequence[tuple[Point, Point]],
    *,
    weight: float = 1.0,
    arrow: float = ARROW,
) -> None:
    """Edges of one kind from start to end point, in the kind's line style.

    ``weight`` multiplies line widths and dashes, ``arrow`` is the length
    of an arrowhead: both in the units of the drawing.
    """
    style = EDGE_STYLES[kind]
    canvas.setStrokeColor(style.colour)
    canvas.setFillColor(style.colour)
    canvas.setLineWidth(style.width * weight)
    if style.dash:
        canvas.setDash([d * weight for d in style.dash])
    arrow = arrow if style.arrow else 0.0
    lines, heads = canvas.beginPath(), canvas.beginPath()
    for (x0, y0), (x1, y1) in segments:
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        lines.moveTo(x0, y0)
        lines.lineTo(x1 - ux * arrow * 0.8, y1 - uy * arrow * 0.8)
        if arrow:
            base_x, base_y = x1 - ux * arrow, y1 - uy * arrow
            heads.moveTo(x1, y1)
            heads.lineTo(base_x - uy * arrow * 0.45, base_y + ux * arrow * 0.45)
            heads.lineTo(base_x + uy * arrow * 0.45, base_y - ux * arrow * 0.45)
            heads.close()
    canvas.drawPath(lines, stroke=1, fill=0)
    if style.dash:
        canvas.setDash()
    if arrow:
        canvas.drawPath(heads, stroke=0, fill=1)
