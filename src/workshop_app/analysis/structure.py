"""Structure of the map itself: nodes nobody has connected yet."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from workshop_app.analysis._graph import is_isolated

__all__ = ["isolated"]


def isolated(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield ``(node,)`` for each node with no edge at all.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["a", "b", "c"])
    >>> _ = G.add_edge("a", "b", key="serves")
    >>> list(isolated(G))
    [('c',)]
    """
    for node in G:
        if is_isolated(G, node):
            yield (node,)
