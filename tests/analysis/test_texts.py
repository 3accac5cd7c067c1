"""The German catalogue and the documentation examples of the analysis."""

import ast
import doctest
import importlib
import pkgutil
import string
from pathlib import Path

import pytest

import workshop_app.analysis
from workshop_app.analysis._de import GERMAN

MODULES = sorted(
    f"workshop_app.analysis.{info.name}"
    for info in pkgutil.iter_modules(workshop_app.analysis.__path__)
)


def translated_literals() -> set[str]:
    """Every string literal the analysis passes to a translator ``_``."""
    found = set()
    for path in Path(workshop_app.analysis.__path__[0]).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_":
                found.update(arg.value for arg in node.args if isinstance(arg, ast.Constant))
    return found


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_translated_text_has_german_and_nothing_is_left_over():
    assert translated_literals() == set(GERMAN)


@pytest.mark.parametrize("english", sorted(GERMAN))
def test_german_keeps_the_placeholders_and_is_a_translation(english):
    assert placeholders(GERMAN[english]) == placeholders(english)
    assert GERMAN[english] != english


@pytest.mark.parametrize("module", ["workshop_app.analysis", *MODULES])
def test_documentation_examples_run(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0
