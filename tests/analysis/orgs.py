"""Synthetic organisations for tests and for measuring the analysis.

``python tests/analysis/orgs.py`` prints how long the analysis takes next to
building the same networkx graph from its node and edge lists.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from typing import Any, NamedTuple

import networkx as nx

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import AddEdge, AddNode, Batch, EdgeKind, NodeKind, Session

NodeRow = tuple[str, NodeKind, str, dict[str, Any]]
EdgeRow = tuple[str, str, EdgeKind, dict[str, Any]]


class Organisation(NamedTuple):
    nodes: list[NodeRow]
    edges: list[EdgeRow]


def organisation(size: int, seed: int = 0) -> Organisation:
    """About ``size`` nodes of a customer-service organisation with the usual flaws.

    Roles form an escalation tree with one loop; responsibilities are owned,
    RACI-linked, serve priorities and sometimes lack an owner, a priority or
    an escalation path; a few priorities tie, conflict or contradict the ranks.
    """
    rng = random.Random(seed)
    n_priorities, n_roles, n_guardrails = max(4, size // 40), max(3, size // 5), max(1, size // 20)
    n_responsibilities = max(1, size - n_priorities - n_roles - n_guardrails)
    priorities = [f"p{i}" for i in range(n_priorities)]
    roles = [f"role{i}" for i in range(n_roles)]
    guardrails = [f"g{i}" for i in range(n_guardrails)]
    nodes: list[NodeRow] = []
    edges: list[EdgeRow] = []

    for i, node in enumerate(priorities):
        fields = {"rank": i // 2 + 1} if i % 5 else {}
        nodes.append((node, NodeKind.PRIORITY, f"Priorität {i}", fields))
        edges.append((rng.choice(roles), node, EdgeKind.ACCOUNTABLE, {}))
    for i in range(0, n_priorities - 1, 7):
        edges.append((priorities[i + 1], priorities[i], EdgeKind.OUTRANKS, {}))
    for i in range(0, n_priorities - 3, 3):
        edges.append((priorities[i], priorities[i + 3], EdgeKind.CONFLICTS_WITH, {}))

    for i, node in enumerate(roles):
        nodes.append((node, NodeKind.ROLE, f"Rolle {i}", {"load": rng.randrange(40, 120)}))
        if i:
            edges.append((node, roles[(i - 1) // 4], EdgeKind.ESCALATES_TO, {}))
        if i % 2:
            edges.append((node, roles[i - 1], EdgeKind.DEPUTY_OF, {}))
    edges.append((roles[0], roles[-1], EdgeKind.ESCALATES_TO, {}))

    for i, node in enumerate(guardrails):
        nodes.append((node, NodeKind.GUARDRAIL, f"Leitplanke {i}", {}))
        if i % 10:
            edges.append((rng.choice(roles), node, EdgeKind.ACCOUNTABLE, {}))

    for i in range(n_responsibilities):
        node = f"x{i}"
        nodes.append((node, NodeKind.RESPONSIBILITY, f"Aufgabe {i}", _responsibility(rng)))
        edges.extend(_responsibility_edges(rng, node, nodes[-1][3], roles, priorities, guardrails))
    return Organisation(nodes, edges)


def _responsibility(rng: random.Random) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if rng.random() < 0.4:
        fields["decision_limit"] = f"{rng.choice([50, 100, 500])} EUR"
    if rng.random() < 0.1:
        fields["reconfirm"] = True
    if rng.random() < 0.1:
        fields["critical"] = True
    if rng.random() < 0.5:
        fields["good_enough"] = "Kunde bestätigt die Lösung"
    if "decision_limit" in fields:  # no draw: the organisation stays the same as before
        fields["delegation"] = 6 if fields.get("reconfirm") else 3
        fields["delegation_target"] = 7
    return fields


def _responsibility_edges(
    rng: random.Random,
    node: str,
    fields: dict[str, Any],
    roles: list[str],
    priorities: list[str],
    guardrails: list[str],
) -> list[EdgeRow]:
    if rng.random() < 0.01:
        return []
    owners = rng.sample(roles, 2 if rng.random() < 0.05 else 1 if rng.random() < 0.95 else 0)
    edges = [(owner, node, EdgeKind.ACCOUNTABLE, {}) for owner in owners]
    raci = rng.sample(roles, 3)
    edges += [(raci[0], node, EdgeKind.RESPONSIBLE, {})]
    edges += [(raci[1], node, EdgeKind.CONSULTED, {}), (raci[2], node, EdgeKind.INFORMED, {})]
    served = rng.sample(priorities, rng.choice([0, 1, 1, 2, 2, 2]))
    edges += [(node, priority, EdgeKind.SERVES, {}) for priority in served]
    if rng.random() < 0.3:
        edges.append((node, rng.choice(guardrails), EdgeKind.BOUNDED_BY, {}))
    if ("decision_limit" in fields or fields.get("reconfirm")) and rng.random() < 0.9:
        escalation = {"trigger": "über Grenze", "after": "4h"}
        edges.append((node, rng.choice(roles), EdgeKind.ESCALATES_TO, escalation))
    return edges


def reference_graph(org: Organisation) -> nx.MultiDiGraph:
    """The same graph built straight from the lists: the reference for speed."""
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(
        (node, {"kind": kind.value, "label": label, **fields})
        for node, kind, label, fields in org.nodes
    )
    graph.add_edges_from((s, t, kind.value, fields) for s, t, kind, fields in org.edges)
    return graph


def session_of(org: Organisation, language: str = "de") -> Session:
    """A session holding ``org``, built (and so validated) by the domain operations."""
    session = Session(meta={"language": language})
    nodes = [AddNode(node, kind, label, fields) for node, kind, label, fields in org.nodes]
    edges = [AddEdge(s, t, kind, fields) for s, t, kind, fields in org.edges]
    session.apply(Batch((*nodes, *edges)))
    return session


def _best_of(repeat: int, work: Callable[[], object]) -> float:
    """The least CPU time ``work`` took: on a machine shared with others, CPU
    time is far steadier than wall-clock time."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main(sizes: list[int]) -> None:
    for size in sizes:
        org = organisation(size)
        session = session_of(org)
        build = _best_of(9, lambda org=org: reference_graph(org))
        analyse = _best_of(9, lambda session=session: find_ambiguities(session))
        print(
            f"{len(org.nodes):>6} nodes {len(org.edges):>6} edges: "
            f"build graph {build * 1e3:7.2f} ms, analysis {analyse * 1e3:7.2f} ms "
            f"(ratio {analyse / build:.2f}), {len(find_ambiguities(session))} findings"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
