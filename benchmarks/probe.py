"""A fresh process that opens a window and reports its first paint.

Run by :mod:`benchmarks.startup` and :mod:`benchmarks.memory`, never
imported by them (what it imports is what it measures)::

    python -m benchmarks.probe bare [LINGER_MS]
    python -m benchmarks.probe app FILE [LINGER_MS]
    python -m benchmarks.probe map FILE [LINGER_MS]

``bare`` is the reference: a ``QApplication`` and an empty ``QMainWindow``,
with networkx imported. ``app`` starts the real window the way
``workshop-app FILE`` does (:func:`workshop_app.ui.app.run`). ``map`` is a
diagnostic between the two: a ``QMainWindow`` holding only the map canvas
on the session, without menus, docks and views.

An event filter on the application sees the first ``QEvent.Type.Paint`` that
reaches the main window (the top-level widget: Qt paints it first, then its
children, in the same pass), and for ``app`` and ``map`` the first paint of
the map's viewport with nodes on it (the window shows before the session is
open, and the map fills in). Its ``time.monotonic()`` is the first paint;
the parent compares it with the monotonic time at which it started the
process (the clock is system-wide). ``LINGER_MS`` later the probe prints
one JSON line (first paint, peak RSS, CPU time, which heavy packages are
loaded) and exits at once, without closing the window.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsView, QMainWindow

#: Packages whose presence at first paint is worth reporting.
WATCHED = ("reportlab", "networkx", "yaml", "workshop_app.protocol.export")


class _FirstPaint(QObject):
    """Sees the main window's first paint and, with a session, the map's.

    The map counts as painted when its view's viewport paints with nodes in
    the scene (the window may show before the session is open; its map
    then fills in).
    """

    def __init__(self, linger_ms: int, wait_for_map: bool) -> None:
        super().__init__()
        self.linger_ms = linger_ms
        self.wait_for_map = wait_for_map
        self.painted: float | None = None
        self.map_painted: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        if self.painted is None and isinstance(watched, QMainWindow):
            self.painted = time.monotonic()
            if not self.wait_for_map:
                QTimer.singleShot(self.linger_ms, self.report)
        elif self.map_painted is None and self.wait_for_map and _is_map_with_nodes(watched):
            self.map_painted = time.monotonic()
            QTimer.singleShot(self.linger_ms, self.report)
        return False

    def report(self) -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result = {
            "first_paint": self.painted,
            "map_paint": self.map_painted,
            "peak_rss_kib": _peak_rss_kib(usage),
            "maxrss_kib": usage.ru_maxrss,
            "cpu": usage.ru_utime + usage.ru_stime,
            "loaded": [name for name in WATCHED if name in sys.modules],
            "modules": len(sys.modules),
        }
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()
        # No teardown: closing the window could ask to save, and is not measured.
        os._exit(0)


def _is_map_with_nodes(widget: QObject) -> bool:
    view = widget.parent()
    if not isinstance(view, QGraphicsView) or widget is not view.viewport():
        return False
    scene = view.scene()
    return scene is not None and len(scene.items()) > 1  # more than the edge layer


def _peak_rss_kib(usage: resource.struct_rusage) -> int:
    """This process's peak resident set size.

    ``ru_maxrss`` survives ``exec``: a child started by a parent that holds
    a large map reports the parent's size (Linux keeps the larger of the two).
    ``VmHWM`` belongs to the process's own memory, so it is used where the
    system has it.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return usage.ru_maxrss


def main(argv: list[str]) -> None:
    kind, rest = argv[0], argv[1:]
    app = QApplication(sys.argv[:1])
    linger_ms = int(rest[-1]) if rest and rest[-1].isdigit() else 0
    probe = _FirstPaint(linger_ms, wait_for_map=kind != "bare")
    app.installEventFilter(probe)
    if kind == "bare":
        import networkx  # noqa: F401  (the reference pays for the graph library too)

        window = QMainWindow()
        window.show()
        app.exec()
    elif kind == "app":
        from pathlib import Path

        from workshop_app.ui.app import run

        run(Path(rest[0]))
    elif kind == "map":
        from workshop_app.fileformat import load_session
        from workshop_app.ui.controller import SessionController
        from workshop_app.ui.map import MapView

        window = QMainWindow()
        window.setCentralWidget(MapView(SessionController(load_session(rest[0]))))
        window.show()
        app.exec()
    else:
        raise SystemExit(f"unknown probe {kind!r}; use bare, app or map")


if __name__ == "__main__":
    main(sys.argv[1:])
