"""Properties of the whole analysis on random maps."""

import random

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.analysis import RULE_CODES, find_ambiguities
from workshop_app.domain import EdgeKind, NodeKind, allowed_edge_kinds

from .build import session_with

FIELDS = {
    "priority": st.fixed_dictionaries({}, optional={"rank": st.integers(1, 3)}),
    "role": st.fixed_dictionaries({}, optional={"load": st.integers(0, 200)}),
    "responsibility": st.fixed_dictionaries(
        {},
        optional={
            "decision_limit": st.sampled_from(["50 EUR", " "]),
            "reconfirm": st.booleans(),
            "critical": st.booleans(),
            "good_enough": st.sampled_from(["Kunde zufrieden", ""]),
        },
    ),
    "guardrail": st.just({}),
}


@st.composite
def maps(draw):
    """Nodes with random kinds and fields, and edges of kinds DESIGN allows."""
    kinds = draw(st.lists(st.sampled_from(list(FIELDS)), max_size=12))
    nodes = [(f"n{i}", kind, f"Label {i}", draw(FIELDS[kind])) for i, kind in enumerate(kinds)]
    candidates = [
        (source, kind.value, target)
        for source, source_kind, *_ in nodes
        for target, target_kind, *_ in nodes
        if source != target
        for kind in allowed_edge_kinds(NodeKind(source_kind), NodeKind(target_kind))
    ]
    edges = draw(st.lists(st.sampled_from(candidates), unique=True)) if candidates else []
    return nodes, edges


@settings(max_examples=150, deadline=None)
@given(maps())
def test_subjects_are_sorted_existing_ids_and_results_sorted(data):
    nodes, edges = data
    session = session_with(nodes, edges)
    result = find_ambiguities(session)
    for finding in result:
        assert finding.code in RULE_CODES
        assert finding.subjects == tuple(sorted(set(finding.subjects)))
        assert all(subject in session.graph for subject in finding.subjects)
        assert finding.message
    assert len({(f.code, f.subjects) for f in result}) == len(result)
    order = {"error": 0, "warning": 1, "info": 2}
    keys = [(order[f.severity], f.code, f.subjects) for f in result]
    assert keys == sorted(keys)


@settings(max_examples=100, deadline=None)
@given(maps(), st.randoms(use_true_random=False))
def test_result_does_not_depend_on_insertion_order(data, rng: random.Random):
    nodes, edges = data
    shuffled_nodes, shuffled_edges = list(nodes), list(edges)
    rng.shuffle(shuffled_nodes)
    rng.shuffle(shuffled_edges)
    for language in ("de", "en"):
        first = find_ambiguities(session_with(nodes, edges, language))
        second = find_ambiguities(session_with(shuffled_nodes, shuffled_edges, language))
        assert [f.to_json() for f in first] == [f.to_json() for f in second]


@st.composite
def priority_maps(draw):
    """Priorities with random ranks, ``outranks`` and ``conflicts_with``, and who serves them."""
    count = draw(st.integers(2, 8))
    nodes = [(f"p{i}", "priority", f"Priority {i}", draw(FIELDS["priority"])) for i in range(count)]
    nodes += [(f"x{i}", "responsibility", f"Task {i}") for i in range(2)]
    pairs = [(f"p{a}", f"p{b}") for a in range(count) for b in range(count) if a != b]
    outranks = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=6))
    conflicts = draw(st.lists(st.sampled_from(pairs), unique=True, min_size=1, max_size=6))
    serves = draw(
        st.lists(
            st.sampled_from([(f"x{i}", f"p{j}") for i in range(2) for j in range(count)]),
            unique=True,
        )
    )
    edges = [(a, "outranks", b) for a, b in outranks] + [
        (a, "conflicts_with", b) for a, b in conflicts
    ]
    return nodes, edges + [(x, "serves", p) for x, p in serves]


def naive_above(session):
    """DESIGN's "above", literally: every rank step and every outranks edge, closed."""
    graph = nx.DiGraph()
    ranks = {
        p: session.graph.nodes[p].get("rank") for p in session.nodes_of_kind(NodeKind.PRIORITY)
    }
    graph.add_nodes_from(ranks)
    graph.add_edges_from(session.edges_of_kind(EdgeKind.OUTRANKS))
    graph.add_edges_from(
        (a, b)
        for a, rank_a in ranks.items()
        for b, rank_b in ranks.items()
        if rank_a is not None and rank_b is not None and rank_a < rank_b
    )
    return graph, nx.transitive_closure(graph, reflexive=False)


@settings(max_examples=200, deadline=None)
@given(priority_maps())
def test_priority_cycles_and_conflicts_follow_the_literal_definition(data):
    session = session_with(*data)
    graph, closure = naive_above(session)
    cycles = {
        tuple(sorted(component))
        for component in nx.strongly_connected_components(graph)
        if len(component) >= 2
    }
    serves = list(session.edges_of_kind(EdgeKind.SERVES))
    conflicts = set()
    for a, b in {tuple(sorted(pair)) for pair in session.edges_of_kind(EdgeKind.CONFLICTS_WITH)}:
        if closure.has_edge(a, b) == closure.has_edge(b, a):
            serving = {x for x, p in serves if p == a} & {x for x, p in serves if p == b}
            conflicts.add(tuple(sorted([a, b, *serving])))
    result = find_ambiguities(session)
    assert {f.subjects for f in result if f.code == "priority-cycle"} == cycles
    assert {f.subjects for f in result if f.code == "priority-conflict"} == conflicts
