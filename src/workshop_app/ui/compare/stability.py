"""The stability table of a series of workshops, in a window of its own.

File → Stability over workshops… asks for the earlier sessions; with the
session being edited they make the series, in the order of their dates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.compare.series import Stability, compare_series
from workshop_app.compare.series_text import (
    CHANGED,
    UNCHANGED,
    change_count,
    open_action_texts,
    recurring_texts,
    stability_rows,
    step_names,
    workshop_list,
)
from workshop_app.compare.words import words
from workshop_app.domain import Session
from workshop_app.ui.compare.look import CHANGE_COLOURS
from workshop_app.ui.compare.mode import load_for_comparison, session_folder
from workshop_app.ui.dialogs import session_filters
from workshop_app.ui.i18n import tr

__all__ = ["StabilityDialog", "ask_series", "in_workshop_order"]

_CHANGED_TINT = "#EADCF5"


def in_workshop_order(named: list[tuple[str, Session]]) -> list[tuple[str, Session]]:
    """Sessions by their dates; those without a date last, by name."""

    def key(item: tuple[str, Session]) -> tuple[bool, str, str]:
        date = item[1].meta.get("date")
        return not isinstance(date, str), date if isinstance(date, str) else "", item[0]

    return sorted(named, key=key)


def ask_series(window: Any) -> list[tuple[str, Session]] | None:
    """The earlier sessions the facilitator picks, with the one being edited, in order."""
    names, _filter = QFileDialog.getOpenFileNames(
        window,
        tr("Earlier sessions of this client"),
        str(session_folder(window.controller.path)),
        session_filters(),
    )
    if not names:
        return None
    current_path = window.controller.path
    named = [(window.files.display_name(), window.controller.session)]
    for name in names:
        path = Path(name)
        if current_path is not None and path.resolve() == current_path.resolve():
            continue
        session = load_for_comparison(window, path)
        if session is None:
            return None
        named.append((path.name, session))
    if len(named) < 2:
        return None
    return in_workshop_order(named)


def _step_cell(changed: bool, number: int) -> QTableWidgetItem:
    """A ● where the subject changed in workshop ``number``, else a quiet dot."""
    cell = QTableWidgetItem(CHANGED if changed else UNCHANGED)
    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    if changed:
        cell.setBackground(QBrush(QColor(_CHANGED_TINT)))
        cell.setForeground(QBrush(QColor(CHANGE_COLOURS["changed"])))
        cell.setToolTip(tr("Changed in workshop {number}").format(number=number))
    return cell


class StabilityDialog(QDialog):
    """How often the priority order and each guardrail changed; what keeps coming back."""

    def __init__(self, named: list[tuple[str, Session]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stabilityDialog")
        names = [name for name, _session in named]
        self.stability: Stability = compare_series([session for _name, session in named])
        _ = words(self.stability.sessions[-1].language)
        title = tr("Stability over {count} workshops").format(count=len(named))
        self.setWindowTitle(title)
        readable = QFont(self.font())
        readable.setPointSizeF(readable.pointSizeF() * 1.2)
        self.setFont(readable)
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading_font = QFont(readable)
        heading_font.setPointSizeF(readable.pointSizeF() * 1.4)
        heading_font.setBold(True)
        heading.setFont(heading_font)
        layout.addWidget(heading)
        self.workshops = QLabel("\n".join(workshop_list(self.stability.sessions, names, _)), self)
        self.workshops.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.workshops)
        self.table = self._table(_)
        layout.addWidget(self.table)
        self.recurring = self._list(
            tr("Findings that keep coming back"), recurring_texts(self.stability, _), layout, 3
        )
        self.open_actions = self._list(
            tr("Actions open across workshops"), open_action_texts(self.stability, _), layout, 1
        )
        buttons = QDialogButtonBox(self)
        buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 760)

    def _table(self, _: Any) -> QTableWidget:
        """One row per subject; the count of changes, then one column per step."""
        rows = stability_rows(self.stability, _)
        steps = step_names(self.stability)
        table = QTableWidget(len(rows), len(steps) + 1, self)
        table.setHorizontalHeaderLabels([tr("Changes"), *steps])
        table.setVerticalHeaderLabels([name for name, _numbers in rows])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        for row, (_name, numbers) in enumerate(rows):
            count = QTableWidgetItem(change_count(numbers, self.stability, _))
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, 0, count)
            for step in range(len(steps)):
                table.setItem(row, step + 1, _step_cell(step + 2 in numbers, step + 2))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        frame = 2 * table.frameWidth()
        table.setMaximumHeight(table.verticalHeader().length() + header.sizeHint().height() + frame)
        return table

    def _list(self, title: str, texts: list[str], layout: QVBoxLayout, stretch: int) -> QListWidget:
        heading = QLabel(f"{title} ({len(texts)})", self)
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        layout.addWidget(heading)
        items = QListWidget(self)
        items.setWordWrap(True)
        items.setAlternatingRowColors(True)
        items.addItems(texts or [tr("None")])
        layout.addWidget(items, stretch)
        return items
