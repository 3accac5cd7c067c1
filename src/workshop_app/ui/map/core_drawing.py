"""The core's geometry on the window's map: the boxes and routes the PDF draws.

``layout.map_geometry`` sizes every box for its wrapped label and routes
every relation around the boxes; the window draws exactly that, so what the
room sees is what the client reads in the protocol. The core lays out the
whole map at once (about 0.7 s of CPU for 1,000 nodes), so maps larger than
:data:`GEOMETRY_LIMIT` keep the window's own fixed boxes and straight routes,
and after an edit the geometry is worked out again a moment later (edits in
quick succession are taken together); until then the edited relations are
drawn straight. Tags keep clear of the rings of the nodes under a finding:
when the findings ring other nodes, the tags are placed again on the same
routes (and in the window's language when it changes).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from PySide6.QtCore import QObject, QRectF, QTimer

from workshop_app.domain import Session
from workshop_app.layout import EdgeRoute, MapGeometry, label_routes, map_geometry
from workshop_app.layout.auto import CONTENT_SIZES_UP_TO
from workshop_app.layout.drawing import MARGIN
from workshop_app.ui.i18n import ui_language
from workshop_app.ui.map.edge_set import EdgeSet
from workshop_app.ui.map.node_item import NodeItem
from workshop_app.ui.map.routes import EdgeKey

__all__ = ["GEOMETRY_LIMIT", "CoreDrawing"]

#: Maps with more nodes than this keep the window's own fixed boxes (the
#: layout then gives every node room for one of those).
GEOMETRY_LIMIT = CONTENT_SIZES_UP_TO
#: How long after an edit the geometry is worked out again (ms).
_SETTLE_MS = 150


class CoreDrawing(QObject):
    """Keeps the map's node items and edges on the core's geometry of the session."""

    def __init__(self, nodes: Mapping[str, NodeItem], edges: EdgeSet, parent: QObject) -> None:
        super().__init__(parent)
        self._nodes, self._edges = nodes, edges
        self._session = Session()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_SETTLE_MS)
        self._timer.timeout.connect(self.refresh)
        self.applied = False  # whether the items show the geometry of the session as it is
        #: The area the geometry's boxes, routes and labels take, when there is one.
        self.bounds: QRectF | None = None
        self._marked: frozenset[str] = frozenset()
        self._unlabelled: MapGeometry | None = None  # the last geometry, before its tags

    def take(self, session: Session, marked: Collection[str] = ()) -> None:
        """A new session: boxes now, routes when the edges are drawn (call before routing);
        its tags keep clear of the ``marked`` nodes (see :meth:`set_marked`)."""
        self._timer.stop()
        self._session = session
        self._marked = frozenset(marked)
        geometry = self._geometry()
        self._set_boxes(geometry)
        self._edges.use_routes(_routes(geometry))
        self.applied = geometry is not None

    def changed(self, session: Session) -> None:
        """The session changed: work the geometry out again shortly."""
        self._session = session
        self.applied = False
        if len(session.graph) <= GEOMETRY_LIMIT or any(n.box for n in self._nodes.values()):
            self._timer.start()

    def refresh(self) -> None:
        """Work the geometry out now and re-draw the boxes and routes that changed."""
        self._timer.stop()
        geometry = self._geometry()
        self._set_boxes(geometry)
        self._edges.adopt(_routes(geometry))
        self._edges.layer.flush()
        self.applied = True

    def set_marked(self, node_ids: Collection[str]) -> None:
        """The nodes under a finding (ringed): tags keep clear of them."""
        marked = frozenset(node_ids)
        if marked == self._marked:
            return
        self._marked = marked
        self.relabel()

    def relabel(self) -> None:
        """Place the tags again on the routes (other nodes ringed, another language)."""
        if self.applied and self._unlabelled is not None:
            geometry = label_routes(self._unlabelled, self._session, ui_language(), self._marked)
            self._set_bounds(geometry)
            self._edges.adopt(_routes(geometry))
            self._edges.layer.flush()

    @property
    def pending(self) -> bool:
        """Whether a new geometry is still to be worked out after an edit."""
        return self._timer.isActive()

    def _geometry(self) -> MapGeometry | None:
        if len(self._session.graph) > GEOMETRY_LIMIT:
            self._unlabelled = None
            return None
        language = ui_language()
        self._unlabelled = map_geometry(self._session, language, labels=False)
        return label_routes(self._unlabelled, self._session, language, self._marked)

    def _set_boxes(self, geometry: MapGeometry | None) -> None:
        self._set_bounds(geometry)
        boxes = geometry.nodes if geometry is not None else {}
        for node_id, item in self._nodes.items():
            box = boxes.get(node_id)
            item.set_box(box if box is not None and box.kind is item.kind else None)

    def _set_bounds(self, geometry: MapGeometry | None) -> None:
        if geometry is None:
            self.bounds = None
        else:
            # The geometry's bounds keep room for finding rings around everything.
            x0, y0, x1, y1 = geometry.bounds
            self.bounds = QRectF(x0, y0, x1 - x0, y1 - y0).adjusted(
                MARGIN, MARGIN, -MARGIN, -MARGIN
            )


def _routes(geometry: MapGeometry | None) -> dict[EdgeKey, EdgeRoute]:
    if geometry is None:
        return {}
    return {(route.source, route.target, route.kind.value): route for route in geometry.edges}
