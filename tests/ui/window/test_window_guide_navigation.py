"""The guide is navigation, not an edit: Ctrl+Z rewinds the map, the phase is still saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workshop_app.fileformat import load_session
from workshop_app.ui.mainwindow import MainWindow


def test_ctrl_z_after_next_phase_rewinds_the_map_not_the_phase(
    qtbot: QtBot, window: MainWindow
) -> None:
    guide = window.facilitation.guide
    window.command("edit.add_priority").trigger()
    window.map_view.setFocus()
    nodes = window.controller.session.graph.number_of_nodes()
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert guide.index == 1

    window.map_view.setFocus()
    qtbot.keyClick(window.map_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.session.graph.number_of_nodes() == nodes - 1
    assert guide.index == 1
    assert window.controller.session.meta["phase"] == 1
    assert "phase" not in window.command("edit.undo").text().lower()


def test_a_phase_change_marks_the_window_unsaved_and_is_autosaved(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert not window.isWindowModified()
    window.facilitation.guide.next_phase()
    assert window.isWindowModified()
    assert window.autosaver.timer.isActive()
    window.autosaver.timer.stop()  # its time is up
    with qtbot.waitSignal(window.autosaver.written, timeout=5000):
        window.autosaver.write_now()
    # A later phase change with no edit in between is autosaved again.
    window.facilitation.guide.next_phase()
    assert window.autosaver.timer.isActive()
    with qtbot.waitSignal(window.autosaver.written, timeout=5000):
        window.autosaver.write_now()
    assert load_session(window.autosaver.session_file).meta["phase"] == 2


def test_saving_keeps_the_phase_and_leaves_the_window_saved(
    window: MainWindow, window_session_file: Path
) -> None:
    window.facilitation.guide.go_to(3)
    assert window.files.save()
    assert not window.isWindowModified()
    assert load_session(window_session_file).meta["phase"] == 3
