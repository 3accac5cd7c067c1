"""Walking a case in the window, and the delegation board.

:func:`install_case_views` adds the "Walk a case" panel (which draws the
walk on the map) and the delegation board to the main window. Importing
the package registers its German texts with the UI's translator.
"""

from __future__ import annotations

from workshop_app.ui.i18n import register_catalogue
from workshop_app.ui.views.cases._de import GERMAN
from workshop_app.ui.views.cases.install import install_case_views

register_catalogue(GERMAN)

__all__ = ["install_case_views"]
