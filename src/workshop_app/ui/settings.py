"""What the app remembers between runs: recent files, UI language, window layout.

Everything lives in ``QSettings`` under the organisation and application name
that :func:`workshop_app.ui.app.configure_application` sets, so the tests can
point it at a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

from workshop_app.domain import LANGUAGES

__all__ = [
    "MAX_RECENT_FILES",
    "add_recent_file",
    "configured_language",
    "recent_files",
    "restore_window_state",
    "save_window_state",
    "saved_language",
    "set_saved_language",
    "system_language",
    "was_maximized",
]

MAX_RECENT_FILES = 8
_RECENT = "files/recent"
_LANGUAGE = "ui/language"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_MAXIMIZED = "window/maximized"


def _stored_paths(settings: QSettings) -> list[str]:
    value = settings.value(_RECENT, [])
    # An INI file gives back a one-element list as a plain string.
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value or []]


def recent_files() -> list[Path]:
    """The recently used session files, newest first; files gone since are dropped."""
    settings = QSettings()
    stored = _stored_paths(settings)
    existing = [p for p in stored if Path(p).is_file()]
    if existing != stored:
        settings.setValue(_RECENT, existing)
    return [Path(p) for p in existing]


def add_recent_file(path: Path) -> None:
    """Put ``path`` first in the recent files (at most :data:`MAX_RECENT_FILES`)."""
    settings = QSettings()
    entry = str(path.resolve())
    others = [p for p in _stored_paths(settings) if p != entry]
    settings.setValue(_RECENT, [entry, *others][:MAX_RECENT_FILES])


def system_language() -> str:
    """``de`` when the system speaks German, otherwise ``en``."""
    return "de" if QLocale.system().language() == QLocale.Language.German else "en"


def saved_language() -> str | None:
    """The UI language the user chose in the settings, if any."""
    value = QSettings().value(_LANGUAGE)
    return value if value in LANGUAGES else None


def set_saved_language(language: str) -> None:
    QSettings().setValue(_LANGUAGE, language)


def configured_language() -> str:
    """The UI language to start with: the user's choice, else the system's."""
    return saved_language() or system_language()


def save_window_state(geometry: QByteArray, state: QByteArray, *, maximized: bool = False) -> None:
    settings = QSettings()
    settings.setValue(_GEOMETRY, geometry)
    settings.setValue(_STATE, state)
    settings.setValue(_MAXIMIZED, maximized)


def was_maximized() -> bool:
    """Whether the window was closed maximized (Qt's geometry forgets it on a smaller screen)."""
    return QSettings().value(_MAXIMIZED, False, type=bool)


def restore_window_state() -> tuple[QByteArray | None, QByteArray | None]:
    """The geometry and dock layout saved at the last close (``None`` when there is none)."""
    settings = QSettings()
    geometry, state = settings.value(_GEOMETRY), settings.value(_STATE)
    return (
        geometry if isinstance(geometry, QByteArray) else None,
        state if isinstance(state, QByteArray) else None,
    )
