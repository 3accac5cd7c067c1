"""One item that draws every edge of the map, beneath the nodes; no item per edge.

Edges are plain records (:class:`~.routes.DrawnEdge`) in a grid index
(:class:`~.grid.GridIndex`): a repaint draws only the edges the index finds
in the exposed area, batched into one path per kind of edge; the mouse picks
the nearest route through the index; a rubber band asks it for the routes in
its rectangle. Selection lives here too (a set of keys).

Qt keeps the painted layer in a device-coordinate cache: panning scrolls the
cached pixmap and draws only the strip that comes into view, and a change
repaints only the area of the edges it moved. Zoomed out, the layer draws
less (level of detail): no tags, then no arrowheads, then thin solid lines
without antialiasing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workshop_app.domain import EdgeKind
from workshop_app.ui.map.grid import GridIndex
from workshop_app.ui.map.routes import (
    ARROW,
    DrawnEdge,
    EdgeKey,
    add_heads,
    add_line,
    add_thin_line,
    line_path,
    static_tag,
)
from workshop_app.ui.map.style import MapStyle, pen_style

__all__ = ["EdgeLayer"]

#: Below this zoom the short texts on edges are unreadable: leave them out.
TAG_MIN_DETAIL = 0.65
#: Below this zoom arrowheads are a few pixels wide: leave them out.
HEAD_MIN_DETAIL = 0.25
#: Below this zoom lines are drawn without antialiasing: many thin lines in an
#: overview look the same, and are drawn ten times faster.
SMOOTH_MIN_DETAIL = 0.45
#: Below this zoom dashes are specks: draw every line thin and solid.
DASH_MIN_DETAIL = 0.15
#: Below this zoom a conflict's jags are a pixel wide: draw it straight.
JAG_MIN_DETAIL = 0.5
#: How far a drawn line reaches beyond its route (half a thick pen, a jag).
_REACH = 12.0
#: Changed edges are redrawn in pieces of their routes this long, up to so many pieces.
_PIECE = 256.0
_MAX_PIECES = 96
#: How close (in pixels) the mouse must come to a line to pick it.
PICK_PIXELS = 6.0


class EdgeLayer(QGraphicsItem):
    """Draws, picks and selects the map's edges."""

    def __init__(self, style: MapStyle) -> None:
        super().__init__()
        self._edges: dict[EdgeKey, DrawnEdge] = {}
        self._index: GridIndex[EdgeKey] = GridIndex()
        self.selected: set[EdgeKey] = set()
        self._content = QRectF()
        self._dirty = QRectF()
        #: what to redraw at the next flush, piece by piece (None: too many, ``_dirty`` whole)
        self._pieces: list[QRectF] | None = []
        self.setZValue(0)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.set_style(style)

    # --- the edges ---

    def __len__(self) -> int:
        return len(self._edges)

    def __contains__(self, key: object) -> bool:
        return key in self._edges

    def __iter__(self) -> Iterator[EdgeKey]:
        return iter(self._edges)

    def get(self, key: EdgeKey) -> DrawnEdge | None:
        return self._edges.get(key)

    def put(self, edge: DrawnEdge) -> None:
        """Add ``edge``, or replace the one with its key; drawn at the next :meth:`flush`."""
        old = self._edges.get(edge.key)
        if old is not None:
            self._index.remove(old.key, *old.index_parts())
            self._mark(old)
        self._edges[edge.key] = edge
        self._index.insert(edge.key, *edge.index_parts())
        self._mark(edge)

    def discard(self, key: EdgeKey) -> None:
        old = self._edges.pop(key, None)
        if old is not None:
            self._index.remove(key, *old.index_parts())
            self.selected.discard(key)
            self._mark(old)

    def reset(self) -> None:
        """Forget every edge at once (a new session)."""
        self.prepareGeometryChange()
        self._edges.clear()
        self._index = GridIndex()
        self.selected = set()
        self._content, self._dirty, self._pieces = QRectF(), QRectF(), []
        self.update()

    def cover(self, area: QRectF) -> None:
        """Take ``area`` (where the map's nodes are) as drawn on from now on.

        Edges run between nodes, so the edges of a large map, drawn in slice
        by slice, then stay within the layer's bounds. Each change of those
        bounds made Qt allocate a new viewport-sized pixmap for its cached
        picture of the layer and copy the old one over.
        """
        self._grow(area)

    def flush_whole(self) -> None:
        """Redraw all of the layer (while a large map's edges are drawn in).

        Qt redraws a part of its cached picture of the layer through a second
        picture of that part's size, with its own paint engine; a slice's new
        edges lie all over the map, so that part was nearly all of it. With
        the two pictures and the copy between them, that was the peak of the
        memory used at 5,000 nodes (+10 MiB for a moment).
        """
        if self._dirty.isEmpty():
            return
        dirty, self._dirty, self._pieces = self._dirty, QRectF(), []
        self._grow(dirty)
        self.update()

    def flush(self) -> None:
        """Redraw what changed since the last flush.

        A few changed edges are redrawn along their routes only (a new
        relation across a large map would otherwise redraw every edge in the
        rectangle it spans, a thousand at 1,000 nodes); many are redrawn as
        one rectangle: Qt clips the redraw to the union of all rectangles
        asked for, and clipping thousands of lines to a region of hundreds
        of rectangles costs more than drawing a few more lines.
        """
        if self._dirty.isEmpty():
            return
        dirty, self._dirty = self._dirty, QRectF()
        pieces, self._pieces = self._pieces, []
        self._grow(dirty)
        for rect in pieces if pieces is not None else [dirty]:
            self.update(rect)

    def _grow(self, area: QRectF) -> None:
        if not self._content.contains(area):
            self.prepareGeometryChange()
            self._content = self._content.united(area)

    def _mark(self, edge: DrawnEdge) -> None:
        """``edge`` is to be redrawn (where it was, or where it now is) at the next flush."""
        self._dirty = self._dirty.united(edge.bounds_rect())
        if self._pieces is None:
            return
        reach = _REACH + ARROW
        for x0, y0, x1, y1 in edge.pieces(_PIECE):
            self._pieces.append(
                QRectF(x0 - reach, y0 - reach, x1 - x0 + 2 * reach, y1 - y0 + 2 * reach)
            )
        if len(self._pieces) > _MAX_PIECES:
            self._pieces = None

    # --- picking and selection ---

    def edge_at(self, point: QPointF, tolerance: float) -> EdgeKey | None:
        """The edge nearest ``point`` within ``tolerance`` scene units, if any."""
        x, y = point.x(), point.y()
        best, nearest = None, tolerance
        for key in self._index.near(x, y, tolerance):
            distance = self._edges[key].distance(x, y)
            if distance < nearest or (distance == nearest and best is not None and key < best):
                best, nearest = key, distance
        return best

    def edges_in(self, rect: QRectF) -> list[EdgeKey]:
        """The edges whose routes (or tags) run through ``rect``, sorted."""
        box = (rect.left(), rect.top(), rect.right(), rect.bottom())
        found = (key for key in self._index.query(box) if self._edges[key].crosses(rect))
        return sorted(found)

    def set_selected(self, keys: Iterable[EdgeKey]) -> bool:
        """Select exactly ``keys`` (known ones); returns whether that changed anything."""
        wanted = {key for key in keys if key in self._edges}
        changed = wanted ^ self.selected
        if not changed:
            return False
        self.selected = wanted
        for key in changed:
            self.update(self._edges[key].bounds_rect())
        return True

    def line(self, key: EdgeKey) -> QPainterPath | None:
        """The line of edge ``key`` as drawn, or ``None``."""
        edge = self._edges.get(key)
        return None if edge is None else line_path(edge, self._style.edges[edge.kind])

    # --- look ---

    def set_style(self, style: MapStyle) -> None:
        self._style = style
        self._pens: dict[EdgeKind, QPen] = {}
        self._outlines = {kind: QPen(look.color, 1) for kind, look in style.edges.items()}
        self._thin = {kind: QPen(look.color, 0) for kind, look in style.edges.items()}
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

    # --- QGraphicsItem ---

    def boundingRect(self) -> QRectF:
        return self._content

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        area = _painted_area(painter, option.exposedRect)
        edges = self._edges_in_area(area, _clip_rects(painter))
        # Lines are cut a little outside the area, so no line ends or dash
        # pattern shows at its border.
        margin = 40 / max(detail, 1e-3)
        clip = (
            area.left() - margin,
            area.top() - margin,
            area.right() + margin,
            area.bottom() + margin,
        )
        if detail < SMOOTH_MIN_DETAIL:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        looks = self._style.edges
        chosen = self.selected
        selected = [edge for edge in edges if edge.key in chosen] if chosen else []
        if selected:
            painter.setPen(self._glow)
            self._stroke(painter, selected, clip, detail)
        by_kind: dict[EdgeKind, list[DrawnEdge]] = defaultdict(list)
        for edge in edges:
            by_kind[edge.kind].append(edge)
        thin = detail < DASH_MIN_DETAIL
        pens = self._thin if thin else self._pens
        for kind, kind_edges in by_kind.items():
            painter.setPen(pens[kind])
            if thin:
                self._stroke_thin(painter, kind_edges)
            else:
                self._stroke(painter, kind_edges, clip, detail)
        if detail >= HEAD_MIN_DETAIL:
            painter.setPen(Qt.PenStyle.NoPen)
            for kind, kind_edges in by_kind.items():
                heads = QPainterPath()
                for edge in kind_edges:
                    add_heads(heads, edge, looks[kind])
                if not heads.isEmpty():
                    painter.setBrush(looks[kind].color)
                    painter.drawPath(heads)
        if detail >= TAG_MIN_DETAIL:
            self._paint_tags(painter, edges)

    # --- helpers ---

    def _edges_in_area(self, area: QRectF, rects: list[QRectF]) -> list[DrawnEdge]:
        """The edges that can show in ``area``, or only in ``rects`` (parts of it) if given.

        The grid finds the edges whose routes pass near; an edge's bounds
        would name every long edge whose rectangle merely spans the area.
        """
        if not rects and area.contains(self._content):
            return list(self._edges.values())
        # A little wider than the area: a thick pen or a conflict's jags
        # reach into it from a line that runs just outside.
        m = _REACH
        keys: set[EdgeKey] = set()
        for rect in rects or [area]:
            keys |= self._index.query(
                (rect.left() - m, rect.top() - m, rect.right() + m, rect.bottom() + m)
            )
        return [self._edges[key] for key in keys]

    def _stroke(
        self, painter: QPainter, edges: list[DrawnEdge], clip: tuple, detail: float
    ) -> None:
        """Stroke the lines of ``edges`` with the painter's pen: straight ones in one call."""
        looks = self._style.edges
        lines: list[QLineF] = []
        curves: list[QPainterPath] = []
        for edge in edges:
            jagged = detail >= JAG_MIN_DETAIL
            add_line(lines, curves, edge, looks[edge.kind], clip, jagged=jagged)
        if lines:
            painter.drawLines(lines)
        for curve in curves:
            painter.drawPath(curve)

    @staticmethod
    def _stroke_thin(painter: QPainter, edges: list[DrawnEdge]) -> None:
        """Stroke ``edges`` far zoomed out (a thin solid pen): two calls for them all."""
        lines: list[QLineF] = []
        curves = QPainterPath()
        for edge in edges:
            add_thin_line(lines, curves, edge)
        if lines:
            painter.drawLines(lines)
        if not curves.isEmpty():
            painter.drawPath(curves)

    def _paint_tags(self, painter: QPainter, edges: list[DrawnEdge]) -> None:
        painter.setFont(self._style.edge_font)
        painter.setBrush(self._style.background)
        for edge in edges:
            box = edge.tag_box
            if box is not None:
                x0, y0, x1, y1 = box
                painter.setPen(self._outlines[edge.kind])
                painter.drawRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), 4, 4)
                for line, x, baseline in edge.tag_lines():
                    text, offset = static_tag(line)
                    painter.drawStaticText(QPointF(x, baseline) + offset, text)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _clip_rects(painter: QPainter) -> list[QRectF]:
    """The rectangles the painter is clipped to, in item coordinates, if a few."""
    if not painter.hasClipping():
        return []
    region = painter.clipRegion()
    if region.rectCount() > _MAX_PIECES:
        return []
    return [QRectF(rect) for rect in region]


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
