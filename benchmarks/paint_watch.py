"""What :mod:`benchmarks.probe` watches in its window: the first paints, then one report.

Imported by the probe after the imports of the kind it measures (see there).
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

    It watches the whole application only until the main window's first
    event (the window is being built), and from then on the main window and,
    once it has painted, the viewports of the views in it. A filter on the
    whole application is called for every event of every object, and each
    call wraps the object and the event for Python (making the Python types
    of Qt's internal classes on the way): that measuring cost the bare
    window 188 million instructions (1,176 of its start's, now 988) and
    5 MiB of peak memory (82, now 77), and the app's window 120 million
    (2,554, now 2,435) and 2 MiB; no real start pays it.
    """

    def __init__(self, linger_ms: int, wait_for_map: bool) -> None:
        super().__init__()
        self.linger_ms = linger_ms
        self.wait_for_map = wait_for_map
        self.watching_window = False
        self.painted: float | None = None
        self.map_painted: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.watching_window:
            if isinstance(watched, QMainWindow):
                QApplication.instance().removeEventFilter(self)
                watched.installEventFilter(self)
                self.watching_window = True
            return False
        if event.type() != QEvent.Type.Paint:
            return False
        if self.painted is None and isinstance(watched, QMainWindow):
            self.painted = time.monotonic()
            if not self.wait_for_map:
                QTimer.singleShot(self.linger_ms, self.report)
            else:
                # Children paint after their window, in the same pass.
                for view in watched.findChildren(QGraphicsView):
                    view.viewport().installEventFilter(self)
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


def watch(linger_ms: int, wait_for_map: bool) -> QApplication:
    """The application, watched for its first paints (made here if there is none yet)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    probe = _FirstPaint(linger_ms, wait_for_map)
    probe.setParent(app)
    app.installEventFilter(probe)
    return app


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
