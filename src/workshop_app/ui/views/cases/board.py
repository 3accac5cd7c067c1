"""The delegation board: responsibilities by the seven levels, today and the target.

Each row is a responsibility; the columns are the levels 1 (tell) to 7
(delegate). Today's level is a filled dot, the target an open ring, and the
cells between them are tinted: the gap the group wants to close, also
counted in the last column. A click sets today's level, Shift+click (or the
right button) the target; with the keyboard, 1 to 7 or Left/Right set today's
level of the current row, Shift+Left/Right move the target, Delete clears
both. Each change is one undoable step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.cases import level_meaning, level_name
from workshop_app.domain import UNSET, Change, NodeKind, SetNodeFields
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.views._widgets import text_label

__all__ = ["DelegationBoard", "DelegationModel", "DelegationWidget"]

LEVELS = 7
GAP_COLUMN = LEVELS
TODAY = QColor("#1a56c4")
TARGET = QColor("#0b6e2a")
GAP = QColor("#c9dbf7")
FLAG = QColor("#fde7a9")
_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, LEVELS + 1)}
Index = QModelIndex | QPersistentModelIndex


class DelegationModel(QAbstractTableModel):
    """Rows: responsibilities by label; columns: the levels and the gap."""

    def __init__(self, controller: SessionController, parent: Any = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rows: list[str] = []
        self._labels: list[str] = []
        #: the rows whose levels say "delegated" while the decision is re-confirmed
        self.mismatches: dict[str, str] = {}
        self._follow()
        controller.changed.connect(self._follow)
        controller.sessionReplaced.connect(self._follow)
        controller.findingsChanged.connect(self._follow_findings)

    def _follow(self, change: Change | None = None) -> None:
        """New rows when responsibilities come, go or are renamed; else new cells only."""
        if change is not None and change.positions_only:
            return  # a drag on the map: nothing the board shows
        session = self.controller.session
        rows = sorted(
            session.nodes_of_kind(NodeKind.RESPONSIBILITY),
            key=lambda node: (session.label(node).casefold(), node),
        )
        labels = [session.label(node) for node in rows]
        if (rows, labels) != (self.rows, self._labels):
            self.beginResetModel()
            self.rows, self._labels = rows, labels
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, LEVELS))
        self._follow_findings()

    def _follow_findings(self) -> None:
        mismatches = {
            finding.subjects[0]: finding.message
            for finding in self.controller.findings
            if finding.code == "delegation-mismatch" and not finding.accepted
        }
        if mismatches != self.mismatches:
            self.mismatches = mismatches
            if self.rows:
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.rows) - 1)

    def levels(self, row: int) -> tuple[int | None, int | None]:
        """Today's level and the target of the responsibility in ``row``."""
        attrs = self.controller.session.graph.nodes[self.rows[row]]
        return _level(attrs.get("delegation")), _level(attrs.get("delegation_target"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else LEVELS + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        language = ui_language()
        if orientation == Qt.Orientation.Vertical:
            node = self.rows[section]
            flagged = node in self.mismatches
            if role == Qt.ItemDataRole.DisplayRole:
                return ("\u26a0 " if flagged else "") + self.controller.session.label(node)
            if role == Qt.ItemDataRole.ToolTipRole and flagged:
                return self.mismatches[node]
            if role == Qt.ItemDataRole.BackgroundRole and flagged:
                return QBrush(FLAG)
            return None
        if section == GAP_COLUMN:
            return tr("Gap") if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{section + 1}\n{level_name(section + 1, language)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return level_meaning(section + 1, language)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        today, target = self.levels(index.row())
        if index.column() == GAP_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return _gap_words(today, target)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        level = index.column() + 1
        if role == Qt.ItemDataRole.ToolTipRole:
            marks = [tr("today") if level == today else "", tr("target") if level == target else ""]
            said = ", ".join(mark for mark in marks if mark)
            meaning = level_meaning(level, ui_language())
            return f"{meaning} ({said})" if said else meaning
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(
                m
                for m in (
                    tr("today") if level == today else "",
                    tr("target") if level == target else "",
                )
                if m
            )
        return None

    def set_level(self, row: int, level: int | None, *, target: bool) -> None:
        """Set today's level (or the target) of ``row``; ``None`` clears it. One undo step."""
        name = "delegation_target" if target else "delegation"
        node = self.rows[row]
        current = self.controller.session.graph.nodes[node].get(name)
        if current == level:
            return
        text = tr("Set the delegation target") if target else tr("Set the delegation level")
        value = UNSET if level is None else level
        self.controller.execute(SetNodeFields(node, {name: value}), text)

    def clear(self, row: int) -> None:
        node = self.rows[row]
        operation = SetNodeFields(node, {"delegation": UNSET, "delegation_target": UNSET})
        self.controller.execute(operation, tr("Clear the delegation levels"))


def _level(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _gap_words(today: int | None, target: int | None) -> str:
    if today is None or target is None:
        return ""
    if today == target:
        return tr("reached")
    return f"{target - today:+d}"


class _CellPainter(QStyledItemDelegate):
    """Today as a filled dot, the target as a ring, the gap between them tinted."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        if index.column() == GAP_COLUMN or not isinstance(model, DelegationModel):
            super().paint(painter, option, index)
            return
        super().paint(painter, option, index)  # selection and focus
        today, target = model.levels(index.row())
        level = index.column() + 1
        rect = QRectF(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if today is not None and target is not None and today != target:
            low, high = sorted((today, target))
            band = rect.adjusted(0, rect.height() * 0.32, 0, -rect.height() * 0.32)
            if level == low:
                band.setLeft(rect.center().x())
            elif level == high:
                band.setRight(rect.center().x())
            if low <= level <= high:
                painter.fillRect(band, GAP)
        radius = min(rect.width(), rect.height()) * 0.32
        centre = rect.center()
        if level == target:
            painter.setPen(QPen(TARGET, max(3.0, radius * 0.35)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius * 1.25, radius * 1.25)
        if level == today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(TODAY))
            painter.drawEllipse(centre, radius * 0.8, radius * 0.8)
        painter.restore()


class DelegationBoard(QTableView):
    """The board as a table: click and keys set levels (see the module docstring)."""

    def __init__(self, model: DelegationModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("delegationBoard")
        self.setModel(model)
        self.setItemDelegate(_CellPainter(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumSectionSize(44)
        # The dots must stay visible in the row being edited: a pale selection.
        palette = self.palette()
        palette.setColor(palette.ColorRole.Highlight, QColor("#e8eef9"))
        palette.setColor(palette.ColorRole.HighlightedText, QColor("#000000"))
        self.setPalette(palette)

    def board(self) -> DelegationModel:
        model = self.model()
        assert isinstance(model, DelegationModel)
        return model

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        super().mousePressEvent(event)
        if not index.isValid() or index.column() == GAP_COLUMN:
            return
        target = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier) or (
            event.button() == Qt.MouseButton.RightButton
        )
        self.board().set_level(index.row(), index.column() + 1, target=target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if not index.isValid():
            super().keyPressEvent(event)
            return
        row, board = index.row(), self.board()
        today, target = board.levels(row)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        key = event.key()
        if key in _KEYS and not shift:
            board.set_level(row, _KEYS[key], target=False)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            current = target if shift else today
            if current is None:
                new = 1 if step > 0 else LEVELS
            else:
                new = min(max(current + step, 1), LEVELS)
            board.set_level(row, new, target=shift)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            board.clear(row)
        else:
            super().keyPressEvent(event)
            return
        self.setCurrentIndex(self.model().index(row, index.column()))


class DelegationWidget(QWidget):
    """The board with a line saying how to use it."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DelegationModel(controller, self)
        self.table = DelegationBoard(self.model, self)
        hint = text_label("delegationHint")
        hint.setText(
            tr(
                "● today  ◯ target. Click: today's level · Shift+click or right click: the "
                "target · keys 1 to 7 or ←/→: today · Shift+←/→: the target · Delete: clear."
            )
        )
        column = QVBoxLayout(self)
        column.addWidget(hint)
        column.addWidget(self.table)
