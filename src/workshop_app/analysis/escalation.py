"""Escalation: where a case goes when it leaves a decision space.

An escalation path must exist where a decision space has a limit or needs
re-confirmation, and it must end somewhere: a loop sends a case round
without anyone deciding it.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from workshop_app.analysis._graph import has_target, has_text, nodes_of_kind, sources
from workshop_app.domain.kinds import ALLOWED_ENDS, EdgeKind

__all__ = ["escalation_cycle", "escalation_missing"]

# Every node on a loop receives an escalation, so only the kinds that can
# receive one (roles) can be on a loop; looking at their incoming edges
# alone is several times faster than walking every edge of the map.
_RECEIVING = ALLOWED_ENDS[EdgeKind.ESCALATES_TO][1]


def escalation_cycle(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield the nodes of each loop of ``escalates_to`` edges, once per loop.

    A loop is a strongly connected component of two or more nodes, so a
    cycle is reported once, not once per node it could start from.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["agent", "lead", "head"], kind="role")
    >>> _ = G.add_edges_from(
    ...     [("agent", "lead", "escalates_to"), ("lead", "head", "escalates_to"),
    ...      ("head", "agent", "escalates_to")]
    ... )
    >>> list(escalation_cycle(G))
    [('agent', 'head', 'lead')]
    """
    escalation = nx.DiGraph(
        (lower, node)
        for node, _ in nodes_of_kind(G, *_RECEIVING)
        for lower in sources(G, node, "escalates_to")
        if G.nodes[lower].get("kind") in _RECEIVING
    )
    for component in nx.strongly_connected_components(escalation):
        if len(component) >= 2:
            yield tuple(sorted(component))


def escalation_missing(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield ``(node,)`` for each responsibility with a limit or re-confirmation
    but no ``escalates_to`` edge.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("x", kind="responsibility", decision_limit="50 EUR")
    >>> G.add_node("y", kind="responsibility", decision_limit=" ")
    >>> list(escalation_missing(G))
    [('x',)]
    """
    for node, data in nodes_of_kind(G, "responsibility"):
        bounded = has_text(data.get("decision_limit")) or data.get("reconfirm") is True
        if bounded and not has_target(G, node, "escalates_to"):
            yield (node,)
