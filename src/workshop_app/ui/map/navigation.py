"""Zooming and framing a graphics view: steps, limits, a point kept in place."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsView

__all__ = ["MAX_ZOOM", "MIN_ZOOM", "ZOOM_STEP", "fits", "show_rect", "zoom_at", "zoom_by"]

#: One wheel notch or one zoom command magnifies by this factor.
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 4.0
_FRAME_MARGIN = 12.0


def zoom_by(view: QGraphicsView, factor: float, anchor: QGraphicsView.ViewportAnchor) -> None:
    """Magnify by ``factor`` around ``anchor``, within ``MIN_ZOOM``…``MAX_ZOOM``."""
    current = view.transform().m11()
    target = max(MIN_ZOOM, min(MAX_ZOOM, current * factor))
    view.setTransformationAnchor(anchor)
    view.scale(target / current, target / current)


def zoom_at(view: QGraphicsView, factor: float, view_pos: QPointF) -> None:
    """Magnify keeping the scene point under ``view_pos`` where it is.

    Computed from the event's position rather than with Qt's
    ``AnchorUnderMouse``, which reads the global cursor position instead and
    falls back to the view's centre when the view does not believe it is
    under the mouse.
    """
    point = view_pos.toPoint()
    before = view.mapToScene(point)
    zoom_by(view, factor, QGraphicsView.ViewportAnchor.NoAnchor)
    drift = view.mapToScene(point) - before
    view.centerOn(view.mapToScene(view.viewport().rect().center()) - drift)


def fits(view: QGraphicsView, rect: QRectF, zoom: float) -> bool:
    """Whether ``rect``, framed as :func:`show_rect` frames it, fits the view at ``zoom``."""
    framed = rect.adjusted(-_FRAME_MARGIN, -_FRAME_MARGIN, _FRAME_MARGIN, _FRAME_MARGIN)
    area = view.viewport().rect()
    return framed.width() * zoom <= area.width() and framed.height() * zoom <= area.height()


def show_rect(view: QGraphicsView, rect: QRectF, max_zoom: float) -> None:
    """Centre on ``rect`` at the largest zoom, up to ``max_zoom``, that shows it all."""
    rect = rect.adjusted(-_FRAME_MARGIN, -_FRAME_MARGIN, _FRAME_MARGIN, _FRAME_MARGIN)
    area = view.viewport().rect()
    fit = min(area.width() / rect.width(), area.height() / rect.height())
    zoom = max(MIN_ZOOM, min(fit, max_zoom))
    view.setTransform(QTransform.fromScale(zoom, zoom))
    view.centerOn(rect.center())
