"""The protocol as a format-neutral document: sections of blocks, in plain Python.

The content of the protocol is decided once, here and in the section
builders (:mod:`workshop_app.protocol.build`); the renderers only typeset
it: :mod:`~workshop_app.protocol.pdf` with reportlab,
:mod:`~workshop_app.protocol.docx` with python-docx. Nothing in this module
knows a font, a colour or a page size: a block says *what* it is (a table
with a header row, a note, a list), and each renderer decides how that looks.

All text is plain user text: renderers print it as written (``<b>`` stays
``<b>``). Emphasis is asked for with :class:`Span` (``strong``, ``tone``).

Blocks
------
:class:`Paragraph`  running text (``style`` ``"body"``, ``"lead"`` or ``"small"``)
:class:`Heading`    a sub-heading inside a section; always kept with what follows
:class:`Note`       a short explanation in smaller, muted type
:class:`ItemList`   a bulleted or numbered list; items may carry detail lines
:class:`Table`      columns with relative widths, a header row, cells with details
:class:`Figure`     a placeholder the renderer draws (``"map"``)
:class:`Contents`   where the table of contents goes
:class:`TitleBlock` the title of the summary page

Examples
--------
>>> section = Section("notes", "Notes", (Paragraph("Plain <b>text</b>."),))
>>> section.blocks[0].text
'Plain <b>text</b>.'
>>> spans((Span("overdue", strong=True, tone="alert"), " since 3 May"))[1].text
' since 3 May'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = [
    "KEEP_WHOLE_ROWS",
    "TONES",
    "WIDE_COLUMNS",
    "Block",
    "Cell",
    "Column",
    "Contents",
    "Figure",
    "Heading",
    "Item",
    "ItemList",
    "Note",
    "Paragraph",
    "Protocol",
    "Section",
    "Span",
    "Table",
    "Text",
    "TitleBlock",
    "block_texts",
    "cell",
    "needs_landscape",
    "plain_text",
    "spans",
    "table",
]

#: What a tone means; each renderer gives it a colour (and never relies on colour alone).
TONES = {
    "muted": "secondary text",
    "alert": "needs attention now (an overdue action, an open error)",
    "warning": "a risk",
    "info": "a suggestion",
    "good": "settled, accepted, done",
    "shade": "a tinted cell background (the accountable role in the RACI matrix)",
}


@dataclass(frozen=True)
class Span:
    """A piece of text with emphasis: ``strong`` (bold) and a ``tone`` from :data:`TONES`."""

    text: str
    strong: bool = False
    tone: str | None = None


#: Text is a plain string, or spans (plain strings among them are unemphasised spans).
Text = str | tuple[Span | str, ...]


def spans(text: Text) -> tuple[Span, ...]:
    """``text`` as spans."""
    if isinstance(text, str):
        return (Span(text),)
    return tuple(part if isinstance(part, Span) else Span(part) for part in text)


def plain_text(text: Text) -> str:
    """``text`` without its emphasis.

    >>> plain_text(("a ", Span("b", strong=True)))
    'a b'
    """
    return "".join(span.text for span in spans(text))


@dataclass(frozen=True)
class Paragraph:
    text: Text
    style: str = "body"  # "body", "lead" (a little larger) or "small"
    keep_with_next: bool = False


@dataclass(frozen=True)
class Heading:
    """A sub-heading (level 2 or 3) inside a section; never left alone at a page foot."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Note:
    """A short explanation in smaller, muted type (how to read a table, say)."""

    text: Text
    keep_with_next: bool = False


@dataclass(frozen=True)
class Item:
    text: Text
    details: tuple[Text, ...] = ()


