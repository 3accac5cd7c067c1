"""Delegation levels, escalation deadlines and cases in the file: kept exactly, refused by place."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workshop_app.fileformat import SessionFormatError, dumps_session, loads_session

SESSION = textwrap.dedent("""\
    format: workshop-session
    version: 1
    meta:
      language: de
    nodes:
      - {id: r_agent, kind: role, label: Servicekraft}
      - {id: r_lead, kind: role, label: Teamleitung}
      - {id: x_kulanz, kind: responsibility, label: Kulanz, decision_limit: "50,00 EUR", reconfirm: true, delegation: 5, delegation_target: 7}
      - {id: g_rahmen, kind: guardrail, label: Kulanzrahmen}
    edges:
      - {source: r_agent, target: x_kulanz, kind: accountable}
      - {source: x_kulanz, target: r_lead, kind: escalates_to, trigger: über 50 EUR, after: 4h, notes: per Ticket}
      - {source: r_agent, target: r_lead, kind: deputy_of}
    cases:
      - {id: c_urlaub, title: "Kulanz 120 €, Teamleitung im Urlaub", responsibility: x_kulanz, amount: 120, absent: [r_lead], notes: kommt jeden Sommer vor}
      - {id: c_klein, title: Kulanz 30 €, responsibility: x_kulanz, amount: 30.5, weather: rainy}
    """)  # noqa: E501 (one flow mapping per line, as the app writes it)


def refusal(text: str) -> SessionFormatError:
    with pytest.raises(SessionFormatError) as info:
        loads_session(text, source="session.yaml")
    return info.value


def test_a_session_with_levels_deadlines_and_cases_saves_to_itself() -> None:
    session = loads_session(SESSION)
    assert dumps_session(session) == SESSION
    assert session.graph.nodes["x_kulanz"]["delegation"] == 5
    assert session.graph.edges["x_kulanz", "r_lead", "escalates_to"]["after"] == "4h"
    assert [case["id"] for case in session.cases] == ["c_urlaub", "c_klein"]
    assert session.case("c_klein")["weather"] == "rainy"  # unknown fields are kept


def test_fields_are_saved_in_their_fixed_order_whatever_the_order_read() -> None:
    shuffled = SESSION.replace(
        "{id: c_klein, title: Kulanz 30 €, responsibility: x_kulanz, amount: 30.5, weather: rainy}",
        "{weather: rainy, amount: 30.5, responsibility: x_kulanz, title: Kulanz 30 €, id: c_klein}",
    ).replace("after: 4h, notes: per Ticket", "notes: per Ticket, after: 4h")
    assert shuffled != SESSION
    assert dumps_session(loads_session(shuffled)) == SESSION


def test_null_optional_case_fields_are_left_out() -> None:
    text = SESSION.replace("amount: 30.5, weather: rainy", "amount: null, absent: ~, notes: ")
    case = loads_session(text).case("c_klein")
    assert case == {"id": "c_klein", "title": "Kulanz 30 €", "responsibility": "x_kulanz"}


def _swap(old: str, new: str) -> str:
    assert old in SESSION
    return SESSION.replace(old, new)


CASE_LINE = 16
REFUSALS = [
    ("level above 7", _swap("delegation: 5", "delegation: 8"), 8, "nodes[2].delegation", "1 to 7"),
    (
        "level 0",
        _swap("delegation_target: 7", "delegation_target: 0"),
        8,
        "nodes[2].delegation_target",
        "1 to 7",
    ),
    (
        "level as text",
        _swap("delegation: 5", "delegation: fünf"),
        8,
        "nodes[2].delegation",
        "whole number",
    ),
    (
        "level on a role",
        _swap("label: Teamleitung}", "label: Teamleitung, delegation: 3}"),
        7,
        "nodes[1].delegation",
        "belongs to a responsibility, not to a role",
    ),
    (
        "target on a guardrail",
        _swap("label: Kulanzrahmen}", "label: Kulanzrahmen, delegation_target: 3}"),
        9,
        "nodes[3].delegation_target",
        "belongs to a responsibility, not to a guardrail",
    ),
    (
        "duration with a space",
        _swap("after: 4h", "after: 4 h"),
        12,
        "edges[1].after",
        "such as 30min, 4h or 2d, not '4 h'",
    ),
    ("duration without unit", _swap("after: 4h", "after: 4"), 12, "edges[1].after", "not 4"),
    ("duration in weeks", _swap("after: 4h", "after: 1w"), 12, "edges[1].after", "duration"),
    ("negative duration", _swap("after: 4h", "after: -4h"), 12, "edges[1].after", "duration"),
    ("fractional duration", _swap("after: 4h", "after: 1.5h"), 12, "edges[1].after", "duration"),
    (
        "duration on a deputy edge",
        _swap("kind: deputy_of}", "kind: deputy_of, after: 2d}"),
        13,
        "edges[2].after",
        "belongs to edges of kind escalates_to, not deputy_of",
    ),
    (
        "case on a missing node",
        _swap("responsibility: x_kulanz, amount: 120", "responsibility: x_weg, amount: 120"),
        15,
        "cases[0].responsibility",
        "no node with the id 'x_weg'",
    ),
    (
        "case on a role",
        _swap("responsibility: x_kulanz, amount: 120", "responsibility: r_lead, amount: 120"),
        15,
        "cases[0].responsibility",
        "'r_lead' is a role; a case is about a responsibility",
    ),
    (
        "unknown absent role",
        _swap("absent: [r_lead]", "absent: [r_lead, r_chef]"),
        15,
        "cases[0].absent[1]",
        "no role with the id 'r_chef'",
    ),
    (
        "absent responsibility",
        _swap("absent: [r_lead]", "absent: [x_kulanz]"),
        15,
        "cases[0].absent[0]",
        "only a role can be absent",
    ),
    (
        "absent not a list",
        _swap("absent: [r_lead]", "absent: r_lead"),
        15,
        "cases[0].absent",
        "list of role ids",
    ),
    (
        "amount with currency",
        _swap("amount: 120,", "amount: 120 EUR,"),
        15,
        "cases[0].amount",
        "must be a number",
    ),
    (
        "amount with decimal comma",
        _swap("amount: 120,", 'amount: "120,50",'),
        15,
        "cases[0].amount",
        "not '120,50'",
    ),
    ("amount true", _swap("amount: 120,", "amount: true,"), 15, "cases[0].amount", "not true"),
    (
        "amount infinite",
        _swap("amount: 120,", "amount: .inf,"),
        15,
        "cases[0].amount",
        "must be a number",
    ),
    (
        "duplicate case id",
        _swap("id: c_klein", "id: c_urlaub"),
        CASE_LINE,
        "cases[1].id",
        "'c_urlaub' is already the id of cases[0]",
    ),
    ("case without id", _swap("{id: c_klein, ", "{"), CASE_LINE, "cases[1].id", "is missing"),
    (
        "case id with a space",
        _swap("id: c_klein", "id: c klein"),
        CASE_LINE,
        "cases[1].id",
        "not 'c klein'",
    ),
    (
        "case without title",
        _swap("title: Kulanz 30 €, ", ""),
        CASE_LINE,
        "cases[1].title",
        "is missing",
    ),
    (
        "case title blank",
        _swap("title: Kulanz 30 €,", 'title: " ",'),
        CASE_LINE,
        "cases[1].title",
        "must not be empty",
    ),
    (
        "case notes a list",
        _swap("notes: kommt jeden Sommer vor", "notes: [a]"),
        15,
        "cases[0].notes",
        "must be text",
    ),
    ("case not a mapping", SESSION + "  - c_drei\n", 17, "cases[2]", "mapping"),
    ("cases not a list", SESSION.split("cases:")[0] + "cases: {a: 1}\n", 14, "cases", "list"),
]


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [refused[1:] for refused in REFUSALS],
    ids=[refused[0] for refused in REFUSALS],
)
def test_malformed_levels_durations_and_cases_are_refused_naming_the_place(
    text: str, line: int, field: str, words: str
) -> None:
    error = refusal(text)
    assert (error.line, error.field) == (line, field)
    assert words in str(error)
    assert str(error).startswith(f"session.yaml, line {line}, {field}: ")
    german = error.message("de")
    assert german.startswith(f"session.yaml, Zeile {line}, {field}: ")
    assert "must" not in german and "belongs" not in german


@pytest.mark.parametrize(
    ("text", "field"),
    [(REFUSALS[5][1], "edges[1].after"), (REFUSALS[11][1], "cases[0].responsibility")],
)
def test_the_check_command_refuses_a_malformed_case_with_exit_2(
    tmp_path: Path, text: str, field: str
) -> None:
    path = tmp_path / "session.yaml"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "workshop_app", "check", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert field in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
