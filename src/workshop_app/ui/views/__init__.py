"""The facilitation views: guide, priorities, RACI matrix, actions, presentation mode.

The main window calls :func:`install_facilitation_views` once, at the end
of its construction; everything else lives in this package's modules.
Importing the package registers its German texts (``_de.py``) with the
UI's translator, before any view asks for one.
"""

from __future__ import annotations

from workshop_app.ui.i18n import register_catalogue
from workshop_app.ui.views._de import GERMAN
from workshop_app.ui.views.install import install as install_facilitation_views

register_catalogue(GERMAN)

__all__ = ["install_facilitation_views"]
