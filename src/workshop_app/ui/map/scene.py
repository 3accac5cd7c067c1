"""The map's scene: one item per node and edge, kept in step with the session.

Items are indexed by id, so an edit updates only the items it touched: the
scene takes the node ids and edge keys the core's
:class:`~workshop_app.domain.Change` names and makes each of those items
match the session as it now is. That one rule serves new edits, undo and
redo alike, and a batch whose parts cancel out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from workshop_app.analysis import Finding, Severity
from workshop_app.domain import Change, EdgeKind, NodeKind, Session
from workshop_app.layout import H_GAP, NODE_HEIGHT, NODE_WIDTH, V_GAP, node_positions
from workshop_app.layout.layers import stored_position
from workshop_app.ui.map.edge_item import EdgeItem
from workshop_app.ui.map.edge_layer import EdgeLayer
from workshop_app.ui.map.node_item import NodeItem
from workshop_app.ui.map.style import MapStyle, map_style

__all__ = ["MapScene"]

EdgeKey = tuple[str, str, str]
#: Distance between parallel edges joining the same two nodes.
PARALLEL_SPACING = 26.0
#: Room to pan beyond the outermost nodes.
SCENE_MARGIN = 1500.0
_KIND_ORDER = {kind.value: index for index, kind in enumerate(EdgeKind)}
#: The automatic layout's layers, from top to bottom.
_LAYER_ORDER = (NodeKind.PRIORITY, NodeKind.GUARDRAIL, NodeKind.RESPONSIBILITY, NodeKind.ROLE)


class MapScene(QGraphicsScene):
    """The node and edge items of one session, indexed by id.

    Other views mark things on the map through a small stable API:
    :meth:`node_rect`, :meth:`edge_path`, :meth:`add_overlay` (items that
    survive a rebuild) and :attr:`geometryChanged`.
    """

    #: node boxes or edge routes moved, or the map was built anew
    geometryChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Items move all the time (drags, layouts, undo) and Qt's BSP index
        # pays for every move; a linear scan of a few thousand items in C++ is
        # cheaper than keeping the tree up to date.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[EdgeKey, EdgeItem] = {}
        self.style: MapStyle = map_style(False)
        self.layer = self._new_layer()
        self._pairs: dict[frozenset[str], list[EdgeItem]] = {}
        self._marks: dict[str, Severity] = {}
        self._focus: frozenset[str] = frozenset()
        self._selected_edges: set[EdgeItem] = set()
        self._selection_pending = False
        self._overlays: list[QGraphicsItem] = []
        self.selectionChanged.connect(self._selection_changed)

    def build(self, session: Session) -> None:
        """Drop every item and create them anew from ``session`` (overlays stay)."""
        for overlay in self._overlays:
            self.removeItem(overlay)
        self.clear()
        self.nodes.clear()
        self.edges.clear()
        self._pairs.clear()
        self._marks.clear()
        self._selected_edges.clear()
        self.layer = self._new_layer()
        placed = _Placement(session)
        for node_id, attrs in session.graph.nodes(data=True):
            self._add_node(node_id, attrs, placed)
        pairs: dict[frozenset[str], list[EdgeKey]] = {}
        for key in session.graph.edges(keys=True):
            pairs.setdefault(frozenset(key[:2]), []).append(key)
        # Each edge made with its offset among its pair: its geometry is
        # computed once, not again as each further edge of the pair comes.
        edges = session.graph.edges
        for pair in pairs.values():
            pair.sort(key=lambda k: (_KIND_ORDER[k[2]], k[0]))
            for key, offset in zip(pair, _offsets(len(pair)), strict=True):
                self._add_edge(key, edges[key], offset)
        self.layer.flush()
        rect = self.nodes_rect()
        margin = SCENE_MARGIN
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))
        for overlay in self._overlays:
            self.addItem(overlay)
        self.geometryChanged.emit()

    def apply(self, change: Change, session: Session) -> None:
        """Bring the items ``change`` names in line with ``session``."""
        placed = _Placement(session)
        moved: set[NodeItem] = set()
        for node_id in sorted(change.nodes):
            self._sync_node(node_id, session, placed, moved)
        # Each edge once, even when both its ends moved (an automatic layout).
        for edge in {edge for node in moved for edge in node.edges}:
            edge.adjust()
        for key in sorted(change.edges):
            self._sync_edge(key, session)
        self.layer.flush()
        if moved or change.nodes or change.edges:
            self.geometryChanged.emit()

    # --- for overlays of other views ---

    def node_rect(self, node_id: str) -> QRectF | None:
        """The box of node ``node_id`` in scene coordinates, or ``None``."""
        item = self.nodes.get(node_id)
        if item is None:
            return None
        return item.mapRectToScene(
            QRectF(-NODE_WIDTH / 2, -NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT)
        )

    def edge_path(self, key: EdgeKey) -> QPainterPath | None:
        """The drawn route of edge ``key`` (source, target, kind) in scene coordinates."""
        item = self.edges.get((key[0], key[1], EdgeKind(key[2]).value))
        return None if item is None else QPainterPath(item.path)

    def add_overlay(self, item: QGraphicsItem) -> None:
        """Show ``item`` over the map; it stays when the map is built anew."""
        if item not in self._overlays:
            self._overlays.append(item)
            self.addItem(item)

    def remove_overlay(self, item: QGraphicsItem) -> None:
        """Take ``item`` off the map (the caller keeps it)."""
        if item in self._overlays:
            self._overlays.remove(item)
            self.removeItem(item)

    def set_marks(self, findings: Iterable[Finding]) -> None:
        """Ring the subjects of open findings, by their most severe finding."""
        marks: dict[str, Severity] = {}
        for finding in findings:
            if finding.accepted:
                continue
            for subject in finding.subjects:
                known = marks.get(subject)
                if known is None or finding.severity.order < known.order:
                    marks[subject] = finding.severity
        self._marks = marks
        self._refresh_marks(set(self.nodes))

    def set_focus(self, node_ids: Iterable[str]) -> None:
        """Make these nodes stand out (the finding being discussed); empty: none."""
        old, self._focus = self._focus, frozenset(node_ids)
        self._refresh_marks(old | self._focus)

    @property
    def focus(self) -> frozenset[str]:
        return self._focus

    def set_style(self, style: MapStyle) -> None:
        self.style = style
        self.setBackgroundBrush(style.background)
        self.layer.set_style(style)
        for node in self.nodes.values():
            node.set_style(style)
        for edge in self.edges.values():
            edge.set_style(style)

    def nodes_rect(self) -> QRectF:
        """The area the nodes cover (their boxes with marks), or an empty rect."""
        rect = QRectF()
        for node in self.nodes.values():
            rect = rect.united(node.sceneBoundingRect())
        return rect

    def free_spot(self, near: QPointF, *, row_only: bool = False) -> QPointF:
        """The grid spot nearest ``near`` where a new node overlaps none.

        ``row_only``: stay in ``near``'s row (a new node joining its layer),
        going out to the row's end if need be.
        """
        step_x, step_y = NODE_WIDTH + H_GAP, NODE_HEIGHT + V_GAP
        near = QPointF(round(near.x()), round(near.y()))
        if row_only:
            for i in range(len(self.nodes) + 1):
                for spot in (near + QPointF(i * step_x, 0), near - QPointF(i * step_x, 0)):
                    if self._is_free(spot):
                        return spot
        for ring in range(60):
            cells = [
                (i, j)
                for i in range(-ring, ring + 1)
                for j in range(-ring, ring + 1)
                if max(abs(i), abs(j)) == ring
            ]
            cells.sort(key=lambda c: (abs(c[1]), abs(c[0]), c))  # prefer the same row
            for i, j in cells:
                spot = near + QPointF(i * step_x, j * step_y)
                if self._is_free(spot):
                    return spot
        return near

    def layer_spot(self, kind: NodeKind, near: QPointF) -> QPointF:
        """Where a new node of ``kind`` should go near ``near``: in its own layer.

        The row of that kind nearest ``near``; a kind not yet on the map
        gets a row between the layers above and below it (priorities,
        guardrails, responsibilities, roles from top to bottom).
        """
        rows = [item.pos().y() for item in self.nodes.values() if item.kind is kind]
        if rows:
            return QPointF(near.x(), min(rows, key=lambda y: (abs(y - near.y()), y)))
        rank = _LAYER_ORDER.index(kind)
        above = [i.pos().y() for i in self.nodes.values() if _LAYER_ORDER.index(i.kind) < rank]
        below = [i.pos().y() for i in self.nodes.values() if _LAYER_ORDER.index(i.kind) > rank]
        step = NODE_HEIGHT + V_GAP
        if above and below:
            return QPointF(near.x(), (max(above) + min(below)) / 2)
        if above:
            return QPointF(near.x(), max(above) + 2 * step)
        if below:
            return QPointF(near.x(), min(below) - 2 * step)
        return near

    def _is_free(self, spot: QPointF) -> bool:
        w, h = NODE_WIDTH + H_GAP / 2, NODE_HEIGHT + V_GAP / 2
        area = QRectF(spot.x() - w, spot.y() - h, 2 * w, 2 * h)
        return not any(
            isinstance(item, NodeItem)
            and abs(item.pos().x() - spot.x()) < w
            and abs(item.pos().y() - spot.y()) < h
            for item in self.items(area)
        )

    # --- items ---

    def _sync_node(
        self, node_id: str, session: Session, placed: _Placement, moved: set[NodeItem]
    ) -> None:
        item = self.nodes.get(node_id)
        attrs = session.graph.nodes.get(node_id)
        if attrs is None:
            if item is not None:
                self._remove_node(item)
        elif item is None or item.kind != attrs["kind"]:
            if item is not None:
                self._remove_node(item)
            self._add_node(node_id, attrs, placed)
        else:
            item.refresh(attrs)
            position = placed.position(node_id)
            if item.pos() != position:
                item.setPos(position)
                moved.add(item)
            self._include(item)

    def _sync_edge(self, key: EdgeKey, session: Session) -> None:
        item = self.edges.get(key)
        source, target, kind = key
        exists = session.graph.has_edge(source, target, key=kind)
        if not exists:
            if item is not None:
                self._remove_edge(item)
        elif item is None:
            self._add_edge(key, session.graph.edges[key])
        else:
            item.refresh(session.graph.edges[key])

    def _add_node(self, node_id: str, attrs: Mapping[str, Any], placed: _Placement) -> None:
        item = NodeItem(node_id, attrs, self.style)
        item.setPos(placed.position(node_id))
        item.set_mark(self._marks.get(node_id), node_id in self._focus)
        self.nodes[node_id] = item
        self.addItem(item)
        self._include(item)

    def _remove_node(self, item: NodeItem) -> None:
        for edge in list(item.edges):
            self._remove_edge(edge)
        del self.nodes[item.node_id]
        self.removeItem(item)

    def _add_edge(
        self, key: EdgeKey, attrs: Mapping[str, Any], offset: float | None = None
    ) -> None:
        """Add the item of edge ``key``; ``offset`` given: its pair's edges are
        being added in order, so leave the others be."""
        source, target = self.nodes.get(key[0]), self.nodes.get(key[1])
        if source is None or target is None:
            return
        kind = EdgeKind(key[2])
        item = EdgeItem(source, target, kind, attrs, self.style, self.layer, offset or 0.0)
        self.edges[key] = item
        self.addItem(item)
        pair = self._pairs.setdefault(frozenset(key[:2]), [])
        pair.append(item)
        if offset is None:
            self._spread(pair)

    def _remove_edge(self, item: EdgeItem) -> None:
        self.layer.edge_changed(item.boundingRect())
        self._selected_edges.discard(item)
        item.detach()
        del self.edges[item.key]
        self.removeItem(item)
        pair_key = frozenset(item.key[:2])
        pair = self._pairs[pair_key]
        pair.remove(item)
        if pair:
            self._spread(pair)
        else:
            del self._pairs[pair_key]

    def _spread(self, pair: list[EdgeItem]) -> None:
        """Give edges between the same two nodes distinct offsets, centred on the line."""
        pair.sort(key=lambda e: (_KIND_ORDER[e.kind.value], e.source.node_id))
        for edge, offset in zip(pair, _offsets(len(pair)), strict=True):
            edge.set_offset(offset)

    def _new_layer(self) -> EdgeLayer:
        layer = EdgeLayer(self.edges, self.style)
        self.addItem(layer)
        return layer

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        # Node and edge items keep no tooltip text (23,000 strings on a large
        # map): it is written for the topmost one under the mouse.
        for item in self.items(event.scenePos()):
            if isinstance(item, NodeItem | EdgeItem):
                QToolTip.showText(event.screenPos(), item.toolTip(), event.widget())
                event.setAccepted(True)
                return
            if item.toolTip():
                break
        super().helpEvent(event)

    def _selection_changed(self) -> None:
        # Qt reports every item's change on its own; look once per event-loop
        # turn which edges changed, so selecting everything stays linear.
        if not self._selection_pending:
            self._selection_pending = True
            QTimer.singleShot(0, self, self._redraw_selected_edges)

    def _redraw_selected_edges(self) -> None:
        self._selection_pending = False
        selected = {item for item in self.selectedItems() if isinstance(item, EdgeItem)}
        self.layer.redraw(selected ^ self._selected_edges)
        self._selected_edges = selected

    def _refresh_marks(self, node_ids: Iterable[str]) -> None:
        for node_id in node_ids:
            item = self.nodes.get(node_id)
            if item is not None:
                item.set_mark(self._marks.get(node_id), node_id in self._focus)

    def _include(self, item: NodeItem) -> None:
        """Grow the scene so there is room to pan around a node that moved out."""
        wanted = item.sceneBoundingRect().adjusted(
            -SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN
        )
        if not self.sceneRect().contains(wanted):
            self.setSceneRect(self.sceneRect().united(wanted))


def _offsets(count: int) -> list[float]:
    """The offsets of ``count`` parallel edges, centred on the line."""
    middle = (count - 1) / 2
    return [(index - middle) * PARALLEL_SPACING for index in range(count)]


class _Placement:
    """Positions for display: the stored one, or else where the core would settle it.

    A session is settled when the window takes it up, so this covers a node
    another view adds without a position; the layout runs at most once per
    update, and only then.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._positions: dict[str, tuple[float, float]] | None = None

    def position(self, node_id: str) -> QPointF:
        stored = stored_position(self._session.graph.nodes[node_id])
        if stored is None:
            if self._positions is None:
                self._positions = node_positions(self._session)
            stored = self._positions[node_id]
        return QPointF(*stored)
