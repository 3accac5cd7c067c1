"""The base of the map view's helpers: they hold the view weakly.

A helper that held its view strongly would make a reference cycle with it
(the view holds its helpers), so a closed view would be freed only by
Python's garbage collector, which runs in whichever thread allocates at the
time: an export's worker thread would then destroy a window's widgets, and
Qt crashes. Held weakly, a view goes when its last reference does, in the
GUI thread.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtWidgets import QGraphicsView

if TYPE_CHECKING:
    from workshop_app.ui.map.view import MapView

__all__ = ["ViewPart"]

V = TypeVar("V", bound=QGraphicsView)


class ViewPart(Generic[V]):
    """Gives a helper ``self._view``, a weak reference to the view it serves."""

    def __init__(self, view: V) -> None:
        self._view_ref = weakref.ref(view)

    @property
    def _view(self) -> MapView:
        view = self._view_ref()
        if view is None:  # only while Qt tears the view down
            raise RuntimeError("the map view is gone")
        return view
