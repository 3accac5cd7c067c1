"""The page set-up: page templates, footer with "Page 3 of 9", outline, metadata.

Three page templates share one set of margins: ``title`` (no footer),
``portrait`` for text and tables, and ``landscape`` for the map and the RACI
matrix, which need width more than height. The total page count is only
known after the last page, so the canvas keeps each page's state and draws
the footers when the document is saved (the usual reportlab idiom; it costs
one pass instead of the two of ``multiBuild``).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFStream
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.flowables import Flowable

from workshop_app.i18n import Translator
from workshop_app.protocol.fonts import draw_text, text_width
from workshop_app.protocol.styles import ACCENT, INK, LINE, MUTED, REGULAR

__all__ = [
    "PAGE_SIZES",
    "FrameSize",
    "ProtocolDocument",
    "define_page_number",
    "end_form",
    "form_name",
    "frame_size",
    "mark_for_outline",
]

PAGE_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}

MARGIN_SIDE = 18 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 20 * mm
_FOOTER_FONT_SIZE = 7.5


@dataclass(frozen=True)
class FrameSize:
    """The room for flowables on one page."""

    width: float
    height: float


def frame_size(pagesize: tuple[float, float], *, wide: bool = False) -> FrameSize:
    """The frame of a portrait page (or, with ``wide``, of a landscape page)."""
    width, height = landscape(pagesize) if wide else pagesize
    # Frame's default padding is 6 pt on every side.
    return FrameSize(width - 2 * MARGIN_SIDE - 12, height - MARGIN_TOP - MARGIN_BOTTOM - 12)


def mark_for_outline(flowable: Flowable, title: str, level: int = 0) -> Flowable:
    """Have ``flowable`` start an entry in the PDF outline (the viewer's bookmarks)."""
    flowable._outline = (title, level)
    return flowable


_FORM_BOX = (-60.0, -4.0, 2.0, 12.0)


def form_name(key: str) -> str:
    return f"page-of-{key}"


def define_page_number(canvas: Canvas, key: str, size: float = 9.5) -> None:
    """Fill in the form that the contents drew for ``key``: the current page number."""
    canvas.beginForm(form_name(key), *_FORM_BOX)
    canvas.setFont(REGULAR, size)
    canvas.setFillColor(INK)
    canvas.drawRightString(0, 0, str(canvas.getPageNumber()))
    canvas.endForm()


class _FastFlate:
    """reportlab's FlateDecode filter at zlib's fastest level."""

    pdfname = "FlateDecode"

    def encode(self, data: bytes) -> bytes:
        return zlib.compress(data, 1)

    def decode(self, data: bytes) -> bytes:
        return zlib.decompress(data)


def end_form(canvas: Canvas) -> None:
    """``canvas.endForm()`` with the form's stream written as it is, compressed quickly.

    A thousand-node map's form is megabytes of path operators, all ASCII:
    reportlab would pass them through its PDFDocEncoding codec (a tenth of
    a second) and compress them at zlib's default level (a fifth), where
    the fastest level makes the file a fifth larger in a sixth of the time.
    """
    code, canvas._code = canvas._code, []
    content = "\n".join([canvas._preamble, *code]).encode("ascii")
    canvas.endForm(Contents=PDFStream(content=content, filters=[_FastFlate()]), compression=0)


def _numbered_canvas(footer_left: str, page_text: Callable[[int, int], str]) -> type[Canvas]:
    """A canvas class that writes the footers once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Without this every page would name Helvetica, a font that is never embedded.
            kwargs["initialFontName"] = REGULAR
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                if self._pageNumber > 1:
                    self._draw_footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_footer(self, total: int) -> None:
            width = self._pagesize[0]
            y = MARGIN_BOTTOM - 9 * mm
            self.saveState()
            self.setStrokeColor(LINE)
            self.setLineWidth(0.5)
            self.line(MARGIN_SIDE, y + 10, width - MARGIN_SIDE, y + 10)
            self.setFillColor(MUTED)
            draw_text(
                self, MARGIN_SIDE, y, _fit(footer_left, width * 0.6), REGULAR, _FOOTER_FONT_SIZE
            )
            self.setFont(REGULAR, _FOOTER_FONT_SIZE)
            self.drawRightString(width - MARGIN_SIDE, y, page_text(self._pageNumber, total))
            self.restoreState()

    return NumberedCanvas


def _fit(text: str, width: float) -> str:
    if text_width(text, REGULAR, _FOOTER_FONT_SIZE) <= width:
        return text
    while text and text_width(text + "…", REGULAR, _FOOTER_FONT_SIZE) > width:
        text = text[: max(0, len(text) - max(1, len(text) // 10))]
    return text + "…"


def _title_band(canvas: Canvas, doc: BaseDocTemplate) -> None:
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
    canvas.restoreState()


class ProtocolDocument(BaseDocTemplate):
    """The protocol's document template.

    Parameters
    ----------
    path
        Where the PDF is written: a file name or a binary file object.
    pagesize
        ``"a4"`` or ``"letter"`` (portrait size; landscape pages turn it).
    metadata
        ``title``, ``author`` and ``subject`` of the PDF's document information.
    footer
        The footer's left text (title and date).
    _
        The protocol's translator, for "Page 3 of 9".
    """

    def __init__(
        self,
        path: str | BinaryIO,
        pagesize: tuple[float, float],
        metadata: dict[str, str],
        footer: str,
        _: Translator,
    ) -> None:
        super().__init__(
            path,
            pagesize=pagesize,
            leftMargin=MARGIN_SIDE,
            rightMargin=MARGIN_SIDE,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=metadata["title"],
            author=metadata["author"],
            subject=metadata["subject"],
            creator="Responsibility Map",
            lang=metadata.get("lang"),
        )
        self._canvasmaker = _numbered_canvas(
            footer, lambda page, pages: _("Page {page} of {pages}").format(page=page, pages=pages)
        )
        self.addPageTemplates(
            [
                self._template("title", pagesize, _title_band),
                self._template("portrait", pagesize),
                self._template("landscape", landscape(pagesize)),
            ]
        )

    def _template(
        self,
        name: str,
        size: tuple[float, float],
        on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
    ) -> PageTemplate:
        width, height = size
        frame = Frame(
            MARGIN_SIDE,
            MARGIN_BOTTOM,
            width - 2 * MARGIN_SIDE,
            height - MARGIN_TOP - MARGIN_BOTTOM,
            id=name,
        )
        if on_page is None:
            return PageTemplate(name, [frame], pagesize=size)
        return PageTemplate(name, [frame], onPage=on_page, pagesize=size)

    def build_story(self, story: list[Flowable]) -> None:
        """Lay out ``story`` and write the file."""
        # Compressed streams stay binary instead of ASCII85 text: a quarter
        # smaller, and reportlab's pure-Python encoder took a fifth of the
        # time of a big export. The setting is global, so it is restored.
        previous = rl_config.useA85
        rl_config.useA85 = 0
        try:
            self.build(story, canvasmaker=self._canvasmaker)
        finally:
            rl_config.useA85 = previous

    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "_toc_key", None)
        if key is not None:
            define_page_number(self.canv, key)
        outline = getattr(flowable, "_outline", None)
        if outline is None:
            return
        title, level = outline
        key = f"section-{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=True)
