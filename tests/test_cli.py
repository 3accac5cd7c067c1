"""The command line as a script or CI sees it: output, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app import __version__
from workshop_app.resources import resource_path

HEADER = "format: workshop-session\nversion: 1\n"
SAMPLE = resource_path("samples", "versandhandel.yaml")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_check_sample_reports_every_rule_and_exits_1_for_open_errors() -> None:
    result = run("check", SAMPLE, "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    assert {f["code"] for f in findings} == {
        "no-owner",
        "shared-ownership",
        "priority-tie",
        "priority-cycle",
        "priority-conflict",
        "no-priority",
        "escalation-cycle",
        "escalation-missing",
        "formal-decision-space",
        "no-deputy",
        "no-buffer",
        "no-good-enough",
        "isolated",
        "delegation-mismatch",
    }
    assert all(set(f) == {"code", "severity", "subjects", "message", "accepted"} for f in findings)
    accepted = [f for f in findings if f["accepted"]]
    assert [(f["code"], f["subjects"]) for f in accepted] == [
        ("formal-decision-space", ["x_kulanz"])
    ]
    conflict = next(f for f in findings if f["code"] == "priority-conflict")
    assert conflict["subjects"] == ["p_kosten", "p_zufriedenheit", "x_kulanz"]
    assert "Kundenzufriedenheit" in conflict["message"] and "p_kosten" not in conflict["message"]


def test_check_text_is_in_the_session_language(tmp_path: Path) -> None:
    result = run("check", SAMPLE)
    assert result.returncode == 1
    assert "Knoten" in result.stdout and "akzeptiert" in result.stdout


def test_check_exits_0_when_no_error_is_open(tmp_path: Path) -> None:
    session = tmp_path / "ok.yaml"
    session.write_text(
        "format: workshop-session\nversion: 1\nnodes:\n"
        "  - {id: r1, kind: role, label: Team}\n"
        "  - {id: x1, kind: responsibility, label: Retouren, good_enough: erledigt}\n"
        "  - {id: p1, kind: priority, label: Tempo}\n"
        "edges:\n"
        "  - {source: r1, target: x1, kind: accountable}\n"
        "  - {source: r1, target: p1, kind: accountable}\n"
        "  - {source: x1, target: p1, kind: serves}\n",
        encoding="utf-8",
    )
    result = run("check", session, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("nodes: [\n  - {id: a", "line"),
        ("format: workshop-session\nversion: 2\n", "newer"),
        ("- just\n- a list\n", "not a session file"),
        (
            HEADER + "nodes: !!python/object/apply:os.system [echo hi]\n",
            "line 3",
        ),
        (
            HEADER + "nodes:\n  - {id: a, kind: role, label: A, load: NO}\n",
            "line 4",
        ),
        ("[" * 100_000, "deep"),
    ],
)
def test_unloadable_files_exit_2_with_one_line_and_no_traceback(
    tmp_path: Path, content: str, expected: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    result = run("check", bad)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert expected in result.stderr.lower() or expected in result.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("check", tmp_path / "nope.yaml")
    assert result.returncode == 2
    assert "nope.yaml" in result.stderr and "Traceback" not in result.stderr


def test_a_protocol_that_cannot_be_written_exits_2_and_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "protocol.pdf"
    result = run("export", SAMPLE, "-o", target)
    assert result.returncode == 2
    assert "protocol.pdf" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not target.parent.exists()


@pytest.mark.parametrize("name", ["protocol.txt", "protocol"])
def test_export_to_a_suffix_it_cannot_write_exits_2_and_names_the_choices(
    tmp_path: Path, name: str
) -> None:
    target = tmp_path / name
    result = run("export", SAMPLE, "-o", target)
    assert result.returncode == 2
    assert name in result.stderr and ".pdf, .docx, .graphml, .svg, .xlsx" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_layout_writes_the_maps_geometry_as_json(tmp_path: Path) -> None:
    sample = resource_path("samples", "versandhandel.yaml")
    printed = run("layout", sample)
    assert printed.returncode == 0, printed.stderr
    geometry = json.loads(printed.stdout)
    assert len(geometry["nodes"]) == 19 and len(geometry["edges"]) == 36
    node = geometry["nodes"][0]
    assert {"id", "kind", "x", "y", "width", "height"} <= node.keys()
    edge = geometry["edges"][0]
    assert {"source", "target", "kind", "points"} <= edge.keys()
    out = tmp_path / "map.json"
    written = run("layout", sample, "-o", out)
    assert written.returncode == 0 and json.loads(out.read_text(encoding="utf-8")) == geometry


def test_layout_refuses_an_unwritable_output_with_exit_2(tmp_path: Path) -> None:
    sample = resource_path("samples", "versandhandel.yaml")
    result = run("layout", sample, "-o", tmp_path / "missing" / "map.json")
    assert result.returncode == 2
    assert "map.json" in result.stderr and "Traceback" not in result.stderr
