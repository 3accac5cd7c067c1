"""Capacity: stand-ins for critical work, and buffer for peaks.

Responsibility needs room: a role that owns critical work with nobody to
stand in, or that already runs near full load, has no slack for absences,
peaks or the special case that needs time.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from workshop_app.analysis._graph import nodes_of_kind, sources, targets

__all__ = ["LOAD_LIMIT", "no_buffer", "no_deputy"]

#: A role whose ``load`` (percent of capacity in use) reaches this has no buffer.
LOAD_LIMIT = 90


def no_deputy(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield the role and its critical responsibilities, sorted, for each role
    that owns critical work and has no deputy.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["lead", "agent"], kind="role")
    >>> G.add_node("x", kind="responsibility", critical=True)
    >>> _ = G.add_edge("lead", "x", key="accountable")
    >>> list(no_deputy(G))
    [('lead', 'x')]
    >>> _ = G.add_edge("agent", "lead", key="deputy_of")
    >>> list(no_deputy(G))
    []
    """
    # From each role's own edges, so that a finding depends only on the role,
    # its edges and the nodes it owns (what LiveAnalysis re-checks after an edit).
    nodes = G.nodes
    for role, _ in nodes_of_kind(G, "role"):
        critical = [
            node
            for node in targets(G, role, "accountable")
            if nodes[node].get("kind") == "responsibility" and nodes[node].get("critical") is True
        ]
        if critical and not sources(G, role, "deputy_of"):
            yield tuple(sorted([role, *critical]))


def no_buffer(G: nx.MultiDiGraph, limit: int = LOAD_LIMIT) -> Iterator[tuple[str, ...]]:
    """Yield ``(role,)`` for each role whose ``load`` is ``limit`` percent or more.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("agent", kind="role", load=95)
    >>> G.add_node("lead", kind="role", load=60)
    >>> list(no_buffer(G))
    [('agent',)]
    """
    for role, data in nodes_of_kind(G, "role"):
        load = data.get("load")
        if load is not None and load >= limit:
            yield (role,)
