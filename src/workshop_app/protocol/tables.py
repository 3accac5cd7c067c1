"""Tables: one calm house style, and the RACI matrix split legibly over pages.

Every table repeats its header row on each page and may split inside a row
(``splitInRow``), so a cell holding a page of notes flows on instead of
raising reportlab's ``LayoutError``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle
from reportlab.platypus.flowables import CondPageBreak, Flowable, KeepTogether

from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.i18n import Translator
from workshop_app.protocol.styles import INK, LINE, REGULAR, TINT, Styles, markup

__all__ = ["Cell", "data_table", "raci_flowables"]

Cell = str | Flowable
_RACI_LETTERS = {
    EdgeKind.ACCOUNTABLE: "A",
    EdgeKind.RESPONSIBLE: "R",
    EdgeKind.CONSULTED: "C",
    EdgeKind.INFORMED: "I",
}
_ACCOUNTABLE_TINT = colors.HexColor("#DCE7F3")
_ROLE_COLUMN_MIN = 48.0
_ROLE_COLUMN_MAX = 100.0
_HEADER_LABEL_LIMIT = 60


def _base_style(extra: Sequence[tuple] = (), *, header: bool = True) -> TableStyle:
    head = [("BACKGROUND", (0, 0), (-1, 0), TINT), ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK)]
    return TableStyle(
        [
            # Cells hold Paragraphs, but the table still sets its own cell font:
            # left at the default it would put a non-embedded Helvetica in the PDF.
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
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


def _as_flowable(value: Cell, style: ParagraphStyle) -> Flowable:
    return value if isinstance(value, Flowable) else Paragraph(markup(value), style)


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


def _letters(session: Session) -> dict[tuple[str, str], str]:
    cells: dict[tuple[str, str], list[str]] = {}
    for role, target, key in session.graph.edges(keys=True):
        letter = _RACI_LETTERS.get(key)
        if letter and session.kind(target) is NodeKind.RESPONSIBILITY:
            cells.setdefault((target, role), []).append(letter)
    order = "ARCI"
    return {place: "/".join(sorted(found, key=order.index)) for place, found in cells.items()}


def raci_flowables(session: Session, width: float, styles: Styles, _: Translator) -> list[Flowable]:
    """The RACI matrix: responsibilities down, roles across, split into parts by roles.

    When the roles do not fit across one page, each part shows a group of
    roles and only the responsibilities with an entry among them, so no page
    is a sheet of empty cells; responsibilities with no entry at all stay in
    the first part, where the gap shows.
    """
    letters = _letters(session)
    responsibilities = session.nodes_of_kind(NodeKind.RESPONSIBILITY)
    used_roles = {role for _, role in letters}
    roles = [role for role in session.nodes_of_kind(NodeKind.ROLE) if role in used_roles]
    if not responsibilities or not roles:
        return [Paragraph(markup(_("No roles have RACI entries yet.")), styles.body)]
    first_column = max(150.0, width * 0.26)
    per_page = max(1, int((width - first_column) // _ROLE_COLUMN_MIN))
    parts = math.ceil(len(roles) / per_page)
    per_part = math.ceil(len(roles) / parts)
    column = min(_ROLE_COLUMN_MAX, (width - first_column) / per_part)
    first_column = min(width - column * per_part, max(first_column, width * 0.4))
    story: list[Flowable] = [
        Paragraph(
            markup(_("A accountable · R responsible · C consulted · I informed")), styles.small
        )
    ]
    if parts > 1:
        story.append(
            Paragraph(
                markup(
                    _(
                        "The roles do not fit across one page: the matrix comes in {parts} parts."
                        " Each part lists the responsibilities with an entry for its roles."
                    ).format(parts=parts)
                ),
                styles.small,
            )
        )
    for index in range(parts):
        group = roles[index * per_part : (index + 1) * per_part]
        rows = [
            r
            for r in responsibilities
            if any((r, role) in letters for role in group)
            or (index == 0 and not any((r, role) in letters for role in roles))
        ]
        story += _raci_part(session, letters, rows, group, (first_column, column), styles, _)
    return story


def _raci_part(
    session: Session,
    letters: dict[tuple[str, str], str],
    rows: list[str],
    roles: list[str],
    widths: tuple[float, float],
    styles: Styles,
    _: Translator,
) -> list[Flowable]:
    notes: list[str] = []
    header_cells: list[Cell] = []
    for role in roles:
        label = session.label(role)
        if len(label) > _HEADER_LABEL_LIMIT:
            notes.append(label)
            short = markup(label[: _HEADER_LABEL_LIMIT - 1].rstrip()) + "…"
            label_markup = f"{short}<super>{len(notes)}</super>"
        else:
            label_markup = markup(label)
        header_cells.append(Paragraph(label_markup, styles.head_centred))
    body: list[list[Cell]] = []
    tints: list[tuple] = []
    for row_number, responsibility in enumerate(rows, start=1):
        cells: list[Cell] = [Paragraph(markup(session.label(responsibility)), styles.cell)]
        for column_number, role in enumerate(roles, start=1):
            letter = letters.get((responsibility, role), "")
            cells.append(Paragraph(letter, styles.letter))
            if letter.startswith("A"):
                tints.append(
                    (
                        "BACKGROUND",
                        (column_number, row_number),
                        (column_number, row_number),
                        _ACCOUNTABLE_TINT,
                    )
                )
        body.append(cells)
    first, column = widths
    grid = [("LINEAFTER", (0, 0), (-2, -1), 0.4, LINE), ("VALIGN", (1, 0), (-1, 0), "BOTTOM")]
    table = data_table(
        [_("Responsibility"), *header_cells],
        body,
        [first] + [column] * len(roles),
        styles,
        extra_style=[*grid, *tints],
    )
    footnotes = [
        Paragraph(f"<super>{number}</super> {markup(label)}", styles.note)
        for number, label in enumerate(notes, start=1)
    ]
    return [CondPageBreak(120), table, *([KeepTogether(footnotes)] if footnotes else [])]
