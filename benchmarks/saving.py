"""Save at 5,000 nodes: the longest the window stops answering (issue #17, item 3).

A 5 ms timer ticks on the GUI thread while the window's own
:func:`~workshop_app.ui.saving.save_in_background` saves a generated
organisation; the value is the longest gap between two ticks (or between the
start of the save and the first tick). The reference is the same session
saved with :func:`~workshop_app.fileformat.save_session` on the GUI thread,
as the window once did: there the gap is the whole save. Goal: the window
never freezes longer than 50 ms.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.harness import Config, Figure, Goal, wall_clock
from workshop_app.fileformat import save_session
from workshop_app.ui.controller import SessionController
from workshop_app.ui.saving import save_in_background

__all__ = ["measure"]

SIZE = 5000
TICK_MS = 5
SETTLE_S = 0.05


def measure(config: Config) -> list[Figure]:
    size = SIZE if SIZE in config.sizes else max(config.sizes)
    app = QApplication.instance() or QApplication([])
    controller = SessionController(config.session(size))
    path = config.workdir / f"saved_{size}.yaml"
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(wall_clock()))
    timer.start()
    try:
        worker = [
            _longest_stall(app, ticks, lambda: save_in_background(controller, path))
            for _ in range(max(config.repeat, 3))
        ]
        gui = [
            _longest_stall(app, ticks, lambda: save_session(controller.session, path))
            for _ in range(max(config.repeat, 3))
        ]
    finally:
        timer.stop()
        controller.deleteLater()
    return [
        Figure(
            "longest window stall during Save",
            size,
            max(worker),
            "s",
            Goal(0.05, absolute=True),
            reference=max(gui),
            reference_name="the same save on the GUI thread",
            note=f"{app.platformName()} platform; gaps between {TICK_MS} ms timer ticks, "
            f"worst of {len(worker)} saves",
        )
    ]


def _longest_stall(app: QApplication, ticks: list[float], save: Callable[[], object]) -> float:
    """The longest time the GUI thread ran no timer, from the save's start to its end."""
    _spin(app, SETTLE_S)
    ticks.clear()
    start = wall_clock()
    save()
    end = wall_clock()
    _spin(app, SETTLE_S)
    points = [start, *(t for t in ticks if t >= start)]
    gaps = [later - earlier for earlier, later in itertools.pairwise(points) if earlier <= end]
    return max(gaps, default=end - start)


def _spin(app: QApplication, seconds: float) -> None:
    until = wall_clock() + seconds
    while wall_clock() < until:
        app.processEvents()
