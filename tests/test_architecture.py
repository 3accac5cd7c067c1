"""The architecture holds: import contracts kept; the core loads neither Qt nor reportlab."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CORE_MODULES = [
    "workshop_app",
    "workshop_app.domain",
    "workshop_app.fileformat",
    "workshop_app.analysis",
    "workshop_app.compare",
    "workshop_app.layout",
    "workshop_app.templates",
    "workshop_app.cli",
]


def test_core_imports_without_qt_or_reportlab() -> None:
    script = (
        "import importlib, json, sys\n"
        f"for name in {CORE_MODULES!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('PySide6', 'shiboken6', 'reportlab'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []


def test_protocol_import_does_not_load_qt() -> None:
    script = (
        "import sys, workshop_app.protocol\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_import_contracts_of_pyproject_are_kept() -> None:
    """``lint-imports`` with the contracts of ``[tool.importlinter]`` (layers, Qt, reportlab)."""
    script = (
        "from importlinter.cli import lint_imports_command\n"
        "lint_imports_command.main(['--no-cache'], prog_name='lint-imports')"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *sys.path])}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    kept = re.search(r"Contracts: (\d+) kept, 0 broken", result.stdout)
    assert kept and int(kept[1]) >= 3, result.stdout
