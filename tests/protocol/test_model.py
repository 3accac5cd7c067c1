"""The format-neutral protocol model: built in pure Python, the same content for every renderer."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workshop_app.protocol.build import SECTIONS, build_protocol
from workshop_app.protocol.facts import LARGE_MAP
from workshop_app.protocol.model import Figure, Heading, ItemList, Section, Table, plain_text

from .sessions import TODAY, customer_service, one_of_each


def test_building_the_model_imports_no_renderer() -> None:
    code = (
        "import sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from protocol.sessions import customer_service\n"
        "from workshop_app.protocol.build import build_protocol\n"
        "build_protocol(customer_service('de'))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'docx')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def _section(sections: tuple[Section, ...], key: str) -> Section:
    return next(s for s in sections if s.key == key)


def test_the_summary_comes_first_and_the_appendix_last() -> None:
    protocol = build_protocol(customer_service("en"), today=TODAY)
    keys = [s.key for s in protocol.sections]
    assert keys[0] == "summary"
    assert keys.index("contents") < keys.index("map") < keys.index("findings")
    numbering = protocol.numbering()
    assert numbering["map"] == "1"
    assert numbering["glossary"] == "A"
    assert "summary" not in numbering


def test_open_points_are_at_most_five_most_urgent_first() -> None:
    protocol = build_protocol(customer_service("en"), today=TODAY)
    summary = _section(protocol.sections, "summary")
    assert summary.heading is False
    blocks = list(summary.blocks)
    heading = next(i for i, b in enumerate(blocks) if b == Heading("Open points"))
    points = blocks[heading + 1]
    assert isinstance(points, ItemList) and points.numbered
    assert len(points.items) == 5
    assert "pull in opposite directions" in plain_text(points.items[0].text)
    # The three owner-less items are one point, not three of the five.
    grouped = [item for item in points.items if plain_text(item.text).startswith("Nobody")]
    assert plain_text(grouped[0].text) == "Nobody is accountable (3)"


def test_the_map_is_a_figure_on_landscape_pages() -> None:
    protocol = build_protocol(one_of_each("de"), today=TODAY)
    section = _section(protocol.sections, "map")
    assert isinstance(section.blocks[0], Figure)
    assert section.landscape


@pytest.mark.parametrize("builder", SECTIONS, ids=lambda b: b.__name__)
def test_every_table_row_fits_its_columns(builder) -> None:
    from workshop_app.analysis import find_ambiguities
    from workshop_app.i18n import translator
    from workshop_app.protocol._de import GERMAN
    from workshop_app.protocol.facts import Facts

    session = customer_service("de")
    facts = Facts(session, "de", translator(GERMAN, "de"), find_ambiguities(session), TODAY)
    section = builder(facts)
    tables = [b for b in section.blocks if isinstance(b, Table)] if section else []
    for table in tables:
        assert all(len(row) == len(table.columns) for row in table.rows)


def test_a_large_map_is_summarised(generate) -> None:
    session = generate(400, seed=2)
    protocol = build_protocol(session, today=TODAY)
    assert len(session.nodes_of_kind("responsibility")) > LARGE_MAP
    raci = _section(protocol.sections, "raci")
    assert not any(isinstance(b, Table) for b in raci.blocks)
    texts = " ".join(protocol.texts())
    assert "full list in the appendix" in texts
    assert _section(protocol.sections, "full-lists").appendix