@dataclass(frozen=True)
class ItemList:
    items: tuple[Item, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Column:
    """A table column: its head and its share of the width (shares need not sum to 1).

    ``narrow`` marks a head that may be hyphenated or abbreviated to fit
    (the role columns of a RACI matrix).
    """

    title: str
    share: float = 1.0
    centred: bool = False
    narrow: bool = False


@dataclass(frozen=True)
class Cell:
    """A table cell: its text, smaller detail lines below it, emphasis and background."""

    text: str = ""
    details: tuple[str, ...] = ()
    strong: bool = False
    tone: str | None = None
    shade: bool = False
    centred: bool = False


def cell(value: Cell | str) -> Cell:
    return value if isinstance(value, Cell) else Cell(value)


@dataclass(frozen=True)
class Table:
    """Rows under a header row (repeated on each page where the table goes on).

    ``label_column`` sets the first column like a header (a table of facts);
    ``matrix`` draws rules between the columns (the RACI matrix);
    ``footnotes`` follow the table.
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell | str, ...], ...]
    header: bool = True
    label_column: bool = False
    matrix: bool = False
    footnotes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"a row has {len(row)} cells for {len(self.columns)} columns")


@dataclass(frozen=True)
class Figure:
    """A drawing the renderer makes from the session: ``"map"`` is the map."""

    name: str
    caption: str = ""


@dataclass(frozen=True)
class Contents:
    """The table of contents: the renderer lists the sections that follow (with pages)."""

    title: str


@dataclass(frozen=True)
class TitleBlock:
    """The summary page's head: a small kicker line, the title and the client."""

    kicker: str
    title: str
    subtitle: str = ""


Block = Paragraph | Heading | Note | ItemList | Table | Figure | Contents | TitleBlock


@dataclass(frozen=True)
class Section:
    """A part of the protocol: a heading and its blocks.

    ``numbered`` sections are counted ("3 Roles") and listed in the contents;
    ``appendix`` ones are lettered ("A Full lists"). ``landscape`` asks for
    pages turned sideways (wide tables, the map); ``new_page`` for a fresh
    page. ``heading`` is ``False`` for the summary page, whose title block
    is its heading.
    """

    key: str
    title: str
    blocks: tuple[Block, ...]
    numbered: bool = True
    appendix: bool = False
    landscape: bool = False
    new_page: bool = False
    heading: bool = True


@dataclass(frozen=True)
class Protocol:
    """The whole protocol, ready for a renderer."""

    language: str
    title: str
    sections: tuple[Section, ...]
    author: str = ""
    subject: str = ""
    footer: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)

    def numbering(self) -> dict[str, str]:
        """Section key → its number ("1", "2"…) or appendix letter ("A", "B"…)."""
        numbers: dict[str, str] = {}
        counted = lettered = 0
        for section in self.sections:
            if section.appendix:
                numbers[section.key] = chr(ord("A") + lettered)
                lettered += 1
            elif section.numbered:
                counted += 1
                numbers[section.key] = str(counted)
        return numbers

    def texts(self) -> list[str]:
        """Every piece of text in reading order, for tests and searches."""
        found: list[str] = []
        for section in self.sections:
            found.append(section.title)
            for block in section.blocks:
                found += block_texts(block)
        return found


def block_texts(block: Block) -> list[str]:
    """The text a block shows, piece by piece."""
    if isinstance(block, Paragraph | Note):
        return [plain_text(block.text)]
    if isinstance(block, Heading | Contents):
        return [block.text if isinstance(block, Heading) else block.title]
    if isinstance(block, ItemList):
        return [plain_text(t) for item in block.items for t in (item.text, *item.details)]
    if isinstance(block, Table):
        heads = [column.title for column in block.columns] if block.header else []
        cells = [cell(c) for row in block.rows for c in row]
        return heads + [t for c in cells for t in (c.text, *c.details)] + list(block.footnotes)
    if isinstance(block, TitleBlock):
        return [block.kicker, block.title, block.subtitle]
    return [block.caption]


#: Tables with at most this many rows are kept whole (never split over pages).
KEEP_WHOLE_ROWS = 6
#: A table needs a landscape page only from this many columns and KEEP_WHOLE_ROWS rows.
WIDE_COLUMNS = 6


def needs_landscape(section: Section) -> bool:
    """A section that asks for landscape and holds something wide enough to need it.

    A short table is never left alone on a page turned sideways: it prints upright.
    """
    if not section.landscape:
        return False
    return any(
        isinstance(b, Figure)
        or (
            isinstance(b, Table)
            and len(b.columns) >= WIDE_COLUMNS
            and len(b.rows) >= KEEP_WHOLE_ROWS
        )
        for b in section.blocks
    )


def table(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell | str]], **options: bool
) -> Table:
    """A :class:`Table` from lists (a convenience for builders)."""
    return Table(tuple(columns), tuple(tuple(row) for row in rows), **options)
