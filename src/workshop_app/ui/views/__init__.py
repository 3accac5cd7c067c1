"""The facilitation views: guide, priorities, RACI matrix, actions, presentation mode.

The main window calls :func:`install_facilitation_views` once, at the end
of its construction; everything else lives in this package's modules.
The views are imported on that call, not with the package: the UI's
translator imports this package's German catalogue (``_de.py``) and the
views import the translator.
"""

from __future__ import annotations

from typing import Any

__all__ = ["install_facilitation_views"]


def install_facilitation_views(window: Any) -> None:
    """Add the guide, priorities, RACI and actions docks and presentation mode.

    ``window`` is the main window (a ``QMainWindow``) with ``controller``
    (the :class:`~workshop_app.ui.controller.SessionController`),
    ``map_view`` (its class makes the presentation map) and ``view_menu``
    (a ``QMenu``). What was added is kept as ``window.facilitation``
    (:class:`workshop_app.ui.views.install.FacilitationViews`).
    """
    from workshop_app.ui.views.install import install

    install(window)
