"""The editable copy: a Word document with the same content and headings as the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from workshop_app.cli import main
from workshop_app.domain import Session
from workshop_app.fileformat import load_session, save_session
from workshop_app.protocol import export_protocol
from workshop_app.protocol.build import build_protocol
from workshop_app.resources import resource_path

from .helpers import pdf_pages, pdf_text
from .sessions import TODAY, customer_service, every_note, one_of_each

SUMMARY_HEADINGS = {
    "de": ("Beschlüsse", "Offene Punkte", "Nächste Schritte"),
    "en": ("Decisions", "Open points", "Next steps"),
}


def _all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return " ".join(" ".join(parts).replace("\u00ad", "").split())


@pytest.fixture(params=["de", "en"], scope="module")
def written(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Session, Path, str]:
    session = customer_service(request.param)
    path = tmp_path_factory.mktemp("word") / "protocol.docx"
    export_protocol(session, path, today=TODAY)
    return session, path, request.param


def test_the_headings_are_the_pdf_protocols(written: tuple[Session, Path, str]) -> None:
    session, path, language = written
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    protocol = build_protocol(session, language, today=TODAY)
    numbers = protocol.numbering()
    expected = [
        f"{numbers[s.key]}\u2002{s.title}" if s.key in numbers else s.title
        for s in protocol.sections
        if s.heading
    ]
    assert headings == expected
    subheadings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert subheadings[:3] == list(SUMMARY_HEADINGS[language])


def test_every_label_and_note_is_in_it(written: tuple[Session, Path, str]) -> None:
    session, path, _language = written
    text = _all_text(docx.Document(str(path)))
    for _node, label in session.graph.nodes(data="label"):
        assert label in text
    for note in every_note(session):
        assert " ".join(note.split()) in text


def test_the_overdue_action_is_marked(written: tuple[Session, Path, str]) -> None:
    _session, path, language = written
    text = _all_text(docx.Document(str(path)))
    assert {"de": "15.01.2027 überfällig", "en": "15 January 2027 overdue"}[language] in text


def test_the_document_knows_its_title_and_author(written: tuple[Session, Path, str]) -> None:
    _session, path, _language = written
    properties = docx.Document(str(path)).core_properties
    assert properties.title == "Verantwortung im Kundenservice"
    assert properties.author == "A. Beispiel"


def test_the_command_line_writes_it_by_the_suffix(tmp_path: Path) -> None:
    session_file = tmp_path / "one.yaml"
    save_session(one_of_each("en"), session_file)
    out = tmp_path / "out.docx"
    assert main(["export", str(session_file), "-o", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    assert "Next steps" in _all_text(docx.Document(str(out)))


def test_libreoffice_opens_it_with_the_summary_and_every_label(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    session = customer_service("de")
    source = tmp_path / "protocol.docx"
    export_protocol(session, source, today=TODAY)
    profile = tmp_path / "profile"  # a fresh profile: no clash with a running LibreOffice
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    text = pdf_text(tmp_path / "protocol.pdf").replace("\u00ad", "").replace("- ", "")
    front = pdf_text(tmp_path / "protocol.pdf", 1, 2)
    for heading in SUMMARY_HEADINGS["de"]:
        assert heading in front
    for _node, label in session.graph.nodes(data="label"):
        assert label in text, label
    pages = pdf_pages(tmp_path / "protocol.pdf")
    footer = re.compile(r"Seite \d+ von \d+|^Verantwortung im Kundenservice")
    for number, page in enumerate(pages, start=1):
        body = [line for line in page.splitlines() if line.strip() and not footer.search(line)]
        assert body, f"page {number} holds nothing but its footer"
    contents = next(page for page in pages if "Inhalt" in page.splitlines())
    assert "Glossar" in contents  # the contents kept together, not a heading at a page foot


def test_every_numbered_list_counts_from_one(tmp_path: Path) -> None:
    session_file = tmp_path / "sample.yaml"
    shutil.copy(resource_path("samples", "versandhandel.yaml"), session_file)
    out = tmp_path / "sample.docx"
    export_protocol(load_session(session_file), out, today=TODAY)
    lists: list[list[int]] = []
    previous = False
    for paragraph in docx.Document(str(out)).paragraphs:
        item = re.match(r"(\d+)\.\t", paragraph.text)
        if item and not previous:
            lists.append([])
        if item:
            lists[-1].append(int(item.group(1)))
        previous = bool(item)
    assert len(lists) >= 4  # the open points and the steps of each of the three cases
    assert all(numbers == list(range(1, len(numbers) + 1)) for numbers in lists), lists
