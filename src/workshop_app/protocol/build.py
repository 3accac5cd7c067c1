"""Build the protocol model from a session: the one place that decides the content.

:data:`SECTIONS` lists the section builders in the order the sections
appear. A builder takes the :class:`~workshop_app.protocol.facts.Facts`
and returns a :class:`~workshop_app.protocol.model.Section`, or ``None``
when it has nothing to say (no agenda without phases). To add a section,
write a builder in its own module of this package and put it in
:data:`SECTIONS` where the reader should meet it; both renderers (PDF and
DOCX) then print it, with a contents entry and a bookmark.

Pure Python: nothing here imports reportlab or python-docx.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import Session
from workshop_app.i18n import translator
from workshop_app.protocol import actions, appendix, escalation, findings, glossary, summary
from workshop_app.protocol._de import GERMAN
from workshop_app.protocol.cases import cases_section, delegation_section
from workshop_app.protocol.facts import Facts
from workshop_app.protocol.model import Figure, Paragraph, Protocol, Section
from workshop_app.protocol.priorities import priorities_section
from workshop_app.protocol.roles import raci_section, roles_section
from workshop_app.protocol.since import since_section
from workshop_app.protocol.spaces import decision_spaces_section
from workshop_app.protocol.voting import voting_section
from workshop_app.protocol.words import format_date

__all__ = ["SECTIONS", "SectionBuilder", "build_protocol", "map_section"]

SectionBuilder = Callable[[Facts], Section | None]


def map_section(facts: Facts) -> Section:
    """The map as a figure on its own landscape pages."""
    _, graph = facts._, facts.graph
    if graph.number_of_nodes() == 0:
        return Section("map", _("Map"), (Paragraph(_("The map is empty.")),))
    caption = _("{nodes}, {edges}.").format(
        nodes=facts.n_(graph.number_of_nodes(), "node"),
        edges=facts.n_(graph.number_of_edges(), "relation"),
    )
    if facts.large:
        caption += " " + _(
            "On paper a map this large shows its structure; the window shows every detail,"
            " and File → Export map as PNG/SVG gives it as an image."
        )
        figure = Figure("map-overview", caption)
    else:
        figure = Figure("map", caption)
    return Section("map", _("Map"), (figure,), landscape=True, new_page=True)


#: The sections in reading order. The appendix builders come last: they print
#: what the sections before them set aside.
SECTIONS: tuple[SectionBuilder, ...] = (
    summary.summary_section,
    summary.agenda_section,
    summary.contents_section,
    since_section,
    map_section,
    priorities_section,
    voting_section,
    raci_section,
    roles_section,
    decision_spaces_section,
    delegation_section,
    escalation.escalation_section,
    cases_section,
    findings.findings_section,
    actions.actions_section,
    glossary.relation_notes_section,
    appendix.full_lists_section,
    appendix.long_texts_section,
    glossary.glossary_section,
)


def build_protocol(
    session: Session,
    language: str | None = None,
    *,
    today: dt.date | None = None,
    previous: Session | None = None,
) -> Protocol:
    """The protocol of ``session`` in ``language`` (the session's by default).

    ``today`` decides which actions are overdue; the current date by default.
    ``previous``, the last workshop's session, adds "Since the last workshop".
    """
    language = session.language_for(language)
    _ = translator(GERMAN, language)
    facts = Facts(
        session=session,
        language=language,
        _=_,
        findings=find_ambiguities(session, language),
        today=today or dt.date.today(),
        previous=previous,
    )
    sections = [section for build in SECTIONS if (section := build(facts)) is not None]
    meta = session.meta
    title = str(meta.get("title") or _("Responsibility workshop"))
    client = str(meta.get("client") or "")
    date = meta.get("date")
    return Protocol(
        language=language,
        title=title,
        sections=tuple(sections),
        author=str(meta.get("facilitator") or ""),
        subject=(
            _("Workshop protocol for {client}").format(client=client)
            if client
            else _("Workshop protocol")
        ),
        footer=f"{title} · {format_date(date, language)}" if date else title,
    )
