"""Ownership: every responsibility, priority and guardrail needs exactly one owner.

An owner is a role with an ``accountable`` edge to the node (RACI "A").
Nobody owning a thing and several owning it come to the same in the room:
everyone assumes someone else will decide.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from workshop_app.analysis._graph import nodes_of_kind, shared, sources

__all__ = ["OWNED_KINDS", "no_owner", "shared_ownership"]

#: The node kinds that must have an owner.
OWNED_KINDS = ("responsibility", "priority", "guardrail")


def no_owner(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield ``(node,)`` for each node that must have an owner and has none.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("x", kind="responsibility", label="Kulanz")
    >>> G.add_node("r", kind="role", label="Team")
    >>> list(no_owner(G))
    [('x',)]
    >>> _ = G.add_edge("r", "x", key="accountable")
    >>> list(no_owner(G))
    []
    """
    for node, owners in _owners(G):
        if not owners:
            yield (node,)


def shared_ownership(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield the node and its owners, sorted, for each node with two or more owners.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("x", kind="responsibility", label="Kulanz")
    >>> G.add_nodes_from(["lead", "agent"], kind="role")
    >>> _ = G.add_edge("lead", "x", key="accountable")
    >>> _ = G.add_edge("agent", "x", key="accountable")
    >>> list(shared_ownership(G))
    [('agent', 'lead', 'x')]
    """
    for node, owners in _owners(G):
        if len(owners) >= 2:
            yield tuple(sorted([node, *owners]))


def _owners(G: nx.MultiDiGraph) -> list[tuple[str, list[str]]]:
    """Each node that must have an owner, with its owners (once for both rules)."""
    return shared(
        G,
        "owners",
        lambda: [
            (node, sources(G, node, "accountable")) for node, _ in nodes_of_kind(G, *OWNED_KINDS)
        ],
    )
