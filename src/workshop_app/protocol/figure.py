"""Drawing the map: a flowable that draws one window of the printed map as vector graphics.

It draws the core's geometry as it is: every box in its kind's shape and
size, every route along its path (straight steps and curves), the arrowhead
at the route's end, the labels where the geometry put them; then what the
group saw on the projector: the ring of a node's most severe open finding
and its badge, the rank badge of a priority, a role's person. Colours,
shapes, lines and arrows all come from the vocabulary, as the window's do.

Drawing goes straight to the canvas one kind at a time (one path for all
routes of a kind, one for all boxes of a kind), so a thousand-node map is a
small part of the export. The shapes live in one form XObject shown by every
view (whole map, overview, detail pages); the text is written per view, so
that searching the PDF finds the pages where a label can be read.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from operator import itemgetter

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from workshop_app import vocabulary
from workshop_app.analysis import Severity
from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.layout import EDGE_LABEL_SIZE, NodeBox
from workshop_app.layout.geometry import PathStep, flatten
from workshop_app.layout.shapes import person_centre
from workshop_app.protocol import fonts
from workshop_app.protocol.document import end_form
from workshop_app.protocol.scene import PrintedMap, Rect
from workshop_app.protocol.styles import (
    BOLD,
    EDGE_STYLES,
    INK,
    LINE,
    MUTED,
    NODE_COLOURS,
    PRINT_WEIGHT,
    REGULAR,
    SEVERITY_COLOURS,
)

__all__ = ["ARROW", "MapFigure", "draw_edges", "draw_mark", "draw_nodes"]

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, bottom, width, height in the drawing's units
#: Length of an arrowhead, in map units.
ARROW = 8.0
#: How far a finding's ring lies outside the box, and a conflict's zigzag swings out.
_RING = 4.0
_ZIGZAG = 3.0
#: Radius of the badges on a box's corners, in map units: their text prints at 6 pt or more.
BADGE = 8.5


class MapFigure(Flowable):
    """Draws ``window`` of ``printed`` at ``scale`` points per map unit.

    ``labels`` switches all text off for an overview too small to read it;
    ``grid`` outlines named detail pages (e.g. ``("B2", rect)``) on it.
    """

    def __init__(
        self,
        printed: PrintedMap,
        window: Rect,
        scale: float,
        *,
        labels: bool = True,
        grid: tuple[tuple[str, Rect], ...] = (),
    ) -> None:
        super().__init__()
        self.printed, self.window, self.scale = printed, window, scale
        self.labels, self.grid = labels, grid
        self.width = (window[2] - window[0]) * scale
        self.height = (window[3] - window[1]) * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _point(self, x: float, y: float) -> Point:
        return (x - self.window[0]) * self.scale, self.height - (y - self.window[1]) * self.scale

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(0, 0, self.width, self.height)
        canvas.clipPath(clip, stroke=0, fill=0)
        form = _map_form(canvas, self.printed)
        bx0, _, _, by1 = self.printed.bounds
        canvas.saveState()
        canvas.translate(*self._point(bx0, by1))
        canvas.scale(self.scale, self.scale)
        canvas.doForm(form)
        canvas.restoreState()
        if self.labels:
            nodes = self.printed.nodes_in(self.window)
            self._draw_badges(nodes)
            self._draw_node_text(nodes)
            self._draw_edge_labels()
        for name, rect in self.grid:
            self._draw_tile_outline(name, rect)
        canvas.restoreState()
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)

    def _draw_node_text(self, nodes: Sequence[NodeBox]) -> None:
        canvas = self.canv
        canvas.setFillColor(colors.HexColor(vocabulary.INK))
        for box in nodes:
            for index, (text, size, x, y) in enumerate(box.text_lines()):
                detail = box.detail and index == len(box.label_lines)
                if detail:
                    canvas.setFillColor(colors.HexColor(vocabulary.DETAIL_INK))
                fonts.draw_text(
                    canvas,
                    *self._point(x, y),
                    text,
                    REGULAR,
                    size * self.scale,
                    "middle",
                )
                if detail:
                    canvas.setFillColor(colors.HexColor(vocabulary.INK))

    def _draw_badges(self, nodes: Sequence[NodeBox]) -> None:
        """A priority's rank on its top-left corner, a finding's mark on the top-right."""
        canvas, radius = self.canv, BADGE * self.scale
        for box in nodes:
            if box.badge:
                x, y = self._point(box.left + 2, box.top + 1)
                canvas.setFillColor(NODE_COLOURS[box.kind].stroke)
                canvas.setStrokeColor(colors.white)
                canvas.setLineWidth(0.8 * self.scale)
                canvas.circle(x, y, radius, stroke=1, fill=1)
                canvas.setFillColor(colors.white)
                canvas.setFont(BOLD, max(6.0, radius * (1.2 if len(box.badge) < 3 else 0.8)))
                canvas.drawCentredString(x, y - radius * 0.42, box.badge)
            severity = self.printed.marks.get(box.id)
            if severity is not None:
                draw_mark(canvas, severity, *self._point(box.right - 2, box.top + 1), radius)

    def _draw_edge_labels(self) -> None:
        canvas, scale = self.canv, self.scale
        x0, y0, x1, y1 = self.window
        size = EDGE_LABEL_SIZE * scale
        for route in self.printed.geometry.edges:
            label = route.label
            if label is None or not (x0 <= label.x <= x1 and y0 <= label.y <= y1):
                continue
            left, top = self._point(label.x - label.width / 2, label.y - label.height / 2)
            canvas.setFillColor(colors.white)
            canvas.setStrokeColor(EDGE_STYLES[route.kind].colour)
            canvas.setLineWidth(0.4 * scale)
            width, height = label.width * scale, label.height * scale
            canvas.roundRect(left, top - height, width, height, 1.5 * scale, stroke=1, fill=1)
            canvas.setFillColor(colors.HexColor(vocabulary.INK))
            for line, x, y in label.baselines():
                fonts.draw_text(canvas, *self._point(x, y), line, BOLD, size, "middle")

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


def draw_mark(canvas: Canvas, severity: Severity, x: float, y: float, radius: float) -> None:
    """A finding's badge centred on ``(x, y)``: a circle, or a triangle for a warning."""
    look = vocabulary.SEVERITIES[severity.value]
    canvas.setFillColor(SEVERITY_COLOURS[severity.value])
    canvas.setStrokeColor(colors.white)
    canvas.setLineWidth(radius * 0.12)
    if look.badge_shape is vocabulary.BadgeShape.TRIANGLE:
        path = canvas.beginPath()
        path.moveTo(x, y + radius * 1.15)
        path.lineTo(x + radius * 1.15, y - radius * 0.85)
        path.lineTo(x - radius * 1.15, y - radius * 0.85)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)
    else:
        canvas.circle(x, y, radius, stroke=1, fill=1)
    canvas.setFillColor(colors.HexColor(vocabulary.BADGE_TEXT))
    canvas.setFont(BOLD, radius * 1.2)
    canvas.drawCentredString(x, y - radius * 0.45, look.badge)


