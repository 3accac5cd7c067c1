"""File → Compare with…: the map marked with the changes, a dock listing them, and back.

A comparison is a view, not an edit: the undo stack, the unsaved state and
the autosave are the same before, during and after it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from workshop_app.compare import compare_sessions, describe
from workshop_app.domain import SetNodeFields
from workshop_app.fileformat import load_session
from workshop_app.ui.compare.install import show_stability
from workshop_app.ui.compare.mode import REFRESH_DELAY_MS
from workshop_app.ui.mainwindow import MainWindow

Answers = Any  # the window_answers fixture's record (tests/ui/window/conftest.py)


def _earlier(text: str, date: str = "2026-01-10") -> str:
    """The window's small session some weeks earlier: another label, a role since
    removed, no deputy yet."""
    return (
        text.replace("label: Refunds", "label: Refund requests")
        .replace("title: Small workshop", f"title: Small workshop\n  date: {date}")
        .replace("  - {source: r_lead, target: r_team, kind: deputy_of}\n", "")
        .replace(
            "edges:\n",
            "  - {id: r_back, kind: role, label: Back office, load: 90}\n"
            "edges:\n  - {source: r_back, target: x_refund, kind: consulted}\n",
        )
    )


@pytest.fixture
def earlier_file(tmp_path: Path, window_session_file: Path) -> Path:
    path = tmp_path / "january.yaml"
    path.write_text(_earlier(window_session_file.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def _compare(window: MainWindow, answers: Answers, path: Path) -> None:
    answers.open_path = path
    window.command("file.compare").trigger()


def _state(window: MainWindow) -> tuple[int, bool, bool, bool]:
    stack = window.controller.undo_stack
    return (
        stack.count(),
        stack.isClean(),
        window.isWindowModified(),
        window.autosaver.timer.isActive(),
    )


def test_the_map_shows_added_changed_and_removed_and_the_dock_lists_them(
    window: MainWindow, window_answers: Answers, earlier_file: Path
) -> None:
    before = _state(window)
    _compare(window, window_answers, earlier_file)

    comparison = window.comparison
    assert comparison.active and comparison.dock.isVisible()
    assert set(comparison.overlay.ghosts) == {"r_back"}
    assert comparison.overlay.marked_nodes() == {"x_refund": "changed"}
    assert comparison.overlay.ghosts["r_back"].toolTip() == "Removed since: Role “Back office”"
    diff = compare_sessions(load_session(earlier_file), window.controller.session)
    assert [e.text for e in comparison.dock.entries()] == [e.text for e in describe(diff)]
    assert "january.yaml (2026-01-10)" in comparison.dock.heading.text()
    assert any("Refunds" in e.text and "label" in e.text for e in comparison.dock.entries())
    assert _state(window) == before


def test_picking_a_change_selects_and_centres_it_ghosts_included(
    window: MainWindow, window_answers: Answers, earlier_file: Path
) -> None:
    _compare(window, window_answers, earlier_file)
    dock, view = window.comparison.dock, window.map_view
    changed = next(e for e in dock.entries() if e.section == "nodes" and e.change == "changed")
    dock.select_entry(changed)
    assert view.selected_nodes() == ["x_refund"]

    removed = next(e for e in dock.entries() if e.section == "nodes" and e.change == "removed")
    dock.select_entry(removed)
    ghost = window.comparison.overlay.ghosts["r_back"]
    assert ghost.current and view.selected_nodes() == []
    centre = view.mapToScene(view.viewport().rect().center())
    assert (centre - ghost.pos()).manhattanLength() < 5


def test_back_to_the_map_takes_every_mark_away(
    window: MainWindow, window_answers: Answers, earlier_file: Path
) -> None:
    scene = window.map_view.scene()
    items_before = len(scene.items())
    _compare(window, window_answers, earlier_file)
    assert len(scene.items()) > items_before
    assert window.command("file.end_comparison").isEnabled()

    window.comparison.dock.back.click()

    assert not window.comparison.active and not window.comparison.dock.isVisible()
    assert len(scene.items()) == items_before
    assert not window.command("file.end_comparison").isEnabled()


def test_an_edit_while_comparing_is_an_ordinary_edit_and_the_marks_follow(
    qtbot: QtBot, window: MainWindow, window_answers: Answers, earlier_file: Path
) -> None:
    _compare(window, window_answers, earlier_file)
    assert "x_refund" in window.comparison.diff.nodes.changed

    window.controller.execute(SetNodeFields("x_refund", {"label": "Refund requests"}), "Rename")
    qtbot.waitUntil(
        lambda: "x_refund" not in window.comparison.diff.nodes.changed,
        timeout=REFRESH_DELAY_MS * 10,
    )

    assert window.controller.undo_stack.count() == 1
    window.controller.undo_stack.undo()
    qtbot.waitUntil(
        lambda: "x_refund" in window.comparison.diff.nodes.changed, timeout=REFRESH_DELAY_MS * 10
    )
    assert window.controller.undo_stack.isClean()


def test_opening_another_session_ends_the_comparison(
    window: MainWindow, window_answers: Answers, earlier_file: Path, window_session_file: Path
) -> None:
    _compare(window, window_answers, earlier_file)
    assert window.files.open_path(window_session_file)
    assert not window.comparison.active and window.comparison.overlay is None


def test_the_entry_point_takes_the_edited_session_on_either_side(
    window: MainWindow, earlier_file: Path
) -> None:
    other = load_session(earlier_file)
    current = window.controller.session
    window.comparison.show(current, other, "this window", "on disk")

    overlay = window.comparison.overlay
    assert set(overlay.ghosts) == {"r_back"}
    assert overlay.ghosts["r_back"].change == "added"
    with pytest.raises(ValueError, match="being edited"):
        window.comparison.show(other, load_session(earlier_file), "a", "b")


def test_a_later_file_is_compared_as_the_later_workshop(
    window: MainWindow, window_answers: Answers, earlier_file: Path, tmp_path: Path
) -> None:
    window.controller.session.meta["date"] = "2026-03-01"
    later = tmp_path / "may.yaml"
    later.write_text(earlier_file.read_text().replace("2026-01-10", "2026-05-02"))
    _compare(window, window_answers, later)

    assert window.comparison.overlay.ghosts["r_back"].change == "added"
    assert window.comparison.dock.heading.text().endswith("may.yaml (2026-05-02)")


def test_a_file_that_cannot_be_loaded_is_refused_naming_the_place(
    window: MainWindow, window_answers: Answers, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: workshop-session\nversion: 1\nnodes: 7\n", encoding="utf-8")
    _compare(window, window_answers, broken)

    assert not window.comparison.active
    ((title, message),) = window_answers.questions("error")
    assert title == "Cannot compare" and "broken.yaml, line 3" in message


def test_the_stability_table_of_a_series(
    window: MainWindow, earlier_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    march = tmp_path / "march.yaml"
    text = earlier_file.read_text().replace("2026-01-10", "2026-03-05")
    cost = "Speed, rank: 1}\n  - {id: p_cost, kind: priority, label: Cost, rank: 1}"
    march.write_text(text.replace("Speed, rank: 1}", cost))
    chosen = [str(march), str(earlier_file)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_args: (chosen, ""))
    window.controller.session.meta["date"] = "2026-06-01"

    dialog = show_stability(window)

    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Changes",
        "1→2",
        "2→3",
    ]
    assert table.verticalHeaderItem(0).text() == "Priority order"
    assert [table.item(0, c).text() for c in range(3)] == ["2 of 2", "●", "●"]
    assert dialog.workshops.text().splitlines()[0].startswith("1  january.yaml")
    assert _state(window)[0] == 0


def test_the_protocol_since_the_compared_workshop(
    qtbot: QtBot,
    window: MainWindow,
    window_answers: Answers,
    earlier_file: Path,
    tmp_path: Path,
) -> None:
    _compare(window, window_answers, earlier_file)
    window_answers.save_paths.append(tmp_path / "protocol.pdf")
    window.command("file.export_protocol_since").trigger()
    qtbot.waitUntil(window.exporter.is_idle, timeout=60_000)

    assert len(window_answers.questions("open")) == 1  # the compared session, not asked again
    assert not window_answers.questions("error")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "protocol.pdf"), "-"],
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout  # fmt: skip
        assert "Since the last workshop" in text
        assert "“Back office” works at 90 % of capacity" in text  # a finding resolved since
    assert _state(window)[0] == 0


def test_the_changes_dock_follows_a_switch_of_the_window_language(
    window: MainWindow, window_answers: Answers, earlier_file: Path
) -> None:
    from workshop_app.ui.language import switch_ui_language

    _compare(window, window_answers, earlier_file)
    assert window.comparison.dock.heading.text().startswith("From january.yaml")
    try:
        switch_ui_language(window, "de")
        assert window.comparison.dock.heading.text().startswith("Von january.yaml")
        assert window.comparison.dock.back.text() == "Zurück zur Landkarte"
    finally:
        switch_ui_language(window, "en")
