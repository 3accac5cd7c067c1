"""Decision spaces: real or only on paper, and when a solution is good enough.

A decision right that must be re-confirmed by someone else is no right at
all in practice: people learn to ask first — all the more where the
delegation board says the team decides. Without a shared idea of "good
enough", they play safe and polish instead of solving.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from workshop_app.analysis._graph import has_text, nodes_of_kind

__all__ = ["delegation_mismatch", "formal_decision_space", "no_good_enough"]


def formal_decision_space(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield ``(node,)`` for each responsibility marked ``reconfirm: true``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("x", kind="responsibility", reconfirm=True)
    >>> G.add_node("y", kind="responsibility", reconfirm=False)
    >>> list(formal_decision_space(G))
    [('x',)]
    """
    for node, data in nodes_of_kind(G, "responsibility"):
        if data.get("reconfirm") is True:
            yield (node,)


def no_good_enough(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield ``(node,)`` for each responsibility without a ``good_enough`` text.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("x", kind="responsibility", good_enough="Kunde bestätigt Lösung")
    >>> G.add_node("y", kind="responsibility", good_enough="")
    >>> list(no_good_enough(G))
    [('y',)]
    """
    for node, data in nodes_of_kind(G, "responsibility"):
        if not has_text(data.get("good_enough")):
            yield (node,)


def delegation_mismatch(G: nx.MultiDiGraph) -> Iterator[tuple[str, ...]]:
    """Yield ``(node,)`` for each responsibility delegated at level 5 or more
    that must still be re-confirmed: delegated on paper, re-confirmed in practice.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("x", kind="responsibility", delegation=6, reconfirm=True)
    >>> G.add_node("y", kind="responsibility", delegation=4, reconfirm=True)
    >>> G.add_node("z", kind="responsibility", delegation=7)
    >>> list(delegation_mismatch(G))
    [('x',)]
    """
    for node, data in nodes_of_kind(G, "responsibility"):
        level = data.get("delegation")
        if data.get("reconfirm") is True and _is_level(level) and level >= 5:
            yield (node,)


def _is_level(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
