"""A lean table flowable for plain text: wraps once, splits by rows, draws in batches.

reportlab's ``Table`` of ``Paragraph`` cells parses markup in every cell and
re-measures the rest of a table at every page break; a 1,000-node protocol
spent most of its time there. The protocol's cells hold plain text only
(user text must print literally anyway), so :class:`Grid` lays each cell
out once with a greedy word wrap, caches word widths, splits between rows
(or inside a row taller than :data:`SPLIT_ROW_ABOVE`), repeats its header
row on every page, and draws all text of a page as one text object and all
rules as one path.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus.flowables import Flowable

from workshop_app.protocol.fonts import font_runs, shaped, visual
from workshop_app.protocol.fonts import text_width as fallback_width
from workshop_app.protocol.styles import INK, LINE, REGULAR, TINT, plain
from workshop_app.protocol.typography import hyphenate

__all__ = ["SPLIT_ROW_ABOVE", "Grid", "Run", "TextCell", "text_width"]

#: Rows lower than this move whole to the next page; taller ones may split.
SPLIT_ROW_ABOVE = 120.0
_PAD_X, _PAD_TOP, _PAD_BOTTOM = 4.0, 3.0, 4.0


@dataclass(frozen=True)
class Run:
    """Text in one font, size and colour; each run in a cell starts a new line."""

    text: str
    font: str = REGULAR
    size: float = 8.5
    colour: Color = INK


@dataclass(frozen=True)
class TextCell:
    runs: tuple[Run, ...]
    centred: bool = False
    background: Color | None = None


@dataclass(frozen=True)
class _Line:
    text: str
    run: Run
    width: float


@functools.lru_cache(maxsize=1 << 16)
def _width(text: str, font: str, size: float) -> float:
    return fallback_width(text, font, size)


def text_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` as a table cell sets it (cached)."""
    return _width(text, font, size)


def _break_word(word: str, run: Run, width: float) -> list[str]:
    """A word wider than the cell, hyphenated into pieces that fit ("Qualitäts-", "management")."""
    return hyphenate(word, lambda piece: _width(piece, run.font, run.size) <= width)


@functools.lru_cache(maxsize=4096)
def _wrap_run(run: Run, width: float) -> tuple[_Line, ...]:
    """``run`` broken into lines of at most ``width``; cached, as tables repeat
    short texts ("A", "no", "—") thousands of times."""
    lines: list[_Line] = []
    space = _width(" ", run.font, run.size)
    for paragraph in shaped(plain(run.text)).replace("\t", " ").splitlines() or [""]:
        current: list[str] = []
        current_width = 0.0
        # Split at spaces only: a no-break space keeps "50 €" together.
        for word in filter(None, paragraph.split(" ")):
            word_width = _width(word, run.font, run.size)
            if word_width > width:
                *whole, word = _break_word(word, run, width)
                if current:
                    lines.append(_Line(" ".join(current), run, current_width))
                lines += [_Line(piece, run, _width(piece, run.font, run.size)) for piece in whole]
                current, current_width = [], 0.0
                word_width = _width(word, run.font, run.size)
            needed = word_width + (space if current else 0.0)
            if current and current_width + needed > width:
                lines.append(_Line(" ".join(current), run, current_width))
                current, current_width = [word], word_width
            else:
                current.append(word)
                current_width += needed
        lines.append(_Line(" ".join(current), run, current_width))
    return tuple(lines)


def _leading(line: _Line) -> float:
    return line.run.size * 1.3


@dataclass
class _Row:
    cells: list[list[_Line]]
    height: float = field(init=False)

    def __post_init__(self) -> None:
        self.height = (
            _PAD_TOP
            + _PAD_BOTTOM
            + max((sum(_leading(line) for line in lines) for lines in self.cells), default=0.0)
        )

    def cut(self, height: float) -> tuple[_Row, _Row] | None:
        """This row as a top part at most ``height`` high and the rest, or ``None``."""
        room = height - _PAD_TOP - _PAD_BOTTOM
        tops, rests = [], []
        for lines in self.cells:
            used, count = 0.0, 0
            while count < len(lines) and used + _leading(lines[count]) <= room:
                used += _leading(lines[count])
                count += 1
            tops.append(lines[:count])
            rests.append(lines[count:])
        if not any(tops) or not any(rests):
            return None
        return _Row(tops), _Row(rests)


def _lay_out(cells: Sequence[TextCell], widths: Sequence[float]) -> _Row:
    return _Row(
        [
            [line for run in cell.runs for line in _wrap_run(run, width - 2 * _PAD_X)]
            for cell, width in zip(cells, widths, strict=True)
        ]
    )


