"""Decision spaces (each responsibility's owner, limit, re-confirmation, good-enough) and
the guardrails that bound them."""

from __future__ import annotations

from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.protocol.facts import DASH, Facts
from workshop_app.protocol.model import (
    Block,
    Cell,
    Column,
    Heading,
    Note,
    Paragraph,
    Section,
    table,
)

__all__ = ["decision_spaces_section"]


def _responsibility_cell(facts: Facts, node: str) -> Cell:
    _ = facts._
    serves = facts.targets(node, EdgeKind.SERVES)
    bounded = facts.targets(node, EdgeKind.BOUNDED_BY)
    details = (
        _("serves: {labels}").format(labels=facts.labels(serves)) if serves else "",
        _("limited by: {labels}").format(labels=facts.labels(bounded)) if bounded else "",
        facts.notes(node),
    )
    return Cell(facts.label(node), tuple(d for d in details if d))


def _notes(facts: Facts, node: str) -> tuple[str, ...]:
    notes = facts.notes(node)
    return (notes,) if notes else ()


def _reconfirm(facts: Facts, node: str) -> Cell:
    if facts.graph.nodes[node].get("reconfirm") is True:
        return Cell(facts._("yes"), strong=True)
    return Cell(facts._("no"))


def _responsibility_rows(
    facts: Facts, nodes: list[str], *, details: bool = True
) -> list[list[Cell | str]]:
    _ = facts._
    rows: list[list[Cell | str]] = []
    for node in nodes:
        data = facts.graph.nodes[node]
        label = facts.label(node)
        rows.append(
            [
                _responsibility_cell(facts, node) if details else Cell(label, _notes(facts, node)),
                facts.labels(facts.sources(node, EdgeKind.ACCOUNTABLE)) or DASH,
                facts.brief(data.get("decision_limit"), f"{label} · {_('Decision limit')}") or DASH,
                _reconfirm(facts, node),
                facts.brief(data.get("good_enough"), f"{label} · {_('Good enough when')}") or DASH,
                _("yes") if data.get("critical") is True else _("no"),
            ]
        )
    return rows


def _limited(facts: Facts, guardrail: str) -> str:
    """What the guardrail limits: the names, or on a large map how many."""
    limited = facts.sources(guardrail, EdgeKind.BOUNDED_BY)
    if facts.large:
        return str(len(limited)) if limited else DASH
    return facts.few([facts.label(n) for n in limited])


def _guardrail_blocks(facts: Facts) -> list[Block]:
    _ = facts._
    nodes = facts.session.nodes_of_kind(NodeKind.GUARDRAIL)
    if not nodes:
        return []
    rows = []
    for node in nodes:
        notes = facts.notes(node)
        rows.append(
            [
                Cell(facts.label(node), (notes,) if notes else ()),
                facts.labels(facts.sources(node, EdgeKind.ACCOUNTABLE)) or DASH,
                _limited(facts, node),
            ]
        )
    columns = (
        Column(_("Guardrail"), 0.4),
        Column(_("Accountable"), 0.25),
        Column(_("Limits"), 0.35),
    )
    return [Heading(_("Guardrails")), table(columns, rows)]


def _has_space(facts: Facts, node: str) -> bool:
    """The responsibility has something to say about its decision space."""
    data = facts.graph.nodes[node]
    return bool(data.get("decision_limit") or data.get("reconfirm") is True or data.get("notes"))


def _good_enough_blocks(facts: Facts, nodes: list[str]) -> list[Block]:
    """On a large map: each "good enough" text once, with the responsibilities it holds for."""
    _ = facts._
    by_text: dict[str, list[str]] = {}
    for node in nodes:
        text = str(facts.graph.nodes[node].get("good_enough") or "").strip()
        if text:
            by_text.setdefault(text, []).append(facts.label(node))
    if not by_text:
        return []
    rows = [
        [facts.brief(text, _("Good enough when")), facts.few(names, 6)]
        for text, names in sorted(by_text.items(), key=lambda item: -len(item[1]))
    ]
    columns = (Column(_("Good enough when"), 0.45), Column(_("For"), 0.55))
    return [Heading(_("When a solution is good enough")), table(columns, rows)]


def _large_blocks(facts: Facts, nodes: list[str]) -> list[Block]:
    """A large map: only responsibilities with a limit, re-confirmation, criticality or notes."""
    _ = facts._
    shown = [node for node in nodes if _has_space(facts, node)]
    rows = [[*row[:4], row[5]] for row in _responsibility_rows(facts, shown, details=False)]
    columns = (
        Column(_("Responsibility"), 0.3),
        Column(_("Accountable"), 0.22),
        Column(_("Decision limit"), 0.18),
        Column(_("Re-confirmation"), 0.18),
        Column(_("Critical"), 0.12, centred=True),
    )
    rest = len(nodes) - len(shown)
    note = _(
        "Listed: the responsibilities with a decision limit, a re-confirmation or notes."
        " The other {rest} have none of these."
    ).format(rest=facts.n_(rest, "responsibility"))
    return [Note(note), table(columns, rows), *_good_enough_blocks(facts, nodes)]


def decision_spaces_section(facts: Facts) -> Section:
    """Each responsibility's owner, decision limit, re-confirmation, good-enough and criticality."""
    _ = facts._
    nodes = facts.session.nodes_of_kind(NodeKind.RESPONSIBILITY)
    title = _("Decision spaces")
    if not nodes:
        blocks: list[Block] = [Paragraph(_("No responsibilities on the map."))]
        return Section("decision-spaces", title, (*blocks, *_guardrail_blocks(facts)))
    if facts.large:
        blocks = [*_large_blocks(facts, nodes), *_guardrail_blocks(facts)]
        return Section("decision-spaces", title, tuple(blocks))
    columns = (
        Column(_("Responsibility"), 0.26),
        Column(_("Accountable"), 0.15),
        Column(_("Decision limit"), 0.13),
        Column(_("Re-confirmation"), 0.13),
        Column(_("Good enough when"), 0.25),
        Column(_("Critical"), 0.08, centred=True),
    )
    blocks = [table(columns, _responsibility_rows(facts, nodes)), *_guardrail_blocks(facts)]
    return Section("decision-spaces", title, tuple(blocks), landscape=True, new_page=True)
