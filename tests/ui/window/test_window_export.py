"""Exports: the PDF protocol in the background, the map as an image."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from workshop_app.domain import SetNodeFields
from workshop_app.ui import exporting
from workshop_app.ui.mainwindow import MainWindow


def test_the_protocol_is_written_in_the_background(
    qtbot: QtBot, window: MainWindow, window_answers, tmp_path: Path
) -> None:
    window_answers.save_paths = [tmp_path / "protocol"]

    window.command("file.export_protocol").trigger()
    assert not window.exporter.is_idle()
    # The window stays usable while the protocol is written from a snapshot.
    window.controller.execute(SetNodeFields("x_refund", {"label": "Credit notes"}), "rename")
    qtbot.waitUntil(lambda: window.exporter.is_idle(), timeout=20_000)

    pdf = tmp_path / "protocol.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert str(pdf) in window.statusBar().currentMessage()
    assert window_answers.questions("error") == []


def test_a_protocol_that_cannot_be_written_is_reported(
    qtbot: QtBot, window: MainWindow, window_answers, tmp_path: Path
) -> None:
    window_answers.save_paths = [tmp_path / "missing-folder" / "protocol.pdf"]

    window.command("file.export_protocol").trigger()
    qtbot.waitUntil(lambda: window.exporter.is_idle(), timeout=20_000)

    ((title, message),) = window_answers.questions("error")
    assert title == "Protocol not written" and "protocol.pdf" in message


def test_a_cancelled_protocol_leaves_nothing_behind(
    qtbot: QtBot,
    window: MainWindow,
    window_answers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The export waits at its first progress report until the user has
    # cancelled; otherwise a fast machine writes the small sample before
    # the click arrives.
    clicked = threading.Event()
    real_export = exporting.export_protocol

    def export_held_until_cancelled(session, path, *, progress, **options) -> None:
        def report(fraction: float) -> None:
            clicked.wait(timeout=20)
            progress(fraction)

        real_export(session, path, progress=report, **options)

    monkeypatch.setattr(exporting, "export_protocol", export_held_until_cancelled)
    folder = tmp_path / "protocols"
    folder.mkdir()
    job = window.exporter.start_protocol(folder / "protocol.pdf")
    job.cancel()
    clicked.set()
    qtbot.waitUntil(lambda: window.exporter.is_idle(), timeout=20_000)

    assert list(folder.iterdir()) == []
    assert window_answers.questions("error") == []


def test_the_map_is_exported_as_png_or_svg(
    window: MainWindow, window_answers, tmp_path: Path
) -> None:
    window_answers.save_paths = [tmp_path / "map.svg", tmp_path / "map"]

    window.command("file.export_image").trigger()
    window.command("file.export_image").trigger()

    assert (tmp_path / "map.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")


def test_characters_no_bundled_font_has_are_named_after_the_export(
    qtbot: QtBot, window: MainWindow, window_answers, tmp_path: Path
) -> None:
    window.controller.execute(SetNodeFields("x_refund", {"label": "Refund 👍"}), "rename")
    window_answers.save_paths = [tmp_path / "protocol.pdf"]

    window.command("file.export_protocol").trigger()
    qtbot.waitUntil(lambda: window.exporter.is_idle(), timeout=20_000)

    ((title, message),) = window_answers.questions("error")
    assert title == "Protocol written with gaps"
    assert "👍 (U+1F44D)" in message
    assert (tmp_path / "protocol.pdf").read_bytes().startswith(b"%PDF")
