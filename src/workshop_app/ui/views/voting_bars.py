"""The result of a round of dot voting as bars, large enough for the back row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop_app import vocabulary
from workshop_app.voting import Tally

__all__ = ["VoteBars"]

#: Text height of a row in points: read from the back of a room on a projector.
BAR_POINTS = 16
#: The share of the width the item's label may take; the bar has the rest.
LABEL_SHARE = 0.42


class VoteBars(QWidget):
    """One row per item: its label, a bar as long as its share of the most dots, the count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="voteBars")
        self.rows: tuple[Tally, ...] = ()
        font = self.font()
        font.setPointSize(BAR_POINTS)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_rows(self, rows: Sequence[Tally]) -> None:
        self.rows = tuple(rows)
        self.updateGeometry()
        self.update()

    def row_height(self) -> float:
        return QFontMetricsF(self.font()).height() * 1.6

    def sizeHint(self) -> QSize:
        return QSize(480, round(self.row_height() * max(1, len(self.rows))) + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def bar_rect(self, index: int) -> QRectF:
        """Where row ``index``'s bar is drawn (its length tells its dots)."""
        most = max((row.dots for row in self.rows), default=0) or 1
        height = self.row_height()
        left = self.width() * LABEL_SHARE
        room = self.width() - left - QFontMetricsF(self.font()).horizontalAdvance("0000")
        length = room * self.rows[index].dots / most
        return QRectF(left, 4 + index * height + height * 0.18, length, height * 0.64)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        height = self.row_height()
        label_width = self.width() * LABEL_SHARE - 12
        bar_colour = QColor(vocabulary.SELECTION)
        ink = QColor(vocabulary.INK)
        bold = QFont(self.font())
        bold.setBold(True)
        for index, row in enumerate(self.rows):
            top = 4 + index * height
            label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, label_width)
            painter.setPen(ink)
            painter.setFont(self.font())
            painter.drawText(
                QRectF(4, top, label_width, height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
            bar = self.bar_rect(index)
            painter.fillRect(bar, bar_colour)
            painter.setFont(bold)
            painter.drawText(
                QRectF(bar.right() + 8, top, self.width(), height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                str(row.dots),
            )
        painter.end()
