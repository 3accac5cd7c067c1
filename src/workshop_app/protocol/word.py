"""Render the protocol model as an editable Word document (python-docx).

The same model as the PDF (:mod:`workshop_app.protocol.model`), so the same
content and headings: a consultant revises this copy before sending it. Word
styles carry the structure (Title, Heading 1 to 3, List Bullet/Number, tables
with a repeated header row), so the document's navigation pane and a table
of contents work as the consultant expects. Wide sections get a landscape
page section, as in the PDF. Word sets and reorders right-to-left text and
picks fonts for any script by itself, so text goes in as written.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from workshop_app.protocol import model
from workshop_app.protocol.model import Protocol, Section, needs_landscape
from workshop_app.protocol.typography import keep_together, soft_hyphens

__all__ = ["write_docx"]

_INK = RGBColor(0x1F, 0x29, 0x33)
_MUTED = RGBColor(0x61, 0x6E, 0x7C)
_ACCENT = RGBColor(0x2F, 0x5D, 0x8A)
TONES = {
    "muted": _MUTED,
    "alert": RGBColor(0xC8, 0x10, 0x2E),
    "warning": RGBColor(0xA0, 0x5A, 0x00),
    "info": RGBColor(0x36, 0x50, 0x6B),
    "good": RGBColor(0x00, 0x70, 0x4F),
}
_SHADE, _HEAD_SHADE = "DCE7F3", "F3F5F7"
_MARGIN = Mm(18)
#: A table of at most this many rows is kept on one page; a longer one keeps
#: its first ``_HEAD_ROWS`` rows (header and two entries) together.
_SHORT_TABLE, _HEAD_ROWS = 8, 3


def _clean(text: str) -> str:
    """User text as Word takes it: control characters (which XML forbids) become spaces."""
    return "".join(c if c in "\t\n" or (ord(c) >= 0x20 and ord(c) != 0x7F) else " " for c in text)


def _add_text(paragraph: DocxParagraph, text: model.Text, size: float | None = None) -> None:
    for span in model.spans(text):
        lines = _clean(keep_together(span.text)).split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            if index < len(lines) - 1:
                run.add_break()
            run.bold = span.strong or None
            if span.tone in TONES:
                run.font.color.rgb = TONES[span.tone]
            if size is not None:
                run.font.size = Pt(size)


def _shade(cell: object, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _repeat_header(table: DocxTable) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _keep_start_together(table: DocxTable, rows: int) -> None:
    """A short table stays whole; a long one keeps its head with its first rows
    (and so with the heading or note before it)."""
    together = rows if rows <= _SHORT_TABLE else _HEAD_ROWS
    for row in table.rows[: together - 1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _field(
    paragraph: DocxParagraph, instruction: str, shown: str, size: float | None = None
) -> None:
    """A Word field (PAGE, NUMPAGES, TOC) with ``shown`` as its text until Word updates it."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None),
                       ("text", shown), ("end", None)):  # fmt: skip
        run = paragraph.add_run()
        if size is not None:
            run.font.size = Pt(size)
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            run.text = text or ""
            continue
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _has_figure(section: Section) -> bool:
    return any(isinstance(block, model.Figure) for block in section.blocks)


