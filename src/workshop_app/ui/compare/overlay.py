"""The comparison drawn over the map: halos and badges, ghosts, relation highlights.

Nothing here changes the map's own items. A changed or added node gets two
items of ours parented to its node item (so they follow a drag): a halo
behind it and a badge on its corner. Nodes only the other session has are
ghost boxes of ours; relations are highlighted by one item under the map.
Everything the overlay needs to know about the map's drawing goes through
:class:`_SceneGeometry`, the one place that reads the scene's items.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from workshop_app.compare.diff import EdgeKey
from workshop_app.compare.ghosts import Point
from workshop_app.compare.marks import MapMarks
from workshop_app.layout import NODE_HEIGHT, NODE_WIDTH
from workshop_app.ui.compare.look import CHANGE_COLOURS, GHOST_FILL, MARK_SYMBOLS
from workshop_app.ui.i18n import tr
from workshop_app.vocabulary import node_kind_name

__all__ = ["ChangeOverlay"]

_HALO_WIDTH = 11.0
_BADGE_RADIUS = 13.0
_HIGHLIGHT_WIDTH = 14.0
_GHOST_Z, _UNDERLAY_Z = 0.5, -1.0


def _passive(item: QGraphicsItem) -> None:
    """Our items never take a click or a hover from the map."""
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setAcceptHoverEvents(False)


class _SceneGeometry:
    """What the overlay reads of the map scene: node items and relation routes."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene

    def node_item(self, node: str) -> QGraphicsItem | None:
        return self._scene.nodes.get(node)  # type: ignore[attr-defined]

    def node_rect(self, node: str) -> QRectF | None:
        item = self.node_item(node)
        return None if item is None else item.mapRectToScene(node_outline(item).boundingRect())

    def edge_path(self, key: EdgeKey) -> QPainterPath | None:
        item = self._scene.edges.get(key)  # type: ignore[attr-defined]
        return None if item is None else QPainterPath(item.path)


def node_outline(item: QGraphicsItem) -> QPainterPath:
    """The outline of a node item: the largest part of its shape (not the connector handle)."""
    parts = item.shape().toSubpathPolygons()
    if not parts:
        return QPainterPath()
    largest = max(parts, key=lambda p: p.boundingRect().width() * p.boundingRect().height())
    outline = QPainterPath()
    outline.addPolygon(largest)
    outline.closeSubpath()
    return outline


class _Halo(QGraphicsItem):
    """A wide ring in the change's colour, behind its node (the node covers its inside)."""

    def __init__(self, parent: QGraphicsItem, change: str) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        _passive(self)
        self._outline = node_outline(parent)
        self._pen = QPen(QColor(CHANGE_COLOURS[change]), _HALO_WIDTH * 2)
        self._pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        grow = _HALO_WIDTH + 2
        self._bounds = self._outline.boundingRect().adjusted(-grow, -grow, grow, grow)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._outline)


