"""A small first session is on the map in the window's first frame; anything that
needs a word from the facilitator waits until the window is there to ask it."""

from __future__ import annotations

import select
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from workshop_app.fileformat import ahead
from workshop_app.fileformat.ahead import ReadAhead
from workshop_app.fileformat.locking import FileLock
from workshop_app.ui import app, file_questions, files
from workshop_app.ui.app import open_before_show, open_first_session
from workshop_app.ui.autosave import autosave_dir
from workshop_app.ui.mainwindow import MainWindow
from workshop_app.ui.settings import add_recent_file


@pytest.fixture
def unshown(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def locked_asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def ask_locked(_parent: object, name: str, _owner: object) -> str:
        asked.append(name)
        return "read_only"

    monkeypatch.setattr(file_questions, "ask_locked", ask_locked)
    return asked


def shown_nodes(window: MainWindow) -> set[str]:
    return set(window.map_view.scene().nodes)


def test_a_small_file_is_on_the_map_before_the_window_shows(
    unshown: MainWindow, window_answers: Any, window_session_file: Path
) -> None:
    assert open_before_show(unshown, window_session_file)

    assert not unshown.isVisible()
    assert shown_nodes(unshown) == {"p_speed", "r_lead", "r_team", "x_refund"}
    assert unshown.controller.path == window_session_file
    assert "small.yaml" in unshown.windowTitle() and not unshown.isWindowModified()
    assert window_answers.asked == []


def test_the_last_session_or_else_the_example_opens_before_the_window_shows(
    qtbot: QtBot, window_session_file: Path
) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    assert open_before_show(first, None)
    assert first.controller.session.meta["title"] == "Verantwortung im Kundenservice"
    assert first.controller.path is None
    first.files.close()

    add_recent_file(window_session_file)
    later = MainWindow()
    qtbot.addWidget(later)
    assert open_before_show(later, None)
    assert later.controller.path == window_session_file.resolve()


def test_a_larger_file_opens_once_the_window_is_there(
    unshown: MainWindow, window_session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "OPEN_BEFORE_SHOW_BYTES", window_session_file.stat().st_size - 1)

    assert not open_before_show(unshown, window_session_file)
    assert shown_nodes(unshown) == set() and unshown.controller.path is None

    open_first_session(unshown, window_session_file)
    assert len(shown_nodes(unshown)) == 4


def test_a_file_open_elsewhere_is_asked_about_with_the_window_there(
    unshown: MainWindow, window_session_file: Path, locked_asked: list[str]
) -> None:
    elsewhere = FileLock.beside(window_session_file)
    assert elsewhere.acquire() is None
    try:
        assert not open_before_show(unshown, window_session_file)
        assert locked_asked == [] and shown_nodes(unshown) == set()

        open_first_session(unshown, window_session_file)
        assert locked_asked == ["small.yaml"]
        assert "(read-only)" in unshown.windowTitle()
    finally:
        elsewhere.release()


def test_a_broken_file_is_explained_with_the_window_there(
    unshown: MainWindow, window_answers: Any, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: workshop-session\nversion: 99\n", encoding="utf-8")

    assert not open_before_show(unshown, broken)
    assert window_answers.asked == []

    open_first_session(unshown, broken)
    assert len(window_answers.questions("error")) == 1


def test_work_to_recover_is_offered_with_the_window_there(
    unshown: MainWindow, window_answers: Any, window_session_file: Path
) -> None:
    folder = autosave_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "crashed.yaml").write_text(
        window_session_file.read_text(encoding="utf-8"), encoding="utf-8"
    )

    assert not open_before_show(unshown, window_session_file)
    assert window_answers.asked == [] and shown_nodes(unshown) == set()

    window_answers.recover = "recover"
    open_first_session(unshown, window_session_file)
    assert len(window_answers.questions("recover")) == 1
    assert len(shown_nodes(unshown)) == 4


@pytest.fixture
def read_ahead(
    unshown: MainWindow, window_session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> ReadAhead:
    """The session file read in a child process while the window was built, as a large one is."""
    monkeypatch.setattr(ahead, "READ_AHEAD_FROM_BYTES", 0)
    started = ReadAhead.start(window_session_file)
    assert started is not None
    unshown.files.read_ahead = started
    return started


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="read ahead on Linux only")
def test_a_file_read_while_the_window_was_built_opens_without_reading_it_again(
    unshown: MainWindow,
    window_session_file: Path,
    read_ahead: ReadAhead,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def read_again(_path: object) -> None:
        raise AssertionError("read again")

    monkeypatch.setattr(files, "load_session_with_state", read_again)
    open_first_session(unshown, window_session_file)

    assert shown_nodes(unshown) == {"p_speed", "r_lead", "r_team", "x_refund"}
    assert unshown.controller.path == window_session_file and unshown.files.read_ahead is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="read ahead on Linux only")
def test_a_file_changed_while_the_window_was_built_opens_as_it_is_now(
    unshown: MainWindow, window_session_file: Path, read_ahead: ReadAhead
) -> None:
    select.select([read_ahead._pipe], [], [], 30)  # the child has read the file
    text = window_session_file.read_text(encoding="utf-8")
    window_session_file.write_text(text.replace("r_team", "r_crew2"), encoding="utf-8")

    open_first_session(unshown, window_session_file)

    assert shown_nodes(unshown) == {"p_speed", "r_lead", "r_crew2", "x_refund"}
