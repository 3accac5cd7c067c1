"""The delegation board, and the inspector's fields for levels and deadlines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.mainwindow import MainWindow
from workshop_app.ui.views.cases.board import GAP_COLUMN, DelegationWidget


def open_board(window: MainWindow) -> DelegationWidget:
    window.case_views.docks["delegation"].show()
    return window.case_views.board


def row_of(board: DelegationWidget, node: str) -> int:
    return board.model.rows.index(node)


def levels(window: MainWindow, node: str) -> tuple[object, object]:
    attrs = window.controller.session.graph.nodes[node]
    return attrs.get("delegation"), attrs.get("delegation_target")


def click(
    qtbot: QtBot,
    board: DelegationWidget,
    row: int,
    level: int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    rect = board.table.visualRect(board.model.index(row, level - 1))
    qtbot.mouseClick(board.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_every_responsibility_shows_today_the_target_and_the_gap(
    cases_window: MainWindow,
) -> None:
    board = open_board(cases_window)
    model = board.model
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert labels == [
        "Auskunftsersuchen nach DSGVO",
        "Beschwerdemanagement",
        "⚠ Kulanz bis 50 EUR",
        "Reklamationen bearbeiten",
        "Rücksendungen außerhalb der Frist",
        "Sonderfälle und Ausnahmen",
    ]
    gaps = [model.index(r, GAP_COLUMN).data() for r in range(model.rowCount())]
    assert gaps == ["reached", "+2", "+2", "+1", "+3", "+2"]
    kulanz = row_of(board, "x_kulanz")
    assert model.levels(kulanz) == (5, 7)
    assert model.index(kulanz, 4).data(Qt.ItemDataRole.AccessibleTextRole) == "today"
    assert model.index(kulanz, 6).data(Qt.ItemDataRole.AccessibleTextRole) == "target"
    assert model.headerData(6, Qt.Orientation.Horizontal) == "7\nDelegate"
    assert model.headerData(6, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "The team decides on its own."
    )


def test_the_board_speaks_german_with_the_levels_names(qtbot: QtBot, cases_window) -> None:
    set_ui_language("de")
    board = DelegationWidget(cases_window.controller)
    qtbot.addWidget(board)
    headers = [board.model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers == [
        "1\nVerkünden",
        "2\nVerkaufen",
        "3\nBefragen",
        "4\nEinigen",
        "5\nBeraten",
        "6\nErkundigen",
        "7\nDelegieren",
        "Abstand",
    ]


def test_a_click_sets_today_shift_click_the_target_each_one_undo_step(
    qtbot: QtBot, cases_window: MainWindow
) -> None:
    board = open_board(cases_window)
    row = row_of(board, "x_kulanz")
    findings = lambda: {f.code for f in cases_window.controller.findings}  # noqa: E731
    assert "delegation-mismatch" in findings()
    click(qtbot, board, row, 3)
    assert levels(cases_window, "x_kulanz") == (3, 7)
    assert "delegation-mismatch" not in findings()  # re-checked live
    click(qtbot, board, row, 6, Qt.KeyboardModifier.ShiftModifier)
    assert levels(cases_window, "x_kulanz") == (3, 6)
    assert board.model.index(row, GAP_COLUMN).data() == "+3"
    cases_window.controller.undo_stack.undo()
    cases_window.controller.undo_stack.undo()
    assert levels(cases_window, "x_kulanz") == (5, 7)
    assert "delegation-mismatch" in findings()


def test_keys_set_the_levels_of_the_current_row(qtbot: QtBot, cases_window: MainWindow) -> None:
    board = open_board(cases_window)
    table = board.table
    row = row_of(board, "x_reklamation")
    table.setFocus()
    table.setCurrentIndex(board.model.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_4)
    assert levels(cases_window, "x_reklamation") == (4, 7)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert levels(cases_window, "x_reklamation") == (5, 7)
    qtbot.keyClick(table, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert levels(cases_window, "x_reklamation") == (5, 6)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert levels(cases_window, "x_reklamation") == (None, None)
    assert board.model.index(row, GAP_COLUMN).data() == ""
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert levels(cases_window, "x_reklamation") == (1, None)
    assert cases_window.controller.undo_stack.count() == 5


def test_the_inspector_offers_the_levels_by_name(cases_window: MainWindow) -> None:
    cases_window.map_view.select_subjects(["x_kulanz"])
    today = cases_window.inspector.field_widget("delegation")
    assert isinstance(today, QComboBox) and today.currentText() == "5 · Advise"
    today.setCurrentIndex(today.findData(7))
    today.activated.emit(today.currentIndex())
    assert levels(cases_window, "x_kulanz") == (7, 7)
    today.setCurrentIndex(0)
    today.activated.emit(0)
    assert levels(cases_window, "x_kulanz") == (None, 7)


def test_the_inspector_takes_a_deadline_as_it_is_typed(
    qtbot: QtBot, cases_window: MainWindow
) -> None:
    escalation = ("x_kulanz", "r_lead", "escalates_to")
    cases_window.inspector.show_selection([], [escalation])
    after = cases_window.inspector.field_widget("after")
    assert isinstance(after, QLineEdit) and after.text() == "4h"
    edges = cases_window.controller.session.graph.edges
    for typed, saved in (("2 Tage", "2d"), ("90 min", "90min"), ("1 hour", "1h")):
        after.setFocus()
        after.selectAll()
        qtbot.keyClicks(after, typed)
        qtbot.keyClick(after, Qt.Key.Key_Return)
        assert edges[escalation]["after"] == saved
    messages: list[str] = []
    cases_window.inspector.refused.connect(messages.append)
    after.selectAll()
    qtbot.keyClicks(after, "bald")
    qtbot.keyClick(after, Qt.Key.Key_Return)
    assert edges[escalation]["after"] == "1h"
    assert messages == ["“bald” is no duration: type a number and min, h or d, such as 4h."]


def test_only_an_escalation_shows_the_deadline(cases_window: MainWindow) -> None:
    inspector = cases_window.inspector
    inspector.show_selection([], [("r_lead", "r_leitung", "deputy_of")])
    assert not inspector.field_widget("after").isVisibleTo(inspector)
    inspector.show_selection([], [("x_kulanz", "r_lead", "escalates_to")])
    assert inspector.field_widget("after").isVisibleTo(inspector)


def test_a_delegation_on_paper_only_is_flagged_on_its_row(cases_window: MainWindow) -> None:
    board = open_board(cases_window)
    model = board.model
    row = row_of(board, "x_kulanz")
    assert model.headerData(row, Qt.Orientation.Vertical) == "⚠ Kulanz bis 50 EUR"
    tooltip = model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "auf dem Papier delegiert, in der Praxis rückversichert" in tooltip  # the session's
    model.set_level(row, 4, target=False)
    assert model.headerData(row, Qt.Orientation.Vertical) == "Kulanz bis 50 EUR"
