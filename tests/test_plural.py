"""Every count in user text meets its noun in the right number, in German and English.

The counted nouns live in one registry (:data:`workshop_app.i18n.NOUNS`);
these tests check the registry, that no catalogue text glues a number
placeholder to a fixed plural ("{count} guardrails"), that every counted
noun named in the code is registered, and what the command line prints.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

import workshop_app
from workshop_app.cli import main
from workshop_app.i18n import NOUNS, counted

PACKAGE = Path(workshop_app.__file__).parent
CATALOGUES = sorted(PACKAGE.rglob("_de.py"))
COUNT_FUNCTIONS = {"counted", "n_"}


@pytest.mark.parametrize("noun", sorted(NOUNS))
@pytest.mark.parametrize("language", ["de", "en"])
def test_one_takes_the_singular_and_every_other_count_the_plural(noun: str, language: str) -> None:
    entry = NOUNS[noun]
    one, many = (entry.de_one, entry.de_many) if language == "de" else (entry.one, entry.many)
    assert one and many
    assert counted(1, noun, language) == f"1 {one}"
    for count in (0, 2, 5, 21):
        assert counted(count, noun, language) == f"{count} {many}"


def test_english_plurals_differ_from_their_singular() -> None:
    assert [n for n in NOUNS.values() if n.one == n.many] == []


def test_an_unregistered_noun_is_refused_by_name() -> None:
    with pytest.raises(KeyError, match="widget"):
        counted(2, "widget", "en")


def _word_forms() -> set[str]:
    forms = set()
    for noun in NOUNS.values():
        forms |= {noun.one, noun.many, noun.de_one, noun.de_many}
    return {form.split()[-1].casefold() for form in forms}


_NUMBER_THEN_WORD = re.compile(r"\{(\w+)\}[ \u00a0]([^\W\d_]+)")
#: Placeholders that stand for words, not numbers ("the same {kind} edge").
_WORD_FIELDS = {"kind"}


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_text_glues_a_number_to_a_fixed_noun(catalogue: Path) -> None:
    dotted = ".".join(catalogue.with_suffix("").relative_to(PACKAGE.parent).parts)
    german = importlib.import_module(dotted).GERMAN
    forms = _word_forms()
    glued = [
        text
        for pair in german.items()
        for text in pair
        for field, word in _NUMBER_THEN_WORD.findall(text)
        if field not in _WORD_FIELDS and word.casefold() in forms
    ]
    assert glued == [], "use workshop_app.i18n.counted for these counts"


def _counted_nouns(source: Path) -> list[tuple[int, str]]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id in COUNT_FUNCTIONS and len(node.args) >= 2:
            noun = node.args[1]
            found.append((node.lineno, noun.value if isinstance(noun, ast.Constant) else None))
    return found


def test_every_counted_noun_in_the_code_is_registered() -> None:
    used = {
        (str(source.relative_to(PACKAGE)), line, noun)
        for source in PACKAGE.rglob("*.py")
        if source.name != "i18n.py"  # the helpers themselves pass the noun on
        for line, noun in _counted_nouns(source)
    }
    assert len(used) >= 10, "the scan should find the window's, CLI's and protocol's counts"
    unknown = sorted(entry for entry in used if entry[2] not in NOUNS)
    assert unknown == []


SINGLE = """\
format: workshop-session
version: 1
meta: {title: T, language: LANG}
nodes:
  - {id: r, kind: role, label: Rolle}
  - {id: x, kind: responsibility, label: Aufgabe, good_enough: passt}
edges:
  - {source: x, target: r, kind: escalates_to}
"""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "2 nodes, 1 edge; open: 1 error, 1 warning, 0 notes;"),
        ("de", "2 Knoten, 1 Kante; offen: 1 Fehler, 1 Warnung, 0 Hinweise;"),
    ],
)
def test_the_check_summary_counts_in_the_right_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, expected: str
) -> None:
    session = tmp_path / "single.yaml"
    session.write_text(SINGLE.replace("LANG", language), encoding="utf-8")
    main(["check", str(session)])
    assert expected in capsys.readouterr().out.splitlines()[0]
