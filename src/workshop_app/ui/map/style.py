"""How the map looks: colours, lines, shapes and fonts for each kind.

Colours come from the Okabe-Ito palette, which stays distinct for the common
forms of colour blindness; every kind also differs in shape (nodes) or line
pattern (edges), so nothing relies on colour alone. The presentation look is
the same design with heavier lines, larger type and stronger colours, for a
washed-out projector.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainterPath, QPen, QPolygonF

from workshop_app import vocabulary
from workshop_app.analysis import Severity
from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.layout import (
    DETAIL_SIZE,
    EDGE_LABEL_SIZE,
    LABEL_SIZE,
    MARK_REACH,
    NODE_HEIGHT,
    NODE_WIDTH,
)
from workshop_app.resources import ResourceNotFoundError, resource_path
from workshop_app.ui.i18n import ui_language
from workshop_app.vocabulary import Arrow

__all__ = [
    "MARK_REACH",
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
_HEXAGON = vocabulary.outline(vocabulary.Shape.HEXAGON, NODE_WIDTH, NODE_HEIGHT).polygon
_HEXAGON_INSET = _HEXAGON[1][0] - _HEXAGON[0][0]
_OCTAGON = vocabulary.outline(vocabulary.Shape.OCTAGON, NODE_WIDTH, NODE_HEIGHT).polygon
_OCTAGON_CUT = _OCTAGON[2][1] - _OCTAGON[0][1]


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
    #: the core's label and detail sizes, regular as the core measured them
    box_font: QFont
    box_detail_font: QFont
    #: the core's tag size, bold as the core measured it (tags sit in the core's boxes)
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
    heavy = vocabulary.PRESENTATION_WEIGHT if presentation else 1.0
    ink = QColor("#000000") if presentation else QColor(vocabulary.INK)
    nodes = {
        kind: NodeLook(
            QColor(look.presentation_fill if presentation else look.fill), QColor(look.stroke)
        )
        for kind, look in vocabulary.NODES.items()
    }
    edges = {
        kind: EdgeLook(QColor(look.colour), look.width * heavy, look.dash, look.arrow, look.zigzag)
        for kind, look in vocabulary.EDGES.items()
    }
    marks = {
        Severity(severity): MarkLook(
            QColor(look.colour), look.width * heavy, look.dash, look.glyph, look.badge
        )
        for severity, look in vocabulary.SEVERITIES.items()
    }
    selection = QColor(vocabulary.SELECTION)
    detail_text = QColor(vocabulary.INK if presentation else vocabulary.DETAIL_INK)
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
        box_font=_font(round(LABEL_SIZE)),
        box_detail_font=_font(round(DETAIL_SIZE)),
        edge_font=_font(round(EDGE_LABEL_SIZE), bold=True),
        legend_font=_font(15 if presentation else 12),
        text=ink,
        detail_text=detail_text,
        background=QColor("#FFFFFF" if presentation else vocabulary.BACKGROUND),
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


def node_outline(
    kind: NodeKind, grow: float = 0.0, width: float = NODE_WIDTH, height: float = NODE_HEIGHT
) -> QPainterPath:
    """The node's shape in a ``width`` x ``height`` box centred on (0, 0), ``grow`` larger."""
    shape = vocabulary.outline(vocabulary.NODES[kind].shape, width, height, grow)
    path = QPainterPath()
    if shape.polygon:
        path.addPolygon(_polygon(*shape.polygon))
        path.closeSubpath()
    else:
        w, h = shape.width, shape.height
        path.addRoundedRect(QRectF(-w / 2, -h / 2, w, h), shape.radius, shape.radius)
    return path


def border_distance(
    kind: NodeKind, dx: float, dy: float, width: float = NODE_WIDTH, height: float = NODE_HEIGHT
) -> float:
    """How far along (dx, dy) from a node's centre its border lies, as a factor.

    ``(dx * t, dy * t)`` is on the border of the shape :func:`node_outline`
    draws. Worked out per shape rather than by intersecting the outline, as
    every edge needs it twice whenever a node moves.
    """
    ax, ay = abs(dx), abs(dy)
    if ax + ay < 1e-9:
        return 0.0
    w, h = width / 2, height / 2
    scale = height / NODE_HEIGHT  # the slant and the cut grow with the height
    box = min(w / ax if ax else math.inf, h / ay if ay else math.inf)
    if kind is NodeKind.PRIORITY:  # hexagon: the sides slant in by the inset
        return min(h / ay if ay else math.inf, w / (ax + _HEXAGON_INSET * scale * ay / h))
    if kind is NodeKind.GUARDRAIL:  # octagon: corners cut along |x| + |y|
        return min(box, (w + h - _OCTAGON_CUT * scale) / (ax + ay))
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
    return vocabulary.node_kind_name(kind, ui_language())


def edge_kind_name(kind: EdgeKind) -> str:
    """The relation's name as offered in menus and the legend."""
    return vocabulary.edge_kind_name(kind, ui_language())


def edge_tag(kind: EdgeKind) -> str | None:
    """The short tag written on an edge of ``kind``, if it has one."""
    return vocabulary.edge_tag(kind, ui_language())


def severity_name(severity: Severity) -> str:
    return vocabulary.severity_name(severity, ui_language())
