"""Priorities: their agreed order, and the conflicts between them (settled or open).

A conflict drawn in both directions (A conflicts with B, B with A) is one
conflict: it is listed once, with the notes of both edges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from workshop_app.analysis.priorities import above_graph, orders_between
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
from workshop_app.vocabulary import edge_kind_name

__all__ = [
    "Conflict",
    "conflicts",
    "priorities_section",
    "priority_order",
    "settled_sentence",
]


@dataclass(frozen=True)
class Conflict:
    """Two priorities that pull against each other; ``first`` comes first when settled."""

    pair: tuple[str, str]
    first: str | None
    notes: tuple[str, ...]


def priority_order(facts: Facts) -> tuple[list[tuple[int, str]], list[str]]:
    """Priorities with their place in the order, and those with no place in it.

    Priorities that "above" does not order against each other (a tie, a
    cycle, or no relation) share a place: the same number means "not
    decided between these". A priority with no rank and no ``outranks``
    edge has no place at all.
    """
    graph, session = facts.graph, facts.session
    priorities = session.nodes_of_kind(NodeKind.PRIORITY)
    outranking = {n for s, t in session.edges_of_kind(EdgeKind.OUTRANKS) for n in (s, t)}
    unplaced = [p for p in priorities if graph.nodes[p].get("rank") is None and p not in outranking]
    above = above_graph(graph)
    above.remove_nodes_from(unplaced)
    condensed = nx.condensation(above)
    members = nx.get_node_attributes(condensed, "members")
    # Rank levels are virtual nodes: only components holding a priority count.
    weight = {c: int(any(isinstance(m, str) for m in members[c])) for c in condensed}
    place: dict[int, int] = {}
    for component in nx.topological_sort(condensed):
        place[component] = max(
            (place[p] + weight[p] for p in condensed.predecessors(component)), default=0
        )
    ordered = [
        (place[condensed.graph["mapping"][p]] + 1, p) for p in priorities if p not in unplaced
    ]
    ordered.sort(key=lambda item: (item[0], _rank(graph, item[1]), facts.label(item[1]).casefold()))
    return ordered, unplaced


def _rank(graph: nx.MultiDiGraph, node_id: str) -> float:
    rank = graph.nodes[node_id].get("rank")
    return rank if isinstance(rank, int) else math.inf


def conflicts(facts: Facts) -> list[Conflict]:
    """Each pair of conflicting priorities once, in map order, with whether the order settles it."""
    pairs = list(facts.session.edges_of_kind(EdgeKind.CONFLICTS_WITH))
    orders = orders_between(facts.graph, pairs)  # one pass, not a search per pair
    found: dict[frozenset[str], Conflict] = {}
    for a, b in pairs:
        notes = facts.edge_notes(a, b, EdgeKind.CONFLICTS_WITH)
        key = frozenset((a, b))
        if key in found:
            earlier = found[key]
            found[key] = Conflict(earlier.pair, earlier.first, (*earlier.notes, notes))
            continue
        a_first, b_first = orders[a, b]
        first = (a if a_first else b) if a_first != b_first else None
        found[key] = Conflict((a, b), first, (notes,))
    return [
        Conflict(c.pair, c.first, tuple(n for n in dict.fromkeys(c.notes) if n))
        for c in found.values()
    ]


def settled_sentence(facts: Facts, conflict: Conflict) -> str:
    """ "First-contact resolution comes before cost per contact." """
    assert conflict.first is not None
    second = conflict.pair[1] if conflict.first == conflict.pair[0] else conflict.pair[0]
    return facts._("{first} comes before {second}.").format(
        first=facts.label(conflict.first), second=facts.label(second)
    )


def priorities_section(facts: Facts) -> Section:
    """Priorities in order, then their conflicts and whether the order settles them."""
    _ = facts._
    ordered, unplaced = priority_order(facts)
    if not ordered and not unplaced:
        return Section("priorities", _("Priorities"), (Paragraph(_("No priorities on the map.")),))
    blocks: list[Block] = [
        Note(_("The same place means the order does not decide between these priorities."))
    ]
    rows = []
    for place, node in ordered:
        outranks = facts.targets(node, EdgeKind.OUTRANKS)
        rows.append(
            [
                str(place),
                Cell(facts.label(node), _notes(facts.notes(node))),
                str(facts.graph.nodes[node].get("rank", DASH)),
                facts.labels(outranks) or DASH,
                facts.labels(facts.sources(node, EdgeKind.ACCOUNTABLE)) or DASH,
            ]
        )
    for node in unplaced:
        rows.append(
            [
                DASH,
                Cell(facts.label(node), _notes(facts.notes(node))),
                DASH,
                DASH,
                facts.labels(facts.sources(node, EdgeKind.ACCOUNTABLE)) or DASH,
            ]
        )
    columns = (
        Column(_("Place"), 0.08, centred=True),
        Column(_("Priority"), 0.38),
        Column(_("Rank"), 0.08, centred=True),
        Column(edge_kind_name(EdgeKind.OUTRANKS, facts.language), 0.24),
        Column(_("Accountable"), 0.22),
    )
    blocks.append(table(columns, rows))
    if unplaced:
        blocks.append(Note(_("A dash in the first column: not yet in the order.")))
    return Section("priorities", _("Priorities"), (*blocks, *_conflict_blocks(facts)))


def _notes(text: str) -> tuple[str, ...]:
    return (text,) if text else ()


def _conflict_blocks(facts: Facts) -> list[Block]:
    _ = facts._
    found = conflicts(facts)
    if not found:
        return []
    rows = []
    for conflict in found:
        a, b = conflict.pair
        if conflict.first is None:
            status = Cell(_("open: the order does not decide"), tone="alert")
        else:
            status = Cell(
                _("settled: {label} comes first").format(label=facts.label(conflict.first))
            )
        rows.append([facts.label(a), Cell(facts.label(b), conflict.notes), status])
    columns = (
        Column(_("Priority"), 0.32),
        Column(_("Pulls against"), 0.36),
        Column(_("Status"), 0.32),
    )
    return [Heading(_("Conflicts between priorities")), table(columns, rows)]
