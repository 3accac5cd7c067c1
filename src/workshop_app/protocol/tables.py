"""Tables in one calm house style: header tinted, thin rules, text that wraps.

Cells are plain text (a string) or a :class:`~workshop_app.protocol.grid.TextCell`
of several runs; nothing is read as markup, so user text prints as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from workshop_app.protocol.grid import Grid, Run, TextCell
from workshop_app.protocol.styles import BOLD, MUTED

__all__ = ["Cell", "data_table", "head", "note", "text"]

Cell = str | TextCell

CELL_SIZE = 8.5
HEAD_SIZE = 8.0
NOTE_SIZE = 7.5


def text(value: str, *notes: str) -> TextCell:
    """``value`` with smaller grey lines below it (notes, relations); empty notes skipped."""
    return TextCell((Run(value, size=CELL_SIZE), *(note(n) for n in notes if n)))


def note(value: str) -> Run:
    return Run(value, size=NOTE_SIZE, colour=MUTED)


def head(value: str, *, centred: bool = False) -> TextCell:
    return TextCell((Run(value, BOLD, HEAD_SIZE, MUTED),), centred=centred)


def _cell(value: Cell) -> TextCell:
    return value if isinstance(value, TextCell) else text(value)


def data_table(
    header: Sequence[Cell],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    label_column: bool = False,
    rules: bool = False,
) -> Grid:
    """``rows`` under ``header`` (none if empty) as a table that splits over pages.

    ``label_column`` sets the first column like a header, for tables that
    name their rows rather than their columns; ``rules`` separates columns.
    """
    body = [
        [
            head(v) if label_column and i == 0 and isinstance(v, str) else _cell(v)
            for i, v in enumerate(row)
        ]
        for row in rows
    ]
    header_cells = [head(v) if isinstance(v, str) else v for v in header]
    return Grid.build(header_cells, body, widths, rules=rules)
