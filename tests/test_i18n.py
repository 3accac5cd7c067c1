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


def _module(catalogue: Path) -> str:
    return ".".join(catalogue.with_suffix("").relative_to(PACKAGE.parent).parts)


def _german(catalogue: Path) -> dict[str, str]:
    return importlib.import_module(_module(catalogue)).GERMAN


#: Every German catalogue, and the sources whose texts it holds: those of its
#: package and the packages below it (a package may use its parents' texts).
CATALOGUES = sorted(PACKAGE.rglob("_de.py"))
CLI_CATALOGUE = PACKAGE / "_cli_de.py"


def _catalogues_for(source: Path) -> list[Path]:
    """The catalogues that apply to ``source``: its package's and its parents'."""
    if source == PACKAGE / "cli.py":
        return [CLI_CATALOGUE]
    return [c for c in CATALOGUES if source.is_relative_to(c.parent)]


def _catalogue_for(source: Path) -> dict[str, str]:
    merged: dict[str, str] = {}
    for catalogue in _catalogues_for(source):
        merged.update(_german(catalogue))
    return merged


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


@pytest.mark.parametrize(
    "catalogue", [*CATALOGUES, CLI_CATALOGUE], ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_german_keeps_the_placeholders(catalogue: Path) -> None:
    wrong = [en for en, de in _german(catalogue).items() if _fields(en) != _fields(de)]
    assert not wrong, f"placeholders differ in: {wrong}"


def _text_constants(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


@pytest.mark.parametrize(
    "catalogue", [*CATALOGUES, CLI_CATALOGUE], ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_catalogue_keeps_a_text_the_code_no_longer_has(catalogue: Path) -> None:
    users = [s for s in SOURCES if catalogue in _catalogues_for(s)]
    texts = set().union(*(_text_constants(s) for s in users))
    stale = sorted(set(_german(catalogue)) - texts)
    assert not stale, f"German for texts no source has any more: {stale}"


def test_every_ui_package_brings_its_german_to_the_window() -> None:
    from workshop_app.ui.i18n import set_ui_language, tr

    set_ui_language("de")
    try:
        for catalogue in CATALOGUES:
            if catalogue.is_relative_to(PACKAGE / "ui"):
                importlib.import_module(
                    ".".join(catalogue.parent.relative_to(PACKAGE.parent).parts)
                )
                wrong = [en for en, de in _german(catalogue).items() if tr(en) != de]
                assert not wrong, f"{catalogue}: the window shows other German for {wrong}"
    finally:
        set_ui_language("en")
