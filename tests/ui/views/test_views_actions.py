"""The actions table: add, edit (owner, due date as typed, status), remove, from a finding."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QStyleOptionViewItem

from workshop_app.analysis.measures import proposed_measure
from workshop_app.domain import InsertAction
from workshop_app.ui.views.actions import ActionsWidget, action_from_finding


@pytest.fixture
def actions(qtbot, views_controller) -> ActionsWidget:
    views_controller.execute(
        InsertAction(0, {"id": "a1", "text": "Write the refund limit down", "status": "open"}),
        "seed",
    )
    views_controller.undo_stack.clear()
    widget = ActionsWidget(views_controller)
    qtbot.addWidget(widget)
    return widget


def stored(controller, row: int = 0) -> dict:
    return controller.session.actions[row]


def edit_with_delegate(widget: ActionsWidget, row: int, column: int, change) -> None:
    """Open the column's editor as a double-click would, change it, and commit it."""
    index = widget.model.index(row, column)
    delegate = widget.table.itemDelegate()
    editor = delegate.createEditor(widget.table.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    change(editor)
    delegate.setModelData(editor, widget.model, index)
    editor.deleteLater()


def test_the_table_shows_text_owner_due_and_status(actions) -> None:
    model = actions.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Action", "Owner", "Due", "Status"]
    assert [model.index(0, c).data() for c in range(4)] == [
        "Write the refund limit down",
        "",
        "",
        "open",
    ]


def test_adding_and_removing_are_undoable(actions, views_controller) -> None:
    actions.add_action()
    assert actions.model.rowCount() == 2
    assert stored(views_controller, 1)["text"] == "New action"
    assert stored(views_controller, 1)["id"] == "a2"
    actions.table.setCurrentIndex(actions.model.index(0, 0))
    actions.remove_selected()
    assert [a["id"] for a in views_controller.session.actions] == ["a2"]
    views_controller.undo_stack.undo()
    views_controller.undo_stack.undo()
    assert [a["id"] for a in views_controller.session.actions] == ["a1"]
    assert actions.model.rowCount() == 1


def test_the_owner_is_a_role_picked_by_label_or_free_text(actions, views_controller) -> None:
    def pick_team_lead(combo: QComboBox) -> None:
        assert combo.isEditable()
        assert [combo.itemText(i) for i in range(combo.count())] == ["Agent", "Team lead"]
        combo.setCurrentIndex(combo.findText("Team lead"))

    edit_with_delegate(actions, 0, 1, pick_team_lead)
    assert stored(views_controller)["owner"] == "r_lead"
    assert actions.model.index(0, 1).data() == "Team lead"
    edit_with_delegate(actions, 0, 1, lambda combo: combo.setCurrentText("Works council"))
    assert stored(views_controller)["owner"] == "Works council"
    assert views_controller.undo_stack.count() == 2


def type_due_date(qtbot, widget: ActionsWidget, text: str) -> None:
    """Double-click the due date, type ``text`` over what is there, press Enter."""
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    index = widget.model.index(0, 2)
    widget.table.setCurrentIndex(index)
    widget.table.edit(index)
    qtbot.waitUntil(lambda: QApplication.focusWidget() not in (None, widget.table))
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor in a queued call.
    qtbot.waitUntil(lambda: widget.table.state() != QAbstractItemView.State.EditingState)


def test_a_due_date_typed_in_iso_is_taken_as_typed(actions, views_controller, qtbot) -> None:
    type_due_date(qtbot, actions, "2027-01-15")
    assert stored(views_controller)["due"] == "2027-01-15"
    assert actions.model.index(0, 2).data() == "1/15/2027"


def test_a_due_date_typed_the_german_way_is_taken_as_typed(
    actions, views_controller, views_german, qtbot
) -> None:
    type_due_date(qtbot, actions, "15.01.2027")
    assert stored(views_controller)["due"] == "2027-01-15"
    assert actions.model.index(0, 2).data() == "15.01.2027"


def test_a_due_date_typed_the_english_way_is_taken_as_typed(
    actions, views_controller, qtbot
) -> None:
    type_due_date(qtbot, actions, "1/15/2027")
    assert stored(views_controller)["due"] == "2027-01-15"


def test_a_due_date_that_is_no_date_is_refused_with_a_reason(
    actions, views_controller, qtbot
) -> None:
    with qtbot.waitSignal(views_controller.editRefused) as refused:
        type_due_date(qtbot, actions, "15/1/2027")
    assert "15/1/2027 is not a date" in refused.args[0]
    assert "due" not in stored(views_controller)
    assert views_controller.undo_stack.count() == 0


def test_the_status_is_chosen_from_a_list(actions, views_controller) -> None:
    def pick(combo: QComboBox) -> None:
        assert not combo.isEditable()
        combo.setCurrentIndex(combo.findText("in progress"))

    edit_with_delegate(actions, 0, 3, pick)
    assert stored(views_controller)["status"] == "in_progress"
    assert actions.model.index(0, 3).data() == "in progress"


def test_an_empty_text_is_refused(actions, views_controller, qtbot) -> None:
    with qtbot.waitSignal(views_controller.editRefused):
        actions.model.setData(actions.model.index(0, 0), "  ")
    assert stored(views_controller)["text"] == "Write the refund limit down"


def test_a_finding_becomes_a_measure_owned_by_the_accountable_role(
    actions, views_controller
) -> None:
    finding = next(
        f
        for f in views_controller.findings
        if (f.code, f.subjects) == ("no-good-enough", ("x_refund",))
    )
    row = actions.create_from_finding(finding)
    action = stored(views_controller, row)
    # What to do, not the problem restated.
    assert action["text"] == "Write down when a solution for “Refunds” is good enough"
    assert action["text"] != finding.message
    assert action["owner"] == "r_lead"
    assert action["status"] == "open"
    assert views_controller.undo_stack.count() == 1


def test_a_finding_without_any_role_near_it_leaves_the_owner_open(views_controller) -> None:
    finding = next(
        f
        for f in views_controller.findings
        if (f.code, f.subjects) == ("no-owner", ("x_complaints",))
    )
    action = action_from_finding(views_controller.session, finding)
    assert action["text"] == "Agree who is accountable for “Complaints”"
    assert "owner" not in action


def test_the_finding_menu_lists_only_open_findings(actions, views_controller) -> None:
    actions._fill_finding_menu()
    entries = [a.text() for a in actions.finding_menu.actions()]
    open_findings = [f for f in views_controller.findings if not f.accepted]
    assert len(entries) == len(open_findings) > 0
    actions.finding_menu.actions()[0].trigger()
    assert stored(views_controller, 1)["text"] == proposed_measure(
        views_controller.session, open_findings[0]
    )
