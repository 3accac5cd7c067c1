"""One edge as the map draws it: its route and tag as plain numbers, with picking maths.

A route is the core's form: steps ``("M", x, y)``, ``("L", x, y)`` and
``("C", x1, y1, x2, y2, x, y)`` from the border of the source to the border
of the target. A :class:`DrawnEdge` keeps those steps, the lines of its tag
and its box (the core's: placed and sized by ``layout.labels`` for the text
as the window writes it), its arrowhead and its bounds as plain numbers (the
steps as tuples, the rest packed as doubles): a map of 18,000 edges then
costs a few megabytes, where one ``QPainterPath`` and two ``QRectF`` per edge
cost forty. :func:`add_line` and :func:`add_heads` append what the painter
strokes and fills (the line, drawn back under the arrowhead and jagged for
a conflict; the arrowheads) to the one path per kind the layer draws.
"""

from __future__ import annotations

import itertools
import math
from array import array
from functools import lru_cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainterPath, QStaticText

from workshop_app.domain import EdgeKind
from workshop_app.layout import EdgeLabel
from workshop_app.layout.labels import label_size
from workshop_app.ui.map.grid import Rect, Segment
from workshop_app.ui.map.style import Arrow, EdgeLook, map_style

__all__ = [
    "ARROW",
    "DrawnEdge",
    "EdgeKey",
    "Step",
    "add_heads",
    "add_line",
    "add_thin_line",
    "drawn_edge",
    "flatten",
    "line_path",
    "static_tag",
    "straight_route",
]

EdgeKey = tuple[str, str, str]
Step = tuple[object, ...]
#: Length of an arrowhead (plus the line's width), in scene units.
ARROW = 13.0
#: Flattened curves for picking: chords no longer than this.
_CHORD = 6.0
#: Curves enter the grid index in chords this long (off the curve by far less
#: than the pick tolerance).
_INDEX_CHORD = 24.0
#: How far a conflict's jagged line swings out either side.
_ZIGZAG = 4.5
#: Which parts a :class:`DrawnEdge` has besides its bounds.
_TIP, _TAG_BOX = 1, 2


class DrawnEdge:
    """One edge on the map; ``tag`` is the lines of text on it, ``tag_box`` where they sit.

    ``steps`` is the route as drawn, its end drawn back under the arrowhead;
    ``tip`` the arrowhead's tip and direction ``(x, y, dx, dy)`` (None without
    one); ``bounds`` the box the drawn edge stays in. The numbers of the tip,
    the tag's box and the bounds are kept as doubles in one array and given
    out as tuples: as three tuples of float objects they took 504 bytes an
    edge, 160 in the array (6 MiB less for a map of 18,000 edges).
    """

    __slots__ = ("_numbers", "_parts", "key", "kind", "steps", "tag")

    def __init__(
        self,
        key: EdgeKey,
        kind: EdgeKind,
        steps: tuple[Step, ...],
        tip: tuple[float, float, float, float] | None,
        tag: tuple[str, ...] | None,
        tag_box: Rect | None,
        bounds: Rect,
    ) -> None:
        self.key, self.kind, self.steps, self.tag = key, kind, steps, tag
        numbers = array("d", bounds)
        if tip is not None:
            numbers.extend(tip)
        if tag_box is not None:
            numbers.extend(tag_box)
        self._numbers = numbers
        self._parts = (_TIP if tip is not None else 0) | (_TAG_BOX if tag_box is not None else 0)

    @property
    def bounds(self) -> Rect:
        n = self._numbers
        return n[0], n[1], n[2], n[3]

    def within(self, box: Rect) -> bool:
        """Whether the drawn edge stays inside ``box`` (asked for every edge a repaint draws)."""
        n = self._numbers
        return box[0] <= n[0] and box[1] <= n[1] and n[2] <= box[2] and n[3] <= box[3]

    @property
    def tip(self) -> tuple[float, float, float, float] | None:
        if not self._parts & _TIP:
            return None
        n = self._numbers
        return n[4], n[5], n[6], n[7]

    @property
    def tag_box(self) -> Rect | None:
        if not self._parts & _TAG_BOX:
            return None
        n, at = self._numbers, 8 if self._parts & _TIP else 4
        return n[at], n[at + 1], n[at + 2], n[at + 3]

    def tag_lines(self) -> list[tuple[str, float, float]]:
        """The tag's lines with the centre of each baseline (as the PDF writes them)."""
        if self.tag is None or self.tag_box is None:
            return []
        x0, y0, x1, y1 = self.tag_box
        label = EdgeLabel(self.tag, (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0)
        return label.baselines()

    def midpoint(self) -> QPointF:
        """Where the tag sits: the middle of the route."""
        if self.tag_box is not None:
            x0, y0, x1, y1 = self.tag_box
            return QPointF((x0 + x1) / 2, (y0 + y1) / 2)
        return QPointF(*_halfway(flatten(self.steps, _INDEX_CHORD)))

    def bounds_rect(self) -> QRectF:
        x0, y0, x1, y1 = self.bounds
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def index_parts(self) -> tuple[list[Segment], list[Rect]]:
        """The route's segments (curves in coarse chords) and the boxes of its tag and tip,
        for the grid index."""
        segments = list(itertools.pairwise(flatten(self.steps, _INDEX_CHORD)))
        boxes = []
        if self.tag_box is not None:
            boxes.append(self.tag_box)
        if self.tip is not None:
            x, y = self.tip[0], self.tip[1]
            boxes.append((x - ARROW, y - ARROW, x + ARROW, y + ARROW))
        return segments, boxes

    def pieces(self, length: float) -> list[Rect]:
        """Boxes along the route, each over at most ``length`` of it, its tip's and its tag's."""
        boxes = []
        for (x0, y0), (x1, y1) in itertools.pairwise(flatten(self.steps, _INDEX_CHORD)):
            count = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) / length))
            dx, dy = (x1 - x0) / count, (y1 - y0) / count
            for i in range(count):
                ax, ay, bx, by = x0 + dx * i, y0 + dy * i, x0 + dx * (i + 1), y0 + dy * (i + 1)
                boxes.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
        if self.tip is not None:
            boxes.append((self.tip[0], self.tip[1], self.tip[0], self.tip[1]))
        if self.tag_box is not None:
            boxes.append(self.tag_box)
        return boxes

    def distance(self, x: float, y: float) -> float:
        """How far ``(x, y)`` is from the route (0 on its tag)."""
        if self.tag_box is not None and _inside(x, y, self.tag_box):
            return 0.0
        return min(
            (_segment_distance(x, y, a, b) for a, b in itertools.pairwise(flatten(self.steps))),
            default=math.inf,
        )

    def crosses(self, rect: QRectF) -> bool:
        """Whether the route runs through ``rect`` (or its tag lies in it)."""
        box = (rect.left(), rect.top(), rect.right(), rect.bottom())
        if self.tag_box is not None and _overlap(box, self.tag_box):
            return True
        return any(_clips(a, b, box) for a, b in itertools.pairwise(flatten(self.steps)))


