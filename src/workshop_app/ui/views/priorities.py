"""The priorities view: the ranked list, and pairwise comparison to settle ties.

Dragging a priority (or Ctrl+Up/Down) writes ranks 1, 2, 3… in the new
order as one undoable step. "Compare pairwise" asks the group "A or B?"
for every pair of tied or unranked priorities (:mod:`.ranking`) and writes
the result as one step; answers that contradict each other are shown as a
cycle, and nothing is written until the group revisits them or accepts
them as a tie.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain import Change, Session
from workshop_app.i18n import counted
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.views._widgets import quoted, row, sized, text_label
from workshop_app.ui.views.ranking import (
    PairwiseComparison,
    comparison_groups,
    priority_levels,
    rank_operation,
    ranks_from_order,
)

__all__ = ["PrioritiesWidget", "RankList"]

_TIE_BACKGROUND = QColor("#fde7a9")
_UNRANKED_TEXT = QColor("#5f6368")
_ID_ROLE = Qt.ItemDataRole.UserRole
_NO_RANK = "\u2013"


class RankList(QListWidget):
    """The priorities in rank order; a drag or Ctrl+Up/Down asks for a move.

    The list never moves its own items: it emits ``moveRequested(from, to)``
    (``to`` is the insertion row before the move) and is rebuilt from the
    session once the move has been applied.
    """

    moveRequested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(2)

    def dropEvent(self, event: QDropEvent) -> None:
        source = self.currentRow()
        index = self.indexAt(event.position().toPoint())
        target = self.count()
        if index.isValid():
            below = (
                self.dropIndicatorPosition() == QAbstractItemView.DropIndicatorPosition.BelowItem
            )
            target = index.row() + int(below)
        # Refuse Qt's own move: the session is the truth and the list follows it.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source >= 0:
            QTimer.singleShot(0, lambda: self.moveRequested.emit(source, target))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and row >= 0:
            if event.key() == Qt.Key.Key_Up and row > 0:
                self.moveRequested.emit(row, row - 1)
                return
            if event.key() == Qt.Key.Key_Down and row < self.count() - 1:
                self.moveRequested.emit(row, row + 2)
                return
        super().keyPressEvent(event)


class PrioritiesWidget(QWidget):
    """Ranked list with visible ties, and a pairwise-comparison mode."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("priorities")
        self.controller = controller
        self.comparison: PairwiseComparison | None = None
        self._pair: tuple[str, str] | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_list_page())
        self.pages.addWidget(self._build_compare_page())
        QVBoxLayout(self).addWidget(self.pages)
        controller.changed.connect(self._session_changed)
        controller.sessionReplaced.connect(self._session_replaced)
        self.refresh()

    def _build_list_page(self) -> QWidget:
        page = QWidget()
        self.list = sized(RankList(), 13)
        self.list.moveRequested.connect(self.move)
        hint = QLabel(tr("Drag a priority (or Ctrl+Up/Down) to change the order."), wordWrap=True)
        self.compare_button = QPushButton(tr("Compare pairwise…"), clicked=self.start_comparison)
        self.compare_button.setToolTip(tr("Settle ties and unranked priorities: “A or B?”"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(self.compare_button)
        return page

    def _build_compare_page(self) -> QWidget:
        page = QWidget()
        self.progress_label = QLabel()
        self.question_label = sized(
            QLabel(tr("Which matters more here?"), wordWrap=True), 15, bold=True
        )
        self.first_button = _big_button(lambda: self._choose(0))
        self.second_button = _big_button(lambda: self._choose(1))
        self.cycle_label = sized(text_label("cycle"), 13)
        self.cycle_label.setStyleSheet(
            "QLabel { background: #fde7a9; color: #000000; border-radius: 6px; padding: 8px; }"
        )
        self.revisit_button = QPushButton(tr("Ask again"), clicked=self._revisit)
        self.accept_button = QPushButton(tr("Accept as a tie"), clicked=self._accept_cycles)
        self.back_button = QPushButton(tr("Undo last answer"), clicked=self._undo_answer)
        cancel = QPushButton(tr("Cancel"), clicked=self.cancel_comparison)
        layout = QVBoxLayout(page)
        for widget in (self.progress_label, self.question_label, self.first_button):
            layout.addWidget(widget)
        self.or_label = QLabel(tr("or"), alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.or_label)
        layout.addWidget(self.second_button)
        layout.addWidget(self.cycle_label)
        layout.addStretch(1)
        layout.addLayout(row(self.revisit_button, self.accept_button))
        layout.addLayout(row(self.back_button, cancel))
        return page

    # --- the ranked list ----------------------------------------------------

    def order(self) -> list[str]:
        """The priority ids as listed, best first."""
        return [self.list.item(row).data(_ID_ROLE) for row in range(self.list.count())]

    def refresh(self) -> None:
        current = self.list.currentItem()
        keep = current.data(_ID_ROLE) if current else None
        session = self.controller.session
        ranked, unranked = priority_levels(session)
        self.list.clear()
        for level in ranked:
            for node in level:
                self.list.addItem(_rank_item(session, node, level))
        for node in unranked:
            self.list.addItem(_unranked_item(session, node))
        if keep in self.order():
            self.list.setCurrentRow(self.order().index(keep))
        self.compare_button.setEnabled(bool(comparison_groups(session)))

    def move(self, source: int, target: int) -> None:
        """Move the priority at row ``source`` to insertion row ``target``; rank all."""
        order = self.order()
        if not 0 <= source < len(order):
            return
        node = order.pop(source)
        order.insert(target - 1 if target > source else target, node)
        operation = rank_operation(self.controller.session, ranks_from_order(order))
        if operation is not None:
            self.controller.execute(operation, tr("Reorder priorities"))
        self.list.setCurrentRow(self.order().index(node))

    def _session_changed(self, change: Change) -> None:
        if change.positions_only:  # no position shows here; a drag must stay smooth
            return
        self.refresh()
        if self.comparison and not self._comparison_still_valid():
            self.cancel_comparison()

    def _session_replaced(self) -> None:
        self.cancel_comparison()
        self.refresh()

    # --- pairwise comparison -------------------------------------------------

    def start_comparison(self) -> None:
        groups = comparison_groups(self.controller.session)
        if not groups:
            return
        self.comparison = PairwiseComparison(groups)
        self.pages.setCurrentIndex(1)
        self._ask()

    def cancel_comparison(self) -> None:
        self.comparison, self._pair = None, None
        self.pages.setCurrentIndex(0)

    def answer(self, winner: str) -> None:
        """The group chose ``winner`` in the pair on screen."""
        if self.comparison is None or self._pair is None or winner not in self._pair:
            return
        loser = self._pair[1] if winner == self._pair[0] else self._pair[0]
        self.comparison.answer(winner, loser)
        self._ask()

    def _choose(self, side: int) -> None:
        if self._pair is not None:
            self.answer(self._pair[side])

    def _ask(self) -> None:
        comparison = self.comparison
        assert comparison is not None
        self._pair = comparison.next_pair()
        cycles = comparison.cycles() if self._pair is None else []
        if self._pair is None and not cycles:
            self._write(tr("Rank priorities by pairwise comparison"))
            return
        session = self.controller.session
        asking = self._pair is not None
        for button, side in ((self.first_button, 0), (self.second_button, 1)):
            button.setVisible(asking)
            if asking:
                button.setText(session.label(self._pair[side]))
        self.question_label.setVisible(asking)
        self.or_label.setVisible(asking)
        count = len(comparison.pairs)
        self.progress_label.setText(
            tr("Pair {n} of {count}").format(n=comparison.answered() + 1, count=count)
            if asking
            else _all_answered(count)
        )
        self.cycle_label.setText(_describe_cycles(session, cycles))
        self.cycle_label.setVisible(bool(cycles))
        self.revisit_button.setVisible(bool(cycles))
        self.accept_button.setVisible(bool(cycles))
        self.back_button.setEnabled(comparison.answered() > 0)

    def _undo_answer(self) -> None:
        if self.comparison is not None:
            self.comparison.undo_last()
            self._ask()

    def _revisit(self) -> None:
        if self.comparison is not None:
            self.comparison.revisit_contradictions()
            self._ask()

    def _accept_cycles(self) -> None:
        self._write(tr("Rank priorities (contradictions kept as a tie)"))

    def _write(self, text: str) -> None:
        comparison = self.comparison
        assert comparison is not None
        operation = rank_operation(
            self.controller.session, comparison.ranks(self.controller.session)
        )
        self.cancel_comparison()
        if operation is not None:
            self.controller.execute(operation, text)

    def _comparison_still_valid(self) -> bool:
        graph = self.controller.session.graph
        assert self.comparison is not None
        return all(node in graph for group in self.comparison.groups for node in group)


def _rank_item(session: Session, node: str, level: list[str]) -> QListWidgetItem:
    rank = session.graph.nodes[node]["rank"]
    tied = len(level) > 1
    item = QListWidgetItem(f"{rank}{' =' if tied else '.'}  {session.label(node)}")
    item.setData(_ID_ROLE, node)
    if tied:
        item.setBackground(QBrush(_TIE_BACKGROUND))
        others = ", ".join(quoted(session.label(n)) for n in level if n != node)
        item.setToolTip(
            tr("Tie: shares rank {rank} with {others}").format(rank=rank, others=others)
        )
    return item


def _unranked_item(session: Session, node: str) -> QListWidgetItem:
    item = QListWidgetItem(f"{_NO_RANK}  {session.label(node)}")
    item.setData(_ID_ROLE, node)
    item.setForeground(QBrush(_UNRANKED_TEXT))
    font = item.font()
    font.setItalic(True)
    item.setFont(font)
    item.setToolTip(tr("No rank yet"))
    return item


def _all_answered(count: int) -> str:
    """ "All 4 pairs answered"; with two priorities there is just the one pair."""
    if count == 1:
        return tr("The pair is answered")
    return tr("All {pairs} answered").format(pairs=counted(count, "pair", ui_language()))


def _describe_cycles(session: Session, cycles: list[list[str]]) -> str:
    """The contradicting answers in words, one "A over B" per line."""
    parts = [tr("The answers contradict each other:")]
    for cycle in cycles:
        labels = [quoted(session.label(node)) for node in cycle]
        steps = zip(labels, [*labels[1:], labels[0]], strict=True)
        parts.append("\n".join("• " + tr("{a} over {b}").format(a=a, b=b) for a, b in steps))
    parts.append(tr("Ask the group to revisit these pairs, or accept them as a tie."))
    return "\n\n".join(parts)


def _big_button(callback: Callable[[], None]) -> QPushButton:
    button = sized(QPushButton(clicked=callback), 15)
    button.setMinimumHeight(56)
    return button
