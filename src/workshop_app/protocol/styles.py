"""Fonts, colours and paragraph styles of the protocol, and safe text for Paragraphs.

Every piece of text uses the bundled DejaVu Sans (embedded as a subset), never
one of the 14 standard PDF fonts: those are not embedded and cannot show
Greek or Cyrillic labels. User text always passes through :func:`markup`,
so a label such as ``<img src="/etc/passwd">`` prints as written instead of
being read as reportlab markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from workshop_app import vocabulary
from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.resources import resource_path

__all__ = [
    "BOLD",
    "EDGE_STYLES",
    "INK",
    "LINE",
    "MUTED",
    "NODE_COLOURS",
    "REGULAR",
    "SEVERITY_COLOURS",
    "TINT",
    "EdgeStyle",
    "NodeColours",
    "Styles",
    "markup",
    "plain",
    "register_fonts",
]

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#616E7C")
LINE = colors.HexColor("#CBD2D9")
TINT = colors.HexColor("#F3F5F7")
ACCENT = colors.HexColor("#2F5D8A")


@dataclass(frozen=True)
class NodeColours:
    fill: colors.Color
    stroke: colors.Color


#: The window's colours, from the shared vocabulary: one visual language.
NODE_COLOURS: dict[NodeKind, NodeColours] = {
    kind: NodeColours(colors.HexColor(look.fill), colors.HexColor(look.stroke))
    for kind, look in vocabulary.NODES.items()
}


@dataclass(frozen=True)
class EdgeStyle:
    colour: colors.Color
    width: float
    dash: tuple[float, ...] = ()
    arrow: bool = True


#: Paper is read from arm's length, the projector from the back row: the
#: vocabulary's line widths (made for the projector) print at this weight.
PRINT_WEIGHT = 0.45

#: Line styles from the vocabulary: dashes as well as hues, so they stay
#: distinct in a black-and-white print. Dashes here are absolute lengths.
EDGE_STYLES: dict[EdgeKind, EdgeStyle] = {
    kind: EdgeStyle(
        colors.HexColor(look.colour),
        look.width * PRINT_WEIGHT,
        tuple(d * look.width * PRINT_WEIGHT for d in look.dash),
        look.arrow is not vocabulary.Arrow.NONE,
    )
    for kind, look in vocabulary.EDGES.items()
}

SEVERITY_COLOURS = {
    severity: colors.HexColor(look.colour) for severity, look in vocabulary.SEVERITIES.items()
}


_REPORTLAB_CMAP = ttfonts.makeToUnicodeCMap
_BEYOND_BMP = re.compile(r"<([0-9A-F]{5,6})>")


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's text-layer map, with characters beyond U+FFFF written as PDF wants.

    WORKAROUND for reportlab 5.1 ``ttfonts.makeToUnicodeCMap``: it writes
    every character as ``<%04X>``, which for U+1F600 gives five digits that
    readers cut to U+1F60: the emoji is drawn but copies and searches as "ὠ".
    PDF wants UTF-16BE there, a surrogate pair (the character codes in the
    same map have two digits, so only targets match).
    """
    return _BEYOND_BMP.sub(
        lambda m: f"<{chr(int(m[1], 16)).encode('utf-16-be').hex().upper()}>",
        _REPORTLAB_CMAP(fontname, subset),
    )


def register_fonts() -> None:
    """Register the bundled DejaVu Sans faces once per process."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    pdfmetrics.registerFont(TTFont(REGULAR, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    # No oblique face is bundled: italics fall back to the upright faces.
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )


# C0/C1 control characters other than tab and newline have no glyph and can
# confuse the Paragraph parser; the file format allows them in quoted YAML.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: object) -> str:
    """User text as a printable string (no markup): controls become spaces."""
    return _CONTROL.sub(" ", str(text))


def markup(text: object) -> str:
    """User text as Paragraph markup that prints literally; line breaks are kept."""
    escaped = escape(plain(text).replace("\t", " "))
    return escaped.replace("\r\n", "\n").replace("\n", "<br/>")


def _style(name: str, size: float, *, font: str = REGULAR, **kwargs: object) -> ParagraphStyle:
    settings = {"leading": round(size * 1.3, 1), "textColor": INK, **kwargs}
    return ParagraphStyle(
        name, fontName=font, bulletFontName=font, fontSize=size, splitLongWords=1, **settings
    )


@dataclass(frozen=True)
class Styles:
    """The protocol's paragraph styles: one family, a few sizes, two weights."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle

    @classmethod
    def create(cls) -> Styles:
        register_fonts()
        return cls(
            title=_style("title", 26, font=BOLD, spaceAfter=10, leading=32),
            subtitle=_style("subtitle", 14, textColor=MUTED, spaceAfter=28),
            h1=_style(
                "h1", 17, font=BOLD, textColor=ACCENT, spaceBefore=20, spaceAfter=8, keepWithNext=1
            ),
            h2=_style("h2", 12, font=BOLD, spaceBefore=10, spaceAfter=5, keepWithNext=1),
            body=_style("body", 9.5, spaceBefore=4, spaceAfter=6),
            small=_style("small", 8, textColor=MUTED, spaceAfter=4),
            note=_style("note", 8, textColor=MUTED),
        )
