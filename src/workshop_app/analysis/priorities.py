"""Priorities: their order, ties, contradictions and conflicts.

*a* is **above** *b* when a path leads from *a* to *b* whose every step is
an ``outranks`` edge or a step from a ranked priority to one with a higher
rank number (rank 1 is above rank 2). :func:`above_graph` builds that
relation without an edge for every pair of ranks: each rank gets one
:class:`RankLevel` node, every priority of a rank points to its level and
the level points to every priority of the next greater rank. Levels only
lead to greater ranks, so they never close a cycle of their own, and the
graph stays linear in the number of priorities.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Any, NamedTuple

import networkx as nx

from workshop_app.analysis._graph import has_target, nodes_of_kind, shared, sources, targets

__all__ = [
    "RankLevel",
    "above_graph",
    "is_above",
    "no_priority",
    "orders_between",
    "priority_conflict",
    "priority_cycle",
    "priority_tie",
]


class RankLevel(NamedTuple):
    """The virtual node between one rank and the next in :func:`above_graph`."""

    rank: int


def _by_rank(priorities: list[tuple[str, dict[str, Any]]]) -> dict[int, list[str]]:
    by_rank: dict[int, list[str]] = defaultdict(list)
    for node, data in priorities:
        if data.get("rank") is not None:
            by_rank[data["rank"]].append(node)
    return by_rank


def priority_tie(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield the tied priorities, sorted, once for each rank that two or more share.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("fcr", kind="priority", rank=1)
    >>> G.add_node("cost", kind="priority", rank=1)
    >>> G.add_node("nps", kind="priority", rank=2)
    >>> list(priority_tie(G))
    [('cost', 'fcr')]
    """
    for tied in _by_rank(nodes_of_kind(G, "priority")).values():
        if len(tied) >= 2:
            yield tuple(sorted(tied))


def above_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """The "above" relation between priorities as a directed graph.

    Its nodes are the priorities and one :class:`RankLevel` per rank that has
    a greater rank after it; *a* is above *b* exactly when *b* is reachable
    from *a* (see :func:`is_above`).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"rank": 1}), ("b", {"rank": 2}), ("c", {})], kind="priority")
    >>> _ = G.add_edge("b", "c", key="outranks")
    >>> above = above_graph(G)
    >>> is_above(above, "a", "c"), is_above(above, "c", "a")
    (True, False)
    """
    priorities = nodes_of_kind(G, "priority")
    above = nx.DiGraph()
    above.add_nodes_from(node for node, _ in priorities)
    above.add_edges_from(
        (node, lower) for node, _ in priorities for lower in targets(G, node, "outranks")
    )
    by_rank = _by_rank(priorities)
    ranks = sorted(by_rank)
    for rank, next_rank in pairwise(ranks):
        level = RankLevel(rank)
        above.add_edges_from((node, level) for node in by_rank[rank])
        above.add_edges_from((level, node) for node in by_rank[next_rank])
    return above


def is_above(above: nx.DiGraph, a: str, b: str) -> bool:
    """True when priority ``a`` is above priority ``b`` in :func:`above_graph`."""
    return a != b and nx.has_path(above, a, b)


