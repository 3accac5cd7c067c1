"""The code base stays ruff clean (lint and format), as CI sees it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TREES = [p for p in ("src", "tests", "benchmarks", "scripts") if (ROOT / p).is_dir()]

pytestmark = pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=" ".join)
def test_ruff_is_clean(command: list[str]) -> None:
    result = subprocess.run(
        ["ruff", *command, *TREES], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
