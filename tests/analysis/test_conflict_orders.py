"""Conflicts are settled from one pass over the "above" order (issue #18, item 8).

Two ``outranks`` chains of unranked priorities with ``conflicts_with`` between
them once cost a search through a chain per conflict: 0.87 MiB took 19 s to
check, and the window froze that long on every priority edit.
"""

from __future__ import annotations

import random

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.analysis import priorities
from workshop_app.analysis.priorities import (
    above_graph,
    is_above,
    orders_between,
    priority_conflict,
)


def chains(length: int) -> nx.MultiDiGraph:
    """Two outranks chains of unranked priorities, each link conflicting with its twin."""
    graph = nx.MultiDiGraph()
    for side in "ab":
        graph.add_nodes_from((f"{side}{i}" for i in range(length)), kind="priority")
        graph.add_edges_from(
            (f"{side}{i}", f"{side}{i + 1}", "outranks") for i in range(length - 1)
        )
    graph.add_edges_from((f"a{i}", f"b{i}", "conflicts_with") for i in range(length))
    return graph


def random_order(seed: int) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    count = rng.randint(2, 30)
    for number in range(count):
        rank = rng.choice([None, None, *range(1, 5)])
        graph.add_node(f"p{number}", kind="priority", **({} if rank is None else {"rank": rank}))
    for _ in range(rng.randint(0, 3 * count)):
        a, b = rng.sample(range(count), 2)
        graph.add_edge(f"p{a}", f"p{b}", key=rng.choice(["outranks", "conflicts_with"]))
    return graph


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 10**9))
def test_one_pass_answers_as_a_search_per_pair_does(seed: int) -> None:
    graph = random_order(seed)
    nodes = sorted(graph.nodes)
    pairs = [(a, b) for a in nodes for b in nodes if a != b]
    above = above_graph(graph)
    expected = {(a, b): (is_above(above, a, b), is_above(above, b, a)) for a, b in pairs}
    assert orders_between(graph, pairs) == expected


def settled_by_search(graph: nx.MultiDiGraph) -> list[tuple[str, ...]]:
    """The conflict rule as it was: a search through "above" per pair."""
    above = above_graph(graph)
    component = {
        node: index for index, members in enumerate(nx.strongly_connected_components(above))
        for node in members
    }  # fmt: skip
    found = []
    pairs = {
        tuple(sorted((a, b))) for a, b, kind in graph.edges(keys=True) if kind == "conflicts_with"
    }
    for a, b in sorted(pairs):
        apart = component[a] != component[b]
        if apart and (is_above(above, a, b) or is_above(above, b, a)):
            continue
        serving = {s for s, _t, k in graph.in_edges(a, keys=True) if k == "serves"}
        serving &= {s for s, _t, k in graph.in_edges(b, keys=True) if k == "serves"}
        found.append(tuple(sorted([a, b, *serving])))
    return found


@pytest.mark.parametrize("seed", range(40))
def test_the_rule_finds_what_it_found_before(seed: int) -> None:
    graph = random_order(seed)
    assert list(priority_conflict(graph)) == settled_by_search(graph)


def test_chains_are_settled_without_a_search_per_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    searches = [0]
    real = nx.has_path

    def counted(*args: object) -> bool:
        searches[0] += 1
        return real(*args)

    monkeypatch.setattr(priorities.nx, "has_path", counted)
    graph = chains(3000)
    # b0…b5 are above b5, which is above a0 and all below it: six pairs settled.
    graph.add_edge("b5", "a0", key="outranks")
    found = list(priority_conflict(graph))
    assert searches[0] == 0
    assert len(found) == 2994
    assert all((f"a{i}", f"b{i}") not in found for i in range(6))
    assert ("a6", "b6") in found
