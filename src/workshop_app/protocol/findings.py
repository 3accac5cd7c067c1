"""Findings for a client: grouped by kind, most important first, with the group's reviews.

A kind with few findings lists each with its own sentence; a kind with many
becomes one entry ("Nobody is accountable — 98 responsibilities: …") whose
full list goes to the appendix. Reviews whose finding no longer occurs are
listed as resolved, with the group's note. No rule code is printed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from workshop_app.analysis import Finding, Severity
from workshop_app.domain import NodeKind, review_key
from workshop_app.protocol.facts import Facts
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
    table,
)
from workshop_app.protocol.words import CODE_ORDER, finding_title, severity_plural

__all__ = [
    "FindingGroup",
    "findings_section",
    "groups",
    "open_points",
    "resolved_reviews",
    "subject_phrase",
]

#: A kind with more findings than this is shown as one grouped entry.
GROUP_ABOVE = 3


@dataclass(frozen=True)
class FindingGroup:
    """The findings of one kind (``code``) and severity, in the analysis's order."""

    code: str
    severity: Severity
    findings: tuple[Finding, ...]

    @property
    def grouped(self) -> bool:
        return len(self.findings) > GROUP_ABOVE


def _importance(code: str) -> int:
    return CODE_ORDER.index(code) if code in CODE_ORDER else len(CODE_ORDER)


def groups(findings: list[Finding]) -> list[FindingGroup]:
    """``findings`` by kind, most important first: severity, then kind, then size."""
    by_code: dict[tuple[Severity, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        by_code[finding.severity, finding.code].append(finding)
    result = [FindingGroup(code, severity, tuple(f)) for (severity, code), f in by_code.items()]
    result.sort(key=lambda g: (g.severity.order, _importance(g.code), -len(g.findings)))
    return result


def subject_phrase(facts: Facts, finding: Finding) -> str:
    """What one finding is about, in a few words: "A ↔ B", "Servicekraft", "Kulanz"."""
    kinds = {s: facts.session.kind(s) for s in finding.subjects if s in facts.graph}
    if finding.code == "priority-conflict":
        return " ↔ ".join(facts.label(s) for s, k in kinds.items() if k is NodeKind.PRIORITY)
    if finding.code == "shared-ownership":
        owned = [s for s, k in kinds.items() if k is not NodeKind.ROLE]
        owners = [s for s, k in kinds.items() if k is NodeKind.ROLE]
        return f"{facts.labels(owned)} ({facts.labels(owners)})"
    if finding.code == "no-deputy":
        return facts.labels(s for s, k in kinds.items() if k is NodeKind.ROLE)
    if finding.code in ("priority-tie", "priority-cycle", "escalation-cycle"):
        return " · ".join(facts.label(s) for s in kinds)
    return facts.labels(kinds)


def open_points(facts: Facts, limit: int = 5) -> list[Item]:
    """The most important open findings, at most ``limit``, a grouped kind as one point."""
    points: list[Item] = []
    for group in groups([f for f in facts.findings if not f.accepted]):
        title = finding_title(group.code, facts._)
        if len(group.findings) == 1 or title is None:
            points += [Item(f.message) for f in group.findings]
        else:
            names = [subject_phrase(facts, f) for f in group.findings]
            head = (Span(title, strong=True), f" ({len(names)})")
            points.append(Item(head, (facts.listed(title, names, shown=6),)))
        if len(points) >= limit:
            break
    return points[:limit]


def _review_cell(facts: Facts, finding: Finding) -> Cell:
    _ = facts._
    note = facts.brief(finding.note, f"{subject_phrase(facts, finding)} · {_('Review')}")
    details = (note,) if note else ()
    if finding.accepted:
        return Cell(_("accepted"), details, strong=True, tone="good")
    return Cell(_("open"), details)


def _rows(facts: Facts, group: FindingGroup) -> list[list[Any]]:
    """One row per finding: its sentence, what it concerns, the review."""
    return [
        [Cell(f.message), facts.labels(f.subjects), _review_cell(facts, f)] for f in group.findings
    ]


def _grouped_blocks(facts: Facts, group: FindingGroup, title: str) -> list[Block]:
    """One entry for a kind with many findings: an example, the names, the reviewed ones."""
    _ = facts._
    reviewed = [f for f in group.findings if f.accepted or f.note]
    names = [subject_phrase(facts, f) for f in group.findings if f not in reviewed]
    blocks: list[Block] = [
        Heading(f"{title} ({len(group.findings)})", level=3),
        Paragraph(_("For example: {message}").format(message=group.findings[0].message)),
    ]
    if names:
        blocks.append(Paragraph(_("Open: {names}").format(names=facts.listed(title, names))))
    if reviewed:
        rows = [[Cell(subject_phrase(facts, f)), "", _review_cell(facts, f)] for f in reviewed]
        blocks.append(_findings_table(facts, rows))
    return blocks


def _severity_blocks(facts: Facts, of_severity: list[FindingGroup]) -> list[Block]:
    """Kinds with few findings share one table; each kind with many gets its own entry."""
    rows: list[list[Any]] = []
    grouped: list[Block] = []
    for group in of_severity:
        title = finding_title(group.code, facts._)
        if group.grouped and title is not None:
            grouped += _grouped_blocks(facts, group, title)
        else:
            rows += _rows(facts, group)
    return ([_findings_table(facts, rows)] if rows else []) + grouped


def _findings_table(facts: Facts, rows: list[list[Any]]) -> Block:
    _ = facts._
    columns = (Column(_("Finding"), 0.5), Column(_("Concerns"), 0.25), Column(_("Review"), 0.25))
    return table(columns, rows)


def resolved_reviews(facts: Facts) -> list[dict[str, Any]]:
    """The group's reviews whose finding no longer occurs: the map has changed since."""
    current = {finding.key for finding in facts.findings}
    return [
        review
        for review in facts.session.reviews
        if review_key(review.get("code"), review.get("subjects") or []) not in current
    ]


def _resolved_blocks(facts: Facts) -> list[Block]:
    _ = facts._
    resolved = resolved_reviews(facts)
    if not resolved:
        return []
    items = []
    for review in resolved:
        title = finding_title(str(review.get("code")), _) or _("A finding")
        subjects = facts.labels(s for s in review.get("subjects") or [] if s in facts.graph)
        text = f"{title}: {subjects}" if subjects else title
        note = facts.brief(review.get("note"), f"{text} · {_('Review')}")
        items.append(Item(text, (note,) if note else ()))
    return [
        Heading(_("Resolved since the review")),
        Note(_("The group reviewed these points; the map no longer shows them.")),
        ItemList(tuple(items)),
    ]


def findings_section(facts: Facts) -> Section:
    """Findings by urgency and kind, each with what it concerns and the group's review."""
    _ = facts._
    if not facts.findings:
        blocks: list[Block] = [Paragraph(_("The analysis found nothing unclear."))]
        return Section("findings", _("Findings"), (*blocks, *_resolved_blocks(facts)))
    blocks = [
        Note(
            _(
                "What the map still leaves unclear, most urgent first. Accepted findings stay"
                " listed with the group's note."
            )
        )
    ]
    all_groups = groups(facts.findings)
    for severity in Severity:
        of_severity = [g for g in all_groups if g.severity == severity]
        if not of_severity:
            continue
        count = sum(len(g.findings) for g in of_severity)
        blocks.append(Heading(f"{severity_plural(severity, _)} ({count})"))
        blocks += _severity_blocks(facts, of_severity)
    blocks += _resolved_blocks(facts)
    return Section("findings", _("Findings"), tuple(blocks))
