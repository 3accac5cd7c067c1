"""Translation of user-visible text, German and English.

Source strings are English; each area keeps its German catalogue beside its
code (``analysis/_de.py``, ``protocol/_de.py``, ``ui/_de.py``…) as a plain
``dict``. The core cannot use Qt's ``tr()`` (it must import without Qt), so
the UI uses the same catalogues: one mechanism, testable without a window.
``tests/test_i18n.py`` checks that every string passed to a translator has a
German entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

__all__ = ["Translator", "translator"]

Translator = Callable[[str], str]


def translator(catalog: Mapping[str, str], language: str) -> Translator:
    """Return a function that translates English source text to ``language``.

    Examples
    --------
    >>> _ = translator({"Owner": "Verantwortlich"}, "de")
    >>> _("Owner")
    'Verantwortlich'
    >>> translator({"Owner": "Verantwortlich"}, "en")("Owner")
    'Owner'
    """
    if language == "de":
        return lambda text: catalog.get(text, text)
    return lambda text: text
