"""Between workshops, in the window: the map compared with another session, and stability.

File → Compare with… marks on the map what changed (added and changed
nodes and relations, removed ones as ghosts) and lists the changes in a dock;
File → Stability over workshops… shows the stability table of a series.
The logic is the core's (:mod:`workshop_app.compare`); this package draws it.
Importing the package registers its German texts with the UI's translator.
"""

from __future__ import annotations

from workshop_app.ui.compare._de import GERMAN
from workshop_app.ui.compare.install import install as install_comparison
from workshop_app.ui.i18n import register_catalogue

register_catalogue(GERMAN)

__all__ = ["install_comparison"]
