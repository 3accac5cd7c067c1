"""The comparison drawn over the map: halos and badges, ghosts, relation highlights.

Nothing here touches the map's own items: everything is an overlay of ours,
placed from the scene's overlay API (``node_rect``, ``edge_path``,
``add_overlay``) and redrawn on its ``geometryChanged``. A changed or added
node gets a halo (drawn under the nodes, so only its rim shows) and a badge
on its corner; nodes only the other session has are ghost boxes; relations
are highlighted under the map.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workshop_app.compare.diff import EdgeKey
from workshop_app.compare.ghosts import Point
from workshop_app.compare.marks import MapMarks
from workshop_app.layout import NODE_HEIGHT, NODE_WIDTH
from workshop_app.ui.compare.look import CHANGE_COLOURS, GHOST_FILL, MARK_SYMBOLS
from workshop_app.ui.i18n import tr
from workshop_app.ui.map.scene import MapScene
from workshop_app.vocabulary import node_kind_name

__all__ = ["ChangeOverlay"]

_HALO_WIDTH = 11.0
_BADGE_RADIUS = 13.0
_HIGHLIGHT_WIDTH = 14.0
# Under the edges, then between edges and nodes, then over everything.
_UNDERLAY_Z, _GHOST_Z, _HALO_Z, _BADGE_Z = -1.0, 0.5, 0.8, 3.0

Marked = list[tuple[QRectF, str]]


def _passive(item: QGraphicsItem, z: float) -> None:
    """Our items never take a click or a hover from the map."""
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setAcceptHoverEvents(False)
    item.setZValue(z)


class _Marks(QGraphicsItem):
    """Halos around marked nodes (under them) or their badges (over them), in one item."""

    def __init__(self, badges: bool) -> None:
        super().__init__()
        _passive(self, _BADGE_Z if badges else _HALO_Z)
        self._badges = badges
        self._marked: Marked = []
        self._bounds = QRectF()

    def set_marked(self, marked: Marked) -> None:
        self.prepareGeometryChange()
        self._marked = marked
        grow = _HALO_WIDTH + _BADGE_RADIUS + 4
        bounds = QRectF()
        for rect, _change in marked:
            bounds = bounds.united(rect.adjusted(-grow, -grow, grow, grow))
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect  # type: ignore[attr-defined]
        for rect, change in self._marked:
            if rect.adjusted(-30, -30, 30, 30).intersects(exposed):
                if self._badges:
                    _paint_badge(painter, rect.topRight(), change)
                else:
                    _paint_halo(painter, rect, change)


def _paint_halo(painter: QPainter, rect: QRectF, change: str) -> None:
    pen = QPen(QColor(CHANGE_COLOURS[change]), _HALO_WIDTH * 2)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, 12, 12)


def _paint_badge(painter: QPainter, centre: QPointF, change: str) -> None:
    """A round badge with the change's symbol (plus, tilde, minus): not colour alone."""
    painter.setPen(QPen(Qt.GlobalColor.white, 2))
    painter.setBrush(QColor(CHANGE_COLOURS[change]))
    painter.drawEllipse(centre, _BADGE_RADIUS, _BADGE_RADIUS)
    font = QFont(painter.font())
    font.setPixelSize(20)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.white)
    r = _BADGE_RADIUS + 2
    box = QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, MARK_SYMBOLS[change])


class _Ghost(QGraphicsItem):
    """A node only the other session has: a dashed, pale box with its kind and label."""

    def __init__(self, node: str, kind: str, label: str, change: str, language: str) -> None:
        super().__init__()
        _passive(self, _GHOST_Z)
        self.node = node
        self.change = change
        self._kind = node_kind_name(kind, language)
        self._label = label
        self._colour = QColor(CHANGE_COLOURS[change])
        self._box = QRectF(-NODE_WIDTH / 2, -NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT)
        self.current = False
        self.setToolTip(
            (tr("Removed since: {kind} “{label}”") if change == "removed"
             else tr("Added in the other version: {kind} “{label}”")).format(
                kind=self._kind, label=label)
        )  # fmt: skip

    def set_current(self, current: bool) -> None:
        if current != self.current:
            self.current = current
            self.update()

    def boundingRect(self) -> QRectF:
        return self._box.adjusted(-6, -6, 6, 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pen = QPen(self._colour, 5 if self.current else 2.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(GHOST_FILL)))
        painter.drawRoundedRect(self._box, 10, 10)
        text_box = self._box.adjusted(10, 6, -10, -6)
        small = QFont(painter.font())
        small.setPixelSize(12)
        small.setItalic(True)
        painter.setFont(small)
        painter.setPen(self._colour)
        painter.drawText(
            text_box, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter, self._kind
        )
        label_font = QFont(painter.font())
        label_font.setPixelSize(15)
        label_font.setItalic(False)
        label_font.setStrikeOut(self.change == "removed")
        painter.setFont(label_font)
        label_box = text_box.adjusted(0, 16, 0, 0)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(label_box, int(flags), self._label)
        _paint_badge(painter, self._box.topRight(), self.change)


