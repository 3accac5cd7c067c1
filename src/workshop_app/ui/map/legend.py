"""The legend: what each shape, line and ring means.

:func:`paint_legend` draws it with any painter, so the same legend sits in
a corner of the view (an overlay that does not scroll or zoom) and beside
the map in an exported image.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
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

__all__ = ["LegendOverlay", "legend_size", "paint_legend"]

_PAD = 10.0
_SAMPLE = 34.0  # width of a shape or line sample
_GAP = 18.0  # between the two columns


def _row_height(style: MapStyle) -> float:
    return QFontMetricsF(style.legend_font).height() + 5


def _columns(style: MapStyle) -> tuple[list[tuple[str, object]], list[tuple[str, object]]]:
    """Rows of the two columns: (text, what to draw) with ``None`` for a heading."""
    left: list[tuple[str, object]] = [(tr("Nodes"), None)]
    left += [(node_kind_name(kind), kind) for kind in NodeKind]
    left += [(tr("Open findings"), None)]
    left += [(severity_name(severity), severity) for severity in Severity]
    right: list[tuple[str, object]] = [(tr("Relations"), None)]
    right += [(edge_kind_name(kind), kind) for kind in EdgeKind]
    return left, right


def _column_widths(style: MapStyle) -> list[float]:
    metrics, bold = QFontMetricsF(style.legend_font), QFontMetricsF(_bold(style))
    return [
        max(
            bold.horizontalAdvance(text)
            if thing is None
            else metrics.horizontalAdvance(text) + _SAMPLE + 8
            for text, thing in column
        )
        for column in _columns(style)
    ]


def legend_size(style: MapStyle) -> QSizeF:
    rows = max(len(column) for column in _columns(style))
    width = sum(_column_widths(style)) + _GAP + 2 * _PAD
    return QSizeF(width, rows * _row_height(style) + 2 * _PAD)


def paint_legend(painter: QPainter, origin: QPointF, style: MapStyle) -> None:
    """Draw the legend with its top-left corner at ``origin``."""
    size = legend_size(style)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(style.detail_text, 1))
    painter.setBrush(QBrush(style.background))
    painter.drawRoundedRect(QRectF(origin, size), 6, 6)
    row = _row_height(style)
    x = origin.x() + _PAD
    for column, width in zip(_columns(style), _column_widths(style), strict=True):
        y = origin.y() + _PAD
        for text, thing in column:
            _paint_row(painter, QRectF(x, y, width, row), text, thing, style)
            y += row
        x += width + _GAP
    painter.restore()


def _paint_row(painter: QPainter, rect: QRectF, text: str, thing: object, style: MapStyle) -> None:
    middle = rect.center().y()
    text_x = rect.left() if thing is None else rect.left() + _SAMPLE + 8
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
    painter.setFont(_bold(style) if thing is None else style.legend_font)
    painter.setPen(style.text)
    text_rect = QRectF(text_x, rect.top(), rect.width(), rect.height())
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


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


class LegendOverlay(QWidget):
    """The legend in a corner of the map view; mouse events pass through it."""

    def __init__(self, style: MapStyle, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("mapLegend")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_style(style)

    def set_style(self, style: MapStyle) -> None:
        self._style = style
        self._picture: QPixmap | None = None
        self.setFixedSize(legend_size(style).toSize() + QSize(1, 1))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Drawn once per style: the overlay repaints with every frame of the
        # map beneath it (each scroll and zoom), and drawing its texts and
        # samples anew took a quarter of a full repaint of a 1,000-node map.
        ratio = self.devicePixelRatioF()
        if self._picture is None or self._picture.devicePixelRatioF() != ratio:
            self._picture = _picture(self._style, self.size(), ratio)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        painter.end()


def _picture(style: MapStyle, size: QSize, ratio: float) -> QPixmap:
    """The legend drawn into a transparent pixmap of ``size`` at ``ratio``."""
    picture = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    paint_legend(painter, QPointF(0.5, 0.5), style)
    painter.end()
    return picture
