"""Texts and maps of any size: long words, huge notes, hundreds of nodes."""

from __future__ import annotations

import gc
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest

from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session, SetNodeFields
from workshop_app.protocol import export_protocol

from .helpers import page_sizes, pdf_pages, pdf_text

LONG_WORD = (string.ascii_letters * 6)[:300]


def _squeezed(text: str) -> str:
    """``text`` without white space and without the hyphens of words broken across lines."""
    return "".join(text.replace("- ", "").split())


def test_long_unbroken_labels_wrap_in_tables(
    tmp_path: Path, hostile_session: Callable[[str], Session]
) -> None:
    session = hostile_session("en")
    fields = {"decision_limit": LONG_WORD}
    session.apply(AddNode("x_long", NodeKind.RESPONSIBILITY, LONG_WORD, fields))
    session.apply(AddNode("r_long", NodeKind.ROLE, "R" + LONG_WORD))
    session.apply(AddEdge("r_long", "x_long", EdgeKind.ACCOUNTABLE))
    path = tmp_path / "long.pdf"
    export_protocol(session, path)
    text = _squeezed(pdf_text(path))
    # Broken across lines with a hyphen, but complete, in the RACI head as well.
    assert LONG_WORD in text
    assert "R" + LONG_WORD in text


def test_huge_notes_are_printed_in_full_in_the_appendix(
    tmp_path: Path, hostile_session: Callable[[str], Session]
) -> None:
    session = hostile_session("de")
    paragraph = "Diese Kulanzregel gilt nur nach Rücksprache mit der Teamleitung. " * 40
    notes = "\n".join([paragraph] * 12) + " ENDE-DER-NOTIZ"
    session.apply(SetNodeFields("x_greek", {"notes": notes, "good_enough": LONG_WORD * 10}))
    path = tmp_path / "notes.pdf"
    export_protocol(session, path)
    text = pdf_text(path)
    assert "(Fortsetzung im Anhang, Text 1)" in text
    assert "(Fortsetzung im Anhang, Text 2)" in text
    footer = re.compile(r"Verantwortung & <Kundenservice> · 26\.11\.2026 Seite \d+ von \d+")
    appendix = _squeezed(footer.sub("", text.split("A Lange Texte")[-1]))
    assert _squeezed(notes) in appendix
    assert LONG_WORD * 10 in appendix


def test_empty_session_exports(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    export_protocol(Session(), path)
    text = pdf_text(path)
    assert "The map is empty." in text
    assert "No actions were agreed." in text


def test_text_outside_the_font_and_control_characters_do_not_break_the_export(
    tmp_path: Path,
) -> None:
    session = Session()
    session.apply(AddNode("p1", NodeKind.PRIORITY, "Kanji 漢字 and bell \x07 here"))
    path = tmp_path / "glyphs.pdf"
    export_protocol(session, path)
    assert "bell here" in " ".join(pdf_text(path).split())


@pytest.fixture(scope="module")
def big_protocol(
    generate: Callable[..., Session], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Session, Path]:
    session = generate(80, seed=3)  # the largest map that is not summarised
    path = tmp_path_factory.mktemp("big") / "big.pdf"
    export_protocol(session, path, pagesize="Letter")
    return session, path


def _section(pages: list[str], heading: str, next_heading: str) -> list[str]:
    """The pages from ``heading`` to ``next_heading``, both included (not the contents)."""
    start = max(n for n, text in enumerate(pages) if heading in text)
    end = max(n for n, text in enumerate(pages) if next_heading in text)
    return pages[start : end + 1]


def test_a_raci_matrix_too_wide_for_a_page_comes_in_parts_without_empty_rows(
    generate: Callable[..., Session], tmp_path: Path
) -> None:
    session = generate(80, seed=5)
    path = tmp_path / "raci.pdf"
    export_protocol(session, path)
    pages = _section(pdf_pages(path), "3 RACI matrix", "4 Roles")
    raci = " ".join(" ".join(pages).split())
    assert "Part 1 of 2" in raci and "Part 2 of 2" in raci
    for node in session.nodes_of_kind(NodeKind.RESPONSIBILITY):
        letters = [
            k for _s, _t, k in session.graph.in_edges(node, keys=True)
            if k in ("accountable", "responsible", "consulted", "informed")
        ]  # fmt: skip
        if letters:
            assert session.label(node) in raci


def test_big_map_gets_an_overview_and_tiles_on_landscape_letter(
    big_protocol: tuple[Session, Path],
) -> None:
    _, path = big_protocol
    text = pdf_text(path)
    assert "Map, part A1 (1 of" in text
    sizes = page_sizes(path)
    assert (612.0, 792.0) in sizes
    assert (792.0, 612.0) in sizes


def test_a_thousand_nodes_print_in_under_forty_pages(
    generate: Callable[..., Session], tmp_path: Path
) -> None:
    session = generate(1000)
    path = tmp_path / "thousand.pdf"
    export_protocol(session, path)
    pages = pdf_pages(path)
    assert len(pages) < 40
    text = " ".join(" ".join(pages).split())
    # Summarised, not cut: one page of map, findings grouped, the full lists in the appendix.
    assert "On paper a map this large shows its structure" in text
    assert "Map, part" not in text
    assert "full list in the appendix" in text
    for label in ("Head of customer service", "Service manager 1", "Goodwill refund"):
        assert label in text
    # The overview is too small for text on it: its legend names the shapes, lines and
    # rings it shows, not the badges, load or tags it leaves out.
    overview = next(page for page in pages if "map this large shows its structure" in page)
    legend = " ".join(overview.split())
    for shown in ("Priority", "Role", "Accountable (A)", "Escalates to"):
        assert shown in legend
    for left_out in ("load of a role", "rank of a priority", "decision limit"):
        assert left_out not in legend


def test_garbage_is_collected_again_after_an_export_that_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The export pauses the cycle collector: left paused, a window's memory would only grow.
    from workshop_app.protocol import export as export_module

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("the page layout failed")

    monkeypatch.setattr(export_module, "write_pdf", broken)
    with pytest.raises(RuntimeError):
        export_protocol(Session(), tmp_path / "failed.pdf")
    assert gc.isenabled()
    assert not (tmp_path / "failed.pdf").exists()
