"""The protocol prints each round of dot voting: who voted, the dots per item, what came of it."""

from __future__ import annotations

import datetime as dt

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import InsertVoteRound
from workshop_app.domain.votes import finding_item
from workshop_app.fileformat import load_session
from workshop_app.protocol import export_protocol
from workshop_app.protocol.build import build_protocol
from workshop_app.protocol.model import Heading, Paragraph, Section, Table, plain_text
from workshop_app.resources import resource_path
from workshop_app.voting import accept_order

from .helpers import pdf_text

TODAY = dt.date(2026, 12, 1)
PRIORITIES = {
    "id": "v1",
    "on": "priorities",
    "dots": 3,
    "date": "2026-11-30",
    "ballots": [
        {"voter": "Ana", "dots": {"p_zufriedenheit": 2, "p_tempo": 1}},
        {"voter": "Ben", "dots": {"p_zufriedenheit": 3}},
    ],
}


def sample():
    return load_session(resource_path("samples", "versandhandel.yaml"))


def voting(session, language: str) -> Section | None:
    protocol = build_protocol(session, language, today=TODAY)
    return next((s for s in protocol.sections if s.key == "voting"), None)


def texts(section: Section, kind: type) -> list[str]:
    return [plain_text(b.text) for b in section.blocks if isinstance(b, kind)]


def test_a_session_without_votes_has_no_voting_section() -> None:
    assert voting(sample(), "en") is None


def test_a_round_on_priorities_prints_its_dots_most_first_and_whether_it_was_taken() -> None:
    session = sample()
    session.apply(InsertVoteRound(0, PRIORITIES))
    section = voting(session, "en")
    assert section.title == "Dot voting"
    assert texts(section, Heading) == ["Vote on the priorities (30\u00a0November 2026)"]
    assert texts(section, Paragraph) == [
        "2 participants voted, 3 dots each. The group did not take the order into the ranks."
    ]
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    assert [(r[0].text, r[1].text) for r in table.rows] == [
        ("Kundenzufriedenheit", "5"),
        ("Bearbeitungszeit", "1"),
    ]
    session.apply(accept_order(session, session.votes[0]))
    assert texts(voting(session, "en"), Paragraph)[0].endswith(
        "The group took the order into the ranks."
    )


def test_a_show_of_hands_on_findings_prints_the_findings_in_german() -> None:
    session = sample()
    first = find_ambiguities(session, "de")[0]
    item = finding_item(first.code, first.subjects)
    hands = {"id": "v2", "on": "findings", "dots": 1, "ballots": [{"dots": {item: 12}}]}
    session.apply(InsertVoteRound(0, hands))
    section = voting(session, "de")
    assert section.title == "Punktabfrage"
    assert texts(section, Heading) == ["Abstimmung über die offenen Befunde"]
    assert texts(section, Paragraph) == ["Der Raum hat per Handzeichen abgestimmt."]
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    assert [(r[0].text, r[1].text) for r in table.rows] == [(first.message, "12")]


def test_the_pdf_prints_the_rounds(tmp_path) -> None:
    session = sample()
    session.apply(InsertVoteRound(0, PRIORITIES))
    out = tmp_path / "protocol.pdf"
    export_protocol(session, out, language="en", today=TODAY)
    text = pdf_text(out)
    assert "Dot voting" in text and "Vote on the priorities" in text
