"""Write the protocol: build the model, render it as PDF (or DOCX), replace the file at once."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from workshop_app.domain import Session
from workshop_app.fileformat.atomic import write_atomic
from workshop_app.i18n import translator
from workshop_app.protocol._de import GERMAN
from workshop_app.protocol.build import build_protocol
from workshop_app.protocol.document import PAGE_SIZES, ProtocolDocument, frame_size
from workshop_app.protocol.fonts import unsupported
from workshop_app.protocol.model import Protocol
from workshop_app.protocol.pdf import render_story
from workshop_app.protocol.styles import Styles

__all__ = ["export_protocol", "write_pdf"]

Progress = Callable[[float], None]

# Share of the work done before reportlab lays out the pages (layout, analysis).
_PREPARED = 0.2


def _page_size(pagesize: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[pagesize.casefold()]
    except (KeyError, AttributeError):
        raise ValueError(f"pagesize must be 'A4' or 'Letter', not {pagesize!r}") from None


def export_protocol(
    session: Session,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    pagesize: str = "A4",
    progress: Progress | None = None,
    today: dt.date | None = None,
    previous: Session | None = None,
) -> list[str]:
    """Write the session's workshop protocol (PDF, or Word for a ``.docx`` path).

    Return the characters it cannot show.

    Parameters
    ----------
    session : Session
        The workshop; it is only read.
    path : str or path-like
        The file to write: a Word document (editable) when it ends in ``.docx``,
        else a PDF. It is replaced only once the new protocol is
        complete, so a failed export leaves an older file as it was.
    language : {"de", "en"}, optional
        Language of headings, tables and findings; the session's by default.
    pagesize : {"A4", "Letter"}
        Paper size, case-insensitive.
    progress : callable, optional
        Called with the fraction done, from 0.0 to 1.0, for a progress bar.
    today : date, optional
        The day that decides which actions are overdue; the current date by default.
    previous : Session, optional
        The last workshop's session: the protocol then says what changed since.

    Returns
    -------
    list of str
        The characters of the session that no bundled font has (most emoji):
        they print as gaps. Empty when everything prints.

    Raises
    ------
    ValueError
        For an unknown language or page size.
    OSError
        When the file cannot be written.
    """
    report = progress or (lambda fraction: None)
    language = session.language_for(language)
    size = _page_size(pagesize)
    report(0.0)
    with _cycle_collector_paused():
        protocol = build_protocol(session, language, today=today, previous=previous)
        report(_PREPARED / 2)
        if Path(path).suffix.casefold() == ".docx":
            from workshop_app.protocol.word import write_docx

            _ = translator(GERMAN, language)
            note = _(
                "The map is in the PDF protocol; File → Export map as PNG/SVG gives it as an image."
            )
            data = write_docx(protocol, _("Page {page} of {pages}"), note)
        else:
            data = write_pdf(protocol, session, size, _layout_progress(report))
    # Atomic and durable like a save: a reader never sees half a document.
    write_atomic(path, data, keep_backup=False)
    report(1.0)
    labels = (str(label) for _node, label in session.graph.nodes(data="label"))
    return unsupported([*protocol.texts(), *labels])


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the protocol is made.

    A thousand-node map's export makes hundreds of thousands of tuples and
    strings (routes, path operators), none of them in a cycle, yet they set
    off full collections that walk every live object, the session's graph
    included: a fifth of the export's time. The cycles the export leaves are
    collected once it is done. Process-wide, like the collector itself: an
    export on a worker thread pauses it for the window too, for that while.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def write_pdf(
    protocol: Protocol,
    session: Session,
    size: tuple[float, float],
    on_layout: Callable[[str, int], None] | None = None,
) -> bytes:
    """The PDF of ``protocol`` on paper of ``size`` (portrait width, height)."""
    styles = Styles.create()
    story = render_story(protocol, session, styles, frame_size(size), frame_size(size, wide=True))
    metadata = {
        "title": protocol.title,
        "author": protocol.author,
        "subject": protocol.subject,
        "lang": protocol.language,
    }
    pdf = io.BytesIO()
    _ = translator(GERMAN, protocol.language)
    document = ProtocolDocument(pdf, size, metadata, protocol.footer, _)
    if on_layout is not None:
        document.setProgressCallBack(on_layout)
    document.build_story(story)
    return pdf.getvalue()


def _layout_progress(report: Progress) -> Callable[[str, int], None]:
    """Turn reportlab's flowable counts into fractions between ``_PREPARED`` and 0.98."""
    total, done = [1], [0.0]

    def on_progress(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            total[0] = max(1, value)
        elif kind == "PROGRESS":
            # A flowable split across pages counts twice: never let the bar run back.
            done[0] = max(done[0], min(1.0, value / total[0]))
            report(_PREPARED + (0.98 - _PREPARED) * done[0])

    return on_progress
