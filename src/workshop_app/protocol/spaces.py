"""Decision spaces (each responsibility's owner, limit, re-confirmation, good-enough) and
the guardrails that bound them."""

from __future__ import annotations

from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.protocol.facts import DASH, Facts
from workshop_app.protocol.model import Block, Cell, Column, Heading, Paragraph, Section, table

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


def _reconfirm(facts: Facts, node: str) -> Cell:
    if facts.graph.nodes[node].get("reconfirm") is True:
        return Cell(facts._("yes, by someone else"), strong=True)
    return Cell(facts._("no"))


def _responsibility_rows(facts: Facts, nodes: list[str]) -> list[list[Cell | str]]:
    _ = facts._
    rows: list[list[Cell | str]] = []
    for node in nodes:
        data = facts.graph.nodes[node]
        label = facts.label(node)
        rows.append(
            [
                _responsibility_cell(facts, node),
                facts.labels(facts.sources(node, EdgeKind.ACCOUNTABLE)) or DASH,
                facts.brief(data.get("decision_limit"), f"{label} · {_('Decision limit')}") or DASH,
                _reconfirm(facts, node),
                facts.brief(data.get("good_enough"), f"{label} · {_('Good enough when')}") or DASH,
                _("yes") if data.get("critical") is True else _("no"),
            ]
        )
    return rows


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
                facts.labels(facts.sources(node, EdgeKind.BOUNDED_BY)) or DASH,
            ]
        )
    columns = (
        Column(_("Guardrail"), 0.4),
        Column(_("Accountable"), 0.25),
        Column(_("Limits"), 0.35),
    )
    return [Heading(_("Guardrails")), table(columns, rows)]


def decision_spaces_section(facts: Facts) -> Section:
    """Each responsibility's owner, decision limit, re-confirmation, good-enough and criticality."""
    _ = facts._
    nodes = facts.session.nodes_of_kind(NodeKind.RESPONSIBILITY)
    title = _("Decision spaces")
    if not nodes:
        blocks: list[Block] = [Paragraph(_("No responsibilities on the map."))]
        return Section("decision-spaces", title, (*blocks, *_guardrail_blocks(facts)))
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
