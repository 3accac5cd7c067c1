"""The UI's translator: German or English, chosen in the settings.

The catalogues are the plain dicts of ``ui/_de.py`` (window, map) and
``ui/views/_de.py`` (facilitation views), the same mechanism as the core
(:mod:`workshop_app.i18n`), so every string is checked by one test.
"""

from __future__ import annotations

from collections import ChainMap

from workshop_app.ui._de import GERMAN as _WINDOW
from workshop_app.ui.views._de import GERMAN as _VIEWS

__all__ = ["set_ui_language", "tr", "ui_language"]

_CATALOG = ChainMap(_WINDOW, _VIEWS)
_state = {"language": "en"}


def set_ui_language(language: str) -> None:
    """Switch the UI language (``de`` or ``en``) for widgets built from now on."""
    _state["language"] = "de" if language == "de" else "en"


def ui_language() -> str:
    return _state["language"]


def tr(text: str) -> str:
    """Translate English source ``text`` into the UI language."""
    if _state["language"] == "de":
        return _CATALOG.get(text, text)
    return text