class _Writer:
    def __init__(self, protocol: Protocol, page_text: str, figure_note: str) -> None:
        self.protocol = protocol
        self.figure_note = figure_note
        self.numbers = protocol.numbering()
        self.document = Document()
        self.page_text = page_text
        self._set_up()

    def _set_up(self) -> None:
        document = self.document
        normal = document.styles["Normal"]
        normal.font.size = Pt(10)
        normal.font.color.rgb = _INK
        for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
            document.styles[name].font.color.rgb = _ACCENT if name != "Heading 3" else _INK
        section = document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, _MARGIN)
        self._footer(section)
        properties = document.core_properties
        properties.title = self.protocol.title
        properties.author = self.protocol.author
        properties.subject = self.protocol.subject
        properties.language = self.protocol.language

    def _footer(self, section: object) -> None:
        paragraph = section.footer.paragraphs[0]  # type: ignore[attr-defined]
        before, _, after = self.page_text.partition("{page}")
        middle, _, end = after.partition("{pages}")
        width = section.page_width - section.left_margin - section.right_margin  # type: ignore[attr-defined]
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        _add_text(paragraph, f"{self.protocol.footer}\t{before}", 7.5)
        _field(paragraph, "PAGE", "1", 7.5)
        _add_text(paragraph, middle, 7.5)
        _field(paragraph, "NUMPAGES", "1", 7.5)
        _add_text(paragraph, end, 7.5)

    # Sections -----------------------------------------------------------------

    def write(self) -> bytes:
        landscape = False
        for index, section in enumerate(self.protocol.sections):
            # The map is not drawn here (see figure()): no page turned for it.
            wide = needs_landscape(section) and not _has_figure(section)
            fresh = index and (
                wide != landscape or (section.new_page and (wide or not section.landscape))
            )
            if fresh:
                self._new_page_section(wide)
            landscape = wide
            turn = not fresh and index and section is self._first_appendix()
            self.section(section, turn_page=bool(turn))
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def _first_appendix(self) -> Section | None:
        return next((s for s in self.protocol.sections if s.appendix), None)

    def _new_page_section(self, wide: bool) -> None:
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        short, long = Mm(210), Mm(297)
        section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if wide else (short, long)

    def section(self, section: Section, turn_page: bool = False) -> None:
        """The section's heading (on a fresh page for the appendix) and its blocks."""
        if section.heading:
            number = self.numbers.get(section.key)
            title = f"{number}\u2002{section.title}" if number else section.title
            heading = self.document.add_heading(_clean(title), level=1)
            heading.paragraph_format.page_break_before = turn_page or None
        for block in section.blocks:
            self.block(block)

    # Blocks -------------------------------------------------------------------

    def block(self, block: model.Block) -> None:
        handlers: dict[type, Callable[..., None]] = {
            model.Paragraph: self.paragraph,
            model.Heading: self.heading,
            model.Note: self.note,
            model.ItemList: self.item_list,
            model.Table: self.table,
            model.Figure: self.figure,
            model.Contents: self.contents,
            model.TitleBlock: self.title_block,
        }
        handlers[type(block)](block)

    def paragraph(self, block: model.Paragraph) -> None:
        size = {"small": 8.0, "lead": 11.0}.get(block.style)
        paragraph = self.document.add_paragraph()
        _add_text(paragraph, block.text, size)
        paragraph.paragraph_format.keep_with_next = block.keep_with_next or None

    def heading(self, block: model.Heading) -> None:
        self.document.add_heading(_clean(block.text), level=min(3, max(2, block.level)))

    def note(self, block: model.Note) -> None:
        paragraph = self.document.add_paragraph()
        _add_text(paragraph, block.text, 8)
        for run in paragraph.runs:
            run.font.color.rgb = run.font.color.rgb or _MUTED
        paragraph.paragraph_format.keep_with_next = True

    def item_list(self, block: model.ItemList) -> None:
        for number, item in enumerate(block.items, start=1):
            if block.numbered:  # numbered by hand: Word's list numbers run on across lists
                paragraph = self.document.add_paragraph()
                paragraph.paragraph_format.left_indent = Mm(6.35)
                paragraph.paragraph_format.first_line_indent = Mm(-6.35)
                paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(6.35))
                _add_text(paragraph, (model.Span(f"{number}.\t"), *model.spans(item.text)))
            else:
                paragraph = self.document.add_paragraph(style="List Bullet")
                _add_text(paragraph, item.text)
            for detail in item.details:
                line = self.document.add_paragraph()
                line.paragraph_format.left_indent = Mm(6.35)
                _add_text(line, detail, 8)
                for run in line.runs:
                    run.font.color.rgb = _MUTED

    def title_block(self, block: model.TitleBlock) -> None:
        kicker = self.document.add_paragraph()
        _add_text(kicker, block.kicker.upper(), 8)
        self.document.add_heading(_clean(block.title), level=0)
        if block.subtitle:
            subtitle = self.document.add_paragraph()
            _add_text(subtitle, block.subtitle, 14)

    def contents(self, block: model.Contents) -> None:
        """A table-of-contents field; until Word updates it, it lists the sections."""
        entries = [
            f"{self.numbers[s.key]}\u2002{s.title}"
            for s in self.protocol.sections
            if s.key in self.numbers
        ]
        paragraph = self.document.add_paragraph()
        _field(paragraph, 'TOC \\o "1-1" \\h \\z \\u', "")
        paragraph.paragraph_format.keep_with_next = True
        for number, entry in enumerate(entries, start=1):
            line = self.document.add_paragraph()
            _add_text(line, entry)
            line.paragraph_format.keep_with_next = number < len(entries) or None
        settings = self.document.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)

    def figure(self, block: model.Figure) -> None:
        """The map: its caption, and where to get the drawing to paste in."""
        paragraph = self.document.add_paragraph()
        _add_text(paragraph, block.caption, 8)
        note = self.document.add_paragraph()
        _add_text(note, (model.Span(self.figure_note, tone="muted"),), 9)

    def table(self, block: model.Table) -> None:
        columns = block.columns
        rows = len(block.rows) + (1 if block.header else 0)
        table = self.document.add_table(rows=rows, cols=len(columns))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        width = self._text_width()
        total = sum(c.share for c in columns)
        for index, column in enumerate(columns):
            share = int(width * column.share / total)
            table.columns[index].width = share  # the grid, which LibreOffice reads
            for cell in table.columns[index].cells:
                cell.width = share  # each cell, which Word reads
        offset = 0
        if block.header:
            for index, column in enumerate(columns):
                title = soft_hyphens(column.title) if column.narrow else column.title
                self._fill(table.cell(0, index), model.Cell(title, strong=True), column)
                _shade(table.cell(0, index), _HEAD_SHADE)
            _repeat_header(table)
            offset = 1
        for r, row in enumerate(block.rows):
            for c, value in enumerate(row):
                cell = model.cell(value)
                if block.label_column and c == 0:
                    cell = model.Cell(cell.text, cell.details, strong=True)
                self._fill(table.cell(r + offset, c), cell, columns[c])
        _keep_start_together(table, len(block.rows) + offset)
        for footnote in block.footnotes:
            paragraph = self.document.add_paragraph()
            _add_text(paragraph, footnote, 8)
        self.document.add_paragraph()

    def _text_width(self) -> int:
        section = self.document.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def _fill(self, target: object, value: model.Cell, column: model.Column) -> None:
        paragraph = target.paragraphs[0]  # type: ignore[attr-defined]
        text = model.Span(value.text, strong=value.strong, tone=value.tone)
        _add_text(paragraph, (text,), 9)
        if value.centred or column.centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for detail in value.details:
            line = target.add_paragraph()  # type: ignore[attr-defined]
            _add_text(line, (model.Span(detail, tone="muted"),), 7.5)
        if value.shade:
            _shade(target, _SHADE)


def write_docx(protocol: Protocol, page_text: str, figure_note: str) -> bytes:
    """The Word document of ``protocol``.

    ``page_text`` is the footer's "Page {page} of {pages}"; ``figure_note``
    says where the map is, which this copy does not draw.
    """
    return _Writer(protocol, page_text, figure_note).write()