def _map_form(canvas: Canvas, printed: PrintedMap) -> str:
    """The name of the form XObject with the map's shapes, made on first use."""
    name = f"map{id(printed)}"
    if printed.form_drawn:
        return name
    bx0, by0, bx1, by1 = printed.bounds
    canvas.beginForm(name, 0, 0, bx1 - bx0, by1 - by0)

    def flip(x: float, y: float) -> Point:
        return x - bx0, by1 - y

    routes: dict[EdgeKind, list[tuple[PathStep, ...]]] = defaultdict(list)
    for route in printed.geometry.edges:
        routes[route.kind].append(route.path)
    # Routes keep the geometry's coordinates; the form's transform flips them.
    canvas.saveState()
    canvas.transform(1, 0, 0, -1, -bx0, by1)
    for kind, paths in routes.items():
        draw_edges(canvas, kind, paths)
    canvas.restoreState()
    rings: dict[Severity, list[tuple[NodeKind, Box]]] = defaultdict(list)
    boxes: dict[NodeKind, list[Box]] = defaultdict(list)
    for box in printed.nodes:
        left, bottom = flip(box.left, box.bottom)
        boxes[box.kind].append((left, bottom, box.width, box.height))
        severity = printed.marks.get(box.id)
        if severity is not None:
            rings[severity].append((box.kind, (left, bottom, box.width, box.height)))
    for severity, ringed in rings.items():
        _draw_rings(canvas, severity, ringed)
    for kind, kind_boxes in boxes.items():
        draw_nodes(canvas, kind, kind_boxes)
    _draw_people(canvas, [box for box in printed.nodes if box.kind is NodeKind.ROLE], flip)
    end_form(canvas)
    printed.form_drawn = True
    return name


