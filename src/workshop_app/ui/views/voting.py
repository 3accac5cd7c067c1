"""Dot voting in the room: start a round, type in each ballot, show the bars, accept the order.

Pass the laptop (each person types a name and spreads their dots) or count
a show of hands (no name: the hands per item). Every ballot is one undo
step; the round lives in the session file (``votes``, see
:mod:`workshop_app.domain.votes`). A round about priorities proposes an
order (:func:`workshop_app.voting.proposed_ranks`) that the group takes
into the ranks with one click, undone with one Ctrl+Z.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain import InsertVoteRound, ReplaceVoteRound
from workshop_app.i18n import counter
from workshop_app.ui.controller import SessionController
from workshop_app.ui.guards import wheel_only_when_focused
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.views._widgets import row
from workshop_app.ui.views.voting_bars import VoteBars
from workshop_app.voting import (
    accept_order,
    finding_items,
    new_round_id,
    priority_items,
    proposed_ranks,
    tally,
)

__all__ = ["VotingWidget"]


class VotingWidget(QWidget):
    """The dot voting dock's content (``window.facilitation.view("voting")``)."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rounds = QComboBox(objectName="voteRounds")
        self.topic = QComboBox(objectName="voteTopic")
        self.topic.addItem(tr("Priorities"), "priorities")
        self.topic.addItem(tr("Open findings"), "findings")
        self.dots = QSpinBox(objectName="voteDots", minimum=1, maximum=99, value=3)
        self.start = QPushButton(tr("Start a round"), objectName="voteStart")
        self.voter = QLineEdit(objectName="voteVoter")
        self.voter.setPlaceholderText(tr("Who votes (empty: the room's show of hands)"))
        self.items = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        self.left = QLabel(objectName="voteLeft")
        self.count = QPushButton(tr("Count this ballot"), objectName="voteCount")
        self.bars = VoteBars()
        self.summary = QLabel(objectName="voteSummary", wordWrap=True)
        self.accept = QPushButton(tr("Take this order into the ranks"), objectName="voteAccept")
        for field in (self.rounds, self.topic, self.dots):
            wheel_only_when_focused(field)
        self._lay_out()
        self.start.clicked.connect(self.start_round)
        self.count.clicked.connect(self.count_ballot)
        self.accept.clicked.connect(self.accept_order)
        self.rounds.currentIndexChanged.connect(self._round_picked)
        self.voter.textChanged.connect(self._update_left)
        controller.changed.connect(self.refresh)
        controller.findingsChanged.connect(self.refresh)
        controller.sessionReplaced.connect(self.refresh)
        self.refresh()

    def _lay_out(self) -> None:
        new = row(QLabel(tr("New round on")), self.topic, self.dots, QLabel(tr("dots each")))
        new.addWidget(self.start)
        ballot = QWidget()
        ballot.setLayout(self.items)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(ballot)
        layout = QVBoxLayout(self)
        layout.addLayout(new)
        layout.addWidget(self.rounds)
        layout.addWidget(self.voter)
        layout.addWidget(scroll, 1)
        layout.addLayout(row(self.left, self.count))
        layout.addWidget(self.bars)
        layout.addWidget(self.summary)
        layout.addWidget(self.accept)

    # --- the round on show ---

    def round(self) -> dict[str, Any] | None:
        """The round picked in the list, as the session holds it."""
        round_id = self.rounds.currentData()
        return None if round_id is None else self.controller.session.vote_round(round_id)

    def _offered(self, round_: dict[str, Any]) -> list[tuple[str, str]]:
        if round_["on"] == "priorities":
            return priority_items(self.controller.session)
        return finding_items(self.controller.findings)

    def refresh(self, *_args: object) -> None:
        """Show the session's rounds, the picked round's ballot form and its bars."""
        session = self.controller.session
        picked = self.rounds.currentData()
        ids = [str(r["id"]) for r in session.votes]
        if [self.rounds.itemData(i) for i in range(self.rounds.count())] != ids:
            self.rounds.blockSignals(True)
            self.rounds.clear()
            for round_ in session.votes:
                self.rounds.addItem(self._round_name(round_), str(round_["id"]))
            self.rounds.setCurrentIndex(ids.index(picked) if picked in ids else len(ids) - 1)
            self.rounds.blockSignals(False)
        self._show_round()

    def _round_name(self, round_: dict[str, Any]) -> str:
        topic = tr("Priorities") if round_["on"] == "priorities" else tr("Open findings")
        return tr("Round {id}: {topic}, {dots} each").format(
            id=round_["id"], topic=topic, dots=counter(ui_language())(round_["dots"], "dot")
        )

    def _round_picked(self) -> None:
        self._show_round()

    def _show_round(self) -> None:
        round_ = self.round()
        for widget in (self.voter, self.count, self.bars, self.summary):
            widget.setEnabled(round_ is not None)
        offered = self._offered(round_) if round_ is not None else []
        if [item for item, _label in offered] != list(self.spins):
            self._build_items(offered)
        if round_ is None:
            self.bars.set_rows(())
            self.summary.setText(tr("Start a round to let the group vote."))
            self.accept.setVisible(False)
            return
        labels = dict(offered) if round_["on"] == "findings" else None
        self.bars.set_rows(tally(self.controller.session, round_, labels))
        self._summarise(round_)
        self._update_left()

    def _build_items(self, offered: list[tuple[str, str]]) -> None:
        while self.items.rowCount():
            self.items.removeRow(0)
        self.spins = {}
        for item, label in offered:
            spin = QSpinBox(minimum=0, maximum=9_999)
            wheel_only_when_focused(spin)
            spin.valueChanged.connect(self._update_left)
            self.items.addRow(QLabel(label, wordWrap=True), spin)
            self.spins[item] = spin

    def _summarise(self, round_: dict[str, Any]) -> None:
        n_ = counter(ui_language())
        ballots = round_.get("ballots", [])
        named = sum(1 for b in ballots if b.get("voter") is not None)
        text = tr("{people} voted; {dots} given.").format(
            people=n_(named, "participant"), dots=n_(_given(round_), "dot")
        )
        about_priorities = round_["on"] == "priorities"
        if round_.get("accepted"):
            text += " " + tr("The group took this order into the ranks.")
        self.summary.setText(text)
        ranks = proposed_ranks(self.controller.session, round_) if about_priorities else {}
        self.accept.setVisible(about_priorities)
        self.accept.setEnabled(bool(ranks) and not round_.get("accepted"))

    def _update_left(self) -> None:
        round_ = self.round()
        if round_ is None:
            self.left.clear()
            return
        given = sum(spin.value() for spin in self.spins.values())
        dots = counter(ui_language())(round_["dots"], "dot")
        named = bool(self.voter.text().strip())
        too_many = named and given > round_["dots"]
        if too_many:
            self.left.setText(tr("{given} given, {dots} to give").format(given=given, dots=dots))
        elif named:
            self.left.setText(
                tr("{left} of {dots} left").format(left=round_["dots"] - given, dots=dots)
            )
        else:
            self.left.setText(tr("Show of hands: {hands} in all").format(hands=given))
        self.left.setStyleSheet("color: #B00020; font-weight: bold;" if too_many else "")
        self.count.setEnabled(given > 0 and not too_many)

    # --- edits, each one undo step ---

    def start_round(self) -> bool:
        session = self.controller.session
        new = {
            "id": new_round_id(session),
            "on": self.topic.currentData(),
            "dots": self.dots.value(),
        }
        new["date"] = dt.date.today().isoformat()
        done = self.controller.execute(
            InsertVoteRound(len(session.votes), new), tr("Start a round of dot voting")
        )
        if done:
            self.rounds.setCurrentIndex(self.rounds.findData(new["id"]))
        return done

    def count_ballot(self) -> bool:
        """Add the typed ballot to the round; the form empties for the next person."""
        round_ = self.round()
        if round_ is None or not self.count.isEnabled():
            return False
        ballot: dict[str, Any] = {}
        if voter := self.voter.text().strip():
            ballot["voter"] = voter
        ballot["dots"] = {item: spin.value() for item, spin in self.spins.items() if spin.value()}
        ballots = [*round_.get("ballots", []), ballot]
        done = self.controller.execute(
            ReplaceVoteRound(round_["id"], {**round_, "ballots": ballots}),
            tr("Count a ballot"),
        )
        if done:
            self.voter.clear()
            for spin in self.spins.values():
                spin.setValue(0)
        return done

    def accept_order(self) -> bool:
        """Take the proposed order into the priorities' ranks: one undo step."""
        round_ = self.round()
        if round_ is None:
            return False
        operation = accept_order(self.controller.session, round_)
        return self.controller.execute(operation, tr("Take the voted order into the ranks"))


def _given(round_: dict[str, Any]) -> int:
    return sum(sum(b.get("dots", {}).values()) for b in round_.get("ballots", []))