class Grid(Flowable):
    """A table of :class:`TextCell` rows under a header row repeated on each page.

    Build one with :meth:`build`; ``rules`` draws lines between the columns
    (for a matrix).
    """

    def __init__(
        self,
        widths: list[float],
        header: tuple[list[TextCell], _Row] | None,
        body: list[tuple[list[TextCell], _Row]],
        rules: bool,
    ) -> None:
        super().__init__()
        self.widths, self.rules = widths, rules
        self._header, self._body = header, body
        self.width = sum(widths)

    @classmethod
    def build(
        cls,
        header: Sequence[TextCell],
        rows: Sequence[Sequence[TextCell]],
        widths: Sequence[float],
        *,
        rules: bool = False,
    ) -> Grid:
        """Lay every cell out for ``widths``: once, however often the table splits."""
        head = (list(header), _lay_out(header, widths)) if header else None
        body = [(list(row), _lay_out(row, widths)) for row in rows]
        return cls(list(widths), head, body, rules)

    def _part(self, body: list[tuple[list[TextCell], _Row]]) -> Grid:
        return Grid(self.widths, self._header, body, self.rules)

    def _header_height(self) -> float:
        return self._header[1].height if self._header else 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.height = self._header_height() + sum(row.height for _, row in self._body)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        room = available_height - self._header_height()
        used, count = 0.0, 0
        while count < len(self._body) and used + self._body[count][1].height <= room:
            used += self._body[count][1].height
            count += 1
        if count == len(self._body):
            return [self]
        if count:
            return [self._part(self._body[:count]), self._part(self._body[count:])]
        cells, row = self._body[0]
        halves = row.cut(room) if row.height > SPLIT_ROW_ABOVE else None
        if halves is None:
            return []
        top, rest = halves
        return [self._part([(cells, top)]), self._part([(cells, rest), *self._body[1:]])]

    def draw(self) -> None:
        rows = [(*self._header, True)] if self._header else []
        rows += [(cells, row, False) for cells, row in self._body]
        canvas = self.canv
        text = _Text(canvas.beginText())
        rules = canvas.beginPath()
        top = self.height
        for cells, row, is_header in rows:
            bottom = top - row.height
            self._draw_backgrounds(cells, top, row.height, is_header)
            self._add_text(text, row, cells, top)
            rules.moveTo(0, bottom)
            rules.lineTo(self.width, bottom)
            top = bottom
        if self.rules:
            x = 0.0
            for width in self.widths[:-1]:
                x += width
                rules.moveTo(x, 0)
                rules.lineTo(x, self.height)
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.4)
        canvas.drawPath(rules, stroke=1, fill=0)
        if self._header:
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(0.8)
            y = self.height - self._header_height()
            canvas.line(0, y, self.width, y)
        canvas.drawText(text.text)

    def _draw_backgrounds(
        self, cells: Sequence[TextCell], top: float, height: float, is_header: bool
    ) -> None:
        canvas, x = self.canv, 0.0
        if is_header:
            canvas.setFillColor(TINT)
            canvas.rect(0, top - height, self.width, height, stroke=0, fill=1)
        for cell, width in zip(cells, self.widths, strict=True):
            if cell.background is not None:
                canvas.setFillColor(cell.background)
                canvas.rect(x, top - height, width, height, stroke=0, fill=1)
            x += width

    def _add_text(self, text: _Text, row: _Row, cells: Sequence[TextCell], top: float) -> None:
        x = 0.0
        for lines, cell, width in zip(row.cells, cells, self.widths, strict=True):
            y = top - _PAD_TOP
            for line in lines:
                if line.text:  # most cells of a big RACI matrix are empty
                    # The baseline sits one font size (plus descent) below the line's top.
                    baseline = y - line.run.size * 1.05
                    left = x + (width - line.width) / 2 if cell.centred else x + _PAD_X
                    text.write(line, left, baseline)
                y -= _leading(line)
            x += width


class _Text:
    """A text object that sets font and colour only when they change."""

    def __init__(self, text: PDFTextObject) -> None:
        self.text = text
        self._font: tuple[str, float] | None = None
        self._colour: Color | None = None
        self._origin: tuple[float, float] | None = None

    def write(self, line: _Line, x: float, y: float) -> None:
        run = line.run
        if self._colour != run.colour:
            self.text.setFillColor(run.colour)
            self._colour = run.colour
        # A move relative to the last line writes two numbers instead of a
        # six-number matrix: number formatting is much of a big export's time.
        if self._origin is None:
            self.text.setTextOrigin(x, y)
        else:
            self.text.moveCursor(x - self._origin[0], self._origin[1] - y)
        self._origin = (x, y)
        # Display order (right-to-left runs reversed), then one font per run of characters.
        for piece, font in font_runs(visual(line.text), run.font):
            if self._font != (font, run.size):
                self.text.setFont(font, run.size)
                self._font = (font, run.size)
            self.text.textOut(piece)
