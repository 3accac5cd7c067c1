"""The front of the protocol: the summary page, the agenda and the contents.

The summary is what a busy reader reads: who met and when, then
*Decisions* (settled conflicts, the agreed order, accepted findings with
their notes), *Open points* (the five most important, in client words) and
*Next steps* (open actions with owner and due date, overdue ones marked).
Each list is kept short; the sections behind it hold the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from workshop_app.protocol.actions import next_steps
from workshop_app.protocol.facts import DASH, Facts
from workshop_app.protocol.findings import groups, open_points, subject_phrase
from workshop_app.protocol.model import (
    Block,
    Cell,
    Column,
    Contents,
    Heading,
    Item,
    ItemList,
    Note,
    Paragraph,
    Section,
    Span,
    TitleBlock,
    table,
)
from workshop_app.protocol.priorities import conflicts, priority_order, settled_sentence
from workshop_app.protocol.words import finding_title
from workshop_app.templates import session_phases

__all__ = ["agenda_section", "contents_section", "summary_section"]

#: At most this many entries per list on the summary page.
SUMMARY_DECISIONS = 6
SUMMARY_OPEN_POINTS = 5
SUMMARY_STEPS = 6
#: The agreed order names at most this many priorities on the summary page.
SUMMARY_ORDER = 8


def _participants(value: Any) -> list[str]:
    """ "B. Muster (Teamleitung)" for each participant that has a name or a role."""
    if not isinstance(value, list):
        return []
    people = []
    for entry in value:
        if not isinstance(entry, dict):
            continue
        name, role = str(entry.get("name") or "").strip(), str(entry.get("role") or "").strip()
        if name and role:
            people.append(f"{name} ({role})")
        elif name or role:
            people.append(name or role)
    return people


def _facts_table(facts: Facts) -> Block:
    _, meta = facts._, facts.session.meta
    rows = [
        [_("Date"), facts.date(meta["date"]) if meta.get("date") else DASH],
        [_("Client"), str(meta.get("client") or DASH)],
        [_("Facilitator"), str(meta.get("facilitator") or DASH)],
    ]
    people = _participants(meta.get("participants"))
    if people:
        label = _("Participant") if len(people) == 1 else _("Participants")
        rows.append([label, ", ".join(people)])
    return table((Column("", 0.22), Column("", 0.78)), rows, header=False, label_column=True)


def _order_item(facts: Facts) -> Item | None:
    ordered, _unplaced = priority_order(facts)
    if len(ordered) < 2:
        return None
    _ = facts._
    places: dict[int, list[str]] = {}
    for place, node in ordered:
        places.setdefault(place, []).append(facts.label(node))
    parts = [f"{place}.\u00a0{' / '.join(labels)}" for place, labels in places.items()]
    shown = parts[:SUMMARY_ORDER]
    if len(parts) > len(shown):
        shown.append(_("… (the full order under “Priorities”)"))
    return Item((Span(_("Agreed order of priorities:"), strong=True), " " + " · ".join(shown)))


def decisions(facts: Facts) -> list[Item]:
    """The order, settled conflicts and accepted findings, most telling first."""
    _ = facts._
    items: list[Item] = []
    order = _order_item(facts)
    if order is not None:
        items.append(order)
    for conflict in conflicts(facts):
        if conflict.first is not None:
            items.append(Item(settled_sentence(facts, conflict), conflict.notes))
    accepted = [f for f in facts.findings if f.accepted]
    for group in groups(accepted):
        title = finding_title(group.code, _)
        for finding in group.findings:
            text = f"{subject_phrase(facts, finding)} ({title})" if title else finding.message
            about = f"{subject_phrase(facts, finding)} · {_('Review')}"
            note = facts.brief(finding.note, about)
            lead = Span(_("Accepted as it is:"), strong=True)
            items.append(Item((lead, " " + text), (note,) if note else ()))
    if len(items) > SUMMARY_DECISIONS:
        more = len(items) - SUMMARY_DECISIONS + 1
        items = items[: SUMMARY_DECISIONS - 1]
        items.append(
            Item(_("… and {more} more under “Priorities” and “Findings”.").format(more=more))
        )
    return items


def summary_section(facts: Facts) -> Section:
    """The first page: title, facts, decisions, open points and next steps."""
    _, meta = facts._, facts.session.meta
    title = str(meta.get("title") or _("Responsibility workshop"))
    blocks: list[Block] = [
        TitleBlock(_("Workshop protocol"), title, str(meta.get("client") or "")),
        _facts_table(facts),
        Heading(_("Decisions")),
    ]
    found = decisions(facts)
    blocks.append(ItemList(tuple(found)) if found else Paragraph(_("No decisions were recorded.")))
    blocks.append(Heading(_("Open points")))
    points = open_points(facts, SUMMARY_OPEN_POINTS)
    blocks.append(
        ItemList(tuple(points), numbered=True)
        if points
        else Paragraph(_("The map leaves nothing open."))
    )
    blocks.append(Heading(_("Next steps")))
    steps, count = next_steps(facts, SUMMARY_STEPS)
    if steps is None:
        blocks.append(Paragraph(_("No open actions.")))
    else:
        blocks.append(steps)
        if count > SUMMARY_STEPS:
            more = _("The other {actions} are listed under “Agreed actions”.")
            blocks.append(Note(more.format(actions=facts.n_(count - SUMMARY_STEPS, "action"))))
    return Section("summary", _("Summary"), tuple(blocks), numbered=False, heading=False)


_CLOCK = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def _start(meta: dict[str, Any]) -> dt.datetime | None:
    match = _CLOCK.match(str(meta.get("start") or ""))
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return dt.datetime(2000, 1, 1, int(match[1]), int(match[2]))


def _clock(moment: dt.datetime, elapsed: bool) -> str:
    if elapsed:
        minutes = (moment - dt.datetime(2000, 1, 1)).seconds // 60
        return f"{minutes // 60}:{minutes % 60:02d}"
    return moment.strftime("%H:%M")


def agenda_section(facts: Facts) -> Section | None:
    """The workshop's phases with their times, when the session has its own phases."""
    if not facts.session.meta.get("phases"):
        return None
    _ = facts._
    start = _start(facts.session.meta)
    moment = start or dt.datetime(2000, 1, 1)
    rows = []
    for phase in session_phases(facts.session):
        end = moment + dt.timedelta(minutes=phase.minutes)
        times = f"{_clock(moment, start is None)}\u2013{_clock(end, start is None)}"
        rows.append([times, Cell(phase.title, phase.questions), f"{phase.minutes}\u00a0min"])
        moment = end
    columns = (Column(_("Time"), 0.16), Column(_("Phase"), 0.7), Column(_("Duration"), 0.14))
    blocks: list[Block] = [table(columns, rows)]
    if start is None:
        blocks.insert(0, Note(_("Times from the start of the workshop.")))
    return Section("agenda", _("Agenda"), tuple(blocks), numbered=False, new_page=True)


def contents_section(facts: Facts) -> Section:
    return Section(
        "contents", facts._("Contents"), (Contents(facts._("Contents")),), numbered=False
    )
