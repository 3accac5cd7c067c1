"""One item that draws every edge of the map, beneath the nodes.

Drawing each edge from its own item costs a call into Python per edge on
every repaint, which alone would take a 1,000-node map (about 3,500 edges)
well past a frame. The layer instead draws all edges a part of the view
shows in a few calls (one ``drawLines`` per kind of edge), and Qt keeps the
result in a device-coordinate cache: panning scrolls the cached pixmap and
draws only the strip that comes into view, and a change repaints only the
area of the edges it moved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workshop_app.domain import EdgeKind
from workshop_app.ui.map.edge_item import EdgeItem
from workshop_app.ui.map.style import MapStyle, pen_style

__all__ = ["EdgeLayer"]

#: Below this zoom the short texts on edges are unreadable: leave them out.
TAG_MIN_DETAIL = 0.65
#: Below this zoom arrowheads are a few pixels wide: leave them out.
HEAD_MIN_DETAIL = 0.25
#: Below this zoom lines are drawn without antialiasing: many thin lines in an
#: overview look the same, and are drawn ten times faster.
SMOOTH_MIN_DETAIL = 0.45


class EdgeLayer(QGraphicsItem):
    """Draws the edges of ``edges`` (the scene's index of edge items)."""

    def __init__(self, edges: dict[tuple[str, str, str], EdgeItem], style: MapStyle) -> None:
        super().__init__()
        self._edges = edges
        self._content = QRectF()
        self._dirty = QRectF()
        self.setZValue(0)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.set_style(style)

    def set_style(self, style: MapStyle) -> None:
        self._style = style
        self._pens: dict[EdgeKind, QPen] = {}
        self._outlines = {kind: QPen(look.color, 1) for kind, look in style.edges.items()}
        for kind, look in style.edges.items():
            # Flat caps: Qt's raster engine has a fast path for antialiased
            # lines with flat caps; round caps go through the stroker.
            pen = QPen(look.color, look.width, pen_style(look.dashes), Qt.PenCapStyle.FlatCap)
            if look.dashes:
                pen.setDashPattern(list(look.dashes))
            self._pens[kind] = pen
        glow = style.selection.lighter(150)
        glow.setAlpha(150)
        self._glow = QPen(glow, 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        self.update()

    def edge_changed(self, area: QRectF) -> None:
        """An edge was added, moved or removed within ``area``: redraw that part
        at the next :meth:`flush`."""
        self._dirty = self._dirty.united(area)

    def flush(self) -> None:
        """Redraw what changed since the last flush, as one rectangle.

        One rectangle rather than one per edge: Qt clips the redraw to the
        union of all rectangles asked for, and clipping thousands of lines to
        a region of hundreds of rectangles costs more than drawing a few
        more lines.
        """
        if self._dirty.isEmpty():
            return
        dirty, self._dirty = self._dirty, QRectF()
        if not self._content.contains(dirty):
            self.prepareGeometryChange()
            self._content = self._content.united(dirty)
        self.update(dirty)

    def redraw(self, edges: Iterable[EdgeItem]) -> None:
        """Redraw these edges (their selection changed)."""
        for edge in edges:
            self.update(edge.boundingRect())

    # --- QGraphicsItem ---

    def boundingRect(self) -> QRectF:
        return self._content

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        edges = self._edges_in(_painted_area(painter, option.exposedRect))
        if detail < SMOOTH_MIN_DETAIL:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        selected = [edge for edge in edges if edge.isSelected()]
        if selected:
            painter.setPen(self._glow)
            for edge in selected:
                painter.drawPath(edge.path)
        lines: dict[EdgeKind, list[QLineF]] = defaultdict(list)
        paths: dict[EdgeKind, list[QPainterPath]] = defaultdict(list)
        heads: dict[EdgeKind, list[QPainterPath]] = defaultdict(list)
        for edge in edges:
            if edge.line is not None:
                lines[edge.kind].append(edge.line)
            else:
                paths[edge.kind].append(edge.path)
            heads[edge.kind].append(edge.heads)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for kind, pen in self._pens.items():
            painter.setPen(pen)
            if lines[kind]:
                painter.drawLines(lines[kind])
            for path in paths[kind]:
                painter.drawPath(path)
        if detail >= HEAD_MIN_DETAIL:
            painter.setPen(Qt.PenStyle.NoPen)
            for kind, look in self._style.edges.items():
                if heads[kind]:
                    # One fill for all heads of a kind: each fill has a set-up cost.
                    combined = QPainterPath()
                    for path in heads[kind]:
                        combined.addPath(path)
                    painter.setBrush(look.color)
                    painter.drawPath(combined)
        if detail >= TAG_MIN_DETAIL:
            self._paint_tags(painter, edges)

    # --- helpers ---

    def _edges_in(self, area: QRectF) -> list[EdgeItem]:
        if area.contains(self._content):
            return list(self._edges.values())
        found = self.scene().items(area, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        return [item for item in found if isinstance(item, EdgeItem)]

    def _paint_tags(self, painter: QPainter, edges: list[EdgeItem]) -> None:
        painter.setFont(self._style.edge_font)
        painter.setBrush(self._style.background)
        for edge in edges:
            if edge.tag is not None:
                rect = edge.tag_rect()
                painter.setPen(self._outlines[edge.kind])
                painter.drawRoundedRect(rect, 4, 4)
                painter.drawStaticText(rect.topLeft() + QPointF(4, 1), edge.tag)


def _painted_area(painter: QPainter, exposed: QRectF) -> QRectF:
    """The part of ``exposed`` (item coordinates) that can reach the device.

    When Qt fills the layer's cache it reports the whole layer as exposed,
    but the cache holds only what the viewport shows (and clips to the part
    that needs drawing): draw only the edges there.
    """
    if painter.hasClipping():
        return exposed.intersected(painter.clipBoundingRect())
    device = painter.device()
    inverse, invertible = painter.worldTransform().inverted()
    if not invertible:
        return exposed
    return exposed.intersected(inverse.mapRect(QRectF(0, 0, device.width(), device.height())))
