"""Autosave and recovery: a crash loses at most the last half minute of a workshop."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QStandardPaths, QTimer
from pytestqt.qtbot import QtBot

from workshop_app.domain import SetNodeFields
from workshop_app.fileformat import load_session
from workshop_app.ui import autosave
from workshop_app.ui.app import open_first_session
from workshop_app.ui.autosave import AUTOSAVE_DELAY_MS, autosave_dir, find_recoverable
from workshop_app.ui.mainwindow import MainWindow


def _rename(window: MainWindow, label: str) -> None:
    window.controller.execute(SetNodeFields("x_refund", {"label": label}), "rename")


def _fire(timer: QTimer) -> None:
    """What a single-shot timer does when its time is up, without waiting for it."""
    timer.stop()
    timer.timeout.emit()


def _crashed_run(edit: Callable[[MainWindow], None], path: Path | None = None) -> None:
    """A run that edits, autosaves and vanishes without closing (no question, no clean-up)."""
    window = MainWindow()
    if path is not None:
        window.files.open_path(path)
    edit(window)
    _fire(window.autosaver.timer)
    window.autosaver.wait()
    shiboken6.delete(window)
    del window
    gc.collect()


def test_autosave_lives_in_the_app_data_folder_not_in_temp() -> None:
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert autosave_dir() == Path(data) / "autosave"


def test_the_first_change_starts_the_timer_and_a_save_removes_the_copy(
    qtbot: QtBot, window: MainWindow
) -> None:
    timer = window.autosaver.timer
    assert not timer.isActive()
    _rename(window, "Credit notes")
    assert timer.isActive() and timer.interval() == AUTOSAVE_DELAY_MS

    with qtbot.waitSignal(window.autosaver.written, timeout=5000):
        _fire(timer)
    assert not timer.isActive()  # the next change starts it again
    _rename(window, "Vouchers")
    assert timer.isActive()
    with qtbot.waitSignal(window.autosaver.written, timeout=5000):
        _fire(timer)

    copy = window.autosaver.session_file
    assert load_session(copy).label("x_refund") == "Vouchers"
    window.command("file.save").trigger()
    assert not timer.isActive()
    assert [p.suffix for p in autosave_dir().iterdir()] == [".lock"]  # held by the window


def test_a_crashed_session_is_offered_and_comes_back_unsaved(
    qtbot: QtBot, window_answers, window_session_file: Path
) -> None:
    _crashed_run(lambda crashed: _rename(crashed, "Credit notes"), window_session_file)

    window_answers.recover = "recover"
    window = MainWindow()
    qtbot.addWidget(window)
    open_first_session(window, None)

    ((when, original),) = window_answers.questions("recover")
    assert original == str(window_session_file.resolve()) and when
    assert window.controller.session.label("x_refund") == "Credit notes"
    assert window.isWindowModified()
    assert window.controller.path == window_session_file.resolve()
    assert load_session(window_session_file).label("x_refund") == "Refunds"

    window.command("file.save").trigger()
    assert load_session(window_session_file).label("x_refund") == "Credit notes"
    assert find_recoverable() == [] and list(autosave_dir().glob("*.yaml")) == []


def test_a_recovered_session_that_was_never_saved_asks_where_to_save(
    qtbot: QtBot, window_answers, tmp_path: Path
) -> None:
    _crashed_run(lambda crashed: crashed.command("edit.add_guardrail").trigger())

    window_answers.recover = "recover"
    window_answers.save_paths = [tmp_path / "rescued.yaml"]
    window = MainWindow()
    qtbot.addWidget(window)
    open_first_session(window, None)

    assert window.controller.path is None and window.isWindowModified()
    assert window.files.save()
    assert load_session(tmp_path / "rescued.yaml").graph.number_of_nodes() == 1


def test_declining_keeps_or_discards_the_copy_as_asked(
    qtbot: QtBot, window_answers, window_session_file: Path
) -> None:
    _crashed_run(lambda crashed: _rename(crashed, "Credit notes"), window_session_file)

    window_answers.recover = "later"
    later = MainWindow()
    qtbot.addWidget(later)
    open_first_session(later, window_session_file)
    assert later.controller.session.label("x_refund") == "Refunds"
    assert len(find_recoverable()) == 1

    window_answers.recover = "discard"
    discarded = MainWindow()
    qtbot.addWidget(discarded)
    open_first_session(discarded, window_session_file)
    assert find_recoverable() == []


def test_the_copy_of_a_running_window_is_not_offered(
    window: MainWindow, qtbot: QtBot, window_answers
) -> None:
    _rename(window, "Credit notes")
    with qtbot.waitSignal(window.autosaver.written, timeout=5000):
        window.autosaver.write_now()

    assert find_recoverable() == []
    window_answers.unsaved = "discard"
    window.close()
    assert not window.autosaver.session_file.exists()


def test_an_unwritable_autosave_folder_is_reported_at_once_and_retried(
    qtbot: QtBot,
    window: MainWindow,
    window_answers,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(autosave, "autosave_dir", lambda: blocker / "autosave")

    _rename(window, "Credit notes")

    assert "Autosave failed" in window.statusBar().currentMessage()
    assert [title for title, _text in window_answers.questions("show_passing")] == [
        "Autosave does not work"
    ]
    _fire(window.autosaver.timer)
    assert window.autosaver.timer.isActive()  # it keeps trying
    assert len(window_answers.questions("show_passing")) == 1  # but warns once

    monkeypatch.setattr(autosave, "autosave_dir", lambda: tmp_path / "autosave")
    with qtbot.waitSignal(window.autosaver.written, timeout=5000):
        _fire(window.autosaver.timer)
    assert window.statusBar().currentMessage() == "Autosave works again."
    assert load_session(window.autosaver.session_file).label("x_refund") == "Credit notes"


def test_a_lock_left_by_a_dead_process_does_not_hide_its_copy(window_session_file: Path) -> None:
    folder = autosave_dir()
    folder.mkdir(parents=True)
    (folder / "crashed.yaml").write_bytes(window_session_file.read_bytes())
    dies_holding_the_lock = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)\n"
        "assert lock.tryLock(0)\n"
        "os._exit(0)\n"
    )
    subprocess.run(
        [sys.executable, "-c", dies_holding_the_lock, str(folder / "crashed.lock")], check=True
    )
    assert (folder / "crashed.lock").exists()

    (found,) = find_recoverable()

    assert found.ident == "crashed" and found.original is None
