"""Small widget helpers shared by the facilitation views."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from workshop_app.ui.i18n import tr

__all__ = ["full_screen_keys", "quoted", "row", "sized", "text_label"]


def row(*widgets: QWidget) -> QHBoxLayout:
    """The widgets side by side."""
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget)
    return layout


def sized(widget: QWidget, points: int, *, bold: bool = False) -> QWidget:
    """``widget`` with its type set to ``points`` (and bold); returns it."""
    font = widget.font()
    font.setPointSize(points)
    font.setBold(bold)
    widget.setFont(font)
    return widget


def text_label(name: str) -> QLabel:
    """A wrapping label for user text: plain text, so a label like ``<b>`` shows as typed."""
    label = QLabel(objectName=name, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def full_screen_keys() -> list[QKeySequence]:
    """F11 and the platform's own full-screen keys."""
    keys = [QKeySequence(Qt.Key.Key_F11)]
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.FullScreen):
        if key not in keys:
            keys.append(key)
    return keys


def quoted(text: str) -> str:
    """``text`` in the quotation marks of the UI language (“…” or „…“)."""
    return tr("“{text}”").format(text=text)
