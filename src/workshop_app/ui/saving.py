"""Saving a session without stalling the window.

Turning 5,000 nodes into text and writing them takes about a second; on the
GUI thread the window would freeze that long (the projector shows a dead
app). :func:`save_in_background` does all of it in a worker thread — the
session is read under the controller's ``reading`` lock, so no edit can
change it half-way — while the GUI thread goes on painting in a local event
loop that holds back keyboard and mouse until the file is written: the
caller still gets the answer when it returns, as from a plain function.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from workshop_app.fileformat import DiskState, session_to_document
from workshop_app.fileformat.atomic import write_atomic
from workshop_app.fileformat.writer import encode_document
from workshop_app.ui.controller import SessionController

__all__ = ["save_in_background"]


class _Done(QObject):
    finished = Signal()


def save_in_background(controller: SessionController, path: Path) -> DiskState:
    """Save the controller's session at ``path`` in a worker thread; what is on disk now.

    Raises what ``save_session`` raises (``SaveError``, ``SessionTooLargeError``).
    """
    session, reading = controller.session, controller.reading
    outcome: dict[str, Any] = {}
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            with reading:
                document = session_to_document(session)
            outcome["state"] = write_atomic(path, encode_document(document, path))
        except BaseException as error:  # handed to the GUI thread, raised there
            outcome["error"] = error
        finally:
            done.finished.emit()

    # A very large map takes a moment; the cursor says so.
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        worker = threading.Thread(target=work, name="save", daemon=True)
        worker.start()
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        worker.join()
    finally:
        QApplication.restoreOverrideCursor()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["state"]
