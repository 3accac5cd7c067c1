"""The protocol's text sections: title page, priorities, decision spaces, guardrails."""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
from reportlab.platypus import Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

from workshop_app.analysis.priorities import above_graph, is_above
from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.i18n import counter
from workshop_app.protocol.context import ProtocolContext
from workshop_app.protocol.styles import markup
from workshop_app.protocol.tables import data_table

__all__ = ["decision_spaces", "guardrails", "priorities", "title_page"]

_DASH = "—"


def title_page(ctx: ProtocolContext) -> list[Flowable]:
    """Title, client, date, facilitator, participants and the outcome at a glance."""
    _, meta, styles = ctx._, ctx.session.meta, ctx.styles
    title = str(meta.get("title") or _("Responsibility workshop"))
    story: list[Flowable] = [
        Spacer(1, 40),
        Paragraph(markup(_("Workshop protocol").upper()), styles.small),
        Paragraph(markup(title), styles.title),
    ]
    if meta.get("client"):
        story.append(Paragraph(markup(meta["client"]), styles.subtitle))
    facts = [
        (_("Date"), ctx.date(meta["date"]) if meta.get("date") else _DASH),
        (_("Facilitator"), str(meta.get("facilitator") or _DASH)),
        (_("Client"), str(meta.get("client") or _DASH)),
    ]
    story.append(_facts_table(facts, ctx.portrait.width))
    participants = _participants(meta.get("participants"))
    if participants:
        story += [
            Paragraph(markup(_("Participants")), styles.h2),
            data_table([_("Name"), _("Role")], participants, _halves(ctx.portrait.width)),
        ]
    story += [Paragraph(markup(_("At a glance")), styles.h2), *_glance(ctx)]
    return story


def _halves(width: float) -> list[float]:
    return [width * 0.45, width * 0.55]


def _facts_table(facts: list[tuple[str, str]], width: float) -> Flowable:
    return data_table(
        [],
        [[label, value] for label, value in facts],
        [width * 0.25, width * 0.75],
        label_column=True,
    )


def _participants(value: Any) -> list[list[str]]:
    """Participants as (name, role) rows."""
    if not isinstance(value, list):
        return []
    return [
        [str(entry.get("name") or _DASH), str(entry.get("role") or _DASH)]
        for entry in value
        if isinstance(entry, dict)
    ]


def _glance(ctx: ProtocolContext) -> list[Flowable]:
    _, session = ctx._, ctx.session
    counts = {kind: len(session.nodes_of_kind(kind)) for kind in NodeKind}
    by_severity = {"error": 0, "warning": 0, "info": 0}
    for finding in ctx.findings:
        if not finding.accepted:
            by_severity[str(finding.severity)] += 1
    n_ = counter(ctx.language)
    lines = [
        _("{priorities}, {responsibilities}, {roles}, {guardrails}.").format(
            priorities=n_(counts[NodeKind.PRIORITY], "priority"),
            responsibilities=n_(counts[NodeKind.RESPONSIBILITY], "responsibility"),
            roles=n_(counts[NodeKind.ROLE], "role"),
            guardrails=n_(counts[NodeKind.GUARDRAIL], "guardrail"),
        ),
        _("Open points: {errors}, {warnings}, {infos}; {accepted} accepted by the group.").format(
            errors=n_(by_severity["error"], "error"),
            warnings=n_(by_severity["warning"], "warning"),
            infos=n_(by_severity["info"], "note"),
            accepted=sum(f.accepted for f in ctx.findings),
        ),
        _("{actions}.").format(actions=n_(len(session.actions), "agreed action")),
    ]
    return [Paragraph(markup(line), ctx.styles.body) for line in lines]


def _owners(ctx: ProtocolContext, node_id: str) -> str:
    graph = ctx.session.graph
    owners = [s for s, _t, k in graph.in_edges(node_id, keys=True) if k == EdgeKind.ACCOUNTABLE]
    return ctx.labels(owners) or _DASH


def priority_order(ctx: ProtocolContext) -> tuple[list[tuple[int, str]], list[str]]:
    """Priorities with their place in the order, and those with no place in it.

    Priorities that "above" does not order against each other (a tie, a
    cycle, or no relation) share a place: the same number means "not
    decided between these". A priority with no rank and no ``outranks``
    edge has no place at all.
    """
    graph = ctx.session.graph
    priorities = ctx.session.nodes_of_kind(NodeKind.PRIORITY)
    outranking = {n for s, t in ctx.session.edges_of_kind(EdgeKind.OUTRANKS) for n in (s, t)}
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
    ordered.sort(key=lambda item: (item[0], _rank(graph, item[1]), ctx.label(item[1]).casefold()))
    return ordered, unplaced


def _rank(graph: nx.MultiDiGraph, node_id: str) -> float:
    rank = graph.nodes[node_id].get("rank")
    return rank if isinstance(rank, int) else math.inf


