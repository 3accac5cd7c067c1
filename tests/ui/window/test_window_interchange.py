"""File → Import… and File → Export for other tools… in the window."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from workshop_app.domain import SetNodeFields
from workshop_app.interchange import import_session
from workshop_app.ui import dialogs
from workshop_app.ui.mainwindow import MainWindow


def write_matrix(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def import_answer(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    answers: list[Path] = []
    monkeypatch.setattr(dialogs, "ask_import_path", lambda *_: answers.pop(0) if answers else None)
    return answers


def labels(window: MainWindow) -> set[str]:
    session = window.controller.session
    return {session.label(n) for n in session.graph}


def test_a_raci_matrix_opens_as_a_new_untitled_session(
    window: MainWindow, import_answer: list[Path], tmp_path: Path
) -> None:
    import_answer.append(
        write_matrix(tmp_path / "raci.xlsx", [["", "Lead", "Agent"], ["Refunds", "A", "R"]])
    )

    window.command("file.import").trigger()

    assert labels(window) == {"Lead", "Agent", "Refunds"}
    assert window.controller.path is None  # Save asks where: the workbook is not replaced
    assert "raci.xlsx" in window.statusBar().currentMessage()


def test_a_refused_matrix_names_the_cell_and_keeps_the_session(
    window: MainWindow, import_answer: list[Path], window_answers, tmp_path: Path
) -> None:
    before = labels(window)
    import_answer.append(write_matrix(tmp_path / "raci.xlsx", [["", "Lead"], ["Refunds", "maybe"]]))

    window.command("file.import").trigger()

    ((title, message),) = window_answers.questions("error")
    assert title == "Cannot import the file" and "B2" in message and "'maybe'" in message
    assert labels(window) == before


def test_unsaved_work_is_asked_about_before_an_import(
    window: MainWindow, import_answer: list[Path], window_answers, tmp_path: Path
) -> None:
    window.controller.execute(SetNodeFields("x_refund", {"label": "Credit notes"}), "rename")
    window_answers.unsaved = "cancel"
    import_answer.append(write_matrix(tmp_path / "raci.xlsx", [["", "Lead"], ["Refunds", "A"]]))

    window.command("file.import").trigger()

    assert window_answers.questions("unsaved")
    assert "Credit notes" in labels(window)


@pytest.mark.parametrize("suffix", [".graphml", ".xlsx"])
def test_the_session_is_exported_for_other_tools(
    window: MainWindow, window_answers, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"for-tools{suffix}"
    window_answers.save_paths = [out]

    window.command("file.export_tools").trigger()

    assert str(out) in window.statusBar().currentMessage()
    again = import_session(out)
    assert {again.label(n) for n in again.graph} >= {"Team lead", "Service team", "Refunds"}
