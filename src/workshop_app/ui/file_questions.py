"""The questions about a session file that someone else has open or has changed.

Like :mod:`workshop_app.ui.dialogs`, one function per question, so that a
test answers it by replacing the function; callers use
``file_questions.ask_…`` through the module.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QMessageBox, QWidget

from workshop_app.fileformat.locking import LockOwner
from workshop_app.ui.dates import display_datetime
from workshop_app.ui.dialogs import _box
from workshop_app.ui.i18n import tr

__all__ = ["ask_changed_on_disk", "ask_locked", "describe_owner"]


def describe_owner(owner: LockOwner) -> str:
    """Who holds a lock, in words: "anna on laptop-7 (since 05.12.2026 14:02)"."""
    who = owner.user or tr("someone")
    if owner.is_this_process():
        return tr("another window of this app")
    where = owner.host or tr("an unknown computer")
    try:
        since = display_datetime(datetime.fromisoformat(owner.since))
    except ValueError:
        return tr("{user} on {host}").format(user=who, host=where)
    return tr("{user} on {host} (since {time})").format(user=who, host=where, time=since)


def ask_locked(parent: QWidget | None, name: str, owner: LockOwner) -> str:
    """``"read_only"``, ``"anyway"`` or ``"cancel"`` for a session someone else has open."""
    box = _box(
        QMessageBox.Icon.Warning,
        tr("Session already open"),
        tr("“{name}” is open already: {owner}.").format(name=name, owner=describe_owner(owner)),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        tr(
            "Opened read-only, your changes are saved under another name. "
            "Opened anyway, whoever saves last overwrites the other's work; "
            "the app warns before that."
        )
    )
    read_only = box.addButton(tr("Open &read-only"), QMessageBox.ButtonRole.AcceptRole)
    anyway = box.addButton(tr("Open &anyway"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.exec()
    if box.clickedButton() is read_only:
        return "read_only"
    if box.clickedButton() is anyway:
        return "anyway"
    return "cancel"


def ask_changed_on_disk(parent: QWidget | None, name: str, *, can_compare: bool) -> str:
    """``"copy"``, ``"overwrite"``, ``"compare"`` or ``"cancel"`` before saving over a
    file that changed on disk since it was opened or saved here."""
    box = _box(
        QMessageBox.Icon.Warning,
        tr("File changed on disk"),
        tr("“{name}” was changed on disk since you opened it (another window, a colleague, "
           "a sync service).").format(name=name),
        QMessageBox.StandardButton.NoButton,
        parent,
    )  # fmt: skip
    box.setInformativeText(
        tr("Saving now would replace those changes with yours. The file on disk is unchanged.")
    )
    copy = box.addButton(tr("Save as a &copy…"), QMessageBox.ButtonRole.AcceptRole)
    compare = None
    if can_compare:
        compare = box.addButton(tr("&Compare"), QMessageBox.ButtonRole.ActionRole)
    overwrite = box.addButton(tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(copy)
    box.exec()
    clicked = box.clickedButton()
    if clicked is copy:
        return "copy"
    if compare is not None and clicked is compare:
        return "compare"
    if clicked is overwrite:
        return "overwrite"
    return "cancel"
