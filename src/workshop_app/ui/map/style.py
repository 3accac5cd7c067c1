"""How the map looks: colours, lines, shapes and fonts for each kind.

Colours come from the Okabe-Ito palette, which stays distinct for the common
forms of colour blindness; every kind also differs in shape (nodes) or line
pattern (edges), so nothing relies on colour alone. The presentation look is
the same design with heavier lines, larger type and stronger colours, for a
washed-out projector.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainterPath, QPen, QPolygonF

from workshop_app.analysis import Severity
from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.layout import NODE_HEIGHT, NODE_WIDTH
from workshop_app.resources import ResourceNotFoundError, resource_path
from workshop_app.ui.i18n import tr

__all__ = [
    "NODE_HEIGHT",
    "NODE_WIDTH",
    "Arrow",
    "EdgeLook",
    "MapStyle",
    "MarkLook",
    "NodeLook",
    "edge_kind_name",
    "map_style",
    "node_kind_name",
    "node_outline",
    "severity_name",
]

#: Room around a node's box for the selection line, finding ring and handle.
NODE_MARGIN = 20.0
#: The connector handle: centre distance from the node's right edge, and radius.
HANDLE_OFFSET = 12.0
HANDLE_RADIUS = 9.0
_HEXAGON_INSET = 18.0
_OCTAGON_CUT = 16.0


class Arrow(enum.Enum):
    NONE = "none"
    TRIANGLE = "triangle"
    DOUBLE = "double"  # escalation: a double chevron, unlike any other edge


@dataclass(frozen=True)
class NodeLook:
    fill: QColor
    border: QColor


@dataclass(frozen=True)
class EdgeLook:
    color: QColor
    width: float
    dashes: tuple[float, ...]  # empty: a solid line
    arrow: Arrow
    zigzag: bool = False


@dataclass(frozen=True)
class MarkLook:
    """The ring drawn around a node under an open finding."""

    color: QColor
    width: float
    dashes: tuple[float, ...]
    glyph: str  # a symbol for text (lists), so severity does not rely on colour
    badge: str  # the letter in the node's badge (a circle, or a triangle for warnings)


@dataclass(frozen=True)
class Pens:
    """Pens for the nodes, made once per style (painting must not build them)."""

    nodes: dict[NodeKind, QPen]
    marks: dict[Severity, QPen]
    selection: QPen
    focus: QPen
    target: QPen
    no_target: QPen


@dataclass(frozen=True)
class MapStyle:
    presentation: bool
    font: QFont
    detail_font: QFont
    edge_font: QFont
    legend_font: QFont
    text: QColor
    detail_text: QColor
    background: QColor
    selection: QColor
    border_width: float
    nodes: dict[NodeKind, NodeLook]
    edges: dict[EdgeKind, EdgeLook]
    marks: dict[Severity, MarkLook]
    pens: Pens


_BLUE, _GREEN, _PURPLE = QColor("#0072B2"), QColor("#009E73"), QColor("#CC79A7")
_ORANGE, _VERMILLION, _SKY = QColor("#E69F00"), QColor("#D55E00"), QColor("#56B4E9")


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont(_family())
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


@cache
def _family() -> str:
    """The bundled DejaVu Sans, so labels wrap the same on every laptop."""
    families: list[str] = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        try:
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        except ResourceNotFoundError:
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else QFont().family()


@cache
def map_style(presentation: bool = False) -> MapStyle:
    """The look of the map, normal or for presentation (larger, bolder, stronger)."""
    heavy = 1.6 if presentation else 1.0
    ink = QColor("#000000") if presentation else QColor("#1A1A1A")
    grey = QColor("#202020") if presentation else QColor("#4A4A4A")
    strength = 0.34 if presentation else 0.2

    def tint(color: QColor) -> QColor:
        # Opaque (blended on white), so edges passing behind a node do not show through.
        return QColor(*(round(255 - (255 - c) * strength) for c in color.getRgb()[:3]))

    nodes = {
        NodeKind.PRIORITY: NodeLook(tint(_BLUE), _BLUE),
        NodeKind.ROLE: NodeLook(tint(_GREEN), _GREEN),
        NodeKind.RESPONSIBILITY: NodeLook(tint(_PURPLE), QColor("#A8447E")),
        NodeKind.GUARDRAIL: NodeLook(QColor("#E4E4E4"), QColor("#3C3C3C")),
    }
    edges = {
        EdgeKind.ACCOUNTABLE: EdgeLook(ink, 3.2 * heavy, (), Arrow.TRIANGLE),
        EdgeKind.RESPONSIBLE: EdgeLook(ink, 1.6 * heavy, (), Arrow.TRIANGLE),
        EdgeKind.CONSULTED: EdgeLook(grey, 1.6 * heavy, (6, 4), Arrow.TRIANGLE),
        EdgeKind.INFORMED: EdgeLook(grey, 1.8 * heavy, (1, 2.2), Arrow.TRIANGLE),
        EdgeKind.ESCALATES_TO: EdgeLook(QColor("#B05000"), 2.6 * heavy, (), Arrow.DOUBLE),
        EdgeKind.SERVES: EdgeLook(_BLUE, 1.4 * heavy, (), Arrow.TRIANGLE),
        EdgeKind.OUTRANKS: EdgeLook(QColor("#004C7A"), 3.0 * heavy, (), Arrow.TRIANGLE),
        EdgeKind.CONFLICTS_WITH: EdgeLook(QColor("#C8102E"), 2.2 * heavy, (), Arrow.NONE, True),
        EdgeKind.BOUNDED_BY: EdgeLook(grey, 1.6 * heavy, (8, 3, 1, 3), Arrow.TRIANGLE),
        EdgeKind.DEPUTY_OF: EdgeLook(QColor("#00704F"), 1.8 * heavy, (9, 4), Arrow.TRIANGLE),
    }
    marks = {
        Severity.ERROR: MarkLook(QColor("#C8102E"), 5.0 * heavy, (), "✖", "!"),
        Severity.WARNING: MarkLook(_ORANGE, 4.0 * heavy, (2.5, 1.5), "▲", "!"),
        Severity.INFO: MarkLook(QColor("#6F8296"), 2.5 * heavy, (1, 2), "\u2139", "i"),
    }
    selection = QColor("#1456C8")
    detail_text = QColor("#1A1A1A") if presentation else QColor("#505050")
    border_width = 3.5 if presentation else 2.0
    pens = Pens(
        nodes={kind: QPen(look.border, border_width) for kind, look in nodes.items()},
        marks={severity: _dashed_pen(look.color, look.width, look.dashes)
               for severity, look in marks.items()},
        selection=QPen(selection, 3),
        focus=QPen(QColor(255, 200, 0, 215), 18),
        target=QPen(selection, 3, Qt.PenStyle.DashLine),
        no_target=QPen(detail_text, 3, Qt.PenStyle.DashLine),
    )  # fmt: skip
    return MapStyle(
        presentation=presentation,
        font=_font(17 if presentation else 14, bold=presentation),
        detail_font=_font(13 if presentation else 12, bold=presentation),
        edge_font=_font(14 if presentation else 12, bold=True),
        legend_font=_font(15 if presentation else 12),
        text=ink,
        detail_text=detail_text,
        background=QColor("#FFFFFF") if presentation else QColor("#FAFAF7"),
        selection=selection,
        border_width=border_width,
        nodes=nodes,
        edges=edges,
        marks=marks,
        pens=pens,
    )


def _dashed_pen(color: QColor, width: float, dashes: tuple[float, ...]) -> QPen:
    pen = QPen(color, width, pen_style(dashes))
    if dashes:
        pen.setDashPattern(list(dashes))
    return pen


def node_outline(kind: NodeKind, grow: float = 0.0) -> QPainterPath:
    """The node's shape centred on (0, 0), ``grow`` scene units larger all round."""
    w, h = NODE_WIDTH / 2 + grow, NODE_HEIGHT / 2 + grow
    path = QPainterPath()
    if kind is NodeKind.PRIORITY:
        inset = _HEXAGON_INSET
        path.addPolygon(
            _polygon(
                (-w, 0), (-w + inset, -h), (w - inset, -h), (w, 0), (w - inset, h), (-w + inset, h)
            )
        )
        path.closeSubpath()
    elif kind is NodeKind.GUARDRAIL:
        cut = _OCTAGON_CUT
        path.addPolygon(
            _polygon(
                (-w + cut, -h),
                (w - cut, -h),
                (w, -h + cut),
                (w, h - cut),
                (w - cut, h),
                (-w + cut, h),
                (-w, h - cut),
                (-w, -h + cut),
            )
        )
        path.closeSubpath()
    elif kind is NodeKind.ROLE:
        path.addRoundedRect(QRectF(-w, -h, 2 * w, 2 * h), h, h)
    else:
        path.addRoundedRect(QRectF(-w, -h, 2 * w, 2 * h), 4 + grow, 4 + grow)
    return path