def drawn_edge(
    key: EdgeKey,
    steps: tuple[Step, ...],
    look: EdgeLook,
    tag: tuple[str, ...] | None,
    label: EdgeLabel | None = None,
) -> DrawnEdge:
    """The edge ``key`` along ``steps`` in the look of its kind, with the lines ``tag``.

    The tag takes the box of the core's ``label`` when the route has one (the
    core keeps it off nodes, finding rings and other tags), else a box of
    the core's size in the route's middle.
    """
    steps = tuple(steps)
    tip = None
    if look.arrow is not Arrow.NONE:
        (x, y), (dx, dy) = _ending(steps)
        tip = (x, y, dx, dy)
        steps = _drawn_back(steps, _inset(look))
    tag_box = None
    if label is not None and tag == label.text_lines:
        tag_box = label.rect
    elif tag:
        cx, cy = _halfway(flatten(steps, _INDEX_CHORD))
        w, h = (side / 2 for side in _tag_size(tag))
        tag_box = (cx - w, cy - h, cx + w, cy + h)
    xs = [v for step in steps for v in step[1::2]]
    ys = [v for step in steps for v in step[2::2]]
    margin = look.width + ARROW + _ZIGZAG
    bounds = (min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin)
    if tag_box is not None:
        bounds = (
            min(bounds[0], tag_box[0]),
            min(bounds[1], tag_box[1]),
            max(bounds[2], tag_box[2]),
            max(bounds[3], tag_box[3]),
        )
    return DrawnEdge(key, EdgeKind(key[2]), steps, tip, tag or None, tag_box, bounds)


def add_line(
    lines: list[QLineF],
    curves: list[QPainterPath],
    edge: DrawnEdge,
    look: EdgeLook,
    clip: Rect | None = None,
    *,
    jagged: bool = True,
) -> None:
    """Add ``edge``'s line, drawn back under its arrowhead and jagged for a conflict.

    ``jagged=False`` draws a conflict straight (zoomed out, where its jags
    would be a pixel wide).

    Straight pieces go to ``lines``, for one ``drawLines`` per kind of edge
    (Qt's fast path: stroking many straight pieces as one path costs a
    hundred times more, for the overlaps of their outlines); a route with
    curves goes to ``curves`` whole. With ``clip``, straight pieces are cut
    to that box: a dashed line is dashed along all its length, and on a
    large map a line crossing the view can be ten thousand units long.
    """
    steps = edge.steps
    if clip is not None and edge.within(clip):
        clip = None  # the whole edge is in view: nothing to cut
    curved = any(step[0] == "C" for step in steps)
    if curved and not (jagged and look.zigzag):
        if clip is None or _overlap(_box_of(*_controls(steps)), clip):
            curves.append(_path(steps))
        return
    points = flatten(steps) if curved else [(step[1], step[2]) for step in steps]
    for a, b in itertools.pairwise(points):
        piece = (a, b) if clip is None else _clipped(a, b, clip)
        if piece is None:
            continue
        if jagged and look.zigzag:
            for c, d in itertools.pairwise(_zigzag(list(piece))):
                lines.append(QLineF(*c, *d))
        else:
            lines.append(QLineF(*piece[0], *piece[1]))


