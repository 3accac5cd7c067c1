"""Since the last workshop: what the group resolved, what is new, what stayed open.

Printed when the protocol is made with the previous workshop's session
(``workshop-app export … --since OLD.yaml``, or the window's export dialog).
It answers the first question of a follow-up workshop: what has changed
since last time — and what did we agree that still hasn't happened? In
words for a client: labels and sentences, no ids or rule codes.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import zip_longest
from typing import Any

from workshop_app.compare import Changes, SessionDiff, compare_sessions, describe
from workshop_app.compare.diff import action_keys
from workshop_app.compare.entries import Entry
from workshop_app.domain import NodeKind, Session
from workshop_app.protocol.actions import overdue, owner_label
from workshop_app.protocol.facts import DASH, Facts
from workshop_app.protocol.model import (
    Block,
    Cell,
    Column,
    Heading,
    Item,
    ItemList,
    Note,
    Paragraph,
    Section,
    Span,
    Table,
    Text,
    plain_text,
)
from workshop_app.protocol.words import is_finished

__all__ = ["SHOWN_AT_MOST", "since_section"]

#: A list longer than this shows its first entries and counts the rest (full list in the appendix).
SHOWN_AT_MOST = 12


def since_section(facts: Facts) -> Section | None:
    """The section, or ``None`` when no previous session was given."""
    previous = facts.previous
    if previous is None:
        return None
    _ = facts._
    findings = (None, facts.findings)
    diff = compare_sessions(previous, facts.session, facts.language, findings=findings)
    blocks: list[Block] = [Paragraph(_intro(facts, previous, diff), style="lead")]
    if not diff:
        blocks.append(Paragraph(_("Nothing on the map has changed since then.")))
    blocks += _findings(facts, diff)
    blocks += _priorities(facts, diff)
    blocks += _guardrails(facts, diff)
    blocks += _actions(facts, previous)
    blocks += _map_counts(facts, diff)
    return Section("since", _("Since the last workshop"), tuple(blocks))


def _intro(facts: Facts, previous: Session, diff: SessionDiff) -> str:
    _, n_ = facts._, facts.n_
    date = previous.meta.get("date")
    compared = (
        _("Compared with the workshop of {date}").format(date=facts.date(date))
        if date
        else _("Compared with the previous workshop")
    )
    resolved, new = len(diff.resolved), len(diff.new_findings)
    if resolved and new:
        template = _("{resolved} resolved, {new} new")
    elif resolved:
        template = _("{resolved} resolved, no new ones")
    elif new:
        template = _("none resolved, {new} new")
    else:
        template = _("no finding resolved and none new")
    counts = template.format(resolved=n_(resolved, "finding"), new=n_(new, "finding"))
    return f"{compared}: {counts}."


def _items(facts: Facts, title: str, texts: list[Text]) -> list[Block]:
    """A list under a heading; a long one shortened, in full in the appendix."""
    if not texts:
        return []
    blocks: list[Block] = [Heading(title)]
    shown = texts if len(texts) <= SHOWN_AT_MOST else texts[:SHOWN_AT_MOST]
    blocks.append(ItemList(tuple(Item(text) for text in shown)))
    if len(shown) < len(texts):
        facts.full_lists.append((title, [plain_text(text) for text in texts]))
        blocks.append(
            Note(
                facts._("And {more} more (full list in the appendix, list {number}).").format(
                    more=len(texts) - len(shown), number=len(facts.full_lists)
                )
            )
        )
    return blocks


def _findings(facts: Facts, diff: SessionDiff) -> list[Block]:
    _ = facts._
    resolved = sorted(diff.resolved, key=lambda f: f.sort_key())
    new = sorted(diff.new_findings, key=lambda f: f.sort_key())
    return [
        *_items(facts, _("Findings resolved"), [f.message for f in resolved]),
        *_items(facts, _("New findings"), [f.message for f in new]),
    ]


def _priorities(facts: Facts, diff: SessionDiff) -> list[Block]:
    """The order before and now, side by side, when it changed."""
    _ = facts._
    if diff.order_before == diff.order_after:
        return []
    rows = []
    pairs = zip_longest(diff.order_before, diff.order_after)
    for place, (before, now) in enumerate(pairs, start=1):
        moved = before != now
        rows.append(
            (
                Cell(str(place), centred=True),
                Cell(diff.old.label(before) if before else DASH, tone="muted" if moved else None),
                Cell(diff.new.label(now) if now else DASH, strong=moved),
            )
        )
    columns = (Column(_("Place"), 0.5, centred=True), Column(_("Before"), 3), Column(_("Now"), 3))
    return [
        Heading(_("Priorities")),
        Table(columns, tuple(rows)),
        Note(_("Places in bold changed since the last workshop.")),
    ]


def _guardrails(facts: Facts, diff: SessionDiff) -> list[Block]:
    """Guardrails added, removed or reworded, and what they limit now or no longer."""
    entries = [e for e in describe(diff, facts.language) if _about_guardrail(e, diff)]
    _ = facts._
    changes = {"added": _("New:"), "removed": _("Removed:"), "changed": _("Changed:")}
    texts: list[Text] = [(Span(changes[e.change], strong=True), " ", e.text) for e in entries]
    return _items(facts, _("Guardrails"), texts)


def _about_guardrail(entry: Entry, diff: SessionDiff) -> bool:
    if entry.section not in ("nodes", "edges"):
        return False
    session = diff.old if entry.change == "removed" else diff.new
    kinds = {session.graph.nodes[n].get("kind") for n in entry.nodes if n in session.graph}
    return NodeKind.GUARDRAIL in kinds


def _actions(facts: Facts, previous: Session) -> list[Block]:
    """Actions agreed before: done since, and still open (overdue ones marked)."""
    _ = facts._
    before = {k: a for k, a in action_keys(previous.actions).items() if not is_finished(a)}
    now = action_keys(facts.session.actions)
    done = [a for k, a in before.items() if k in now and is_finished(now[k])]
    still_open = [now[k] for k in before if k in now and not is_finished(now[k])]
    dropped = [a for k, a in before.items() if k not in now]
    return [
        *_items(facts, _("Actions done since"), [_action(facts, a) for a in done]),
        *_items(facts, _("Actions still open"), [_action(facts, a, True) for a in still_open]),
        *_items(facts, _("Actions no longer listed"), [_action(facts, a) for a in dropped]),
    ]


def _action(facts: Facts, action: dict[str, Any], still_open: bool = False) -> Text:
    _ = facts._
    text = str(action.get("text") or DASH)
    parts: list[Span | str] = [text]
    owner = action.get("owner")
    if owner not in (None, ""):
        parts.append(" · " + _("owner: {owner}").format(owner=owner_label(facts, owner)))
    due = action.get("due")
    if still_open and due not in (None, ""):
        parts.append(" · " + _("due {date}").format(date=facts.date(due)))
        if overdue(facts, action):
            parts += [" ", Span(_("overdue"), strong=True, tone="alert")]
    return tuple(parts)


def _map_counts(facts: Facts, diff: SessionDiff) -> list[Block]:
    """The rest of the map's changes, counted: the window's comparison lists each one."""
    _, n_ = facts._, facts.n_
    groups = [
        _changed_counts(facts, diff.nodes, lambda count: n_(count, "node")),
        _changed_counts(facts, diff.edges, lambda count: n_(count, "relation")),
    ]
    groups = [group for group in groups if group]
    if not groups:
        return []
    return [Note(_("On the map: {changes}.").format(changes="; ".join(groups)))]


def _changed_counts(facts: Facts, changes: Changes[Any], counted: Callable[[int], str]) -> str:
    """ "2 nodes added, 1 node changed": the kinds of change that happened, counted."""
    _ = facts._
    templates = (_("{count} added"), _("{count} removed"), _("{count} changed"))
    counts = (len(changes.added), len(changes.removed), len(changes.changed))
    return ", ".join(
        template.format(count=counted(count))
        for template, count in zip(templates, counts, strict=True)
        if count
    )
