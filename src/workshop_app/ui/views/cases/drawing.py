"""How a walked case is drawn: the picture's parts, their geometry, and painting them.

:class:`Picture` is what :class:`~.overlay.WalkOverlay` decides to show —
halos, arrows, numbered badges and labelled tags, in scene units — and
:func:`draw` paints it: halos first, then arrows, then badges and tags, so
no label is hidden. Tags are placed by :class:`Placer` where they cover no
node of the walk and no other tag, when such a place is at hand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

__all__ = [
    "ABSENT",
    "DECIDED",
    "HALO",
    "PATH",
    "STALLED",
    "Arrow",
    "Badge",
    "Halo",
    "Picture",
    "Placer",
    "Tag",
    "arrow_tag_boxes",
    "curve",
    "draw",
    "node_tag_boxes",
]

PATH = QColor("#1a56c4")
DECIDED = QColor("#0b6e2a")
STALLED = QColor("#b3261e")
ABSENT = QColor("#5f6368")
PAPER = QColor("#ffffff")
VEIL = QColor(255, 255, 255, 165)
#: How far a halo stands off its node, in scene units.
HALO = 18.0


@dataclass(frozen=True)
class Halo:
    node: str
    rect: QRectF
    colour: QColor
    dashed: bool = False
    width: float = 6.0


@dataclass(frozen=True)
class Arrow:
    source: str
    target: str
    path: QPainterPath
    tip: QPointF
    tangent: QPointF
    shown: float  # 1.0: arrived; less: the case is on its way


@dataclass(frozen=True)
class Badge:
    node: str
    rect: QRectF
    number: int


@dataclass(frozen=True)
class Tag:
    text: str
    box: QRectF
    colour: QColor
    solid: bool = False


@dataclass
class Picture:
    """Everything the overlay shows, in the order it is drawn."""

    area: QRectF
    font: QFont
    holes: list[QRectF] = field(default_factory=list)
    halos: list[Halo] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    badges: list[Badge] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)


class Placer:
    """Finds each tag a place that covers no node of the walk, no arrow and no earlier tag."""

    def __init__(self, blocked: list[QRectF], arrows: list[QPainterPath]) -> None:
        self.taken = [rect.adjusted(-HALO, -HALO, HALO, HALO) for rect in blocked]
        self.arrows = arrows

    def place(self, candidates: list[QRectF]) -> QRectF:
        box = next((c for c in candidates if self._free(c)), candidates[0])
        self.taken.append(box)
        return box

    def _free(self, box: QRectF) -> bool:
        if any(box.intersects(taken) for taken in self.taken):
            return False
        return not any(_crosses(arrow, box) for arrow in self.arrows)


def _crosses(path: QPainterPath, box: QRectF) -> bool:
    """Whether the line of ``path`` runs through ``box`` (its points, 24 along it)."""
    return any(box.contains(path.pointAtPercent(i / 24)) for i in range(25))


def pill_size(font: QFont, text: str) -> tuple[float, float]:
    metrics = QFontMetricsF(font)
    return metrics.horizontalAdvance(text) + 24, metrics.height() + 12


def node_tag_boxes(rect: QRectF, width: float, height: float) -> list[QRectF]:
    """Where a tag may go beside a node: below it, else above, right or left."""
    grown = rect.adjusted(-HALO - 6, -HALO - 6, HALO + 6, HALO + 6)
    centre = grown.center()
    return [
        QRectF(centre.x() - width / 2, grown.bottom(), width, height),
        QRectF(centre.x() - width / 2, grown.top() - height, width, height),
        QRectF(grown.right(), centre.y() - height / 2, width, height),
        QRectF(grown.left() - width, centre.y() - height / 2, width, height),
    ]


def arrow_tag_boxes(path: QPainterPath, width: float, height: float) -> list[QRectF]:
    """Where a tag may go beside an arrow: outside its bend, else inside, else further along."""
    chord = path.pointAtPercent(1.0) - path.pointAtPercent(0.0)
    length = math.hypot(chord.x(), chord.y()) or 1.0
    # The bend goes to the left of the direction: (dy, -dx) points outward.
    outward = QPointF(chord.y() / length, -chord.x() / length)
    reach = abs(outward.x()) * width / 2 + abs(outward.y()) * height / 2 + 6
    boxes = []
    # Further out last: between nodes stacked close, the near places are taken.
    for distance in (reach, reach + width / 2, reach + width):
        for at in (0.5, 0.3, 0.7):
            for side in (1, -1):
                centre = path.pointAtPercent(at) + outward * distance * side
                boxes.append(QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height))
    return boxes


def _border_point(rect: QRectF, towards: QPointF) -> QPointF:
    """Where the line from the centre of ``rect`` to ``towards`` leaves the halo around it."""
    grown = rect.adjusted(-HALO, -HALO, HALO, HALO)
    centre = grown.center()
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale = min(
        grown.width() / 2 / abs(dx) if dx else math.inf,
        grown.height() / 2 / abs(dy) if dy else math.inf,
    )
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


def curve(source: QRectF, target: QRectF, shown: float) -> tuple[QPainterPath, QPointF, QPointF]:
    """A gently bent arrow from ``source`` to ``target``, cut at ``shown`` (0 to 1) of it.

    Bent to the left of its direction, so a case that goes back the way it
    came is drawn beside the first arrow, not over it. Returns the path, its
    tip and the direction at the tip.
    """
    start = _border_point(source, target.center())
    end = _border_point(target, source.center())
    dx, dy = end.x() - start.x(), end.y() - start.y()
    control = QPointF((start.x() + end.x()) / 2 + dy * 0.18, (start.y() + end.y()) / 2 - dx * 0.18)
    full = QPainterPath(start)
    full.quadTo(control, end)
    if shown >= 1.0:
        return full, end, end - full.pointAtPercent(0.97)
    cut = QPainterPath(start)
    steps = max(2, int(40 * shown))
    for i in range(1, steps + 1):
        cut.lineTo(full.pointAtPercent(shown * i / steps))
    tip = full.pointAtPercent(shown)
    return cut, tip, tip - full.pointAtPercent(max(shown - 0.02, 0.0))


def draw(painter: QPainter, picture: Picture) -> None:
    """Paint ``picture``: the veil, halos, arrows, badges, then the tags on top."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(picture.font)
    veil = QPainterPath()
    veil.setFillRule(Qt.FillRule.OddEvenFill)
    veil.addRect(picture.area)
    for rect in picture.holes:
        veil.addRoundedRect(rect.adjusted(-HALO, -HALO, HALO, HALO), 14, 14)
    painter.fillPath(veil, VEIL)
    for halo in picture.halos:
        pen = QPen(halo.colour, halo.width)
        pen.setStyle(Qt.PenStyle.DashLine if halo.dashed else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(halo.rect.adjusted(-HALO, -HALO, HALO, HALO), 14, 14)
    radius = QFontMetricsF(picture.font).height() * 0.8
    for arrow in picture.arrows:
        _arrow(painter, arrow, radius * 0.9)
    for badge in picture.badges:
        centre = badge.rect.topLeft() + QPointF(-HALO, -HALO)
        painter.setPen(QPen(PAPER, 3))
        painter.setBrush(PATH)
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(PAPER)
        box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(badge.number))
    for tag in picture.tags:
        box = tag.box
        painter.setPen(QPen(tag.colour, 3))
        painter.setBrush(tag.colour if tag.solid else PAPER)
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.setPen(PAPER if tag.solid else tag.colour)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, tag.text)


def _arrow(painter: QPainter, arrow: Arrow, token: float) -> None:
    painter.setPen(QPen(PATH, 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(arrow.path)
    if arrow.shown < 1.0:  # the case on its way: a dot at the head of the growing arrow
        painter.setPen(QPen(PAPER, 3))
        painter.setBrush(PATH)
        painter.drawEllipse(arrow.tip, token, token)
        return
    tangent = arrow.tangent
    length = math.hypot(tangent.x(), tangent.y()) or 1.0
    ux, uy = tangent.x() / length, tangent.y() / length
    size = 26.0
    back = QPointF(arrow.tip.x() - ux * size, arrow.tip.y() - uy * size)
    head = QPainterPath(arrow.tip)
    head.lineTo(QPointF(back.x() - uy * size * 0.55, back.y() + ux * size * 0.55))
    head.lineTo(QPointF(back.x() + uy * size * 0.55, back.y() - ux * size * 0.55))
    head.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PATH)
    painter.drawPath(head)
