"""The protocol tells the walked cases and shows the delegation board, in German and English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workshop_app.domain import InsertCase, SetNodeFields
from workshop_app.fileformat import load_session
from workshop_app.protocol import export_protocol
from workshop_app.protocol.build import build_protocol
from workshop_app.protocol.cases import MANY_CASES
from workshop_app.protocol.model import Cell, ItemList, Paragraph, Section, Table, plain_text
from workshop_app.resources import resource_path

from .helpers import pdf_text

TODAY = dt.date(2026, 12, 1)


def sample():
    return load_session(resource_path("samples", "versandhandel.yaml"))


def section(session, key: str, language: str | None = None) -> Section:
    protocol = build_protocol(session, language, today=TODAY)
    return next(s for s in protocol.sections if s.key == key)


def test_the_cases_follow_the_escalation_paths_and_the_board_the_decision_spaces() -> None:
    keys = [s.key for s in build_protocol(sample(), today=TODAY).sections]
    assert keys.index("decision-spaces") < keys.index("delegation") < keys.index("escalation")
    assert keys.index("escalation") < keys.index("cases") < keys.index("findings")


def test_each_case_says_what_it_is_its_way_and_its_outcome() -> None:
    cases = section(sample(), "cases", "en")
    assert cases.title == "Walked cases"
    texts = [plain_text(b.text) for b in cases.blocks if isinstance(b, Paragraph)]
    assert texts[0] == "3 cases walked through the map: 2 decided, 1 stalled."
    assert (
        "Stalled: “Teamleitung” has to confirm the decision but is absent, and nobody else "
        "stands in."
    ) in texts
    assert (
        "Decided: “2nd Level Fachteam” decides after 2 hand-offs; the case may wait up to "
        "1 day 4 hours on the way."
    ) in texts
    ways = [b for b in cases.blocks if isinstance(b, ItemList)]
    assert [len(way.items) for way in ways] == [2, 2, 3]
    assert all(way.numbered for way in ways)


def test_a_session_without_cases_or_levels_has_neither_section() -> None:
    session = sample()
    session.cases.clear()
    for node in session.graph:
        session.graph.nodes[node].pop("delegation", None)
        session.graph.nodes[node].pop("delegation_target", None)
    keys = [s.key for s in build_protocol(session, today=TODAY).sections]
    assert "cases" not in keys and "delegation" not in keys


def test_many_cases_are_one_table() -> None:
    session = sample()
    for index in range(MANY_CASES):
        case = {"id": f"c{index}", "title": f"Fall {index}", "responsibility": "x_kulanz"}
        session.apply(InsertCase(len(session.cases), {**case, "amount": 10 * index}))
    [table] = [b for b in section(session, "cases").blocks if isinstance(b, Table)]
    assert len(table.rows) == MANY_CASES + 3
    assert [c.title for c in table.columns] == ["Fall", "Weg", "Ergebnis"]


def test_the_board_marks_today_the_target_the_gap_and_a_delegation_on_paper_only() -> None:
    board = section(sample(), "delegation", "en")
    [table] = [b for b in board.blocks if isinstance(b, Table)]
    rows = {row[0].text: row for row in table.rows}
    kulanz = rows["Kulanz bis 50 EUR"]
    marks = [cell.text for cell in kulanz[1:8]]
    assert marks == ["", "", "", "", "●", "", "○"]
    assert [cell.shade for cell in kulanz[1:8]] == [False] * 5 + [True, False]
    assert kulanz[8].text == "+2"
    assert kulanz[0].details == ("delegated on paper, re-confirmed in practice",)
    assert rows["Auskunftsersuchen nach DSGVO"][2] == Cell("◉", strong=True, centred=True)
    assert rows["Auskunftsersuchen nach DSGVO"][8].text == "reached"


def test_the_board_follows_a_changed_level() -> None:
    session = sample()
    session.apply(SetNodeFields("x_kulanz", {"delegation": 4}))  # below "the team decides"
    [table] = [b for b in section(session, "delegation").blocks if isinstance(b, Table)]
    kulanz = next(row for row in table.rows if row[0].text == "Kulanz bis 50 EUR")
    assert (kulanz[4].text, kulanz[8].text) == ("●", "+3")
    assert not kulanz[0].details and kulanz[0].tone is None
    session.apply(SetNodeFields("x_kulanz", {"delegation": 7, "reconfirm": False}))
    [table] = [b for b in section(session, "delegation").blocks if isinstance(b, Table)]
    kulanz = next(row for row in table.rows if row[0].text == "Kulanz bis 50 EUR")
    assert (kulanz[7].text, kulanz[8].text) == ("◉", "erreicht")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "de",
            [
                "Durchgespielte Fälle",
                "Liegen geblieben: „Teamleitung“ muss die Entscheidung bestätigen",
                "Delegationsstufen",
                "6 Erkundigen: Das Team entscheidet und informiert die Führung danach.",
                "auf dem Papier delegiert, in der Praxis rückversichert",
            ],
        ),
        (
            "en",
            [
                "Walked cases",
                "Stalled: “Teamleitung” has to confirm the decision",
                "Delegation board",
                "6 Inquire: The team decides and tells the lead afterwards.",
                "delegated on paper, re-confirmed in practice",
            ],
        ),
    ],
)
def test_the_printed_protocol_carries_both_sections(
    tmp_path: Path, language: str, words: list[str]
) -> None:
    path = tmp_path / "protocol.pdf"
    export_protocol(sample(), path, language=language)
    text = pdf_text(path)
    for expected in words:
        assert expected in text, expected


def test_a_large_map_counts_the_levels_instead_of_listing_every_row() -> None:
    from benchmarks.orgs import generate_organisation

    session = generate_organisation(1000)
    board = section(session, "delegation", "en")
    tables = [b for b in board.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 2  # today, target
    on_board = sum(1 for node in session.graph if "delegation" in session.graph.nodes[node])
    assert sum(int(c or 0) for c in tables[0].rows[0][1:]) == on_board
    lead = plain_text(board.blocks[0].text)
    assert lead.startswith(f"{on_board} responsibilities with a delegation level;")
