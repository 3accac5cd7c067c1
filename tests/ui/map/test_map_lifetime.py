"""A map view goes with its last reference, in the GUI thread, not with the garbage collector.

The collector runs in whichever thread allocates at the time: had the view
been left to it, a protocol export's worker thread could destroy the
presentation window's widgets, and Qt crashes.
"""

from __future__ import annotations

import gc
import weakref

from map_samples import german_session
from pytestqt.qtbot import QtBot

from workshop_app.ui.controller import SessionController
from workshop_app.ui.map import MapView


def test_a_shown_and_used_view_is_freed_by_its_last_reference(qtbot: QtBot) -> None:
    controller = SessionController(german_session(positioned=True))
    view = MapView(controller)
    view.show()
    qtbot.waitExposed(view)
    view.select_only(node_ids=["r_agent"])
    view.connect_selected()
    view.connector.close()
    view.zoom_in()
    gone = weakref.ref(view)
    enabled = gc.isenabled()
    gc.disable()
    try:
        del view
        assert gone() is None
    finally:
        if enabled:
            gc.enable()
