"""Text measurement for the map, in the core: widths from the bundled DejaVu Sans.

The geometry sizes every box for its wrapped label, so the window and the PDF
must agree on how wide a line of text is. Both draw with the bundled DejaVu
Sans; its advance widths are read here straight from the font file (the
``cmap``, ``hhea`` and ``hmtx`` tables), without Qt or reportlab, so the
core measures what both renderers will draw. A character the font does not
have is measured as the font's widest common letter ("M"), so a label in a
script drawn by a fallback font is never given too little room.

Examples
--------
>>> text_width("Teamleitung", 12.0) == text_width("Teamleitung", 24.0) / 2
True
>>> wrap("Rücksendungen außerhalb der Frist", 12.0, 110.0)
('Rücksendungen', 'außerhalb der', 'Frist')
>>> wrap("Kulanz über 50 EUR", 12.0, 110.0)
('Kulanz über', '50 EUR')
"""

from __future__ import annotations

import re
import struct
from functools import cache

from workshop_app.resources import ResourceNotFoundError, resource_path

__all__ = ["ELLIPSIS", "FontMetrics", "compound_joint", "metrics", "text_width", "words", "wrap"]

ELLIPSIS = "…"
_UNIT = re.compile(r"(\d) (%|‰|€|EUR|CHF|USD|h|Tage|days)(?!\w)")
#: Spaces between words; not the no-break space that keeps a number with its unit.
_SPACES = re.compile(r"[^\S\u00a0]+")


class FontMetrics:
    """Advance widths of one font, per character, in units of the font size."""

    def __init__(self, widths: dict[int, float], fallback: float) -> None:
        self._widths = widths
        self.fallback = fallback
        #: The narrowest visible character: no line of ``w`` holds more than ``w / narrowest``.
        self.narrowest = min((value for value in widths.values() if value > 0.05), default=0.2)

    def most(self, size: float, width: float) -> int:
        """The most characters a line of ``width`` can hold at ``size``."""
        return int(width / (self.narrowest * size)) + 1

    def width(self, text: str, size: float) -> float:
        """Width of ``text`` set in ``size`` (no kerning, as reportlab sets it)."""
        get, fallback = self._widths.get, self.fallback
        return sum(get(ord(char), fallback) for char in text) * size


@cache
def metrics(bold: bool = False) -> FontMetrics:
    """The metrics of the bundled DejaVu Sans (or its bold face)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        data = resource_path("fonts", name).read_bytes()
    except ResourceNotFoundError:  # pragma: no cover - an incomplete installation
        return FontMetrics({}, 0.65)
    widths = _advance_widths(data)
    return FontMetrics(widths, widths.get(ord("M"), 0.86))


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of ``text`` in points at ``size`` points, as drawn with DejaVu Sans."""
    return metrics(bold).width(text, size)


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        tables[tag] = (offset, length)
    return tables


def _advance_widths(data: bytes) -> dict[int, float]:
    """Character code to advance width (in ems) from a TrueType font file."""
    tables = _tables(data)
    head = tables[b"head"][0]
    (units,) = struct.unpack_from(">H", data, head + 18)
    hhea = tables[b"hhea"][0]
    (metric_count,) = struct.unpack_from(">H", data, hhea + 34)
    hmtx = tables[b"hmtx"][0]
    advances = struct.unpack_from(f">{metric_count * 2}H", data, hmtx)[0::2]
    last = advances[-1]
    return {
        code: (advances[glyph] if glyph < metric_count else last) / units
        for code, glyph in _character_map(data, tables[b"cmap"][0]).items()
    }


def _character_map(data: bytes, cmap: int) -> dict[int, int]:
    """The Unicode character map (format 12 when present, else format 4)."""
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    subtables = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
        (form,) = struct.unpack_from(">H", data, cmap + offset)
        subtables[form, platform, encoding] = cmap + offset
    for (form, platform, encoding), start in sorted(subtables.items(), reverse=True):
        if form == 12 and (platform, encoding) in ((3, 10), (0, 4), (0, 6)):
            return _format12(data, start)
    for (form, platform, encoding), start in subtables.items():
        if form == 4 and (platform, encoding) in ((3, 1), (0, 3), (0, 1), (0, 0)):
            return _format4(data, start)
    return {}


def _format12(data: bytes, start: int) -> dict[int, int]:
    (groups,) = struct.unpack_from(">I", data, start + 12)
    mapping = {}
    for index in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * index)
        for code in range(first, last + 1):
            mapping[code] = glyph + code - first
    return mapping


