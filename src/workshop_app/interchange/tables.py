"""The workshop's tables as an Excel workbook: RACI, roles, findings, actions.

One sheet each, headers bold and frozen, columns sized to their content,
in the session's language with the window's words (from
:mod:`workshop_app.vocabulary`). Text from the session is always stored as
text: a label starting with ``=`` is never turned into a formula.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Iterable, Sequence
from typing import Any

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.fileformat.atomic import write_atomic
from workshop_app.i18n import Translator, translator
from workshop_app.interchange._de import GERMAN
from workshop_app.interchange.raci import RACI_LETTERS
from workshop_app.vocabulary import severity_name

__all__ = ["export_tables", "tables"]

Row = Sequence[Any]
_WIDTH_MIN, _WIDTH_MAX = 8, 60
_LINE_HEIGHT = 15  # points, for the default 11 pt font


def export_tables(
    session: Session, path: str | os.PathLike[str], language: str | None = None
) -> None:
    """Write the workbook to ``path`` (atomically); ``language`` defaults to the session's.

    Raises
    ------
    SaveError
        When the file cannot be written; an older file stays as it was.
    """
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for index, (title, header, rows) in enumerate(tables(session, language or session.language)):
        # The RACI sheet keeps its first column (the responsibilities) in view too.
        _add_sheet(workbook, title, [header, *rows], freeze="B2" if index == 0 else "A2")
    _centre_letters(workbook.worksheets[0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomic(path, buffer.getvalue(), keep_backup=False)


def tables(session: Session, language: str) -> list[tuple[str, Row, list[Row]]]:
    """The four tables as (sheet title, header row, rows): RACI, roles, findings, actions."""
    _ = translator(GERMAN, language)
    roles = _ordered(session, NodeKind.ROLE)
    duties = _ordered(session, NodeKind.RESPONSIBILITY)
    raci = [[session.label(d), *(_letters(session, r, d) for r in roles)] for d in duties]
    return [
        (_("RACI"), [_("Responsibility"), *map(session.label, roles)], raci),
        (_("Roles"), _role_header(_), [_role_row(session, r) for r in roles]),
        (_("Findings"), _finding_header(_), _finding_rows(session, language, _)),
        (_("Actions"), _action_header(_), [_action_row(session, a, _) for a in session.actions]),
    ]


def _ordered(session: Session, kind: NodeKind) -> list[str]:
    """Nodes of ``kind`` by label, so the same map gives the same sheet."""
    return sorted(session.nodes_of_kind(kind), key=lambda n: (session.label(n).casefold(), n))


def _letters(session: Session, role: str, duty: str) -> str | None:
    kinds = session.graph.get_edge_data(role, duty) or {}
    letters = [letter for letter, kind in RACI_LETTERS.items() if kind in kinds]
    return "/".join(letters) or None


def _labels(session: Session, ids: Iterable[str]) -> str:
    return ", ".join(sorted((session.label(n) for n in ids), key=str.casefold))


def _role_header(_: Translator) -> Row:
    return [
        _("Role"),
        _("Load (%)"),
        _("Deputies"),
        _("Stands in for"),
        _("Accountable for"),
        _("Responsible for"),
        _("Escalates to"),
        _("Notes"),
    ]


def _role_row(session: Session, role: str) -> Row:
    graph = session.graph

    def targets(kind: EdgeKind) -> str:
        return _labels(session, (t for _, t, k in graph.out_edges(role, keys=True) if k == kind))

    deputies = (s for s, _, k in graph.in_edges(role, keys=True) if k == EdgeKind.DEPUTY_OF)
    return [
        session.label(role),
        graph.nodes[role].get("load"),
        _labels(session, deputies),
        targets(EdgeKind.DEPUTY_OF),
        targets(EdgeKind.ACCOUNTABLE),
        targets(EdgeKind.RESPONSIBLE),
        targets(EdgeKind.ESCALATES_TO),
        graph.nodes[role].get("notes"),
    ]


def _finding_header(_: Translator) -> Row:
    return [_("Severity"), _("Finding"), _("Concerns"), _("Review"), _("Note")]


def _finding_rows(session: Session, language: str, _: Translator) -> list[Row]:
    return [
        [
            severity_name(finding.severity, language),
            finding.message,
            _labels(session, finding.subjects),
            _("accepted") if finding.accepted else _("open"),
            finding.note,
        ]
        for finding in find_ambiguities(session, language)
    ]


def _action_header(_: Translator) -> Row:
    return [_("Action"), _("Owner"), _("Due"), _("Status")]


def _action_row(session: Session, action: dict[str, Any], _: Translator) -> Row:
    owner = action.get("owner")
    status = action.get("status")
    statuses = {
        "open": _("open"),
        "in_progress": _("in progress"),
        "in progress": _("in progress"),
        "done": _("done"),
        "cancelled": _("cancelled"),
        "dropped": _("dropped"),
    }
    return [
        action.get("text"),
        session.label(owner) if isinstance(owner, str) and owner in session.graph else owner,
        action.get("due"),
        statuses.get(str(status).strip().casefold(), status),
    ]


def _add_sheet(workbook: Any, title: str, rows: list[Row], freeze: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet = workbook.create_sheet(title)
    for values in rows:
        sheet.append([_cell_value(v) for v in values])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8E8E4")
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                # Stored as text whatever it starts with: no formula from a label.
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = freeze
    # Printed, a sheet is as wide as the paper: landscape, all columns on one page.
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "1:1"
    if len(rows) > 1:
        sheet.auto_filter.ref = sheet.dimensions
    _size_columns(sheet)


def _centre_letters(sheet: Any) -> None:
    from openpyxl.styles import Alignment

    for row in sheet.iter_rows(min_row=2, min_col=2):
        for cell in row:
            cell.alignment = Alignment(horizontal="center", vertical="top")


def _cell_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


def _size_columns(sheet: Any) -> None:
    """Columns as wide as their longest line (within bounds); rows as tall as their
    wrapped text, which spreadsheet programs do not work out on opening a file."""
    from openpyxl.utils import get_column_letter

    widths = []
    for index, column in enumerate(sheet.iter_cols(values_only=True), start=1):
        longest = max((_longest_line(v) for v in column), default=0)
        widths.append(min(max(longest + 2, _WIDTH_MIN), _WIDTH_MAX))
        sheet.column_dimensions[get_column_letter(index)].width = widths[-1]
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        lines = max((_wrapped_lines(v, w - 2) for v, w in zip(row, widths, strict=True)), default=1)
        if lines > 1:
            sheet.row_dimensions[number].height = _LINE_HEIGHT * lines


def _wrapped_lines(value: Any, width: int) -> int:
    if value is None:
        return 1
    return sum(max(1, math.ceil(len(line) / width)) for line in str(value).splitlines() or [""])


def _longest_line(value: Any) -> int:
    return 0 if value is None else max(map(len, str(value).splitlines() or [""]))
