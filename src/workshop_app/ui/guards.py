"""Guards for a live room: nothing the group sees changes by a stray wheel or key.

- :func:`wheel_only_when_focused`: a spin box or combo box under the mouse
  lets the wheel scroll the form around it instead of changing its value,
  until the facilitator clicks or tabs into it.
- :class:`UndoBanner`: when one command deletes several things at once, a
  bar over the map says how many and offers Undo, without a modal box (the
  room keeps watching the map, not a dialog).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from workshop_app.i18n import counted
from workshop_app.ui.i18n import tr, ui_language

__all__ = ["BANNER_AT_LEAST", "BANNER_MS", "UndoBanner", "wheel_only_when_focused"]

#: A deletion of this many nodes and relations or more is announced with the banner.
BANNER_AT_LEAST = 3
#: How long the banner stays unless something else happens first.
BANNER_MS = 15_000


class _WheelGuard(QObject):
    """Passes a wheel event over an unfocused field on to the field's parent."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # the scroll area around the form scrolls instead
            return True
        return False


_GUARD = _WheelGuard()


def wheel_only_when_focused(widget: QAbstractSpinBox | QComboBox) -> None:
    """Let the wheel change ``widget``'s value only while it has the keyboard focus."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: a wheel does not focus it
    widget.installEventFilter(_GUARD)


class UndoBanner(QFrame):
    """A bar "3 nodes and 7 relations deleted — Undo" over the top of ``host`` (the map).

    It stays for :data:`BANNER_MS` or until the undo stack moves on (another
    edit, an undo by key): its Undo then would undo something else.
    """

    def __init__(self, stack: QUndoStack, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("undoBanner")
        self.setStyleSheet(
            "#undoBanner { background: #202124; border-radius: 8px; }"
            "#undoBanner QLabel { color: #ffffff; }"
            "#undoBanner QPushButton { color: #202124; background: #ffd54f; border: none;"
            " border-radius: 6px; padding: 6px 16px; font-weight: bold; }"
            "#undoBanner QToolButton { color: #ffffff; border: none; }"
        )
        self._stack = stack
        self._index = -1
        self.message = QLabel()
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.message.setFont(font)
        self.undo_button = QPushButton(tr("Undo"), clicked=self.undo)
        self.undo_button.setFont(font)
        close = QToolButton(text="✕", clicked=self.hide, autoRaise=True)
        close.setToolTip(tr("Close"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        layout.setSpacing(16)
        layout.addWidget(self.message)
        layout.addWidget(self.undo_button)
        layout.addWidget(close)
        self._timer = QTimer(self, singleShot=True, interval=BANNER_MS, timeout=self.hide)
        stack.indexChanged.connect(self._on_index_changed)
        host.installEventFilter(self)
        self.hide()

    def announce(self, nodes: int, relations: int) -> None:
        """Tell what the step on top of the stack just deleted."""
        language = ui_language()
        edges = counted(relations, "relation", language)
        what = tr("{nodes} and {relations}").format(
            nodes=counted(nodes, "node", language), relations=edges
        )
        self.message.setText(tr("{what} deleted").format(what=what if nodes else edges))
        self._index = self._stack.index()
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def undo(self) -> None:
        if self.isVisible() and self._stack.index() == self._index:
            self._stack.undo()
        self.hide()

    def _on_index_changed(self, index: int) -> None:
        if index != self._index:
            self.hide()

    def _place(self) -> None:
        host = self.parentWidget()
        if host is not None:
            self.move((host.width() - self.width()) // 2, 12)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
