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

from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.protocol.facts import Facts
from workshop_app.protocol.model import (
    Block,
    Cell,
    Column,
    Heading,
    Note,
    Paragraph,
    Section,
    Table,
    table,
)

__all__ = ["Chain", "escalation_chains", "escalation_section"]

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


def _path(facts: Facts, chain: Chain) -> str:
    """ "Servicekraft → 2nd Level → Teamleitung"; a case starts at its owners."""
    first = chain.steps[0]
    if facts.session.kind(first) is NodeKind.RESPONSIBILITY:
        owners = " / ".join(facts.label(o) for o in _owners(facts.session, first))
        links = [owners or facts._("(nobody accountable)")]
    else:
        links = [facts.label(first)]
    links += [facts.label(step) for step in chain.steps[1:]]
    if chain.loop_to:
        links.append(facts._("{label} (loop)").format(label=facts.label(chain.loop_to)))
    return " → ".join(links)


def _triggers(facts: Facts, chain: Chain) -> tuple[str, ...]:
    """One line per step with a trigger or a deadline: "→ Teamleitung: over 50 EUR (after 4h)"."""
    lines = []
    for source, target in _edges(chain):
        data = facts.graph.edges[source, target, EdgeKind.ESCALATES_TO]
        about = f"{facts.label(source)} → {facts.label(target)} · {facts._('Trigger')}"
        trigger = facts.brief(data.get("trigger"), about)
        after = str(data.get("after") or "").strip()
        if after:
            deadline = facts._("after {duration}").format(duration=after)
            trigger = f"{trigger} ({deadline})" if trigger else deadline
        notes = facts.edge_notes(source, target, EdgeKind.ESCALATES_TO)
        text = "; ".join(t for t in (trigger, notes) if t)
        if text:
            lines.append(f"→ {facts.label(target)}: {text}")
    return tuple(lines)


def _case_rows(
    facts: Facts, cases: dict[tuple[str, tuple[str, ...]], list[str]]
) -> tuple[Note, Table]:
    _ = facts._
    rows: list[list[Cell | str]] = [
        [facts.few(names, 10), Cell(path), Cell("", triggers) if triggers else "—"]
        for (path, triggers), names in cases.items()
    ]
    columns = (Column(_("Cases"), 0.3), Column(_("Path"), 0.36), Column(_("Triggers"), 0.34))
    return Note(_("Cases that take the same path share a row.")), table(columns, rows)


def _large_blocks(facts: Facts, found: list[tuple[list[Chain], bool]]) -> list[Block]:
    """A large map: per role that receives escalations, from whom, and how many cases reach it."""
    _ = facts._
    reaching: dict[str, set[str]] = {}
    for chains, _left_out in found:
        for chain in chains:
            if facts.session.kind(chain.start) is not NodeKind.RESPONSIBILITY:
                continue
            for step in chain.steps[1:]:
                reaching.setdefault(step, set()).add(chain.start)
    rows: list[list[Cell | str]] = []
    for role in facts.session.nodes_of_kind(NodeKind.ROLE):
        senders = facts.sources(role, EdgeKind.ESCALATES_TO)
        if not senders:
            continue
        onward = facts.targets(role, EdgeKind.ESCALATES_TO)
        rows.append(
            [
                facts.label(role),
                facts.few([facts.label(s) for s in senders], 2),
                facts.labels(onward) or "—",
                str(len(reaching.get(role, ()))),
            ]
        )
    columns = (
        Column(_("Role"), 0.24),
        Column(_("Receives from"), 0.34),
        Column(_("Passes on to"), 0.24),
        Column(_("Cases"), 0.1, centred=True),
    )
    note = _(
        "On a map this large, the paths are summarised by the roles that receive escalations;"
        " “Cases” counts the responsibilities whose path can reach the role."
    )
    return [Note(note), table(columns, rows)]


def escalation_section(facts: Facts) -> Section:
    """Cases (responsibilities) that take the same way share a row; then chains between roles."""
    _ = facts._
    title = _("Escalation paths")
    found = escalation_chains(facts.session)
    if not found:
        return Section("escalation", title, (Paragraph(_("No escalation paths on the map.")),))
    if facts.large:
        return Section("escalation", title, tuple(_large_blocks(facts, found)))
    cases: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    roles: list[list[Cell | str]] = []
    more = _("… further paths from the same start are not shown")
    for chains, left_out in found:
        is_case = facts.session.kind(chains[0].start) is NodeKind.RESPONSIBILITY
        for chain in chains:
            way = (_path(facts, chain), _triggers(facts, chain))
            if is_case:
                cases.setdefault(way, []).append(facts.label(chain.start))
            else:
                roles.append([Cell(way[0]), Cell("", way[1]) if way[1] else "—"])
        if left_out:
            roles.append([Cell(more, tone="muted"), ""])
    blocks: list[Block] = []
    if cases:
        blocks += _case_rows(facts, cases)
    if roles:
        columns = (Column(_("Path"), 0.6), Column(_("Triggers"), 0.4))
        blocks += [Heading(_("Between roles")), table(columns, roles)]
    return Section("escalation", title, tuple(blocks))
