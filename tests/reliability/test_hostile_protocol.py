"""Hostile text in the protocol: printed literally, nothing embedded, no glyph missing.

Every text field a facilitator or a client can fill carries markup, entity
and link look-alikes and text in Latin, Greek and Cyrillic script. The PDF
must print each exactly as written (read back with ``pdftotext``), contain
no link, action, script or embedded file, and draw every one of those
characters with a real glyph of the bundled font.

Characters the bundled font (DejaVu Sans) lacks, such as CJK or most emoji,
are drawn as the font's missing-glyph box, one per character, so a reader
sees that something stands there; the export never fails on them and the
session file keeps them unchanged. Characters it has beyond U+FFFF (a few
emoji) are printed and read back correctly.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from workshop_app.domain import (
    AddEdge,
    AddNode,
    EdgeKind,
    InsertAction,
    NodeKind,
    Session,
    SetMeta,
    SetReview,
)
from workshop_app.protocol import export_protocol
from workshop_app.resources import resource_path

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

MARKUP = [
    "<b>fett</b> & <i>kursiv</i>",
    '<a href="https://example.invalid/x">Klick</a>',
    '<link href="file:///etc/passwd">passwd</link>',
    '<img src="/etc/passwd" width="10"/>',
    '<font name="Courier" color="red">rot</font>',
    "&amp; &lt; &#65; &nbsp; &unknown;",
    "<para>Absatz</para><br/><![CDATA[x]]>",
    "javascript:alert(1) file:///C:/Windows https://example.invalid",
    "(Klammer) \\backslash ) Tj ET %PDF-1.4 /URI /Launch",
    "{{format}} {0} %s ${HOME} `id`",
]
SCRIPTS = [
    "Ærøskøbing Œuvre façade naïve Łódź Ćma Şişli İstanbul ß ẞ ğ Ŋ",
    "Υπεύθυνος εξυπηρέτησης πελατών ΑΒΓΔ ϊΰ",
    "Ответственность службы поддержки Ёё Її Ґґ Ђђ",
    "„Anführung“ «Guillemets» ‚einfach‘ – — … € ≤ ≥ → ✓ №",  # noqa: RUF001
]
LACKING = "漢字 👍 ✅ 🙂"
INSIDE_FONT_BEYOND_BMP = "😀"


def _texts() -> list[str]:
    return MARKUP + SCRIPTS


def hostile_session(language: str) -> Session:
    """Every printed field filled with the hostile texts, in turn."""
    texts = _texts()
    session = Session()
    participants = [{"name": t, "role": texts[-1 - i]} for i, t in enumerate(texts[:3])]
    meta = {"title": texts[0], "client": texts[1], "facilitator": texts[2], "date": "2026-11-26",
            "language": language, "participants": participants}  # fmt: skip
    session.apply(SetMeta(meta))
    for i, text in enumerate(texts):
        fields = {"decision_limit": text, "reconfirm": True, "good_enough": text, "notes": text}
        session.apply(AddNode(f"x{i}", NodeKind.RESPONSIBILITY, text, fields))
        session.apply(AddNode(f"r{i}", NodeKind.ROLE, f"R {text}"))
        session.apply(AddEdge(f"r{i}", f"x{i}", EdgeKind.ACCOUNTABLE))
        session.apply(AddEdge(f"x{i}", f"r{i}", EdgeKind.ESCALATES_TO, {"trigger": text}))
        session.apply(InsertAction(i, {"text": text, "owner": f"r{i}", "status": "open"}))
        review = {"status": "accepted", "note": text}
        session.apply(SetReview("formal-decision-space", (f"x{i}",), review))
    session.apply(AddNode("p_lacking", NodeKind.PRIORITY, f"{LACKING} {INSIDE_FONT_BEYOND_BMP}"))
    return session


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _pdf_text(path: Path) -> str:
    command = ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"]
    return subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8")


@pytest.fixture(scope="module", params=["de", "en"])
def reliability_protocol(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("protocol") / f"hostile-{request.param}.pdf"
    export_protocol(hostile_session(request.param), path)
    return path, _squeezed(_pdf_text(path))


def test_markup_and_every_script_print_literally(reliability_protocol: tuple[Path, str]) -> None:
    _path, text = reliability_protocol
    missing = [t for t in _texts() if _squeezed(t) not in text]
    assert missing == []


def test_no_link_action_script_or_embedded_file(reliability_protocol: tuple[Path, str]) -> None:
    data = reliability_protocol[0].read_bytes()
    forbidden = ["URI", "Launch", "EmbeddedFile", "EmbeddedFiles", "JavaScript", "JS", "GoToR",
                 "GoToE", "SubmitForm", "ImportData", "RichMedia", "XFA", "AA", "OpenAction",
                 "Annots"]  # fmt: skip
    found = [
        name for name in forbidden if re.search(rb"/" + name.encode() + rb"[\s/<>\[\]()]", data)
    ]
    assert found == []
    assert b"/Subtype /Image" not in data


def test_every_character_of_latin_greek_cyrillic_has_a_glyph(
    reliability_protocol: tuple[Path, str],
) -> None:
    font = TTFont("reliability-DejaVuSans", str(resource_path("fonts", "DejaVuSans.ttf")))
    characters = {c for t in _texts() for c in t if not c.isspace()}
    assert sorted(c for c in characters if ord(c) not in font.face.charToGlyph) == []
    assert sorted(characters - set(reliability_protocol[1])) == []


def test_characters_the_font_lacks_do_not_break_the_export(
    reliability_protocol: tuple[Path, str],
) -> None:
    path, text = reliability_protocol
    # CJK comes from the bundled fallback font; the emoji no bundled font has is
    # named by the export, and the rest of the label is intact.
    assert {"漢", "字"} <= set(text)
    assert INSIDE_FONT_BEYOND_BMP in text
    assert "👍" in export_protocol(hostile_session("en"), path.with_name("again.pdf"))
