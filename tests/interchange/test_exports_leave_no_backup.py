"""Exports for other tools replace their file whole and leave nothing beside it: only a
session keeps a ``.bak`` (issue #15, the one atomic write)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from workshop_app.domain import Session
from workshop_app.fileformat import load_session
from workshop_app.interchange.graphml import export_graphml
from workshop_app.interchange.tables import export_tables
from workshop_app.resources import resource_path

Export = Callable[[Session, Path], None]


@pytest.mark.parametrize(
    ("export", "name"), [(export_tables, "rollen.xlsx"), (export_graphml, "karte.graphml")]
)
def test_an_export_written_twice_leaves_only_itself(
    export: Export, name: str, tmp_path: Path
) -> None:
    session = load_session(resource_path("samples", "versandhandel.yaml"))
    path = tmp_path / name
    path.write_bytes(b"an older export")
    export(session, path)
    first = path.read_bytes()
    export(session, path)
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert _content(path.read_bytes()) == _content(first) != _content(b"an older export")


def _content(data: bytes) -> object:
    """What an export holds, without the moment it was written.

    A workbook is a zip whose entries carry the time they were written (to
    two seconds) and whose document properties carry the time it was saved:
    two exports a second apart differ there, and only there.
    """
    if not data.startswith(b"PK"):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            entry.filename: archive.read(entry)
            for entry in archive.infolist()
            if entry.filename != "docProps/core.xml"
        }
