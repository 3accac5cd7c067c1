"""Reading the session graph by kind: the few accessors every rule needs.

The graph is the session's :class:`networkx.MultiDiGraph`: node attribute
``kind`` holds the node kind and an edge's key is its edge kind. Each helper
looks only at one node's own adjacency, so a rule that calls them once per
node stays linear in the size of the map.

The helpers read the plain dicts behind ``G.nodes``, ``G.pred`` and
``G.succ`` (``G._node``, ``G._pred``, ``G._succ``), as networkx's own
algorithms do in their inner loops: the public views wrap every neighbour's
key dict in a view object, and at 5,000 nodes that wrapping alone cost more
than all the rules together.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["has_text", "is_isolated", "nodes_of_kind", "sources", "targets"]


def nodes_of_kind(G: nx.MultiDiGraph, *kinds: str) -> list[tuple[str, dict[str, Any]]]:
    """``(node, attributes)`` for every node of one of ``kinds``, in graph order."""
    return [(node, data) for node, data in G._node.items() if data.get("kind") in kinds]


def sources(G: nx.MultiDiGraph, node: str, edge_kind: str) -> list[str]:
    """The nodes with an ``edge_kind`` edge into ``node``."""
    return [other for other, keys in G._pred[node].items() if edge_kind in keys]


def targets(G: nx.MultiDiGraph, node: str, edge_kind: str) -> list[str]:
    """The nodes that ``node`` has an ``edge_kind`` edge to."""
    return [other for other, keys in G._succ[node].items() if edge_kind in keys]


def is_isolated(G: nx.MultiDiGraph, node: str) -> bool:
    """True when no edge, of any kind, starts or ends at ``node``."""
    return not G._succ[node] and not G._pred[node]


def has_text(value: object) -> bool:
    """True for a text field that says something (not missing, not blank)."""
    return isinstance(value, str) and bool(value.strip())
