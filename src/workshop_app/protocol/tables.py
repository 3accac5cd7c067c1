"""Tables in one calm house style.

Every table repeats its header row on each page and may split inside a row
(``splitInRow``), so a cell holding a page of notes flows on instead of
raising reportlab's ``LayoutError``.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from workshop_app.protocol.styles import INK, LINE, REGULAR, TINT, Styles, markup

__all__ = ["Cell", "Plain", "data_table"]


class Plain(str):
    """A short text of our own (a RACI letter, "yes", a number) drawn as is.

    The table draws it directly, without the markup parser and line breaking
    of a Paragraph, which makes big matrices several times faster. It does
    not wrap: never use it for user text.
    """


Cell = str | Flowable
_PLAIN_SIZE = 8.5


def _base_style(extra: Sequence[tuple] = (), *, header: bool = True) -> TableStyle:
    head = [("BACKGROUND", (0, 0), (-1, 0), TINT), ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK)]
    return TableStyle(
        [
            # Cells hold Paragraphs, but the table still sets its own cell font:
            # left at the default it would put a non-embedded Helvetica in the PDF.
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), _PLAIN_SIZE),
            ("LEADING", (0, 0), (-1, -1), _PLAIN_SIZE * 1.3),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
            *(head if header else []),
            *extra,
        ]
    )


def _as_flowable(value: Cell, style: ParagraphStyle) -> Flowable | str:
    if isinstance(value, Flowable | Plain):
        return value
    return Paragraph(markup(value), style)


def data_table(
    header: Sequence[Cell],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    styles: Styles,
    *,
    extra_style: Sequence[tuple] = (),
    header_style: ParagraphStyle | None = None,
) -> Table:
    """``rows`` under ``header`` (none if empty) as a table; strings are escaped as user text.

    ``header_style`` styles string cells of the first column, for tables that
    name their rows rather than their columns.
    """
    body = [
        [
            _as_flowable(value, header_style if header_style and i == 0 else styles.cell)
            for i, value in enumerate(row)
        ]
        for row in rows
    ]
    if header:
        body.insert(0, [_as_flowable(value, styles.head) for value in header])
    table = Table(
        body, colWidths=list(widths), repeatRows=1 if header else 0, splitInRow=1, hAlign="LEFT"
    )
    table.setStyle(_base_style(extra_style, header=bool(header)))
    return table
