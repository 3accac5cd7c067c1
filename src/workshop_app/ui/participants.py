"""The workshop's participants in the inspector: a short table, typed in quickly.

Name and role (in the organisation) per person, as the protocol prints them.
Type a name, Tab, a role, Enter: the person is added and the name field is
ready for the next one. A cell edited in the table, an added or a removed
person: each is one undoable change of ``meta.participants``. Fields the app
does not show (an e-mail someone added to the file) are kept.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain import UNSET
from workshop_app.ui.i18n import tr
from workshop_app.ui.inspector_fields import FieldEditor

__all__ = ["ParticipantsEditor"]

_COLUMNS = ("name", "role")
#: The table grows with the list up to this many rows, then scrolls.
_ROWS_SHOWN = 8


class _Panel(QWidget):
    """The editor's widget; ``editor`` leads back to the :class:`ParticipantsEditor`."""

    editor: ParticipantsEditor


class ParticipantsEditor(FieldEditor):
    """``meta.participants`` as a table with a line to add the next person."""

    #: an edit cannot be taken; the argument says why
    refused = Signal(str)

    def __init__(self) -> None:
        panel = _Panel()
        super().__init__(panel)
        panel.editor = self
        self._bases: list[dict[str, Any]] = []
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Role in the organisation")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._cell_changed)
        self.name_edit = QLineEdit(placeholderText=tr("Name"))
        self.role_edit = QLineEdit(placeholderText=tr("Role (optional)"))
        self.add_button = QPushButton(tr("Add"), clicked=self.add_typed)
        self.add_button.setToolTip(tr("Add the person typed (Enter)"))
        self.remove_button = QPushButton(tr("Remove"), clicked=self.remove_selected)
        for edit in (self.name_edit, self.role_edit):
            edit.returnPressed.connect(self.add_typed)
        entry = QHBoxLayout()
        for widget in (self.name_edit, self.role_edit, self.add_button, self.remove_button):
            entry.addWidget(widget)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(entry)
        self._fit_height()

    # --- FieldEditor --------------------------------------------------------------

    def _raw(self) -> list[dict[str, Any]]:
        people = []
        for row, base in enumerate(self._bases):
            person = dict(base)
            for column, field in enumerate(_COLUMNS):
                item = self.table.item(row, column)
                if item is None:  # added, not shown yet
                    continue
                if text := item.text().strip():
                    person[field] = text
                else:
                    person.pop(field, None)
            people.append(person)
        return people

    def _show(self, value: Any) -> None:
        people = value if isinstance(value, list) else []
        self._bases = [dict(p) if isinstance(p, dict) else {} for p in people]
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(len(self._bases))
        for row, person in enumerate(self._bases):
            for column, field in enumerate(_COLUMNS):
                value = person.get(field)
                self.table.setItem(
                    row, column, QTableWidgetItem("" if value is None else str(value))
                )
        self.table.blockSignals(blocked)
        self._fit_height()

    def value(self) -> Any:
        return self._raw() or UNSET

    def is_being_edited(self) -> bool:
        return self.table.state() == QAbstractItemView.State.EditingState

    # --- the facilitator's edits --------------------------------------------------

    def add_typed(self) -> None:
        """Add the person in the entry line, then clear it for the next one."""
        name = self.name_edit.text().strip()
        if not name:
            self.name_edit.setFocus()
            return
        person = {"name": name}
        if role := self.role_edit.text().strip():
            person["role"] = role
        self._bases.append(person)
        self.committed.emit()
        self.name_edit.clear()
        self.role_edit.clear()
        self.name_edit.setFocus()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        if not rows:
            return
        for row in reversed(rows):
            del self._bases[row]
            self.table.removeRow(row)
        self.committed.emit()

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if _COLUMNS[item.column()] == "name" and not item.text().strip():
            self.refused.emit(tr("A participant needs a name; the previous one is kept."))
            self._show(self._loaded)
            return
        self.committed.emit()

    def _fit_height(self) -> None:
        rows = min(max(self.table.rowCount(), 2), _ROWS_SHOWN)
        header = self.table.horizontalHeader().sizeHint().height()
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + rows * row_height + 2 * self.table.frameWidth())
