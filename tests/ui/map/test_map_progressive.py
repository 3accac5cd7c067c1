"""A large map opens with its nodes at once; its relations are drawn in while the window lives."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from benchmarks.orgs import generate_organisation
from workshop_app.domain import RemoveEdge, Session
from workshop_app.layout import layout_operation
from workshop_app.ui.controller import SessionController
from workshop_app.ui.map import MapView, progress
from workshop_app.ui.map.scene import EDGES_AT_ONCE


@pytest.fixture(scope="module")
def large() -> Session:
    session = generate_organisation(1000, seed=3)
    session.apply(layout_operation(session, full=True))
    assert session.graph.number_of_edges() > EDGES_AT_ONCE
    return session


def _view(qtbot: QtBot, session: Session) -> MapView:
    view = MapView(SessionController(session))
    qtbot.addWidget(view)
    return view


def test_nodes_come_at_once_and_relations_fill_in(qtbot: QtBot, large: Session) -> None:
    view = _view(qtbot, large)
    scene = view.scene()
    assert set(scene.nodes) == set(large.graph.nodes)
    assert scene.building
    assert len(scene.layer) < len(scene.edges)
    progress: list[tuple[int, int]] = []
    scene.buildProgress.connect(lambda done, total: progress.append((done, total)))
    qtbot.waitUntil(lambda: not scene.building, timeout=20_000)
    assert len(scene.layer) == large.graph.number_of_edges()
    assert progress[-1][0] == progress[-1][1] == len(scene.edges)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


def test_the_first_frame_shows_the_nodes_before_any_relation_is_drawn_in(
    qtbot: QtBot, large: Session
) -> None:
    view = _view(qtbot, large)
    scene = view.scene()
    drawn_at_first_paint: list[int] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not drawn_at_first_paint:
                drawn_at_first_paint.append(len(scene.edges) - scene.edges.pending)
            return False

    watcher = FirstPaint()
    view.viewport().installEventFilter(watcher)
    view.show()
    qtbot.waitUntil(lambda: bool(drawn_at_first_paint), timeout=5_000)
    assert drawn_at_first_paint == [0]
    qtbot.waitUntil(lambda: not scene.building, timeout=20_000)


def test_an_edit_while_relations_fill_in_is_kept(qtbot: QtBot, large: Session) -> None:
    view = _view(qtbot, large.copy())
    scene = view.scene()
    key = max(view.controller.session.graph.edges(keys=True))
    view.controller.execute(RemoveEdge(*key), "")
    qtbot.waitUntil(lambda: not scene.building, timeout=20_000)
    assert key not in scene.edges
    assert scene.edge_path(key) is None
    assert len(scene.layer) == view.controller.session.graph.number_of_edges()


def test_export_and_select_all_draw_what_is_pending_first(qtbot: QtBot, large: Session) -> None:
    view = _view(qtbot, large)
    view.select_all()
    assert not view.scene().building
    assert len(view.selected_edges()) == large.graph.number_of_edges()


def test_a_progress_bar_shows_while_drawing_lasts_and_goes_at_the_end(
    qtbot: QtBot, large: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "SHOW_AFTER_MS", 0)
    view = _view(qtbot, large)
    view.show()
    seen: list[bool] = []

    def bar_shown() -> bool:
        bar = view.findChild(progress.BuildProgress)
        return bar is not None and bar.isVisible()

    view.scene().buildProgress.connect(lambda *_: seen.append(bar_shown()))
    qtbot.waitUntil(lambda: not view.scene().building, timeout=20_000)
    assert any(seen)
    assert not bar_shown()
