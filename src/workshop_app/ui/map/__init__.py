"""The map canvas: nodes and edges of the session, edited in place.

``MapView(controller)`` is the widget; everything else in this package is
its parts (items, scene, gestures, legend, export).
"""

from workshop_app.ui.map.view import MapView

__all__ = ["MapView"]
