"""Two editors of one session file never overwrite each other's work silently
(issue #18, item 1): a file changed on disk is not saved over without asking, a
second window or instance respects the first one's lock, a dead one's lock is
taken over without a word."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from workshop_app.domain import SetNodeFields
from workshop_app.fileformat import load_session
from workshop_app.fileformat.locking import FileLock, LockOwner, lock_path
from workshop_app.ui import file_questions
from workshop_app.ui.mainwindow import MainWindow


class Asked:
    """Answers to the two file questions, and what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.locked = "read_only"
        self.changed = "cancel"
        self.log: list[tuple[str, Any]] = []

        def locked(_parent: object, name: str, owner: LockOwner) -> str:
            self.log.append(("locked", (name, owner)))
            return self.locked

        def changed(_parent: object, name: str, *, can_compare: bool) -> str:
            self.log.append(("changed", (name, can_compare)))
            return self.changed

        monkeypatch.setattr(file_questions, "ask_locked", locked)
        monkeypatch.setattr(file_questions, "ask_changed_on_disk", changed)

    def asked(self, name: str) -> list[Any]:
        return [detail for asked, detail in self.log if asked == name]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    return Asked(monkeypatch)


def rename(window: MainWindow, label: str) -> None:
    assert window.controller.execute(SetNodeFields("x_refund", {"label": label}), "rename")


def someone_else_saves(path: Path, label: str) -> None:
    """A sync client or a colleague replaces the file with other content."""
    text = path.read_text(encoding="utf-8").replace("label: Refunds", f"label: {label}")
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("answer", ["cancel", "overwrite", "copy"])
def test_a_file_changed_on_disk_is_not_saved_over_without_asking(
    window: MainWindow,
    window_answers: Any,
    window_session_file: Path,
    asked: Asked,
    tmp_path: Path,
    answer: str,
) -> None:
    rename(window, "Credit notes")
    someone_else_saves(window_session_file, "Returns (from the colleague)")
    asked.changed = answer
    window_answers.save_paths = [tmp_path / "my copy.yaml"]

    saved = window.files.save()

    assert asked.asked("changed") == [("small.yaml", True)]
    on_disk = load_session(window_session_file).label("x_refund")
    if answer == "cancel":
        assert not saved and window.isWindowModified()
        assert on_disk == "Returns (from the colleague)"
    elif answer == "overwrite":
        assert saved and on_disk == "Credit notes"
    else:
        assert saved and on_disk == "Returns (from the colleague)"
        assert load_session(tmp_path / "my copy.yaml").label("x_refund") == "Credit notes"
        assert window.controller.path == tmp_path / "my copy.yaml"


def test_compare_shows_the_file_on_disk_against_the_window(
    window: MainWindow, window_session_file: Path, asked: Asked
) -> None:
    rename(window, "Credit notes")
    someone_else_saves(window_session_file, "Returns")
    asked.changed = "compare"

    assert not window.files.save()

    assert window.comparison.active
    assert window.comparison.earlier_session.label("x_refund") == "Returns"
    assert load_session(window_session_file).label("x_refund") == "Returns"
    assert window.isWindowModified()


def test_the_same_bytes_written_again_are_no_change(
    window: MainWindow, window_session_file: Path, asked: Asked
) -> None:
    rename(window, "Credit notes")
    content = window_session_file.read_bytes()
    window_session_file.write_bytes(content)  # a sync client touching the file
    os.utime(window_session_file, (1, 1))
    assert window.files.save()
    assert asked.log == []
    rename(window, "Vouchers")  # and the state after our own save is known too
    assert window.files.save()
    assert asked.log == []


def test_a_second_window_finds_the_lock_and_opens_read_only(
    qtbot: QtBot, window: MainWindow, window_answers: Any, window_session_file: Path,
    asked: Asked, tmp_path: Path,
) -> None:  # fmt: skip
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.files.open_path(window_session_file)

    [(name, owner)] = asked.asked("locked")
    assert name == "small.yaml" and owner.pid == os.getpid()
    assert file_questions.describe_owner(owner) == "another window of this app"
    assert "(read-only)" in second.windowTitle()

    rename(second, "Credit notes")
    window_answers.save_paths = [tmp_path / "second.yaml"]
    assert second.files.save()
    assert [q[1:] for q in window_answers.questions("save_path")]  # asked where
    assert load_session(window_session_file).label("x_refund") == "Refunds"
    assert load_session(tmp_path / "second.yaml").label("x_refund") == "Credit notes"


def test_cancel_leaves_the_second_window_as_it_was(
    qtbot: QtBot, window: MainWindow, window_session_file: Path, asked: Asked
) -> None:
    second = MainWindow()
    qtbot.addWidget(second)
    second.files.new_session()
    asked.locked = "cancel"
    assert not second.files.open_path(window_session_file)
    assert second.controller.path is None


def test_opened_anyway_the_later_save_asks_before_overwriting(
    qtbot: QtBot, window: MainWindow, window_session_file: Path, asked: Asked
) -> None:
    asked.locked = "anyway"
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.files.open_path(window_session_file)
    rename(window, "From the first window")
    assert window.files.save()
    rename(second, "From the second window")

    assert not second.files.save()  # asked, and cancelled

    assert asked.asked("changed") == [("small.yaml", True)]
    assert load_session(window_session_file).label("x_refund") == "From the first window"


def test_save_as_does_not_write_over_a_file_another_window_holds(
    qtbot: QtBot, window: MainWindow, window_answers: Any, window_session_file: Path
) -> None:
    second = MainWindow()
    qtbot.addWidget(second)
    second.files.new_session()
    window_answers.save_paths = [window_session_file]
    assert not second.files.save_as()
    [(_title, message)] = window_answers.questions("error")
    assert "is open elsewhere (another window of this app)" in message
    assert load_session(window_session_file).label("x_refund") == "Refunds"


HOLD_THE_LOCK = """
import sys, time
from workshop_app.fileformat.locking import FileLock
lock = FileLock.beside(sys.argv[1])
assert lock.acquire() is None
print("locked", flush=True)
time.sleep(60)
"""


def test_another_instance_is_named_and_its_dead_lock_is_taken_over_silently(
    qtbot: QtBot, window_session_file: Path, asked: Asked
) -> None:
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(window_session_file)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == "locked\n"
        first = MainWindow()
        qtbot.addWidget(first)
        assert first.files.open_path(window_session_file)
        [(_name, owner)] = asked.asked("locked")
        assert owner.pid == other.pid and owner.is_here() and owner.user
    finally:
        other.kill()
        other.wait()
        other.stdout.close()
    assert os.path.exists(lock_path(window_session_file))  # killed: it could not clean up

    second = MainWindow()
    qtbot.addWidget(second)
    assert second.files.open_path(window_session_file)
    assert len(asked.asked("locked")) == 1  # no question for the dead one's lock
    assert FileLock.beside(window_session_file).probe().pid == os.getpid()  # ours now


def test_closing_the_window_frees_the_file(
    qtbot: QtBot, window: MainWindow, window_answers: Any, window_session_file: Path
) -> None:
    assert os.path.exists(lock_path(window_session_file))
    window.close()
    assert not os.path.exists(lock_path(window_session_file))