class _Badge(QGraphicsItem):
    """A round badge with the change's symbol (plus, tilde, minus): not colour alone."""

    def __init__(self, change: str, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        _passive(self)
        self.setZValue(3)
        self._colour = QColor(CHANGE_COLOURS[change])
        self._symbol = MARK_SYMBOLS[change]
        r = _BADGE_RADIUS + 2
        self._bounds = QRectF(-r, -r, 2 * r, 2 * r)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(QPen(Qt.GlobalColor.white, 2))
        painter.setBrush(self._colour)
        painter.drawEllipse(QPointF(0, 0), _BADGE_RADIUS, _BADGE_RADIUS)
        font = QFont(painter.font())
        font.setPixelSize(20)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(self._bounds, Qt.AlignmentFlag.AlignCenter, self._symbol)


class _Ghost(QGraphicsItem):
    """A node only the other session has: a dashed, pale box with its kind and label."""

    def __init__(self, node: str, kind: str, label: str, change: str, language: str) -> None:
        super().__init__()
        _passive(self)
        self.node = node
        self.change = change
        self.setZValue(_GHOST_Z)
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
        badge = _Badge(change, self)
        badge.setPos(self._box.topRight())

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


class _Underlay(QGraphicsItem):
    """Relations under the map: wide strokes along changed ones, dashed lines for ghosts."""

    def __init__(self) -> None:
        super().__init__()
        _passive(self)
        self.setZValue(_UNDERLAY_Z)
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

    def __init__(self, scene: QGraphicsScene, language: str) -> None:
        self._scene = scene
        self._geometry = _SceneGeometry(scene)
        self._language = language
        self._marks: MapMarks | None = None
        self._node_items: list[QGraphicsItem] = []
        self.ghosts: dict[str, _Ghost] = {}
        self._underlay = _Underlay()
        scene.addItem(self._underlay)

    def show(self, marks: MapMarks, ghost_places: dict[str, Point]) -> None:
        """Mark the map with ``marks``; ghosts go to ``ghost_places``."""
        self._remove_node_items()
        self._marks = marks
        for node, change in marks.nodes.items():
            item = self._geometry.node_item(node)
            if item is not None:
                badge = _Badge(change, item)
                badge.setPos(node_outline(item).boundingRect().topRight())
                self._node_items += [_Halo(item, change), badge]
        graph = marks.other.graph
        for node, change in marks.ghost_nodes.items():
            data = graph.nodes[node]
            ghost = _Ghost(
                node, str(data.get("kind")), str(data.get("label")), change, self._language
            )
            ghost.setPos(*ghost_places[node])
            self._scene.addItem(ghost)
            self.ghosts[node] = ghost
        self.follow_map()

    def follow_map(self) -> None:
        """Redraw the relation marks where the map now draws its relations."""
        if self._marks is None:
            return
        strokes = []
        for key, change in self._marks.edges.items():
            path = self._geometry.edge_path(key)
            if path is not None:
                strokes.append((path, _highlight_pen(change)))
        for key, change in self._marks.ghost_edges.items():
            line = self._ghost_line(key)
            if line is not None:
                path = QPainterPath(line.p1())
                path.lineTo(line.p2())
                strokes.append((path, _ghost_pen(change)))
        self._underlay.set_strokes(strokes)

    def rect_of(self, nodes: Iterable[str]) -> QRectF:
        """The area of these nodes on the map, ghosts included."""
        rect = QRectF()
        for node in nodes:
            ghost = self.ghosts.get(node)
            area = (
                ghost.sceneBoundingRect() if ghost is not None else self._geometry.node_rect(node)
            )
            if area is not None:
                rect = rect.united(area)
        return rect

    def set_current_ghosts(self, nodes: Iterable[str]) -> None:
        wanted = set(nodes)
        for node, ghost in self.ghosts.items():
            ghost.set_current(node in wanted)

    def clear(self) -> None:
        """Take every mark off the map (the map's own items stay as they are)."""
        self._remove_node_items()
        _remove(self._underlay)
        self._marks = None

    def _remove_node_items(self) -> None:
        for item in (*self._node_items, *self.ghosts.values()):
            _remove(item)
        self._node_items.clear()
        self.ghosts.clear()

    def _centre(self, node: str) -> QPointF | None:
        ghost = self.ghosts.get(node)
        if ghost is not None:
            return ghost.pos()
        rect = self._geometry.node_rect(node)
        return None if rect is None else rect.center()

    def _ghost_line(self, key: EdgeKey) -> QLineF | None:
        start, end = self._centre(key[0]), self._centre(key[1])
        if start is None or end is None:
            return None
        return QLineF(start, end)


def _remove(item: QGraphicsItem) -> None:
    """Take ``item`` out of its scene, unless the scene is gone or was cleared already.

    A node item takes our halo and badge with it when the map drops it, and a
    rebuilt map clears every item: Qt has deleted those.
    """
    if isValid(item) and item.scene() is not None:
        item.scene().removeItem(item)


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
