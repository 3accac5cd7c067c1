"""The UI's translator: German or English, chosen in the settings.

Each UI package keeps its German texts in the ``_de.py`` beside its code and
registers them here when it is imported (:func:`register_catalogue`); this
module knows only its own package's catalogue (``ui/_de.py``: window, map).
It is the same mechanism as the core (:mod:`workshop_app.i18n`), so every
string is checked by one test.

Examples
--------
>>> set_ui_language("de")
>>> tr("&File")
'&Datei'
>>> set_ui_language("en")
>>> tr("&File")
'&File'
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping

from workshop_app.ui._de import GERMAN as _WINDOW

__all__ = [
    "register_catalogue",
    "set_ui_language",
    "tr",
    "translation_table",
    "ui_language",
]

_CATALOG: ChainMap[str, str] = ChainMap(_WINDOW)
_state = {"language": "en"}


def register_catalogue(german: Mapping[str, str]) -> None:
    """Add a UI package's German texts (English source text → German)."""
    if not any(german is known for known in _CATALOG.maps):
        _CATALOG.maps.append(german)


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


def translation_table(old: str, new: str) -> dict[str, str]:
    """Every catalogue text as shown in language ``old`` → the same text in ``new``.

    For a live language switch: a text that came from a catalogue as it is
    (a title, a button, a menu entry) can be swapped without knowing who set
    it. A German text that several English texts translate to is left out
    (its English would be a guess); texts composed from a template are
    rebuilt by their owners.

    Examples
    --------
    >>> translation_table("en", "de")["&File"], translation_table("de", "en")["&Datei"]
    ('&Datei', '&File')
    >>> translation_table("de", "de")
    {}
    """
    if old == new:
        return {}
    pairs = [(english, german) for english, german in _CATALOG.items() if english != german]
    if old == "en":
        return dict(pairs)
    sources: dict[str, list[str]] = {}
    for english, german in pairs:
        sources.setdefault(german, []).append(english)
    return {german: found[0] for german, found in sources.items() if len(found) == 1}
