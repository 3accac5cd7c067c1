"""Guards for a live room: one keystroke or a stray wheel does not change what the room sees."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.mainwindow import MainWindow


def _focus_map(qtbot: QtBot, window: MainWindow) -> None:
    window.map_view.setFocus()
    qtbot.waitUntil(window.map_view.hasFocus)


def _counts(window: MainWindow) -> tuple[int, int]:
    graph = window.controller.session.graph
    return graph.number_of_nodes(), len(graph.edges)


def test_select_all_and_backspace_shows_a_banner_that_undoes_the_deletion(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = _counts(window)
    _focus_map(qtbot, window)
    qtbot.keyClick(window.map_view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.map_view, Qt.Key.Key_Backspace)

    assert _counts(window) == (0, 0)
    banner = window.undo_banner
    assert banner.isVisible()
    assert banner.message.text() == "4 nodes and 5 relations deleted"
    assert not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())
    # The banner sits over the map, inside it: nothing else moves.
    assert window.map_view.rect().contains(banner.geometry())

    qtbot.mouseClick(banner.undo_button, Qt.MouseButton.LeftButton)
    assert _counts(window) == before
    assert not banner.isVisible()


def test_deleting_one_node_needs_no_banner(qtbot: QtBot, window: MainWindow) -> None:
    window.map_view.select_subjects(["p_speed"])
    window.map_view.scene().clearSelection()
    window.map_view.scene().nodes["x_refund"].setSelected(True)
    _focus_map(qtbot, window)
    qtbot.keyClick(window.map_view, Qt.Key.Key_Delete)
    assert "x_refund" not in window.controller.session.graph
    assert not window.undo_banner.isVisible()


def test_the_banner_goes_when_the_next_edit_is_made(qtbot: QtBot, window: MainWindow) -> None:
    window.map_view.select_subjects(["r_team", "r_lead"])
    _focus_map(qtbot, window)
    window.command("edit.delete").trigger()
    assert window.undo_banner.message.text() == "2 nodes and 4 relations deleted"
    window.command("edit.select_all").trigger()
    window.command("edit.delete").trigger()
    assert window.undo_banner.isVisible()
    window.command("edit.add_priority").trigger()
    assert not window.undo_banner.isVisible()
    # Its Undo would now take back the new priority, not the deletion.
    nodes = _counts(window)[0]
    window.undo_banner.undo()
    assert _counts(window)[0] == nodes


def test_backspace_in_a_field_edits_the_field_not_the_map(qtbot: QtBot, window: MainWindow) -> None:
    window.map_view.select_subjects(["x_refund"])
    label = window.inspector.field_widget("label")
    assert isinstance(label, QLineEdit)
    label.setFocus()
    label.end(False)
    qtbot.keyClick(label, Qt.Key.Key_Backspace)
    assert label.text() == "Refund"
    assert "x_refund" in window.controller.session.graph
    rank = _field(window, "p_speed", "rank")
    rank.setFocus()
    qtbot.keyClick(rank, Qt.Key.Key_Backspace)
    assert "p_speed" in window.controller.session.graph


def _field(window: MainWindow, node: str, name: str) -> QWidget:
    window.map_view.select_subjects([node])
    return window.inspector.field_widget(name)


def _wheel(widget: QWidget, steps: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_rank_leaves_the_rank_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    rank = _field(window, "p_speed", "rank")
    window.map_view.setFocus()
    _wheel(rank, -2)
    assert rank.value() == 1
    assert window.controller.session.graph.nodes["p_speed"]["rank"] == 1
    # Clicked into, it is the facilitator's field: the wheel works as usual.
    rank.setFocus()
    qtbot.waitUntil(rank.hasFocus)
    _wheel(rank, 2)
    assert rank.value() == 3


def test_the_wheel_over_an_unfocused_choice_leaves_it_alone(window: MainWindow) -> None:
    window.map_view.select_subjects([])
    language = window.inspector.field_widget("language")
    window.map_view.setFocus()
    _wheel(language, -1)
    _wheel(language, 1)
    assert language.currentData() == "en"
    assert window.controller.session.meta["language"] == "en"


def _type_date(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.map_view.select_subjects([])
    date = window.inspector.field_widget("date")
    assert isinstance(date, QLineEdit)
    date.setFocus()
    date.selectAll()
    qtbot.keyClicks(date, text)
    qtbot.keyClick(date, Qt.Key.Key_Return)


def test_the_workshop_date_typed_in_iso_is_taken_as_typed(qtbot: QtBot, window: MainWindow) -> None:
    _type_date(qtbot, window, "2027-01-15")
    assert window.controller.session.meta["date"] == "2027-01-15"
    assert window.inspector.field_widget("date").text() == "1/15/2027"


def test_the_workshop_date_typed_the_english_way_is_taken_as_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    _type_date(qtbot, window, "1/15/2027")
    assert window.controller.session.meta["date"] == "2027-01-15"


def test_the_workshop_date_typed_the_german_way_is_taken_as_typed(qtbot: QtBot) -> None:
    set_ui_language("de")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    _type_date(qtbot, window, "15.01.2027")
    assert window.controller.session.meta["date"] == "2027-01-15"
    assert window.inspector.field_widget("date").text() == "15.01.2027"


def test_delete_in_the_findings_list_does_not_delete_on_the_map(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.map_view.select_subjects(["x_refund", "r_team", "p_speed"])
    tree = window.findings_dock.tree
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        qtbot.keyClick(tree, key)
    assert _counts(window)[0] == 4
