"""The architecture holds: import contracts kept; the core loads neither Qt nor reportlab."""

from __future__ import annotations

import ast
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


def _operation_names() -> set[str]:
    from workshop_app.domain import Operation

    names, pending = {"Operation"}, [Operation]
    while pending:
        for subclass in pending.pop().__subclasses__():
            names.add(subclass.__name__)
            pending.append(subclass)
    return names


def _dispatches_on(tree: ast.AST, classes: set[str]) -> list[int]:
    """Lines that ask which operation class a value is (``isinstance``, ``match``)."""

    def names(node: ast.AST) -> set[str]:
        return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} | {
            n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)
        }

    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("isinstance", "issubclass")
            and len(node.args) == 2
            and names(node.args[1]) & classes
        ) or (isinstance(node, ast.MatchClass) and names(node.cls) & classes):
            lines.append(node.lineno)
    return lines


def test_no_view_and_no_analysis_asks_which_operation_it_was_told() -> None:
    """They read the core's ``Change``: a new operation kind reaches every one of them."""
    classes = _operation_names()
    package = ROOT / "src" / "workshop_app"
    found = [
        f"{source.relative_to(package)}:{line}"
        for folder in ("ui", "analysis")
        for source in sorted((package / folder).rglob("*.py"))
        for line in _dispatches_on(ast.parse(source.read_text(encoding="utf-8")), classes)
    ]
    assert not found, found


def test_the_dispatch_check_sees_one() -> None:
    code = "if isinstance(op, Batch | AddNode):\n    pass\n"
    code += "match op:\n    case SetMeta():\n        pass\n"
    assert _dispatches_on(ast.parse(code), _operation_names()) == [1, 4]
    assert _dispatches_on(ast.parse("isinstance(item, NodeItem)"), _operation_names()) == []
