"""An edge on the map: a line styled by kind, ending at the nodes' borders.

Several kinds between the same two nodes are drawn as parallel curves (the
scene gives each its ``offset``), so none hides another.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workshop_app.domain import EdgeKind
from workshop_app.ui.i18n import tr
from workshop_app.ui.map.node_item import NodeItem
from workshop_app.ui.map.style import (
    Arrow,
    MapStyle,
    edge_kind_name,
    edge_tag,
    outline_polygon,
    pen_style,
)

__all__ = ["EdgeItem"]

#: Below this zoom the short texts on edges are unreadable: leave them out.
TAG_MIN_DETAIL = 0.5
#: A trigger longer than this is shortened on the map (the tooltip has it all).
TAG_MAX_CHARS = 22
_ARROW = 13.0
_PICK_WIDTH = 12.0


class EdgeItem(QGraphicsItem):
    """One edge between two node items; it follows them as they move."""

    def __init__(
        self,
        source: NodeItem,
        target: NodeItem,
        kind: EdgeKind,
        attrs: Mapping[str, Any],
        style: MapStyle,
    ) -> None:
        super().__init__()
        self.source, self.target, self.kind = source, target, EdgeKind(kind)
        self.offset = 0.0
        self._style = style
        self._attrs: dict[str, Any] = dict(attrs)
        self._path = QPainterPath()
        self._heads: list[QPolygonF] = []
        self._shape = QPainterPath()
        self._bounds = QRectF()
        self._tag: QStaticText | None = None
        self._tag_size = QRectF()
        self._tag_centre = QPointF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)
        source.edges.add(self)
        target.edges.add(self)
        self._layout_tag()
        self.adjust()

    @property
    def key(self) -> tuple[str, str, str]:
        return self.source.node_id, self.target.node_id, self.kind.value

    def midpoint(self) -> QPointF:
        """The middle of the line, where its tag sits."""
        return QPointF(self._tag_centre)

    def detach(self) -> None:
        """Forget the end nodes (before the item leaves the scene)."""
        self.source.edges.discard(self)
        self.target.edges.discard(self)

    def refresh(self, attrs: Mapping[str, Any]) -> None:
        self._attrs = dict(attrs)
        self._layout_tag()
        self.adjust()

    def set_style(self, style: MapStyle) -> None:
        self._style = style
        self._layout_tag()
        self.adjust()

    def set_offset(self, offset: float) -> None:
        if offset != self.offset:
            self.offset = offset
            self.adjust()

    def adjust(self) -> None:
        """Recompute the line after an end node moved."""
        self.prepareGeometryChange()
        start_centre, end_centre = self.source.pos(), self.target.pos()
        if (end_centre - start_centre).manhattanLength() < 1:
            self._path, self._heads, self._shape = QPainterPath(), [], QPainterPath()
            self._bounds = QRectF()
            return
        control = self._control_point(start_centre, end_centre)
        start = _border_point(self.source, control)
        end = _border_point(self.target, control)
        look = self._style.edges[self.kind]
        direction = _unit(end - control)
        tip_inset = _ARROW * (1.6 if look.arrow is Arrow.DOUBLE else 0.8)
        line_end = end - direction * tip_inset if look.arrow is not Arrow.NONE else end
        path = QPainterPath(start)
        path.quadTo(control, line_end)
        self._path = _zigzag(path) if look.zigzag else path
        self._heads = _arrow_heads(end, direction, look.arrow, look.width)
        self._tag_centre = path.pointAtPercent(0.5)
        stroker = QPainterPathStroker()
        stroker.setWidth(_PICK_WIDTH)
        self._shape = stroker.createStroke(path)
        for head in self._heads:
            self._shape.addPolygon(head)
        margin = look.width + 8
        self._bounds = self._shape.boundingRect().adjusted(-margin, -margin, margin, margin)
        if self._tag is not None:
            self._bounds = self._bounds.united(self._tag_rect())

    def _control_point(self, start: QPointF, end: QPointF) -> QPointF:
        middle = (start + end) / 2
        if not self.offset:
            return middle
        # The normal of the pair's direction in id order, so edges both ways
        # between two nodes share one side convention and fan out, not overlap.
        a, b = (start, end) if self.source.node_id < self.target.node_id else (end, start)
        along = _unit(b - a)
        return middle + QPointF(-along.y(), along.x()) * (2 * self.offset)

    # --- QGraphicsItem ---

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._path.isEmpty():
            return
        style, look = self._style, self._style.edges[self.kind]
        exporting = getattr(self.scene(), "exporting", False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.isSelected() and not exporting:
            glow = style.selection.lighter(150)
            glow.setAlpha(150)
            painter.setPen(
                QPen(glow, look.width + 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            )
            painter.drawPath(self._path)
        pen = QPen(look.color, look.width, pen_style(look.dashes), Qt.PenCapStyle.RoundCap)
        if look.dashes:
            pen.setDashPattern(list(look.dashes))
        painter.setPen(pen)
        painter.drawPath(self._path)
        painter.setPen(QPen(look.color, 1, Qt.PenStyle.SolidLine))
        painter.setBrush(look.color)
        for head in self._heads:
            painter.drawPolygon(head)
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if self._tag is not None and detail >= TAG_MIN_DETAIL:
            rect = self._tag_rect()
            painter.setPen(QPen(look.color, 1))
            painter.setBrush(style.background)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(look.color)
            painter.setFont(style.edge_font)
            painter.drawStaticText(rect.topLeft() + QPointF(4, 1), self._tag)

    # --- helpers ---

    def _layout_tag(self) -> None:
        text = edge_tag(self.kind)
        trigger = self._attrs.get("trigger")
        if self.kind is EdgeKind.ESCALATES_TO and isinstance(trigger, str) and trigger.strip():
            trigger = trigger.strip()
            text = trigger if len(trigger) <= TAG_MAX_CHARS else trigger[: TAG_MAX_CHARS - 1] + "…"
        self._tag = None
        if text:
            self._tag = QStaticText(text)
            self._tag.setTextFormat(Qt.TextFormat.PlainText)
            self._tag.prepare(font=self._style.edge_font)
            metrics = QFontMetricsF(self._style.edge_font)
            self._tag_size = QRectF(0, 0, metrics.horizontalAdvance(text) + 8, metrics.height() + 2)
        self.update_tooltip()

    def update_tooltip(self) -> None:
        """Name the relation and its ends (after a node was renamed)."""
        trigger = self._attrs.get("trigger")
        tooltip = tr("{source} → {target}: {relation}").format(
            source=self.source.label, target=self.target.label, relation=edge_kind_name(self.kind)
        )
        if isinstance(trigger, str) and trigger.strip():
            tooltip += "\n" + tr("Trigger: {trigger}").format(trigger=trigger.strip())
        self.setToolTip(tooltip)

    def _tag_rect(self) -> QRectF:
        rect = QRectF(self._tag_size)
        rect.moveCenter(self._tag_centre)
        return rect


def _unit(vector: QPointF) -> QPointF:
    length = math.hypot(vector.x(), vector.y())
    return vector / length if length else QPointF(1, 0)


def _border_point(node: NodeItem, toward: QPointF) -> QPointF:
    """Where the ray from the node's centre toward ``toward`` leaves its shape."""
    centre = node.pos()
    dx, dy = toward.x() - centre.x(), toward.y() - centre.y()
    polygon = outline_polygon(node.kind)
    best = None
    for (px, py), (qx, qy) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        ex, ey = qx - px, qy - py
        denominator = dx * ey - dy * ex
        if abs(denominator) < 1e-9:
            continue
        s = (px * ey - py * ex) / denominator  # along the ray
        u = (px * dy - py * dx) / denominator  # along the polygon side
        if s > 0 and -1e-9 <= u <= 1 + 1e-9 and (best is None or s < best):
            best = s
    if best is None:
        return centre
    return QPointF(centre.x() + dx * best, centre.y() + dy * best)


def _arrow_heads(tip: QPointF, direction: QPointF, arrow: Arrow, width: float) -> list[QPolygonF]:
    if arrow is Arrow.NONE:
        return []
    length, half = _ARROW + width, (_ARROW + width) * 0.42
    normal = QPointF(-direction.y(), direction.x())

    def head(at: QPointF) -> QPolygonF:
        base = at - direction * length
        return QPolygonF([at, base + normal * half, base - normal * half])

    if arrow is Arrow.DOUBLE:
        return [head(tip), head(tip - direction * length * 0.75)]
    return [head(tip)]


def _zigzag(path: QPainterPath) -> QPainterPath:
    """A jagged version of ``path``: the look of a conflict."""
    length = path.length()
    steps = max(2, int(length / 7))
    zigzag = QPainterPath(path.pointAtPercent(0))
    for step in range(1, steps):
        t = path.percentAtLength(step * length / steps)
        point = path.pointAtPercent(t)
        angle = math.radians(path.angleAtPercent(t))
        side = 4.5 if step % 2 else -4.5
        zigzag.lineTo(point + QPointF(math.sin(angle), math.cos(angle)) * side)
    zigzag.lineTo(path.pointAtPercent(1))
    return zigzag
