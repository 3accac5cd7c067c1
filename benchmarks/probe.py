"""A fresh process that opens a window and reports its first paint.

Run by :mod:`benchmarks.startup` and :mod:`benchmarks.memory`, never
imported by them (what it imports is what it measures)::

    python -m benchmarks.probe bare [LINGER_MS]
    python -m benchmarks.probe app FILE [LINGER_MS]
    python -m benchmarks.probe map FILE [LINGER_MS]

``bare`` is the reference: a ``QApplication`` and an empty ``QMainWindow``
the size of the screen (as the app's window on a first start), with
networkx imported. ``app`` starts the real window the way
``workshop-app FILE`` does (:func:`workshop_app.cli.main`: a large file is
read ahead, then :func:`workshop_app.ui.app.run`). ``map`` is a
diagnostic between the two: a ``QMainWindow`` holding only the map canvas
on the session, without menus, docks and views.

An event filter on the main window (on the application only until the
window exists, see :class:`benchmarks.paint_watch._FirstPaint`) sees its
first ``QEvent.Type.Paint`` (the top-level widget: Qt paints it first, then
its children, in the same pass), and for ``app`` and ``map`` the first paint of
the map's viewport with nodes on it (the window shows before the session is
open, and the map fills in). Its ``time.monotonic()`` is the first paint;
the parent compares it with the monotonic time at which it started the
process (the clock is system-wide). ``LINGER_MS`` later the probe prints
one JSON line (first paint, peak RSS, CPU time, which heavy packages are
loaded) and exits at once, without closing the window.

Each kind imports in its own order, and nothing here imports PySide6 before
it: PySide6 hooks every import made after it (looking for its opt-in
``__feature__`` imports), so the order is part of what is measured. The
reference imports networkx before Qt, the cheaper order (networkx's 290
modules took about 70 ms more after PySide6); the app imports its core
before Qt itself (``workshop_app.ui``). The watching is in
:mod:`benchmarks.paint_watch`, imported after the kind's own imports.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QMainWindow


def main(argv: list[str]) -> None:
    kind, rest = argv[0], argv[1:]
    linger_ms = int(rest[-1]) if rest and rest[-1].isdigit() else 0
    if kind == "bare":
        import networkx  # noqa: F401  (the reference pays for the graph library too)

        app = _watched(linger_ms, wait_for_map=False)
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        _show_as_the_app(window)
        app.exec()
    elif kind == "app":
        # What ``workshop-app FILE`` does (workshop_app.cli.main): a large file
        # starts being read before the window's modules are imported.
        from workshop_app.fileformat.ahead import ReadAhead

        ahead = ReadAhead.start(Path(rest[0]))
        from workshop_app.ui.app import run

        _watched(linger_ms, wait_for_map=True)
        run(Path(rest[0]), ahead)
    elif kind == "map":
        from workshop_app.fileformat import load_session
        from workshop_app.ui.controller import SessionController
        from workshop_app.ui.map import MapView

        app = _watched(linger_ms, wait_for_map=True)
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        window.setCentralWidget(MapView(SessionController(load_session(rest[0]))))
        _show_as_the_app(window)
        app.exec()
    else:
        raise SystemExit(f"unknown probe {kind!r}; use bare, app or map")


def _show_as_the_app(window: QMainWindow) -> None:
    """Show ``window`` the size the app's window has on a first start: the whole screen.

    A window's pixels are memory and work of their own (at 1920 x 1080 the
    backing store alone is 7.9 MiB), so the reference shows as large a window
    as the app does (``workshop_app.ui.app.run``); Qt's default size for an
    empty ``QMainWindow`` is 200 x 100.
    """
    window.setGeometry(window.screen().availableGeometry())
    window.showMaximized()


def _watched(linger_ms: int, wait_for_map: bool) -> QApplication:
    """The application, watched for its first paints; imported after the kind's own imports."""
    from benchmarks.paint_watch import watch

    return watch(linger_ms, wait_for_map)


if __name__ == "__main__":
    main(sys.argv[1:])
