"""An edge on the map: its line, arrowheads and tag, ending at the nodes' borders.

Several kinds between the same two nodes are drawn as parallel curves (the
scene gives each its ``offset``), so none hides another. The item computes
the geometry and is what the mouse selects and what shows the tooltip; the
:class:`~workshop_app.ui.map.edge_layer.EdgeLayer` draws all edges at once.

A map of 5,000 nodes has some 18,000 edges, so an item keeps little: its
picking area is its line with an invisible wide pen (Qt strokes it in C++
only when it asks for the shape), and its tooltip is written when shown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainterPath,
    QPen,
    QPolygonF,
    QStaticText,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from workshop_app.domain import EdgeKind
from workshop_app.ui.i18n import tr
from workshop_app.ui.map.node_item import NodeItem
from workshop_app.ui.map.style import (
    Arrow,
    MapStyle,
    border_distance,
    edge_kind_name,
    edge_tag,
    map_style,
)

if TYPE_CHECKING:
    from workshop_app.ui.map.edge_layer import EdgeLayer

__all__ = ["EdgeItem"]

#: A trigger longer than this is shortened on the map (the tooltip has it all).
TAG_MAX_CHARS = 22
_ARROW = 13.0
_PICK_WIDTH = 12.0
_PICK_PEN = QPen(QColor(0, 0, 0, 0), _PICK_WIDTH)


class EdgeItem(QGraphicsPathItem):
    """One edge between two node items; it follows them as they move.

    Its path is the line (there and back, so a curve encloses no area), the
    arrowheads and the tag; with the invisible pen of ``_PICK_WIDTH`` Qt's
    shape of it is the area that picks the edge, so Qt answers "what is
    under the mouse" and "what lies in this rectangle" without calling into
    Python.
    """

    def __init__(
        self,
        source: NodeItem,
        target: NodeItem,
        kind: EdgeKind,
        attrs: Mapping[str, Any],
        style: MapStyle,
        layer: EdgeLayer,
        offset: float = 0.0,
    ) -> None:
        super().__init__()
        self.source, self.target, self.kind = source, target, EdgeKind(kind)
        self._layer = layer
        self.offset = offset
        self._style = style
        self._attrs: dict[str, Any] = dict(attrs)
        #: the line as a path (curved for parallel edges, jagged for conflicts)
        self.path = QPainterPath()
        #: the same as a plain line when it is straight: much cheaper to draw
        self.line: QLineF | None = None
        #: the arrowheads, to be filled
        self.heads = QPainterPath()
        #: the short text on the edge ("A", "eskaliert", a trigger), if any
        self.tag: QStaticText | None = None
        self._tag_size = QRectF()
        self._tag_centre = QPointF()
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
        )
        self.setPen(_PICK_PEN)
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
        """Recompute the line after an end node moved, and have it redrawn."""
        old = self.boundingRect()
        self._compute()
        self._layer.edge_changed(old.united(self.boundingRect()))

    def _compute(self) -> None:
        start_centre, end_centre = self.source.pos(), self.target.pos()
        if (end_centre - start_centre).manhattanLength() < 1:
            self.path, self.line, self.heads = QPainterPath(), None, QPainterPath()
            self.setPath(QPainterPath())
            return
        control = self._control_point(start_centre, end_centre)
        start = _border_point(self.source, control)
        end = _border_point(self.target, control)
        look = self._style.edges[self.kind]
        direction = _unit(end - control)
        tip_inset = _ARROW * (1.6 if look.arrow is Arrow.DOUBLE else 0.8)
        line_end = end - direction * tip_inset if look.arrow is not Arrow.NONE else end
        path = QPainterPath(start)
        if self.offset:
            path.quadTo(control, line_end)
        else:
            path.lineTo(line_end)
        self.path = _zigzag(path) if look.zigzag else path
        self.line = QLineF(start, line_end) if not (self.offset or look.zigzag) else None
        self.heads = QPainterPath()
        for head in _arrow_heads(end, direction, look.arrow, look.width):
            self.heads.addPolygon(head)
            self.heads.closeSubpath()
        self._tag_centre = path.pointAtPercent(0.5)
        picking = QPainterPath(path)
        picking.connectPath(path.toReversed())
        picking.addPath(self.heads)
        if self.tag is not None:
            picking.addRect(self.tag_rect())
        self.setPath(picking)

    def _control_point(self, start: QPointF, end: QPointF) -> QPointF:
        middle = (start + end) / 2
        if not self.offset:
            return middle
        # The normal of the pair's direction in id order, so edges both ways
        # between two nodes share one side convention and fan out, not overlap.
        a, b = (start, end) if self.source.node_id < self.target.node_id else (end, start)
        along = _unit(b - a)
        return middle + QPointF(-along.y(), along.x()) * (2 * self.offset)

    # --- helpers ---

    def _layout_tag(self) -> None:
        text = edge_tag(self.kind)
        trigger = self._attrs.get("trigger")
        if self.kind is EdgeKind.ESCALATES_TO and isinstance(trigger, str) and trigger.strip():
            trigger = trigger.strip()
            text = trigger if len(trigger) <= TAG_MAX_CHARS else trigger[: TAG_MAX_CHARS - 1] + "…"
        self.tag, self._tag_size = (None, QRectF())
        if text:
            self.tag, self._tag_size = _static_tag(text, self._style.presentation)

    def toolTip(self) -> str:
        """Name the relation and its ends (the scene shows it: see MapScene.helpEvent)."""
        trigger = self._attrs.get("trigger")
        tooltip = tr("{source} → {target}: {relation}").format(
            source=self.source.label, target=self.target.label, relation=edge_kind_name(self.kind)
        )
        if isinstance(trigger, str) and trigger.strip():
            tooltip += "\n" + tr("Trigger: {trigger}").format(trigger=trigger.strip())
        return tooltip

    def tag_rect(self) -> QRectF:
        """Where the tag's box is drawn, centred on the line."""
        rect = QRectF(self._tag_size)
        rect.moveCenter(self._tag_centre)
        return rect


def _unit(vector: QPointF) -> QPointF:
    length = math.hypot(vector.x(), vector.y())
    return vector / length if length else QPointF(1, 0)


def _border_point(node: NodeItem, toward: QPointF) -> QPointF:
    """Where the ray from the node's centre toward ``toward`` leaves its shape."""
    centre = node.pos()
    x, y = centre.x(), centre.y()
    dx, dy = toward.x() - x, toward.y() - y
    t = border_distance(node.kind, dx, dy)
    return QPointF(x + dx * t, y + dy * t)


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


@lru_cache(maxsize=256)
def _static_tag(text: str, presentation: bool) -> tuple[QStaticText, QRectF]:
    """The laid-out tag text and its box size, shared by all edges with that tag."""
    font = map_style(presentation).edge_font
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=font)
    metrics = QFontMetricsF(font)
    return static, QRectF(0, 0, metrics.horizontalAdvance(text) + 8, metrics.height() + 2)
