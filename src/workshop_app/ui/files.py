"""New, open, save, recent files and recovery: the session's life on disk.

Nothing here replaces the session being edited until the new one has loaded
and the facilitator has decided about unsaved changes; a failed load or save
leaves the session and its unsaved state exactly as they were.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from workshop_app.domain import Session
from workshop_app.fileformat import (
    DiskState,
    SaveError,
    SessionFormatError,
    load_session_with_state,
)
from workshop_app.fileformat.ahead import ReadAhead
from workshop_app.fileformat.atomic import remove_stale_temporaries
from workshop_app.resources import ResourceNotFoundError, resource_path
from workshop_app.templates import TemplateError, list_templates, session_from_template
from workshop_app.ui import dialogs, file_questions
from workshop_app.ui.autosave import Autosaver, Recoverable, find_recoverable
from workshop_app.ui.controller import SessionController
from workshop_app.ui.dates import display_datetime
from workshop_app.ui.file_guard import FileGuard
from workshop_app.ui.folders import start_folder
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.saving import save_in_background
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
        self.guard = FileGuard(window)
        #: the first file, read in a child process while the window was built
        #: (see :mod:`workshop_app.fileformat.ahead`); spent by the first open
        self.read_ahead: ReadAhead | None = None

    @property
    def read_only(self) -> bool:
        """The file is open elsewhere and was opened here read-only: Save asks for a new name."""
        return self.guard.read_only

    def display_name(self) -> str:
        """The file's name; for a session never saved, its title (or "Untitled")."""
        path = self._controller.path
        if path is not None and self.read_only:
            return tr("{name} (read-only)").format(name=path.name)
        if path is not None:
            return path.name
        title = self._controller.session.meta.get("title")
        return title.strip() if isinstance(title, str) and title.strip() else tr("Untitled")

    def _replace(
        self,
        session: Session,
        path: Path | None,
        claimed: tuple | None = None,
        state: DiskState | None = None,
    ) -> None:
        self.guard.bind(claimed, state)
        self._autosaver.original_state = state
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

    def adopt(self, session: Session) -> bool:
        """Show ``session`` (imported) as a new, untitled one, after asking about unsaved work."""
        if not self.maybe_save():
            return False
        self._replace(session, None)
        return True

    def _load(self, path: Path) -> tuple[Session, DiskState] | None:
        """The session in ``path`` and what was read, or None after telling why not."""
        ahead, self.read_ahead = self.read_ahead, None
        if ahead is not None and (loaded := ahead.take(path)) is not None:
            return loaded
        try:
            return load_session_with_state(path)
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
        """Open ``path`` in this window; False (session untouched) if it cannot be.

        Open elsewhere already (another window, another computer), the file is
        opened read-only or anyway, as the facilitator says.
        """
        loaded = self._load(path)
        if loaded is None:
            return False
        claimed = self.guard.claim(path) if path != self._controller.path else None
        if path != self._controller.path and claimed is None:
            return False
        if not self.maybe_save():
            self.guard.give_back(claimed)
            return False
        if claimed is None:  # the same file again: keep its lock
            claimed = self.guard.current()
        self._take(path, loaded, claimed)
        return True

    def open_unasked(self, path: Path | None) -> bool:
        """Open ``path`` (``None``: the example) if that needs no word from the facilitator.

        At start, before the window shows: it opens only if the file loads and
        nobody else holds it. Otherwise nothing changes and nothing is shown;
        :meth:`open_path` or :meth:`open_sample` then ask or tell why, with
        the window there.
        """
        try:
            loaded = load_session_with_state(
                resource_path(*SAMPLE_SESSION) if path is None else path
            )
        except (ResourceNotFoundError, SessionFormatError, OSError):
            return False
        if path is None:
            self._replace(loaded[0], None)
            return True
        claimed = self.guard.claim_unasked(path)
        if claimed is None:
            return False
        self._take(path, loaded, claimed)
        return True

    def _take(
        self,
        path: Path,
        loaded: tuple[Session, DiskState],
        claimed: tuple | None,
    ) -> None:
        """Show the session ``loaded`` from ``path``, its lock ``claimed``, as the last one used."""
        self._replace(loaded[0], path, claimed, loaded[1])
        add_recent_file(path)
        # A save of this file that a crash cut short left its temporary file;
        # the next save would remove it too, but it need not wait until then.
        remove_stale_temporaries(path)

    def open_sample(self) -> bool:
        """Show the bundled example, as an untitled session (Save asks where)."""
        try:
            sample = resource_path(*SAMPLE_SESSION)
        except ResourceNotFoundError as error:
            dialogs.show_error(self._window, tr("Cannot open the session"), str(error))
            return False
        loaded = self._load(sample)
        if loaded is None:
            return False
        self._replace(loaded[0], None)
        return True

    def save(self) -> bool:
        """Save to the session's file (or ask for one); True when it was saved."""
        if self._controller.path is None or self.read_only:
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
        """Save to ``path`` off the GUI thread, after asking what someone else's work needs."""
        own_file = path == self._controller.path and not self.read_only
        decided = self._may_write(path, own_file=own_file)
        if decided is not None:
            return decided
        claimed = None if own_file else self.guard.claim(path)
        try:
            state = save_in_background(self._controller, path)
        except SaveError as error:
            self.guard.give_back(claimed)
            if dialogs.ask_save_as_after_failure(self._window, error.message(ui_language())):
                return self.save_as()
            return False
        if not own_file:
            self.guard.bind(claimed if claimed is not None else (None, False), state)
        self.guard.state = state
        self._autosaver.original_state = state
        self._controller.path = path
        self._controller.undo_stack.setClean()
        add_recent_file(path)
        self.pathChanged.emit()
        return True

    def _may_write(self, path: Path, *, own_file: bool) -> bool | None:
        """``None`` to go on saving to ``path``; else what ``save`` returns instead.

        Over this window's own file, changed on disk since: save as a copy,
        compare, overwrite or cancel. Another file that another window holds
        is not written over.
        """
        if not own_file:
            holder = self.guard.holder_of(path)
            if holder is None:
                return None
            dialogs.show_error(
                self._window,
                tr("Not saved"),
                tr("“{name}” is open elsewhere ({owner}); save under another name.").format(
                    name=path.name, owner=file_questions.describe_owner(holder)
                ),
            )
            return False
        if not self.guard.changed_on_disk(path):
            return None
        comparison = getattr(self._window, "comparison", None)
        answer = file_questions.ask_changed_on_disk(
            self._window, path.name, can_compare=comparison is not None
        )
        if answer == "overwrite":
            return None
        if answer == "copy":
            return self.save_as()
        if answer == "compare" and comparison is not None:
            self._compare_with_disk(path, comparison)
        return False

    def _compare_with_disk(self, path: Path, comparison: object) -> None:
        """Show what the file on disk has that this window has not (and the reverse)."""
        loaded = self._load(path)
        if loaded is None:
            return
        comparison.show(  # type: ignore[attr-defined]
            loaded[0], self._controller.session, tr("{name} on disk").format(name=path.name),
            tr("this window"),
        )  # fmt: skip

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
        """Edit the recovered session: unsaved, bound to its original file if it had one.

        The original file's lock is taken as when opening it; the file's state
        when the crashed window last saw it comes from the copy's sidecar, so
        a save over someone's later changes still asks first.
        """
        session = recoverable.session
        if session is None:
            loaded = self._load(recoverable.session_file)
            if loaded is None:
                return False
            session = loaded[0]
        original = recoverable.original
        claimed = self.guard.claim(original) if original is not None else None
        if original is not None and claimed is None:
            claimed = (None, True)  # cancelled: still recovered, but saved under a new name
        self._replace(session, original, claimed, recoverable.original_state)
        self._autosaver.adopt(recoverable)
        self._controller.undo_stack.resetClean()
        return True

    def close(self) -> None:
        """The window closes: its file is free for others."""
        self.guard.release()
