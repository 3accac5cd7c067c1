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

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, TypeVar

import networkx as nx

__all__ = [
    "AnalysisView",
    "has_target",
    "has_text",
    "is_isolated",
    "nodes_of_kind",
    "shared",
    "sources",
    "targets",
]

T = TypeVar("T")


class AnalysisView:
    """The session graph as the rules of one analysis see it.

    It reads the graph's own dicts, and what several rules need (the nodes
    of a kind, the owners of each node) is worked out once for all of them
    through :func:`shared`. ``anchors`` narrows the node listing to some nodes: the rules
    then yield only the findings about those nodes, while they still read
    every edge and node of the map (see :mod:`.live`). ``nodes`` maps every
    node of the map to its attributes, as ``G.nodes`` does.
    """

    __slots__ = ("_memo", "_node", "_pred", "_succ", "nodes")

    def __init__(self, G: nx.MultiDiGraph, anchors: Iterable[str] | None = None) -> None:
        self._node = G._node if anchors is None else {node: G._node[node] for node in anchors}
        self._pred, self._succ, self.nodes = G._pred, G._succ, G._node
        self._memo: dict[Hashable, Any] = {}

    def __iter__(self) -> Iterator[str]:
        return iter(self._node)


def shared(G: nx.MultiDiGraph, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, worked out once per :class:`AnalysisView` for all rules
    that ask for ``key`` (on a plain graph, every time)."""
    if not isinstance(G, AnalysisView):
        return compute()
    if key not in G._memo:
        G._memo[key] = compute()
    return G._memo[key]


def nodes_of_kind(G: nx.MultiDiGraph, *kinds: str) -> list[tuple[str, dict[str, Any]]]:
    """``(node, attributes)`` for every node of one of ``kinds``, kind by kind,
    each kind in graph order."""
    if not isinstance(G, AnalysisView):
        return [(node, data) for node, data in G._node.items() if data.get("kind") in kinds]
    by_kind = shared(G, "by kind", lambda: _by_kind(G._node))
    if len(kinds) == 1:
        return by_kind.get(kinds[0], [])
    return [pair for kind in kinds for pair in by_kind.get(kind, ())]


def _by_kind(nodes: dict[str, dict[str, Any]]) -> dict[Any, list[tuple[str, dict[str, Any]]]]:
    """The nodes grouped by kind, in one pass (rules ask for four groupings)."""
    groups: defaultdict[Any, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for node, data in nodes.items():
        groups[data.get("kind")].append((node, data))
    return groups


def sources(G: nx.MultiDiGraph, node: str, edge_kind: str) -> list[str]:
    """The nodes with an ``edge_kind`` edge into ``node``."""
    return [other for other, keys in G._pred[node].items() if edge_kind in keys]


def targets(G: nx.MultiDiGraph, node: str, edge_kind: str) -> list[str]:
    """The nodes that ``node`` has an ``edge_kind`` edge to."""
    return [other for other, keys in G._succ[node].items() if edge_kind in keys]


def has_target(G: nx.MultiDiGraph, node: str, edge_kind: str) -> bool:
    """True when ``node`` has an ``edge_kind`` edge to some node (none are listed)."""
    # A loop, not any() over a generator: twice as fast, once per responsibility.
    for keys in G._succ[node].values():  # noqa: SIM110
        if edge_kind in keys:
            return True
    return False


def is_isolated(G: nx.MultiDiGraph, node: str) -> bool:
    """True when no edge, of any kind, starts or ends at ``node``."""
    return not G._succ[node] and not G._pred[node]


def has_text(value: object) -> bool:
    """True for a text field that says something (not missing, not blank)."""
    return isinstance(value, str) and bool(value.strip())
