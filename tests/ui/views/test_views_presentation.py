"""Presentation mode: large type, no editing chrome, a clicker walks the open findings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit, QPushButton, QToolBar
from views_support import StandInMap

from workshop_app.domain import SetNodeFields
from workshop_app.ui.views.presentation import MIN_POINT_SIZE, PresentationWindow, point_size_for
from workshop_app.ui.views.timer import Timebox


@pytest.fixture
def presentation(qtbot, views_controller, views_clock) -> PresentationWindow:
    window = PresentationWindow(views_controller, StandInMap, Timebox(600, views_clock))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def open_findings(controller):
    return [f for f in controller.findings if not f.accepted]


def test_type_is_at_least_18_points_at_1920_by_1080(presentation) -> None:
    assert point_size_for(1080) >= MIN_POINT_SIZE
    assert point_size_for(2160) > point_size_for(1080)
    presentation.apply_scale(1080)
    texts = (
        presentation.panel.findChildren(QLabel)
        + presentation.panel.findChildren(QPushButton)
        + presentation.panel.findChildren(QLineEdit)
    )
    assert len(texts) >= 10
    assert min(w.font().pointSize() for w in texts) >= MIN_POINT_SIZE
    assert presentation.message_label.font().pointSize() > MIN_POINT_SIZE


def test_no_editing_chrome_and_the_map_in_presentation_style(presentation) -> None:
    assert presentation.findChildren(QToolBar) == []
    assert presentation.findChildren(QDockWidget) == []
    assert presentation.map_view.presenting


def test_the_clicker_walks_the_open_findings_selecting_their_subjects(
    presentation, views_controller, qtbot
) -> None:
    findings = open_findings(views_controller)
    assert presentation.message_label.text() == findings[0].message
    assert presentation.map_view.selected == list(findings[0].subjects)
    assert presentation.position_label.text() == f"Finding 1 of {len(findings)}"
    qtbot.keyClick(presentation, Qt.Key.Key_PageDown)
    assert presentation.message_label.text() == findings[1].message
    assert presentation.map_view.selected == list(findings[1].subjects)
    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    assert presentation.position == 2
    qtbot.keyClick(presentation, Qt.Key.Key_PageUp)
    qtbot.keyClick(presentation, Qt.Key.Key_Left)
    qtbot.keyClick(presentation, Qt.Key.Key_Left)
    assert presentation.position == 0


def test_accepting_with_a_note_records_the_review_and_shows_the_next(
    presentation, views_controller, qtbot
) -> None:
    first, second = open_findings(views_controller)[:2]
    presentation.note_edit.setText("agreed until Q2")
    qtbot.mouseClick(presentation.accept_button, Qt.MouseButton.LeftButton)
    review = views_controller.session.review_for(first.code, first.subjects)
    assert review == {
        "code": first.code,
        "subjects": list(first.subjects),
        "status": "accepted",
        "note": "agreed until Q2",
    }
    assert presentation.message_label.text() == second.message
    assert presentation.note_edit.text() == ""
    views_controller.undo_stack.undo()
    assert views_controller.session.review_for(first.code, first.subjects) is None


def test_keeping_open_moves_on_and_keeps_a_note_only_if_given(
    presentation, views_controller, qtbot
) -> None:
    first = open_findings(views_controller)[0]
    qtbot.mouseClick(presentation.keep_button, Qt.MouseButton.LeftButton)
    assert presentation.position == 1
    assert views_controller.session.reviews == []
    presentation.previous_finding()
    presentation.note_edit.setText("ask the works council")
    presentation.keep_open()
    review = views_controller.session.review_for(first.code, first.subjects)
    assert review["status"] == "open" and review["note"] == "ask the works council"
    assert len(open_findings(views_controller)) == len(views_controller.findings)


def _go_to(presentation, code: str, subjects: tuple[str, ...]) -> None:
    while (presentation.current().code, presentation.current().subjects) != (code, subjects):
        presentation.next_finding()


def test_a_finding_becomes_a_measure_with_its_owner_during_the_walk(
    presentation, views_controller
) -> None:
    _go_to(presentation, "no-good-enough", ("x_refund",))
    assert presentation.owner_edit.currentText() == "Team lead"
    presentation.create_action()
    action = views_controller.session.actions[-1]
    assert action["text"] == "Write down when a solution for “Refunds” is good enough"
    assert action["owner"] == "r_lead"
    assert "Team lead" in presentation.feedback_label.text()
    assert action["text"] in presentation.feedback_label.text()


def test_the_group_names_another_owner_before_the_action_is_made(
    presentation, views_controller
) -> None:
    _go_to(presentation, "no-owner", ("x_complaints",))
    assert presentation.owner_edit.currentText() == ""
    presentation.owner_edit.setCurrentText("Agent")
    presentation.create_action()
    assert views_controller.session.actions[-1]["owner"] == "r_agent"
    presentation.next_finding()
    presentation.previous_finding()
    assert presentation.owner_edit.currentText() == ""


def test_when_all_are_accepted_the_panel_says_so(presentation, views_controller) -> None:
    while presentation.current() is not None:
        presentation.accept()
    assert presentation.position_label.text() == "No open findings"
    assert not presentation.accept_button.isEnabled()
    assert presentation.map_view.selected == []


def test_the_shared_timebox_shows_in_the_corner(presentation, views_clock) -> None:
    presentation.timebox.start()
    views_clock.advance(61)
    presentation.timebox.tick()
    assert presentation.clock_label.text() == "08:59"


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_F11])
def test_escape_or_f11_leaves(presentation, qtbot, key) -> None:
    with qtbot.waitSignal(presentation.closed, timeout=1000):
        qtbot.keyClick(presentation, key)
    assert not presentation.isVisible()


def test_each_finding_comes_with_a_question_for_the_group(presentation, views_controller) -> None:
    while presentation.current().code != "no-owner":
        presentation.next_finding()
    assert presentation.question_label.text() == (
        "Who answers for this, and who decides when it goes wrong?"
    )
    assert presentation.question_caption.isVisibleTo(presentation)


def test_in_german_the_walk_speaks_german(qtbot, views_german, views_controller) -> None:
    window = PresentationWindow(views_controller, StandInMap)
    qtbot.addWidget(window)
    assert window.position_label.text().startswith("Befund 1 von ")
    assert window.accept_button.text() == "Akzeptieren"
    assert window.subjects_label.text().startswith("Betrifft: „")


def test_moving_nodes_does_not_make_the_map_jump_back(presentation, views_controller) -> None:
    before = presentation.map_view.selections
    views_controller.execute(SetNodeFields("r_agent", {"position": [40.0, 80.0]}), "move")
    views_controller.execute(SetNodeFields("r_agent", {"position": [50.0, 90.0]}), "move")
    assert presentation.map_view.selections == before


def _texts(presentation) -> list:
    panel = presentation.panel
    return [
        w
        for w in panel.findChildren(QLabel) + panel.findChildren(QPushButton)
        if w.isVisible() and w.text()
    ]


def _clipped(presentation) -> list[str]:
    """The visible labels shorter than their wrapped text needs."""
    return [
        label.text()[:30]
        for label in presentation.panel.findChildren(QLabel)
        if label.isVisible()
        and label.wordWrap()
        and label.height() < label.heightForWidth(label.width())
    ]


def test_at_720p_the_finding_fits_without_clipping(presentation, qtbot) -> None:
    presentation.resize(1280, 720)
    presentation.apply_scale(720)
    qtbot.wait(20)
    assert _clipped(presentation) == []
    assert min(w.font().pointSize() for w in _texts(presentation)) >= MIN_POINT_SIZE
    assert not presentation.scroll.verticalScrollBar().isVisible()


def test_text_too_long_for_18_points_scrolls_instead_of_being_cut(
    presentation, views_controller, qtbot
) -> None:
    first = open_findings(views_controller)[0]
    views_controller.execute(
        SetNodeFields(first.subjects[0], {"label": "Sehr lange Bezeichnung " * 40}), "long"
    )
    presentation.resize(1280, 720)
    presentation.apply_scale(720)
    qtbot.wait(20)
    assert _clipped(presentation) == []
    assert {w.font().pointSize() for w in _texts(presentation)} == {MIN_POINT_SIZE}
    qtbot.waitUntil(presentation.scroll.verticalScrollBar().isVisible)
