"""Starting the window: the application, the first session, and unexpected errors.

``workshop-app [FILE]`` calls :func:`run`. The first session is, in this
order: a workshop a crashed run left unsaved (if the facilitator wants it
back), the file given, the last session used, or the bundled example.

The window's modules (nearly 500 with networkx) are imported by :func:`run`,
not when this module is: the garbage collector is paused meanwhile (see
:func:`_pause_collector`).
"""

from __future__ import annotations

import gc
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workshop_app import __version__
from workshop_app.fileformat.ahead import READ_AHEAD_FROM_BYTES, ReadAhead
from workshop_app.resources import resource_path
from workshop_app.terminal import SafeLogFormatter
from workshop_app.ui.i18n import set_ui_language, tr

if TYPE_CHECKING:
    from workshop_app.ui.mainwindow import MainWindow

__all__ = [
    "APPLICATION_NAME",
    "ORGANIZATION_NAME",
    "configure_application",
    "install_excepthook",
    "open_first_session",
    "report_unexpected_error",
    "run",
]

ORGANIZATION_NAME = "ResponsibilityMap"
APPLICATION_NAME = "workshop-app"

_log = logging.getLogger("workshop_app")
#: A larger session opens after the window's first paint, or after this at most.
_FIRST_PAINT_WAIT_MS = 1000
#: A session file up to this size opens before the window shows, so that its
#: first frame has the map (about 400 nodes, opened in 0.1 s); a larger one
#: is read while the window is built, opens once the window is there, and
#: its map fills in.
OPEN_BEFORE_SHOW_BYTES = READ_AHEAD_FROM_BYTES
_error_box: list[QMessageBox] = []


def configure_application(app: QApplication) -> None:
    """Names that place settings and app data (``QSettings``, ``QStandardPaths``)."""
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    app.setApplicationVersion(__version__)
    # The task bar, the window switcher and (on Wayland) the .desktop entry's icon.
    app.setWindowIcon(QIcon(str(resource_path("icons", "responsibility-map.png"))))
    app.setDesktopFileName("responsibility-map")


