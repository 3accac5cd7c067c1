"""Cells from a spreadsheet file, read without trusting it.

A grid is a list of rows, each a list of cell values: ``None`` for an empty
cell, stripped text, or the number/date a workbook stored. Workbooks are
checked for their unpacked size before openpyxl opens them (a zip bomb is
refused, not unpacked); CSV files are decoded as UTF-8 or, failing that, as
Windows-1252 — what German Excel writes — and their delimiter (comma,
semicolon or tab) is sniffed.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from workshop_app.fileformat import MAX_FILE_BYTES
from workshop_app.interchange.errors import ImportRefused

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "Grid", "cell_name", "read_grid"]

Grid = list[list[object]]

#: A matrix larger than this is not a RACI matrix of one organisation.
MAX_ROWS = 10_000
MAX_COLUMNS = 2_000
#: What a workbook may unpack to, in all.
_MAX_UNPACKED = 64 * 1024 * 1024
_MAX_MEMBERS = 5_000


def cell_name(row: int, column: int) -> str:
    """The spreadsheet name of a 0-based cell: ``cell_name(2, 2) == "C3"``.

    Examples
    --------
    >>> [cell_name(0, 0), cell_name(2, 2), cell_name(9, 26), cell_name(0, 701)]
    ['A1', 'C3', 'AA10', 'ZZ1']
    """
    letters = ""
    number = column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row + 1}"


def read_grid(path: Path) -> Grid:
    """The cells of the first sheet of ``path`` (``.xlsx`` or ``.csv``).

    Raises
    ------
    ImportRefused
        When the file cannot be read, is too large, or is not a spreadsheet.
    """
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportRefused(
            "cannot be read ({detail})", source=source, detail=error.strerror or str(error)
        ) from None
    if size > MAX_FILE_BYTES * 8:
        raise ImportRefused("is too large to be a RACI matrix", source=source)
    if path.suffix.lower() == ".xlsx":
        return _xlsx_grid(path, source)
    return _csv_grid(path, source)


def _xlsx_grid(path: Path, source: str) -> Grid:
    _check_archive(path, source)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    # openpyxl reports a damaged workbook with many exception types (zip, XML,
    # KeyError for a missing part); any of them means "not readable".
    except Exception as error:
        raise ImportRefused(
            "is not a readable Excel workbook ({detail})", source=source, detail=str(error)
        ) from None
    try:
        if not workbook.worksheets:
            raise ImportRefused("has no worksheet", source=source)
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        return _bounded(([_value(v) for v in row] for row in rows), source)
    finally:
        workbook.close()


def _check_archive(path: Path, source: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportRefused(
            "is not a readable Excel workbook ({detail})", source=source, detail=str(error)
        ) from None
    if len(members) > _MAX_MEMBERS or sum(m.file_size for m in members) > _MAX_UNPACKED:
        raise ImportRefused("is too large to be a RACI matrix", source=source)


def _csv_grid(path: Path, source: str) -> Grid:
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise ImportRefused("is too large to be a RACI matrix", source=source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ImportRefused("is not a text file", source=source)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return _bounded(([_value(v) for v in row] for row in reader), source)
    except csv.Error as error:
        raise ImportRefused(
            "is not a readable CSV file ({detail})", source=source, detail=str(error)
        ) from None


def _delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the header row uses most.

    >>> _delimiter("Aufgabe;Teamleitung;Servicekraft\\nKulanz;A;R")
    ';'
    >>> _delimiter("Task,Lead\\nRefunds,\\"A, R\\"")
    ','
    """
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def _value(value: object) -> object:
    if isinstance(value, str):
        return value.strip() or None
    return value


def _bounded(rows: Iterable[list[object]], source: str) -> Grid:
    grid: Grid = []
    for row in rows:
        if len(grid) >= MAX_ROWS:
            raise ImportRefused("has more than {count} rows", source=source, count=f"{MAX_ROWS:,}")
        while row and row[-1] is None:
            row.pop()
        if len(row) > MAX_COLUMNS:
            raise ImportRefused(
                "has more than {count} columns", source=source, count=f"{MAX_COLUMNS:,}"
            )
        grid.append(row)
    while grid and not grid[-1]:
        grid.pop()
    return grid
