"""The tables a client wants back in Excel: RACI, roles, findings and actions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import AddNode, NodeKind
from workshop_app.fileformat import load_session
from workshop_app.interchange import export_for_tools, import_session
from workshop_app.resources import resource_path

SAMPLE = resource_path("samples", "versandhandel.yaml")


@pytest.fixture
def workbook_path(tmp_path: Path) -> Path:
    out = tmp_path / "tables.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "workshop_app", "export", str(SAMPLE), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return out


def column(sheet, index: int = 0) -> list[object]:
    return [row[index] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_four_sheets_in_the_session_language_with_every_role(workbook_path: Path) -> None:
    session = load_session(SAMPLE)
    roles = sorted(session.label(r) for r in session.nodes_of_kind(NodeKind.ROLE))
    workbook = openpyxl.load_workbook(workbook_path)

    assert workbook.sheetnames == ["RACI", "Rollen", "Befunde", "Maßnahmen"]
    raci, role_sheet, findings, actions = workbook.worksheets
    assert sorted(c.value for c in raci[1][1:]) == roles
    assert sorted(column(role_sheet)) == roles
    assert len(column(findings)) == len(find_ambiguities(session))
    assert column(actions) == [a["text"] for a in session.actions]
    assert [raci.freeze_panes, role_sheet.freeze_panes] == ["B2", "A2"]
    assert all(cell.font.bold for cell in findings[1])
    widths = [role_sheet.column_dimensions[c].width for c in "ABCDE"]
    assert all(8 <= w <= 60 for w in widths) and len(set(widths)) > 1


def test_roles_show_load_and_deputies(workbook_path: Path) -> None:
    session = load_session(SAMPLE)
    sheet = openpyxl.load_workbook(workbook_path)["Rollen"]
    header = [c.value for c in sheet[1]]
    rows = {
        row[0]: dict(zip(header, row, strict=True))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }

    for role in session.nodes_of_kind(NodeKind.ROLE):
        row = rows[session.label(role)]
        assert row["Auslastung (%)"] == session.graph.nodes[role].get("load")
        deputies = {
            session.label(s)
            for s, _, k in session.graph.in_edges(role, keys=True)
            if k == "deputy_of"
        }
        assert set(filter(None, (row["Vertreten durch"] or "").split(", "))) == deputies


def test_the_raci_sheet_reads_back_as_the_same_relations(workbook_path: Path) -> None:
    session = load_session(SAMPLE)
    raci = {"accountable", "responsible", "consulted", "informed"}
    expected = {
        (session.label(s), session.label(t), k)
        for s, t, k in session.graph.edges(keys=True)
        if k in raci and session.kind(t) == NodeKind.RESPONSIBILITY
    }

    again = import_session(workbook_path)

    assert {(again.label(s), again.label(t), k) for s, t, k in again.graph.edges(keys=True)} == (
        expected
    )


def test_a_label_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    session = load_session(SAMPLE)
    session.apply(AddNode("r_evil", NodeKind.ROLE, '=HYPERLINK("http://x","click")', {}))
    out = tmp_path / "tables.xlsx"

    export_for_tools(session, out, "en")

    sheet = openpyxl.load_workbook(out)["Roles"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    evil = next(c for c in cells if str(c.value).startswith("="))
    assert evil.data_type == "s"


def test_english_on_request(tmp_path: Path) -> None:
    out = tmp_path / "tables.xlsx"
    export_for_tools(load_session(SAMPLE), out, "en")
    assert openpyxl.load_workbook(out).sheetnames == ["RACI", "Roles", "Findings", "Actions"]
