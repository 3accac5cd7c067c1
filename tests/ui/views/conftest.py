"""Fixtures of the facilitation-view tests (prefixed ``views_``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from views_support import FakeClock, StandInMap, small_session

from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import set_ui_language

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "versandhandel.yaml"


@pytest.fixture
def views_english() -> None:
    set_ui_language("en")


@pytest.fixture
def views_german(views_english: None):
    """The UI in German for one test."""
    set_ui_language("de")
    yield
    set_ui_language("en")


@pytest.fixture
def views_controller(qtbot: object, views_english: None) -> SessionController:
    return SessionController(small_session())


@pytest.fixture
def views_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def views_window(qtbot, views_controller: SessionController) -> QMainWindow:
    """A minimal main window as the window engineer's offers it to the views."""
    window = QMainWindow()
    window.controller = views_controller
    window.map_view = StandInMap(views_controller)
    window.setCentralWidget(window.map_view)
    window.view_menu = window.menuBar().addMenu("View")
    qtbot.addWidget(window)
    return window
