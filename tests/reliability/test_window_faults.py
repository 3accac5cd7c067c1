"""The window under faults: a save that fails, autosave that cannot write, a failing slot.

Every question the window asks goes through :mod:`workshop_app.ui.dialogs`;
``reliability_dialogs`` answers them and records what was asked, so no modal
box blocks a test. Full disks and read-only folders are real where a tmpfs
can be mounted (root on Linux) and injected errors elsewhere.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from workshop_app.domain import AddNode, NodeKind, SetNodeFields
from workshop_app.fileformat import load_session
from workshop_app.ui import autosave, dialogs
from workshop_app.ui.app import install_excepthook
from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.mainwindow import MainWindow

SESSION = """\
format: workshop-session
version: 1
meta: {title: Kundenservice, language: de}
nodes:
  - {id: p1, kind: priority, label: Erstlösung, rank: 1}
  - {id: r1, kind: role, label: Servicekraft, load: 60}
edges:
  - {source: r1, target: p1, kind: accountable}
"""


@dataclass
class Dialogs:
    """What the window asked or showed, and the facilitator's answers."""

    save_as_after_failure: bool = False
    save_paths: list[Path] = field(default_factory=list)
    asked: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)

    def shown(self, name: str) -> list[tuple[Any, ...]]:
        return [details for asked, details in self.asked if asked == name]


@pytest.fixture
def reliability_dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    answers = Dialogs()
    set_ui_language("en")

    def record(name: str, answer: Callable[[], Any]) -> Callable[..., Any]:
        def ask(_parent: object, *details: Any, **_options: Any) -> Any:
            answers.asked.append((name, details))
            return answer()

        return ask

    passing = dialogs.show_passing

    def show_passing(*args: Any, **kwargs: Any) -> Any:
        title, text, details = (*args[1:], kwargs.get("details", ""))[:3]
        answers.asked.append(("passing", (title, text, details, kwargs.get("informative", ""))))
        answers.boxes.append(passing(*args, **kwargs))
        return answers.boxes[-1]

    monkeypatch.setattr(
        dialogs,
        "ask_save_as_after_failure",
        record("failed", lambda: answers.save_as_after_failure),
    )
    monkeypatch.setattr(
        dialogs,
        "ask_save_path",
        record("save_path", lambda: answers.save_paths.pop(0) if answers.save_paths else None),
    )
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", record("unsaved", lambda: "discard"))
    monkeypatch.setattr(dialogs, "show_error", record("error", lambda: None))
    monkeypatch.setattr(dialogs, "show_passing", show_passing)
    return answers


def _open_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.files.open_path(path)
    return window


def _window_autosaving_quickly(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    """A window on a saved session whose autosave writes to ``tmp_path`` every 0.1 s."""
    monkeypatch.setattr(autosave, "autosave_dir", lambda: tmp_path / "autosave")
    path = tmp_path / "workshop.yaml"
    path.write_text(SESSION, encoding="utf-8")
    window = _open_window(qtbot, path)
    window.autosaver.timer.setInterval(100)
    return window


def _mount(folder: Path, options: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0:
        return False
    command = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)]
    return subprocess.run(command, capture_output=True).returncode == 0


@pytest.fixture
def reliability_small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs, or (where none can be mounted) a plain folder."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = _mount(folder, "size=64k")
    yield folder
    if mounted:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@contextlib.contextmanager
