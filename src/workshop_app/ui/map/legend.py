"""The legend: what each shape, line and ring means, in the vocabulary's words.

The legend never covers the map: in the window it is a strip below the map
area (the view's viewport ends above it), flowing in as many rows as its
width needs; it can be hidden (View → Legend, or L on the map) and is off
by default in presentation mode. :func:`paint_legend` draws the same rows
with any painter, so an exported image carries the legend below the map.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from workshop_app.analysis import Severity
from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.ui.i18n import tr
from workshop_app.ui.map.style import (
    NODE_WIDTH,
    Arrow,
    MapStyle,
    edge_kind_name,
    node_kind_name,
    node_outline,
    pen_style,
    severity_name,
)

__all__ = ["LegendStrip", "legend_height", "paint_legend"]

_PAD = 8.0
_SAMPLE = 34.0  # width of a shape or line sample
_AFTER_SAMPLE = 6.0
_GAP = 18.0  # between two entries
_GROUP_GAP = 30.0  # before a group's heading


@dataclass(frozen=True)
class _Placed:
    rect: QRectF
    text: str
    thing: object  # a kind or severity; None for a group's heading


def _groups() -> list[tuple[str, list[tuple[str, object]]]]:
    return [
        (tr("Nodes"), [(node_kind_name(kind), kind) for kind in NodeKind]),
        (tr("Relations"), [(edge_kind_name(kind), kind) for kind in EdgeKind]),
        (tr("Open findings"), [(severity_name(severity), severity) for severity in Severity]),
    ]


def _row_height(style: MapStyle) -> float:
    return QFontMetricsF(style.legend_font).height() + 8


def _flow(style: MapStyle, width: float) -> tuple[list[_Placed], float]:
    """The legend's entries placed in rows ``width`` wide, and the height they take."""
    metrics, bold = QFontMetricsF(style.legend_font), QFontMetricsF(_bold(style))
    row, placed = _row_height(style), []
    x, y, right = _PAD, _PAD, width - _PAD
    for heading, entries in _groups():
        widths = [metrics.horizontalAdvance(text) + _SAMPLE + _AFTER_SAMPLE for text, _ in entries]
        heading_width = bold.horizontalAdvance(heading)
        if x > _PAD:
            x += _GROUP_GAP
        # A heading never ends a row: it goes where its first entry goes.
        if x > _PAD and x + heading_width + _GAP + widths[0] > right:
            x, y = _PAD, y + row
        placed.append(_Placed(QRectF(x, y, heading_width, row), heading, None))
        x += heading_width + _GAP
        for (text, thing), entry_width in zip(entries, widths, strict=True):
            if x > _PAD and x + entry_width > right:
                x, y = _PAD, y + row
            placed.append(_Placed(QRectF(x, y, entry_width, row), text, thing))
            x += entry_width + _GAP
    return placed, y + row + _PAD


def legend_height(style: MapStyle, width: float) -> float:
    """How tall the legend is when it flows in rows ``width`` wide."""
    return _flow(style, width)[1]


def paint_legend(painter: QPainter, origin: QPointF, style: MapStyle, width: float) -> None:
    """Draw the legend ``width`` wide with its top-left corner at ``origin``."""
    placed, height = _flow(style, width)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(origin)
    painter.fillRect(QRectF(0, 0, width, height), style.background)
    painter.setPen(QPen(style.detail_text, 1))
    painter.drawLine(QPointF(0, 0.5), QPointF(width, 0.5))
    for entry in placed:
        _paint_entry(painter, entry, style)
    painter.restore()


