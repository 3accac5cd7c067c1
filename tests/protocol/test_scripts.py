"""Any label renders: CJK, Greek, Cyrillic, Hebrew and Arabic, in the text layer, fonts embedded."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session, SetMeta
from workshop_app.fileformat import save_session
from workshop_app.protocol import export_protocol
from workshop_app.protocol.fonts import font_runs, shaped, visual
from workshop_app.protocol.styles import REGULAR

from .helpers import pdf_fonts

LABELS = {
    "x_cjk": "客户投诉处理",
    "x_japanese": "返品の受付",
    "x_greek": "Εξυπηρέτηση πελατών",
    "x_cyrillic": "Служба поддержки",
    "r_hebrew": "שירות לקוחות",
    "r_arabic": "خدمة العملاء",
    "p_mixed": "Kulanz 50 € für خدمة",
}
EMOJI = "👍"


def scripts_session() -> Session:
    session = Session()
    session.apply(SetMeta({"title": "Weltweiter Service 世界", "language": "de"}))
    kinds = {"x": NodeKind.RESPONSIBILITY, "r": NodeKind.ROLE, "p": NodeKind.PRIORITY}
    for node_id, label in LABELS.items():
        fields = {"notes": f"Notiz {EMOJI}"} if node_id == "x_cjk" else {}
        session.apply(AddNode(node_id, kinds[node_id[0]], label, fields))
    session.apply(AddEdge("r_arabic", "x_cjk", EdgeKind.ACCOUNTABLE))
    session.apply(AddEdge("r_hebrew", "x_greek", EdgeKind.ACCOUNTABLE))
    session.apply(AddEdge("r_arabic", "r_hebrew", EdgeKind.DEPUTY_OF))
    return session


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("scripts") / "scripts.pdf"
    missing = export_protocol(scripts_session(), path)
    return path, missing


def _logical_text(path: Path) -> str:
    """The text layer as a reader copies it: poppler puts right-to-left runs back in
    reading order; compatibility forms (Arabic joined letters) are read as letters."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    text = unicodedata.normalize("NFKC", result.stdout.decode("utf-8"))
    return " ".join(text.replace("\u202b", "").replace("\u202c", "").split())


def test_every_label_is_in_the_text_layer(exported: tuple[Path, list[str]]) -> None:
    path, _missing = exported
    text = _logical_text(path)
    for label in LABELS.values():
        assert label in text, label


def test_every_font_is_embedded_with_the_fallbacks(exported: tuple[Path, list[str]]) -> None:
    path, _missing = exported
    fonts = pdf_fonts(path)
    assert all(font["emb"] == "yes" for font in fonts), fonts
    names = " ".join(font["name"] for font in fonts)
    for family in ("DejaVuSans", "DroidSansFallback", "NotoSansHebrew", "NotoSansArabic"):
        assert family in names


def test_characters_no_font_has_are_named(exported: tuple[Path, list[str]]) -> None:
    _path, missing = exported
    assert missing == [EMOJI]


def test_the_command_line_warns_about_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_file = tmp_path / "scripts.yaml"
    save_session(scripts_session(), session_file)
    assert main(["export", str(session_file), "-o", str(tmp_path / "out.pdf")]) == 0
    err = capsys.readouterr().err
    assert "U+1F44D" in err and EMOJI in err
    assert "Warnung" in err  # in the session's language


def test_right_to_left_text_is_drawn_in_reading_order_and_arabic_joined() -> None:
    assert visual("Team שירות") == "Team תוריש"
    joined = shaped("خدمة")
    assert all(0xFE70 <= ord(c) <= 0xFEFF for c in joined)
    assert unicodedata.normalize("NFKC", joined) == "خدمة"


def test_each_character_is_set_in_a_font_that_has_it() -> None:
    runs = font_runs("Kulanz 客户 שירות", REGULAR)
    assert [font for _text, font in runs] == [
        "DejaVuSans",
        "DroidSansFallback",
        "DejaVuSans",
        "NotoSansHebrew",
    ]


def test_latin_text_does_not_load_the_fallbacks() -> None:
    code = (
        "import sys\n"
        "from workshop_app.protocol.fonts import font_runs\n"
        "from workshop_app.protocol.styles import REGULAR\n"
        "font_runs('Größe, Qualität, 50 € (Ελλάδα, Россия)', REGULAR)\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "print(sorted(pdfmetrics.getRegisteredFontNames()))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Droid" not in result.stdout and "Noto" not in result.stdout
