"""Editing through the inspector changes the session; the inspector follows the session."""

from __future__ import annotations

from networkx.classes.reportviews import NodeView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from workshop_app.domain import SetEdgeFields, SetNodeFields
from workshop_app.ui.mainwindow import MainWindow


def _type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _nodes(window: MainWindow) -> NodeView:
    return window.controller.session.graph.nodes


def test_a_label_typed_in_the_inspector_is_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    window.map_view.select_subjects(["x_refund"])
    label = window.inspector.field_widget("label")
    assert isinstance(label, QLineEdit) and label.text() == "Refunds"
    steps = window.controller.undo_stack.count()

    _type_into(qtbot, label, "Goodwill refunds")

    assert _nodes(window)["x_refund"]["label"] == "Goodwill refunds"
    assert window.controller.undo_stack.count() == steps + 1
    assert window.isWindowModified()
    window.command("edit.undo").trigger()
    assert _nodes(window)["x_refund"]["label"] == "Refunds"
    assert label.text() == "Refunds"
    assert not window.isWindowModified()


def test_the_undo_and_redo_commands_name_the_step(qtbot: QtBot, window: MainWindow) -> None:
    undo, redo = window.command("edit.undo"), window.command("edit.redo")
    assert not undo.isEnabled() and not redo.isEnabled()
    window.map_view.select_subjects(["p_speed"])
    _type_into(qtbot, window.inspector.field_widget("label"), "Fast answers")

    assert undo.isEnabled() and "Label" in undo.text()
    undo.trigger()
    assert redo.isEnabled() and "Label" in redo.text()
    redo.trigger()
    assert _nodes(window)["p_speed"]["label"] == "Fast answers"


def test_a_number_can_be_unset_and_is_checked_against_its_range(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.map_view.select_subjects(["r_team"])
    load = window.inspector.field_widget("load")
    assert isinstance(load, QSpinBox)
    assert (load.minimum(), load.maximum()) == (-1, 200)  # -1 shows "not set"
    load.setFocus()
    load.lineEdit().selectAll()
    qtbot.keyClicks(load, "95")
    qtbot.keyClick(load, Qt.Key.Key_Return)
    assert _nodes(window)["r_team"]["load"] == 95

    load.setValue(load.minimum())
    qtbot.keyClick(load, Qt.Key.Key_Return)
    assert "load" not in _nodes(window)["r_team"]
    assert "not set" in load.text()


def test_a_check_box_is_committed_when_toggled(qtbot: QtBot, window: MainWindow) -> None:
    window.map_view.select_subjects(["x_refund"])
    critical = window.inspector.field_widget("critical")
    assert isinstance(critical, QCheckBox)
    steps = window.controller.undo_stack.count()
    critical.setFocus()

    qtbot.keyClick(critical, Qt.Key.Key_Space)
    assert _nodes(window)["x_refund"]["critical"] is True
    qtbot.keyClick(critical, Qt.Key.Key_Space)
    assert "critical" not in _nodes(window)["x_refund"]
    assert window.controller.undo_stack.count() == steps + 2


def test_an_empty_label_is_refused_and_the_old_one_kept(qtbot: QtBot, window: MainWindow) -> None:
    window.map_view.select_subjects(["x_refund"])
    label = window.inspector.field_widget("label")
    steps = window.controller.undo_stack.count()

    _type_into(qtbot, label, "   ")

    assert _nodes(window)["x_refund"]["label"] == "Refunds"
    assert label.text() == "Refunds"
    assert window.controller.undo_stack.count() == steps
    assert "label" in window.statusBar().currentMessage()


def test_the_inspector_follows_changes_made_elsewhere(window: MainWindow) -> None:
    window.map_view.select_subjects(["x_refund"])
    label = window.inspector.field_widget("label")

    window.controller.execute(SetNodeFields("x_refund", {"label": "Credit notes"}), "rename")
    assert label.text() == "Credit notes"
    window.controller.undo_stack.undo()
    assert label.text() == "Refunds"


def test_a_deleted_node_leaves_the_inspector_on_the_workshop(window: MainWindow) -> None:
    window.map_view.select_subjects(["x_refund"])
    window.command("edit.delete").trigger()
    assert "x_refund" not in _nodes(window)
    assert window.inspector.subject() == ("meta", None)


def test_typing_without_enter_is_kept_when_the_selection_moves(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.map_view.select_subjects(["x_refund"])
    label = window.inspector.field_widget("label")
    label.setFocus()
    label.selectAll()
    qtbot.keyClicks(label, "Refunds up to 50 EUR")

    window.map_view.select_subjects(["p_speed"])

    assert _nodes(window)["x_refund"]["label"] == "Refunds up to 50 EUR"
    assert window.inspector.field_widget("label").text() == "Speed"


def test_workshop_details_are_edited_when_nothing_is_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.map_view.select_subjects([])
    assert window.inspector.subject() == ("meta", None)
    _type_into(qtbot, window.inspector.field_widget("client"), "Muster Versand GmbH")
    assert window.controller.session.meta["client"] == "Muster Versand GmbH"

    language = window.inspector.field_widget("language")
    assert isinstance(language, QComboBox) and language.currentData() == "en"
    language.setCurrentIndex(language.findData("de"))
    language.activated.emit(language.currentIndex())
    assert window.controller.session.meta["language"] == "de"
    window.command("edit.undo").trigger()
    assert window.controller.session.meta["language"] == "en"
    assert language.currentData() == "en"


def test_a_relation_shows_its_ends_and_its_trigger(qtbot: QtBot, window: MainWindow) -> None:
    escalation = ("r_team", "r_lead", "escalates_to")
    window.inspector.show_selection([], [escalation])
    trigger = window.inspector.field_widget("trigger")
    assert trigger.text() == "over 100 EUR"

    _type_into(qtbot, trigger, "over 200 EUR")
    edges = window.controller.session.graph.edges
    assert edges[escalation]["trigger"] == "over 200 EUR"
    window.controller.execute(SetEdgeFields(*escalation, {"notes": "from Q2"}), "note")
    assert window.inspector.field_widget("notes").toPlainText() == "from Q2"


def test_changing_a_relations_kind_replaces_it_in_one_step(window: MainWindow) -> None:
    window.inspector.show_selection([], [("r_lead", "r_team", "deputy_of")])
    kind = window.inspector.field_widget("kind")
    assert isinstance(kind, QComboBox)
    assert kind.findData("escalates_to") >= 0 and kind.findData("serves") < 0

    kind.setCurrentIndex(kind.findData("escalates_to"))
    kind.activated.emit(kind.currentIndex())

    graph = window.controller.session.graph
    assert graph.has_edge("r_lead", "r_team", "escalates_to")
    assert not graph.has_edge("r_lead", "r_team", "deputy_of")
    window.controller.undo_stack.undo()
    assert graph.has_edge("r_lead", "r_team", "deputy_of")


def test_several_selected_nodes_are_named_as_written(window: MainWindow) -> None:
    window.controller.execute(SetNodeFields("p_speed", {"label": "<b>Speed</b> & care"}), "x")

    window.map_view.select_subjects(["x_refund", "p_speed"])

    assert window.inspector.subject()[0] == "many"
    text = window.inspector.findChild(QLabel, "inspector_selection").text()
    assert "2 nodes" in text and "Refunds" in text and "<b>Speed</b> & care" in text
