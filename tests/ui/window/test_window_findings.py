"""The findings dock is live: it follows the map, and the group's reviews are undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_support import finding_rows, group_texts, shown_findings

from workshop_app import vocabulary
from workshop_app.analysis import Finding
from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, SetNodeFields
from workshop_app.ui.mainwindow import MainWindow


def _add_responsibility(window: MainWindow) -> str:
    window.command("edit.add_responsibility").trigger()
    (node_id,) = window.map_view.selected_nodes()
    return node_id


def test_a_new_responsibility_shows_up_without_an_owner(window: MainWindow) -> None:
    assert shown_findings(window) == []
    assert "0 points to settle" in window.summary.text()

    node_id = _add_responsibility(window)

    assert ("no-owner", (node_id,), False) in shown_findings(window)
    assert group_texts(window)[0].endswith("To be settled: 1 open")
    assert "1 point to settle," in window.summary.text()
    window.command("edit.undo").trigger()
    assert shown_findings(window) == []


def test_selecting_a_finding_selects_its_subjects_on_the_map(
    qtbot: QtBot, window: MainWindow
) -> None:
    node_id = _add_responsibility(window)
    window.map_view.select_subjects([])
    dock = window.findings_dock

    assert dock.select_finding("no-priority", [node_id])

    assert window.map_view.selected_nodes() == [node_id]
    assert window.inspector.subject() == ("node", node_id)


def test_accepting_a_finding_stores_the_review_and_shows_it_accepted(
    qtbot: QtBot, window: MainWindow, window_answers
) -> None:
    node_id = _add_responsibility(window)
    dock = window.findings_dock
    dock.select_finding("no-owner", [node_id])
    window_answers.accept_note = "owner is named next week"

    qtbot.mouseClick(dock.accept_button, Qt.MouseButton.LeftButton)

    review = window.controller.session.review_for("no-owner", [node_id])
    assert review == {
        "code": "no-owner",
        "subjects": [node_id],
        "status": "accepted",
        "note": "owner is named next week",
    }
    assert ("no-owner", (node_id,), True) in shown_findings(window)
    item = dock.tree.currentItem()
    assert item.text(0).startswith("✓") and "owner is named next week" in item.text(0)
    assert group_texts(window)[0].endswith("To be settled: 0 open, 1 accepted")
    assert "0 points to settle" in window.summary.text()
    assert not dock.accept_button.isEnabled() and dock.reopen_button.isEnabled()

    qtbot.mouseClick(dock.reopen_button, Qt.MouseButton.LeftButton)
    assert window.controller.session.review_for("no-owner", [node_id]) is None
    assert ("no-owner", (node_id,), False) in shown_findings(window)
    window.command("edit.undo").trigger()
    assert window.controller.session.review_for("no-owner", [node_id]) is not None


def test_cancelling_the_note_accepts_nothing(
    qtbot: QtBot, window: MainWindow, window_answers
) -> None:
    node_id = _add_responsibility(window)
    window.findings_dock.select_finding("no-owner", [node_id])
    window_answers.accept_note = None
    steps = window.controller.undo_stack.count()

    window.findings_dock.accept_current()

    assert window.controller.session.reviews == []
    assert window.controller.undo_stack.count() == steps


def test_the_selected_finding_stays_selected_while_the_map_changes(window: MainWindow) -> None:
    node_id = _add_responsibility(window)
    dock = window.findings_dock
    dock.select_finding("no-owner", [node_id])

    # A new finding appears above and an existing one changes its text.
    window.controller.execute(AddNode("x_other", NodeKind.RESPONSIBILITY, "Other"), "add")
    window.controller.execute(SetNodeFields(node_id, {"label": "Vouchers"}), "rename")

    current = dock.current_finding()
    assert current is not None and (current.code, current.subjects) == ("no-owner", (node_id,))
    assert "Vouchers" in dock.tree.currentItem().text(0)


def test_the_findings_list_works_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, window_answers
) -> None:
    node_id = _add_responsibility(window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the new node's label
    window.command("view.go_findings").trigger()
    dock = window.findings_dock
    assert dock.tree.hasFocus()

    assert dock.tree.currentItem().text(0).endswith("To be settled: 1 open")
    qtbot.keyClick(dock.tree, Qt.Key.Key_Down)
    finding = dock.current_finding()
    assert finding is not None and finding.subjects == (node_id,)
    assert window.map_view.selected_nodes() == [node_id]

    qtbot.keyClick(dock.tree, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)

    # A button's mnemonic "clicks" it visibly: the click arrives a moment later.
    qtbot.waitUntil(lambda: bool(window.controller.session.reviews), timeout=1000)
    assert [(r["code"], r["subjects"]) for r in window.controller.session.reviews] == [
        (finding.code, [node_id])
    ]


def test_the_list_matches_the_analysis_after_edits_that_add_and_remove_findings_amid_others(
    window: MainWindow,
) -> None:
    # Findings come and go in the middle of a group: the rows that stay are
    # kept, new ones are put in their place; the list reads as if built anew.
    controller = window.controller
    for index in range(6):
        controller.execute(AddNode(f"r{index}", NodeKind.RESPONSIBILITY, f"Task {index}"), "add")
    controller.execute(AddNode("lead", NodeKind.ROLE, "Lead"), "add")
    window.findings_dock.select_finding("no-owner", ["r4"])

    def listed() -> list[tuple[str, tuple[str, ...], bool, str]]:
        rows = finding_rows(window)
        return [
            (*shown, row.text(0)) for shown, row in zip(shown_findings(window), rows, strict=True)
        ]

    def analysed() -> list[tuple[str, tuple[str, ...], bool, str]]:
        return [
            (f.code, f.subjects, f.accepted, f.message)
            for f in sorted(controller.findings, key=Finding.sort_key)
        ]

    for owned in ("r2", "r0", "r5"):
        controller.execute(AddEdge("lead", owned, EdgeKind.ACCOUNTABLE), "own")
        assert listed() == analysed()
    assert ("no-owner", ("r2",), False) not in shown_findings(window)
    for _ in range(3):
        window.command("edit.undo").trigger()
        assert listed() == analysed()
    assert ("no-owner", ("r2",), False) in shown_findings(window)
    assert window.findings_dock.current_finding().subjects == ("r4",)


def test_an_accepted_finding_reads_ticked_and_dimmed_and_an_edit_leaves_the_rows(
    window: MainWindow,
) -> None:
    controller = window.controller
    for index in range(1, 4):
        controller.execute(AddNode(f"x{index}", NodeKind.RESPONSIBILITY, f"Task {index}"), "add")
    dock = window.findings_dock
    assert dock.select_finding("no-owner", ["x2"])
    dock.accept_current()  # the group's note: "agreed in the workshop"
    message = dock.current_finding().message
    accepted = dock.tree.currentItem()
    others = [row for row in finding_rows(window) if row is not accepted]

    assert accepted.text(0) == f"✓ {message}\nAccepted: agreed in the workshop"
    assert accepted.toolTip(0) == "no-owner: x2\nAccepted: agreed in the workshop"
    assert accepted.foreground(0).color() == QColor(vocabulary.DETAIL_INK)
    # The view paints what its model answers: the same ink, through Qt's own path.
    ink = dock.tree.indexFromItem(accepted).data(Qt.ItemDataRole.ForegroundRole)
    assert ink.color() == QColor(vocabulary.DETAIL_INK)
    assert others
    for row in others:
        finding = row.data(0, Qt.ItemDataRole.UserRole)
        assert row.text(0) == finding.message and not finding.accepted
        assert row.toolTip(0) == f"{finding.code}: {', '.join(finding.subjects)}"
        assert row.foreground(0).style() == Qt.BrushStyle.NoBrush  # the list's own ink
    before = [row.text(0) for row in finding_rows(window)]

    controller.execute(AddNode("x4", NodeKind.RESPONSIBILITY, "Task 4"), "add")

    added = [f.message for f in controller.findings if f.subjects == ("x4",)]
    after = [row.text(0) for row in finding_rows(window)]
    assert added and sorted(after) == sorted(before + added)
    assert [text for text in after if text not in added] == before
    assert dock.tree.currentItem() is accepted
    assert dock.current_finding().key == ("no-owner", ("x2",))
    assert accepted.text(0) == f"✓ {message}\nAccepted: agreed in the workshop"


def test_an_accepted_findings_verdict_follows_the_window_into_another_language(
    window: MainWindow,
) -> None:
    window.controller.execute(AddNode("x1", NodeKind.RESPONSIBILITY, "Task 1"), "add")
    dock = window.findings_dock
    assert dock.select_finding("no-owner", ["x1"])
    dock.accept_current()  # the group's note: "agreed in the workshop"
    accepted = dock.tree.currentItem()

    window.command("settings.language_de").trigger()
    assert accepted.text(0).endswith("\nAkzeptiert: agreed in the workshop")
    assert accepted.toolTip(0).endswith("\nAkzeptiert: agreed in the workshop")

    window.command("settings.language_en").trigger()
    assert accepted.text(0).endswith("\nAccepted: agreed in the workshop")
