"""One edit in the whole window at 1,000 nodes: what the facilitator feels.

The re-analysis after an edit has its own goal (:mod:`benchmarks.analysis`);
in the window, every view then follows the change: the map, the findings
dock, the RACI matrix, the priorities, the status bar. This measures
``controller.execute`` of the same edit (and its undo, in turn) in a real
:class:`~workshop_app.ui.mainwindow.MainWindow` on a saved organisation,
until the pending events (the repaint) are processed. CPU time of the
process, as for the canvas (the wall-time median is in the note). Issue
#17's goal: within 16 ms, a frame.
"""

from __future__ import annotations

import statistics

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.analysis import one_edit
from benchmarks.harness import Config, Figure, Goal, cpu_clock, wall_clock
from workshop_app.domain import RemoveEdge
from workshop_app.ui.mainwindow import MainWindow

__all__ = ["measure"]

SIZE = 1000
WINDOW = (1600, 1000)
GOAL = Goal(0.016, absolute=True)


def measure(config: Config) -> list[Figure]:
    size = SIZE if SIZE in config.sizes else max(config.sizes)
    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(*WINDOW)
    window.show()
    try:
        if not QTest.qWaitForWindowExposed(window):
            raise RuntimeError("the window was never shown")
        window.controller.replace_session(config.session(size), None)
        app.processEvents()
        (edit,) = one_edit(window.controller.session)
        steps = (edit, RemoveEdge(edit.source, edit.target, edit.kind))
        times, walls = [], []
        for index in range(max(config.repeat, 10) * 2):
            start, start_cpu = wall_clock(), cpu_clock()
            if not window.controller.execute(steps[index % 2], "benchmark"):
                raise RuntimeError("the window refused the edit")
            app.processEvents()
            times.append(cpu_clock() - start_cpu)
            walls.append(wall_clock() - start)
    finally:
        window.controller.undo_stack.setClean()  # nothing to ask about on closing
        window.close()
        window.deleteLater()
    return [
        Figure(
            "one edit in the window",
            size,
            statistics.median(times),
            "s",
            GOAL,
            note=f"{app.platformName()} platform; all views follow, then the repaint; "
            f"CPU time; wall time {statistics.median(walls) * 1000:.1f} ms",
        )
    ]