def priority_cycle(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield the priorities of each strongly connected component of "above", once each.

    Such a component is an order that contradicts itself: an ``outranks``
    cycle, or an ``outranks`` edge against the ranks.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"rank": 1}), ("b", {"rank": 2})], kind="priority")
    >>> _ = G.add_edge("b", "a", key="outranks")
    >>> list(priority_cycle(G))
    [('a', 'b')]
    """
    for component in _components(G)[1]:
        priorities = [node for node in component if not isinstance(node, RankLevel)]
        if len(priorities) >= 2:
            yield tuple(sorted(priorities))


def _components(G: nx.MultiDiGraph) -> tuple[nx.DiGraph, list[set[Any]]]:
    """:func:`above_graph` and its strongly connected components, once per analysis."""

    def compute() -> tuple[nx.DiGraph, list[set[Any]]]:
        above = above_graph(G)
        return above, list(nx.strongly_connected_components(above))

    return shared(G, "above", compute)


def priority_conflict(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield each unsettled ``conflicts_with`` pair with the responsibilities serving both.

    A conflict is settled only when exactly one of the two priorities is
    above the other; neither, or both (a contradictory order), leaves it
    open. A pair joined in both directions is one conflict.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["speed", "care"], kind="priority")
    >>> G.add_node("x", kind="responsibility")
    >>> _ = G.add_edge("speed", "care", key="conflicts_with")
    >>> _ = G.add_edge("x", "speed", key="serves")
    >>> _ = G.add_edge("x", "care", key="serves")
    >>> list(priority_conflict(G))
    [('care', 'speed', 'x')]
    >>> _ = G.add_edge("care", "speed", key="outranks")
    >>> list(priority_conflict(G))
    []
    """
    _above, components = _components(G)
    component = {node: index for index, members in enumerate(components) for node in members}
    pairs = sorted(
        {
            tuple(sorted((node, other)))
            for node, _ in nodes_of_kind(G, "priority")
            for other in targets(G, node, "conflicts_with")
        }
    )
    # Different ranks decide at once; only the rest need the order's reachability.
    undecided = [
        (a, b) for a, b in pairs if component[a] != component[b] and not _ranked_apart(G, a, b)
    ]
    orders = orders_between(G, undecided)
    for a, b in pairs:
        if component[a] != component[b] and (_ranked_apart(G, a, b) or any(orders[a, b])):
            continue
        serving_both = set(sources(G, a, "serves")).intersection(sources(G, b, "serves"))
        yield tuple(sorted([a, b, *serving_both]))


def _ranked_apart(G: nx.MultiDiGraph, a: str, b: str) -> bool:
    rank_a, rank_b = G.nodes[a].get("rank"), G.nodes[b].get("rank")
    return rank_a is not None and rank_b is not None and rank_a != rank_b


def orders_between(
    G: nx.MultiDiGraph, pairs: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], tuple[bool, bool]]:
    """For each pair ``(a, b)`` of priorities: (*a* is above *b*, *b* is above *a*).

    All pairs are settled in one pass over the "above" order: its strongly
    connected components are condensed into a DAG once, and walking that DAG
    from its last components to its first, each component's set of reachable
    pair ends is a bit set, the union of its successors' (only the ends of
    the pairs asked about get a bit). A search per pair would cost the whole
    order each time: two ``outranks`` chains of 10,000 priorities with
    conflicts between them took minutes.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["a", "b", "c", "d"], kind="priority")
    >>> _ = G.add_edge("a", "b", key="outranks")
    >>> _ = G.add_edge("b", "c", key="outranks")
    >>> orders_between(G, [("a", "c"), ("c", "a"), ("a", "d")])
    {('a', 'c'): (True, False), ('c', 'a'): (False, True), ('a', 'd'): (False, False)}
    """
    pairs = list(pairs)
    if not pairs:
        return {}
    above, components = _components(G)
    condensed = nx.condensation(above, scc=components)
    of = condensed.graph["mapping"]
    asked: dict[int, set[int]] = defaultdict(set)
    for a, b in pairs:
        asked[of[a]].add(of[b])
        asked[of[b]].add(of[a])
    bit = {
        end: 1 << index for index, end in enumerate(sorted({e for s in asked.values() for e in s}))
    }
    reaches: set[tuple[int, int]] = set()
    waiting = dict(condensed.in_degree())  # predecessors yet to read a component's set
    reach: dict[int, int] = {}
    for node in reversed(list(nx.topological_sort(condensed))):
        ends = bit.get(node, 0)
        for successor in condensed.successors(node):
            ends |= reach[successor]
            waiting[successor] -= 1
            if not waiting[successor]:
                del reach[successor]  # read by all: its bits need no memory any more
        reaches.update((node, end) for end in asked.get(node, ()) if ends & bit[end])
        if waiting[node]:
            reach[node] = ends
    return {
        (a, b): (
            a != b and (of[a], of[b]) in reaches,
            a != b and (of[b], of[a]) in reaches,
        )
        for a, b in pairs
    }


def no_priority(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield ``(node,)`` for each responsibility that serves no priority.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("x", kind="responsibility")
    >>> list(no_priority(G))
    [('x',)]
    """
    for node, _ in nodes_of_kind(G, "responsibility"):
        if not has_target(G, node, "serves"):
            yield (node,)
