"""Typography a reader notices: amounts kept whole, hyphenated heads, no stranded headings."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session
from workshop_app.fileformat import load_session
from workshop_app.protocol import export_protocol
from workshop_app.protocol.build import build_protocol
from workshop_app.protocol.model import Heading
from workshop_app.protocol.typography import sentence_pieces
from workshop_app.resources import resource_path

from .helpers import page_sizes, pdf_pages
from .sessions import TODAY, customer_service

ROLES = ["Qualitätsmanagement", "Beschwerdemanagement", "Kundenservice", "Teamleitung",
         "Servicekraft", "Reklamationsbearbeitung", "Vertragsverwaltung", "Rechnungsprüfung",
         "Datenschutzbeauftragte", "Forderungsmanagement"]  # fmt: skip


def amounts_session() -> Session:
    """Ten roles (a RACI matrix with narrow heads) and amounts in narrow cells."""
    session = Session()
    for index, label in enumerate(ROLES):
        session.apply(AddNode(f"r{index}", NodeKind.ROLE, label, {"load": 90 + index}))
    for index in range(12):
        limit = f"bis {100 + index * 37} € je Fall, höchstens {80 + index} % des Rahmens"
        fields = {"decision_limit": limit, "good_enough": f"Kunde zu {90 + index} % zufrieden"}
        session.apply(AddNode(f"x{index}", NodeKind.RESPONSIBILITY, f"Aufgabe {index}", fields))
        session.apply(AddEdge(f"r{index % 10}", f"x{index}", EdgeKind.ACCOUNTABLE))
        session.apply(AddEdge(f"r{(index + 3) % 10}", f"x{index}", EdgeKind.CONSULTED))
    return session


@pytest.fixture(scope="module")
def amounts_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("typography") / "amounts.pdf"
    export_protocol(amounts_session(), path, language="de")
    return path


def _lines(path: Path) -> list[str]:
    return [line.strip() for page in pdf_pages(path) for line in page.splitlines()]


def test_an_amount_never_breaks_from_its_unit(amounts_pdf: Path) -> None:
    lines = [line for line in _lines(amounts_pdf) if line]
    assert any(re.search(r"\d\s€", line) for line in lines)
    broken = [
        (before, after)
        for before, after in itertools.pairwise(lines)
        if re.search(r"\d$", before) and re.match(r"(€|%|EUR)\b", after)
    ]
    assert broken == []


@pytest.mark.parametrize(
    "text", ["Kulanz bis 50 € je Fall", "Auslastung 95 % im Mittel", "höchstens 250 EUR pro Kunde"]
)
def test_no_cell_width_puts_a_line_break_between_number_and_unit(text: str) -> None:
    from workshop_app.domain import NodeKind as _Kind  # noqa: F401 (fonts registered below)
    from workshop_app.protocol import model
    from workshop_app.protocol.grid import _wrap_run
    from workshop_app.protocol.pdf import _cell
    from workshop_app.protocol.styles import Styles

    Styles.create()
    (run,) = _cell(model.Cell(text)).runs
    for width in range(20, 160, 2):
        lines = [line.text for line in _wrap_run(run, float(width))]
        assert not any(re.search(r"\d$", a) and re.match(r"(€|%|EUR)", b)
                       for a, b in itertools.pairwise(lines)), (width, lines)  # fmt: skip


def test_a_long_word_in_a_narrow_head_is_hyphenated(amounts_pdf: Path) -> None:
    text = "\n".join(_lines(amounts_pdf))
    assert re.search(r"\bQualitäts-\s", text), "the head was not broken at a syllable"


@pytest.mark.parametrize("word", [*ROLES, "Rücksendungsbearbeitungsvorschrift", "x" * 40])
def test_every_piece_of_a_broken_word_but_the_last_ends_in_a_hyphen(word: str) -> None:
    from workshop_app.protocol.grid import Run, _wrap_run
    from workshop_app.protocol.styles import BOLD, Styles

    Styles.create()  # registers the fonts
    lines = [line.text for line in _wrap_run(Run(word, BOLD, 8.0), 46.0)]
    assert "".join(line.removesuffix("-") for line in lines) == word
    assert all(line.endswith("-") for line in lines[:-1])


def _heading_texts(session: Session) -> set[str]:
    protocol = build_protocol(session, today=TODAY)
    numbers = protocol.numbering()
    texts = {f"{numbers.get(s.key, '')} {s.title}".strip() for s in protocol.sections}
    texts |= {b.text for s in protocol.sections for b in s.blocks if isinstance(b, Heading)}
    return texts


@pytest.mark.parametrize(
    "make",
    [lambda: load_session(resource_path("samples", "versandhandel.yaml")),
     lambda: customer_service("de"), amounts_session],
    ids=["sample", "customer-service", "amounts"],
)  # fmt: skip
def test_no_heading_is_left_at_a_page_foot(make: Callable[[], Session], tmp_path: Path) -> None:
    session = make()
    path = tmp_path / "p.pdf"
    export_protocol(session, path, today=TODAY)
    headings = _heading_texts(session)
    for number, page in enumerate(pdf_pages(path)[:-1], start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        last = lines[-2] if len(lines) > 1 else ""  # the last line is the footer
        assert last not in headings, f"page {number} ends with the heading {last!r}"


def test_a_short_table_is_never_alone_on_a_landscape_page(tmp_path: Path) -> None:
    path = tmp_path / "cs.pdf"
    export_protocol(customer_service("en"), path, today=TODAY)
    for (width, height), page in zip(page_sizes(path), pdf_pages(path), strict=True):
        if width > height and "Map" not in page:
            assert len([line for line in page.splitlines() if line.strip()]) > 8, page


def test_long_text_is_cut_only_between_sentences() -> None:
    text = " ".join(f"Satz {n} endet hier, mit Komma und 50 €." for n in range(400))
    pieces = sentence_pieces(text, 2000)
    assert len(pieces) > 5
    assert all(piece.endswith(".") for piece in pieces)
    assert " ".join(pieces) == text
