"""The protocol a client reads: summary first, every note, words for a client.

The done-when of #11, on a 20-node customer-service session with notes,
an overdue action and a resolved review, and on a session with exactly
one of each kind, in German and English.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import workshop_app
from workshop_app.analysis import RULE_CODES
from workshop_app.domain import Session
from workshop_app.fileformat import load_session
from workshop_app.i18n import NOUNS
from workshop_app.protocol import export_protocol
from workshop_app.resources import resource_path
from workshop_app.templates import session_from_template

from .helpers import pdf_text
from .sessions import TODAY, customer_service, every_note, one_of_each

SUMMARY_HEADINGS = {
    "de": ("Beschlüsse", "Offene Punkte", "Nächste Schritte"),
    "en": ("Decisions", "Open points", "Next steps"),
}
SESSIONS = {"customer-service": customer_service, "one-of-each": one_of_each}


@pytest.fixture(
    params=[(name, language) for name in SESSIONS for language in ("de", "en")],
    ids=lambda p: f"{p[0]}-{p[1]}",
    scope="module",
)
def exported(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Session, Path, str]:
    name, language = request.param
    session = SESSIONS[name](language)
    path = tmp_path_factory.mktemp(name) / f"{language}.pdf"
    export_protocol(session, path, today=TODAY)
    return session, path, language


def test_the_first_two_pages_carry_the_three_summary_headings(
    exported: tuple[Session, Path, str],
) -> None:
    _, path, language = exported
    front = pdf_text(path, 1, 2)
    positions = [front.find(heading) for heading in SUMMARY_HEADINGS[language]]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_every_note_the_group_wrote_appears(exported: tuple[Session, Path, str]) -> None:
    session, path, _language = exported
    text = pdf_text(path)
    for note in every_note(session):
        assert " ".join(note.split()) in text


def test_no_rule_code_appears(exported: tuple[Session, Path, str]) -> None:
    _, path, _language = exported
    text = pdf_text(path)
    assert [code for code in RULE_CODES if code in text] == []


def _wrong_singulars(text: str, language: str) -> list[str]:
    plurals = {
        (noun.de_many if language == "de" else noun.many)
        for noun in NOUNS.values()
        if (noun.de_many if language == "de" else noun.many)
        != (noun.de_one if language == "de" else noun.one)
    }
    pattern = "|".join(re.escape(p) for p in sorted(plurals, key=len, reverse=True))
    return re.findall(rf"(?<![\d.,])\b1 (?:{pattern})\b", text)


def test_no_wrong_singular_appears(exported: tuple[Session, Path, str]) -> None:
    _, path, language = exported
    assert _wrong_singulars(pdf_text(path), language) == []


def test_the_wrong_singular_check_would_notice_one(tmp_path: Path) -> None:
    assert _wrong_singulars("Es gibt 1 Leitplanken und 21 Rollen.", "de") == ["1 Leitplanken"]
    assert _wrong_singulars("1 guardrails, 1 guardrail", "en") == ["1 guardrails"]


def test_an_overdue_action_is_marked_and_a_resolved_review_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "cs.pdf"
    export_protocol(customer_service("de"), path, today=TODAY)
    summary = pdf_text(path, 1, 2)
    assert "Teamleitung 15.01.2027 überfällig offen" in summary
    assert "Leitfaden für soziale Medien" not in summary  # done: not a next step
    text = pdf_text(path)
    assert "Seit der Bewertung erledigt" in text
    assert "Niemand ist verantwortlich: Sonderfälle Wer entscheidet Sonderfälle?" in text
    assert "Bezieht sich auf: Qualitätsmanagement (Kritische Aufgaben ohne Vertretung)" in text


def test_one_conflict_drawn_both_ways_is_listed_once(tmp_path: Path) -> None:
    path = tmp_path / "cs.pdf"
    export_protocol(customer_service("en"), path, today=TODAY)
    text = pdf_text(path)
    assert text.count("Kosten pro Kontakt Kundenzufriedenheit Kulanz kostet") == 1
    assert "Kulanz kostet, hält aber Kunden. Beide Richtungen gezeichnet." in text


def test_a_template_session_prints_its_agenda_with_times(tmp_path: Path) -> None:
    session = session_from_template("kundenservice-verantwortung")
    path = tmp_path / "template.pdf"
    export_protocol(session, path, today=TODAY)
    text = pdf_text(path, 1, 3)
    assert "Ablauf" in text
    phases = session.meta["phases"]
    assert phases[0]["title"] in text
    first_end = phases[0]["minutes"]
    assert f"0:00\u20130:{first_end:02d}" in text


def test_a_session_without_phases_has_no_agenda(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    export_protocol(one_of_each("en"), path, today=TODAY)
    assert "Agenda" not in pdf_text(path)


def test_the_german_protocol_has_no_english_words(tmp_path: Path) -> None:
    path = tmp_path / "de.pdf"
    export_protocol(customer_service("de"), path, today=TODAY)
    words = set(re.findall(r"[A-Za-zÄÖÜäöüß]+", pdf_text(path)))
    english = {
        "accountable", "responsible", "consulted", "informed", "Decisions", "Open", "Next",
        "overdue", "Roles", "Findings", "Glossary", "Contents", "Summary", "Risk", "Risks",
        "Suggestion", "Page", "settled", "open", "yes", "no", "none", "and", "the", "of",
    }  # fmt: skip
    assert sorted(words & english) == []


def test_re_confirmation_has_one_german_word_in_protocol_window_and_analysis(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sample.pdf"
    shutil.copy(resource_path("samples", "versandhandel.yaml"), tmp_path / "sample.yaml")
    export_protocol(load_session(tmp_path / "sample.yaml"), path, today=TODAY)
    text = " ".join(pdf_text(path).split())
    # the delegation board's title and the finding's message use the same word
    assert text.count("in der Praxis rückversichert") >= 2
    for catalogue in Path(workshop_app.__file__).parent.rglob("_de.py"):
        assert "gegenbestätig" not in catalogue.read_text(encoding="utf-8").lower(), catalogue
