"""The agreed actions: owner, due date (overdue ones marked) and the finding each takes up.

An action takes up a finding when it says so (``finding: {code, subjects}``,
written when the window makes an action from a finding) or, for actions
made before that field existed, when its text is the finding's sentence.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from workshop_app.analysis import Finding
from workshop_app.domain import review_key
from workshop_app.protocol.facts import DASH, Facts
from workshop_app.protocol.findings import subject_phrase
from workshop_app.protocol.model import Cell, Column, Paragraph, Section, Table, table
from workshop_app.protocol.words import action_status, as_date, finding_title, is_finished

__all__ = ["actions_section", "linked_finding", "next_steps", "owner_label"]


def owner_label(facts: Facts, value: object) -> str:
    """The owner's label when the owner is a node id, else the text as written."""
    if value in (None, ""):
        return DASH
    text = str(value)
    return facts.label(text) if text in facts.graph else text


def linked_finding(facts: Facts, action: dict[str, Any]) -> Finding | None:
    """The finding ``action`` takes up, if it still occurs."""
    link = action.get("finding")
    if isinstance(link, dict):
        wanted = review_key(link.get("code"), link.get("subjects") or [])
        return next((finding for finding in facts.findings if finding.key == wanted), None)
    text = str(action.get("text") or "").strip()
    return next((f for f in facts.findings if f.message == text), None)


def _link_note(facts: Facts, action: dict[str, Any]) -> str:
    _ = facts._
    finding = linked_finding(facts, action)
    if finding is not None:
        if finding.message == str(action.get("text") or "").strip():
            return _("Takes up an open finding.")
        title = finding_title(finding.code, _) or finding.message
        return _("Takes up: {finding}").format(
            finding=f"{subject_phrase(facts, finding)} ({title})"
        )
    if isinstance(action.get("finding"), dict):
        return _("The finding it takes up no longer occurs.")
    return ""


def overdue(facts: Facts, action: dict[str, Any]) -> bool:
    due = as_date(action.get("due"))
    return due is not None and due < facts.today and not is_finished(action)


def _due_cell(facts: Facts, action: dict[str, Any]) -> Cell:
    due = action.get("due")
    if due in (None, ""):
        return Cell(DASH)
    if overdue(facts, action):
        return Cell(facts.date(due), (facts._("overdue"),), strong=True, tone="alert")
    return Cell(facts.date(due))


def _row(facts: Facts, number: int, action: dict[str, Any]) -> list[Cell | str]:
    _ = facts._
    about = f"{_('Action')} {number}"
    details = (
        facts.brief(action.get("notes"), f"{about} · {_('Notes')}"),
        _link_note(facts, action),
    )
    return [
        str(number),
        Cell(facts.brief(action.get("text", ""), about), tuple(d for d in details if d)),
        owner_label(facts, action.get("owner")),
        _due_cell(facts, action),
        action_status(action.get("status"), _),
    ]


def _table(facts: Facts, rows: list[list[Cell | str]]) -> Table:
    _ = facts._
    columns = (
        Column("#", 0.06, centred=True),
        Column(_("Action"), 0.46),
        Column(_("Owner"), 0.2),
        Column(_("Due"), 0.15),
        Column(_("Status"), 0.13),
    )
    return table(columns, rows)


def _due_key(facts: Facts, item: tuple[int, dict[str, Any]]) -> tuple[dt.date, int]:
    due = as_date(item[1].get("due"))
    return (due or dt.date.max, item[0])


def next_steps(facts: Facts, limit: int) -> tuple[Table | None, int]:
    """The open actions by due date (overdue first), at most ``limit``; and how many there are."""
    numbered = [(n, a) for n, a in enumerate(facts.session.actions, start=1) if not is_finished(a)]
    numbered.sort(key=lambda item: _due_key(facts, item))
    if not numbered:
        return None, 0
    rows = [_row(facts, number, action) for number, action in numbered[:limit]]
    return _table(facts, rows), len(numbered)


def actions_section(facts: Facts) -> Section:
    """Every agreed action in the group's order, with owner, due date and status."""
    _ = facts._
    actions = facts.session.actions
    if not actions:
        return Section("actions", _("Agreed actions"), (Paragraph(_("No actions were agreed.")),))
    rows = [_row(facts, number, action) for number, action in enumerate(actions, start=1)]
    return Section("actions", _("Agreed actions"), (_table(facts, rows),))
