"""Translation of user-visible text, German and English.

Source strings are English; each area keeps its German catalogue beside its
code (``analysis/_de.py``, ``protocol/_de.py``, ``ui/_de.py``…) as a plain
``dict``. The core cannot use Qt's ``tr()`` (it must import without Qt), so
the UI uses the same catalogues: one mechanism, testable without a window.
``tests/test_i18n.py`` checks that every string passed to a translator has a
German entry.

Where a number meets a noun ("1 guardrail", "3 Leitplanken") the noun comes
from :data:`NOUNS` through :func:`counted`: one registry of every counted
noun in the window, the command line and the protocol, with its singular and
plural in both languages, so that no text says "1 guardrails".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

__all__ = ["NOUNS", "Counter", "Noun", "Translator", "counted", "counter", "translator"]


class Translator(Protocol):
    """Translates English source text; ``language`` says into which (``de``/``en``)."""

    language: str

    def __call__(self, text: str, /) -> str: ...


@dataclass(frozen=True)
class _Translation:
    catalog: Mapping[str, str]
    language: str

    def __call__(self, text: str, /) -> str:
        if self.language == "de":
            return self.catalog.get(text, text)
        return text


def translator(catalog: Mapping[str, str], language: str) -> Translator:
    """Return a function that translates English source text to ``language``.

    Examples
    --------
    >>> _ = translator({"Owner": "Verantwortlich"}, "de")
    >>> _("Owner"), _.language
    ('Verantwortlich', 'de')
    >>> translator({"Owner": "Verantwortlich"}, "en")("Owner")
    'Owner'
    """
    return _Translation(catalog, "de" if language == "de" else "en")


@dataclass(frozen=True)
class Noun:
    """A counted noun (or noun phrase) in its singular and plural, English and German."""

    one: str
    many: str
    de_one: str
    de_many: str

    def form(self, count: int, language: str) -> str:
        """The noun as it follows ``count``: singular for exactly one, else plural."""
        if language == "de":
            return self.de_one if count == 1 else self.de_many
        return self.one if count == 1 else self.many


#: Every noun that a count meets in user text, by its English singular.
NOUNS: dict[str, Noun] = {
    noun.one: noun
    for noun in (
        Noun("node", "nodes", "Knoten", "Knoten"),
        Noun("relation", "relations", "Beziehung", "Beziehungen"),
        Noun("edge", "edges", "Kante", "Kanten"),
        Noun("error", "errors", "Fehler", "Fehler"),
        Noun("warning", "warnings", "Warnung", "Warnungen"),
        Noun("note", "notes", "Hinweis", "Hinweise"),
        Noun("point to settle", "points to settle", "Punkt zu klären", "Punkte zu klären"),
        Noun("risk", "risks", "Risiko", "Risiken"),
        Noun("suggestion", "suggestions", "Anregung", "Anregungen"),
        Noun("priority", "priorities", "Priorität", "Prioritäten"),
        Noun("responsibility", "responsibilities", "Verantwortung", "Verantwortungen"),
        Noun("role", "roles", "Rolle", "Rollen"),
        Noun("guardrail", "guardrails", "Leitplanke", "Leitplanken"),
        Noun("participant", "participants", "Teilnehmende Person", "Teilnehmende"),
        Noun("action", "actions", "Maßnahme", "Maßnahmen"),
        Noun("agreed action", "agreed actions", "vereinbarte Maßnahme", "vereinbarte Maßnahmen"),
        Noun("open point", "open points", "offener Punkt", "offene Punkte"),
        Noun("finding", "findings", "Befund", "Befunde"),
        Noun("decision", "decisions", "Beschluss", "Beschlüsse"),
        Noun("part", "parts", "Teil", "Teile"),
        Noun("pair", "pairs", "Paar", "Paare"),
        Noun("page", "pages", "Seite", "Seiten"),
        Noun("minute", "minutes", "Minute", "Minuten"),
        Noun("hour", "hours", "Stunde", "Stunden"),
        Noun("day", "days", "Tag", "Tage"),
        Noun("hand-off", "hand-offs", "Übergabe", "Übergaben"),
        Noun("case", "cases", "Fall", "Fälle"),
        Noun("dot", "dots", "Punkt", "Punkte"),
    )
}

Counter = Callable[[int, str], str]


def counted(count: int, noun: str, language: str) -> str:
    """``count`` and the registered ``noun`` in the right number, in ``language``.

    German numbers of four digits or more group thousands with a point.

    Examples
    --------
    >>> counted(1, "guardrail", "en"), counted(3, "guardrail", "de")
    ('1 guardrail', '3 Leitplanken')
    >>> counted(0, "relation", "de"), counted(1000, "node", "de")
    ('0 Beziehungen', '1.000 Knoten')
    """
    try:
        entry = NOUNS[noun]
    except KeyError:
        raise KeyError(f"{noun!r} is not a registered counted noun (see i18n.NOUNS)") from None
    number = f"{count:,}".replace(",", "." if language == "de" else ",")
    return f"{number} {entry.form(count, language)}"


def counter(language: str) -> Counter:
    """:func:`counted` bound to ``language``, to sit beside a translator ``_``.

    Examples
    --------
    >>> n_ = counter("de")
    >>> n_(1, "action")
    '1 Maßnahme'
    """
    return lambda count, noun: counted(count, noun, language)
