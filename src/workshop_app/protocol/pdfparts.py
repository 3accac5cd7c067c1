"""Flowables of the PDF renderer beyond reportlab's own: the contents page and the map figure.

The contents list page numbers in a single layout pass: each entry draws a
PDF form named after its section, and the form is filled in with the page
number once the section's heading has been placed
(:func:`~workshop_app.protocol.document.define_page_number`). A form may be
used before it is defined; the file is written at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Spacer
from reportlab.platypus.flowables import Flowable

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import Session
from workshop_app.i18n import Translator
from workshop_app.layout import label_routes
from workshop_app.protocol import mappages
from workshop_app.protocol.document import FrameSize, form_name
from workshop_app.protocol.figure import MapFigure
from workshop_app.protocol.fonts import draw_text, text_markup
from workshop_app.protocol.scene import PrintedMap, printed_map
from workshop_app.protocol.styles import BOLD, INK, LINE, MUTED, REGULAR, Styles
from workshop_app.protocol.typography import keep_together

__all__ = ["FIGURES", "ContentsList", "Entry", "FigureContext"]


@dataclass(frozen=True)
class Entry:
    """One line of the contents: "3", "Roles", the section's key; ``level`` 1 or 2."""

    number: str
    title: str
    key: str
    level: int = 1


class ContentsList(Flowable):
    """The table of contents: numbers, titles, dotted leaders and page numbers."""

    _LINE = 17.0
    _SIZE = 9.5

    def __init__(self, entries: list[Entry]) -> None:
        super().__init__()
        self.entries = entries

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, self._LINE * len(self.entries)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        y = self.height - self._LINE + 4
        for entry in self.entries:
            font = BOLD if entry.level == 1 else REGULAR
            indent = 0.0 if entry.level == 1 else 24.0
            canvas.setFillColor(INK)
            draw_text(canvas, indent, y, entry.number, font, self._SIZE)
            title_x = indent + 24
            start = title_x + draw_text(canvas, title_x, y, entry.title, font, self._SIZE) + 6
            canvas.setStrokeColor(LINE)
            canvas.setDash(0.6, 2.4)
            canvas.setLineWidth(0.8)
            if start < self.width - 30:
                canvas.line(start, y, self.width - 30, y)
            canvas.setDash()
            canvas.saveState()
            canvas.translate(self.width, y)
            canvas.doForm(form_name(entry.key))
            canvas.restoreState()
            y -= self._LINE
        canvas.setFillColor(MUTED)


@dataclass(frozen=True)
class FigureContext:
    session: Session
    language: str
    _: Translator
    styles: Styles
    landscape: FrameSize


def _printed(context: FigureContext, *, labels: bool = True) -> PrintedMap:
    session, language = context.session, context.language
    return printed_map(session, find_ambiguities(session, language), language, labels=labels)


def _map(context: FigureContext, heading: Flowable, caption: str) -> list[Flowable]:
    printed, language = _printed(context), context.language
    return mappages.map_flowables(
        printed, context.landscape, context.styles, context._, heading, language
    )


def _height(flowable: Flowable, width: float) -> float:
    _width, height = flowable.wrap(width, 10_000)
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def _overview(context: FigureContext, heading: Flowable, caption: str) -> list[Flowable]:
    """A large map on one page: the whole structure, labels only if they stay legible.

    Tiles at a readable scale would take dozens of pages for a map of a
    thousand nodes; the caption says where the details are.
    """
    frame = context.landscape
    note = RLParagraph(text_markup(keep_together(caption)), context.styles.small)

    def fitted(printed: PrintedMap, details: bool) -> tuple[float, mappages.Legend]:
        legend = mappages.Legend(printed, context._, context.language, details=details)
        reserved = sum(_height(f, frame.width) for f in (heading, note, legend)) + 8
        room = (frame.width / printed.width, (frame.height - reserved) / printed.height)
        return min(mappages.MAX_SCALE, *room), legend

    # Routes get their labels only if these will print legibly (placing a
    # thousand labels is a good part of a large map's export); badges, load
    # and tags are text, so the legend names them only then.
    printed = _printed(context, labels=False)
    scale, legend = fitted(printed, details=False)
    if scale >= mappages.MIN_SCALE:
        geometry = label_routes(
            printed.geometry, context.session, context.language, printed.marks.keys()
        )
        printed = replace(printed, geometry=geometry)
        scale, legend = fitted(printed, details=True)
    view = MapFigure(printed, printed.bounds, scale, labels=scale >= mappages.MIN_SCALE)
    return [heading, note, view, Spacer(1, 8), legend]


#: Figure name → how to draw it, after the section's ``heading`` (which it keeps with it).
FIGURES: dict[str, Callable[[FigureContext, Flowable, str], list[Flowable]]] = {
    "map": _map,
    "map-overview": _overview,
}
