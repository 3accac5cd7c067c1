"""Every string the code passes to a translator has a German text with the same placeholders."""

from __future__ import annotations

import ast
import importlib
import string
from pathlib import Path

import pytest

import workshop_app

PACKAGE = Path(workshop_app.__file__).parent
TRANSLATOR_NAMES = {"_", "tr"}


def _catalogue_for(source: Path) -> dict[str, str]:
    """The German catalogue that applies to ``source``: the nearest ``_de.py``."""
    relative = source.relative_to(PACKAGE)
    if relative.parts[0] == "ui":
        merged: dict[str, str] = {}
        for module in ("workshop_app.ui._de", "workshop_app.ui.views._de"):
            merged.update(importlib.import_module(module).GERMAN)
        return merged
    if relative == Path("cli.py"):
        return importlib.import_module("workshop_app._cli_de").GERMAN
    folder = source.parent
    while folder != PACKAGE.parent:
        if (folder / "_de.py").exists():
            dotted = ".".join(folder.relative_to(PACKAGE.parent).parts) + "._de"
            return importlib.import_module(dotted).GERMAN
        folder = folder.parent
    return {}


def _translated_literals(source: Path) -> list[tuple[int, str]]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.args[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in TRANSLATOR_NAMES
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if not p.name.endswith("_de.py"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_translated_string_has_german(source: Path) -> None:
    literals = _translated_literals(source)
    if not literals:
        return
    catalogue = _catalogue_for(source)
    missing = [f"line {line}: {text!r}" for line, text in literals if text not in catalogue]
    assert not missing, "no German text for:\n" + "\n".join(missing)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("catalogue", sorted(p for p in PACKAGE.rglob("_de.py")), ids=str)
def test_german_keeps_the_placeholders(catalogue: Path) -> None:
    dotted = ".".join(catalogue.with_suffix("").relative_to(PACKAGE.parent).parts)
    german = importlib.import_module(dotted).GERMAN
    wrong = [en for en, de in german.items() if _fields(en) != _fields(de)]
    assert not wrong, f"placeholders differ in: {wrong}"
