"""One language switch, applied live; the group's content visibly follows the session's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from window_support import group_texts

from workshop_app.domain import SetMeta
from workshop_app.ui.i18n import ui_language
from workshop_app.ui.mainwindow import MainWindow
from workshop_app.ui.settings import saved_language


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_ui_language_switches_live_without_a_box(
    qtbot: QtBot, window: MainWindow, window_answers
) -> None:
    window.facilitation.docks["actions"].show()
    window.command("settings.language_de").trigger()

    assert ui_language() == "de" and saved_language() == "de"
    assert window_answers.asked == []
    assert not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())
    assert _menu_titles(window)[:3] == ["&Datei", "&Bearbeiten", "&Ansicht"]
    assert window.command("file.save").text() == "&Speichern"
    assert window.command("edit.undo").text() == "&Rückgängig"
    assert window.findings_dock.windowTitle().startswith("Befunde")
    assert window.inspector.windowTitle().startswith("Eigenschaften")
    guide = window.facilitation.guide
    assert guide.next_button.text() == "Nächste Phase ▶"
    assert guide.step_label.text().startswith("Phase 1 von")
    assert group_texts(window)[0].endswith("0 offen")
    assert "Knoten" in window.summary.text()
    actions = window.facilitation.actions  # built afresh in the new language
    assert actions.add_button.text() == "Maßnahme hinzufügen"
    assert actions.model.headerData(0, Qt.Orientation.Horizontal) == "Maßnahme"

    window.command("settings.language_en").trigger()
    assert _menu_titles(window)[:3] == ["&File", "&Edit", "&View"]
    assert window.findings_dock.windowTitle().startswith("Findings")
    assert guide.next_button.text() == "Next phase ▶"
    assert window.facilitation.actions.add_button.text() == "Add action"


def test_the_inspector_follows_the_switch_for_what_it_shows(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.map_view.select_subjects(["p_speed"])
    window.command("settings.language_de").trigger()
    kind = window.inspector.field_widget("label").parentWidget()
    assert "Rang" in [label.text() for label in kind.findChildren(QLabel)]
    window.map_view.select_subjects([])
    window.command("settings.language_en").trigger()
    assert window.inspector.field_widget("date").placeholderText().endswith("1/15/2027")


def test_a_german_session_in_an_english_window_says_so_and_can_be_changed(
    qtbot: QtBot, window: MainWindow
) -> None:
    indicator = window.session_language
    assert indicator.text().endswith("English")
    assert not indicator.differs()
    window.controller.execute(SetMeta({"language": "de"}), "Edit language")

    assert indicator.differs()
    assert indicator.text().endswith("Deutsch")
    assert "guide, the findings and the protocol" in indicator.toolTip()
    for dock in (window.findings_dock, window.facilitation.docks["guide"]):
        assert dock.windowTitle().endswith("· Deutsch")

    indicator.choose("en")
    assert window.controller.session.meta["language"] == "en"
    assert not indicator.differs()
    assert window.findings_dock.windowTitle() == "Findings"
    window.command("edit.undo").trigger()
    assert window.controller.session.meta["language"] == "de"


def test_switching_the_window_to_the_sessions_language_ends_the_difference(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.controller.execute(SetMeta({"language": "de"}), "Edit language")
    assert window.session_language.differs()
    window.command("settings.language_de").trigger()
    assert not window.session_language.differs()
    assert window.findings_dock.windowTitle() == "Befunde"
