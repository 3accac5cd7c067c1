"""The map canvas: a full repaint, a zoom step and a pan step at 1,000 nodes.

The real :class:`workshop_app.ui.map.MapView` shows a saved organisation in
a 1600 x 900 viewport (a projector's window beside its docks), against an
absolute goal: one 60 Hz frame, 16.7 ms. A frame's figure is the CPU time
of this process (Qt paints in the GUI thread): on a shared machine the
wall time of a frame mostly measures the neighbours (the same frames took
12 ms in one run and 20 ms in the next). The wall-time median is in the
note and the JSON; under Xvfb it also includes copying the frame to the X
server.

- full repaint: ``viewport().repaint()``, synchronous, with the item caches
  filled, once with the whole map in view and once at 100 % (labels drawn);
- zoom step: one ``zoom_in`` or ``zoom_out`` at 100 % and the repaint it
  needs (within a gesture the view shows its last frame scaled);
- settled zoom: the full-quality repaint once a zoom gesture has ended
  (the device-coordinate caches are redrawn at the new scale), after one
  step in; not a frame of the gesture, but the pause the user sees after it;
- pan step: ``pan_by`` 40 pixels and the pending events processed, which
  paint what the scroll uncovered.

An event filter counts the viewport's paint events, so a step that painted
nothing would be reported as an error rather than as fast.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QTransform
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.harness import Config, Figure, Goal, cpu_clock, wall_clock
from workshop_app.ui.controller import SessionController
from workshop_app.ui.map import MapView

__all__ = ["measure"]

FRAME = Goal(1 / 60, absolute=True)
SIZE = 1000
#: The pan step is measured on the largest organisation too (#17: ≤ 16 ms at 5,000 nodes).
LARGE = 5000
VIEWPORT = (1600, 900)
PAN_PIXELS = 40


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def measure(config: Config) -> list[Figure]:
    size = SIZE if SIZE in config.sizes else max(config.sizes)
    figures = _canvas(config, size)
    if LARGE in config.sizes:
        figures += _canvas(config, LARGE, only_pan=True)
    return figures


def _canvas(config: Config, size: int, *, only_pan: bool = False) -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    view = MapView(SessionController(config.session(size)))
    # The map as it is once open: a large one draws its relations in slices
    # after the first paint (see ui/map/scene.py); measured once drawn.
    view.scene().finish_building()
    view.resize(*VIEWPORT)
    view.show()
    try:
        if not QTest.qWaitForWindowExposed(view):
            raise RuntimeError("the map window was never shown")
        counter = _PaintCounter()
        view.viewport().installEventFilter(counter)
        repeat = max(config.repeat, 10)

        def step(action: Callable[[], object], flush: Callable[[], object]) -> tuple[float, float]:
            before = counter.count
            start, start_cpu = wall_clock(), cpu_clock()
            action()
            flush()
            elapsed = (cpu_clock() - start_cpu, wall_clock() - start)
            if counter.count == before:
                raise RuntimeError("a measured step painted nothing")
            return elapsed

        repaint = view.viewport().repaint
        view.fit_all()
        fit_zoom = view.zoom()
        repaint()  # fills the item caches at this scale
        whole = [step(lambda: None, repaint) for _ in range(repeat)]
        view.setTransform(QTransform())
        view.centerOn(view.scene().nodes_rect().center())
        repaint()
        readable = [step(lambda: None, repaint) for _ in range(repeat)]
        zooms = [
            step(view.zoom_in if i % 2 == 0 else view.zoom_out, repaint) for i in range(repeat)
        ]
        settled = []
        for i in range(repeat):
            view.zoom_in() if i % 2 == 0 else view.zoom_out()
            repaint()
            settled.append(step(view.settle_zoom, repaint))
        view.settle_zoom()
        repaint()
        pans = [
            step(lambda i=i: view.pan_by(QPoint(PAN_PIXELS if i % 4 < 2 else -PAN_PIXELS, 0)),
                 app.processEvents)
            for i in range(repeat)
        ]  # fmt: skip
    finally:
        view.close()
        view.deleteLater()
    note = f"{app.platformName()} platform, {VIEWPORT[0]}x{VIEWPORT[1]} viewport, CPU time"
    if only_pan:
        rows = [(f"canvas pan step ({PAN_PIXELS} px)", pans, note)]
        return _figures(rows, size, settled)
    rows = [
        ("canvas full repaint, whole map", whole, f"{note}; zoom {fit_zoom:.2f}"),
        ("canvas full repaint, 100 %", readable, note),
        ("canvas zoom step (1.25x)", zooms, note),
        ("canvas redraw after a zoom gesture", settled, note),
        (f"canvas pan step ({PAN_PIXELS} px)", pans, note),
    ]
    return _figures(rows, size, settled)


def _figures(rows: list, size: int, settled: list) -> list[Figure]:
    # The redraw after a gesture is not a frame of it: shown without a goal.
    return [
        Figure(
            name,
            size,
            statistics.median(cpu for cpu, _ in times),
            "s",
            None if times is settled else FRAME,
            note=f"{text}; wall time {statistics.median(wall for _, wall in times) * 1000:.1f} ms",
            extra={"wall": [wall for _, wall in times]},
        )
        for name, times, text in rows
    ]
