"""Where the file dialogs start: the folder of the session, else the user's Documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

__all__ = ["start_folder"]


def start_folder(session_path: Path | None) -> Path:
    """The folder a file dialog opens in for a session saved at ``session_path``.

    An unsaved session starts in Documents (home where there is no Documents
    folder), never in whatever folder the app happened to be started from.
    """
    if session_path is not None:
        return session_path.parent
    documents = QStandardPaths.StandardLocation.DocumentsLocation
    folder = Path(QStandardPaths.writableLocation(documents))
    return folder if folder.is_dir() else Path.home()
