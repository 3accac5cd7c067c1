"""Saving does not stall the window (issue #17, item 3), and numbers the window cannot
edit never reach it (issue #18, item 2)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from workshop_app.domain import Session, SetNodeFields
from workshop_app.domain.kinds import LARGEST_WHOLE_NUMBER
from workshop_app.fileformat import load_session
from workshop_app.ui import saving
from workshop_app.ui.mainwindow import MainWindow


def test_the_window_keeps_turning_while_a_save_writes(
    window: MainWindow, window_session_file: Path, monkeypatch: Any
) -> None:
    """The worker writes only after the GUI thread has run a timer: a save on the GUI
    thread could never see that happen, and would fail here instead of freezing."""
    window.controller.execute(SetNodeFields("x_refund", {"label": "Credit notes"}), "rename")
    ticked = threading.Event()
    writers: list[str] = []
    real_write = saving.write_atomic

    def write_after_a_tick(path: Path, data: bytes, **options: Any) -> Any:
        writers.append(threading.current_thread().name)
        assert ticked.wait(10), "the GUI thread ran no timer while the file was written"
        return real_write(path, data, **options)

    monkeypatch.setattr(saving, "write_atomic", write_after_a_tick)
    QTimer.singleShot(0, ticked.set)

    assert window.files.save()

    assert writers == ["save"]
    assert load_session(window_session_file).label("x_refund") == "Credit notes"
    assert not window.isWindowModified()


def test_an_edit_during_the_read_waits_for_it(window: MainWindow, monkeypatch: Any) -> None:
    """The session is read under the controller's lock; an edit takes the same lock."""
    held: list[bool] = []
    real = saving.session_to_document

    def reading(session: Any) -> Any:
        held.append(window.controller.reading._is_owned())  # type: ignore[attr-defined]
        return real(session)

    monkeypatch.setattr(saving, "session_to_document", reading)
    window.controller.execute(SetNodeFields("x_refund", {"label": "Credit notes"}), "rename")
    assert window.files.save()
    assert held == [True]


def test_the_largest_rank_is_shown_and_nothing_is_edited(
    qtbot: QtBot, window_session_file: Path, window_answers: Any
) -> None:
    text = window_session_file.read_text(encoding="utf-8")
    window_session_file.write_text(
        text.replace("rank: 1", f"rank: {LARGEST_WHOLE_NUMBER}"), encoding="utf-8"
    )
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.files.open_path(window_session_file)
    window.map_view.select_subjects(["p_speed"])
    window.inspector.show_selection(["p_speed"], [])
    spin = window.inspector.field_widget("rank")
    assert spin.value() == LARGEST_WHOLE_NUMBER  # type: ignore[attr-defined]
    window.inspector.commit_pending()
    assert window.controller.undo_stack.count() == 0
    assert window.files.save()
    assert load_session(window_session_file).graph.nodes["p_speed"]["rank"] == 2**31 - 1


def test_the_protocol_snapshot_is_taken_off_the_gui_thread_under_the_lock(
    window: MainWindow, qtbot: QtBot, monkeypatch: Any, tmp_path: Path
) -> None:
    """Copying 5,000 nodes takes about 0.2 s: the window must not wait for it."""
    copies: list[tuple[str, bool]] = []
    real_copy = Session.copy

    def copy(session: Session) -> Session:
        owned = window.controller.reading._is_owned()  # type: ignore[attr-defined]
        copies.append((threading.current_thread().name, owned))
        return real_copy(session)

    monkeypatch.setattr(Session, "copy", copy)
    job = window.exporter.start_protocol(tmp_path / "protocol.pdf")
    qtbot.waitUntil(lambda: window.exporter.is_idle(), timeout=60_000)
    assert copies[:1] == [(job.thread.name, True)]
    assert (tmp_path / "protocol.pdf").read_bytes()[:5] == b"%PDF-"
