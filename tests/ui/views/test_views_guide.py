"""The guide dock: phases, guiding questions, the timebox; a phase change is navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from workshop_app.domain import SetMeta
from workshop_app.fileformat import load_session, save_session
from workshop_app.templates import load_template, session_from_template
from workshop_app.ui.controller import SessionController
from workshop_app.ui.views.guide import GuideWidget
from workshop_app.ui.views.timer import Timebox


@pytest.fixture
def guide_parts(qtbot, views_clock, views_english):
    controller = SessionController(session_from_template("customer-service-responsibility"))
    beeps: list[bool] = []
    guide = GuideWidget(controller, Timebox(clock=views_clock), signal=lambda: beeps.append(True))
    qtbot.addWidget(guide)
    return controller, guide, beeps


def test_the_first_phase_shows_its_questions_and_timebox(guide_parts) -> None:
    _controller, guide, _ = guide_parts
    phase = load_template("customer-service-responsibility").phases[0]
    assert guide.title_label.text() == phase.title
    assert phase.questions[0] in guide.questions_label.text()
    assert guide.clock_label.text() == f"{phase.minutes:02d}:00"
    assert guide.step_label.text().startswith("Phase 1 of 6")
    assert not guide.previous_button.isEnabled()


def test_next_phase_is_saved_in_the_session_but_is_no_undo_step(guide_parts, qtbot) -> None:
    controller, guide, _ = guide_parts
    controller.execute(SetMeta({"client": "Muster AG"}), "Edit client")
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert controller.session.meta["phase"] == 1
    assert guide.title_label.text() == guide.phases[1].title
    assert guide.clock_label.text() == f"{guide.phases[1].minutes:02d}:00"
    assert controller.undo_stack.count() == 1
    # Undo takes back the last edit, not the step through the agenda.
    controller.undo_stack.undo()
    assert "client" not in controller.session.meta
    assert controller.session.meta["phase"] == 1
    assert guide.title_label.text() == guide.phases[1].title


def test_a_phase_change_leaves_the_session_unsaved(guide_parts) -> None:
    controller, guide, _ = guide_parts
    assert controller.undo_stack.isClean()
    guide.next_phase()
    assert not controller.undo_stack.isClean()
    assert controller.undo_stack.count() == 0
    controller.undo_stack.setClean()  # saved
    controller.execute(SetMeta({"client": "Muster AG"}), "Edit client")
    guide.next_phase()
    controller.undo_stack.undo()
    # Back at the saved edits, but the phase moved on since: still unsaved.
    assert not controller.undo_stack.isClean()


def test_the_timer_keeps_running_across_phases_unless_reset(
    guide_parts, views_clock, qtbot
) -> None:
    _controller, guide, _ = guide_parts
    first, second = guide.phases[0].minutes, guide.phases[1].minutes
    guide.timebox.start()
    views_clock.advance(10 * 60)
    guide.next_phase()
    assert guide.timebox.running
    views_clock.advance(60)
    guide.timebox.tick()
    assert guide.clock_label.text() == f"{second - 1:02d}:00"
    # Back to the first phase: its time went on where it was left.
    guide.previous_phase()
    guide.timebox.tick()
    assert guide.timebox.running
    assert guide.clock_label.text() == f"{first - 10:02d}:00"
    qtbot.mouseClick(guide.reset_button, Qt.MouseButton.LeftButton)
    assert not guide.timebox.running
    assert guide.clock_label.text() == f"{first:02d}:00"


def test_a_paused_timer_stays_paused_in_the_next_phase(guide_parts, views_clock) -> None:
    _controller, guide, _ = guide_parts
    guide.timebox.start()
    views_clock.advance(60)
    guide.timebox.pause()
    guide.next_phase()
    assert not guide.timebox.running
    assert guide.clock_label.text() == f"{guide.phases[1].minutes:02d}:00"


def test_another_session_starts_its_first_phase_afresh(guide_parts, views_clock) -> None:
    controller, guide, _ = guide_parts
    guide.timebox.start()
    views_clock.advance(60)
    controller.replace_session(session_from_template("customer-service-responsibility"), None)
    assert not guide.timebox.running
    assert guide.clock_label.text() == f"{guide.phases[0].minutes:02d}:00"


def test_the_last_phase_has_no_next(guide_parts) -> None:
    _controller, guide, _ = guide_parts
    guide.go_to(len(guide.phases) - 1)
    assert not guide.next_button.isEnabled()
    guide.next_phase()
    assert guide.index == len(guide.phases) - 1


def test_the_timer_runs_on_the_clock_and_signals_gently_at_the_end(
    guide_parts, views_clock, qtbot
) -> None:
    _controller, guide, beeps = guide_parts
    qtbot.mouseClick(guide.start_button, Qt.MouseButton.LeftButton)
    assert guide.start_button.text() == "Pause"
    views_clock.advance(29 * 60 + 30)
    guide.timebox.tick()
    assert guide.clock_label.text() == "00:30"
    assert guide.clock_label.property("over") is False
    views_clock.advance(31)
    guide.timebox.tick()
    assert guide.clock_label.text() == "+00:01"
    assert guide.clock_label.property("over") is True
    assert beeps == [True]
    qtbot.mouseClick(guide.extend_button, Qt.MouseButton.LeftButton)
    assert guide.clock_label.text() == "04:59"
    assert guide.clock_label.property("over") is False
    qtbot.mouseClick(guide.reset_button, Qt.MouseButton.LeftButton)
    assert guide.clock_label.text() == "30:00"
    assert guide.start_button.text() == "Start"


def test_a_session_without_phases_follows_the_default_workshop(qtbot, views_controller) -> None:
    guide = GuideWidget(views_controller, Timebox(), signal=lambda: None)
    qtbot.addWidget(guide)
    assert (
        guide.title_label.text() == load_template("customer-service-responsibility").phases[0].title
    )
    guide.next_phase()
    assert views_controller.session.meta["phase"] == 1
    assert "phases" not in views_controller.session.meta


def test_the_phase_survives_save_and_load(guide_parts, tmp_path: Path, qtbot) -> None:
    controller, guide, _ = guide_parts
    guide.go_to(3)
    save_session(controller.session, tmp_path / "w.yaml")
    controller.replace_session(load_session(tmp_path / "w.yaml"), tmp_path / "w.yaml")
    assert guide.index == 3
    assert guide.title_label.text() == guide.phases[3].title


def test_the_agenda_lists_every_phase_and_jumps_on_click(guide_parts, qtbot) -> None:
    controller, guide, _ = guide_parts
    assert guide.agenda.count() == 6
    assert guide.agenda_label.text() == "Agenda · 170 min"
    item = guide.agenda.item(4)
    assert item.text().startswith("5. Good enough")
    qtbot.mouseClick(
        guide.agenda.viewport(),
        Qt.MouseButton.LeftButton,
        pos=guide.agenda.visualItemRect(item).center(),
    )
    assert controller.session.meta["phase"] == 4
    assert guide.title_label.text() == guide.phases[4].title


def test_questions_from_a_file_show_as_written_not_as_markup(qtbot, views_controller) -> None:
    views_controller.session.meta["phases"] = [
        {"title": "Check", "minutes": 5, "questions": ["Is <b>this</b> & that clear?"]}
    ]
    guide = GuideWidget(views_controller, Timebox(), signal=lambda: None)
    qtbot.addWidget(guide)
    assert "Is &lt;b&gt;this&lt;/b&gt; &amp; that clear?" in guide.questions_label.text()
