"""The gates hold as CI sees them: ruff clean, doctests run, no test bends the import path."""

from __future__ import annotations

import ast
import doctest
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import workshop_app

ROOT = Path(__file__).resolve().parent.parent
TREES = [p for p in ("src", "tests", "benchmarks", "scripts") if (ROOT / p).is_dir()]
PACKAGE = Path(workshop_app.__file__).parent

#: Fewer than this many doctest examples in src/ means they stopped being collected.
MIN_DOCTESTS = 30


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=" ".join)
def test_ruff_is_clean(command: list[str]) -> None:
    # Run as a module of this interpreter: found wherever the test extra installed it.
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, *TREES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _changes_sys_path(node: ast.AST) -> bool:
    """``sys.path.insert(…)``/``append``/``extend`` or ``sys.path = …``/``+= …``."""

    def is_sys_path(target: ast.AST) -> bool:
        return (
            isinstance(target, ast.Attribute)
            and target.attr == "path"
            and isinstance(target.value, ast.Name)
            and target.value.id == "sys"
        )

    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return is_sys_path(node.func.value)
    if isinstance(node, ast.Assign | ast.AugAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(is_sys_path(t) for t in targets)
    return False


def _sys_path_changes(source: Path) -> list[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    return [
        f"{source.relative_to(ROOT)}:{n.lineno}" for n in ast.walk(tree) if _changes_sys_path(n)
    ]


def test_no_test_changes_the_import_path() -> None:
    changes = [hit for p in sorted((ROOT / "tests").rglob("*.py")) for hit in _sys_path_changes(p)]
    assert not changes, "the pytest config's pythonpath is the one place: " + ", ".join(changes)


def test_the_import_path_check_sees_an_insert() -> None:
    probe = ROOT / "tests" / "test_code_quality.py"
    assert _sys_path_changes(probe) == []
    tree = ast.parse(
        "import sys\nsys.path.insert(0, 'x')\nsys.path += ['y']\nsys.modules.pop('a')\n"
    )
    assert sorted(n.lineno for n in ast.walk(tree) if _changes_sys_path(n)) == [2, 3]


def test_the_default_run_collects_the_doctests_of_src(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.getoption("doctestmodules"), "--doctest-modules left the config"
    assert "src" in pytestconfig.getini("testpaths")
    finder, examples = doctest.DocTestFinder(), 0
    for source in PACKAGE.rglob("*.py"):
        if source.name == "__main__.py":
            continue
        dotted = ".".join(source.with_suffix("").relative_to(PACKAGE.parent).parts)
        module = importlib.import_module(dotted.removesuffix(".__init__"))
        examples += sum(bool(test.examples) for test in finder.find(module))
    assert examples >= MIN_DOCTESTS
