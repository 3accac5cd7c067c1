"""Fixtures of the main-window tests (prefixed ``window_``).

Every question the window asks goes through :mod:`workshop_app.ui.dialogs`;
``window_answers`` replaces those functions for each test, records what was
asked, and answers as the test says, so no modal box ever blocks a test.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.ui import dialogs
from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.language import install_qt_translation
from workshop_app.ui.mainwindow import MainWindow


@pytest.fixture(autouse=True)
def _qt_garbage_collected_here() -> Iterator[None]:
    """Collect the closed windows of a test on the GUI thread, after qtbot closed them.

    A window's Python side holds cycles; left to the next garbage collection,
    they were freed by whichever thread ran it, and a protocol export's
    worker thread freeing Qt widgets crashed the test run (now and then).
    """
    yield
    gc.collect()


SMALL_SESSION = """\
format: workshop-session
version: 1
meta:
  title: Small workshop
  language: en
nodes:
  - {id: p_speed, kind: priority, label: Speed, rank: 1}
  - {id: r_lead, kind: role, label: Team lead, load: 40}
  - {id: r_team, kind: role, label: Service team, load: 50}
  - {id: x_refund, kind: responsibility, label: Refunds, good_enough: money back in a week}
edges:
  - {source: r_team, target: x_refund, kind: accountable}
  - {source: r_lead, target: p_speed, kind: accountable}
  - {source: x_refund, target: p_speed, kind: serves}
  - {source: r_team, target: r_lead, kind: escalates_to, trigger: over 100 EUR}
  - {source: r_lead, target: r_team, kind: deputy_of}
"""


@dataclass
class Answers:
    """The facilitator's answers to the window's questions, and a log of what was asked."""

    unsaved: str = "discard"
    recover: str = "later"
    open_path: Path | None = None
    save_paths: list[Path] = field(default_factory=list)
    save_as_after_failure: bool = False
    accept_note: str | None = "agreed in the workshop"
    template: str | None = None
    asked: list[tuple[str, Any]] = field(default_factory=list)

    def questions(self, name: str) -> list[Any]:
        return [detail for asked, detail in self.asked if asked == name]


@pytest.fixture(autouse=True)
def window_answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Answers]:
    answers = Answers()
    set_ui_language("en")

    def record(name: str, result: Any) -> Any:
        def ask(_parent: object, *details: Any, **_options: Any) -> Any:
            answers.asked.append((name, details))
            return result() if callable(result) else result

        return ask

    passing = dialogs.show_passing

    def show_passing(*args: Any, **kwargs: Any) -> Any:
        answers.asked.append(("show_passing", args[1:3]))
        return passing(*args, **kwargs)

    monkeypatch.setattr(dialogs, "ask_unsaved_changes", record("unsaved", lambda: answers.unsaved))
    monkeypatch.setattr(dialogs, "ask_recover", record("recover", lambda: answers.recover))
    monkeypatch.setattr(dialogs, "ask_open_path", record("open", lambda: answers.open_path))
    monkeypatch.setattr(
        dialogs,
        "ask_save_path",
        record("save_path", lambda: answers.save_paths.pop(0) if answers.save_paths else None),
    )
    monkeypatch.setattr(
        dialogs,
        "ask_save_as_after_failure",
        record("save_failed", lambda: answers.save_as_after_failure),
    )
    monkeypatch.setattr(dialogs, "ask_accept_note", record("note", lambda: answers.accept_note))
    monkeypatch.setattr(dialogs, "ask_template", record("template", lambda: answers.template))
    monkeypatch.setattr(dialogs, "show_error", record("error", None))
    monkeypatch.setattr(dialogs, "show_passing", show_passing)
    yield answers
    # A test that switched the language live leaves Qt's own texts in it, too.
    set_ui_language("en")
    app = QApplication.instance()
    if app is not None:
        install_qt_translation(app, "en")


@pytest.fixture
def window_session_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_SESSION, encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot: QtBot, window_session_file: Path) -> Iterator[MainWindow]:
    """The main window on the small session, shown."""
    main = MainWindow()
    qtbot.addWidget(main)
    assert main.files.open_path(window_session_file)
    main.resize(1400, 900)
    main.show()
    main.activateWindow()
    qtbot.waitActive(main)
    yield main
