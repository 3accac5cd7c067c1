"""The map canvas: the session's graph, edited by mouse and keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmapCache,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from workshop_app.domain import (
    AddEdge,
    AddNode,
    Batch,
    Change,
    EdgeKind,
    NodeKind,
    Operation,
    RemoveEdge,
    RemoveNode,
)
from workshop_app.layout import layout_operation
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr
from workshop_app.ui.map.connect import Connector
from workshop_app.ui.map.editor import Renamer
from workshop_app.ui.map.gestures import Gestures, position_change
from workshop_app.ui.map.legend import LegendStrip
from workshop_app.ui.map.navigation import ZOOM_STEP, fits, show_rect, zoom_at, zoom_by
from workshop_app.ui.map.node_item import NodeItem
from workshop_app.ui.map.progress import BuildProgress
from workshop_app.ui.map.scene import MapScene
from workshop_app.ui.map.selecting import Selection
from workshop_app.ui.map.style import map_style
from workshop_app.ui.map.zoom_preview import ZoomPreview

__all__ = ["MapView"]

#: Room for the item caches of a large map at 100 % on a full-HD screen.
PIXMAP_CACHE_KB = 96 * 1024
#: Fitting never magnifies beyond this: a small map stays a calm size.
FIT_MAX_ZOOM = 1.5
#: "Readable size" zooms so that node labels are this many pixels tall:
#: legible from the back row of a workshop room.
READABLE_PIXELS = 20


class MapView(QGraphicsView):
    """The map of ``controller.session``; it follows the controller's signals.

    Every edit goes through ``controller.execute`` as one undoable operation;
    the items change when the controller reports the change (model → view).
    """

    #: the selected nodes or edges changed
    selectionChanged = Signal()
    #: the legend was shown or hidden (the argument: shown)
    legendToggled = Signal(bool)

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._scene = MapScene(self)
        self.setScene(self._scene)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Node and edge caches must fit in Qt's pixmap cache together, or they
        # evict each other and every repaint draws everything (default 10 MB).
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self._legend = LegendStrip(self._scene.style, self)
        self._renamer = Renamer(self)
        self._gestures = Gestures(self)
        self.connector = Connector(self)
        self._zoom_preview = ZoomPreview(self)
        self._framed: frozenset[str] = frozenset()
        self.auto_fit = True
        self._scene.set_style(self._scene.style)
        self.selection = Selection(self)
        # Made when a large map first draws its relations in (a small one never needs it).
        self._progress: BuildProgress | None = None
        self._scene.buildProgress.connect(self._follow_build)
        self._scene.selectionChanged.connect(self._on_selection)
        self._scene.edgeSelectionChanged.connect(self._on_selection)
        self.rubberBandChanged.connect(self._on_rubber_band)
        controller.changed.connect(self._on_changed)
        controller.sessionReplaced.connect(self._show_session)
        controller.findingsChanged.connect(self._on_findings)
        self._show_session()

    def scene(self) -> MapScene:
        return self._scene

    @property
    def auto_fit(self) -> bool:
        """Keep the whole map in view (when the view is resized) until the user navigates."""
        return self._auto_fit

    @auto_fit.setter
    def auto_fit(self, on: bool) -> None:
        self._auto_fit = on
        self._framed = frozenset()  # navigating lets go of the finding's subjects too

    # --- selection ---

    def selected_nodes(self) -> list[str]:
        return self.selection.nodes()

    def selected_edges(self) -> list[tuple[str, str, str]]:
        return self.selection.edges()

    def select_all(self) -> None:
        self._scene.finish_building()
        self.selection.select_all()

    def select_only(
        self, node_ids: Iterable[str] = (), edge_keys: Iterable[tuple[str, str, str]] = ()
    ) -> None:
        """Select exactly these nodes and edges (a right click selects what it is on)."""
        self.selection.select(node_ids, edge_keys)

    def select_subjects(self, ids: Iterable[str]) -> None:
        """Select these nodes and the edges among them, and bring them into view.

        Used when a finding is picked: its subjects also stand out with a
        highlight until the selection changes. They are shown at 100 % or
        larger; a map that fits whole at that size stays whole in view.
        """
        nodes = self._scene.nodes
        wanted = {node_id for node_id in ids if node_id in nodes}
        self.selection.select_subjects(wanted)
        if wanted:
            self.auto_fit = False
            self._frame(wanted)
            # Framed again when the view is resized (presentation mode picks
            # its first finding before it goes full screen).
            self._framed = frozenset(wanted)

    def _frame(self, wanted: Iterable[str]) -> None:
        nodes = self._scene.nodes
        rect = QRectF()
        for node_id in wanted:
            if node_id in nodes:
                rect = rect.united(nodes[node_id].sceneBoundingRect())
        zoom = max(self.zoom(), 1.0)
        whole = self._scene.drawn_rect()
        if fits(self, whole, zoom):
            rect = whole  # the whole map at that size: nothing moves out of view
        show_rect(self, rect, zoom)

    def clear_selection(self) -> None:
        """Select nothing (Escape); a highlighted finding is let go too."""
        self.selection.clear()

    # --- editing ---

    def add_node(self, kind: NodeKind, at: QPointF | None = None) -> None:
        """Add a node of ``kind`` and rename it in place.

        It goes to free space near ``at`` (scene coordinates), or else into
        its own layer (the row of its kind nearest the view's centre), so a
        new role joins the roles, not whatever lies in the middle of the view.
        """
        kind = NodeKind(kind)
        labels = {
            NodeKind.PRIORITY: (tr("New priority"), tr("Add priority")),
            NodeKind.ROLE: (tr("New role"), tr("Add role")),
            NodeKind.RESPONSIBILITY: (tr("New responsibility"), tr("Add responsibility")),
            NodeKind.GUARDRAIL: (tr("New guardrail"), tr("Add guardrail")),
        }
        label, text = labels[kind]
        node_id = self.controller.session.new_node_id(kind)
        if at is not None:
            spot = self._scene.free_spot(at)
        else:
            centre = self.mapToScene(self.viewport().rect().center())
            spot = self._scene.free_spot(self._scene.layer_spot(kind, centre), row_only=True)
        position = [round(spot.x(), 1), round(spot.y(), 1)]
        if self.controller.execute(AddNode(node_id, kind, label, {"position": position}), text):
            self.selection.select([node_id])
            self._renamer.start(node_id)

    def add_edge(self, source: str, target: str, kind: EdgeKind) -> None:
        """Add the relation ``kind`` from ``source`` to ``target`` and select it."""
        if self.controller.execute(AddEdge(source, target, EdgeKind(kind)), tr("Connect")):
            self.selection.select(edge_keys=[(source, target, EdgeKind(kind).value)])

    def connect_selected(self) -> None:
        """Open the picker to connect the one selected node to another (C)."""
        nodes = self.selected_nodes()
        if len(nodes) == 1:
            self.connector.pick_target(nodes[0])

    def rename_selected(self) -> None:
        """Open the in-place label editor on the selected node (if exactly one)."""
        nodes = self.selected_nodes()
        if len(nodes) == 1:
            self._renamer.start(nodes[0])

    def delete_selected(self) -> None:
        """Delete the selected nodes (with their edges) and edges, as one undo step."""
        nodes = self.selected_nodes()
        gone = set(nodes)
        operations: list[Operation] = [
            RemoveEdge(source, target, EdgeKind(kind))
            for source, target, kind in self.selected_edges()
            if source not in gone and target not in gone  # RemoveNode takes these along
        ]
        operations += [RemoveNode(node_id) for node_id in nodes]
        if operations:
            self.controller.execute(Batch(tuple(operations)), tr("Delete"))

    def nudge_selected(self, dx: float, dy: float) -> None:
        """Move the selected nodes by (dx, dy); repeated nudges undo as one step."""
        nodes = self._scene.nodes
        selected = self.selected_nodes()
        moved = {n: nodes[n].pos() + QPointF(dx, dy) for n in selected}
        if moved:
            merge = "nudge " + " ".join(sorted(selected))
            self.controller.execute(position_change(moved), tr("Move"), merge=merge)

    def relayout(self, full: bool) -> None:
        """Arrange the map automatically (``full``: every node, else only unplaced ones)."""
        operation = layout_operation(self.controller.session, full=full)
        if not operation.change:  # every node is where the layout would put it
            return
        if self.controller.execute(operation, tr("Arrange map")) and full:
            self.fit_all()

    # --- navigation ---

    def zoom(self) -> float:
        """The current magnification (1.0 = 100 %)."""
        return self.transform().m11()

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP, QGraphicsView.ViewportAnchor.AnchorViewCenter)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP, QGraphicsView.ViewportAnchor.AnchorViewCenter)

    def settle_zoom(self) -> None:
        """End a zoom gesture now: draw at full quality (else done shortly after it)."""
        self._zoom_preview.finish()

    def fit_all(self) -> None:
        """Show the whole map, magnified at most to ``FIT_MAX_ZOOM``."""
        self.settle_zoom()
        rect = self._scene.drawn_rect()
        if rect.isEmpty():
            self.setTransform(QTransform())
            self.centerOn(0, 0)
            return
        show_rect(self, rect, FIT_MAX_ZOOM)
        self._renamer.place()

    def zoom_readable(self) -> None:
        """Zoom so that node labels read ``READABLE_PIXELS`` tall on screen.

        Centred on the selection, or on what is in the middle of the view:
        the room reads the part of the map being talked about.
        """
        self.settle_zoom()
        self.auto_fit = False
        selected = [self._scene.nodes[n].sceneBoundingRect() for n in self.selected_nodes()]
        centre = self.mapToScene(self.viewport().rect().center())
        if selected:
            area = QRectF()
            for rect in selected:
                area = area.united(rect)
            centre = area.center()
        zoom = READABLE_PIXELS / self.label_font().pixelSize()
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.centerOn(centre)
        self._renamer.place()

    def label_font(self) -> QFont:
        """The font node labels are drawn in: the core's, or for a map too large for
        the core's boxes the window's own."""
        style = self._scene.style
        boxed = any(node.box is not None for node in self._scene.nodes.values())
        return style.box_font if boxed else style.font

    def pan_by(self, delta: QPoint) -> None:
        """Scroll the map by ``delta`` viewport pixels, as if dragged."""
        self.auto_fit = False
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())

    # --- look and output ---

    def set_presentation(self, on: bool) -> None:
        """Larger type, heavier lines and stronger colours for the projector.

        The legend is hidden on entering presentation mode: the room sees
        the map as large as it gets (L shows the legend again).
        """
        style = map_style(on)
        self._scene.set_style(style)
        self._legend.set_style(style)
        self.set_legend_visible(not on)
        self._renamer.place()

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the legend strip below the map; the map takes its room."""
        changed = visible == self._legend.isHidden()
        self._legend.setVisible(visible)
        self._place_legend()
        if self.auto_fit:
            self.fit_all()
        if changed:
            self.legendToggled.emit(visible)

    def legend_visible(self) -> bool:
        return not self._legend.isHidden()

    def export_image(self, path: Path, progress: Callable[[float], bool] | None = None) -> bool:
        """Write the whole map with a legend as PNG (2x) or SVG, chosen by suffix;
        False when ``progress`` stopped it (nothing written)."""
        # Imported on first use: the window needs neither it nor QtSvg to start.
        from workshop_app.ui.map.export import export_map

        return export_map(self._scene, Path(path), progress)

    def edge_at(self, view_pos: QPointF | QPoint) -> tuple[str, str, str] | None:
        """The key of the edge under a point of the viewport, if any."""
        point = view_pos.toPoint() if isinstance(view_pos, QPointF) else view_pos
        return self._scene.edge_at(self.mapToScene(point), self.zoom())

    def node_at(self, view_pos: QPointF | QPoint) -> NodeItem | None:
        """The node under a point of the viewport, if any."""
        point = view_pos.toPoint() if isinstance(view_pos, QPointF) else view_pos
        for item in self.items(point):
            if isinstance(item, NodeItem):
                return item
        return None

    # --- following the controller ---

    def _show_session(self) -> None:
        session = self.controller.session
        self._zoom_preview.finish()
        self._renamer.close()
        self._gestures.cancel()
        self.connector.close()
        with self.selection.one_change():
            self._scene.build(session, self.controller.findings)
        self.auto_fit = True
        self.fit_all()

    def _follow_build(self, done: int, total: int) -> None:
        if self._progress is None and done < total:
            self._progress = BuildProgress(self)
        if self._progress is not None:
            self._progress.follow(done, total)

    def _on_changed(self, change: Change) -> None:
        self.connector.close()
        self._zoom_preview.finish()
        self._scene.apply(change, self.controller.session)
        self._renamer.close_if_gone()

    def _on_findings(self) -> None:
        self._scene.set_marks(self.controller.findings)

    def _on_selection(self) -> None:
        self.selection.changed()

    def _on_rubber_band(self, rect: QRect, start: QPointF, end: QPointF) -> None:
        self.selection.rubber_band(rect)

    # --- helpers ---

    def _zoom_by(self, factor: float, anchor: QGraphicsView.ViewportAnchor) -> None:
        self.auto_fit = False
        self._zoom_preview.step()
        zoom_by(self, factor, anchor)
        self._renamer.place()

    def _place_legend(self) -> None:
        """Keep room below the viewport for the legend, so it never covers the map."""
        legend, area = self._legend, self.viewport().geometry()
        height = legend.height_for(max(area.width(), 200)) if not legend.isHidden() else 0
        if self.viewportMargins().bottom() != height:
            self.setViewportMargins(0, 0, 0, height)
            area = self.viewport().geometry()
        legend.setGeometry(area.left(), area.bottom() + 1, area.width(), height)

    # --- events ---

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._zoom_preview.paint(event):
            super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # Painted words: the legend's, the relations' tags, the progress text.
            style = self._scene.style
            self._legend.set_style(style)
            self._scene.set_style(style)
            if self._progress is not None:
                self._progress.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._zoom_preview.finish()
        if not self._gestures.key_press(event):
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if not self._gestures.key_release(event):
            super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._gestures.set_space_pan(False)
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._zoom_preview.finish()
        if not self._gestures.press(event) and not self.selection.press(event):
            super().mousePressEvent(event)
            self._gestures.after_press(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._gestures.move(event):
            super().mouseMoveEvent(event)
            self._gestures.after_move()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self._gestures.release(event):
            super().mouseReleaseEvent(event)
            self._gestures.after_release(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self._zoom_preview.finish()
        self._gestures.cancel()
        self.connector.close()
        self.connector.context_menu(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        node = self.node_at(event.position())
        if node is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        self.selection.select([node.node_id])
        self._renamer.start(node.node_id)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # A wheel zooms around the cursor; a touchpad's two-finger scroll
        # (pixel deltas, no Ctrl) pans, as people expect from it.
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control or event.pixelDelta().isNull():
            steps = event.angleDelta().y() / 120
            if steps:
                self.auto_fit = False
                self._zoom_preview.step()
                zoom_at(self, ZOOM_STEP**steps, event.position())
                self._renamer.place()
            event.accept()
            return
        self.auto_fit = False
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_legend()
        if self.auto_fit:
            self.fit_all()
        elif self._framed:
            self._frame(self._framed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place_legend()
        if self.auto_fit:
            self.fit_all()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._renamer.place()