def _log_to_file() -> None:
    """Keep a log beside the autosaves: after a bad moment, it tells what happened.

    Called once the window has painted: ``logging.handlers`` (sockets,
    pickle) takes 7 ms to import, and errors before then reach stderr.
    """
    import logging.handlers  # here, not at the top: after the first paint

    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "workshop-app.log", maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        return  # the error box and stderr still tell
    handler.setFormatter(SafeLogFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def report_unexpected_error(
    exc_type: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Log an exception that escaped a slot, and show it without blocking the window.

    While one error box is open, further errors are added to its details
    instead of opening a pile of boxes (a failing paint repeats every frame).
    """
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, error, trace)
        return
    _log.error("Unexpected error", exc_info=(exc_type, error, trace))
    if QApplication.instance() is None:
        return
    from workshop_app.ui import dialogs

    details = "".join(traceback.format_exception(exc_type, error, trace))
    if _error_box and shiboken6.isValid(_error_box[0]) and _error_box[0].isVisible():
        box = _error_box[0]
        box.setDetailedText(box.detailedText() + "\n" + details)
        return
    _error_box[:] = [
        dialogs.show_passing(
            QApplication.activeWindow(),
            tr("Unexpected error"),
            tr("Something went wrong: {error}").format(error=error or exc_type.__name__),
            details,
            informative=tr(
                "Your work is still in the window. To be safe, save it now "
                "(Save as… keeps the old file). The details are in the log."
            ),
            icon=QMessageBox.Icon.Critical,
        )
    ]


def install_excepthook() -> None:
    """Show exceptions raised inside Qt slots instead of losing them on stderr."""
    sys.excepthook = report_unexpected_error


def open_first_session(window: MainWindow, path: Path | None) -> None:
    """Fill a new window: recovered work, ``path``, the last session, or the example."""
    if window.files.offer_recovery():
        return
    chosen = _first_file(path)
    # A file given that does not open leaves the window empty (it said why);
    # a last session that does not open gives way to the example.
    if chosen is not None and (window.files.open_path(chosen) or path is not None):
        return
    window.files.open_sample()


def open_before_show(window: MainWindow, path: Path | None) -> bool:
    """Open the first session now if it is small and needs no question; True if opened.

    What :func:`open_first_session` would open (``path``, the last session
    used, or the example), unless a crashed run left work to recover, the
    file is larger than ``OPEN_BEFORE_SHOW_BYTES``, or opening it asks or
    tells something (it does not load, someone else has it open): then
    nothing changes, and :func:`open_first_session` does it all once the
    window shows.
    """
    from workshop_app.ui.autosave import find_recoverable

    if find_recoverable():
        return False
    chosen = _first_file(path)
    try:
        if chosen is not None and chosen.stat().st_size > OPEN_BEFORE_SHOW_BYTES:
            return False
    except OSError:
        return False  # opening it after the first paint tells why it cannot be read
    return window.files.open_unasked(chosen)


def _first_file(path: Path | None) -> Path | None:
    """The file a start opens: ``path`` if given, else the last session used (None: none)."""
    from workshop_app.ui.settings import recent_files

    return path if path is not None else next(iter(recent_files()), None)


def run(path: Path | None, read_ahead: ReadAhead | None = None) -> int:
    """Open the window (on ``path`` if given) and run until it closes; the exit code.

    ``read_ahead``: ``path`` already being read (``workshop-app FILE`` starts
    that before it imports the window); otherwise a large first file is read
    ahead from here on.
    """
    resume_collector = _pause_collector()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    ahead = read_ahead or _read_ahead(path)
    from workshop_app.ui.language import install_qt_translation
    from workshop_app.ui.mainwindow import MainWindow
    from workshop_app.ui.settings import configured_language, restore_window_state, was_maximized

    language = configured_language()
    set_ui_language(language)
    install_qt_translation(app, language)
    app.setApplicationDisplayName(tr("Responsibility Map"))
    console = logging.StreamHandler()
    console.setFormatter(SafeLogFormatter(logging.BASIC_FORMAT))
    logging.basicConfig(level=logging.INFO, handlers=[console])
    install_excepthook()
    window = MainWindow()
    window.files.read_ahead = ahead
    # A small session is there in the window's first frame; a larger one
    # opens right after it, and its map fills in (a large map draws its
    # relations in slices, see ui/map/scene.py).
    opened = open_before_show(window, path)
    saved_geometry, _state = restore_window_state()
    # The first start fills the screen (a projector's); later ones keep the user's size.
    if saved_geometry is None or was_maximized():
        # A window closed maximized, also on a larger screen, fills this one.
        window.setGeometry(window.screen().availableGeometry())  # where nobody maximizes
        window.showMaximized()
    else:
        window.show()
    _after_first_paint(window, lambda: _after_show(window, path, opened, resume_collector))
    return app.exec()


def _read_ahead(path: Path | None) -> ReadAhead | None:
    """The first file, if too large to open before the window shows, read while it is built.

    Reading a 5,000-node file takes 330 to 400 ms, about as long as building
    the window: in a child process the two go on side by side (see
    :mod:`workshop_app.fileformat.ahead`), and the window takes the session
    once it has painted, or reads the file itself if the read-ahead has
    nothing for it.
    """
    chosen = _first_file(path)
    return ReadAhead.start(chosen) if chosen is not None else None


def _after_show(
    window: MainWindow, path: Path | None, opened: bool, resume_collector: Callable[[], None]
) -> None:
    """Once the window has painted: the session unless it is open already, then the log file."""
    if not opened:
        open_first_session(window, path)
        window.map_view.fit_all()
    if window.files.read_ahead is not None:  # not spent: recovered work was opened instead
        window.files.read_ahead.discard()
        window.files.read_ahead = None
    _log_to_file()
    resume_collector()


def _pause_collector() -> Callable[[], None]:
    """Pause the garbage collector for the start; call what is returned to resume it.

    Importing the window's modules and building it make some 100,000
    objects, and the collector's passes over them took 30 ms of a start
    (the reference window pays the same for its fewer objects). Nothing
    made at start is garbage in cycles worth collecting before the first
    paint.
    """
    if not gc.isenabled():
        return lambda: None
    gc.disable()
    return gc.enable


class _FirstPaint(QObject):
    """Calls ``then`` once, after ``widget`` first painted (or after a second at most)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(_FIRST_PAINT_WAIT_MS, self, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._go)
        return False

    def _go(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.parent().removeEventFilter(self)
            then()


def _after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    _FirstPaint(widget, then)
