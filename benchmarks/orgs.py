"""Synthetic customer-service organisations: the one generator of tests and benchmarks.

``generate_organisation(n)`` builds a session of exactly ``n`` nodes shaped
like a real service organisation: about 5 % priorities (ranked, with ties,
unranked ones and conflicts), 15 % roles in tiers (agents and specialists in
teams under team leads, managers, one head of service) with escalation and
deputies, 70 % responsibilities owned within a team with RACI edges, serving
the team's focus priorities and bounded by guardrails, and 10 % guardrails.
A few gaps are left on purpose (no owner, two owners, no priority, missing
escalation, no deputy, overloaded roles) and, at any size of 40 nodes or
more, one of each sort the facilitator must see (two priorities tied on one
rank, two that outrank each other, an escalation loop, a guardrail nobody
has connected), so the rules that look at the whole map always have work; at
1,000 nodes every rule finds something. The same ``n`` and ``seed`` give the
same session.

``to_dot(session)`` writes the same graph as Graphviz DOT text, for the
reference timing against ``dot``.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session

__all__ = ["generate_organisation", "to_dot"]

_PRIORITIES = (
    "First-contact resolution", "Customer satisfaction", "Cost per contact", "Compliance",
    "Handling time", "Reachability", "Data protection", "Customer retention",
    "Employee wellbeing", "Complaint rate",
)  # fmt: skip
_RESPONSIBILITIES = (
    "Goodwill refund", "Complaint handling", "Contract cancellation", "Address change",
    "Billing dispute", "Callback promise", "Social media reply", "Outage communication",
    "Data deletion request", "Payment plan", "Damage claim", "Loyalty offer",
    "Technical troubleshooting", "Order status", "Return authorisation", "Tariff change",
)  # fmt: skip
_GUARDRAILS = (
    "Refund cap", "GDPR", "Complaint deadline", "Four-eyes principle", "Tone of voice",
    "Response-time SLA", "Credit check", "Recording consent",
)  # fmt: skip
_LIMITS = ("50 EUR", "100 EUR", "250 EUR", "500 EUR", "1000 EUR", "3 months")


@dataclass
class _Team:
    lead: str
    manager: str
    agents: list[str] = field(default_factory=list)
    specialists: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)
    guardrails: list[str] = field(default_factory=list)


class _Builder:
    """Adds nodes and edges through the domain's operations, skipping duplicates."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.session = Session(meta={"title": "Synthetic service organisation", "language": "en"})

    def node(self, node_id: str, kind: NodeKind, label: str, **fields: object) -> str:
        AddNode(node_id, kind, label, fields).apply(self.session)
        return node_id

    def edge(self, source: str, target: str, kind: EdgeKind, **fields: object) -> None:
        if source != target and not self.session.graph.has_edge(source, target, key=kind):
            AddEdge(source, target, kind, fields).apply(self.session)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability


def generate_organisation(n_nodes: int, seed: int = 0) -> Session:
    """Build a synthetic service organisation of exactly ``n_nodes`` nodes.

    Examples
    --------
    >>> session = generate_organisation(50)
    >>> session.graph.number_of_nodes()
    50
    """
    if n_nodes < 4:
        raise ValueError("an organisation needs at least 4 nodes, one of each kind")
    n_priorities = max(1, round(n_nodes * 0.05))
    n_roles = max(1, round(n_nodes * 0.15))
    n_guardrails = max(1, round(n_nodes * 0.10))
    n_responsibilities = n_nodes - n_priorities - n_roles - n_guardrails
    build = _Builder(seed)
    priorities = _add_priorities(build, n_priorities)
    guardrails = [
        build.node(f"guard_{i:04d}", NodeKind.GUARDRAIL, _numbered(_GUARDRAILS, i))
        for i in range(n_guardrails)
    ]
    teams, bosses = _add_roles(build, n_roles)
    connected = guardrails[:-1] or guardrails  # the last one: nobody has connected it yet
    for team in teams:
        team.focus = build.rng.sample(priorities, min(3, len(priorities)))
        team.guardrails = build.rng.sample(connected, min(2, len(connected)))
    for guardrail in connected:
        if build.chance(0.9):
            build.edge(build.rng.choice(bosses), guardrail, EdgeKind.ACCOUNTABLE)
    for i in range(n_responsibilities):
        _add_responsibility(build, f"resp_{i:05d}", i, build.rng.choice(teams), priorities)
    return build.session


