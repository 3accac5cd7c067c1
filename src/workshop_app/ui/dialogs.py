"""Every question the window asks the facilitator, one function each.

Keeping them here keeps the window's logic free of dialog code, and lets the
tests answer a question by replacing one function (``monkeypatch.setattr``)
instead of clicking a modal box. Callers use ``dialogs.ask_…`` through the
module so that the replacement is seen.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.i18n import tr

__all__ = [
    "TemplatePicker",
    "ask_accept_note",
    "ask_open_path",
    "ask_recover",
    "ask_save_as_after_failure",
    "ask_save_path",
    "ask_template",
    "ask_unsaved_changes",
    "session_filters",
    "show_error",
    "show_passing",
    "show_shortcuts",
]


def _box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    parent: QWidget | None,
) -> QMessageBox:
    """A message box that shows its text as written: labels and file names may hold "<b>"."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def _as_written(text: str) -> str:
    """``text`` for a label that decides by itself between plain and rich text."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def session_filters() -> str:
    return tr("Workshop sessions (*.yaml *.yml)") + ";;" + tr("All files (*)")


def ask_unsaved_changes(parent: QWidget, name: str) -> str:
    """``"save"``, ``"discard"`` or ``"cancel"`` for unsaved changes in ``name``."""
    box = _box(
        QMessageBox.Icon.Warning,
        tr("Unsaved changes"),
        tr("“{name}” has changes that are not saved yet. Save them?").format(name=name),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.button(QMessageBox.StandardButton.Save).setText(tr("&Save"))
    box.button(QMessageBox.StandardButton.Discard).setText(tr("&Discard changes"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def ask_open_path(parent: QWidget, directory: Path) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent, tr("Open workshop session"), str(directory), session_filters()
    )
    return Path(name) if name else None


def ask_import_path(parent: QWidget, directory: Path) -> Path | None:
    """A GraphML file or a RACI matrix to import."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        tr("Import"),
        str(directory),
        ";;".join(
            (
                tr("Maps and RACI matrices (*.graphml *.xlsx *.csv)"),
                tr("GraphML (*.graphml)"),
                tr("RACI matrix (*.xlsx *.csv)"),
            )
        ),
    )
    return Path(name) if name else None


def ask_save_path(parent: QWidget, title: str, suggested: Path, filters: str) -> Path | None:
    """A path to write to; the file dialog itself asks before overwriting."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


class TemplatePicker(QDialog):
    """The bundled workshops, each with what it is for, to pick one to start from."""

    def __init__(self, parent: QWidget | None, choices: list[tuple[str, str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New from template"))
        self._names = [name for name, _title, _description in choices]
        self._descriptions = [description for _name, _title, description in choices]
        self.list = QListWidget()
        self.list.addItems([title for _name, title, _description in choices])
        self.description = QLabel()
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.description.setMinimumWidth(320)
        self.list.currentRowChanged.connect(self._describe)
        self.list.itemActivated.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addWidget(self.list, 1)
        columns.addWidget(self.description, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Workshop template:")))
        layout.addLayout(columns)
        layout.addWidget(buttons)
        self.resize(760, 360)
        self.list.setCurrentRow(0)

    def _describe(self, row: int) -> None:
        self.description.setText(self._descriptions[row] if 0 <= row < len(self._names) else "")

    def chosen(self) -> str | None:
        row = self.list.currentRow()
        return self._names[row] if 0 <= row < len(self._names) else None


def ask_template(parent: QWidget, choices: list[tuple[str, str, str]]) -> str | None:
    """The name of the chosen template; ``choices`` are ``(name, title, description)``."""
    picker = TemplatePicker(parent, choices)
    return picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None


def ask_accept_note(parent: QWidget, finding: str) -> str | None:
    """The group's note for accepting ``finding``; ``None`` when cancelled."""
    note, ok = QInputDialog.getText(
        parent,
        tr("Accept finding"),
        _as_written(
            tr("{finding}\n\nWhy does the group accept this? (note for the protocol)").format(
                finding=finding
            )
        ),
    )
    return note.strip() if ok else None


def ask_recover(parent: QWidget | None, when: str, original: str) -> str:
    """``"recover"``, ``"discard"`` or ``"later"`` for a workshop found after a crash."""
    box = _box(
        QMessageBox.Icon.Question,
        tr("Recover unsaved workshop"),
        tr("Recover the unsaved workshop from {time}?").format(time=when),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        tr("It was last saved as: {file}").format(file=original)
        if original
        else tr("It had not been saved yet.")
    )
    recover = box.addButton(tr("&Recover"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("&Discard it"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("Ask again &next time"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(recover)
    box.exec()
    if box.clickedButton() is recover:
        return "recover"
    if box.clickedButton() is discard:
        return "discard"
    return "later"


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def ask_save_as_after_failure(parent: QWidget, message: str) -> bool:
    """Tell that a save failed; True when the facilitator wants to save elsewhere."""
    box = _box(
        QMessageBox.Icon.Warning,
        tr("Not saved"),
        message,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(tr("Your changes are still here, unsaved."))
    save_as = box.addButton(tr("Save &as…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save_as)
    box.exec()
    return box.clickedButton() is save_as


def show_passing(
    parent: QWidget | None,
    title: str,
    text: str,
    details: str = "",
    *,
    informative: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """A message that does not block: the workshop goes on while it is shown."""
    box = _box(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def show_shortcuts(parent: QWidget, rows: list[tuple[str, str, list[QKeySequence | str]]]) -> None:
    """List every command with its keys: ``rows`` are (menu, command, shortcuts).

    A shortcut given as text (a gesture: "Shift+drag") is shown as it is.
    """
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Keyboard shortcuts"))
    table = QTreeWidget()
    table.setHeaderLabels([tr("Command"), tr("Keys")])
    table.setRootIsDecorated(False)
    for menu, command, keys in rows:
        shown = ", ".join(
            k if isinstance(k, str) else k.toString(QKeySequence.SequenceFormat.NativeText)
            for k in keys
            if isinstance(k, str) or _typeable(k)
        )
        item = QTreeWidgetItem([f"{_plain(menu)}: {_plain(command)}", shown or tr("(menu only)")])
        table.addTopLevelItem(item)
    table.resizeColumnToContents(0)
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    close.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(close)
    dialog.resize(720, 640)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def _typeable(sequence: QKeySequence) -> bool:
    """A sequence typed on a laptop's keyboard, not a media key such as "Undo" or "Zoom In".

    Qt numbers characters first, then Escape … PageDown, then F1 … F35, and
    the keys of media keyboards after those.
    """
    key = sequence[0].key().value
    return key <= Qt.Key.Key_PageDown.value or Qt.Key.Key_F1.value <= key <= Qt.Key.Key_F35.value


def _plain(text: str) -> str:
    """Menu text without its mnemonic marks (``&Save`` → ``Save``, ``&&`` → ``&``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