class _Underlay(QGraphicsItem):
    """Relations under the map: wide strokes along changed ones, dashed lines for ghosts."""

    def __init__(self) -> None:
        super().__init__()
        _passive(self, _UNDERLAY_Z)
        self._strokes: list[tuple[QPainterPath, QPen]] = []
        self._bounds = QRectF()

    def set_strokes(self, strokes: list[tuple[QPainterPath, QPen]]) -> None:
        self.prepareGeometryChange()
        self._strokes = strokes
        bounds = QRectF()
        for path, pen in strokes:
            grow = pen.widthF()
            bounds = bounds.united(path.boundingRect().adjusted(-grow, -grow, grow, grow))
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect  # type: ignore[attr-defined]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path, pen in self._strokes:
            if path.boundingRect().adjusted(-20, -20, 20, 20).intersects(exposed):
                painter.setPen(pen)
                painter.drawPath(path)


class ChangeOverlay:
    """The marks of one comparison on one map scene; :meth:`clear` takes them all away."""

    def __init__(self, scene: MapScene, language: str) -> None:
        self._scene = scene
        self._language = language
        self._marks: MapMarks | None = None
        self.ghosts: dict[str, _Ghost] = {}
        self._halos, self._badges, self._underlay = _Marks(False), _Marks(True), _Underlay()
        for item in (self._underlay, self._halos, self._badges):
            scene.add_overlay(item)
        scene.geometryChanged.connect(self.follow_map)

    def show(self, marks: MapMarks, ghost_places: dict[str, Point]) -> None:
        """Mark the map with ``marks``; ghosts go to ``ghost_places``."""
        self._remove_ghosts()
        self._marks = marks
        graph = marks.other.graph
        for node, change in marks.ghost_nodes.items():
            data = graph.nodes[node]
            kind, label = str(data.get("kind")), str(data.get("label"))
            ghost = _Ghost(node, kind, label, change, self._language)
            ghost.setPos(*ghost_places[node])
            self._scene.add_overlay(ghost)
            self.ghosts[node] = ghost
        self.follow_map()

    def follow_map(self) -> None:
        """Place the marks where the map now draws its nodes and relations."""
        if self._marks is None:
            return
        marked: Marked = []
        for node, change in self._marks.nodes.items():
            rect = self._scene.node_rect(node)
            if rect is not None:
                marked.append((rect, change))
        self._halos.set_marked(marked)
        self._badges.set_marked(marked)
        strokes = []
        for key, change in self._marks.edges.items():
            path = self._scene.edge_path(key)
            if path is not None:
                strokes.append((path, _highlight_pen(change)))
        for key, change in self._marks.ghost_edges.items():
            line = self._ghost_line(key)
            if line is not None:
                path = QPainterPath(line.p1())
                path.lineTo(line.p2())
                strokes.append((path, _ghost_pen(change)))
        self._underlay.set_strokes(strokes)

    def marked_nodes(self) -> dict[str, str]:
        """The nodes marked on the map, by change."""
        return {} if self._marks is None else dict(self._marks.nodes)

    def rect_of(self, nodes: Iterable[str]) -> QRectF:
        """The area of these nodes on the map, ghosts included."""
        rect = QRectF()
        for node in nodes:
            ghost = self.ghosts.get(node)
            area = ghost.sceneBoundingRect() if ghost is not None else self._scene.node_rect(node)
            if area is not None:
                rect = rect.united(area)
        return rect

    def set_current_ghosts(self, nodes: Iterable[str]) -> None:
        wanted = set(nodes)
        for node, ghost in self.ghosts.items():
            ghost.set_current(node in wanted)

    def clear(self) -> None:
        """Take every mark off the map (the map's own items stay as they are)."""
        self._scene.geometryChanged.disconnect(self.follow_map)
        self._remove_ghosts()
        for item in (self._underlay, self._halos, self._badges):
            self._scene.remove_overlay(item)
        self._marks = None

    def _remove_ghosts(self) -> None:
        for ghost in self.ghosts.values():
            self._scene.remove_overlay(ghost)
        self.ghosts.clear()

    def _centre(self, node: str) -> QPointF | None:
        ghost = self.ghosts.get(node)
        if ghost is not None:
            return ghost.pos()
        rect = self._scene.node_rect(node)
        return None if rect is None else rect.center()

    def _ghost_line(self, key: EdgeKey) -> QLineF | None:
        start, end = self._centre(key[0]), self._centre(key[1])
        if start is None or end is None:
            return None
        return QLineF(start, end)


def _highlight_pen(change: str) -> QPen:
    colour = QColor(CHANGE_COLOURS[change])
    colour.setAlphaF(0.35)
    pen = QPen(colour, _HIGHLIGHT_WIDTH)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _ghost_pen(change: str) -> QPen:
    pen = QPen(QColor(CHANGE_COLOURS[change]), 3, Qt.PenStyle.DashLine)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen
