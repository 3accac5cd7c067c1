"""Escalation paths as chains: "Servicekraft → 2nd Level → Teamleitung".

A chain starts where a case begins: at a responsibility that escalates
(shown from its accountable role on) or at a role that escalates but that
nobody escalates to. It follows ``escalates_to`` until a role escalates no
further, or until it would come back to a role already on it (a loop, which
is shown as such). Every ``escalates_to`` edge appears in at least one chain:
a loop that nothing enters is shown from its first role.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.protocol.context import ProtocolContext
from workshop_app.protocol.styles import markup
from workshop_app.protocol.tables import Cell, data_table

__all__ = ["Chain", "escalation_chains", "escalation_paths"]

#: Enough to show how a case travels; a start with more branches than this is
#: summarised ("further paths …") rather than enumerated, which could explode.
MAX_PATHS_PER_START = 12


@dataclass(frozen=True)
class Chain:
    """One way a case escalates.

    ``start`` is where it begins, ``steps`` the nodes it passes through
    (``start`` first), ``loop_to`` the node it would return to, if any.
    """

    start: str
    steps: tuple[str, ...]
    loop_to: str | None = None


def _successors(session: Session) -> dict[str, list[str]]:
    successors: dict[str, list[str]] = {}
    for source, target in session.edges_of_kind(EdgeKind.ESCALATES_TO):
        successors.setdefault(source, []).append(target)
    return successors


def _walk(start: str, successors: dict[str, list[str]], limit: int) -> tuple[list[Chain], bool]:
    """Maximal escalation paths from ``start``, at most ``limit``; and whether more exist."""
    chains: list[Chain] = []
    stack: list[tuple[str, ...]] = [(start,)]
    while stack:
        path = stack.pop()
        if len(path) > 1 and path[-1] in path[:-1]:
            chain = Chain(start, path[:-1], path[-1])
        elif not successors.get(path[-1]):
            chain = Chain(start, path)
        else:
            stack.extend((*path, target) for target in reversed(successors[path[-1]]))
            continue
        if len(chains) == limit:
            return chains, True
        chains.append(chain)
    return chains, False


def escalation_chains(session: Session) -> list[tuple[list[Chain], bool]]:
    """The chains of each start, in map order, and whether further paths were left out."""
    successors = _successors(session)
    incoming = {target for targets in successors.values() for target in targets}
    starts = [
        node
        for node in session.graph.nodes
        if node in successors
        and (session.kind(node) is NodeKind.RESPONSIBILITY or node not in incoming)
    ]
    result: list[tuple[list[Chain], bool]] = []
    covered: set[tuple[str, str]] = set()
    pending = list(starts)
    while True:
        for start in pending:
            chains, more = _walk(start, successors, MAX_PATHS_PER_START)
            for chain in chains:
                covered.update(_edges(chain))
            result.append((chains, more))
            if more:
                # The paths left out may hold edges no chain shows; the summary
                # line stands for them rather than more chains from this start.
                covered.update(_all_edges_from(start, successors))
        pending = [
            source
            for source, targets in successors.items()
            if any((source, target) not in covered for target in targets)
        ][:1]
        if not pending:
            return result


def _edges(chain: Chain) -> list[tuple[str, str]]:
    steps = [*chain.steps, *([chain.loop_to] if chain.loop_to else [])]
    return list(itertools.pairwise(steps))


def _all_edges_from(start: str, successors: dict[str, list[str]]) -> set[tuple[str, str]]:
    seen, stack, edges = {start}, [start], set()
    while stack:
        node = stack.pop()
        for target in successors.get(node, []):
            edges.add((node, target))
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return edges


def _owners(session: Session, node: str) -> list[str]:
    return [s for s, _t, k in session.graph.in_edges(node, keys=True) if k == EdgeKind.ACCOUNTABLE]


def _path(ctx: ProtocolContext, chain: Chain) -> str:
    """ "Servicekraft → 2nd Level → Teamleitung"; a case starts at its owners."""
    first = chain.steps[0]
    if ctx.session.kind(first) is NodeKind.RESPONSIBILITY:
        owners = " / ".join(ctx.label(o) for o in _owners(ctx.session, first))
        links = [owners or ctx._("(no owner)")]
    else:
        links = [ctx.label(first)]
    links += [ctx.label(step) for step in chain.steps[1:]]
    if chain.loop_to:
        links.append(ctx._("{label} (loop)").format(label=ctx.label(chain.loop_to)))
    return " → ".join(links)


def _triggers(ctx: ProtocolContext, chain: Chain) -> str:
    """One line per step that has a trigger: "→ Teamleitung: amount over 50 EUR"."""
    lines = []
    for source, target in _edges(chain):
        trigger = ctx.brief(
            ctx.session.graph.edges[source, target, EdgeKind.ESCALATES_TO].get("trigger"),
            f"{ctx.label(source)} → {ctx.label(target)}",
            ctx._("Triggers"),
        )
        if trigger:
            lines.append(f"→ {ctx.label(target)}: {trigger}")
    return "\n".join(lines) or "—"


def escalation_paths(ctx: ProtocolContext) -> list[Flowable]:
    """The escalation section: cases (responsibilities) first, then chains between roles."""
    _ = ctx._
    story: list[Flowable] = [ctx.heading(_("Escalation paths"))]
    groups = escalation_chains(ctx.session)
    if not groups:
        return [*story, Paragraph(markup(_("No escalation paths on the map.")), ctx.styles.body)]
    cases: list[list[Cell]] = []
    roles: list[list[Cell]] = []
    more = _("… further paths from the same start are not shown")
    for chains, left_out in groups:
        is_case = ctx.session.kind(chains[0].start) is NodeKind.RESPONSIBILITY
        for chain in chains:
            path, triggers = _path(ctx, chain), _triggers(ctx, chain)
            if is_case:
                cases.append([ctx.label(chain.start), path, triggers])
            else:
                roles.append([path, triggers])
        if left_out and is_case:
            cases.append(["", more, ""])
        elif left_out:
            roles.append([more, ""])
    width = ctx.portrait.width
    if cases:
        story.append(
            data_table(
                [_("Case"), _("Path"), _("Triggers")],
                cases,
                [width * 0.27, width * 0.39, width * 0.34],
            )
        )
    if roles:
        story += [
            Paragraph(markup(_("Between roles")), ctx.styles.h2),
            data_table([_("Path"), _("Triggers")], roles, [width * 0.6, width * 0.4]),
        ]
    return story
