"""Opening a file: positions settled by the core, analysed once, no view writing to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from workshop_app.analysis.rules import RULES
from workshop_app.layout import node_positions
from workshop_app.ui.mainwindow import MainWindow


def test_opening_a_file_analyses_it_once_and_no_view_writes_to_it(
    qtbot: QtBot, window: MainWindow, window_session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    views = window.facilitation
    for name in ("priorities", "raci", "actions"):
        views.view(name)  # every view built: each one sees the new session
    passes: list[object] = []
    severity, isolated = RULES["isolated"]

    def counted(graph: Any) -> Any:
        passes.append(graph)
        return isolated(graph)

    monkeypatch.setitem(RULES, "isolated", (severity, counted))
    edits: list[object] = []
    window.controller.changed.connect(edits.append)

    assert window.files.open_path(window_session_file)  # the file holds no positions
    qtbot.wait(50)

    session = window.controller.session
    assert len(passes) == 1, f"{len(passes)} analysis passes for one open"
    assert edits == [], "a view wrote to the session while it was shown"
    nodes = session.graph.nodes
    assert all("position" in attrs for _, attrs in nodes(data=True))
    shown = {node_id: item.pos() for node_id, item in window.map_view.scene().nodes.items()}
    assert {n: (p.x(), p.y()) for n, p in shown.items()} == node_positions(session)
    assert not window.isWindowModified() and window.controller.undo_stack.count() == 0
