"""Helpers of the main-window tests: what the facilitator sees in the findings dock."""

from __future__ import annotations

from workshop_app.analysis import Finding
from workshop_app.ui.mainwindow import MainWindow

_FINDING_ROLE = 256  # Qt.ItemDataRole.UserRole, where the dock keeps each finding


def shown_findings(window: MainWindow) -> list[tuple[str, tuple[str, ...], bool]]:
    """(code, subjects, accepted) of every finding listed, top to bottom."""
    tree = window.findings_dock.tree
    shown = []
    for group_index in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(group_index)
        for index in range(group.childCount()):
            finding = group.child(index).data(0, _FINDING_ROLE)
            assert isinstance(finding, Finding)
            shown.append((finding.code, finding.subjects, finding.accepted))
    return shown


def group_texts(window: MainWindow) -> list[str]:
    """The group headers: errors, warnings, notes."""
    tree = window.findings_dock.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
