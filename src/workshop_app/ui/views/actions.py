"""The agreed actions: what, who, by when, how far — edited as undoable steps.

The owner is stored as a role's id when it names a role on the map (so the
protocol prints the role's current label) and as free text otherwise; the
due date is stored as an ISO date and typed and shown in the UI language's
form (:mod:`workshop_app.ui.dates`). A finding can become an action: a
proposed measure and owner (:mod:`workshop_app.analysis.measures`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.analysis import Finding
from workshop_app.analysis.measures import proposed_measure, proposed_owner
from workshop_app.domain import (
    UNSET,
    Change,
    DeleteAction,
    InsertAction,
    NodeKind,
    Session,
    SetActionFields,
)
from workshop_app.ui.controller import SessionController
from workshop_app.ui.dates import display_date, parse_date, typed_date_example
from workshop_app.ui.i18n import tr

__all__ = [
    "COLUMNS",
    "STATUSES",
    "ActionsModel",
    "ActionsWidget",
    "action_from_finding",
    "new_action_id",
    "owner_label",
    "role_by_label",
]

#: The fields shown, in column order.
COLUMNS = ("text", "owner", "due", "status")
#: The statuses an action can have, as stored in the file.
STATUSES = ("open", "in_progress", "done")
_Index = QModelIndex | QPersistentModelIndex


def _status_names() -> dict[str, str]:
    return {"open": tr("open"), "in_progress": tr("in progress"), "done": tr("done")}


def new_action_id(session: Session) -> str:
    """A fresh action id: ``a1``, ``a2``…"""
    taken = {str(action.get("id")) for action in session.actions}
    number = len(session.actions) + 1
    while f"a{number}" in taken:
        number += 1
    return f"a{number}"


def action_from_finding(
    session: Session, finding: Finding, owner: str | None = None
) -> dict[str, Any]:
    """A new open action for ``finding``: a proposed measure, and ``owner`` or a proposed one.

    The measure is worded in the session's language: it goes into the protocol.
    """
    action: dict[str, Any] = {
        "id": new_action_id(session),
        "text": proposed_measure(session, finding),
    }
    owner = owner if owner is not None else proposed_owner(session, finding)
    if owner:
        action["owner"] = owner
    action["status"] = "open"
    return action


def role_by_label(session: Session, text: str) -> str | None:
    """The id of the role labelled ``text`` (case and spaces aside), if there is one."""
    wanted = text.strip().casefold()
    for role in session.nodes_of_kind(NodeKind.ROLE):
        if session.label(role).strip().casefold() == wanted:
            return role
    return None


def owner_label(session: Session, owner: str) -> str:
    """How an action's owner is shown: a role's label, or the text as stored."""
    return session.label(owner) if owner in session.graph else owner


class ActionsModel(QAbstractTableModel):
    """The session's actions as a table; edits go through the controller."""

    def __init__(self, controller: SessionController, parent: Any = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._count = len(controller.session.actions)
        controller.changed.connect(self._follow)
        controller.sessionReplaced.connect(self._follow)

    @property
    def session(self) -> Session:
        return self.controller.session

    def _follow(self, change: Change | None = None) -> None:
        if change is not None and change.positions_only:  # nothing here shows positions
            return
        if len(self.session.actions) != self._count:
            self.beginResetModel()
            self._count = len(self.session.actions)
            self.endResetModel()
        elif self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return (tr("Action"), tr("Owner"), tr("Due"), tr("Status"))[section]
        return super().headerData(section, orientation, role)

    def flags(self, index: _Index) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        field = COLUMNS[index.column()]
        value = self.session.actions[index.row()].get(field)
        if value is None:
            return ""
        if field == "owner":
            return owner_label(self.session, str(value))
        if field == "due":
            return display_date(str(value))
        if field == "status" and role != Qt.ItemDataRole.EditRole:
            return _status_names().get(str(value), str(value))
        return str(value)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        field = COLUMNS[index.column()]
        stored = self._to_stored(field, value)
        if stored is None:
            self.controller.editRefused.emit(
                tr("{text} is not a date; type it like {example}").format(
                    text=str(value).strip(), example=typed_date_example()
                )
            )
            return False
        if self.session.actions[index.row()].get(field, UNSET) == stored:
            return False
        return self.controller.execute(
            SetActionFields(index.row(), {field: stored}), tr("Edit action")
        )

    def _to_stored(self, field: str, value: Any) -> Any:
        """What the file keeps for ``value`` typed into ``field``; None for a bad date."""
        text = str(value).strip()
        if field == "due":
            if not text:
                return UNSET
            parsed = parse_date(text)
            return parsed.isoformat() if parsed is not None else None
        if field == "owner":
            return role_by_label(self.session, text) or text or UNSET
        return text

    def add(self, action: dict[str, Any] | None = None, text: str | None = None) -> int:
        """Append ``action`` (a new, empty open action by default); returns its row."""
        if action is None:
            action = {"id": new_action_id(self.session), "text": tr("New action"), "status": "open"}
        row = len(self.session.actions)
        ok = self.controller.execute(InsertAction(row, action), text or tr("Add action"))
        return row if ok else -1

    def remove(self, row: int) -> bool:
        if not 0 <= row < len(self.session.actions):
            return False
        return self.controller.execute(DeleteAction(row), tr("Remove action"))


class ActionDelegate(QStyledItemDelegate):
    """Editors: a role combo (or free text) for the owner, a date typed as text, a status list.

    The date is typed, not spun: a date edit's sections took ``2027-01-15``
    typed in a row as the 1st of December.
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        field = COLUMNS[index.column()]
        model = index.model()
        if field == "owner" and isinstance(model, ActionsModel):
            combo = QComboBox(parent, editable=True)
            session = model.session
            combo.addItems(sorted(session.label(r) for r in session.nodes_of_kind(NodeKind.ROLE)))
            return combo
        if field == "due":
            return QLineEdit(parent, placeholderText=typed_date_example())
        if field == "status":
            combo = QComboBox(parent)
            for key, name in _status_names().items():
                combo.addItem(name, key)
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox) and editor.isEditable():
            editor.setCurrentText(str(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox) and editor.isEditable():
            model.setData(index, editor.currentText())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)


class ActionsWidget(QWidget):
    """The actions table with add, remove and "from finding"."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actions")
        self.controller = controller
        self.model = ActionsModel(controller, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ActionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        font = self.table.font()
        font.setPointSize(12)
        self.table.setFont(font)

        self.add_button = QPushButton(tr("Add action"), clicked=self.add_action)
        self.remove_button = QPushButton(tr("Remove action"), clicked=self.remove_selected)
        self.finding_button = QPushButton(tr("Create action from finding"))
        self.finding_menu = QMenu(self.finding_button)
        self.finding_menu.aboutToShow.connect(self._fill_finding_menu)
        self.finding_button.setMenu(self.finding_menu)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.finding_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_action(self) -> None:
        row = self.model.add()
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def remove_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.remove(index.row())

    def create_from_finding(self, finding: Finding) -> int:
        """Add an action for ``finding``; returns its row (-1 if refused)."""
        action = action_from_finding(self.controller.session, finding)
        row = self.model.add(action, tr("Create action from finding"))
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        return row

    def _fill_finding_menu(self) -> None:
        self.finding_menu.clear()
        open_findings = [f for f in self.controller.findings if not f.accepted]
        for finding in open_findings:
            action = self.finding_menu.addAction(_elided(finding.message))
            action.triggered.connect(lambda _=False, f=finding: self.create_from_finding(f))
        if not open_findings:
            self.finding_menu.addAction(tr("No open findings")).setEnabled(False)


def _elided(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
