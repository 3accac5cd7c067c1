"""The core stays pure Python: importing it loads neither Qt nor reportlab."""

from __future__ import annotations

import json
import subprocess
import sys

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
