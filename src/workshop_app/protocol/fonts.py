"""Every script of the world on paper: per-character font fallback, right-to-left order.

Text is set in DejaVu Sans (Latin, Greek, Cyrillic and much more). A
character it lacks is set in the first bundled fallback that has it:
Noto Sans Hebrew and Noto Sans Arabic for their scripts (they are made for
them), Droid Sans Fallback for Chinese, Japanese and Korean. The fallbacks
are read only when a text needs them, so a protocol in Latin script pays
nothing for them.

Right-to-left text is reordered for display (python-bidi, the Unicode
bidirectional algorithm) after Arabic letters are joined into their
contextual forms (arabic-reshaper). The text layer keeps the characters:
the fonts map every glyph back to its character (see ``styles``).

Characters that no bundled font has (most emoji) print as a gap; the export
names them (:func:`unsupported`) so the facilitator can tell the client.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workshop_app.protocol.styles import BOLD, REGULAR, markup, plain, register_fonts
from workshop_app.resources import resource_path

__all__ = [
    "FALLBACKS",
    "Fallback",
    "draw_text",
    "family",
    "font_runs",
    "shaped",
    "text_markup",
    "text_width",
    "unsupported",
    "visual",
]


@dataclass(frozen=True)
class Fallback:
    """A bundled fallback face pair, and the character ranges it is preferred for."""

    name: str
    regular: str
    bold: str | None
    scripts: tuple[tuple[int, int], ...]

    @property
    def bold_name(self) -> str:
        return f"{self.name}-Bold" if self.bold else self.name


FALLBACKS = (
    Fallback(
        "NotoSansHebrew",
        "NotoSansHebrew-Regular.ttf",
        "NotoSansHebrew-Bold.ttf",
        ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
    ),
    Fallback(
        "NotoSansArabic",
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold.ttf",
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    ),
    # One weight only: bold CJK prints regular.
    Fallback("DroidSansFallback", "DroidSansFallback.ttf", None, ()),
)

_RTL = ("R", "AL")


@functools.cache
def _cmap(font_name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


@functools.cache
def _registered(fallback: Fallback) -> Fallback:
    """``fallback`` with its faces registered (once per process, on first need)."""
    register_fonts()
    names = pdfmetrics.getRegisteredFontNames()
    if fallback.name not in names:
        pdfmetrics.registerFont(
            TTFont(fallback.name, str(resource_path("fonts", fallback.regular)))
        )
        if fallback.bold:
            path = resource_path("fonts", fallback.bold)
            pdfmetrics.registerFont(TTFont(fallback.bold_name, str(path)))
        pdfmetrics.registerFontFamily(
            fallback.name,
            normal=fallback.name,
            bold=fallback.bold_name,
            italic=fallback.name,
            boldItalic=fallback.bold_name,
        )
    return fallback


def _preferred(code: int) -> list[Fallback]:
    """The fallbacks to try for ``code``: one made for its script first."""
    made_for = [f for f in FALLBACKS if any(a <= code <= b for a, b in f.scripts)]
    return made_for + [f for f in FALLBACKS if f not in made_for]


@functools.lru_cache(maxsize=8192)
def _font_for(char: str, base: str) -> str:
    code = ord(char)
    if char.isspace() or unicodedata.category(char).startswith("C"):
        return base
    script_font = [f for f in FALLBACKS if any(a <= code <= b for a, b in f.scripts)]
    if not script_font and code in _cmap(base):
        return base
    for fallback in map(_registered, _preferred(code)):
        name = fallback.bold_name if base == BOLD else fallback.name
        if code in _cmap(name):
            return name
    return base


@functools.lru_cache(maxsize=1 << 15)
def font_runs(text: str, font: str = REGULAR) -> tuple[tuple[str, str], ...]:
    """``text`` in runs of one font each: ``((text, font), …)``; ``font`` is the base face.

    >>> font_runs("Kulanz 客户", REGULAR)
    (('Kulanz ', 'DejaVuSans'), ('客户', 'DroidSansFallback'))
    """
    if text.isascii() or font not in (REGULAR, BOLD):
        return ((text, font),)
    runs: list[list[str]] = []
    for char in text:
        chosen = _font_for(char, font)
        if runs and runs[-1][1] == chosen:
            runs[-1][0] += char
        else:
            runs.append([char, chosen])
    return tuple((piece, name) for piece, name in runs) or (("", font),)


def text_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` set with fallbacks."""
    return sum(pdfmetrics.stringWidth(piece, name, size) for piece, name in font_runs(text, font))


def _has_rtl(text: str) -> bool:
    return not text.isascii() and any(unicodedata.bidirectional(c) in _RTL for c in text)


@functools.lru_cache(maxsize=4096)
def shaped(text: str) -> str:
    """``text`` with Arabic letters in their joined, contextual forms (still in logical order)."""
    if text.isascii() or not any(0x0600 <= ord(c) <= 0x06FF for c in text):
        return text
    return arabic_reshaper.reshape(text)


@functools.lru_cache(maxsize=4096)
def visual(text: str) -> str:
    """One line of text in display order: shaped, and right-to-left runs reversed.

    >>> visual("Team שירות")
    'Team תוריש'
    """
    if not _has_rtl(text):
        return text
    return get_display(shaped(text))


def family(font_name: str) -> str:
    """The family a face belongs to, for Paragraph markup (``<font face=…>`` inside ``<b>``)."""
    for fallback in FALLBACKS:
        if font_name in (fallback.name, fallback.bold_name):
            return fallback.name
    return font_name


def text_markup(text: str) -> str:
    """User text as Paragraph markup: literal, in display order, each character in a font
    that has it."""
    line = "\n".join(visual(part) for part in plain(text).split("\n"))
    if line.isascii():
        return markup(line)
    parts = []
    for piece, font in font_runs(line, REGULAR):
        escaped = markup(piece)
        parts.append(
            escaped if font == REGULAR else f'<font face="{family(font)}">{escaped}</font>'
        )
    return "".join(parts)


def draw_text(
    canvas: Any, x: float, y: float, text: str, font: str, size: float, anchor: str = "start"
) -> float:
    """Draw one line of user text at ``(x, y)`` with fallbacks and right-to-left order.

    ``anchor`` is ``"start"``, ``"middle"`` or ``"end"``; returns the width drawn.
    """
    line = visual(text)
    width = text_width(line, font, size)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    for piece, name in font_runs(line, font):
        canvas.setFont(name, size)
        canvas.drawString(left, y, piece)
        left += pdfmetrics.stringWidth(piece, name, size)
    return width


def unsupported(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts`` that no bundled font can show, each once, in order met."""
    register_fonts()
    missing: dict[str, None] = {}
    for text in texts:
        if text.isascii():
            continue
        for char in shaped(text):
            if char in missing or char.isspace() or unicodedata.category(char).startswith("C"):
                continue
            if _font_for(char, REGULAR) == REGULAR and ord(char) not in _cmap(REGULAR):
                missing[char] = None
    return list(missing)
