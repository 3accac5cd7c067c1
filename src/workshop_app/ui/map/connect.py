"""Connecting without the mouse, and the map's context menus.

- **C** (or Edit → Connect to…, Ctrl+K) on a selected node opens a picker
  beside it: type part of a label, the list narrows to the nodes a relation
  may go to; Up/Down move, Enter connects, Escape closes. The node under the
  picker's current row is marked on the map, with a line from the source.
- A **right click** on a node offers "Connect to…" with the relations its
  kind may start, then the same picker restricted to that relation's
  targets; also Rename and Delete. On a relation: Delete. On empty map:
  add a node of any kind there.

When a target allows several relations, a menu of them follows; the ones
the two nodes already have are ticked and cannot be chosen again.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLineF, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsLineItem,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain import ALLOWED_ENDS, EdgeKind, NodeKind, allowed_edge_kinds
from workshop_app.ui.i18n import tr
from workshop_app.ui.map.node_item import NodeItem
from workshop_app.ui.map.parts import ViewPart
from workshop_app.ui.map.style import edge_kind_name, node_kind_name

if TYPE_CHECKING:
    from workshop_app.ui.map.view import MapView

__all__ = ["CONNECT_MENU_NAME", "Connector", "TargetPicker"]

#: Object name of the menu of relations offered once the target is known.
CONNECT_MENU_NAME = "mapConnectMenu"
_LABEL_CHARS = 28
_PICKER_WIDTH = 380
_PICKER_ROWS = 9
_STEPS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}


class TargetPicker(QFrame):
    """A search field over the list of possible targets, laid over the map."""

    #: Enter, or a click on a row: the node id of the target
    picked = Signal(str)
    #: Escape
    cancelled = Signal()

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("mapTargetPicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Type to find the target…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._pick)
        self.list.itemClicked.connect(lambda _item: self._pick())
        self.search.installEventFilter(self)

    def set_targets(self, targets: list[tuple[str, str]]) -> None:
        """Offer ``targets``: (node id, text shown), in order."""
        self.list.clear()
        for node_id, text in targets:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, node_id)
            self.list.addItem(item)
        rows = min(_PICKER_ROWS, max(1, len(targets)))
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 6 if targets else 30)
        self.adjustSize()
        self._filter(self.search.text())

    def current_target(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(Qt.ItemDataRole.UserRole)

    def _pick(self) -> None:
        target = self.current_target()
        if target is not None:
            self.picked.emit(target)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not all(word in item.text().casefold() for word in words)
            item.setHidden(hidden)
            if first is None and not hidden:
                first = item
        self.list.setCurrentItem(first)

    def _step(self, direction: int) -> None:
        row = self.list.currentRow()
        while 0 <= row + direction < self.list.count():
            row += direction
            if not self.list.item(row).isHidden():
                self.list.setCurrentRow(row)
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The field keeps the focus while the arrows move through the list.
        if watched is self.search and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return False
            if event.key() == Qt.Key.Key_Escape:
                self.cancelled.emit()
                return True
            step = _STEPS.get(event.key())
            if step is not None:
                for _ in range(abs(step)):
                    self._step(1 if step > 0 else -1)
                return True
        return super().eventFilter(watched, event)


class Connector(ViewPart):
    """The connecting picker and the context menus of one :class:`MapView`."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.picker: TargetPicker | None = None
        self._source: str | None = None
        self._kind: EdgeKind | None = None
        self._marked: NodeItem | None = None
        self._line: QGraphicsLineItem | None = None

    # --- the picker ---

    def pick_target(self, source_id: str, kind: EdgeKind | None = None) -> None:
        """Open the picker for a relation from ``source_id`` (of ``kind``, or any)."""
        self.close()
        view = self._view
        source = view.scene().nodes.get(source_id)
        if source is None:
            return
        self._source, self._kind = source_id, kind
        title = tr("Connect “{source}” to…").format(source=_short(source.label))
        if kind is not None:
            title = tr("“{source}”: {relation}…").format(
                source=_short(source.label), relation=edge_kind_name(kind)
            )
        self.picker = TargetPicker(title, view.viewport())
        self.picker.set_targets(self._targets(source, kind))
        self.picker.picked.connect(self._confirm)
        self.picker.cancelled.connect(self.close)
        self.picker.list.currentItemChanged.connect(lambda *_: self._mark_current())
        self._place(source)
        self.picker.show()
        self.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self._mark_current()

    def close(self) -> None:
        """Close the picker (if open) and take its marks off the map."""
        picker, self.picker = self.picker, None
        self._mark(None)
        if picker is not None:
            picker.hide()
            picker.deleteLater()
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _targets(self, source: NodeItem, kind: EdgeKind | None) -> list[tuple[str, str]]:
        graph = self._view.controller.session.graph
        found = []
        for node_id, item in self._view.scene().nodes.items():
            if item is source:
                continue
            kinds = allowed_edge_kinds(source.kind, item.kind)
            if kind is not None:
                kinds = [kind] if kind in kinds else []
            kinds = [k for k in kinds if not graph.has_edge(source.node_id, node_id, key=k.value)]
            if kinds:
                found.append((node_id, f"{item.label} — {node_kind_name(item.kind)}"))
        order = list(NodeKind)
        nodes = self._view.scene().nodes
        found.sort(key=lambda t: (order.index(nodes[t[0]].kind), t[1].casefold(), t[0]))
        return found

    def _place(self, source: NodeItem) -> None:
        view, picker = self._view, self.picker
        picker.setFixedWidth(min(_PICKER_WIDTH, view.viewport().width() - 16))
        picker.adjustSize()
        box = view.mapFromScene(source.sceneBoundingRect()).boundingRect()
        area = view.viewport().rect()
        # Beside the node, on the side with room, so the node stays visible.
        x = box.right() + 8
        if x + picker.width() > area.right():
            x = box.left() - picker.width() - 8
        x = max(8, min(x, area.right() - picker.width() - 8))
        y = max(8, min(box.top(), area.bottom() - picker.height() - 8))
        picker.move(x, y)

    def _mark_current(self) -> None:
        target = self.picker.current_target() if self.picker is not None else None
        self._mark(self._view.scene().nodes.get(target) if target else None)

    def _mark(self, node: NodeItem | None) -> None:
        """Show the target the picker would connect to, and a line to it."""
        scene = self._view.scene()
        if self._marked is not None:
            self._marked.target_state = None
            self._marked.update()
        if self._line is not None:
            scene.removeItem(self._line)
        self._marked, self._line = node, None
        source = scene.nodes.get(self._source) if self._source else None
        if node is None or source is None:
            return
        node.target_state = True
        node.update()
        self._line = QGraphicsLineItem(QLineF(source.pos(), node.pos()))
        self._line.setPen(QPen(scene.style.selection, 2.5, Qt.PenStyle.DashLine))
        self._line.setZValue(3)
        scene.addItem(self._line)
        self._view.ensureVisible(node, 40, 40)

    def _confirm(self, target: str) -> None:
        if self.picker is None:
            return
        source, kind = self._source, self._kind
        where = self._view.mapToGlobal(self.picker.geometry().bottomLeft())
        self.close()
        self.connect(source, target, kind, where)

    def connect(self, source: str, target: str, kind: EdgeKind | None, where: QPoint) -> None:
        """Add ``kind`` from ``source`` to ``target``; with no kind, ask which one."""
        if kind is not None:
            self._view.add_edge(source, target, kind)
            return
        nodes = self._view.scene().nodes
        kinds = allowed_edge_kinds(nodes[source].kind, nodes[target].kind)
        graph = self._view.controller.session.graph
        free = [k for k in kinds if not graph.has_edge(source, target, key=k.value)]
        if len(kinds) == 1 and free:
            self._view.add_edge(source, target, kinds[0])
        elif kinds:
            self.offer_relations(nodes[source], nodes[target], where)

    def offer_relations(self, source: NodeItem, target: NodeItem, where: QPoint) -> QMenu:
        """A menu of the relations allowed from ``source`` to ``target``, plus Cancel.

        Relations the two nodes already have are shown ticked and disabled.
        """
        view, graph = self._view, self._view.controller.session.graph
        menu = QMenu(view)
        menu.setObjectName(CONNECT_MENU_NAME)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addSection(
            tr("“{source}” → “{target}”").format(
                source=_short(source.label), target=_short(target.label)
            )
        )
        first = None
        for kind in allowed_edge_kinds(source.kind, target.kind):
            action = menu.addAction(edge_kind_name(kind))
            action.setData(kind.value)
            if graph.has_edge(source.node_id, target.node_id, key=kind.value):
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)
            elif first is None:
                first = action
            action.triggered.connect(
                partial(view.add_edge, source.node_id, target.node_id, EdgeKind(kind))
            )
        menu.addSeparator()
        menu.addAction(tr("Cancel"))
        if first is not None:
            menu.setActiveAction(first)
        menu.popup(where)
        return menu

    # --- context menus ---

    def context_menu(self, event: QContextMenuEvent) -> QMenu:
        """The menu for what lies under a right click (a node, a relation, empty map)."""
        view = self._view
        menu = QMenu(view)
        menu.setObjectName("mapContextMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        node = view.node_at(event.pos())
        edge = view.edge_at(event.pos()) if node is None else None
        if node is not None:
            view.select_only(node_ids=[node.node_id])
            self._node_menu(menu, node)
        elif edge is not None:
            view.select_only(edge_keys=[edge])
            menu.addAction(tr("Delete relation"), view.delete_selected)
        else:
            spot = view.mapToScene(event.pos())
            for kind in NodeKind:
                text = tr("Add {kind} here").format(kind=node_kind_name(kind))
                menu.addAction(text, partial(view.add_node, kind, QPointF(spot)))
        menu.popup(event.globalPos())
        return menu

    def _node_menu(self, menu: QMenu, node: NodeItem) -> None:
        connect = menu.addMenu(tr("Connect to…"))
        connect.setObjectName("mapConnectToMenu")
        connect.addAction(tr("Any relation… (C)"), partial(self.pick_target, node.node_id))
        connect.addSeparator()
        for kind, (sources, _targets) in ALLOWED_ENDS.items():
            if node.kind in sources:
                action = partial(self.pick_target, node.node_id, kind)
                connect.addAction(tr("{relation}…").format(relation=edge_kind_name(kind)), action)
        menu.addSeparator()
        menu.addAction(tr("Rename (F2)"), self._view.rename_selected)
        menu.addAction(tr("Delete (Del)"), self._view.delete_selected)


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"
