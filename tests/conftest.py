"""Shared test set-up: Qt without a screen, and no test touching the user's files.

``QT_QPA_PLATFORM`` must be set before Qt loads, hence at import time. The
isolation fixture gives every test its own home, settings and app-data
folders; it loads Qt only for tests that use it, so the pure core's tests
keep proving that they run without Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

#: Qt warnings that come from the offscreen platform itself, not from the code
#: under test: it cannot pass a window's size limits on to a screen.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A fresh home with its own XDG folders, QSettings file and app-data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for variable, folder in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        (home / folder).mkdir(parents=True)
        monkeypatch.setenv(variable, str(home / folder))
    if "PySide6.QtCore" in sys.modules:
        _isolate_qt(home)
    yield home


def _isolate_qt(home: Path) -> None:
    """Point QSettings and QStandardPaths into ``home``.

    QSettings reads its folder once per process, so it is set explicitly;
    test mode makes QStandardPaths use ``~/.qttest`` below the (new) home.
    """
    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(home / ".qttest" / "settings"))
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(home / ".qttest" / "settings"))
    QCoreApplication.setOrganizationName("ResponsibilityMapTests")
    QCoreApplication.setApplicationName("workshop-app-tests")


@pytest.fixture(autouse=True)
def file_questions_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's questions about a file open elsewhere or changed on disk, answered as
    the app behaved before it asked them ("anyway", "overwrite"), for tests that do not
    ask about them; tests of those questions replace these answers."""
    if "PySide6.QtCore" not in sys.modules:
        return  # the pure core's tests run without Qt
    from workshop_app.ui import file_questions

    monkeypatch.setattr(file_questions, "ask_locked", lambda *_args, **_kw: "anyway")
    monkeypatch.setattr(file_questions, "ask_changed_on_disk", lambda *_args, **_kw: "overwrite")
