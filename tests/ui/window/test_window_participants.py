"""Participants are entered in the inspector (workshop details): add, edit, remove, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workshop_app.domain import SetMeta
from workshop_app.ui.mainwindow import MainWindow
from workshop_app.ui.participants import ParticipantsEditor


def _editor(window: MainWindow) -> ParticipantsEditor:
    window.map_view.select_subjects([])
    editor = window.inspector.field_widget("participants").editor
    assert isinstance(editor, ParticipantsEditor)
    return editor


def _people(window: MainWindow) -> list[dict]:
    return window.controller.session.meta.get("participants", [])


def _add(qtbot: QtBot, editor: ParticipantsEditor, name: str, role: str = "") -> None:
    editor.name_edit.setFocus()
    qtbot.keyClicks(editor.name_edit, name)
    if role:
        qtbot.keyClicks(editor.role_edit, role)
    qtbot.keyClick(editor.role_edit if role else editor.name_edit, Qt.Key.Key_Return)


def test_participants_are_added_by_typing_name_and_role(qtbot: QtBot, window: MainWindow) -> None:
    editor = _editor(window)
    steps = window.controller.undo_stack.count()
    _add(qtbot, editor, "B. Muster", "Team lead")
    _add(qtbot, editor, "C. Beispiel")
    assert _people(window) == [{"name": "B. Muster", "role": "Team lead"}, {"name": "C. Beispiel"}]
    assert window.controller.undo_stack.count() == steps + 2
    assert editor.table.rowCount() == 2
    assert editor.name_edit.text() == "" and editor.name_edit.hasFocus()
    window.command("edit.undo").trigger()
    assert _people(window) == [{"name": "B. Muster", "role": "Team lead"}]
    assert editor.table.rowCount() == 1


def test_a_participant_is_edited_in_the_table_as_one_step(qtbot: QtBot, window: MainWindow) -> None:
    window.controller.execute(
        SetMeta({"participants": [{"name": "B. Muster", "role": "Lead", "email": "b@x.de"}]}),
        "seed",
    )
    editor = _editor(window)
    editor.table.item(0, 1).setText("Team lead")
    # Fields the app does not show are kept.
    assert _people(window) == [{"name": "B. Muster", "role": "Team lead", "email": "b@x.de"}]
    window.command("edit.undo").trigger()
    assert editor.table.item(0, 1).text() == "Lead"


def test_an_emptied_name_is_refused_and_the_old_one_kept(qtbot: QtBot, window: MainWindow) -> None:
    window.controller.execute(SetMeta({"participants": [{"name": "B. Muster"}]}), "seed")
    editor = _editor(window)
    with qtbot.waitSignal(window.inspector.refused):
        editor.table.item(0, 0).setText("  ")
    assert _people(window) == [{"name": "B. Muster"}]
    assert editor.table.item(0, 0).text() == "B. Muster"


def test_a_participant_is_removed_and_comes_back_with_undo(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = _editor(window)
    for name in ("A", "B", "C"):
        _add(qtbot, editor, name)
    editor.table.selectRow(1)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [p["name"] for p in _people(window)] == ["A", "C"]
    window.command("edit.undo").trigger()
    assert [p["name"] for p in _people(window)] == ["A", "B", "C"]
    for _ in range(3):
        editor.table.selectRow(0)
        editor.remove_selected()
    assert "participants" not in window.controller.session.meta
