"""Mouse gestures and keys on the map: moving, connecting, panning, nudging.

- Dragging nodes moves them freely; the release sends one ``Batch`` of
  position changes, so a drag is one undo step.
- Shift+drag from a node, or a drag from the "+" handle on a hovered node,
  draws a line; released over another node it offers the relations that
  ``allowed_edge_kinds`` permits between the two, and the chosen one is added
  (C does the same from the keyboard: see :mod:`.connect`).
- The middle mouse button, or a drag with Space held, pans.
- Arrow keys nudge the selection, Delete deletes, F2 renames, L shows or
  hides the legend, Escape cancels a connecting drag or else clears the
  selection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsView

from workshop_app.domain import Batch, SetNodeFields, allowed_edge_kinds
from workshop_app.ui.i18n import tr
from workshop_app.ui.map.node_item import NodeItem
from workshop_app.ui.map.parts import ViewPart

if TYPE_CHECKING:
    from workshop_app.ui.map.view import MapView

__all__ = ["Gestures", "position_change"]

#: Arrow keys move the selection this far (with Shift: five times as far).
NUDGE = 10.0
_STEPS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class Gestures(ViewPart):
    """The mouse gestures of one :class:`MapView`; the view forwards its events."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self._pan_from: QPoint | None = None
        self._source: NodeItem | None = None
        self._target: NodeItem | None = None
        self._line: QGraphicsLineItem | None = None
        self._move_start: dict[str, QPointF] = {}

    @property
    def connecting(self) -> bool:
        return self._source is not None

    def cancel(self) -> None:
        """Abandon a connecting drag or a pan (Escape, or another session shown)."""
        self._end_connect()
        self._pan_from = None
        self._move_start = {}
        self._view.viewport().unsetCursor()

    # --- events; each returns True when it consumed the event ---

    def key_press(self, event: QKeyEvent) -> bool:
        view, key = self._view, event.key()
        if key == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self.set_space_pan(True)
        elif event.matches(QKeySequence.StandardKey.Delete) or key == Qt.Key.Key_Backspace:
            view.delete_selected()
        elif key == Qt.Key.Key_F2:
            view.rename_selected()
        elif key == Qt.Key.Key_Escape:
            if self.connecting:
                self.cancel()
            else:
                view.clear_selection()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            view.select_all()
        elif key == Qt.Key.Key_L and not event.modifiers():
            view.set_legend_visible(not view.legend_visible())
        elif key == Qt.Key.Key_C and not event.modifiers():
            view.connect_selected()
        elif key in _STEPS and view.selected_nodes():
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            distance = NUDGE * (5 if shift else 1)
            view.nudge_selected(_STEPS[key][0] * distance, _STEPS[key][1] * distance)
        else:
            return False
        return True

    def key_release(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.set_space_pan(False)
            return True
        return False

    def set_space_pan(self, on: bool) -> None:
        """While Space is held, a left drag pans and items ignore the mouse."""
        view = self._view
        if on:
            view.auto_fit = False
        drag = (
            QGraphicsView.DragMode.ScrollHandDrag if on else QGraphicsView.DragMode.RubberBandDrag
        )
        view.setDragMode(drag)
        view.setInteractive(not on)

    def press(self, event: QMouseEvent) -> bool:
        view = self._view
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return True
        if event.button() != Qt.MouseButton.LeftButton or not view.isInteractive():
            return False
        node = view.node_at(event.position())
        if node is None:
            return False
        scene_pos = view.mapToScene(event.position().toPoint())
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if shift or node.handle_contains(scene_pos):
            self._start_connect(node, scene_pos)
            return True
        return False

    def after_press(self, event: QMouseEvent) -> None:
        """Remember where the selected nodes were, in case this press starts a drag."""
        if event.button() == Qt.MouseButton.LeftButton and self._view.node_at(event.position()):
            self._move_start = {
                item.node_id: item.pos()
                for item in self._view.scene().selectedItems()
                if isinstance(item, NodeItem)
            }

    def move(self, event: QMouseEvent) -> bool:
        view = self._view
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            view.pan_by(delta)
            return True
        if self._source is not None:
            self._drag_line_to(event.position())
            return True
        if event.buttons() == Qt.MouseButton.NoButton:
            node = view.node_at(event.position())
            scene_pos = view.mapToScene(event.position().toPoint())
            if node is not None and node.handle_contains(scene_pos):
                view.viewport().setCursor(Qt.CursorShape.CrossCursor)
            else:
                view.viewport().unsetCursor()
        return False

    def after_move(self) -> None:
        """Let the edges follow nodes being dragged."""
        nodes = self._view.scene().nodes
        moving = [node_id for node_id in self._move_start if node_id in nodes]
        if moving:
            self._view.scene().follow_drag(moving)

    def release(self, event: QMouseEvent) -> bool:
        if self._pan_from is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = None
            self._view.viewport().unsetCursor()
            return True
        if self._source is not None and event.button() == Qt.MouseButton.LeftButton:
            source, target = self._source, self._target
            valid = target is not None and target.target_state
            self._end_connect()
            if valid:
                where = event.globalPosition().toPoint()
                self._view.connector.connect(source.node_id, target.node_id, None, where)
            return True
        return False

    def after_release(self, event: QMouseEvent) -> None:
        """Send the positions of nodes a drag moved, as one undoable step."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        start, self._move_start = self._move_start, {}
        nodes = self._view.scene().nodes
        moved = {
            node_id: nodes[node_id].pos()
            for node_id, before in start.items()
            if node_id in nodes and nodes[node_id].pos() != before
        }
        if moved:
            self._view.controller.execute(position_change(moved), tr("Move"))

    # --- connecting ---

    def _start_connect(self, source: NodeItem, scene_pos: QPointF) -> None:
        self._source = source
        self._line = QGraphicsLineItem(QLineF(source.pos(), scene_pos))
        pen = QPen(self._view.scene().style.selection, 2.5, Qt.PenStyle.DashLine)
        self._line.setPen(pen)
        self._line.setZValue(3)
        self._view.scene().addItem(self._line)
        self._view.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def _drag_line_to(self, view_pos: QPointF) -> None:
        scene_pos = self._view.mapToScene(view_pos.toPoint())
        self._line.setLine(QLineF(self._source.pos(), scene_pos))
        node = self._view.node_at(view_pos)
        target = node if node is not self._source else None
        if target is not self._target:
            self._set_target(target)
        cursor = Qt.CursorShape.CrossCursor
        if target is not None and not target.target_state:
            cursor = Qt.CursorShape.ForbiddenCursor
        self._view.viewport().setCursor(cursor)

    def _set_target(self, target: NodeItem | None) -> None:
        if self._target is not None:
            self._target.target_state = None
            self._target.update()
        self._target = target
        if target is not None:
            target.target_state = bool(allowed_edge_kinds(self._source.kind, target.kind))
            target.update()

    def _end_connect(self) -> None:
        if self._line is not None:
            self._view.scene().removeItem(self._line)
        if self._source is not None:
            self._set_target(None)
        self._source, self._line = None, None
        self._view.viewport().unsetCursor()


def position_change(positions: dict[str, QPointF]) -> Batch:
    """The operation that puts nodes at ``positions``, rounded as they are saved."""
    return Batch(
        tuple(
            SetNodeFields(node_id, {"position": [round(p.x(), 1), round(p.y(), 1)]})
            for node_id, p in sorted(positions.items())
        )
    )
