"""Recovery that always starts (issue #18, items 4, 10 and 13): every entry of the
autosave folder is looked at on its own, a damaged copy gives way to its previous
version, a discarded copy is kept aside, and a full disk hides nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from workshop_app.fileformat import load_session
from workshop_app.ui.app import open_first_session
from workshop_app.ui.autosave import autosave_dir, find_recoverable
from workshop_app.ui.mainwindow import MainWindow

DIES_HOLDING_THE_LOCK = """
import os, sys
from workshop_app.fileformat.locking import FileLock
assert FileLock(sys.argv[1]).acquire() is None
os._exit(0)
"""


@pytest.fixture(autouse=True)
def session_text(window_session_file: Path) -> None:
    global SESSION_TEXT
    SESSION_TEXT = window_session_file.read_text(encoding="utf-8")


SESSION_TEXT = ""


def crashed_copy(folder: Path, ident: str, label: str, sidecar: dict[str, Any] | None) -> Path:
    """What a killed window left: its copy, the sidecar and the lock of a dead process."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / f"{ident}.yaml"
    copy.write_text(SESSION_TEXT.replace("label: Refunds", f"label: {label}"), encoding="utf-8")
    if sidecar is not None:
        (folder / f"{ident}.json").write_text(json.dumps(sidecar), encoding="utf-8")
    lock = str(folder / f"{ident}.lock")
    subprocess.run([sys.executable, "-c", DIES_HOLDING_THE_LOCK, lock], check=True)
    return copy


def start(qtbot: QtBot, path: Path | None = None) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    open_first_session(window, path)
    return window


def test_a_dangling_link_in_the_autosave_folder_does_not_stop_the_start(
    qtbot: QtBot, window_answers: Any, window_session_file: Path
) -> None:
    folder = autosave_dir()
    folder.mkdir(parents=True)
    (folder / "gone.yaml").symlink_to(folder / "nowhere.yaml")
    crashed_copy(folder, "good", "Credit notes", None)
    window_answers.recover = "later"

    window = start(qtbot, window_session_file)

    assert window.controller.path == window_session_file
    assert [r.ident for r in find_recoverable()] == ["good"]
    assert len(window_answers.questions("recover")) == 1
    [why] = (folder / "unreadable").glob("gone-*/why.txt")
    assert "cannot be read" in why.read_text(encoding="utf-8")


def test_sidecars_with_and_without_a_time_zone_sort_together(
    qtbot: QtBot, window_answers: Any
) -> None:
    folder = autosave_dir()
    crashed_copy(folder, "naive", "Older", {"original": None, "saved_at": "2026-12-01T09:00:00"})
    crashed_copy(
        folder, "aware", "Newer", {"original": None, "saved_at": "2026-12-02T09:00:00+00:00"}
    )
    window_answers.recover = "recover"

    window = start(qtbot)

    assert [r.ident for r in find_recoverable()] == ["naive"]  # the newer one was taken
    assert window.controller.session.label("x_refund") == "Newer"


def test_a_damaged_copy_gives_way_to_its_previous_version_once(
    qtbot: QtBot, window_answers: Any
) -> None:
    folder = autosave_dir()
    copy = crashed_copy(folder, "crashed", "Good before", None)
    copy.rename(folder / "crashed.yaml.bak")
    copy.write_text("format: workshop-session\nversion: 1\nnodes: [{id: x", encoding="utf-8")
    window_answers.recover = "later"

    start(qtbot)
    start(qtbot)

    questions = window_answers.questions("recover")
    assert len(questions) == 2  # the previous copy, asked again as "later" says
    [found] = find_recoverable()
    assert found.previous and found.session_file.name == "crashed.yaml.bak"
    [aside] = (folder / "unreadable").iterdir()
    assert sorted(p.name for p in aside.iterdir()) == ["crashed.yaml", "why.txt"]
    assert "is not valid YAML" in (aside / "why.txt").read_text(encoding="utf-8")

    window_answers.recover = "recover"
    window = start(qtbot)
    assert window.controller.session.label("x_refund") == "Good before"
    assert window.isWindowModified()


def test_discard_keeps_the_copy_and_its_backup_aside(qtbot: QtBot, window_answers: Any) -> None:
    folder = autosave_dir()
    copy = crashed_copy(folder, "crashed", "Credit notes", {"original": None})
    (folder / "crashed.yaml.bak").write_bytes(copy.read_bytes())
    window_answers.recover = "discard"

    start(qtbot)
    start(qtbot)

    assert len(window_answers.questions("recover")) == 1  # not asked again
    [kept] = (folder / "discarded").iterdir()
    names = sorted(p.name for p in kept.iterdir())
    assert names == ["crashed.json", "crashed.yaml", "crashed.yaml.bak"]
    assert load_session(kept / "crashed.yaml.bak").label("x_refund") == "Credit notes"


@pytest.fixture
def full_app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An autosave folder on a 64 KiB tmpfs (root on Linux only)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    command = ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)]
    if os.name != "posix" or os.geteuid() != 0 or subprocess.run(command).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root on Linux)")
    from workshop_app.ui import autosave

    monkeypatch.setattr(autosave, "autosave_dir", lambda: folder / "autosave")
    try:
        yield folder / "autosave"
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"x" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    with pytest.raises(OSError):  # not even an empty new file fits any more
        for number in range(10_000):
            (folder / f"probe{number}").write_bytes(b"x")


def test_on_a_full_disk_the_crashed_copy_is_still_offered_and_recovered(
    qtbot: QtBot, window_answers: Any, full_app_data: Path
) -> None:
    crashed_copy(full_app_data, "crashed", "Credit notes", {"original": None})
    _fill(full_app_data)
    window_answers.recover = "recover"

    window = start(qtbot)

    assert len(window_answers.questions("recover")) == 1
    assert window.controller.session.label("x_refund") == "Credit notes"
    assert find_recoverable() == []  # its lock is this window's now
