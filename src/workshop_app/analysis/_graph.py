"""Reading the session graph by kind: the few accessors every rule needs.

The graph is the session's :class:`networkx.MultiDiGraph`: node attribute
``kind`` holds the node kind and an edge's key is its edge kind. Each helper
looks only at one node's own adjacency, so a rule that calls them once per
node stays linear in the size of the map.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

__all__ = ["has_text", "nodes_of_kind", "sources", "targets"]


def nodes_of_kind(G: nx.MultiDiGraph, kind: str) -> Iterator[tuple[str, dict]]:
    """Yield ``(node, attributes)`` for every node of ``kind``."""
    for node, data in G.nodes(data=True):
        if data.get("kind") == kind:
            yield node, data


def sources(G: nx.MultiDiGraph, node: str, edge_kind: str) -> list[str]:
    """The nodes with an ``edge_kind`` edge into ``node``."""
    return [other for other, keys in G.pred[node].items() if edge_kind in keys]


def targets(G: nx.MultiDiGraph, node: str, edge_kind: str) -> list[str]:
    """The nodes that ``node`` has an ``edge_kind`` edge to."""
    return [other for other, keys in G.succ[node].items() if edge_kind in keys]


def has_text(value: object) -> bool:
    """True for a text field that says something (not missing, not blank)."""
    return isinstance(value, str) and bool(value.strip())
