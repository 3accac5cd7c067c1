"""Starting the app, the keyboard, the settings, and errors that escape a slot."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from workshop_app.ui.app import open_first_session, report_unexpected_error
from workshop_app.ui.i18n import set_ui_language, ui_language
from workshop_app.ui.mainwindow import MainWindow
from workshop_app.ui.settings import add_recent_file, configured_language, saved_language

#: Commands a facilitator uses during a workshop: each must have its own keys.
WORKSHOP_COMMANDS = [
    "file.new",
    "file.open",
    "file.save",
    "file.save_as",
    "file.export_protocol",
    "file.export_image",
    "file.quit",
    "edit.undo",
    "edit.redo",
    "edit.delete",
    "edit.rename",
    "edit.select_all",
    "edit.add_priority",
    "edit.add_role",
    "edit.add_responsibility",
    "edit.add_guardrail",
    "view.zoom_in",
    "view.zoom_out",
    "view.fit",
    "view.arrange",
    "view.go_map",
    "view.go_findings",
    "view.go_inspector",
]


@pytest.fixture
def bare_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    return window


def test_without_a_file_the_last_session_opens(
    bare_window: MainWindow, window_session_file: Path
) -> None:
    add_recent_file(window_session_file)
    open_first_session(bare_window, None)
    assert bare_window.controller.path == window_session_file.resolve()


def test_the_very_first_start_shows_the_example_untitled(bare_window: MainWindow) -> None:
    open_first_session(bare_window, None)
    assert bare_window.controller.session.meta["title"] == "Verantwortung im Kundenservice"
    assert bare_window.controller.path is None and not bare_window.isWindowModified()


def test_a_broken_file_on_the_command_line_is_explained(
    bare_window: MainWindow, window_answers, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: workshop-session\nversion: 99\n", encoding="utf-8")
    open_first_session(bare_window, broken)
    ((_title, message),) = window_answers.questions("error")
    assert "newer" in message
    assert bare_window.controller.session.graph.number_of_nodes() == 0


def test_a_last_session_that_no_longer_opens_is_explained_and_the_example_shown(
    bare_window: MainWindow, window_answers, tmp_path: Path
) -> None:
    broken = tmp_path / "last.yaml"
    broken.write_text("format: workshop-session\nversion: 99\n", encoding="utf-8")
    add_recent_file(broken)
    open_first_session(bare_window, None)
    ((_title, message),) = window_answers.questions("error")
    assert "newer" in message
    assert bare_window.controller.session.meta["title"] == "Verantwortung im Kundenservice"
    assert bare_window.controller.path is None


def test_an_error_in_a_slot_is_logged_and_shown_without_blocking(
    qtbot: QtBot, window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    def fail(message: str) -> None:
        try:
            raise ValueError(message)
        except ValueError as error:
            report_unexpected_error(ValueError, error, error.__traceback__)

    with caplog.at_level(logging.ERROR):
        fail("first")
        fail("second")

    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert len(boxes) == 1 and boxes[0].isVisible()
    assert not boxes[0].isModal()
    assert "first" in boxes[0].text()
    assert "ValueError: first" in boxes[0].detailedText()
    assert "ValueError: second" in boxes[0].detailedText()
    assert [r.exc_info[1].args[0] for r in caplog.records if r.exc_info] == ["first", "second"]
    assert window.isEnabled()  # the workshop goes on
    boxes[0].close()


def test_every_workshop_command_has_its_own_keys(window: MainWindow) -> None:
    missing = [c for c in WORKSHOP_COMMANDS if not window.command(c).shortcuts()]
    assert missing == []
    owners: dict[str, str] = {}
    clashes = []
    for action in window.findChildren(type(window.command("file.new"))):
        for key in action.shortcuts():
            name = key.toString()
            if name in owners and owners[name] != action.text():
                clashes.append((name, owners[name], action.text()))
            owners[name] = action.text()
    assert clashes == []


def test_the_main_commands_work_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.command("view.go_map").trigger()
    qtbot.keyClick(window.map_view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    added = [n for n in window.controller.session.graph if n.startswith("role_")]
    assert added == ["role_1"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    window.command("view.go_map").trigger()
    qtbot.keySequence(window.map_view, QKeySequence(QKeySequence.StandardKey.Undo))
    assert "role_1" not in window.controller.session.graph
    qtbot.keySequence(window.map_view, QKeySequence(QKeySequence.StandardKey.Redo))
    assert "role_1" in window.controller.session.graph

    qtbot.keySequence(window.map_view, QKeySequence("Ctrl+Shift+F"))
    assert window.findings_dock.tree.hasFocus()
    qtbot.keySequence(window.findings_dock.tree, QKeySequence(QKeySequence.StandardKey.Save))
    assert not window.isWindowModified()


def test_the_language_is_chosen_now_and_for_the_next_start(
    window: MainWindow, window_answers
) -> None:
    assert saved_language() is None
    other = "de" if configured_language() == "en" else "en"

    window.command(f"settings.language_{other}").trigger()

    assert saved_language() == other and configured_language() == other
    assert ui_language() == other
    assert window_answers.questions("show_passing") == []
    assert window.command(f"settings.language_{other}").isChecked()


@pytest.mark.parametrize("language", ["en", "de"])
def test_menu_letters_are_unique_in_each_menu(
    qtbot: QtBot, language: str, request: pytest.FixtureRequest
) -> None:
    request.addfinalizer(lambda: set_ui_language("en"))
    set_ui_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    menus = [window.menuBar(), *window.menus.values()]
    for menu in menus:
        letters = [
            QKeySequence.mnemonic(action.text()).toString()
            for action in menu.actions()
            if "&" in action.text().replace("&&", "")
        ]
        assert len(letters) == len(set(letters)), (menu.title(), letters)


def test_the_window_layout_is_kept_for_the_next_start(qtbot: QtBot, window: MainWindow) -> None:
    window.inspector.hide()
    window.resize(700, 600)  # the offscreen screen is 800 by 800
    assert window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.inspector.isHidden() and not again.findings_dock.isHidden()
    assert (again.width(), again.height()) == (700, 600)


def test_the_facilitation_views_are_installed(window: MainWindow) -> None:
    assert window.facilitation.window is window


def test_the_app_has_its_own_icon_in_the_task_bar(qapp: QApplication) -> None:
    from workshop_app.ui.app import configure_application

    names = qapp.organizationName(), qapp.applicationName()
    try:
        configure_application(qapp)
        icon = qapp.windowIcon()
        assert not icon.isNull()
        image = icon.pixmap(64, 64).toImage()
        assert image.width() == 64
        colours = {image.pixel(x, y) for x in range(0, 64, 4) for y in range(0, 64, 4)}
        assert len(colours) > 4  # a drawn picture, not a blank square
        assert qapp.desktopFileName() == "responsibility-map"
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