def _paint_entry(painter: QPainter, entry: _Placed, style: MapStyle) -> None:
    rect, thing = entry.rect, entry.thing
    middle = rect.center().y()
    if isinstance(thing, NodeKind):
        _paint_node_sample(painter, QPointF(rect.left() + _SAMPLE / 2, middle), thing, style)
    elif isinstance(thing, EdgeKind):
        _paint_edge_sample(painter, rect.left(), middle, thing, style)
    elif isinstance(thing, Severity):
        look = style.marks[thing]
        pen = QPen(look.color, max(2.0, look.width * 0.6), pen_style(look.dashes))
        if look.dashes:
            pen.setDashPattern(list(look.dashes))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(rect.left() + 3, middle - 7, _SAMPLE - 6, 14), 4, 4)
    text_x = rect.left() if thing is None else rect.left() + _SAMPLE + _AFTER_SAMPLE
    painter.setFont(_bold(style) if thing is None else style.legend_font)
    painter.setPen(style.text)
    text_rect = QRectF(text_x, rect.top(), rect.right() - text_x + 4, rect.height())
    align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
    painter.drawText(text_rect, align, entry.text)


def _paint_node_sample(painter: QPainter, centre: QPointF, kind: NodeKind, style: MapStyle) -> None:
    look = style.nodes[kind]
    painter.save()
    painter.translate(centre)
    scale = _SAMPLE / NODE_WIDTH
    painter.setTransform(QTransform.fromScale(scale, scale * 1.6), combine=True)
    painter.setPen(QPen(look.border, style.border_width / scale * 0.6))
    painter.setBrush(look.fill)
    painter.drawPath(node_outline(kind))
    painter.restore()


def _paint_edge_sample(
    painter: QPainter, left: float, middle: float, kind: EdgeKind, style: MapStyle
) -> None:
    look = style.edges[kind]
    start, end = QPointF(left, middle), QPointF(left + _SAMPLE - 7, middle)
    pen = QPen(look.color, look.width, pen_style(look.dashes), Qt.PenCapStyle.RoundCap)
    if look.dashes:
        pen.setDashPattern(list(look.dashes))
    painter.setPen(pen)
    if look.zigzag:
        points = [QPointF(left + i * 4, middle + (3 if i % 2 else -3)) for i in range(9)]
        painter.drawPolyline(points)
    else:
        painter.drawLine(start, end)
    if look.arrow is Arrow.NONE:
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(look.color)
    tips = (
        [left + _SAMPLE] if look.arrow is Arrow.TRIANGLE else [left + _SAMPLE, left + _SAMPLE - 7]
    )
    for tip in tips:
        painter.drawPolygon(
            [QPointF(tip, middle), QPointF(tip - 9, middle - 5), QPointF(tip - 9, middle + 5)]
        )


def _bold(style: MapStyle) -> QFont:
    font = QFont(style.legend_font)
    font.setBold(True)
    return font


class LegendStrip(QWidget):
    """The legend below the map view's viewport; the view reserves the room for it."""

    def __init__(self, style: MapStyle, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("mapLegend")
        self._picture: QPixmap | None = None
        self.set_style(style)

    def set_style(self, style: MapStyle) -> None:
        self._style = style
        self._picture = None
        self.update()

    def height_for(self, width: int) -> int:
        """The height the legend needs at ``width`` pixels."""
        return round(legend_height(self._style, width))

    def paintEvent(self, event: QPaintEvent) -> None:
        # Drawn once per look and width: its many texts and samples would
        # otherwise be drawn again whenever the window repaints.
        ratio = self.devicePixelRatioF()
        picture = self._picture
        if (
            picture is None
            or picture.devicePixelRatioF() != ratio
            or picture.size() != (self.size() * ratio)
        ):
            self._picture = picture = _picture(self._style, self.size(), ratio)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, picture)
        painter.end()


def _picture(style: MapStyle, size: QSize, ratio: float) -> QPixmap:
    """The legend drawn into a pixmap of ``size`` at ``ratio``."""
    picture = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    picture.setDevicePixelRatio(ratio)
    picture.fill(style.background)
    painter = QPainter(picture)
    paint_legend(painter, QPointF(0, 0), style, size.width())
    painter.end()
    return picture