def priorities(ctx: ProtocolContext) -> list[Flowable]:
    """Priorities in order, then their conflicts and whether the order settles them."""
    _, graph, styles = ctx._, ctx.session.graph, ctx.styles
    ordered, unplaced = priority_order(ctx)
    story: list[Flowable] = [ctx.heading(_("Priorities"))]
    if not ordered and not unplaced:
        return [*story, Paragraph(markup(_("No priorities on the map.")), styles.body)]
    story.append(
        Paragraph(
            markup(_("The same place means the order does not decide between these priorities.")),
            styles.small,
        )
    )
    rows = []
    for place, node in ordered:
        outranks = [t for _s, t, k in graph.out_edges(node, keys=True) if k == EdgeKind.OUTRANKS]
        rows.append(
            [
                str(place),
                ctx.text_with_notes(ctx.label(node), ctx.notes(node)),
                str(graph.nodes[node].get("rank", _DASH)),
                ctx.labels(outranks) or _DASH,
                _owners(ctx, node),
            ]
        )
    width = ctx.portrait.width
    story.append(
        data_table(
            [_("Place"), _("Priority"), _("Rank"), _("Outranks"), _("Accountable")],
            rows,
            [width * f for f in (0.08, 0.36, 0.08, 0.26, 0.22)],
        )
    )
    if unplaced:
        story.append(
            Paragraph(
                markup(_("Not yet in the order: {labels}").format(labels=ctx.labels(unplaced))),
                styles.body,
            )
        )
    return story + _conflicts(ctx)


def _conflicts(ctx: ProtocolContext) -> list[Flowable]:
    _, graph = ctx._, ctx.session.graph
    pairs = list(ctx.session.edges_of_kind(EdgeKind.CONFLICTS_WITH))
    if not pairs:
        return []
    above = above_graph(graph)
    rows = []
    for a, b in pairs:
        a_first, b_first = is_above(above, a, b), is_above(above, b, a)
        if a_first != b_first:
            first = a if a_first else b
            status = _("settled: {label} comes first").format(label=ctx.label(first))
        else:
            status = _("open: the order does not decide")
        notes = ctx.brief(
            graph.edges[a, b, EdgeKind.CONFLICTS_WITH].get("notes"),
            f"{ctx.label(a)} ↔ {ctx.label(b)}",
            _("Notes"),
        )
        rows.append([ctx.label(a), ctx.text_with_notes(ctx.label(b), notes), status])
    width = ctx.portrait.width
    return [
        Paragraph(markup(_("Conflicts between priorities")), ctx.styles.h2),
        data_table(
            [_("Priority"), _("Pulls against"), _("Status")],
            rows,
            [width * 0.32, width * 0.36, width * 0.32],
        ),
    ]


def decision_spaces(ctx: ProtocolContext) -> list[Flowable]:
    """Each responsibility's owner, decision limit, re-confirmation, good-enough and criticality."""
    _, session = ctx._, ctx.session
    graph = session.graph
    responsibilities = session.nodes_of_kind(NodeKind.RESPONSIBILITY)
    story: list[Flowable] = [ctx.heading(_("Decision spaces"))]
    if not responsibilities:
        return [*story, Paragraph(markup(_("No responsibilities on the map.")), ctx.styles.body)]
    rows = []
    for node in responsibilities:
        data = graph.nodes[node]
        serves = [t for _s, t, k in graph.out_edges(node, keys=True) if k == EdgeKind.SERVES]
        bounded = [t for _s, t, k in graph.out_edges(node, keys=True) if k == EdgeKind.BOUNDED_BY]
        cell = ctx.text_with_notes(
            ctx.label(node),
            _("serves: {labels}").format(labels=ctx.labels(serves)) if serves else "",
            _("bounded by: {labels}").format(labels=ctx.labels(bounded)) if bounded else "",
            ctx.notes(node),
        )
        rows.append(
            [
                cell,
                _owners(ctx, node),
                ctx.brief(data.get("decision_limit"), ctx.label(node), _("Decision limit"))
                or _DASH,
                _("yes, must be re-confirmed") if data.get("reconfirm") is True else _("no"),
                ctx.brief(data.get("good_enough"), ctx.label(node), _("Good enough when")) or _DASH,
                ctx.yes_no(data.get("critical")),
            ]
        )
    width = ctx.landscape.width
    headers = [
        _("Responsibility"),
        _("Accountable"),
        _("Decision limit"),
        _("Re-confirmation"),
        _("Good enough when"),
        _("Critical"),
    ]
    fractions = (0.25, 0.15, 0.15, 0.14, 0.23, 0.08)
    story.append(data_table(headers, rows, [width * f for f in fractions]))
    return story


def guardrails(ctx: ProtocolContext) -> list[Flowable]:
    """The guardrails, who answers for each, and what each one bounds."""
    _, session = ctx._, ctx.session
    nodes = session.nodes_of_kind(NodeKind.GUARDRAIL)
    if not nodes:
        return []
    rows = []
    for node in nodes:
        bounded = [
            s for s, _t, k in session.graph.in_edges(node, keys=True) if k == EdgeKind.BOUNDED_BY
        ]
        rows.append(
            [
                ctx.text_with_notes(ctx.label(node), ctx.notes(node)),
                _owners(ctx, node),
                ctx.labels(bounded) or _DASH,
            ]
        )
    width = ctx.landscape.width
    return [
        Paragraph(markup(_("Guardrails")), ctx.styles.h2),
        data_table(
            [_("Guardrail"), _("Accountable"), _("Bounds")],
            rows,
            [width * 0.4, width * 0.25, width * 0.35],
        ),
    ]