def _format4(data: bytes, start: int) -> dict[int, int]:
    (doubled,) = struct.unpack_from(">H", data, start + 6)
    segments = doubled // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts_at = start + 16 + doubled
    starts = struct.unpack_from(f">{segments}H", data, starts_at)
    deltas = struct.unpack_from(f">{segments}h", data, starts_at + doubled)
    offsets_at = starts_at + 2 * doubled
    offsets = struct.unpack_from(f">{segments}H", data, offsets_at)
    mapping = {}
    for index in range(segments):
        first, last, delta, offset = starts[index], ends[index], deltas[index], offsets[index]
        for code in range(first, min(last, 0xFFFE) + 1):
            if offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                at = offsets_at + 2 * index + offset + 2 * (code - first)
                (glyph,) = struct.unpack_from(">H", data, at)
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                mapping[code] = glyph
    return mapping


def words(text: str) -> list[str]:
    """The words of ``text``; a number keeps its unit ("50 EUR", "20 %") on its line."""
    return [word.replace("\u00a0", " ") for word in _SPACES.split(_UNIT.sub("\\1\u00a0\\2", text))
            if word]  # fmt: skip


def wrap(
    text: str, size: float, width: float, max_lines: int = 0, *, bold: bool = False
) -> tuple[str, ...]:
    """Break ``text`` into lines no wider than ``width`` at ``size`` points.

    Lines break between words; a word longer than a line (a German
    compound) breaks after a hyphen or, failing that, between characters
    with a hyphen added. With ``max_lines`` (> 0) the text stops there and
    the last line ends in "…".
    """
    font = metrics(bold)
    most = font.most(size, width)
    lines: list[str] = []
    current = ""
    for word in words(text):
        if 0 < max_lines < len(lines):
            break  # what is shown is decided: the rest of a huge label is never measured
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= most and font.width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while len(current) > most or font.width(current, size) > width:
            head, current = _split_word(current, font, size, width)
            lines.append(head)
            if 0 < max_lines < len(lines):
                current = ""
                break
    if current:
        lines.append(current)
    if max_lines <= 0 or len(lines) <= max_lines:
        return tuple(lines)
    kept = lines[:max_lines]
    kept[-1] = _ellipsize(kept[-1], font, size, width)
    return tuple(kept)


def _split_word(word: str, font: FontMetrics, size: float, width: float) -> tuple[str, str]:
    """The longest head of ``word`` that fits ``width`` (with a hyphen), and the rest.

    A hyphen in the word is the best place to break; next best is a joint
    of a German compound ("Beschwerde-management", "Qualitäts-management").
    """
    hyphen = word.rfind("-", 1, _fitting(word, font, size, width))
    if hyphen > 0:
        return word[: hyphen + 1], word[hyphen + 1 :]
    cut = max(1, _fitting(word + "-", font, size, width) - 1)
    # Leave at least a few letters for the next line: "Beschwerdemanageme-nt" reads badly.
    cut = max(1, min(cut, len(word) - 4)) if len(word) > 8 else max(1, min(cut, len(word) - 1))
    lower = word.lower()
    joints = (end for end in range(min(cut, len(word) - 4), 3, -1) if compound_joint(lower, end))
    cut = next(joints, cut)
    return word[:cut] + "-", word[cut:]


def compound_joint(lower: str, end: int) -> bool:
    """Whether a lower-case German compound has a joint before ``end`` ("qualitäts|management")."""
    return lower[:end].endswith(_JOINTS) or lower[end:].startswith(_PARTS)


#: Endings of the first part of a German compound (with the joining "s").
_JOINTS = ("ungs", "heits", "keits", "täts", "ions", "schafts", "lings")
#: Words that often end a compound in service workshops.
_PARTS = (
    "management", "zufriedenheit", "anfrage", "bearbeitung", "abwicklung", "leitung",
    "leitfaden", "rückgewinnung", "gewinnung", "grenze", "rahmen", "dauer", "kontakt",
    "kräfte", "kraft", "service", "prüfung", "regel", "prozess", "zeit", "fall", "fälle",
    "qualität", "kosten", "schutz", "recht", "planung", "steuerung", "entscheidung",
    "sicherheit", "auskunft", "ersuchen", "sendungen", "markenstimme", "stimme",
)  # fmt: skip


def _ellipsize(line: str, font: FontMetrics, size: float, width: float) -> str:
    cut = _fitting(line + ELLIPSIS, font, size, width) - 1
    return line[: max(0, min(cut, len(line)))].rstrip() + ELLIPSIS


def _fitting(text: str, font: FontMetrics, size: float, width: float) -> int:
    """Length of the longest prefix of ``text`` that fits ``width`` (at least 1)."""
    low, high = 1, min(len(text), font.most(size, width))
    while low < high:
        middle = (low + high + 1) // 2
        if font.width(text[:middle], size) <= width:
            low = middle
        else:
            high = middle - 1
    return low
