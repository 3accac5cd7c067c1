"""``workshop-app diff OLD NEW``: exit codes, the refusal naming the file, the text for a client."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.resources import resource_path

OLD = resource_path("samples", "versandhandel.yaml")
NEW = resource_path("samples", "versandhandel-2027-01.yaml")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", "diff", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_exit_0_when_nothing_changed_and_1_when_something_did(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", str(OLD), str(OLD)]) == 0
    assert "Nichts hat sich geändert." in capsys.readouterr().out
    assert main(["diff", str(OLD), str(NEW), "--format", "json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["nodes"]["added"] == ["x_rueckruf"]
    assert result["actions"]["changed"] == {"a1": ["status"]}
    assert result["priority_order"]["after"] == [
        "p_compliance",
        "p_fcr",
        "p_kosten",
        "p_tempo",
        "p_zufriedenheit",
    ]


def test_the_text_names_labels_in_the_sessions_language_not_ids(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["diff", str(OLD), str(NEW)])
    text = capsys.readouterr().out

    assert "+ Verantwortung „Rückrufzusagen einhalten“" in text
    assert "Priorität „Erstlösung“: Rang 1 → 2" in text
    assert "„2nd Level Fachteam“ vertritt „Teamleitung“" in text
    assert "Status offen → erledigt" in text
    assert "Behobene Befunde (8)" in text  # the delegation mismatch too
    for code in ("x_rueckruf", "p_fcr", "no-owner", "deputy_of", "a1"):
        assert code not in text


@pytest.mark.parametrize("which", ["old", "new"])
def test_a_file_that_cannot_be_loaded_exits_2_naming_which(tmp_path: Path, which: str) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: workshop-session\nversion: 1\nnodes:\n  - {id: a, kind: prio}\n")
    files = (broken, NEW) if which == "old" else (OLD, broken)

    result = _run(*map(str, files))

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"workshop-app: {which} session: {broken}, line 4")
    assert "Traceback" not in result.stderr


def test_a_missing_file_and_a_wrong_number_of_files_exit_2(tmp_path: Path) -> None:
    missing = _run(str(OLD), str(tmp_path / "gone.yaml"))
    assert missing.returncode == 2
    assert "new session" in missing.stderr and "gone.yaml" in missing.stderr
    assert _run(str(OLD)).returncode == 2


def test_labels_cannot_steer_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = OLD.read_text(encoding="utf-8")
    hostile = text.replace("label: Erstlösung", 'label: "Erst\\e[2J\\u202Elösung"')
    assert hostile != text
    (tmp_path / "new.yaml").write_text(hostile, encoding="utf-8")

    assert main(["diff", str(OLD), str(tmp_path / "new.yaml")]) == 1
    out = capsys.readouterr().out

    assert "\x1b" not in out and "\u202e" not in out
    assert "Erst\\x1b[2J\\u202elösung" in out
