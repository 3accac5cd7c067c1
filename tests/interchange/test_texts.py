"""Every refusal of an import reads in German too, with the same placeholders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import workshop_app.interchange as interchange
from workshop_app.interchange._de import GERMAN

SOURCES = sorted(Path(interchange.__file__).parent.glob("*.py"))


def _refusal_templates(source: Path) -> set[str]:
    """The literal templates handed to ``ImportRefused`` (directly or via a conditional)."""
    templates: set[str] = set()
    tree = ast.parse(source.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ImportRefused":
            templates.update(_strings(node.args[0]))
        if isinstance(node, ast.Assign) and any(
            getattr(t, "id", None) == "problem" for t in node.targets
        ):
            templates.update(_strings(node.value))
    return templates


def _strings(node: ast.expr) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    return set()


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_refusal_has_german_with_the_same_placeholders() -> None:
    templates = set().union(*(_refusal_templates(s) for s in SOURCES))
    assert len(templates) >= 10
    assert sorted(templates - GERMAN.keys()) == []
    assert [t for t in templates if _fields(t) != _fields(GERMAN[t])] == []


def test_the_catalogue_holds_no_stale_entries() -> None:
    used = set().union(*(_refusal_templates(s) for s in SOURCES))
    translated = set()
    for source in SOURCES:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        translated |= {
            n.args[0].value
            for n in ast.walk(tree)
            if isinstance(n, ast.Call)
            and getattr(n.func, "id", None) == "_"
            and n.args
            and isinstance(n.args[0], ast.Constant)
        }
    assert sorted(GERMAN.keys() - used - translated) == []
