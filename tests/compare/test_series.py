"""Stability over a series of workshops: ``compare_series`` and ``workshop-app diff A B C``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.compare.series import compare_series
from workshop_app.fileformat import load_session, save_session
from workshop_app.resources import resource_path

from .pairs import session_series
from .plain_series import plain_stability

SERIES = [
    resource_path("samples", name)
    for name in ("versandhandel.yaml", "versandhandel-2027-01.yaml", "versandhandel-2027-03.yaml")
]


@pytest.mark.parametrize("seed", range(8))
def test_generated_series_agree_with_the_plain_implementation(tmp_path: Path, seed: int) -> None:
    paths = []
    for number, session in enumerate(session_series(250, seed, 3 + seed % 3), 1):
        paths.append(tmp_path / f"w{number}.yaml")
        save_session(session, paths[-1])
    sessions = [load_session(path) for path in paths]

    result = compare_series(sessions).to_json()

    assert result.pop("workshops") == [
        {"file": "", "title": "Synthetic service organisation", "date": None}
    ] * len(sessions)
    assert result == plain_stability(sessions)


def test_the_generated_series_have_findings_that_return_and_actions_that_stay_open() -> None:
    """Guards the test above: the series contain what the stability table reports."""
    returned, states = 0, set()
    for seed in range(8):
        result = compare_series(session_series(250, seed, 3 + seed % 3)).to_json()
        returned += sum(finding["returned"] for finding in result["findings"])
        states |= {action["now"] for action in result["actions"]}
        assert result["guardrails"] and result["priority_order"]["changes"]
    assert returned and states == {"open", "done", "removed"}


def test_the_sample_series_tells_what_kept_changing_and_what_stayed_open(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", *map(str, SERIES), "--format", "json"]) == 1
    result = json.loads(capsys.readouterr().out)

    assert [w["date"] for w in result["workshops"]] == ["2026-11-26", "2027-01-21", "2027-03-18"]
    assert len(result["steps"]) == 2
    assert result["priority_order"]["changed_in"] == [3]
    assert result["guardrails"]["g_kulanz"] == {"changes": 2, "changed_in": [2, 3]}
    assert result["guardrails"]["g_ton"] == {"changes": 0, "changed_in": []}
    reconfirm = [f for f in result["findings"] if f["code"] == "formal-decision-space"]
    assert reconfirm == [
        {
            "code": "formal-decision-space",
            "subjects": ["x_kulanz"],
            "present_in": [1, 3],
            "returned": True,
        }
    ]
    assert result["actions"] == [{"id": "a2", "open_in": [1, 2, 3], "now": "open"}]


def test_the_stability_table_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    main(["diff", *map(str, SERIES)])
    lines = capsys.readouterr().out.splitlines()

    assert lines[0] == "Stabilität über 3 Workshops"
    assert any(
        line.startswith("Reihenfolge der Prioritäten") and line.endswith("1 von 2")
        for line in lines
    )
    kulanz = next(line for line in lines if line.startswith("Leitplanke „Kulanzrahmen"))
    assert kulanz.split()[-3:] == ["2", "von", "2"] and kulanz.count("●") == 2
    assert any("zwischendurch behoben und wieder aufgetreten" in line for line in lines)
    open_action = "„Vertretung der Teamleitung für Beschwerden benennen“"
    assert f"  ○ {open_action} (offen in den Workshops 1, 2, 3; weiterhin offen)" in lines


def test_a_series_of_the_same_session_is_stable_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", *[str(SERIES[0])] * 3]) == 0
    assert "0 von 2" in capsys.readouterr().out


def test_an_unreadable_session_in_a_series_is_named_by_its_place(tmp_path: Path) -> None:
    broken = tmp_path / "march.yaml"
    broken.write_text("format: workshop-session\nversion: 99\n")

    result = subprocess.run(
        [sys.executable, "-m", "workshop_app", "diff", *map(str, SERIES[:2]), str(broken)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert result.returncode == 2
    assert result.stderr.startswith(f"workshop-app: session 3 of 3: {broken}, line 2")
