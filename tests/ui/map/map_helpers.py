"""Helpers for the map tests: a shown view over a session, and mouse gestures."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from workshop_app.domain import Session
from workshop_app.ui.controller import SessionController
from workshop_app.ui.map import MapView

#: The ``map_show`` fixture: show a map view of a session.
MapShow = Callable[[Session], MapView]


def shown_view(qtbot: QtBot, session: Session) -> MapView:
    """A map view over ``session``, shown at a fixed size."""
    controller = SessionController(session)
    view = MapView(controller)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def point_of(view: MapView, node_id: str, offset: QPointF | None = None) -> QPoint:
    """Where node ``node_id`` (plus a scene ``offset``) is on the viewport."""
    position = view.scene().nodes[node_id].pos() + (offset or QPointF())
    return view.mapFromScene(position)


def drag(
    view: MapView,
    start: QPoint,
    end: QPoint,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press the left button at ``start``, move in steps to ``end``, release there."""
    viewport = view.viewport()
    left = Qt.MouseButton.LeftButton
    send_mouse(viewport, QMouseEvent.Type.MouseButtonPress, start, left, left, modifiers)
    for step in range(1, 6):
        point = start + (end - start) * (step / 5)
        send_mouse(
            viewport, QMouseEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, left, modifiers
        )
    send_mouse(
        viewport, QMouseEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton, modifiers
    )


def send_mouse(
    widget: QWidget,
    kind: QEvent.Type,
    point: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
    modifiers: Qt.KeyboardModifier,
) -> None:
    local = QPointF(point)
    event = QMouseEvent(kind, local, widget.mapToGlobal(local), button, buttons, modifiers)
    QApplication.sendEvent(widget, event)