def _draw_rings(canvas: Canvas, severity: Severity, ringed: Sequence[tuple[NodeKind, Box]]) -> None:
    """The ring of a finding: the node's own shape, a little larger, in the severity's line."""
    look = vocabulary.SEVERITIES[severity.value]
    width = look.width * PRINT_WEIGHT
    canvas.setStrokeColor(SEVERITY_COLOURS[severity.value])
    canvas.setLineWidth(width)
    if look.dash:
        canvas.setDash([d * width for d in look.dash])
    canvas.addLiteral("\n".join(_outline(kind, box, _RING) for kind, box in ringed) + " S")
    if look.dash:
        canvas.setDash()


def _draw_people(
    canvas: Canvas, roles: Sequence[NodeBox], flip: Callable[[float, float], Point]
) -> None:
    """A head over shoulders in a role's left end: "role" without reading."""
    if not roles:
        return
    canvas.setFillColor(NODE_COLOURS[NodeKind.ROLE].stroke)
    path = canvas.beginPath()
    for box in roles:
        x, y = flip(*person_centre(box.left, box.y, box.height))
        path.circle(x, y + 5.5, 4.5)
        path.moveTo(x - 8, y - 10)
        path.curveTo(x - 8, y + 1, x + 8, y + 1, x + 8, y - 10)
        path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _outline(kind: NodeKind, box: Box, grow: float = 0.0) -> str:
    """The vocabulary's shape of ``kind`` filling ``box``, ``grow`` larger all round.

    As PDF path operators, like every path of the map: reportlab's path
    object formats each number in Python, which was most of the export of
    a thousand-node map.
    """
    left, bottom, width, height = box
    shape = vocabulary.outline(vocabulary.NODES[kind].shape, width, height, grow)
    if shape.polygon:
        # The vocabulary's y grows downward, the PDF's upward: flip.
        cx, cy = left + width / 2, bottom + height / 2
        (x0, y0), *rest = shape.polygon
        return " ".join([_MOVE(cx + x0, cy - y0), *(_LINE(cx + x, cy - y) for x, y in rest), "h"])
    x0, y0, radius = left - grow, bottom - grow, shape.radius
    x1, y1 = x0 + shape.width, y0 + shape.height
    # Corners as quarter circles: the control points this far from the corner.
    t = 0.4477 * radius
    return _ROUND_RECT(
        *(x0 + radius, y0, x1 - radius, y0),
        *(x1 - t, y0, x1, y0 + t, x1, y0 + radius, x1, y1 - radius),
        *(x1, y1 - t, x1 - t, y1, x1 - radius, y1, x0 + radius, y1),
        *(x0 + t, y1, x0, y1 - t, x0, y1 - radius, x0, y0 + radius),
        *(x0, y0 + t, x0 + t, y0, x0 + radius, y0),
    )


def draw_nodes(canvas: Canvas, kind: NodeKind, boxes: Sequence[Box], weight: float = 1.0) -> None:
    """Boxes of one node kind in the shape the window draws (see :mod:`workshop_app.vocabulary`)."""
    palette = NODE_COLOURS[kind]
    canvas.setFillColor(palette.fill)
    canvas.setStrokeColor(palette.stroke)
    canvas.setLineWidth(1.2 * weight)
    canvas.addLiteral("\n".join(_outline(kind, box) for box in boxes) + " B*")


def draw_edges(
    canvas: Canvas,
    kind: EdgeKind,
    paths: Sequence[tuple[PathStep, ...]],
    *,
    arrow: float = ARROW,
) -> None:
    """Routes of one kind, in the kind's line style, with its arrowhead at each end.

    Each path is the geometry's: ``("M", x, y)`` then ``("L", x, y)`` and
    ``("C", x1, y1, x2, y2, x, y)`` steps.
    """
    look = vocabulary.EDGES[kind]
    style = EDGE_STYLES[kind]
    canvas.setStrokeColor(style.colour)
    canvas.setFillColor(style.colour)
    canvas.setLineWidth(style.width)
    if style.dash:
        canvas.setDash(list(style.dash))
    double = look.arrow is vocabulary.Arrow.DOUBLE
    inset = 0.0 if look.arrow is vocabulary.Arrow.NONE else arrow * (1.5 if double else 0.8)
    steps: list[PathStep] = []
    heads: list[str] = []
    for path in paths:
        end, direction = _ending(path)
        drawn = _drawn_back(path, inset, end, direction)
        if look.zigzag:
            points = _zigzag(list(flatten(drawn)))
            steps.append(("M", *points[0]))
            steps += [("L", *point) for point in points[1:]]
        else:
            steps += drawn
        if inset:
            heads.append(_head(end, direction, arrow))
            if double:
                back = (end[0] - direction[0] * arrow * 0.7, end[1] - direction[1] * arrow * 0.7)
                heads.append(_head(back, direction, arrow))
    if steps:
        canvas.addLiteral(_path_operators(steps) + " S")
    if style.dash:
        canvas.setDash()
    if heads:
        canvas.addLiteral("\n".join(heads) + " f*")


