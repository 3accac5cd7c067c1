"""Helpers of the main-window tests: the window at "Fit map", what the findings dock lists."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from benchmarks.orgs import generate_organisation
from workshop_app.analysis import Finding
from workshop_app.ui.mainwindow import MainWindow

_FINDING_ROLE = 256  # Qt.ItemDataRole.UserRole, where the dock keeps each finding


def shown_findings(window: MainWindow) -> list[tuple[str, tuple[str, ...], bool]]:
    """(code, subjects, accepted) of every finding listed, top to bottom."""
    shown = []
    for row in finding_rows(window):
        finding = row.data(0, _FINDING_ROLE)
        assert isinstance(finding, Finding)
        shown.append((finding.code, finding.subjects, finding.accepted))
    return shown


def finding_rows(window: MainWindow) -> list[QTreeWidgetItem]:
    """The findings dock's rows of findings, top to bottom (the group headers left out)."""
    tree = window.findings_dock.tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [group.child(index) for group in groups for index in range(group.childCount())]


def group_texts(window: MainWindow) -> list[str]:
    """The group headers: errors, warnings, notes."""
    tree = window.findings_dock.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def fitted_window(qtbot: QtBot, width: int, height: int, nodes: int | None) -> MainWindow:
    """The window at ``width`` x ``height`` after "Fit map", on the sample or a generated map."""
    window = MainWindow()
    qtbot.addWidget(window)
    if nodes is None:
        window.files.open_sample()
    else:
        window.controller.replace_session(generate_organisation(nodes), None)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.room_layout.compact is not None)
    qtbot.wait(20)
    window.command("view.fit").trigger()
    return window
