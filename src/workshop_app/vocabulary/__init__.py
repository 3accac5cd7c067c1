"""The map's visual vocabulary and glossary: one look and one word per kind.

Every node kind, relation kind and finding severity has here its name (the
one term the window, its legend, the PDF map and the protocol all use), its
shape, its colours, its line and its arrow. Nothing else in the code base
chooses a colour or a word for a kind: the window builds its pens from these
tables (``ui/map/style.py``) and the PDF its colours (``protocol/styles.py``),
so the projector and the paper speak one visual language.

Pure Python: colours are ``#RRGGBB`` strings, lengths are map units (the
layout's points), dash patterns are multiples of the line's width (as Qt and
the PDF side both apply them). Names are English source text with a German
catalogue in ``_de.py``; :func:`name` and friends translate them.

Examples
--------
>>> NODES[NodeKind.PRIORITY].shape
<Shape.HEXAGON: 'hexagon'>
>>> edge_kind_name(EdgeKind.OUTRANKS, "de")
'Geht vor'
>>> edge_tag(EdgeKind.ACCOUNTABLE, "de")
'A'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.i18n import translator
from workshop_app.vocabulary._de import GERMAN
from workshop_app.vocabulary.shapes import Outline, Shape, outline

__all__ = [
    "BACKGROUND",
    "DETAIL_INK",
    "EDGES",
    "INK",
    "NODES",
    "PRESENTATION_WEIGHT",
    "SELECTION",
    "SEVERITIES",
    "Arrow",
    "BadgeShape",
    "EdgeLook",
    "NodeLook",
    "Outline",
    "SeverityLook",
    "Shape",
    "edge_kind_name",
    "edge_tag",
    "node_kind_name",
    "outline",
    "severity_name",
    "term",
    "tint",
]


def _(text: str) -> str:
    """Mark ``text`` as a term of the glossary: translated by :func:`term` when shown."""
    return text


class Arrow(StrEnum):
    NONE = "none"
    TRIANGLE = "triangle"
    #: a double chevron: escalation, unlike any other relation
    DOUBLE = "double"


class BadgeShape(StrEnum):
    CIRCLE = "circle"
    #: warnings: severity by shape too, not by colour alone
    TRIANGLE = "triangle"


def tint(colour: str, strength: float) -> str:
    """``colour`` blended on white, ``strength`` 0 (white) to 1 (the colour itself).

    Opaque, so that lines passing behind a node do not show through it.

    >>> tint("#0072B2", 0.2)
    '#CCE3F0'
    """
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02X}" for c in channels)


#: Fill strength of a node on screen and paper, and in presentation mode
#: (a washed-out projector needs stronger colours).
FILL_STRENGTH = 0.2
PRESENTATION_FILL_STRENGTH = 0.34
#: Presentation mode draws every line this much heavier.
PRESENTATION_WEIGHT = 1.6

INK = "#1A1A1A"
DETAIL_INK = "#505050"
BACKGROUND = "#FAFAF7"
SELECTION = "#1456C8"
BADGE_TEXT = "#FFFFFF"


@dataclass(frozen=True)
class NodeLook:
    """How a node kind looks: ``colour`` is its hue, ``fill`` a tint of it."""

    kind: NodeKind
    name: str
    shape: Shape
    colour: str
    stroke: str

    @property
    def fill(self) -> str:
        return tint(self.colour, FILL_STRENGTH)

    @property
    def presentation_fill(self) -> str:
        return tint(self.colour, PRESENTATION_FILL_STRENGTH)


@dataclass(frozen=True)
class EdgeLook:
    """How a relation looks; ``tag`` is the short text written on the line, if any."""

    kind: EdgeKind
    name: str
    tag: str | None
    colour: str
    width: float
    dash: tuple[float, ...]  # empty: solid; else on/off lengths in line widths
    arrow: Arrow
    zigzag: bool = False  # a jagged line: the look of a conflict


@dataclass(frozen=True)
class SeverityLook:
    """The ring around a node under an open finding, and its badge on the corner."""

    severity: str
    name: str
    colour: str
    width: float
    dash: tuple[float, ...]
    glyph: str  # a symbol for text (lists), so severity does not rely on colour
    badge: str  # the letter in the badge
    badge_shape: BadgeShape

    @property
    def tint(self) -> str:
        """A light background for table cells under a finding of this severity."""
        return tint(self.colour, 0.25)


# Colours from the Okabe-Ito palette, which stays distinct for the common
# forms of colour blindness; every kind also differs in shape or line
# pattern, so nothing relies on colour alone (nor on a colour printer).
_BLUE, _GREEN, _PURPLE = "#0072B2", "#009E73", "#CC79A7"
_ORANGE, _GREY = "#E69F00", "#4A4A4A"

NODES: dict[NodeKind, NodeLook] = {
    look.kind: look
    for look in (
        NodeLook(NodeKind.PRIORITY, _("Priority"), Shape.HEXAGON, _BLUE, _BLUE),
        NodeLook(NodeKind.ROLE, _("Role"), Shape.PILL, _GREEN, _GREEN),
        NodeLook(NodeKind.RESPONSIBILITY, _("Responsibility"), Shape.ROUNDED, _PURPLE, "#A8447E"),
        NodeLook(NodeKind.GUARDRAIL, _("Guardrail"), Shape.OCTAGON, "#5E5E5E", "#3C3C3C"),
    )
}

_E, _T, _D = EdgeKind, Arrow.TRIANGLE, Arrow.DOUBLE
EDGES: dict[EdgeKind, EdgeLook] = {
    look.kind: look
    for look in (
        # RACI letters: the same in German workshops, where the English terms are used.
        EdgeLook(_E.ACCOUNTABLE, _("Accountable (A)"), "A", INK, 3.2, (), _T),
        EdgeLook(_E.RESPONSIBLE, _("Responsible (R)"), "R", INK, 1.6, (), _T),
        EdgeLook(_E.CONSULTED, _("Consulted (C)"), "C", _GREY, 1.6, (3.75, 2.5), _T),
        EdgeLook(_E.INFORMED, _("Informed (I)"), "I", _GREY, 1.8, (0.55, 1.2), _T),
        EdgeLook(_E.ESCALATES_TO, _("Escalates to"), _("escalates"), "#B05000", 2.6, (), _D),
        EdgeLook(_E.SERVES, _("Serves"), None, _BLUE, 1.4, (), _T),
        EdgeLook(_E.OUTRANKS, _("Comes before"), None, "#004C7A", 3.0, (), _T),
        EdgeLook(
            _E.CONFLICTS_WITH, _("Conflicts with"), None, "#C8102E", 2.2, (), Arrow.NONE, True
        ),
        EdgeLook(_E.BOUNDED_BY, _("Limited by"), None, _GREY, 1.6, (5.0, 1.9, 0.6, 1.9), _T),
        EdgeLook(_E.DEPUTY_OF, _("Stands in for"), _("stands in"), "#00704F", 1.8, (5.0, 2.2), _T),
    )
}

SEVERITIES: dict[str, SeverityLook] = {
    look.severity: look
    for look in (
        SeverityLook("error", _("To be settled"), "#C8102E", 5.0, (), "✖", "!", BadgeShape.CIRCLE),
        SeverityLook("warning", _("Risk"), _ORANGE, 4.0, (2.5, 1.5), "▲", "!",
                     BadgeShape.TRIANGLE),
        SeverityLook("info", _("Suggestion"), "#6F8296", 2.5, (1.0, 2.0), "\u2139", "i",
                     BadgeShape.CIRCLE),
    )
}  # fmt: skip


def term(text: str, language: str) -> str:
    """A glossary term (English source text) in ``language`` (``de`` or ``en``)."""
    return translator(GERMAN, language)(text)


def node_kind_name(kind: NodeKind | str, language: str) -> str:
    return term(NODES[NodeKind(kind)].name, language)


def edge_kind_name(kind: EdgeKind | str, language: str) -> str:
    """The relation's one name: legend, menus, tooltips, PDF and protocol."""
    return term(EDGES[EdgeKind(kind)].name, language)


def edge_tag(kind: EdgeKind | str, language: str) -> str | None:
    """The short text written on a relation's line, or ``None``."""
    tag = EDGES[EdgeKind(kind)].tag
    return None if tag is None else term(tag, language)


def severity_name(severity: str, language: str) -> str:
    return term(SEVERITIES[severity].name, language)