def _numbered(names: tuple[str, ...], i: int) -> str:
    name = names[i % len(names)]
    return name if i < len(names) else f"{name} {i // len(names) + 1}"


def _add_priorities(build: _Builder, count: int) -> list[str]:
    priorities, rank = [], 0
    for i in range(count):
        fields = {}
        if i < 2 or build.chance(0.75):
            rank += 0 if rank and (i == 1 or build.chance(0.1)) else 1  # some ties, one sure
            fields["rank"] = rank
        priorities.append(
            build.node(f"prio_{i:04d}", NodeKind.PRIORITY, _numbered(_PRIORITIES, i), **fields)
        )
    if count > 1:
        for _ in range(max(1, count // 4)):
            build.edge(*build.rng.sample(priorities, 2), EdgeKind.CONFLICTS_WITH)
        for _ in range(count // 6):
            higher, lower = sorted(build.rng.sample(priorities, 2))
            build.edge(higher, lower, EdgeKind.OUTRANKS)
        # Two that each outrank the other: an order that contradicts itself.
        build.edge(priorities[-1], priorities[-2], EdgeKind.OUTRANKS)
        build.edge(priorities[-2], priorities[-1], EdgeKind.OUTRANKS)
    return priorities


def _add_roles(build: _Builder, count: int) -> tuple[list[_Team], list[str]]:
    """Roles in tiers; returns the teams and the roles above team level."""
    rest = count - 1
    n_managers = round(rest * 0.08)
    n_leads = max(1 if rest >= 2 else 0, round(rest * 0.2))
    n_specialists = round(rest * 0.12)
    n_agents = rest - n_managers - n_leads - n_specialists
    head = build.node("role_head", NodeKind.ROLE, "Head of customer service", load=95)
    managers = [
        _role(build, f"role_mgr_{i:03d}", f"Service manager {i + 1}") for i in range(n_managers)
    ]
    for manager in managers:
        build.edge(manager, head, EdgeKind.ESCALATES_TO)
    bosses = managers or [head]
    teams = []
    for i in range(n_leads):
        lead = _role(build, f"role_lead_{i:03d}", f"Team lead {i + 1}")
        teams.append(_Team(lead=lead, manager=bosses[i % len(bosses)]))
        build.edge(lead, teams[-1].manager, EdgeKind.ESCALATES_TO)
    teams = teams or [_Team(lead=head, manager=head)]
    for i in range(n_specialists):
        team = teams[i % len(teams)]
        team.specialists.append(_role(build, f"role_spec_{i:03d}", f"Specialist {i + 1}"))
        build.edge(team.specialists[-1], team.lead, EdgeKind.ESCALATES_TO)
    for i in range(n_agents):
        team = build.rng.choice(teams)
        team.agents.append(_role(build, f"role_agent_{i:04d}", f"Service agent {i + 1}"))
        if build.chance(0.9):
            build.edge(team.agents[-1], team.lead, EdgeKind.ESCALATES_TO)
    _add_deputies(build, teams, managers, head)
    if teams[0].manager != teams[0].lead:  # one escalation loop the workshop should notice
        build.edge(teams[0].manager, teams[0].lead, EdgeKind.ESCALATES_TO)
    return teams, bosses


def _role(build: _Builder, role_id: str, label: str) -> str:
    load = min(200, max(0, round(build.rng.gauss(80, 15))))
    return build.node(role_id, NodeKind.ROLE, label, load=load)


def _add_deputies(build: _Builder, teams: list[_Team], managers: list[str], head: str) -> None:
    for team in teams:
        if team.specialists and build.chance(0.7):
            build.edge(team.specialists[0], team.lead, EdgeKind.DEPUTY_OF)
    for first, second in itertools.pairwise(managers):
        if build.chance(0.5):
            build.edge(second, first, EdgeKind.DEPUTY_OF)
    if managers:
        build.edge(managers[0], head, EdgeKind.DEPUTY_OF)


def _add_responsibility(
    build: _Builder, node_id: str, i: int, team: _Team, priorities: list[str]
) -> None:
    rng, fields = build.rng, {}
    if build.chance(0.3):
        fields["decision_limit"] = rng.choice(_LIMITS)
    if build.chance(0.1):
        fields["reconfirm"] = True
    if build.chance(0.15):
        fields["critical"] = True
    if build.chance(0.5):
        fields["good_enough"] = "Customer confirms the case is solved"
    if "decision_limit" in fields:  # delegated far yet re-confirmed: a delegation mismatch
        fields["delegation"] = 6 if fields.get("reconfirm") else 3
        fields["delegation_target"] = 7
    build.node(node_id, NodeKind.RESPONSIBILITY, _numbered(_RESPONSIBILITIES, i), **fields)
    doers = team.agents or team.specialists or [team.lead]
    owners = 0 if build.chance(0.06) else 2 if build.chance(0.04) else 1
    for owner in rng.sample([team.lead, *doers], min(owners, 1 + len(doers))):
        build.edge(owner, node_id, EdgeKind.ACCOUNTABLE)
    for doer in rng.sample(doers, min(len(doers), rng.choice((1, 1, 2)))):
        build.edge(doer, node_id, EdgeKind.RESPONSIBLE)
    if build.chance(0.3):
        build.edge(rng.choice(team.specialists or [team.manager]), node_id, EdgeKind.CONSULTED)
    if build.chance(0.2):
        build.edge(team.manager, node_id, EdgeKind.INFORMED)
    if not build.chance(0.05):
        for priority in rng.sample(team.focus, min(len(team.focus), rng.choice((1, 1, 2)))):
            build.edge(node_id, priority, EdgeKind.SERVES)
        if build.chance(0.05):
            build.edge(node_id, rng.choice(priorities), EdgeKind.SERVES)
    if team.guardrails and build.chance(0.4):
        build.edge(node_id, rng.choice(team.guardrails), EdgeKind.BOUNDED_BY)
    limited = "decision_limit" in fields or "reconfirm" in fields
    if build.chance(0.85 if limited else 0.2):
        target = rng.choice((team.lead, team.manager))
        build.edge(node_id, target, EdgeKind.ESCALATES_TO, trigger="over the limit", after="4h")


#: Edge colours in the DOT text: the map tells kinds apart by style, not by labels.
_DOT_COLOURS = {
    EdgeKind.ACCOUNTABLE: "black",
    EdgeKind.RESPONSIBLE: "gray40",
    EdgeKind.CONSULTED: "gray60",
    EdgeKind.INFORMED: "gray80",
    EdgeKind.ESCALATES_TO: "purple",
    EdgeKind.SERVES: "orange",
    EdgeKind.OUTRANKS: "brown",
    EdgeKind.CONFLICTS_WITH: "red",
    EdgeKind.BOUNDED_BY: "crimson",
    EdgeKind.DEPUTY_OF: "darkgreen",
}


def to_dot(session: Session) -> str:
    """The session's graph as Graphviz DOT text: labelled boxes, edges coloured by kind."""

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph map {", "  node [shape=box];"]
    for node_id, label in sorted(session.graph.nodes(data="label")):
        lines.append(f"  {quoted(node_id)} [label={quoted(label)}];")
    for source, target, kind in sorted(session.graph.edges(keys=True)):
        colour = _DOT_COLOURS[EdgeKind(kind)]
        lines.append(f"  {quoted(source)} -> {quoted(target)} [color={colour}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
