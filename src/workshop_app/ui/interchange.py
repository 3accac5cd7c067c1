"""File → Import… and File → Export for other tools…: the interchange formats in the window.

Importing opens the file as a new, untitled session (Save asks where), after
the usual question about unsaved changes; a refused file changes nothing
and says why, naming the cell or element. Exporting writes the tables
(``.xlsx``) or the map for graph editors (``.graphml``) from the session as
it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar, QWidget

from workshop_app.fileformat import SaveError, SessionFormatError
from workshop_app.interchange import ImportRefused, export_for_tools, import_session
from workshop_app.ui import dialogs
from workshop_app.ui.controller import SessionController
from workshop_app.ui.files import SessionFiles
from workshop_app.ui.i18n import tr, ui_language

__all__ = ["Interchange"]

_STATUS_MS = 8000


class Interchange(QObject):
    """Import and export in the formats of the tools clients already have."""

    def __init__(
        self,
        window: QWidget,
        controller: SessionController,
        files: SessionFiles,
        status_bar: QStatusBar,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._files = files
        self._status = status_bar

    def import_dialog(self) -> None:
        path = dialogs.ask_import_path(self._window, self._folder())
        if path is not None:
            self.import_path(path)

    def import_path(self, path: Path) -> bool:
        """Open ``path`` as a new untitled session; False (nothing changed) if refused."""
        language = ui_language()
        try:
            session = import_session(path, language)
        except (ImportRefused, SessionFormatError) as error:
            dialogs.show_error(self._window, tr("Cannot import the file"), error.message(language))
            return False
        if not self._files.adopt(session):
            return False
        self._status.showMessage(tr("Imported {file}").format(file=path.name), _STATUS_MS)
        return True

    def export_dialog(self) -> None:
        session = self._controller.session
        path = dialogs.ask_save_path(
            self._window,
            tr("Export for other tools"),
            self._folder() / f"{self._stem()}.xlsx",
            ";;".join(
                (
                    tr("Excel tables: RACI, roles, findings, actions (*.xlsx)"),
                    tr("GraphML for yEd, Gephi (*.graphml)"),
                )
            ),
        )
        if path is None:
            return
        if path.suffix.lower() not in (".xlsx", ".graphml"):
            path = path.with_name(path.name + ".xlsx")
        try:
            export_for_tools(session, path, session.language)
        except SaveError as error:
            dialogs.show_error(self._window, tr("Export failed"), error.message(ui_language()))
            return
        self._status.showMessage(tr("Exported: {file}").format(file=path), _STATUS_MS)

    def _folder(self) -> Path:
        path = self._controller.path
        return path.parent if path is not None else Path.home()

    def _stem(self) -> str:
        path = self._controller.path
        return path.stem if path is not None else tr("workshop")
