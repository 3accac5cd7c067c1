"""``workshop-app walk`` as a script or CI sees it: the design's JSON, exit codes, plain words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.resources import resource_path

SAMPLE = resource_path("samples", "versandhandel.yaml")
FIELDS = ["case", "outcome", "decided_by", "reason", "path", "handoffs", "wait"]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", "walk", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_sample_walks_its_cases_as_json_with_exactly_the_designs_fields() -> None:
    result = run(SAMPLE, "--format", "json")
    assert result.returncode == 1, result.stderr  # one of the sample's cases stalls
    walked = json.loads(result.stdout)
    assert [list(entry) for entry in walked] == [FIELDS] * len(walked)
    assert walked == [
        {
            "case": "c_kulanz_30",
            "outcome": "decided",
            "decided_by": "r_lead",
            "reason": None,
            "path": ["r_agent", "r_lead"],
            "handoffs": 1,
            "wait": "PT0S",
        },
        {
            "case": "c_kulanz_30_urlaub",
            "outcome": "stalled",
            "decided_by": None,
            "reason": "no-confirmer",
            "path": ["r_agent", "r_lead"],
            "handoffs": 1,
            "wait": None,
        },
        {
            "case": "c_kulanz_120_urlaub",
            "outcome": "decided",
            "decided_by": "r_second",
            "reason": None,
            "path": ["r_agent", "r_lead", "r_second"],
            "handoffs": 2,
            "wait": "P1DT4H",
        },
    ]


def test_one_decided_case_exits_0_and_reads_in_the_sessions_language() -> None:
    result = run(SAMPLE, "--case", "c_kulanz_120_urlaub")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "versandhandel.yaml: 1 Fall; entschieden: 1, liegen geblieben: 0",
        "",
        "Kulanz 120 €, Teamleitung im Urlaub",
        "  „Kulanz bis 50 EUR“ · Grenze 50 EUR · muss bestätigt werden · Betrag 120 · "
        "abwesend: „Teamleitung“",
        "  Weg: Servicekraft 1st Level → Teamleitung (abwesend, Eskalation, Frist 4 Stunden) → "
        "2nd Level Fachteam (Eskalation, Frist 1 Tag)",
        "  Entschieden: „2nd Level Fachteam“ entscheidet nach 2 Übergaben; unterwegs darf der "
        "Fall bis zu 1 Tag 4 Stunden warten.",
    ]


def test_a_stalled_case_says_where_and_why_and_exits_1() -> None:
    result = run(SAMPLE, "--case", "c_kulanz_30_urlaub")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == (
        "  Liegen geblieben: „Teamleitung“ muss die Entscheidung bestätigen, ist aber abwesend, "
        "und niemand springt ein."
    )
    assert "r_lead" not in result.stdout  # labels, not ids


def test_an_unknown_case_id_exits_2_naming_the_known_ones() -> None:
    result = run(SAMPLE, "--case", "c_nope")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"workshop-app: {SAMPLE}: no case with the id 'c_nope'; the session's cases: "
        "c_kulanz_30, c_kulanz_30_urlaub, c_kulanz_120_urlaub\n"
    )


def test_a_session_without_cases_has_nothing_to_walk(tmp_path: Path) -> None:
    path = tmp_path / "leer.yaml"
    path.write_text("format: workshop-session\nversion: 1\n", encoding="utf-8")
    assert run(path, "--format", "json").stdout == "[]\n"
    result = run(path)
    assert (result.returncode, result.stdout) == (0, "leer.yaml: no cases to walk yet.\n")


HEADER = (
    "format: workshop-session\nversion: 1\nnodes:\n"
    "  - {id: r, kind: role, label: R}\n"
    "  - {id: x, kind: responsibility, label: X}\n"
    "edges:\n"
    "  - {source: r, target: x, kind: accountable}\n"
    "  - {source: x, target: r, kind: escalates_to, after: 4h}\n"
    "cases:\n"
)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (HEADER.replace("after: 4h", "after: 4 Stunden"), "line 8, edges[1].after"),
        (HEADER.replace("after: 4h", "after: 4.5h"), "line 8, edges[1].after"),
        (
            HEADER + "  - {id: c, title: T, responsibility: nix}\n",
            "line 10, cases[0].responsibility",
        ),
        (HEADER + "  - {id: c, title: T, responsibility: r}\n", "line 10, cases[0].responsibility"),
        (
            HEADER + "  - {id: c, title: T, responsibility: x, absent: [q]}\n",
            "line 10, cases[0].absent[0]",
        ),
        (
            HEADER + "  - {id: c, title: T, responsibility: x, amount: viel}\n",
            "line 10, cases[0].amount",
        ),
        (HEADER + "  - {id: c, title: T, responsibility: x}\n" * 2, "line 11, cases[1].id"),
        (HEADER + "  - {id: c, responsibility: x}\n", "line 10, cases[0].title"),
        (HEADER.replace("label: X}", "label: X, delegation: 9}"), "line 5, nodes[1].delegation"),
        (HEADER.replace("label: R}", "label: R, delegation: 3}"), "line 4, nodes[0].delegation"),
    ],
)
def test_each_malformed_case_or_duration_exits_2_naming_the_place(
    tmp_path: Path, text: str, place: str
) -> None:
    path = tmp_path / "session.yaml"
    path.write_text(text, encoding="utf-8")
    for output in ("text", "json"):
        result = run(path, "--format", output)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr.startswith(f"workshop-app: {path}, {place}: ")
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run(tmp_path / "weg.yaml")
    assert result.returncode == 2 and "cannot be read" in result.stderr


def test_labels_cannot_steer_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    text = HEADER.replace("label: R}", 'label: "R\\e[2J\\u202Eevil"}')
    path.write_text(text + '  - {id: c, title: "T\\e]0;x\\a", responsibility: x}\n', "utf-8")
    result = run(path)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\x07" not in result.stdout
    assert "R\\x1b[2J\\u202eevil" in result.stdout
