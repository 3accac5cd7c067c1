"""What is selected on the map: node items (Qt's selection) and edges (the edge layer's).

Edges are no graphics items, so the map picks them itself: a click on a
line selects that edge (Ctrl adds or removes it), a rubber band selects the
edges it crosses as well as the nodes Qt finds in it. Every change is told
once, as the view's ``selectionChanged``, however many items it touched.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QMouseEvent

from workshop_app.ui.map.node_item import NodeItem
from workshop_app.ui.map.parts import ViewPart
from workshop_app.ui.map.routes import EdgeKey

if TYPE_CHECKING:
    from workshop_app.ui.map.view import MapView

__all__ = ["Selection"]


class Selection(ViewPart):
    """The selection of one :class:`MapView`.

    The view forwards presses, rubber-band changes and the scene's
    selection signals to it (through its own slots, which Qt stops calling
    while the view is torn down).
    """

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self._quiet = False
        self._band = QRectF()
        self._band_adds = False

    def nodes(self) -> list[str]:
        items = self._view.scene().selectedItems()
        return sorted(item.node_id for item in items if isinstance(item, NodeItem))

    def edges(self) -> list[EdgeKey]:
        return sorted(self._view.scene().selected_edges)

    def select(self, node_ids: Iterable[str] = (), edge_keys: Iterable[EdgeKey] = ()) -> None:
        """Select exactly these nodes and edges."""
        scene = self._view.scene()
        wanted_nodes, wanted_edges = set(node_ids), set(edge_keys)
        if (set(self.nodes()), set(self.edges())) == (wanted_nodes, wanted_edges):
            return
        with self.one_change():
            scene.clearSelection()
            for node_id in wanted_nodes:
                scene.nodes[node_id].setSelected(True)
            scene.select_edges(wanted_edges)

    def select_all(self) -> None:
        scene = self._view.scene()
        self.select(scene.nodes, scene.edges)

    def select_subjects(self, node_ids: set[str]) -> None:
        """Select these nodes and the edges among them, and highlight the nodes."""
        scene = self._view.scene()
        among = {
            key
            for node_id in node_ids
            for key in scene.edges.incident(node_id)
            if key[0] in node_ids and key[1] in node_ids
        }
        with self.one_change():
            self.select(node_ids, among)
            scene.set_focus(node_ids)

    def clear(self) -> None:
        """Select nothing; a highlighted finding is let go too."""
        with self.one_change():
            self.select()
            self._view.scene().set_focus(())

    @contextmanager
    def one_change(self) -> Iterator[None]:
        """Report a selection changed item by item as one change."""
        if self._quiet:
            yield
            return
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False
        self._after_change()

    # --- the mouse ---

    def press(self, event: QMouseEvent) -> bool:
        """A left click on a line selects its edge; returns True when it did."""
        view = self._view
        self._band_adds = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.button() != Qt.MouseButton.LeftButton or view.node_at(event.position()):
            return False
        key = view.edge_at(event.position())
        if key is None:
            if not self._band_adds:
                view.scene().select_edges(())
            return False
        edges = set(self.edges())
        if self._band_adds:
            with self.one_change():
                view.scene().select_edges(edges ^ {key})
        else:
            self.select(edge_keys=[key])
        return True

    def rubber_band(self, rect: QRect) -> None:
        """The rubber band moved (``rect``) or ended (a null rect): select its edges."""
        if not rect.isNull():
            self._band = self._view.mapToScene(rect).boundingRect()
            return
        band, self._band = self._band, QRectF()
        if band.isEmpty():
            return
        scene = self._view.scene()
        found = set(scene.layer.edges_in(band))
        scene.select_edges(found | set(self.edges()) if self._band_adds else found)

    # --- telling ---

    def changed(self) -> None:
        """Qt or the edge layer changed the selection."""
        if not self._quiet:
            self._after_change()

    def _after_change(self) -> None:
        view, scene = self._view, self._view.scene()
        if scene.focus and set(self.nodes()) != scene.focus:
            scene.set_focus(())
        view.selectionChanged.emit()