def add_thin_line(lines: list[QLineF], curves: QPainterPath, edge: DrawnEdge) -> None:
    """Add ``edge``'s line as a thin solid pen draws it far zoomed out.

    Whole (Qt cuts a cosmetic line to the view at no cost), straight (no
    jags), not drawn back under an arrowhead (none is drawn): the route as
    it is. Straight pieces go to ``lines``, curves into the one path
    ``curves`` (a cosmetic pen strokes a path without outlining it, so one
    path for all is cheap). Most edges are one straight step: they cost one
    ``QLineF``.
    """
    steps = edge.steps
    _, x, y = steps[0]
    for step in steps[1:]:
        if step[0] == "C":
            curves.moveTo(x, y)
            curves.cubicTo(*step[1:])
        else:
            lines.append(QLineF(x, y, step[1], step[2]))
        x, y = step[-2], step[-1]


def add_heads(path: QPainterPath, edge: DrawnEdge, look: EdgeLook) -> None:
    """Append ``edge``'s arrowheads (one, two or none) to ``path``, to be filled."""
    if edge.tip is None:
        return
    x, y, dx, dy = edge.tip
    length = ARROW + look.width
    half = length * 0.42
    tips = [(x, y)]
    if look.arrow is Arrow.DOUBLE:
        tips.append((x - dx * length * 0.75, y - dy * length * 0.75))
    for tx, ty in tips:
        bx, by = tx - dx * length, ty - dy * length
        path.moveTo(tx, ty)
        path.lineTo(bx - dy * half, by + dx * half)
        path.lineTo(bx + dy * half, by - dx * half)
        path.closeSubpath()


def line_path(edge: DrawnEdge, look: EdgeLook) -> QPainterPath:
    """``edge``'s line alone, as drawn."""
    lines: list[QLineF] = []
    curves: list[QPainterPath] = []
    add_line(lines, curves, edge, look)
    if curves:
        return curves[0]
    path = QPainterPath()
    for line in lines:
        if path.currentPosition() != line.p1() or path.elementCount() == 0:
            path.moveTo(line.p1())
        path.lineTo(line.p2())
    return path


def _path(steps: tuple[Step, ...]) -> QPainterPath:
    path = QPainterPath()
    for step in steps:
        if step[0] == "M":
            path.moveTo(step[1], step[2])
        elif step[0] == "L":
            path.lineTo(step[1], step[2])
        else:
            path.cubicTo(*step[1:])
    return path


def flatten(steps: tuple[Step, ...], chord: float = 0.0) -> list[tuple[float, float]]:
    """The route as a polyline; curves in chords of at most ``chord`` units (default 6)."""
    chord = chord or _CHORD
    points: list[tuple[float, float]] = []
    for step in steps:
        if step[0] != "C":
            points.append((float(step[1]), float(step[2])))
            continue
        x0, y0 = points[-1]
        x1, y1, x2, y2, x3, y3 = step[1:]
        length = math.dist((x0, y0), (x1, y1)) + math.dist((x1, y1), (x2, y2))
        length += math.dist((x2, y2), (x3, y3))
        count = max(1, math.ceil(length / chord))
        for index in range(1, count + 1):
            t = index / count
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            points.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return points


def _inset(look: EdgeLook) -> float:
    """How far the line stops short of its end, so the arrowhead's tip is sharp."""
    if look.arrow is Arrow.NONE:
        return 0.0
    return ARROW * (1.6 if look.arrow is Arrow.DOUBLE else 0.8)


def _ending(steps: tuple[Step, ...]) -> tuple[tuple[float, float], tuple[float, float]]:
    """The route's last point and its direction there (a unit vector)."""
    last = steps[-1]
    ex, ey = last[-2], last[-1]
    if last[0] == "C":
        bx, by = last[3], last[4]
        if abs(ex - bx) + abs(ey - by) < 1e-6:
            bx, by = last[1], last[2]
    else:
        previous = steps[-2] if len(steps) > 1 else last
        bx, by = previous[-2], previous[-1]
    length = math.hypot(ex - bx, ey - by)
    return (ex, ey), ((ex - bx) / length, (ey - by) / length) if length else (1.0, 0.0)


