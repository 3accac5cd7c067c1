"""Interchange with the tools clients already have: spreadsheets and graph editors.

Pure Python (openpyxl for workbooks); nothing here imports Qt or reportlab.

- :func:`export_for_tools` — the tables (``.xlsx``: RACI, roles, findings,
  actions), the map (``.svg``) or the model (``.graphml``) for other tools, chosen by the suffix.
- :func:`import_session` — a session from a RACI matrix (``.xlsx``/``.csv``)
  or from GraphML, refusing bad input with :class:`ImportRefused`.
"""

from __future__ import annotations

import os
from pathlib import Path

from workshop_app.domain import DEFAULT_LANGUAGE, Session
from workshop_app.interchange.errors import ImportRefused

__all__ = [
    "EXPORT_SUFFIXES",
    "IMPORT_SUFFIXES",
    "ImportRefused",
    "export_for_tools",
    "import_session",
]

#: The files :func:`import_session` reads, by suffix.
IMPORT_SUFFIXES = (".graphml", ".xlsx", ".csv")
#: The files :func:`export_for_tools` writes, by suffix.
EXPORT_SUFFIXES = (".graphml", ".svg", ".xlsx")


def import_session(path: str | os.PathLike[str], language: str = DEFAULT_LANGUAGE) -> Session:
    """A new session from the file at ``path``, chosen by its suffix.

    ``language`` becomes the session's language (the file does not say).

    Raises
    ------
    ImportRefused
        When the file cannot be read or holds something that is not a map;
        the message names the place (a cell such as ``C3``).
    """
    from workshop_app.interchange.raci import session_from_grid
    from workshop_app.interchange.spreadsheet import read_grid

    source = Path(path)
    if source.suffix.lower() == ".graphml":
        return _graphml(source, language)
    if source.suffix.lower() not in IMPORT_SUFFIXES:
        raise ImportRefused(
            "cannot be imported: use {suffixes}",
            source=str(source),
            suffixes=", ".join(IMPORT_SUFFIXES),
        )
    return session_from_grid(read_grid(source), source=str(source), language=language)


def export_for_tools(
    session: Session, path: str | os.PathLike[str], language: str | None = None
) -> None:
    """Write ``session`` to ``path`` in the format its suffix names (see :data:`EXPORT_SUFFIXES`).

    ``language`` defaults to the session's.

    Raises
    ------
    ValueError
        For a suffix not in :data:`EXPORT_SUFFIXES`.
    SaveError
        When the file cannot be written; an older file stays as it was.
    """
    from workshop_app.interchange.graphml import export_graphml
    from workshop_app.interchange.svg import export_svg
    from workshop_app.interchange.tables import export_tables

    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        export_tables(session, path, language)
    elif suffix == ".graphml":
        export_graphml(session, path, language)
    elif suffix == ".svg":
        export_svg(session, path, language)
    else:
        raise ValueError(f"cannot export {suffix or 'a file without suffix'}")


def _graphml(source: Path, language: str) -> Session:
    from workshop_app.interchange.graphml import loads_graphml

    try:
        data = source.read_bytes()
    except OSError as error:
        raise ImportRefused(
            "cannot be read ({detail})", source=str(source), detail=error.strerror or str(error)
        ) from None
    return loads_graphml(data, str(source), language)
