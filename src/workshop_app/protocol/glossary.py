"""The glossary: the one term for each kind of element and relation, and what it means.

The terms are the window's own (:mod:`workshop_app.vocabulary`), so the
protocol says what the projector said; the definitions are the protocol's.
Relation notes the group wrote on edges that no other section shows are
listed here too, under the relation's term.
"""

from __future__ import annotations

from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.protocol.facts import Facts
from workshop_app.protocol.model import Block, Cell, Column, Note, Section, table
from workshop_app.vocabulary import edge_kind_name, node_kind_name, severity_name

__all__ = ["glossary_section", "relation_notes_section"]


#: Relations whose notes other sections already show (conflicts, escalation paths).
_SHOWN_ELSEWHERE = {EdgeKind.CONFLICTS_WITH, EdgeKind.ESCALATES_TO}


def _node_definitions(facts: Facts) -> dict[NodeKind, str]:
    _ = facts._
    return {
        NodeKind.PRIORITY: _("What the service steers by; rank 1 comes first."),
        NodeKind.RESPONSIBILITY: _("A task, decision or area that someone must own."),
        NodeKind.ROLE: _("A team, role or person who can own things; load is capacity in use."),
        NodeKind.GUARDRAIL: _("A boundary that decisions must stay within."),
    }


def _edge_definitions(facts: Facts) -> dict[EdgeKind, str]:
    _ = facts._
    return {
        EdgeKind.ACCOUNTABLE: _("Answers for the outcome; the one who decides in the end."),
        EdgeKind.RESPONSIBLE: _("Does the work."),
        EdgeKind.CONSULTED: _("Is asked before the decision."),
        EdgeKind.INFORMED: _("Is told about the decision."),
        EdgeKind.ESCALATES_TO: _("Where a case goes once it exceeds the decision space."),
        EdgeKind.SERVES: _("What a responsibility is for."),
        EdgeKind.OUTRANKS: _("One priority comes before the other."),
        EdgeKind.CONFLICTS_WITH: _("Two priorities pull in opposite directions."),
        EdgeKind.BOUNDED_BY: _("A guardrail limits the responsibility."),
        EdgeKind.DEPUTY_OF: _("Stands in when the other role is absent."),
    }


def glossary_section(facts: Facts) -> Section:
    """Every term of the map with its meaning, and the three levels of urgency."""
    _ = facts._
    rows: list[list[Cell | str]] = []
    for kind, meaning in _node_definitions(facts).items():
        rows.append([Cell(node_kind_name(kind, facts.language), strong=True), meaning])
    for kind, meaning in _edge_definitions(facts).items():
        rows.append([Cell(edge_kind_name(kind, facts.language), strong=True), meaning])
    urgency = {
        "error": _("Unclear in a way that blocks decisions; to be settled soon."),
        "warning": _("Works for now, but will fail under pressure."),
        "info": _("Worth a look when there is time."),
    }
    for severity, meaning in urgency.items():
        rows.append([Cell(severity_name(severity, facts.language), strong=True), meaning])
    columns = (Column(_("Term"), 0.3), Column(_("Meaning"), 0.7))
    blocks: list[Block] = [
        Note(
            _(
                "The same terms as on the projector: elements, relations, and how urgent"
                " a finding is."
            )
        ),
        table(columns, rows),
    ]
    return Section("glossary", _("Glossary"), tuple(blocks), appendix=True)


def relation_notes_section(facts: Facts) -> Section | None:
    """Notes the group wrote on relations that no other section shows."""
    _ = facts._
    rows: list[list[Cell | str]] = []
    for source, target, kind in facts.graph.edges(keys=True):
        if EdgeKind(kind) in _SHOWN_ELSEWHERE:
            continue
        notes = facts.edge_notes(source, target, kind)
        if notes:
            name = edge_kind_name(kind, facts.language)
            rows.append([facts.label(source), name, facts.label(target), notes])
    if not rows:
        return None
    columns = (
        Column(_("From"), 0.2),
        Column(_("Relation"), 0.18),
        Column(_("To"), 0.2),
        Column(_("Note"), 0.42),
    )
    return Section("relation-notes", _("Notes on relations"), (table(columns, rows),))