def _drawn_back(steps: tuple[Step, ...], inset: float) -> tuple[Step, ...]:
    """``steps`` with the last end moved back by ``inset`` (at most half the last step)."""
    if not inset or len(steps) < 2:
        return steps
    (ex, ey), (dx, dy) = _ending(steps)
    before = steps[-2]
    shift = min(inset, math.dist((before[-2], before[-1]), (ex, ey)) * 0.5)
    sx, sy = -dx * shift, -dy * shift
    last = list(steps[-1])
    last[-2], last[-1] = ex + sx, ey + sy
    if last[0] == "C":  # the curve's last tangent moves along with its end
        last[3], last[4] = last[3] + sx, last[4] + sy
    return (*steps[:-1], tuple(last))


def _zigzag(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A jagged version of a polyline: the look of a conflict."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    total = sum(lengths)
    count = max(2, int(total / 7))
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


@lru_cache(maxsize=256)
def static_tag(line: str) -> tuple[QStaticText, QPointF]:
    """A line of a tag laid out, and where its top left lies from the centre of its
    baseline; shared by all edges with that line."""
    font = map_style().edge_font
    static = QStaticText(line)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=font)
    metrics = QFontMetricsF(font)
    return static, QPointF(-metrics.horizontalAdvance(line) / 2, -metrics.ascent())


@lru_cache(maxsize=256)
def _tag_size(lines: tuple[str, ...]) -> tuple[float, float]:
    return label_size(lines)


def _segment_distance(x: float, y: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    span = dx * dx + dy * dy
    t = 0.0 if span == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / span))
    return math.hypot(x - (ax + t * dx), y - (ay + t * dy))


def _clips(a: tuple[float, float], b: tuple[float, float], box: Rect) -> bool:
    """Whether the segment from ``a`` to ``b`` meets ``box``."""
    return _clipped(a, b, box) is not None


def straight_route(
    source: tuple[float, float, float],
    target: tuple[float, float, float],
    offset: float,
    clip: object,
) -> tuple[Step, ...]:
    """A route from centre to centre, bent by ``offset`` (parallel edges), clipped to the borders.

    ``source`` and ``target`` are ``(x, y, id order)``; ``clip(end, toward)``
    returns where the ray from the end node's centre toward ``toward``
    leaves its shape (``end`` is 0 for the source, 1 for the target).
    """
    (sx, sy, s_order), (tx, ty, t_order) = source, target
    middle = ((sx + tx) / 2, (sy + ty) / 2)
    control = middle
    if offset:
        # The normal of the pair's direction in id order, so edges both ways
        # between two nodes share one side convention and fan out, not overlap.
        (ax, ay), (bx, by) = ((sx, sy), (tx, ty)) if s_order < t_order else ((tx, ty), (sx, sy))
        length = math.hypot(bx - ax, by - ay) or 1.0
        nx, ny = -(by - ay) / length, (bx - ax) / length
        control = (middle[0] + nx * 2 * offset, middle[1] + ny * 2 * offset)
    start, end = clip(0, control), clip(1, control)
    if not offset:
        return (("M", *start), ("L", *end))
    # The quadratic curve through ``control`` as a cubic.
    c1 = (start[0] + 2 / 3 * (control[0] - start[0]), start[1] + 2 / 3 * (control[1] - start[1]))
    c2 = (end[0] + 2 / 3 * (control[0] - end[0]), end[1] + 2 / 3 * (control[1] - end[1]))
    return (("M", *start), ("C", *c1, *c2, *end))


def _halfway(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The point halfway along a polyline."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    rest = sum(lengths) / 2
    for (a, b), length in zip(itertools.pairwise(points), lengths, strict=True):
        if rest <= length and length:
            t = rest / length
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        rest -= length
    return points[-1]


def _controls(steps: tuple[Step, ...]) -> list[tuple[float, float]]:
    """Every point of the steps, control points included: a curve lies within their box."""
    return [(step[i], step[i + 1]) for step in steps for i in range(1, len(step), 2)]


def _box_of(*points: tuple[float, float]) -> Rect:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _clipped(
    a: tuple[float, float], b: tuple[float, float], box: Rect
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The part of the segment from ``a`` to ``b`` inside ``box`` (Liang and Barsky), or None."""
    (x0, y0), (x1, y1) = a, b
    left, top, right, bottom = box
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    if low == 0.0 and high == 1.0:
        return a, b
    return (x0 + dx * low, y0 + dy * low), (x0 + dx * high, y0 + dy * high)


def _inside(x: float, y: float, box: Rect) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
