"""A node on the map: its shape by kind, its wrapped label, its finding ring."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workshop_app.analysis import Severity
from workshop_app.domain import NodeKind
from workshop_app.layout import NodeBox
from workshop_app.ui.i18n import tr
from workshop_app.ui.map.labels import fitting_font, wrap_label
from workshop_app.ui.map.style import (
    HANDLE_OFFSET,
    HANDLE_RADIUS,
    NODE_HEIGHT,
    NODE_MARGIN,
    NODE_WIDTH,
    MapStyle,
    node_kind_name,
    node_outline,
    text_box,
)

__all__ = ["NodeItem"]

#: Below this zoom a label would be unreadable: draw the shapes only.
TEXT_MIN_DETAIL = 0.4
# Looked up once, not for each of a large map's thousands of items (Python's
# enum calls and flag arithmetic were a quarter of making one).
_KINDS = {kind.value: kind for kind in NodeKind}
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
)
_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


class NodeItem(QGraphicsItem):
    """One node; its position is the node's centre in scene units.

    The label is wrapped into static texts when first drawn or asked for
    its tooltip after it or the style changed (a large map shown whole
    draws no text, and most of its labels are never laid out). On maps of
    up to ``scene.CACHED_NODES`` nodes the item is cached in device
    coordinates, so a repaint costs little more than copying pixmaps.
    """

    # What most nodes keep as it starts is shared, here, until it changes: a
    # map has thousands of items, and every name set in __init__ made each
    # item's own attribute table larger (2 MiB at 5,000 nodes).
    mark: Severity | None = None
    focused = False
    #: while connecting: a valid target (True) or not (False)
    target_state: bool | None = None
    hovered = False
    _lines: list[tuple[QPointF, QStaticText]] | tuple[()] = ()
    _detail: tuple[QPointF, QStaticText] | None = None
    _elided = False
    _text_stale = True
    width, height = NODE_WIDTH, NODE_HEIGHT
    #: the core's box, when the map draws its geometry
    box: NodeBox | None = None

    def __init__(
        self, node_id: str, attrs: Mapping[str, Any], style: MapStyle, *, cached: bool = True
    ) -> None:
        super().__init__()
        self.node_id = node_id
        self.kind = _KINDS[attrs["kind"]]
        self._attrs: dict[str, Any] = dict(attrs)
        self._style = style
        self._font = style.font
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)
        if cached:
            self.setCacheMode(_CACHED)
        self.setZValue(1)

    @property
    def label(self) -> str:
        return self._attrs["label"]

    def refresh(self, attrs: Mapping[str, Any]) -> None:
        """Show the node's current fields (label, rank, load, limits…).

        A change of position alone (a drag, a layout) leaves the text be.
        """
        old, self._attrs = self._attrs, dict(attrs)
        if _without_position(old) != _without_position(self._attrs):
            self._text_stale = True
            self.update()

    def set_box(self, box: NodeBox | None) -> None:
        """Draw the core's box: its size, its label lines as wrapped there (None: fixed box)."""
        if box == self.box:
            return
        size = (box.width, box.height) if box is not None else (NODE_WIDTH, NODE_HEIGHT)
        if size != (self.width, self.height):
            self.prepareGeometryChange()
            self.width, self.height = size
        self.box = box
        self._text_stale = True
        self.update()

    def set_style(self, style: MapStyle) -> None:
        self._style = style
        self._text_stale = True
        self.update()

    def set_mark(self, mark: Severity | None, focused: bool) -> None:
        if (mark, focused) != (self.mark, self.focused):
            self.mark, self.focused = mark, focused
            self.update()

    def handle_contains(self, scene_pos: QPointF) -> bool:
        """Whether ``scene_pos`` is on the connector handle (the "+" on the right)."""
        local = self.mapFromScene(scene_pos)
        centre = QPointF(self.width / 2 + HANDLE_OFFSET, 0)
        return (local - centre).manhattanLength() <= HANDLE_RADIUS * 1.6

    # --- QGraphicsItem ---

    def boundingRect(self) -> QRectF:
        # Qt asks every item for it on every repaint (the scene keeps no index).
        return _bounds(self.width, self.height)

    def shape(self) -> QPainterPath:
        return _shape(self.kind, self.width, self.height)

    def hoverEnterEvent(self, event: Any) -> None:
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event: Any) -> None:
        self.hovered = False
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # Runs again for every visible node after each zoom step (the caches
        # are in device pixels): pens and outlines are made once, in the style.
        style, kind = self._style, self.kind
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.focused:
            painter.setPen(style.pens.focus)
            painter.drawPath(_outline(kind, 9, self.width, self.height))
        if self.mark is not None:
            painter.setPen(style.pens.marks[self.mark])
            painter.drawPath(_outline(kind, 10, self.width, self.height))
        painter.setPen(style.pens.nodes[kind])
        painter.setBrush(style.nodes[kind].fill)
        painter.drawPath(_outline(kind, 0, self.width, self.height))
        if self.isSelected():
            painter.setPen(style.pens.selection)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(_outline(kind, 4.5, self.width, self.height))
        if self.target_state is not None:
            painter.setPen(style.pens.target if self.target_state else style.pens.no_target)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(_outline(kind, 4.5, self.width, self.height))
        if option.levelOfDetailFromTransform(painter.worldTransform()) < TEXT_MIN_DETAIL:
            return
        self._paint_text(painter)
        if kind is NodeKind.ROLE:
            self._paint_person(painter)
        if self.mark is not None:
            self._paint_badge(painter)
        if self.hovered:
            self._paint_handle(painter)

    # --- painting helpers ---

    def toolTip(self) -> str:
        """The kind, full label and fields (the scene shows it: see MapScene.helpEvent)."""
        self._layout_text()
        return self._tooltip(self._elided)

    def _paint_text(self, painter: QPainter) -> None:
        self._layout_text()
        painter.setPen(self._style.text)
        painter.setFont(self._font)
        for point, text in self._lines:
            painter.drawStaticText(point, text)
        if self._detail is not None:
            painter.setPen(self._style.detail_text)
            painter.setFont(self._style.box_detail_font if self.box else self._style.detail_font)
            painter.drawStaticText(*self._detail)

    def _paint_person(self, painter: QPainter) -> None:
        # A head and shoulders in the pill's left end: "role" without reading.
        color = self._style.nodes[NodeKind.ROLE].border
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        x = -self.width / 2 + 19
        painter.drawEllipse(QPointF(x, -7), 5.5, 5.5)
        shoulders = QPainterPath(QPointF(x - 10, 12))
        shoulders.cubicTo(x - 10, -1, x + 10, -1, x + 10, 12)
        shoulders.closeSubpath()
        painter.drawPath(shoulders)

    def _paint_badge(self, painter: QPainter) -> None:
        # Severity by shape too (a warning is a triangle), not by colour alone.
        look = self._style.marks[self.mark]
        centre = QPointF(-self.width / 2 + 4, -self.height / 2 - 2)
        painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
        painter.setBrush(look.color)
        if self.mark is Severity.WARNING:
            painter.drawPolygon(
                [centre + QPointF(0, -11), centre + QPointF(11, 8), centre + QPointF(-11, 8)]
            )
        else:
            painter.drawEllipse(centre, 9, 9)
        painter.setPen(Qt.GlobalColor.white)
        painter.setFont(self._style.edge_font)
        box = QRectF(centre.x() - 9, centre.y() - 8, 18, 18)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, look.badge)

    def _paint_handle(self, painter: QPainter) -> None:
        centre = QPointF(self.width / 2 + HANDLE_OFFSET, 0)
        painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
        painter.setBrush(self._style.selection)
        painter.drawEllipse(centre, HANDLE_RADIUS, HANDLE_RADIUS)
        painter.setPen(QPen(Qt.GlobalColor.white, 2))
        painter.drawLine(centre + QPointF(-4.5, 0), centre + QPointF(4.5, 0))
        painter.drawLine(centre + QPointF(0, -4.5), centre + QPointF(0, 4.5))

    # --- text layout, once per change ---

    def _layout_text(self) -> None:
        if not self._text_stale:
            return
        self._text_stale = False
        if self.box is not None:
            self._layout_box_text(self.box)
            return
        style, box = self._style, text_box(self.kind)
        detail = self._detail_text()
        self._font = fitting_font(self.label, style.font, box.width())
        metrics = QFontMetricsF(self._font)
        detail_metrics = QFontMetricsF(style.detail_font)
        detail_height = detail_metrics.height() if detail else 0.0
        max_lines = max(1, int((box.height() - detail_height) // metrics.height()))
        lines, self._elided = wrap_label(self.label, metrics, box.width(), max_lines)
        top = box.center().y() - (len(lines) * metrics.height() + detail_height) / 2
        self._lines = []
        for index, line in enumerate(lines):
            x = box.center().x() - metrics.horizontalAdvance(line) / 2
            point = QPointF(x, top + index * metrics.height())
            self._lines.append((point, _static(line, self._font)))
        self._detail = None
        if detail:
            x = box.center().x() - detail_metrics.horizontalAdvance(detail) / 2
            y = top + len(lines) * metrics.height()
            self._detail = (QPointF(x, y), _static(detail, style.detail_font))

    def _layout_box_text(self, box: NodeBox) -> None:
        """The core's lines at the core's places: the window and the PDF set the same text."""
        self._font, self._elided, self._detail = self._style.box_font, False, None
        self._lines = []
        for index, (text, _size, centre, baseline) in enumerate(box.text_lines()):
            font = self._font if index < len(box.label_lines) else self._style.box_detail_font
            metrics = QFontMetricsF(font)
            x = centre - box.x - metrics.horizontalAdvance(text) / 2
            point = QPointF(x, baseline - box.y - metrics.ascent())
            if index < len(box.label_lines):
                self._lines.append((point, _static(text, font)))
            else:
                self._detail = (point, _static(text, font))
        self._elided = "…" in "".join(box.label_lines)

    def _detail_text(self) -> str:
        attrs, parts = self._attrs, []
        if self.kind is NodeKind.PRIORITY and "rank" in attrs:
            parts.append(f"#{attrs['rank']}")
        elif self.kind is NodeKind.ROLE and "load" in attrs:
            parts.append(tr("{load} %").format(load=attrs["load"]))
        elif self.kind is NodeKind.RESPONSIBILITY:
            if attrs.get("decision_limit"):
                parts.append(f"≤ {attrs['decision_limit']}")
            if attrs.get("reconfirm"):
                parts.append("↻")
            if attrs.get("critical"):
                parts.append("!")
        return "  ".join(parts)

    def _tooltip(self, elided: bool) -> str:
        attrs = self._attrs
        lines = [self.label if elided else f"{node_kind_name(self.kind)}: {self.label}"]
        if "rank" in attrs:
            lines.append(tr("Rank {rank}").format(rank=attrs["rank"]))
        if "load" in attrs:
            lines.append(tr("Load {load} %").format(load=attrs["load"]))
        if attrs.get("decision_limit"):
            lines.append(tr("Decision limit: {limit}").format(limit=attrs["decision_limit"]))
        if attrs.get("reconfirm"):
            lines.append(tr("↻ must be re-confirmed by someone else"))
        if attrs.get("critical"):
            lines.append(tr("! critical"))
        return "\n".join(lines)


def _without_position(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in attrs.items() if name != "position"}


@lru_cache(maxsize=1024)
def _bounds(width: float, height: float) -> QRectF:
    w, h = width / 2 + NODE_MARGIN, height / 2 + NODE_MARGIN
    return QRectF(-w, -h, 2 * w, 2 * h)


@lru_cache(maxsize=4096)
def _outline(kind: NodeKind, grow: float, width: float, height: float) -> QPainterPath:
    return node_outline(kind, grow, width, height)


@lru_cache(maxsize=1024)
def _shape(kind: NodeKind, width: float, height: float) -> QPainterPath:
    """The node and its connector handle: what the mouse can hit."""
    path = node_outline(kind, 2, width, height)
    path.addEllipse(QPointF(width / 2 + HANDLE_OFFSET, 0), HANDLE_RADIUS, HANDLE_RADIUS)
    return path


def _static(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=font)
    return static
