"""Zoom steps in quick succession show the last full frame, scaled.

The node and edge items are cached in device pixels, so every zoom step
would redraw each visible item at the new scale (on a 1,000-node map about
ten frames' worth of work per wheel notch). While steps follow each other
the view instead paints the frame it showed before the gesture, scaled and
moved to where its scene area now lies, and draws everything at full
quality once no step has come for ``SETTLE_MS``.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, QPoint, QRectF, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap, QRegion
from PySide6.QtWidgets import QGraphicsView, QWidget

__all__ = ["SETTLE_MS", "ZoomPreview"]

#: A zoom gesture has ended when no step came for this long.
SETTLE_MS = 180


class ZoomPreview(QObject):
    """The scaled stand-in for ``view``'s content during a zoom gesture."""

    @property
    def _view(self) -> QGraphicsView:
        return self._view_ref()

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self._view_ref = weakref.ref(view)  # see .parts: no cycle with the view
        self._frame: QPixmap | None = None
        self._area = QRectF()  # the scene area the frame shows
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.finish)

    @property
    def active(self) -> bool:
        """Whether the view shows the scaled frame rather than its items."""
        return self._frame is not None

    def step(self) -> None:
        """Call before each zoom step: keeps the current frame on the first."""
        if self._frame is None:
            viewport = self._view.viewport()
            ratio = viewport.devicePixelRatioF()
            frame = QPixmap(viewport.size() * ratio)
            frame.setDevicePixelRatio(ratio)
            # Only the view's own drawing: child widgets (the label editor)
            # paint themselves over the preview.
            viewport.render(frame, QPoint(), QRegion(), QWidget.RenderFlag.DrawWindowBackground)
            inverse, _ = self._view.viewportTransform().inverted()
            self._frame = frame
            self._area = inverse.mapRect(QRectF(viewport.rect()))
        self._timer.start()

    def finish(self) -> None:
        """End the gesture now: the next paint draws the items again."""
        self._timer.stop()
        if self._frame is not None:
            self._frame = None
            self._view.viewport().update()

    def paint(self, event: QPaintEvent) -> bool:
        """Paint the scaled frame for ``event``; ``False`` when not zooming."""
        if self._frame is None:
            return False
        painter = QPainter(self._view.viewport())
        painter.setClipRegion(event.region())
        painter.fillRect(event.rect(), self._view.backgroundBrush())
        painter.fillRect(event.rect(), self._view.scene().backgroundBrush())
        target = self._view.viewportTransform().mapRect(self._area)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, self._frame, QRectF(self._frame.rect()))
        painter.end()
        return True
