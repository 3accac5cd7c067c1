"""Render the protocol model as a PDF with reportlab.

Each block type of :mod:`workshop_app.protocol.model` becomes flowables:
paragraphs and lists as reportlab ``Paragraph``s, tables as the lean
:class:`~workshop_app.protocol.grid.Grid`, the map through
:data:`~workshop_app.protocol.pdfparts.FIGURES`. Page turns follow the
sections: a section that asks for landscape gets it only when it holds
something wide (a figure, or a table of six rows or more): a short table
is never left alone on a page turned sideways. Headings are kept with what
follows them (a conditional page break in front of each), and tables of a
few rows are never split.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, KeepTogether, NextPageTemplate, PageBreak, Spacer
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.flowables import Flowable

from workshop_app.domain import Session
from workshop_app.i18n import translator
from workshop_app.protocol import model
from workshop_app.protocol._de import GERMAN
from workshop_app.protocol.document import FrameSize, mark_for_outline
from workshop_app.protocol.fonts import text_markup
from workshop_app.protocol.grid import Run, TextCell
from workshop_app.protocol.model import KEEP_WHOLE_ROWS, Protocol, Section, needs_landscape
from workshop_app.protocol.pdfparts import FIGURES, ContentsList, Entry, FigureContext
from workshop_app.protocol.styles import BOLD, INK, MUTED, REGULAR, Styles
from workshop_app.protocol.tables import CELL_SIZE, HEAD_SIZE, NOTE_SIZE, data_table
from workshop_app.protocol.typography import keep_together, sentence_pieces
from workshop_app.vocabulary import SEVERITIES

__all__ = ["render_story"]

#: A paragraph longer than this is set as pieces cut between sentences (linear layout time).
PIECE = 2000

TONE_COLOURS: dict[str, colors.Color] = {
    "muted": MUTED,
    "alert": colors.HexColor(SEVERITIES["error"].colour),
    "warning": colors.HexColor("#A05A00"),
    "info": colors.HexColor("#36506B"),
    "good": colors.HexColor("#00704F"),
}
SHADE = colors.HexColor("#DCE7F3")


def _hex(colour: colors.Color) -> str:
    return "#" + colour.hexval()[2:]


def span_markup(text: model.Text) -> str:
    """Model text as Paragraph markup that prints user text literally."""
    parts = []
    for span in model.spans(text):
        piece = text_markup(keep_together(span.text))
        if span.tone in TONE_COLOURS:
            piece = f'<font color="{_hex(TONE_COLOURS[span.tone])}">{piece}</font>'
        parts.append(f"<b>{piece}</b>" if span.strong else piece)
    return "".join(parts)


@dataclass
class _Look:
    """The renderer's paragraph styles, derived from the protocol's :class:`Styles`."""

    styles: Styles
    extra: dict[str, ParagraphStyle] = field(default_factory=dict)

    def __post_init__(self) -> None:
        base = self.styles
        self.extra = {
            "lead": ParagraphStyle("lead", parent=base.body, fontSize=10.5, leading=14),
            "h3": ParagraphStyle(
                "h3", parent=base.h2, fontSize=10, leading=13, spaceBefore=8, spaceAfter=3
            ),
            "item": ParagraphStyle(
                "item", parent=base.body, leftIndent=14, bulletIndent=0, spaceBefore=2
            ),
            "detail": ParagraphStyle(
                "detail", parent=base.small, leftIndent=14, spaceBefore=0, spaceAfter=2
            ),
            "kicker": ParagraphStyle("kicker", parent=base.small, spaceBefore=30),
        }

    def style(self, name: str) -> ParagraphStyle:
        if name in self.extra:
            return self.extra[name]
        return {"body": self.styles.body, "small": self.styles.small}[name]


@dataclass
class _Renderer:
    protocol: Protocol
    session: Session
    look: _Look
    portrait: FrameSize
    landscape: FrameSize
    numbers: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.numbers = self.protocol.numbering()
        self._ = translator(GERMAN, self.protocol.language)

    # Sections -----------------------------------------------------------------

    def story(self) -> list[Flowable]:
        story: list[Flowable] = [NextPageTemplate("portrait")]
        current, first_appendix = "portrait", True
        for index, section in enumerate(self.protocol.sections):
            wanted = "landscape" if needs_landscape(section) else "portrait"
            # A fresh page asked for with a turned page is not needed when the section
            # turns out narrow enough for an upright one.
            fresh = section.new_page and (wanted == "landscape" or not section.landscape)
            turn = fresh or wanted != current or (section.appendix and first_appendix)
            if index and turn:
                story += [NextPageTemplate(wanted), PageBreak()]
            elif index:
                story.append(CondPageBreak(150))
            current = wanted
            first_appendix = first_appendix and not section.appendix
            story += self.section(
                section, self.landscape if wanted == "landscape" else self.portrait
            )
        return story

    def heading(self, section: Section) -> Flowable:
        number = self.numbers.get(section.key)
        title = f"{number}\u2002{section.title}" if number else section.title
        flowable = mark_for_outline(RLParagraph(text_markup(title), self.look.styles.h1), title)
        flowable._toc_key = section.key
        return flowable

    def section(self, section: Section, frame: FrameSize) -> list[Flowable]:
        blocks = list(section.blocks)
        flowables: list[Flowable] = []
        lead: list[Flowable] = []
        if section.heading:
            heading = self.heading(section)
            if blocks and isinstance(blocks[0], model.Figure):
                figure = blocks.pop(0)
                context = FigureContext(
                    self.session, self.protocol.language, self._, self.look.styles, self.landscape
                )
                flowables += FIGURES[figure.name](context, heading, figure.caption)
            else:
                lead.append(heading)
        elif section.key:
            flowables.append(_Anchor(section.key, section.title))
        return flowables + self.blocks(blocks, frame, lead)

    def blocks(
        self, blocks: list[model.Block], frame: FrameSize, lead: list[Flowable] | None = None
    ) -> list[Flowable]:
        """The blocks' flowables; a heading or note goes with what follows it.

        In front of a heading stands a conditional page break (room for it
        and a few lines); a heading or note before a block that is kept
        whole (a short table, a list item) joins it, so it never stays
        behind at a page foot.
        """
        flowables: list[Flowable] = []
        pending: list[Flowable] = list(lead or [])
        for block in blocks:
            rendered = self.block(block, frame)
            if isinstance(block, model.Heading | model.Note):
                pending += rendered
                continue
            if pending and rendered and isinstance(rendered[0], KeepTogether):
                lead = [f for f in pending if not isinstance(f, CondPageBreak)]
                rendered[0] = KeepTogether([*lead, *rendered[0]._content])
            else:
                rendered = [*pending, *rendered]
            flowables += rendered
            pending = []
        return flowables + pending

    # Blocks -------------------------------------------------------------------

    def block(self, block: model.Block, frame: FrameSize) -> list[Flowable]:
        handlers: dict[type, Callable[..., list[Flowable]]] = {
            model.Paragraph: self.paragraph,
            model.Heading: self.subheading,
            model.Note: self.note,
            model.ItemList: self.item_list,
            model.Table: self.table,
            model.Contents: self.contents,
            model.TitleBlock: self.title_block,
        }
        return handlers[type(block)](block, frame)

    def paragraph(self, block: model.Paragraph, frame: FrameSize) -> list[Flowable]:
        style = self.look.style(block.style)
        if isinstance(block.text, str) and len(block.text) > PIECE:
            tight = ParagraphStyle(f"{style.name}-piece", parent=style, spaceBefore=0)
            pieces = sentence_pieces(block.text, PIECE)
            return [RLParagraph(span_markup(piece), tight) for piece in pieces]
        paragraph = RLParagraph(span_markup(block.text), style)
        paragraph.keepWithNext = block.keep_with_next
        return [paragraph]

    def subheading(self, block: model.Heading, frame: FrameSize) -> list[Flowable]:
        style = self.look.styles.h2 if block.level <= 2 else self.look.style("h3")
        return [CondPageBreak(120), RLParagraph(text_markup(block.text), style)]

    def note(self, block: model.Note, frame: FrameSize) -> list[Flowable]:
        paragraph = RLParagraph(span_markup(block.text), self.look.styles.small)
        paragraph.keepWithNext = block.keep_with_next
        return [paragraph]

    def item_list(self, block: model.ItemList, frame: FrameSize) -> list[Flowable]:
        flowables: list[Flowable] = []
        for number, item in enumerate(block.items, start=1):
            bullet = f"{number}." if block.numbered else "•"
            parts: list[Flowable] = [
                RLParagraph(span_markup(item.text), self.look.style("item"), bulletText=bullet)
            ]
            parts += [RLParagraph(span_markup(d), self.look.style("detail")) for d in item.details]
            flowables.append(KeepTogether(parts) if len(parts) > 1 else parts[0])
        return flowables

    def title_block(self, block: model.TitleBlock, frame: FrameSize) -> list[Flowable]:
        styles = self.look.styles
        flowables: list[Flowable] = [
            RLParagraph(text_markup(block.kicker.upper()), self.look.style("kicker")),
            RLParagraph(text_markup(block.title), styles.title),
        ]
        if block.subtitle:
            subtitle = ParagraphStyle("subtitle-tight", parent=styles.subtitle, spaceAfter=14)
            flowables.append(RLParagraph(text_markup(block.subtitle), subtitle))
        return flowables

    def contents(self, block: model.Contents, frame: FrameSize) -> list[Flowable]:
        entries = [
            Entry(self.numbers[s.key], s.title, s.key)
            for s in self.protocol.sections
            if s.key in self.numbers
        ]
        return [ContentsList(entries), Spacer(1, 6)]

    def table(self, block: model.Table, frame: FrameSize) -> list[Flowable]:
        total = sum(c.share for c in block.columns)
        widths = [frame.width * c.share / total for c in block.columns]
        header = (
            [_head(c, w) for c, w in zip(block.columns, widths, strict=True)]
            if block.header
            else []
        )
        rows = [[_cell(model.cell(c)) for c in row] for row in block.rows]
        if block.label_column:
            rows = [[_label(row[0]), *row[1:]] for row in rows]
        grid = data_table(header, rows, widths, label_column=block.label_column, rules=block.matrix)
        flowables: list[Flowable] = [grid]
        flowables += [RLParagraph(text_markup(n), self.look.styles.note) for n in block.footnotes]
        flowables.append(Spacer(1, 6))
        if len(block.rows) <= KEEP_WHOLE_ROWS:
            return [KeepTogether(flowables)]
        return flowables


class _Anchor(Flowable):
    """An invisible mark that starts an outline entry for a section without a heading."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        mark_for_outline(self, title)
        self._toc_key = key

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        return None


def _cell(value: model.Cell) -> TextCell:
    colour = TONE_COLOURS.get(value.tone or "", INK)
    main = Run(keep_together(value.text), BOLD if value.strong else REGULAR, CELL_SIZE, colour)
    details = tuple(Run(keep_together(d), REGULAR, NOTE_SIZE, MUTED) for d in value.details if d)
    runs = (main, *details) if value.text or not details else details
    return TextCell(runs, centred=value.centred, background=SHADE if value.shade else None)


def _label(cell: TextCell) -> TextCell:
    """The first cell of a table of facts, set like a column head."""
    return TextCell(tuple(Run(r.text, BOLD, HEAD_SIZE, MUTED) for r in cell.runs))


def _head(column: model.Column, width: float) -> TextCell:
    """A column head; a word too long for it is hyphenated (the table does that for every cell)."""
    return TextCell((Run(column.title, BOLD, HEAD_SIZE, MUTED),), centred=column.centred)


def render_story(
    protocol: Protocol,
    session: Session,
    styles: Styles,
    portrait: FrameSize,
    landscape: FrameSize,
) -> list[Flowable]:
    """The flowables of ``protocol`` for frames of the given sizes."""
    return _Renderer(protocol, session, _Look(styles), portrait, landscape).story()
