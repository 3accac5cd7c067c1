"""The "Walk a case" panel: pick a responsibility, type an amount, tick who is absent.

The case is walked as it is typed and played on the map (see
:mod:`.overlay`): who holds it, where it waits and for how long, where it
stalls and why. The steps are told in sentences below, the outcome in bold.
Cases worth keeping are saved in the session (undoable) and listed at the
top, each with its outcome on the map as it is now.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.cases import walk_case
from workshop_app.cases.words import outcome_words, step_sentences
from workshop_app.domain import UNSET, Change, DeleteCase, InsertCase, NodeKind, SetCaseFields
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.views._widgets import text_label
from workshop_app.ui.views.cases.state import WalkState

__all__ = ["WalkPanel", "parse_amount"]

_AMOUNT = re.compile(r"\s*(-?[0-9]+)(?:[.,]([0-9]+))?\s*(?:€|EUR)?\s*", re.IGNORECASE)
DECIDED_GLYPH, STALLED_GLYPH = "\u2713", "\u2717"


def parse_amount(text: str) -> int | float | None:
    """The amount typed: ``120``, ``120,50``, ``120.50 €``; ``None`` when empty.

    Raises ``ValueError`` for anything else (a thousands separator, words).
    """
    if not text.strip():
        return None
    match = _AMOUNT.fullmatch(text)
    if match is None:
        raise ValueError(text)
    whole, fraction = match.groups()
    return float(f"{whole}.{fraction}") if fraction else int(whole)


class WalkPanel(QWidget):
    """The walk panel of one window; ``state`` is shared with the map overlays."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkPanel")
        self.controller = controller
        self.state = WalkState(controller, self)
        #: the saved case the form was loaded from: "Save case" changes it
        self.editing: str | None = None
        self._build()
        controller.changed.connect(self._follow_session)
        controller.sessionReplaced.connect(self._follow_session)
        self.state.walkChanged.connect(self._show_walk)
        self.state.progressChanged.connect(self._show_progress)
        self._follow_session()

    # --- building --------------------------------------------------------------

    def _build(self) -> None:
        self.saved = QListWidget(objectName="walkCases")
        self.saved.setMaximumHeight(150)
        self.saved.currentItemChanged.connect(self._pick_saved)
        self.new_button = QPushButton(tr("New case"), clicked=self.new_case)
        self.save_button = QPushButton(tr("Save case"), clicked=self.save_case)
        self.delete_button = QPushButton(tr("Delete case"), clicked=self.delete_case)
        self.title_edit = QLineEdit(placeholderText=tr("e.g. Goodwill 120 €, team lead away"))
        self.responsibility = QComboBox(objectName="walkResponsibility")
        self.amount_edit = QLineEdit(placeholderText=tr("e.g. 120 or 120,50"))
        self.amount_hint = text_label("walkAmountHint")
        self.absent = QListWidget(objectName="walkAbsent")
        self.play_button = QPushButton("\u25b6 " + tr("Play"), clicked=self.state.play)
        self.back_button = QPushButton("\u25c0", clicked=lambda: self.state.step(-1))
        self.forward_button = QPushButton("\u25b6|", clicked=lambda: self.state.step(+1))
        self.back_button.setToolTip(tr("One step back"))
        self.forward_button.setToolTip(tr("One step on"))
        self.outcome = text_label("walkOutcome")
        font = self.outcome.font()
        font.setBold(True)
        self.outcome.setFont(font)
        self.steps = text_label("walkSteps")

        form = QFormLayout()
        form.addRow(tr("Title"), self.title_edit)
        form.addRow(tr("Responsibility"), self.responsibility)
        form.addRow(tr("Amount"), self.amount_edit)
        form.addRow("", self.amount_hint)
        form.addRow(tr("Absent"), self.absent)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        playback = QHBoxLayout()
        for button in (self.back_button, self.play_button, self.forward_button):
            playback.addWidget(button)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(tr("Saved cases")))
        column.addWidget(self.saved)
        column.addLayout(buttons)
        column.addLayout(form)
        column.addLayout(playback)
        column.addWidget(self.outcome)
        column.addWidget(self.steps)
        column.addStretch(1)

        self.title_edit.textEdited.connect(self._edited)
        self.responsibility.currentIndexChanged.connect(self._edited)
        self.amount_edit.textEdited.connect(self._edited)
        self.absent.itemChanged.connect(self._edited)

    # --- the case in the form ------------------------------------------------

    def draft(self) -> dict[str, Any] | None:
        """The case as the form shows it; ``None`` while the amount cannot be read."""
        responsibility = self.responsibility.currentData()
        if responsibility is None:
            return None
        try:
            amount = parse_amount(self.amount_edit.text())
        except ValueError:
            return None
        absent = [
            self.absent.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.absent.count())
            if self.absent.item(i).checkState() == Qt.CheckState.Checked
        ]
        case: dict[str, Any] = {"title": self.title_edit.text().strip() or self._auto_title()}
        case["responsibility"] = responsibility
        if amount is not None:
            case["amount"] = amount
        if absent:
            case["absent"] = absent
        return case

    def _auto_title(self) -> str:
        parts = [self.responsibility.currentText()]
        if self.amount_edit.text().strip():
            parts.append(self.amount_edit.text().strip())
        return " · ".join(part for part in parts if part) or tr("Case")

    def load(self, case: Mapping[str, Any] | None) -> None:
        """Show ``case`` in the form (``None``: an empty form)."""
        case = case or {}
        blockers = [
            QSignalBlocker(widget)
            for widget in (self.title_edit, self.responsibility, self.amount_edit, self.absent)
        ]
        self.title_edit.setText(case.get("title", ""))
        index = self.responsibility.findData(case.get("responsibility"))
        self.responsibility.setCurrentIndex(max(index, 0) if case else -1)
        amount = case.get("amount")
        self.amount_edit.setText("" if amount is None else _typed(amount))
        absent = set(case.get("absent") or ())
        for i in range(self.absent.count()):
            item = self.absent.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in absent
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        del blockers
        self.amount_hint.clear()

    def _edited(self, *_args: object) -> None:
        try:
            parse_amount(self.amount_edit.text())
            self.amount_hint.clear()
        except ValueError:
            self.amount_hint.setText(tr("A number, please: 120 or 120,50 (no thousands mark)."))
            return
        self.state.show_case(self.draft(), None, animate=False)

    # --- saved cases -------------------------------------------------------------

    def new_case(self) -> None:
        self.editing = None
        with QSignalBlocker(self.saved):
            self.saved.setCurrentRow(-1)
        self.delete_button.setEnabled(False)
        self.load(None)
        self.state.show_case(None)
        self.title_edit.setFocus()

    def save_case(self) -> None:
        """Save the form as a new case, or over the saved case it was loaded from."""
        case = self.draft()
        if case is None:
            return
        case_id = self.editing
        session = self.controller.session
        if case_id is not None and session.case(case_id) is not None:
            changes = {
                name: case.get(name, UNSET)
                for name in ("title", "responsibility", "amount", "absent")
            }
            self.controller.execute(SetCaseFields(case_id, changes), tr("Change case"))
        else:
            case_id = _new_id(session)
            self.controller.execute(
                InsertCase(len(session.cases), {"id": case_id, **case}), tr("Add case")
            )
        self._select_saved(case_id)

    def delete_case(self) -> None:
        current = self.saved.currentItem()
        if current is None:
            return
        self.controller.execute(
            DeleteCase(current.data(Qt.ItemDataRole.UserRole)), tr("Delete case")
        )

    def _pick_saved(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        case = self.controller.session.case(item.data(Qt.ItemDataRole.UserRole))
        if case is not None:
            self.editing = case["id"]
            self.load(case)
            self.state.show_case(case, case["id"])
        self.delete_button.setEnabled(True)

    def _select_saved(self, case_id: str | None) -> None:
        for i in range(self.saved.count()):
            if self.saved.item(i).data(Qt.ItemDataRole.UserRole) == case_id:
                self.saved.setCurrentRow(i)
                return

    # --- following the session and the walk --------------------------------------

    def _follow_session(self, change: Change | None = None) -> None:
        if change is not None and change.positions_only:
            return  # a drag on the map: no label, role or case changed
        draft_case = self.state.case
        session = self.controller.session
        with QSignalBlocker(self.responsibility):
            chosen = self.responsibility.currentData()
            self.responsibility.clear()
            for node in _by_label(session, NodeKind.RESPONSIBILITY):
                self.responsibility.addItem(session.label(node), node)
            self.responsibility.setCurrentIndex(self.responsibility.findData(chosen))
        with QSignalBlocker(self.absent):
            ticked = {
                self.absent.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.absent.count())
                if self.absent.item(i).checkState() == Qt.CheckState.Checked
            }
            self.absent.clear()
            for role in _by_label(session, NodeKind.ROLE):
                item = QListWidgetItem(session.label(role))
                item.setData(Qt.ItemDataRole.UserRole, role)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                state = Qt.CheckState.Checked if role in ticked else Qt.CheckState.Unchecked
                item.setCheckState(state)
                self.absent.addItem(item)
        self._list_saved()
        if self.state.case_id is not None and draft_case is not None:
            self.load(self.state.case)

    def _list_saved(self) -> None:
        session = self.controller.session
        current = self.editing
        with QSignalBlocker(self.saved):
            self.saved.clear()
            for case in session.cases:
                walk = walk_case(session, case)
                glyph = DECIDED_GLYPH if walk.decided else STALLED_GLYPH
                item = QListWidgetItem(f"{glyph} {case['title']}")
                item.setData(Qt.ItemDataRole.UserRole, case["id"])
                item.setToolTip(outcome_words(session, walk, ui_language()))
                self.saved.addItem(item)
                if case["id"] == current:
                    self.saved.setCurrentItem(item)
        self.delete_button.setEnabled(self.saved.currentItem() is not None)

    def _show_walk(self) -> None:
        walk, session = self.state.walk, self.controller.session
        if walk is None:
            self.outcome.setText(tr("Pick a responsibility to walk a case through the map."))
            self.outcome.setStyleSheet("")
            self.steps.clear()
            return
        verdict = tr("Decided:") if walk.decided else tr("Stalled:")
        self.outcome.setText(f"{verdict} {outcome_words(session, walk, ui_language())}")
        colour = "#0b6e2a" if walk.decided else "#b3261e"
        self.outcome.setStyleSheet(f"color: {colour};")
        self._show_progress(self.state.progress)

    def _show_progress(self, progress: float) -> None:
        walk = self.state.walk
        if walk is None:
            return
        sentences = step_sentences(self.controller.session, walk, ui_language())
        shown = sentences[: int(progress + 1e-6)]
        self.steps.setText("\n".join(f"{i}. {text}" for i, text in enumerate(shown, 1)))
        done = progress >= max(len(sentences), 1) - 1e-6
        self.outcome.setVisible(done)


def _typed(amount: Any) -> str:
    text = repr(amount) if isinstance(amount, float) else str(amount)
    return text.replace(".", ",") if ui_language() == "de" else text


def _by_label(session: Any, kind: NodeKind) -> list[str]:
    return sorted(session.nodes_of_kind(kind), key=lambda n: (session.label(n).casefold(), n))


def _new_id(session: Any) -> str:
    number = len(session.cases) + 1
    while session.case(f"case_{number}") is not None:
        number += 1
    return f"case_{number}"