# PDF path operators, to a tenth of a map unit: move, line, curve, a closed triangle,
# a rounded rectangle.
_MOVE = "{:.1f} {:.1f} m".format
_LINE = "{:.1f} {:.1f} l".format
_TRIANGLE = "{:.1f} {:.1f} m {:.1f} {:.1f} l {:.1f} {:.1f} l h".format
_ROUND_RECT = " ".join(
    ["{:.1f} {:.1f} m {:.1f} {:.1f} l"]
    + ["{:.1f} {:.1f} {:.1f} {:.1f} {:.1f} {:.1f} c {:.1f} {:.1f} l"] * 3
    + ["{:.1f} {:.1f} {:.1f} {:.1f} {:.1f} {:.1f} c h"]
).format
#: Each step's operator, its letter skipped by ``%.0s`` (PDF writes it after the numbers).
_STEP_FORMATS = {
    "M": "%.0s%.1f %.1f m",
    "L": "%.0s%.1f %.1f l",
    "C": "%.0s%.1f %.1f %.1f %.1f %.1f %.1f c",
}


def _path_operators(steps: Sequence[PathStep]) -> str:
    """``steps`` as PDF path operators, formatted at once (a thousand-node map has 150,000).

    >>> print(_path_operators([("M", 0, 1), ("C", 0, 2, 3, 2, 3, 4.25)]))
    0.0 1.0 m
    0.0 2.0 3.0 2.0 3.0 4.2 c
    """
    template = "\n".join(map(_STEP_FORMATS.__getitem__, map(itemgetter(0), steps)))
    return template % tuple(itertools.chain.from_iterable(steps))


def _head(tip: Point, direction: Point, length: float) -> str:
    """An arrowhead at ``tip`` pointing along ``direction``."""
    (x, y), (dx, dy) = tip, direction
    base_x, base_y = x - dx * length, y - dy * length
    side_x, side_y = -dy * length * 0.45, dx * length * 0.45
    return _TRIANGLE(x, y, base_x + side_x, base_y + side_y, base_x - side_x, base_y - side_y)


def _ending(path: tuple[PathStep, ...]) -> tuple[Point, Point]:
    """The path's last point and its direction there (a unit vector)."""
    last = path[-1]
    ex, ey = last[-2], last[-1]
    if last[0] == "C":
        bx, by = last[3], last[4]
        if abs(ex - bx) + abs(ey - by) < 1e-6:
            bx, by = last[1], last[2]
    else:
        previous = path[-2] if len(path) > 1 else last
        bx, by = previous[-2], previous[-1]
    length = math.hypot(ex - bx, ey - by)
    return (ex, ey), ((ex - bx) / length, (ey - by) / length) if length else (0.0, 1.0)


def _drawn_back(
    path: tuple[PathStep, ...], inset: float, end: Point, direction: Point
) -> tuple[PathStep, ...]:
    """``path`` ending ``inset`` short of its end (at most half its last step), under the head."""
    if not inset or len(path) < 2:
        return path
    before = path[-2]
    shift = min(inset, math.dist((before[-2], before[-1]), end) * 0.5)
    sx, sy = -direction[0] * shift, -direction[1] * shift
    last = list(path[-1])
    last[-2], last[-1] = end[0] + sx, end[1] + sy
    if last[0] == "C":  # the curve's last tangent moves with its end
        last[3], last[4] = last[3] + sx, last[4] + sy
    return (*path[:-1], tuple(last))


def _zigzag(points: list[Point]) -> list[Point]:
    """A jagged version of a polyline: the look of a conflict, as on the projector."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    total = sum(lengths)
    count = max(2, int(total / 6))
    jagged = [points[0]]
    segment, walked = 0, 0.0
    for step in range(1, count):
        at = step * total / count
        while segment < len(lengths) - 1 and walked + lengths[segment] < at:
            walked += lengths[segment]
            segment += 1
        (ax, ay), (bx, by) = points[segment], points[segment + 1]
        length = lengths[segment] or 1.0
        t = (at - walked) / length
        side = _ZIGZAG if step % 2 else -_ZIGZAG
        nx, ny = -(by - ay) / length, (bx - ax) / length
        jagged.append((ax + (bx - ax) * t + nx * side, ay + (by - ay) * t + ny * side))
    jagged.append(points[-1])
    return jagged