def _full(folder: Path) -> Iterator[None]:
    """The disk holding ``folder`` is full: really if it is small, else by injection."""
    if os.statvfs(folder).f_blocks * os.statvfs(folder).f_frsize <= 1 << 20:
        fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"x" * 4096):
                pass
        except OSError as error:
            assert error.errno == errno.ENOSPC
        finally:
            os.close(fd)
        yield
        return
    real_write = os.write

    def full(fd: int, data: Any) -> int:
        real_write(fd, bytes(data[:10]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "write", full)
        yield


def _edit(window: MainWindow, label: str = "Erstlösungsquote") -> None:
    assert window.controller.execute(SetNodeFields("p1", {"label": label}), "Rename")


@pytest.mark.parametrize("answer", ["cancel", "save as"])
def test_full_disk_save_fails_clearly_and_offers_save_as(
    qtbot: QtBot,
    reliability_dialogs: Dialogs,
    reliability_small_disk: Path,
    tmp_path: Path,
    answer: str,
) -> None:
    path = reliability_small_disk / "workshop.yaml"
    path.write_text(SESSION, encoding="utf-8")
    window = _open_window(qtbot, path)
    _edit(window)
    before = path.read_bytes()
    elsewhere = tmp_path / "elsewhere.yaml"
    reliability_dialogs.save_as_after_failure = answer == "save as"
    reliability_dialogs.save_paths = [elsewhere]

    with _full(reliability_small_disk):
        saved = window.files.save()

    [(message,)] = reliability_dialogs.shown("failed")
    assert message == f"Could not save {path}: the disk is full. The file on disk is unchanged."
    assert path.read_bytes() == before
    # The lock stays beside the file while this window edits it (not after Save as).
    lock = [".workshop.yaml.lock"] if answer == "cancel" else []
    names = sorted(p.name for p in reliability_small_disk.iterdir() if p.name != "filler")
    assert names == [*lock, path.name]
    if answer == "cancel":
        assert not saved
        assert window.isWindowModified()
        assert window.controller.path == path
        assert reliability_dialogs.shown("save_path") == []
    else:
        assert saved
        assert not window.isWindowModified()
        assert window.controller.path == elsewhere
        assert load_session(elsewhere).label("p1") == "Erstlösungsquote"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_read_only_file_save_fails_and_the_session_stays_unsaved(
    qtbot: QtBot, reliability_dialogs: Dialogs, tmp_path: Path
) -> None:
    path = tmp_path / "final.yaml"
    path.write_text(SESSION, encoding="utf-8")
    path.chmod(0o444)
    window = _open_window(qtbot, path)
    _edit(window)

    assert not window.files.save()

    [(message,)] = reliability_dialogs.shown("failed")
    assert "the file is read-only" in message
    assert path.read_text(encoding="utf-8") == SESSION
    assert window.isWindowModified()
    assert "[*]" in window.windowTitle()


def test_read_only_folder_save_fails_and_the_session_stays_unsaved(
    qtbot: QtBot, reliability_dialogs: Dialogs, reliability_small_disk: Path
) -> None:
    path = reliability_small_disk / "workshop.yaml"
    path.write_text(SESSION, encoding="utf-8")
    window = _open_window(qtbot, path)
    _edit(window)
    remount = ["mount", "-o", "remount,ro", str(reliability_small_disk)]
    if subprocess.run(remount, capture_output=True).returncode != 0:
        pytest.skip("cannot remount read-only here (needs root on Linux)")

    assert not window.files.save()

    [(message,)] = reliability_dialogs.shown("failed")
    assert (
        message == f"Could not save {path}: the folder is read-only. The file on disk is unchanged."
    )
    assert path.read_text(encoding="utf-8") == SESSION
    assert window.isWindowModified()


# --- autosave --------------------------------------------------------------------------


@pytest.fixture
def reliability_blocked_autosave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[], None]]:
    """An autosave folder that cannot be written; calling the fixture's value unblocks it.

    Really read-only where a tmpfs can be mounted, else a folder whose place
    is taken by a file (so it cannot be created either).
    """
    base = tmp_path / "appdata"
    base.mkdir()
    mounted = _mount(base, "size=1m,ro")
    monkeypatch.setattr(autosave, "autosave_dir", lambda: base / "autosave")
    if not mounted:
        (base / "autosave").write_text("in the way", encoding="utf-8")

    def unblock() -> None:
        if mounted:
            subprocess.run(["mount", "-o", "remount,rw", str(base)], check=True)
        else:
            (base / "autosave").unlink()

    yield unblock
    if mounted:
        subprocess.run(["umount", "-l", str(base)], check=True)


def test_autosave_failure_is_told_at_once_and_retried_until_it_works(
    qtbot: QtBot,
    reliability_dialogs: Dialogs,
    reliability_blocked_autosave: Callable[[], None],
    tmp_path: Path,
    reliability_figures: Any,
) -> None:
    path = tmp_path / "workshop.yaml"
    path.write_text(SESSION, encoding="utf-8")
    window = _open_window(qtbot, path)
    saver = window.autosaver
    saver.timer.setInterval(150)  # the real delay is 30 s; the logic is the same

    started = time.monotonic()
    with qtbot.waitSignal(saver.failed, timeout=2000) as failure:
        _edit(window)
    warned_after = time.monotonic() - started
    [(title, message, _details, informative)] = reliability_dialogs.shown("passing")
    assert title == "Autosave does not work"
    assert message.count("Autosave failed") == 1
    assert "Autosave keeps trying" in informative
    assert window.statusBar().currentMessage() == failure.args[0] == message

    # It keeps trying: more failures, but one box only (the status bar tells the rest).
    with qtbot.waitSignal(saver.failed, timeout=2000) as retry:
        pass
    assert retry.args == failure.args
    assert len(reliability_dialogs.shown("passing")) == 1

    reliability_blocked_autosave()
    with qtbot.waitSignal(saver.written, timeout=2000):
        pass
    assert window.statusBar().currentMessage() == "Autosave works again."
    assert load_session(saver.session_file).label("p1") == "Erstlösungsquote"
    assert window.isWindowModified()
    reliability_figures("autosave failure", {"warned after s": round(warned_after, 3)})
    assert warned_after < 2


