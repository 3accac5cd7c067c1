"""Assemble the protocol and write it: the implementation of ``export_protocol``."""

from __future__ import annotations

import contextlib
import io
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import NextPageTemplate, PageBreak
from reportlab.platypus.flowables import Flowable

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import LANGUAGES, Session
from workshop_app.i18n import translator
from workshop_app.layout import auto_layout
from workshop_app.layout.layers import stored_position
from workshop_app.protocol import appendix, escalation, mappages, outcomes, sections
from workshop_app.protocol._de import GERMAN
from workshop_app.protocol.context import ProtocolContext, format_date
from workshop_app.protocol.document import PAGE_SIZES, ProtocolDocument, frame_size
from workshop_app.protocol.raci import raci_flowables
from workshop_app.protocol.scene import MapScene
from workshop_app.protocol.styles import Styles

__all__ = ["export_protocol", "map_positions"]

Progress = Callable[[float], None]

# Share of the work done before reportlab lays out the pages (layout, analysis).
_PREPARED = 0.2


def map_positions(session: Session) -> dict[str, tuple[float, float]]:
    """Node centres for the figure: saved positions, the auto-layout for the rest."""
    positions = {}
    for node, data in session.graph.nodes(data=True):
        position = stored_position(data)
        if position is not None:
            positions[node] = position
    if len(positions) < session.graph.number_of_nodes():
        layout = auto_layout(session)
        for node in session.graph.nodes:
            positions.setdefault(node, tuple(map(float, layout[node])))
    return positions


def _language(session: Session, language: str | None) -> str:
    if language is None:
        return session.language
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


def _page_size(pagesize: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[pagesize.casefold()]
    except (KeyError, AttributeError):
        raise ValueError(f"pagesize must be 'A4' or 'Letter', not {pagesize!r}") from None


def _story(ctx: ProtocolContext) -> list[Flowable]:
    _ = ctx._
    scene = MapScene(ctx.session, ctx.positions)
    return [
        NextPageTemplate("landscape"),
        *sections.title_page(ctx),
        PageBreak(),
        *mappages.map_flowables(
            scene, ctx.landscape, ctx.styles, _, ctx.heading(_("Map")), ctx.language
        ),
        NextPageTemplate("portrait"),
        PageBreak(),
        *sections.priorities(ctx),
        NextPageTemplate("landscape"),
        PageBreak(),
        ctx.heading(_("RACI matrix")),
        *raci_flowables(ctx.session, ctx.landscape.width, ctx.styles, _),
        *sections.decision_spaces(ctx),
        *sections.guardrails(ctx),
        NextPageTemplate("portrait"),
        PageBreak(),
        *escalation.escalation_paths(ctx),
        *outcomes.findings(ctx),
        *outcomes.actions(ctx),
        # Last: it holds the long texts that the sections above set aside.
        *appendix.appendix(ctx),
    ]


def _metadata(session: Session, language: str, title: str) -> dict[str, str]:
    _ = translator(GERMAN, language)
    meta = session.meta
    client = str(meta.get("client") or "")
    subject = _("Workshop protocol")
    if client:
        subject = _("Workshop protocol for {client}").format(client=client)
    return {
        "title": title,
        "author": str(meta.get("facilitator") or ""),
        "subject": subject,
        "lang": language,
    }


def export_protocol(
    session: Session,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    pagesize: str = "A4",
    progress: Progress | None = None,
) -> None:
    """Write the session's workshop protocol as a PDF.

    Parameters
    ----------
    session : Session
        The workshop; it is only read.
    path : str or path-like
        The PDF to write. It is replaced only once the new protocol is
        complete, so a failed export leaves an older file as it was.
    language : {"de", "en"}, optional
        Language of headings, tables and findings; the session's by default.
    pagesize : {"A4", "Letter"}
        Paper size, case-insensitive.
    progress : callable, optional
        Called with the fraction done, from 0.0 to 1.0, for a progress bar.

    Raises
    ------
    ValueError
        For an unknown language or page size.
    OSError
        When the file cannot be written.
    """
    report = progress or (lambda fraction: None)
    language = _language(session, language)
    size = _page_size(pagesize)
    report(0.0)
    _ = translator(GERMAN, language)
    ctx = ProtocolContext(
        session=session,
        language=language,
        _=_,
        styles=Styles.create(),
        findings=find_ambiguities(session, language),
        positions=map_positions(session),
        portrait=frame_size(size),
        landscape=frame_size(size, wide=True),
    )
    report(_PREPARED / 2)
    story = _story(ctx)
    report(_PREPARED)
    title = str(session.meta.get("title") or _("Responsibility workshop"))
    date = session.meta.get("date")
    footer = f"{title} · {format_date(date, language)}" if date else title
    pdf = io.BytesIO()
    document = ProtocolDocument(pdf, size, _metadata(session, language, title), footer, _)
    document.setProgressCallBack(_layout_progress(report))
    document.build_story(story)
    _replace(Path(path), pdf.getvalue())
    report(1.0)


def _replace(target: Path, data: bytes) -> None:
    """Put ``data`` in place of ``target`` at once: a reader never sees half a PDF."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        # open() creates the file with the user's usual permissions (umask).
        with open(temporary, "xb") as file:
            file.write(data)
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


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
