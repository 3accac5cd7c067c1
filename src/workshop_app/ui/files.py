"""New, open, save, recent files and recovery: the session's life on disk.

Nothing here replaces the session being edited until the new one has loaded
and the facilitator has decided about unsaved changes; a failed load or save
leaves the session and its unsaved state exactly as they were.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from workshop_app.domain import Session
from workshop_app.fileformat import SaveError, SessionFormatError, load_session, save_session
from workshop_app.fileformat.atomic import remove_stale_temporaries
from workshop_app.resources import ResourceNotFoundError, resource_path
from workshop_app.templates import TemplateError, list_templates, session_from_template
from workshop_app.ui import dialogs
from workshop_app.ui.autosave import Autosaver, Recoverable, find_recoverable
from workshop_app.ui.controller import SessionController
from workshop_app.ui.dates import display_datetime
from workshop_app.ui.folders import start_folder
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.settings import add_recent_file, recent_files

__all__ = ["SAMPLE_SESSION", "SessionFiles"]

#: The bundled example workshop, shown when there is nothing else to open.
SAMPLE_SESSION = ("samples", "versandhandel.yaml")

_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class SessionFiles(QObject):
    """The File menu's work for one window."""

    #: the file the session belongs to changed (the window title follows)
    pathChanged = Signal()

    def __init__(
        self, window: QWidget, controller: SessionController, autosaver: Autosaver
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._autosaver = autosaver

    def display_name(self) -> str:
        """The file's name; for a session never saved, its title (or "Untitled")."""
        path = self._controller.path
        if path is not None:
            return path.name
        title = self._controller.session.meta.get("title")
        return title.strip() if isinstance(title, str) and title.strip() else tr("Untitled")

    def _replace(self, session: Session, path: Path | None) -> None:
        self._controller.replace_session(session, path)
        self.pathChanged.emit()

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to go on."""
        if self._controller.undo_stack.isClean():
            return True
        answer = dialogs.ask_unsaved_changes(self._window, self.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_session(self) -> None:
        if self.maybe_save():
            self._replace(Session(meta={"language": ui_language()}), None)

    def new_from_template(self) -> None:
        try:
            infos = sorted(list_templates(), key=lambda i: (i.language != ui_language(), i.title))
        except TemplateError as error:
            dialogs.show_error(self._window, tr("Templates unavailable"), str(error))
            return
        # Each language named in its own language, as in the Settings menu.
        languages = {"de": "Deutsch", "en": "English"}
        choices = [
            (info.name, f"{info.title} · {languages[info.language]}", info.description)
            for info in infos
        ]
        name = dialogs.ask_template(self._window, choices)
        if name is None or not self.maybe_save():
            return
        try:
            session = session_from_template(name)
        except TemplateError as error:
            dialogs.show_error(self._window, tr("Templates unavailable"), str(error))
            return
        self._replace(session, None)

    def _load(self, path: Path) -> Session | None:
        """The session in ``path``, or None after telling the facilitator why not."""
        try:
            return load_session(path)
        except SessionFormatError as error:
            message = error.message(ui_language())
        except OSError as error:
            message = tr("Cannot read {file}: {reason}").format(
                file=path, reason=error.strerror or error
            )
        dialogs.show_error(self._window, tr("Cannot open the session"), message)
        return None

    def open_dialog(self) -> None:
        path = dialogs.ask_open_path(self._window, self._directory())
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open ``path`` in this window; False (session untouched) if it cannot be."""
        session = self._load(path)
        if session is None or not self.maybe_save():
            return False
        self._replace(session, path)
        add_recent_file(path)
        # A save of this file that a crash cut short left its temporary file;
        # the next save would remove it too, but it need not wait until then.
        remove_stale_temporaries(path)
        return True

    def open_sample(self) -> bool:
        """Show the bundled example, as an untitled session (Save asks where)."""
        try:
            sample = resource_path(*SAMPLE_SESSION)
        except ResourceNotFoundError as error:
            dialogs.show_error(self._window, tr("Cannot open the session"), str(error))
            return False
        session = self._load(sample)
        if session is None:
            return False
        self._replace(session, None)
        return True

    def save(self) -> bool:
        """Save to the session's file (or ask for one); True when it was saved."""
        if self._controller.path is None:
            return self.save_as()
        return self._write(self._controller.path)

    def save_as(self) -> bool:
        path = dialogs.ask_save_path(
            self._window,
            tr("Save workshop session"),
            self._suggested_path(),
            dialogs.session_filters(),
        )
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(".yaml")
        return self._write(path)

    def _write(self, path: Path) -> bool:
        # A very large map takes a moment to save; the cursor says so.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        failure: SaveError | None = None
        try:
            save_session(self._controller.session, path)
        except SaveError as error:
            failure = error
        finally:
            QApplication.restoreOverrideCursor()
        if failure is not None:
            if dialogs.ask_save_as_after_failure(self._window, failure.message(ui_language())):
                return self.save_as()
            return False
        self._controller.path = path
        self._controller.undo_stack.setClean()
        add_recent_file(path)
        self.pathChanged.emit()
        return True

    def _directory(self) -> Path:
        return start_folder(self._controller.path)

    def _suggested_path(self) -> Path:
        if self._controller.path is not None:
            return self._controller.path
        title = str(self._controller.session.meta.get("title") or "")
        stem = _UNSAFE_IN_NAMES.sub("-", title).strip(" .-") or tr("workshop")
        return self._directory() / f"{stem}.yaml"

    def fill_recent_menu(self, menu: QMenu) -> None:
        """List the recent files in ``menu`` (called each time it opens)."""
        menu.clear()
        paths = recent_files()
        for number, path in enumerate(paths, start=1):
            action = menu.addAction(f"&{number}  {path.name}    ({path.parent})")
            action.triggered.connect(partial(self.open_path, path))
        if not paths:
            menu.addAction(tr("No recent files")).setEnabled(False)

    def offer_recovery(self) -> bool:
        """Offer what a crashed run autosaved, newest first; True if one was recovered."""
        for recoverable in find_recoverable():
            answer = dialogs.ask_recover(
                self._window,
                display_datetime(recoverable.saved_at),
                str(recoverable.original or ""),
            )
            if answer == "recover":
                return self.recover(recoverable)
            if answer == "later":
                return False
            recoverable.discard()
        return False

    def recover(self, recoverable: Recoverable) -> bool:
        """Edit the recovered session: unsaved, bound to its original file if it had one."""
        session = self._load(recoverable.session_file)
        if session is None:
            return False
        self._replace(session, recoverable.original)
        self._autosaver.adopt(recoverable)
        self._controller.undo_stack.resetClean()
        return True
