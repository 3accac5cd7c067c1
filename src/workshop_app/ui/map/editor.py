"""Renaming a node in place: a line editor laid over the node."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from workshop_app.domain import SetNodeFields
from workshop_app.ui.i18n import tr
from workshop_app.ui.map.parts import ViewPart
from workshop_app.ui.map.style import NODE_HEIGHT, NODE_WIDTH

if TYPE_CHECKING:
    from workshop_app.ui.map.view import MapView

__all__ = ["LabelEditor", "Renamer"]

_REFUSED = "QLineEdit { border: 3px solid #C8102E; background: #FFF0F0; }"
_NORMAL = "QLineEdit { border: 3px solid #1456C8; background: white; }"


class LabelEditor(QLineEdit):
    """Edits ``node_id``'s label over the node.

    Enter (or leaving the field) commits, Escape cancels. An empty label is
    refused on Enter: the field turns red and stays open; leaving it empty
    cancels the rename.
    """

    committed = Signal(str, str)  # node id, new label
    cancelled = Signal()

    def __init__(self, node_id: str, label: str, parent: QWidget) -> None:
        super().__init__(label, parent)
        self.node_id = node_id
        self._done = False
        self.setObjectName("mapLabelEditor")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setPlaceholderText(tr("A node needs a label"))
        self.setStyleSheet(_NORMAL)
        self.selectAll()
        self.textEdited.connect(lambda _text: self.setStyleSheet(_NORMAL))

    @property
    def refused(self) -> bool:
        """Whether the last attempt to commit was refused (the label was empty)."""
        return self.styleSheet() == _REFUSED

    def cancel(self) -> None:
        self._finish(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.text().strip():
                self._finish(self.text().strip())
            else:
                self.setStyleSheet(_REFUSED)
            return
        if event.key() == Qt.Key.Key_Escape:
            self._finish(None)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A context menu or a window switch is not "leaving the field".
        if event.reason() in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        ):
            return
        self._finish(self.text().strip() or None)

    def _finish(self, label: str | None) -> None:
        if self._done:
            return
        self._done = True
        if label is None:
            self.cancelled.emit()
        else:
            self.committed.emit(self.node_id, label)


class Renamer(ViewPart):
    """Opens a :class:`LabelEditor` over a node of a map view and keeps it there.

    The editor is a child of the viewport, placed over the node and sized
    to the zoom, and follows scrolling and zooming; the new label becomes
    one undoable ``SetNodeFields``.
    """

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.editor: LabelEditor | None = None

    def start(self, node_id: str) -> None:
        self.close()
        view = self._view
        item = view.scene().nodes[node_id]
        view.ensureVisible(item, 60, 60)
        self.editor = LabelEditor(node_id, item.label, view.viewport())
        self.editor.committed.connect(self._commit)
        self.editor.cancelled.connect(self.close)
        self.place()
        self.editor.show()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def close(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.hide()
            editor.deleteLater()
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_if_gone(self) -> None:
        """Close the editor if its node no longer exists (deleted, undone)."""
        if self.editor is not None and self.editor.node_id not in self._view.scene().nodes:
            self.close()

    def place(self) -> None:
        """Lay the editor over its node at the current zoom and scroll position."""
        if self.editor is None:
            return
        view = self._view
        item = view.scene().nodes[self.editor.node_id]
        box = QRectF(-NODE_WIDTH / 2, -NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT)
        rect = view.mapFromScene(item.mapRectToScene(box)).boundingRect()
        font = QFont(view.scene().style.font)
        font.setPixelSize(max(12, min(40, round(font.pixelSize() * view.zoom()))))
        self.editor.setFont(font)
        height = QFontMetrics(font).height() + 14
        width = max(200, rect.width())
        centre = rect.center()
        self.editor.setGeometry(centre.x() - width // 2, centre.y() - height // 2, width, height)

    def _commit(self, node_id: str, label: str) -> None:
        self.close()
        controller = self._view.controller
        if node_id in controller.session.graph and label != controller.session.label(node_id):
            controller.execute(SetNodeFields(node_id, {"label": label}), tr("Rename"))
