"""Refusals and save failures read well in English and German; the docs' examples run."""

from __future__ import annotations

import ast
import doctest
import importlib
from pathlib import Path

import pytest

from workshop_app import fileformat
from workshop_app.fileformat import SessionFormatError, loads_session
from workshop_app.fileformat._de import GERMAN
from workshop_app.fileformat.errors import _REASONS

PACKAGE = Path(fileformat.__file__).parent
DOCUMENTED = ["__init__", "errors", "parser", "writer"]
RAISERS = {"SessionFormatError", "_Refusal", "fail"}


def problem_templates() -> list[tuple[str, int, str]]:
    """Every message template the package raises, with where it is written."""
    found = []
    for source in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            name = getattr(getattr(node, "func", None), "id", None) or getattr(
                getattr(node, "func", None), "attr", None
            )
            if isinstance(node, ast.Call) and name in RAISERS:
                literals = [
                    a.value
                    for a in node.args[:2]
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                ]
                found += [(source.name, node.lineno, text) for text in literals]
    return found


def test_templates_are_found() -> None:
    assert len(problem_templates()) > 40


def test_every_message_has_german() -> None:
    texts = [(f"{f}:{line}", text) for f, line, text in problem_templates()]
    texts += [("errors._REASONS", reason) for reason in _REASONS.values()]
    missing = [f"{where}: {text!r}" for where, text in texts if text not in GERMAN]
    assert not missing, "no German text for:\n" + "\n".join(missing)


def test_refusal_in_german_names_the_same_place() -> None:
    with pytest.raises(SessionFormatError) as info:
        loads_session(
            "format: workshop-session\nversion: 1\nnodes:\n  - {id: r1, kind: role, label: R,"
            " load: 300}\n",
            source="sitzung.yaml",
        )
    assert info.value.message("de") == (
        "sitzung.yaml, Zeile 4, nodes[0].load: muss eine ganze Zahl von 0 bis 200 sein, nicht 300"
    )
    assert info.value.message("en") == str(info.value)


def test_newer_version_says_so_in_both_languages() -> None:
    with pytest.raises(SessionFormatError) as info:
        loads_session("format: workshop-session\nversion: 3\n", source="neu.yaml")
    assert str(info.value) == (
        "neu.yaml, line 2, version: is 3: the file was made by a newer version of "
        "Responsibility Map; this app reads version 1, please update it"
    )
    assert "neueren Version" in info.value.message("de")


def test_odd_field_names_and_sources_stay_on_one_line() -> None:
    with pytest.raises(SessionFormatError) as info:
        loads_session(
            'format: workshop-session\nversion: 1\n"a\\nb": 1\n"a\\nb": 2\n',
            source="odd\nname.yaml",
        )
    assert (
        str(info.value) == "odd\\nname.yaml, line 4, ['a\\nb']: is given twice; "
        "a field may appear only once"
    )


@pytest.mark.parametrize("module", DOCUMENTED)
def test_documentation_examples_run(module: str) -> None:
    name = "workshop_app.fileformat" + ("" if module == "__init__" else f".{module}")
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
