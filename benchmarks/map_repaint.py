"""How fast the map canvas builds and repaints generated organisations.

Run ``python -m benchmarks.map_repaint [SIZES…]`` (under ``xvfb-run`` or with
``QT_QPA_PLATFORM=offscreen``). For each size it reports, in milliseconds
(best of several runs):

- ``layout``: placing a map saved without positions (the automatic layout);
- ``build``: creating the view's items from the session;
- ``fit cold``: the first full repaint of the fitted map (item caches empty);
- ``fit``: a full repaint of the fitted map (caches warm, as while panning);
- ``100 %``: a full repaint at 100 % zoom;
- ``zoom step``: one wheel step of zoom plus the repaint it causes;
- ``drag (fit)``, ``drag (100 %)``: one step of dragging the node with the
  most edges by mouse, and the full repaint after it;

Times are CPU time of this process (the machine may be shared); and, as
the reference run in the same process, a full repaint of an empty
map view of the same size, with each figure as a ratio to it. One frame at
60 Hz is 16.7 ms.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from benchmarks.orgs import generate_organisation
from workshop_app.domain import Session
from workshop_app.layout import layout_operation
from workshop_app.ui.controller import SessionController
from workshop_app.ui.map import MapView

VIEW_SIZE = (1600, 900)


def _best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times) * 1000


def _shown(session: Session) -> MapView:
    view = MapView(SessionController(session))
    view.resize(*VIEW_SIZE)
    view.show()
    QApplication.processEvents()
    return view


def measure(size: int) -> dict[str, float]:
    session = generate_organisation(size)
    figures = {"layout": _best(1, lambda: layout_operation(session))}
    session.apply(layout_operation(session))
    start = time.process_time()
    view = _shown(session)
    figures["build"] = (time.process_time() - start) * 1000
    grab = view.viewport().grab
    figures["fit cold"] = _best(1, grab)
    figures["fit"] = _best(5, grab)
    figures["drag (fit)"] = _drag(view, 10)
    view.setTransform(view.transform().fromScale(1.0, 1.0))
    grab()
    figures["100 %"] = _best(5, grab)

    def zoom_step() -> None:
        view.zoom_in()
        grab()
        view.zoom_out()
        grab()

    figures["zoom step"] = _best(3, zoom_step) / 2
    view.setTransform(view.transform().fromScale(1.0, 1.0))
    figures["drag (100 %)"] = _drag(view, 10)
    view.close()
    return figures


def _drag(view: MapView, frames: int) -> float:
    """Drag the busiest node by mouse; the best time of one step and its repaint.

    The press and the release (which records the move and re-runs the
    analysis once) are not part of a frame.
    """
    scene = view.scene()
    busiest = scene.nodes[max(scene.nodes, key=lambda node_id: len(scene.edges.incident(node_id)))]
    viewport = view.viewport()
    start = view.mapFromScene(busiest.pos())
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _mouse(viewport, QEvent.Type.MouseButtonPress, start, left, left)
    times = []
    for frame in range(1, frames + 1):
        begin = time.process_time()
        _mouse(viewport, QEvent.Type.MouseMove, start + QPoint(8 * frame, 3 * frame), none, left)
        viewport.grab()
        times.append(time.process_time() - begin)
    end = start + QPoint(8 * frames, 3 * frames)
    _mouse(viewport, QEvent.Type.MouseButtonRelease, end, left, none)
    return min(times) * 1000


def _mouse(
    widget: QWidget,
    kind: QEvent.Type,
    point: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
) -> None:
    event = QMouseEvent(
        kind, QPointF(point), QPointF(widget.mapToGlobal(point)), button, buttons,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def main(sizes: list[int]) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    empty = _shown(Session())
    reference = _best(10, empty.viewport().grab)
    print(f"reference: full repaint of an empty {VIEW_SIZE[0]}x{VIEW_SIZE[1]} map: "
          f"{reference:.2f} ms")  # fmt: skip
    for size in sizes:
        figures = measure(size)
        cells = "  ".join(
            f"{name} {value:7.1f} ms ({value / reference:5.1f}x)" for name, value in figures.items()
        )
        print(f"{size:5d} nodes  {cells}")
    empty.close()
    del app


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [300, 1000])
