"""The smaller points a room notices: title, folders, dates, templates, toolbar, contrast, docks."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from workshop_app.domain import SetMeta
from workshop_app.templates import list_templates
from workshop_app.ui import dialogs
from workshop_app.ui.app import open_first_session
from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.mainwindow import MainWindow


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def test_the_sample_is_titled_by_its_workshop_not_untitled(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    open_first_session(window, None)
    title = window.controller.session.meta["title"]
    assert window.windowTitle() == f"{title}[*]"
    window.controller.execute(SetMeta({"title": "Kick-off"}), "Edit title")
    assert window.windowTitle() == "Kick-off[*]"


def test_file_dialogs_of_an_unsaved_session_start_in_documents(
    qtbot: QtBot, window_answers, tmp_path: Path, monkeypatch
) -> None:
    _documents().mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(tmp_path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.command("file.open").trigger()
    ((directory,),) = window_answers.questions("open")
    assert directory == _documents()
    for command in ("file.save_as", "file.export_protocol", "file.export_image"):
        window.command(command).trigger()
    suggested = [details[1] for details in window_answers.questions("save_path")]
    assert [path.parent for path in suggested] == [_documents()] * 3


def test_without_a_documents_folder_the_dialogs_start_at_home_not_here(
    qtbot: QtBot, window_answers, tmp_path: Path, monkeypatch
) -> None:
    assert not _documents().exists()
    monkeypatch.chdir(tmp_path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.command("file.open").trigger()
    ((directory,),) = window_answers.questions("open")
    assert directory == Path.home()


def test_the_recovery_prompt_gives_the_time_in_german_form(
    qtbot: QtBot, window_answers, window_session_file: Path
) -> None:
    crashed = MainWindow()
    crashed.files.open_path(window_session_file)
    crashed.command("edit.add_role").trigger()
    crashed.autosaver.timer.stop()
    crashed.autosaver.write_now()
    crashed.autosaver.wait()
    crashed.autosaver._release_lock()
    crashed.deleteLater()

    set_ui_language("de")
    window = MainWindow()
    qtbot.addWidget(window)
    window.files.offer_recovery()
    ((when, _original),) = window_answers.questions("recover")
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", when), when


def test_the_template_picker_shows_each_templates_description(qtbot: QtBot) -> None:
    infos = list_templates()
    picker = dialogs.TemplatePicker(None, [(i.name, i.title, i.description) for i in infos])
    qtbot.addWidget(picker)
    for row, info in enumerate(infos):
        picker.list.setCurrentRow(row)
        assert picker.description.text() == info.description
        assert picker.chosen() == info.name


def test_a_template_is_picked_with_its_description(window: MainWindow, window_answers) -> None:
    window_answers.template = "customer-service-responsibility"
    window.command("file.new_from_template").trigger()
    ((choices,),) = window_answers.questions("template")
    described = {name: description for name, _title, description in choices}
    assert "Half-day workshop" in described["customer-service-responsibility"]


def _toolbar_positions(window: MainWindow) -> list[int]:
    return [
        button.x()
        for button in window.toolbar.findChildren(QToolButton)
        if button.isVisible() and button.defaultAction() is not None
    ]


def test_toolbar_buttons_stay_put_when_the_undo_step_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = _toolbar_positions(window)
    window.command("edit.add_guardrail").trigger()
    qtbot.wait(10)
    after = _toolbar_positions(window)
    assert after == before
    undo = window.command("edit.undo")
    assert "Add guardrail" in undo.toolTip()
    assert "Add guardrail" in undo.text()  # the Edit menu names the step


def _contrast(one: QColor, other: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_accepted_findings_read_on_a_projector(qtbot: QtBot, window_answers) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.files.open_sample()
    dock = window.findings_dock
    first = dock.tree.topLevelItem(0).child(0)
    dock.tree.setCurrentItem(first)
    dock.accept_current()
    accepted = next(
        dock.tree.topLevelItem(g).child(i)
        for g in range(dock.tree.topLevelItemCount())
        for i in range(dock.tree.topLevelItem(g).childCount())
        if dock.tree.topLevelItem(g).child(i).text(0).startswith("✓")
    )
    ink = accepted.foreground(0).color()
    paper = dock.tree.palette().color(dock.tree.viewport().backgroundRole())
    # WCAG AAA for normal text: readable through a washed-out projector.
    assert _contrast(ink, paper) >= 7


def _rows_in_view(table) -> float:
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def test_raci_and_actions_docks_open_tall_enough_to_work_in(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1280, 720)
    for name in ("raci", "actions"):
        dock = window.facilitation.docks[name]
        dock.show()
        dock.raise_()
        table = window.facilitation.view(name).table
        try:
            qtbot.waitUntil(lambda table=table: _rows_in_view(table) >= 4, timeout=1000)
        except AssertionError:
            raise AssertionError(f"{name}: {_rows_in_view(table):.1f} rows") from None
    assert window.map_view.height() >= 250