def border_distance(kind: NodeKind, dx: float, dy: float) -> float:
    """How far along (dx, dy) from a node's centre its border lies, as a factor.

    ``(dx * t, dy * t)`` is on the border of the shape :func:`node_outline`
    draws. Worked out per shape rather than by intersecting the outline, as
    every edge needs it twice whenever a node moves.
    """
    ax, ay = abs(dx), abs(dy)
    if ax + ay < 1e-9:
        return 0.0
    w, h = NODE_WIDTH / 2, NODE_HEIGHT / 2
    box = min(w / ax if ax else math.inf, h / ay if ay else math.inf)
    if kind is NodeKind.PRIORITY:  # hexagon: the sides slant in by the inset
        return min(h / ay if ay else math.inf, w / (ax + _HEXAGON_INSET * ay / h))
    if kind is NodeKind.GUARDRAIL:  # octagon: corners cut along |x| + |y|
        return min(box, (w + h - _OCTAGON_CUT) / (ax + ay))
    if kind is NodeKind.ROLE and ax * box > w - h:  # the pill's round end
        centre = w - h
        a, b = ax * ax + ay * ay, ax * centre
        return (b + math.sqrt(max(0.0, b * b - a * (centre * centre - h * h)))) / a
    return box


def text_box(kind: NodeKind) -> QRectF:
    """Where the label goes inside the node (the role leaves room for its person)."""
    w, h = NODE_WIDTH, NODE_HEIGHT
    inset = {NodeKind.PRIORITY: 13.0, NodeKind.GUARDRAIL: 14.0, NodeKind.ROLE: 12.0}
    left = inset.get(kind, 8.0)
    if kind is NodeKind.ROLE:
        return QRectF(-w / 2 + 30, -h / 2 + 4, w - 30 - left, h - 8)
    return QRectF(-w / 2 + left, -h / 2 + 4, w - 2 * left, h - 8)


