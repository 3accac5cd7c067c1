"""What a reader finds in the protocol: every label as written, findings, reviews, actions."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import Session
from workshop_app.fileformat import load_session
from workshop_app.protocol import export_protocol
from workshop_app.resources import resource_path

from .helpers import HOSTILE_LABELS, build_session, pdf_fonts, pdf_info, pdf_text

HEADINGS = {
    "en": ["Map", "Priorities", "RACI matrix", "Roles", "Decision spaces", "Escalation paths",
           "Findings", "Agreed actions"],
    "de": ["Landkarte", "Prioritäten", "RACI-Matrix", "Rollen", "Entscheidungsräume",
           "Eskalationswege", "Befunde", "Vereinbarte Maßnahmen"],
}  # fmt: skip


@pytest.fixture(params=["de", "en"], scope="module")
def exported(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Session, Path, str]:
    """The protocol of the hostile session, exported once per language for all tests here."""
    session = build_session(request.param)
    path = tmp_path_factory.mktemp(request.param) / "protocol.pdf"
    export_protocol(session, path)
    return session, path, request.param


def test_every_label_prints_as_written(exported: tuple[Session, Path, str]) -> None:
    _, path, _language = exported
    text = pdf_text(path)
    for label in HOSTILE_LABELS.values():
        assert label in text


def test_markup_in_meta_and_fields_prints_as_written(exported: tuple[Session, Path, str]) -> None:
    _, path, _language = exported
    text = pdf_text(path)
    for written in (
        "Verantwortung & <Kundenservice>",
        "Muster <AG>",
        "Antwort <i>binnen</i> 48 h",
        "Kulanzgrenze <b>bestätigen</b>",
        "bis Q2 <ok>",
    ):
        assert written in text


def test_headings_and_page_numbers_are_in_the_protocol_language(
    exported: tuple[Session, Path, str],
) -> None:
    _, path, language = exported
    text = pdf_text(path)
    pages = int(pdf_info(path)["Pages"])
    for number, heading in enumerate(HEADINGS[language], start=1):
        assert f"{number} {heading}" in text
    page_word = {"de": "Seite {n} von {total}", "en": "Page {n} of {total}"}[language]
    assert page_word.format(n=2, total=pages) in text
    assert page_word.format(n=pages, total=pages) in text


def test_every_font_is_embedded_and_none_is_a_standard_font(
    exported: tuple[Session, Path, str],
) -> None:
    _, path, _language = exported
    fonts = pdf_fonts(path)
    assert fonts
    assert all(font["emb"] == "yes" for font in fonts), fonts
    assert all("DejaVuSans" in font["name"] for font in fonts), fonts


def test_no_link_no_embedded_file_no_image(exported: tuple[Session, Path, str]) -> None:
    _, path, _language = exported
    data = path.read_bytes()
    for forbidden in (b"/URI", b"/Link", b"/EmbeddedFile", b"/Launch", b"/JavaScript"):
        assert forbidden not in data
    # The map is drawn as vectors, not pasted in as a picture.
    assert b"/Subtype /Image" not in data


def test_findings_appear_with_messages_and_reviews(exported: tuple[Session, Path, str]) -> None:
    session, path, language = exported
    text = pdf_text(path)
    findings = find_ambiguities(session, language)
    assert findings
    for finding in findings:
        assert finding.message in text
    accepted = {"de": "akzeptiert bis Q2 <ok>", "en": "accepted bis Q2 <ok>"}[language]
    assert accepted in text


def test_actions_show_owner_label_due_date_and_status(exported: tuple[Session, Path, str]) -> None:
    _, path, language = exported
    text = pdf_text(path)
    row = {
        "de": "1 Kulanzgrenze <b>bestätigen</b> Teamleitung 15.01.2027 offen",
        "en": "1 Kulanzgrenze <b>bestätigen</b> Teamleitung 15 January 2027 open",
    }[language]
    assert row in text
    assert "2 Vertretung klären Frau Extern" in text


def test_escalation_is_shown_as_a_chain_with_its_triggers(
    exported: tuple[Session, Path, str],
) -> None:
    _, path, _language = exported
    text = pdf_text(path)
    assert "Servicekraft → 2nd Level → Teamleitung" in text
    assert "→ 2nd Level: Betrag > 50 €" in text
    assert "→ Teamleitung: Kunde droht" in text


def test_title_page_and_metadata(exported: tuple[Session, Path, str]) -> None:
    _, path, language = exported
    first_page = pdf_text(path, 1)
    for expected in ("A. Beispiel", "B. Muster", "Teamleitung", "C. Gast"):
        assert expected in first_page
    assert {"de": "26.11.2026", "en": "26 November 2026"}[language] in first_page
    info = pdf_info(path)
    assert info["Title"] == "Verantwortung & <Kundenservice>"
    assert info["Author"] == "A. Beispiel"
    assert "Muster <AG>" in info["Subject"]


def test_footer_names_title_and_date(exported: tuple[Session, Path, str]) -> None:
    _, path, language = exported
    date = {"de": "26.11.2026", "en": "26 November 2026"}[language]
    assert f"Verantwortung & <Kundenservice> · {date}" in pdf_text(path, 2)


def test_language_argument_overrides_the_session(
    tmp_path: Path, hostile_session: Callable[[str], Session]
) -> None:
    path = tmp_path / "en.pdf"
    export_protocol(hostile_session("de"), path, language="en")
    text = pdf_text(path)
    assert "Agreed actions" in text
    assert "Vereinbarte Maßnahmen" not in text


def test_sample_session_raci_and_priorities(tmp_path: Path) -> None:
    session = load_session(resource_path("samples", "versandhandel.yaml"))
    path = tmp_path / "sample.pdf"
    export_protocol(session, path)
    text = pdf_text(path)
    assert "Reklamationen bearbeiten A/R" in text
    # Ranks 1 and 1 tie; "Bearbeitungszeit" (rank 3) outranks "Kosten" (rank 2): a cycle,
    # so both share a place. The unranked priority has no place (a dash).
    assert re.search(r"1 Erstlösung 1 .*1 Rechtssicherheit & Datenschutz 1", text)
    assert "— Kundenzufriedenheit — —" in text
    assert "geklärt: Erstlösung geht vor" in text


def test_summary_counts_agree_with_the_findings_section(tmp_path: Path) -> None:
    session = load_session(resource_path("samples", "versandhandel.yaml"))
    findings = find_ambiguities(session)
    path = tmp_path / "protocol.pdf"
    export_protocol(session, path)
    text = pdf_text(path)
    for severity, title in (("error", "Zu klären"), ("warning", "Risiken")):
        count = sum(f.severity == severity for f in findings)
        assert f"{title} ({count})" in text
