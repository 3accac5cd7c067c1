"""Exports from the window: the PDF protocol (in a worker thread) and the map image.

The protocol of a large workshop takes a few seconds; it is written from a
snapshot of the session in a background thread, so the window stays
responsive, with a progress dialog that appears only when the export takes
longer than half a second. The snapshot itself (about 0.2 s at 5,000 nodes)
is taken in that thread too, under the controller's ``reading`` lock, so an
edit made meanwhile waits for it instead of the window waiting for the copy.
"""

from __future__ import annotations

import logging
import threading
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QStatusBar, QWidget

from workshop_app.domain import Session
from workshop_app.protocol import character_names, export_protocol
from workshop_app.ui import dialogs
from workshop_app.ui.controller import SessionController
from workshop_app.ui.folders import start_folder
from workshop_app.ui.i18n import tr
from workshop_app.ui.map import MapView

__all__ = ["Exporter", "ProtocolJob"]

_log = logging.getLogger(__name__)
_STATUS_MS = 10_000


class _Cancelled(Exception):
    """Raised from the progress callback to stop an export the user cancelled."""


class ProtocolJob(QObject):
    """Writes one protocol in a background thread; reports through queued signals."""

    progressed = Signal(int)  # percent
    succeeded = Signal(str)  # the PDF's path
    failed = Signal(str)  # the message for the facilitator
    cancelled = Signal()

    def __init__(
        self,
        session: Session,
        path: Path,
        parent: QObject | None = None,
        previous: Session | None = None,
        reading: AbstractContextManager[object] | None = None,
    ) -> None:
        super().__init__(parent)
        # The window goes on editing its own; the copies are taken in the worker.
        self._session = session
        self._previous = previous
        self._reading = reading if reading is not None else nullcontext()
        self.path = path
        self._stop = threading.Event()
        #: Characters no bundled font has (they print as gaps), known once written.
        self.missing: list[str] = []
        self.thread = threading.Thread(target=self._run, name="protocol-export", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def _report(self, fraction: float) -> None:
        # At 1.0 the file is written: too late to take it back.
        if self._stop.is_set() and fraction < 1.0:
            raise _Cancelled
        self.progressed.emit(round(fraction * 100))

    def _run(self) -> None:
        try:
            with self._reading:
                session = self._session.copy()
                previous = None if self._previous is None else self._previous.copy()
            self.missing = export_protocol(
                session, self.path, progress=self._report, previous=previous
            )
        except _Cancelled:
            self.cancelled.emit()
        except OSError as error:
            reason = error.strerror or str(error)
            self.failed.emit(
                tr("Cannot write {file}: {reason}").format(file=self.path, reason=reason)
            )
        except Exception as error:  # a defect in the export: tell, and keep the window alive
            _log.exception("Protocol export failed")
            self.failed.emit(tr("The protocol could not be written: {reason}").format(reason=error))
        else:
            self.succeeded.emit(str(self.path))


class Exporter(QObject):
    """The File menu's exports for one window."""

    def __init__(
        self,
        window: QWidget,
        controller: SessionController,
        map_view: MapView,
        status_bar: QStatusBar,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._map_view = map_view
        self._status = status_bar
        self.job: ProtocolJob | None = None
        self._progress: QProgressDialog | None = None

    def is_idle(self) -> bool:
        """No protocol is being written (a second export waits for the first)."""
        return self.job is None

    def _suggested(self, suffix: str) -> Path:
        path = self._controller.path
        folder = start_folder(path)
        stem = path.stem if path is not None else tr("workshop")
        return folder / f"{stem}{suffix}"

    def export_protocol(self, previous: Session | None = None) -> None:
        """Ask where, then write the protocol in the background.

        With ``previous`` (the last workshop's session) the protocol says
        what changed since.
        """
        if self.job is not None:
            return
        path = dialogs.ask_save_path(
            self._window,
            tr("Export protocol"),
            self._suggested(".pdf"),
            tr("PDF documents (*.pdf)") + ";;" + tr("Word documents, editable (*.docx)"),
        )
        if path is None:
            return
        # A ".docx" name gives the editable Word copy; any other the PDF.
        self.start_protocol(path if path.suffix else path.with_suffix(".pdf"), previous)

    def start_protocol(self, path: Path, previous: Session | None = None) -> ProtocolJob:
        """Write the protocol to ``path`` now; returns the running job."""
        progress = QProgressDialog(tr("Writing the protocol…"), tr("Cancel"), 0, 100, self._window)
        progress.setWindowTitle(tr("Export protocol"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        controller = self._controller
        job = ProtocolJob(controller.session, path, self, previous, controller.reading)
        queued = Qt.ConnectionType.QueuedConnection
        job.progressed.connect(progress.setValue, queued)
        job.succeeded.connect(self._succeeded, queued)
        job.failed.connect(self._failed, queued)
        job.cancelled.connect(self._finished, queued)
        progress.canceled.connect(job.cancel)
        self._progress = progress
        self.job = job
        job.start()
        return job

    def _finished(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        if self.job is not None:
            self.job.deleteLater()
            self.job = None

    def _succeeded(self, path: str) -> None:
        missing = self.job.missing if self.job is not None else []
        self._finished()
        self._status.showMessage(tr("Protocol written: {file}").format(file=path), _STATUS_MS)
        if missing:
            text = tr("No bundled font has these characters; they print as gaps: {characters}")
            dialogs.show_error(
                self._window,
                tr("Protocol written with gaps"),
                text.format(characters=character_names(missing)),
            )

    def _failed(self, message: str) -> None:
        self._finished()
        dialogs.show_error(self._window, tr("Protocol not written"), message)

    def export_map_image(self) -> None:
        """Ask where, then save the map as PNG or SVG (by the file's suffix)."""
        filters = tr("PNG image (*.png)") + ";;" + tr("SVG image (*.svg)")
        path = dialogs.ask_save_path(
            self._window, tr("Export map"), self._suggested(".png"), filters
        )
        if path is None:
            return
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        progress = QProgressDialog(tr("Drawing the map…"), tr("Cancel"), 0, 100, self._window)
        progress.setWindowTitle(tr("Export map"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def report(fraction: float) -> bool:
            progress.setValue(round(fraction * 100))  # paints, and hears Cancel
            return not progress.wasCanceled()

        try:
            written = self._map_view.export_image(path, report)
        except OSError as error:
            dialogs.show_error(
                self._window,
                tr("Map not exported"),
                tr("Cannot write {file}: {reason}").format(
                    file=path, reason=error.strerror or error
                ),
            )
            return
        finally:
            progress.close()
            progress.deleteLater()
        if written:
            self._status.showMessage(tr("Map exported: {file}").format(file=path), _STATUS_MS)
