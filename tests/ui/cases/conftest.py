"""Fixtures of the case-walk and delegation-board tests (prefixed ``cases_``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from workshop_app.fileformat import load_session
from workshop_app.resources import resource_path
from workshop_app.ui import dialogs
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.mainwindow import MainWindow
from workshop_app.ui.views.cases import state


@pytest.fixture
def cases_window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The main window on the bundled sample, English UI, animations quick."""
    set_ui_language("en")
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *_args, **_kw: "discard")
    monkeypatch.setattr(dialogs, "ask_recover", lambda *_args, **_kw: "later")
    monkeypatch.setattr(state, "STEP_MS", 40)
    sample = load_session(resource_path("samples", "versandhandel.yaml"))
    window = MainWindow(SessionController(sample))
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    yield window
    set_ui_language("en")
