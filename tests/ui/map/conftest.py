"""Fixtures of the map tests (prefixed ``map_``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from map_helpers import MapShow, shown_view
from map_samples import german_session
from pytestqt.qtbot import QtBot

from workshop_app.domain import Session
from workshop_app.ui.map import MapView


@pytest.fixture
def map_show(qtbot: QtBot) -> Iterator[MapShow]:
    """Show a map view of a session; the views live until the test is torn down.

    A top-level view held only by a test's local variable would be freed by
    Python's garbage collector whenever it runs, even in the middle of a
    paint event, and take the process down.
    """
    views: list[MapView] = []

    def show(session: Session) -> MapView:
        views.append(shown_view(qtbot, session))
        return views[-1]

    yield show


@pytest.fixture
def map_view(map_show: MapShow) -> MapView:
    """A map of the German customer-service session, every node positioned."""
    return map_show(german_session(positioned=True))
