"""Typography both renderers share: non-breaking spaces, hyphenation points, sentence cuts.

Pure Python. The PDF renderer uses :func:`hyphenate` to fit a long word in a
narrow column head ("Qualitäts-" / "management" rather than
"Qualitätsmanagemen" / "t"); the DOCX renderer puts soft hyphens at the
same points (:func:`soft_hyphens`) and lets the word processor choose.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

__all__ = ["break_points", "hyphenate", "keep_together", "sentence_pieces", "soft_hyphens"]

NBSP = "\u00a0"
_VOWELS = set("aeiouyäöüàáâéèêëíìîïóòôúùûæøœåAEIOUYÄÖÜÀÁÂÉÈÊËÍÌÎÏÓÒÔÚÙÛÆØŒÅ")
#: Letter groups that stay together when a word is hyphenated (German and English).
_UNITS = ("sch", "ch", "ck", "ph", "th", "qu")

# A number and what it counts or measures: "50 €", "95 %", "50 EUR", "3 Monate".
_AMOUNT = re.compile(
    r"(?<=\d) (?=(?:%|‰|€|\$|£|EUR|USD|CHF|GBP|min|h|d|Tage?n?|Monate?n?)\b|[%€$£‰])"
)


def keep_together(text: str) -> str:
    """``text`` with a non-breaking space between a number and its unit or currency.

    Examples
    --------
    >>> keep_together("bis 50 € und 95 % Last, 50 EUR").split(" ")
    ['bis', '50\xa0€', 'und', '95\xa0%', 'Last,', '50\xa0EUR']
    """
    return _AMOUNT.sub(NBSP, text)


def _is_letter(char: str) -> bool:
    return char.isalpha()


def break_points(word: str) -> list[int]:
    """Where ``word`` may be hyphenated: before the last consonant of a cluster between vowels.

    A rough syllable rule that suits German compounds and most English words;
    at least two letters stay before a break and three after it.

    Examples
    --------
    >>> word = "Qualitätsmanagement"
    >>> [word[:i] for i in break_points(word)][:4]
    ['Qua', 'Quali', 'Qualitäts', 'Qualitätsma']
    >>> [w[:i] for w in ("Beschwerde", "Servicekraft") for i in break_points(w)]
    ['Be', 'Ser', 'Servi', 'Service']
    """
    points = []
    index, length = 0, len(word)
    while index < length:
        if word[index] in _VOWELS and index + 1 < length and word[index + 1] not in _VOWELS:
            end = index + 1
            while end < length and _is_letter(word[end]) and word[end] not in _VOWELS:
                end += 1
            if end < length and word[end] in _VOWELS and end - (index + 1) >= 1:
                points.append(_last_unit_start(word, index + 1, end))
            index = end
        else:
            index += 1
    return [p for p in points if p >= 2 and length - p >= 3 and word[p - 1].isalpha()]


def _last_unit_start(word: str, start: int, end: int) -> int:
    """Where the next syllable starts in a consonant cluster: "Be-schwer-de", "Service-kraft".

    "sch" and a consonant followed by l or r (kr, pl, tr…) open the next
    syllable; otherwise its last consonant does, keeping "ch", "ck"… whole.
    """
    cluster = word[start:end].casefold()
    if "sch" in cluster:
        return start + cluster.index("sch")
    if len(cluster) >= 2 and cluster[-1] in "lr" and cluster[-2] in "bcdfgkpt":
        return end - 2
    for unit in _UNITS:
        if cluster.endswith(unit):
            return end - len(unit)
    return end - 1


def hyphenate(word: str, fits: Callable[[str], bool]) -> list[str]:
    """``word`` in pieces that each ``fits`` (hyphen included), broken at :func:`break_points`.

    A piece with no break point that fits is cut between letters, still with a hyphen.
    """
    pieces: list[str] = []
    rest = word
    while not fits(rest):
        points = [p for p in break_points(rest) if fits(rest[:p] + "-")]
        if points:
            cut = points[-1]
        else:
            cut = max(1, *(i for i in range(1, len(rest)) if fits(rest[:i] + "-")), 1)
        if cut >= len(rest):
            break
        pieces.append(rest[:cut] + "-")
        rest = rest[cut:]
    return [*pieces, rest]


def soft_hyphens(text: str, longer_than: int = 10) -> str:
    """``text`` with soft hyphens at the break points of its long words (for word processors)."""

    def mark(match: re.Match[str]) -> str:
        word = match[0]
        cuts = [0, *break_points(word), len(word)]
        return "\u00ad".join(word[a:b] for a, b in itertools.pairwise(cuts))

    return re.sub(rf"\w{{{longer_than + 1},}}", mark, text)


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")


def sentence_pieces(text: str, size: int) -> list[str]:
    """``text`` in pieces of about ``size`` characters, cut only between sentences.

    A sentence longer than ``size`` stays whole. Text without sentence marks
    (a list of names) is cut after a comma or semicolon instead.

    Examples
    --------
    >>> sentence_pieces("One. Two! Three? Four.", 9)
    ['One. Two!', 'Three?', 'Four.']
    """
    if len(text) <= size:
        return [text]
    sentences = _SENTENCE_END.split(text)
    if len(sentences) == 1:
        sentences = re.split(r"(?<=[,;])\s+", text)
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        if current and len(current) + 1 + len(sentence) > size:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    return [*pieces, current] if current else pieces
