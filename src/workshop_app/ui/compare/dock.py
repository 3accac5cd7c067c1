"""The changes dock: every change of a comparison in words, grouped; pick one to see it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.compare.entries import Entry
from workshop_app.compare.text import section_headings
from workshop_app.compare.words import words
from workshop_app.ui.compare.look import CHANGE_COLOURS, MARK_SYMBOLS
from workshop_app.ui.i18n import tr

__all__ = ["ChangesDock"]

_ENTRY = Qt.ItemDataRole.UserRole


class ChangesDock(QDockWidget):
    """Lists a comparison's changes; ``entryPicked`` when the facilitator picks one."""

    #: a change was picked (the argument: its :class:`Entry`)
    entryPicked = Signal(object)
    #: "Back to the map" was pressed
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Changes"), parent)
        self.setObjectName("changesDock")  # saveState/restoreState find docks by name
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self._names = ("", "")
        self.heading = QLabel(body)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        layout.addWidget(self.heading)
        layout.addWidget(_legend(body))
        self.list = QListWidget(body)
        # Long changes wrap within the dock's width instead of running out of it.
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._picked)
        layout.addWidget(self.list, 1)
        self.back = QPushButton(tr("Back to the map"), body)
        self.back.setToolTip(tr("End the comparison: the map without marks"))
        self.back.clicked.connect(self.backRequested)
        layout.addWidget(self.back)
        self.setWidget(body)

    def show_entries(self, names: tuple[str, str], entries: list[Entry], language: str) -> None:
        """List ``entries`` under their group headings; the picked one stays picked if it can.

        ``names`` are the two sessions' names; ``language`` is the entries' (the
        session's), while the dock's own words are the window's.
        """
        current = self.current_entry()
        self._names = names
        self._write_heading()
        self.list.clear()
        headings = section_headings(words(language))
        group = None
        for entry in entries:
            key = (entry.section, "before" if entry.section == "priority_order" else entry.change)
            if key != group:
                group = key
                self._add_heading(headings[key])
            symbol = MARK_SYMBOLS[entry.change]
            item = QListWidgetItem(f"{symbol} {entry.text}" if symbol else entry.text, self.list)
            item.setData(_ENTRY, entry)
            item.setForeground(QBrush(QColor(CHANGE_COLOURS[entry.change])))
            if entry == current:
                self.list.setCurrentItem(item)
        if not entries:
            self._add_heading(tr("Nothing has changed."))

    def entries(self) -> list[Entry]:
        """The listed changes, in order."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [entry for item in items if (entry := item.data(_ENTRY)) is not None]

    def select_entry(self, entry: Entry) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(_ENTRY) == entry:
                self.list.setCurrentRow(row)
                return

    def _add_heading(self, text: str) -> None:
        item = QListWidgetItem(text, self.list)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(self.list.font())
        font.setBold(True)
        item.setFont(font)

    def _write_heading(self) -> None:
        old, new = self._names
        self.heading.setText(tr("From {old} to {new}").format(old=old, new=new))

    def changeEvent(self, event: QEvent) -> None:
        # The window's language switched: the composed heading is written anew.
        if event.type() == QEvent.Type.LanguageChange:
            self._write_heading()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the dock ends the comparison: no marks without their list.
        super().closeEvent(event)
        self.backRequested.emit()

    def current_entry(self) -> Entry | None:
        item = self.list.currentItem()
        return None if item is None else item.data(_ENTRY)

    def _picked(self, item: QListWidgetItem | None) -> None:
        entry = None if item is None else item.data(_ENTRY)
        if entry is not None:
            self.entryPicked.emit(entry)


def _legend(parent: QWidget) -> QWidget:
    """What the marks on the map mean."""
    legend = QWidget(parent)
    row = QHBoxLayout(legend)
    row.setContentsMargins(0, 0, 0, 0)
    for change, text in (
        ("added", tr("added")),
        ("changed", tr("changed")),
        ("removed", tr("removed (dashed)")),
    ):
        label = QLabel(f"{MARK_SYMBOLS[change]} {text}", legend)
        label.setStyleSheet(f"color: {CHANGE_COLOURS[change]}; font-weight: bold")
        row.addWidget(label)
    row.addStretch(1)
    return legend
