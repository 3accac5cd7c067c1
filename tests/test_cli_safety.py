"""The command line does not obey user text, and an export never replaces its own input
(issue #18, items 5 and 11)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.terminal import SafeLogFormatter, escape_controls

HOSTILE_LABEL = r"Kulanz\e[2K\rcheck: 0 errors\e]0;pwned\a\u202e"
SESSION = (
    "format: workshop-session\nversion: 1\nnodes:\n"
    f'  - {{id: r1, kind: role, label: "{HOSTILE_LABEL}"}}\n'
    "  - {id: x1, kind: responsibility, label: Retouren}\n"
    "edges: []\n"
)


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(SESSION, encoding="utf-8")
    return path


def test_check_shows_control_characters_as_escapes(hostile: Path) -> None:
    result = run("check", hostile)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\r" not in result.stdout and "\a" not in result.stdout
    assert "\u202e" not in result.stdout
    assert r"Kulanz\x1b[2K\rcheck: 0 errors\x1b]0;pwned\x07\u202e" in result.stdout
    summary = result.stdout.splitlines()[0]
    assert summary.startswith("s.yaml: 2 nodes") and "open: 1 error," in summary


def test_json_keeps_the_text_as_it_is(hostile: Path) -> None:
    result = run("check", hostile, "--format", "json")
    labels = [f["message"] for f in json.loads(result.stdout) if f["subjects"] == ["r1"]]
    assert any("Kulanz\x1b[2K\rcheck: 0 errors\x1b]0;pwned\a\u202e" in m for m in labels)


def test_a_refusal_on_stderr_shows_the_file_name_escaped(tmp_path: Path) -> None:
    name = tmp_path / "a\x1b]0;x\a.yaml"
    name.write_text("format: nope\n", encoding="utf-8")
    result = run("check", name)
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\a" not in result.stderr


@pytest.mark.parametrize("output", ["same", "dot", "symlink", "hardlink"])
def test_export_refuses_to_replace_its_own_input(hostile: Path, output: str) -> None:
    before = hostile.read_bytes()
    target = {"same": hostile, "dot": hostile.parent / "." / hostile.name}.get(output)
    if target is None:
        target = hostile.parent / "out.pdf"
        if output == "symlink":
            target.symlink_to(hostile)
        else:
            os.link(hostile, target)
    result = run("export", hostile, "-o", target)
    assert result.returncode == 2
    assert "is the session being exported" in result.stderr
    assert hostile.read_bytes() == before


def test_relative_names_of_the_same_file_are_the_same(hostile: Path) -> None:
    result = run("export", hostile.name, "-o", f"./{hostile.name}", cwd=hostile.parent)
    assert result.returncode == 2
    assert hostile.read_text(encoding="utf-8") == SESSION


def test_an_unwritable_output_exits_2_with_the_reason(hostile: Path, tmp_path: Path) -> None:
    result = run("export", hostile, "-o", tmp_path / "missing" / "out.pdf")
    assert result.returncode == 2
    assert "the folder does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_log_records_stay_one_line_each() -> None:
    record = logging.LogRecord(
        "workshop_app", logging.INFO, __file__, 1, "Renamed %s", ("a\nb\x1b[31m",), None
    )
    assert SafeLogFormatter("%(message)s").format(record) == r"Renamed a\nb\x1b[31m"


def test_ordinary_text_is_left_alone() -> None:
    text = "Rückruf: 50 € ✓ مرحبا 中文 \U0001f600"
    assert escape_controls(text) == text
