"""The map's scene: one item per node, one layer for all edges, kept in step with the session.

Nodes are items indexed by id; edges are records in the edge layer (see
:mod:`.edge_layer`), indexed by key. An edit updates only what it touched:
the scene takes the node ids and edge keys the core's
:class:`~workshop_app.domain.Change` names and makes each of those match the
session as it now is. That one rule serves new edits, undo and redo alike,
and a batch whose parts cancel out.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from workshop_app.analysis import Finding, Severity, open_marks
from workshop_app.domain import Change, EdgeKind, NodeKind, Session
from workshop_app.ui.map.core_drawing import CoreDrawing
from workshop_app.ui.map.edge_layer import PICK_PIXELS, EdgeLayer
from workshop_app.ui.map.edge_set import EdgeSet
from workshop_app.ui.map.node_item import NodeItem
from workshop_app.ui.map.placement import Placement, free_spot, layer_spot
from workshop_app.ui.map.routes import EdgeKey
from workshop_app.ui.map.style import MARK_REACH, MapStyle, map_style

__all__ = ["MapScene"]

#: Room to pan beyond the outermost nodes.
SCENE_MARGIN = 1500.0
#: A map with more edges shows its nodes first and draws the edges in
#: slices of this many seconds, between which the window stays responsive.
EDGES_AT_ONCE = 2500
SLICE_SECONDS = 0.03
#: ... and shows the edges drawn so far at most this often.
SHOW_SECONDS = 0.5
#: How far beyond the nodes edges commonly reach (bent pairs, tags), in scene units.
EDGE_REACH = 150.0
#: Up to this many nodes, each node's picture is cached in device pixels. A
#: larger map shown whole would keep thousands of small pixmaps, each with
#: its own paint engine (about 12 MiB at 5,000 nodes), to save a full
#: repaint that its many nodes make slow either way; zoomed in, few nodes are
#: painted.
CACHED_NODES = 2000


class MapScene(QGraphicsScene):
    """The node items and the edge layer of one session.

    Other views mark things on the map through a small stable API:
    :meth:`node_rect`, :meth:`edge_path`, :meth:`add_overlay` (items that
    survive a rebuild) and :attr:`geometryChanged`.
    """

    #: node boxes or edge routes moved, or the map was built anew
    geometryChanged = Signal()
    #: the selected edges changed (selected nodes: ``selectionChanged``)
    edgeSelectionChanged = Signal()
    #: a large map's edges are being drawn in: how many of how many are done
    buildProgress = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Items move all the time (drags, layouts, undo) and Qt's BSP index
        # pays for every move; a linear scan of a few thousand items in C++ is
        # cheaper than keeping the tree up to date.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.nodes: dict[str, NodeItem] = {}
        self.style: MapStyle = map_style(False)
        self.layer = EdgeLayer(self.style)
        self.addItem(self.layer)
        #: the edges, by key (source, target, kind)
        self.edges = EdgeSet(self.layer, self.nodes, self.style)
        #: the core's boxes and routes, as the PDF draws them
        self.drawing = CoreDrawing(self.nodes, self.edges, self)
        self._marks: dict[str, Severity] = {}
        self._focus: frozenset[str] = frozenset()
        self._overlays: list[QGraphicsItem] = []
        self._edges_total = 0
        self._show_at = 0.0
        self._cache_nodes = True
        self._slices = QTimer(self)
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._next_slice)

    def build(self, session: Session, findings: Iterable[Finding] = ()) -> None:
        """Drop every node and edge and create them anew from ``session`` (overlays stay),
        the subjects of open ``findings`` ringed (see :meth:`set_marks`).

        The rings are known before the relations' tags are placed: placed
        first and then moved clear of the rings, a map's tags were placed twice.
        """
        for overlay in self._overlays:
            self.removeItem(overlay)
        self.removeItem(self.layer)
        self.clear()
        self.addItem(self.layer)
        self.nodes.clear()
        self._marks.clear()
        marks = open_marks(findings)
        placed = Placement(session)
        self._cache_nodes = session.graph.number_of_nodes() <= CACHED_NODES
        for node_id, attrs in session.graph.nodes(data=True):
            self._add_node(node_id, attrs, placed, grow=False)  # the rect is set below
        self.edges.build(session)
        self.drawing.take(session, marks.keys())
        if self.edges.pending <= EDGES_AT_ONCE:
            self.edges.route_pending()
        else:
            self._edges_total = self.edges.pending
            self._show_at = 0.0
            reach = EDGE_REACH
            self.layer.cover(self.nodes_rect().adjusted(-reach, -reach, reach, reach))
            # The views show the nodes first: they repaint two turns of the
            # event loop after a change (the scene reports it in a queued
            # call), and a slice started now would run before, twice, and
            # hold the map's first frame back by 60-80 ms at 5,000 nodes.
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._start_slices))
        rect = self.nodes_rect()
        margin = SCENE_MARGIN
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))
        for overlay in self._overlays:
            self.addItem(overlay)
        self._set_marks(marks)
        self.edgeSelectionChanged.emit()
        self.geometryChanged.emit()

    @property
    def building(self) -> bool:
        """Whether edges of the last build are still being drawn in."""
        return self.edges.pending > 0

    def finish_building(self) -> None:
        """Draw every edge still pending now (an export, a test)."""
        self._slices.stop()
        self.edges.route_pending()
        if self.drawing.pending:
            self.drawing.refresh()
        self.buildProgress.emit(self._edges_total, self._edges_total)

    def _start_slices(self) -> None:
        if self.edges.pending:  # not drawn meanwhile (an export, select all)
            self._slices.start()

    def _next_slice(self) -> None:
        # The edges routed are shown every few slices: each showing repaints
        # most of the view (thousands of edges and nodes on a large map), so
        # showing every slice took as long as the routing itself.
        now = time.monotonic()
        show = now >= self._show_at
        if show:
            self._show_at = now + SHOW_SECONDS
        self.edges.route_pending(SLICE_SECONDS, show=False)
        done = self._edges_total - self.edges.pending
        if show or not self.edges.pending:
            self.layer.flush_whole()
        if not self.edges.pending:
            self._slices.stop()
            self.geometryChanged.emit()
        self.buildProgress.emit(done, self._edges_total)

    def apply(self, change: Change, session: Session) -> None:
        """Bring the nodes and edges ``change`` names in line with ``session``."""
        node_ids, edge_keys = sorted(change.nodes), sorted(change.edges)
        placed = Placement(session)
        moved: set[str] = set()
        selected = set(self.layer.selected)
        for node_id in node_ids:
            self._sync_node(node_id, session, placed, moved)
        self.edges.follow(moved)
        for key in edge_keys:
            self.edges.sync(key, session)
        self.layer.flush()
        if self.layer.selected != selected:
            self.edgeSelectionChanged.emit()
        if node_ids or edge_keys:
            self.drawing.changed(session)
            self.geometryChanged.emit()

    def follow_drag(self, node_ids: Iterable[str]) -> None:
        """Nodes are being dragged: their edges follow at once."""
        self.edges.follow(node_ids)
        self.layer.flush()
        self.geometryChanged.emit()

    # --- edges: picking, selection, tooltips ---

    def edge_at(self, point: QPointF, zoom: float) -> EdgeKey | None:
        """The edge under scene ``point`` at ``zoom`` (a few pixels either side)."""
        return self.layer.edge_at(point, PICK_PIXELS / max(zoom, 1e-3))

    def select_edges(self, keys: Iterable[EdgeKey]) -> None:
        """Select exactly these edges."""
        if self.layer.set_selected(keys):
            self.edgeSelectionChanged.emit()

    @property
    def selected_edges(self) -> set[EdgeKey]:
        return set(self.layer.selected)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        # Node items and edge records keep no tooltip text (23,000 strings
        # on a large map): it is written for the one under the mouse.
        for item in self.items(event.scenePos()):
            if isinstance(item, NodeItem):
                QToolTip.showText(event.screenPos(), item.toolTip(), event.widget())
                event.setAccepted(True)
                return
            if item.toolTip():
                break
        view = event.widget().parent() if event.widget() is not None else None
        zoom = view.transform().m11() if hasattr(view, "transform") else 1.0
        key = self.edge_at(event.scenePos(), zoom)
        if key is not None:
            QToolTip.showText(event.screenPos(), self.edges.tooltip(key), event.widget())
            event.setAccepted(True)
            return
        super().helpEvent(event)

    # --- for overlays of other views ---

    def node_rect(self, node_id: str) -> QRectF | None:
        """The box of node ``node_id`` in scene coordinates, or ``None``."""
        item = self.nodes.get(node_id)
        if item is None:
            return None
        w, h = item.width, item.height
        return item.mapRectToScene(QRectF(-w / 2, -h / 2, w, h))

    def edge_path(self, key: EdgeKey) -> QPainterPath | None:
        """The drawn route of edge ``key`` (source, target, kind) in scene coordinates."""
        return self.layer.line((key[0], key[1], EdgeKind(key[2]).value))

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

    # --- marks and look ---

    def set_marks(self, findings: Iterable[Finding]) -> None:
        """Ring the subjects of open findings, by their most severe finding."""
        self._set_marks(open_marks(findings))

    def _set_marks(self, marks: dict[str, Severity]) -> None:
        old, self._marks = self._marks, marks
        self.drawing.set_marked(marks.keys())
        # Only the nodes whose mark changed: an edit changes a few findings.
        self._refresh_marks(
            node_id
            for node_id in old.keys() | marks.keys()
            if old.get(node_id) != marks.get(node_id)
        )

    def set_focus(self, node_ids: Iterable[str]) -> None:
        """Make these nodes stand out (the finding being discussed); empty: none."""
        old, self._focus = self._focus, frozenset(node_ids)
        self._refresh_marks(old | self._focus)

    @property
    def focus(self) -> frozenset[str]:
        return self._focus

    @property
    def marked(self) -> frozenset[str]:
        """The nodes ringed for an open finding."""
        return frozenset(self._marks)

    def set_style(self, style: MapStyle) -> None:
        self.style = style
        self.setBackgroundBrush(style.background)
        self.layer.set_style(style)
        for node in self.nodes.values():
            node.set_style(style)
        self.edges.set_style(style)
        self.drawing.relabel()  # the tags in the window's language
        self.layer.flush()

    def nodes_rect(self) -> QRectF:
        """The area the nodes cover (their boxes with marks), or an empty rect."""
        rect = QRectF()
        for node in self.nodes.values():
            rect = rect.united(node.sceneBoundingRect())
        return rect

    def drawn_rect(self) -> QRectF:
        """The area the map is drawn in: the nodes' boxes with what a finding's ring and
        badge add (the room for the hover handle left out) and the core's routes and
        their labels; an empty rect without nodes."""
        rect = QRectF()
        for node in self.nodes.values():
            box = QRectF(-node.width / 2, -node.height / 2, node.width, node.height)
            rect = rect.united(box.translated(node.pos()))
        if rect.isEmpty():
            return rect
        rect.adjust(-MARK_REACH, -MARK_REACH, MARK_REACH, MARK_REACH)
        routes = self.drawing.bounds
        return rect if routes is None else rect.united(routes)

    def free_spot(self, near: QPointF, *, row_only: bool = False) -> QPointF:
        """The free spot for a new node nearest ``near`` (see :func:`.placement.free_spot`)."""
        return free_spot(self._spots(), near, row_only=row_only)

    def layer_spot(self, kind: NodeKind, near: QPointF) -> QPointF:
        """Where a new node of ``kind`` joins its layer (see :func:`.placement.layer_spot`)."""
        return layer_spot(self._spots(), kind, near)

    def _spots(self) -> dict[str, tuple[NodeKind, QPointF, float, float]]:
        return {
            node_id: (item.kind, item.pos(), item.width, item.height)
            for node_id, item in self.nodes.items()
        }

    # --- nodes ---

    def _sync_node(
        self, node_id: str, session: Session, placed: Placement, moved: set[str]
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
            moved.add(node_id)
        else:
            item.refresh(attrs)
            position = placed.position(node_id)
            if item.pos() != position:
                item.setPos(position)
                moved.add(node_id)
            self._include(item)

    def _add_node(
        self, node_id: str, attrs: Mapping[str, Any], placed: Placement, *, grow: bool = True
    ) -> None:
        item = NodeItem(node_id, attrs, self.style, cached=self._cache_nodes)
        item.setPos(placed.position(node_id))
        item.set_mark(self._marks.get(node_id), node_id in self._focus)
        self.nodes[node_id] = item
        self.addItem(item)
        if grow:
            self._include(item)

    def _remove_node(self, item: NodeItem) -> None:
        self.edges.drop_node(item.node_id)
        del self.nodes[item.node_id]
        self.removeItem(item)

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
