"""Open, save, recent files and the questions about unsaved changes: no work is ever lost."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from workshop_app.domain import SetNodeFields
from workshop_app.fileformat import load_session
from workshop_app.ui.mainwindow import MainWindow
from workshop_app.ui.settings import MAX_RECENT_FILES, add_recent_file, recent_files


def _rename(window: MainWindow, label: str) -> None:
    window.controller.execute(SetNodeFields("x_refund", {"label": label}), "rename")


def test_saving_writes_the_file_and_clears_the_unsaved_marker(
    window: MainWindow, window_session_file: Path
) -> None:
    assert window.windowTitle() == "small.yaml[*]" and not window.isWindowModified()
    _rename(window, "Credit notes")
    assert window.isWindowModified()

    window.command("file.save").trigger()

    assert not window.isWindowModified()
    assert load_session(window_session_file).label("x_refund") == "Credit notes"
    window.command("edit.undo").trigger()
    assert window.isWindowModified()  # the file holds the newer label


def test_saving_while_typing_saves_what_was_typed(
    qtbot: QtBot, window: MainWindow, window_session_file: Path
) -> None:
    window.map_view.select_subjects(["x_refund"])
    label = window.inspector.field_widget("label")
    label.setFocus()
    label.selectAll()
    qtbot.keyClicks(label, "Refunds and vouchers")

    qtbot.keySequence(label, QKeySequence(QKeySequence.StandardKey.Save))

    assert load_session(window_session_file).label("x_refund") == "Refunds and vouchers"
    assert not window.isWindowModified()


def test_an_untitled_session_is_saved_where_the_facilitator_says(
    window: MainWindow, window_answers, tmp_path: Path
) -> None:
    window.command("file.new").trigger()
    assert window.controller.session.graph.number_of_nodes() == 0
    assert window.windowTitle() == "Untitled[*]"
    window.command("edit.add_role").trigger()
    window_answers.save_paths = [tmp_path / "afternoon"]

    window.command("file.save").trigger()

    saved = tmp_path / "afternoon.yaml"
    assert load_session(saved).graph.number_of_nodes() == 1
    assert window.controller.path == saved
    assert window.windowTitle() == "afternoon.yaml[*]" and not window.isWindowModified()
    assert recent_files()[0] == saved.resolve()


def test_a_broken_file_is_refused_and_the_session_kept(
    window: MainWindow, window_answers, tmp_path: Path, window_session_file: Path
) -> None:
    _rename(window, "Credit notes")
    session = window.controller.session
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "format: workshop-session\nversion: 1\nnodes:\n"
        "  - {id: a, kind: role, label: A, load: lots}\n",
        encoding="utf-8",
    )

    assert not window.files.open_path(broken)

    ((_title, message),) = window_answers.questions("error")
    assert "broken.yaml" in message and "line 4" in message and "load" in message
    assert window.controller.session is session
    assert window.controller.path == window_session_file
    assert window.isWindowModified()
    assert window_answers.questions("unsaved") == []  # nothing to decide about


def test_a_failed_save_keeps_the_changes_unsaved_and_offers_save_as(
    window: MainWindow, window_answers, tmp_path: Path
) -> None:
    _rename(window, "Credit notes")
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder", encoding="utf-8")
    window_answers.save_paths = [not_a_folder / "session.yaml"]

    assert not window.files.save_as()

    ((message,),) = window_answers.questions("save_failed")
    assert "session.yaml" in message and "unchanged" in message
    assert window.isWindowModified()

    window_answers.save_as_after_failure = True
    window_answers.save_paths = [not_a_folder / "session.yaml", tmp_path / "rescued.yaml"]
    assert window.files.save_as()
    assert load_session(tmp_path / "rescued.yaml").label("x_refund") == "Credit notes"
    assert not window.isWindowModified()


def test_closing_with_unsaved_changes_asks_first(
    qtbot: QtBot, window: MainWindow, window_answers, window_session_file: Path
) -> None:
    _rename(window, "Credit notes")

    window_answers.unsaved = "cancel"
    assert not window.close()
    assert window.isVisible() and window_answers.questions("unsaved") == [("small.yaml",)]

    window_answers.unsaved = "save"
    assert window.close()
    assert load_session(window_session_file).label("x_refund") == "Credit notes"


def test_a_new_session_asks_about_unsaved_changes(window: MainWindow, window_answers) -> None:
    _rename(window, "Credit notes")
    window_answers.unsaved = "cancel"

    window.command("file.new").trigger()

    assert window.controller.session.label("x_refund") == "Credit notes"
    window_answers.unsaved = "discard"
    window.command("file.new").trigger()
    assert window.controller.session.graph.number_of_nodes() == 0
    assert not window.isWindowModified()


def test_recent_files_keep_the_newest_eight_and_forget_missing_ones(
    window: MainWindow, tmp_path: Path, window_session_file: Path
) -> None:
    paths = []
    for number in range(MAX_RECENT_FILES + 2):
        path = tmp_path / f"workshop-{number}.yaml"
        path.write_text(window_session_file.read_text(encoding="utf-8"), encoding="utf-8")
        add_recent_file(path)
        paths.append(path.resolve())
    paths[-2].unlink()

    assert recent_files() == [paths[-1], *reversed(paths[2:-2])]

    menu = window.menus["recent"]
    menu.aboutToShow.emit()
    entries = [action.text() for action in menu.actions()]
    assert entries[0].startswith("&1  workshop-9.yaml") and len(entries) == MAX_RECENT_FILES - 1
    menu.actions()[1].trigger()
    assert window.controller.path == paths[-3]


def test_a_template_starts_an_untitled_session(window: MainWindow, window_answers) -> None:
    window_answers.template = "customer-service-responsibility"

    window.command("file.new_from_template").trigger()

    ((choices,),) = window_answers.questions("template")
    assert "customer-service-responsibility" in [name for name, *_shown in choices]
    assert window.controller.session.meta["template"] == "customer-service-responsibility"
    assert window.controller.path is None and not window.isWindowModified()