def _polygon(*points: tuple[float, float]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def pen_style(dashes: tuple[float, ...]) -> Qt.PenStyle:
    return Qt.PenStyle.CustomDashLine if dashes else Qt.PenStyle.SolidLine


def node_kind_name(kind: NodeKind) -> str:
    return {
        NodeKind.PRIORITY: tr("Priority"),
        NodeKind.ROLE: tr("Role"),
        NodeKind.RESPONSIBILITY: tr("Responsibility"),
        NodeKind.GUARDRAIL: tr("Guardrail"),
    }[kind]


def edge_kind_name(kind: EdgeKind) -> str:
    """The relation's name as offered in menus and the legend."""
    return {
        EdgeKind.ACCOUNTABLE: tr("Accountable (A)"),
        EdgeKind.RESPONSIBLE: tr("Responsible (R)"),
        EdgeKind.CONSULTED: tr("Consulted (C)"),
        EdgeKind.INFORMED: tr("Informed (I)"),
        EdgeKind.ESCALATES_TO: tr("Escalates to"),
        EdgeKind.SERVES: tr("Serves"),
        EdgeKind.OUTRANKS: tr("Outranks"),
        EdgeKind.CONFLICTS_WITH: tr("Conflicts with"),
        EdgeKind.BOUNDED_BY: tr("Bounded by"),
        EdgeKind.DEPUTY_OF: tr("Deputy of"),
    }[kind]


def edge_tag(kind: EdgeKind) -> str | None:
    """The short tag written on an edge of ``kind``, if it has one."""
    return {
        # RACI letters: the same in German workshops, where the English terms are used.
        EdgeKind.ACCOUNTABLE: "A",
        EdgeKind.RESPONSIBLE: "R",
        EdgeKind.CONSULTED: "C",
        EdgeKind.INFORMED: "I",
        EdgeKind.ESCALATES_TO: tr("escalates"),
        EdgeKind.DEPUTY_OF: tr("deputy"),
    }.get(kind)


def severity_name(severity: Severity) -> str:
    return {
        Severity.ERROR: tr("Error"),
        Severity.WARNING: tr("Warning"),
        Severity.INFO: tr("Note"),
    }[severity]