def test_autosave_that_starts_failing_later_is_told_at_the_next_attempt(
    qtbot: QtBot, reliability_dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window_autosaving_quickly(qtbot, tmp_path, monkeypatch)
    with qtbot.waitSignal(window.autosaver.written, timeout=2000):
        _edit(window)
    real_write = os.write

    def full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    with qtbot.waitSignal(window.autosaver.failed, timeout=2000) as failure:
        _edit(window, "Schnelle Lösung")
    monkeypatch.setattr(os, "write", real_write)
    assert "the disk is full" in failure.args[0]
    assert load_session(window.autosaver.session_file).label("p1") == "Erstlösungsquote"
    with qtbot.waitSignal(window.autosaver.written, timeout=2000):
        pass
    assert load_session(window.autosaver.session_file).label("p1") == "Schnelle Lösung"


# --- unexpected errors -----------------------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown_not_swallowed(
    qtbot: QtBot,
    reliability_dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = tmp_path / "workshop.yaml"
    path.write_text(SESSION, encoding="utf-8")
    window = _open_window(qtbot, path)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    failures = iter(["first failure", "second failure"])

    def broken_view(_operation: object) -> None:
        raise RuntimeError(next(failures))

    window.controller.changed.connect(broken_view)
    with caplog.at_level(logging.ERROR, logger="workshop_app"):
        assert window.controller.execute(AddNode("r2", NodeKind.ROLE, "Teamleitung"), "Add")
        assert window.controller.execute(AddNode("r3", NodeKind.ROLE, "Vertretung"), "Add")
    window.controller.changed.disconnect(broken_view)

    messages = [r.getMessage() for r in caplog.records if r.exc_info]
    assert messages == ["Unexpected error", "Unexpected error"]
    assert [str(r.exc_info[1]) for r in caplog.records if r.exc_info] == [
        "first failure",
        "second failure",
    ]
    # One box, which collects the second error in its details.
    [(title, text, details, informative)] = reliability_dialogs.shown("passing")
    assert (title, text) == ("Unexpected error", "Something went wrong: first failure")
    assert "save it now" in informative
    [box] = reliability_dialogs.boxes
    assert "first failure" in details
    assert "second failure" in box.detailedText()
    box.close()
    assert {"r2", "r3"} <= set(window.controller.session.graph)
    assert window.isWindowModified()


def test_discarding_a_crashed_runs_copy_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    folder = tmp_path / "autosave"
    folder.mkdir()
    monkeypatch.setattr(autosave, "autosave_dir", lambda: folder)
    dead = subprocess.Popen(["true"])
    dead.wait()
    ident = "0123456789abcdef0123456789abcdef"
    (folder / f"{ident}.yaml").write_text(SESSION, encoding="utf-8")
    (folder / f"{ident}.yaml.bak").write_text(SESSION, encoding="utf-8")
    (folder / f"{ident}.json").write_text('{"original": null}', encoding="utf-8")
    # What a crash in the middle of the next autosave left.
    (folder / f".{ident}.yaml.{dead.pid}-0123abcd.tmp").write_text("half", encoding="utf-8")
    (folder / f".{ident}.json.{dead.pid}-4567cdef.tmp").write_text("{", encoding="utf-8")

    [found] = autosave.find_recoverable()
    assert found.ident == ident
    found.discard()

    # Discarded is set aside, with its backup, not deleted: a wrong click is not the end.
    assert [p.name for p in folder.iterdir()] == ["discarded"]
    [kept] = (folder / "discarded").iterdir()
    assert sorted(p.name for p in kept.iterdir()) == [
        f"{ident}.json",
        f"{ident}.yaml",
        f"{ident}.yaml.bak",
    ]
    assert autosave.find_recoverable() == []


@pytest.mark.parametrize(
    "sidecar", ['{"original": null}', "[1]", "{", '{"original": 5, "saved_at": 7}', "\x00"]
)
def test_a_damaged_sidecar_still_offers_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any, sidecar: str
) -> None:
    monkeypatch.setattr(autosave, "autosave_dir", lambda: tmp_path)
    (tmp_path / "abc.yaml").write_text(SESSION, encoding="utf-8")
    (tmp_path / "abc.json").write_text(sidecar, encoding="utf-8")
    [found] = autosave.find_recoverable()
    assert found.session_file == tmp_path / "abc.yaml"
    assert load_session(found.session_file).label("p1") == "Erstlösung"


def test_an_unexpected_error_while_autosaving_is_told_and_retried(
    qtbot: QtBot, reliability_dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window_autosaving_quickly(qtbot, tmp_path, monkeypatch)
    write_copy = autosave._write_copy
    failures = iter([RuntimeError("a bug in the writer")])

    def broken(*args: Any) -> None:
        if error := next(failures, None):
            raise error
        write_copy(*args)

    monkeypatch.setattr(autosave, "_write_copy", broken)
    with qtbot.waitSignal(window.autosaver.failed, timeout=2000) as failure:
        _edit(window)
    assert "a bug in the writer" in failure.args[0]
    with qtbot.waitSignal(window.autosaver.written, timeout=2000):
        pass
    assert load_session(window.autosaver.session_file).label("p1") == "Erstlösungsquote"


def test_opening_a_file_removes_what_a_killed_save_of_it_left(
    qtbot: QtBot, reliability_dialogs: Dialogs, tmp_path: Path
) -> None:
    path = tmp_path / "workshop.yaml"
    path.write_text(SESSION, encoding="utf-8")
    dead = subprocess.Popen(["true"])
    dead.wait()
    leftover = tmp_path / f".workshop.yaml.{dead.pid}-0123abcd.tmp"
    leftover.write_text("half a session", encoding="utf-8")
    _open_window(qtbot, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".workshop.yaml.lock", "workshop.yaml"]
