"""A fresh layout: layers, no overlaps, escalation upward, few crossings, determinism."""

from __future__ import annotations

import itertools
import math
from collections import Counter

import networkx as nx
import pytest

from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.layout import H_GAP, NODE_HEIGHT, NODE_WIDTH, auto_layout

from .maps import build, overlapping


def crossings(positions: dict[str, tuple[float, float]], edges: list[tuple[str, str]]) -> int:
    """Pairs of straight edges between two rows whose ends are in opposite order."""
    return sum(
        1
        for (a, b), (c, d) in itertools.combinations(edges, 2)
        if (positions[a][0] - positions[c][0]) * (positions[b][0] - positions[d][0]) < 0
    )


def test_an_empty_map_has_no_positions() -> None:
    assert auto_layout(Session()) == {}


def test_every_node_gets_a_finite_position(generate) -> None:
    session = generate(300)
    positions = auto_layout(session)
    assert positions.keys() == set(session.graph.nodes)
    assert all(math.isfinite(value) for centre in positions.values() for value in centre)


@pytest.mark.parametrize("size", [8, 50, 300, 1000])
def test_no_two_boxes_overlap_or_touch(generate, size: int) -> None:
    session = generate(size)
    assert overlapping(auto_layout(session), session) == []


def test_layers_run_priorities_guardrails_responsibilities_roles(generate) -> None:
    session = generate(300)
    positions = auto_layout(session)
    ys = {kind: [positions[n][1] for n in session.nodes_of_kind(kind)] for kind in NodeKind}
    assert max(ys[NodeKind.PRIORITY]) < min(ys[NodeKind.GUARDRAIL])
    assert max(ys[NodeKind.GUARDRAIL]) < min(ys[NodeKind.RESPONSIBILITY])
    assert max(ys[NodeKind.RESPONSIBILITY]) < min(ys[NodeKind.ROLE])


def test_a_few_guardrails_share_the_priorities_row(generate) -> None:
    """Two priorities and four guardrails: one row, not two, so the map is less tall."""
    session = generate(40)
    positions = auto_layout(session)
    top = session.nodes_of_kind(NodeKind.PRIORITY) + session.nodes_of_kind(NodeKind.GUARDRAIL)
    assert len({positions[n][1] for n in top}) == 1


def test_a_role_sits_above_the_roles_that_escalate_to_it() -> None:
    chain = [
        ("r_agent1", "r_lead", "escalates_to"),
        ("r_agent2", "r_manager", "escalates_to"),
        ("r_lead", "r_manager", "escalates_to"),
        ("r_manager", "r_head", "escalates_to"),
        ("r_agent1", "x_refund", "accountable"),
    ]
    session = build(["r_agent1", "r_agent2", "r_head", "r_lead", "r_manager", "x_refund"], chain)
    positions = auto_layout(session)
    for source, target, kind in chain:
        if kind == "escalates_to":
            assert positions[target][1] < positions[source][1], (source, target)


def test_escalation_points_upward_in_a_generated_organisation(generate) -> None:
    session = generate(400)
    positions = auto_layout(session)
    roles = set(session.nodes_of_kind(NodeKind.ROLE))
    escalation = nx.DiGraph(
        (s, t) for s, t in session.edges_of_kind(EdgeKind.ESCALATES_TO) if s in roles
    )
    in_loops = {
        n for scc in nx.strongly_connected_components(escalation) if len(scc) > 1 for n in scc
    }
    checked = [(s, t) for s, t in escalation.edges if not {s, t} & in_loops]
    assert len(checked) > 30
    assert all(positions[t][1] < positions[s][1] for s, t in checked)


def test_an_escalation_loop_is_broken_the_same_way_every_time() -> None:
    loop = [
        ("r1", "r2", "escalates_to"),
        ("r2", "r3", "escalates_to"),
        ("r3", "r1", "escalates_to"),
    ]
    session = build(["r1", "r2", "r3"], loop)
    first = auto_layout(session)
    again = auto_layout(build(["r3", "r2", "r1"], reversed(loop)))
    assert first == again
    # The depth-first search from r1 drops r3 -> r1: r3 on top, then r2, then r1.
    assert first["r3"][1] < first["r2"][1] < first["r1"][1]
    assert overlapping(first, session) == []


def test_priorities_run_by_rank_from_the_left_unranked_last() -> None:
    nodes = [("p_a", {"rank": 3}), "p_b", ("p_c", {"rank": 1}), ("p_d", {"rank": 2}), "p_e"]
    nodes += [("p_f", {"rank": 1}), "x_1", "x_2", "x_3"]
    edges = [("x_1", "p_e", "serves"), ("x_2", "p_a", "serves"), ("x_3", "p_c", "serves")]
    positions = auto_layout(build(nodes, edges))
    reading = sorted(
        ("p_a", "p_b", "p_c", "p_d", "p_e", "p_f"), key=lambda n: positions[n][::-1]
    )  # row by row, left to right
    assert set(reading[:2]) == {"p_c", "p_f"}
    assert reading[2:4] == ["p_d", "p_a"]
    assert set(reading[4:]) == {"p_b", "p_e"}


def test_crossing_reduction_untangles_a_permuted_map() -> None:
    owners = {"r_a": "x_d", "r_b": "x_a", "r_c": "x_e", "r_d": "x_b", "r_e": "x_c"}
    edges = [(role, task, "accountable") for role, task in owners.items()]
    session = build([*owners, *sorted(owners.values())], edges)
    in_id_order = {node: (float(i % 5), 0.0) for i, node in enumerate(sorted(session.graph))}
    pairs = [(role, task) for role, task, _ in edges]
    assert crossings(in_id_order, pairs) == 5
    assert crossings(auto_layout(session), pairs) == 0


def test_the_same_map_gives_the_same_layout_whatever_the_insertion_order(generate) -> None:
    session = generate(300)
    shuffled = Session()
    for node, attrs in reversed(list(session.graph.nodes(data=True))):
        shuffled.graph.add_node(node, **attrs)
    for source, target, key, attrs in reversed(list(session.graph.edges(keys=True, data=True))):
        shuffled.graph.add_edge(source, target, key=key, **attrs)
    assert auto_layout(shuffled) == auto_layout(session) == auto_layout(session)


def test_a_wide_layer_wraps_into_rows() -> None:
    tasks = [f"x_{i:02d}" for i in range(40)]
    session = build(["r_team", *tasks], [("r_team", task, "responsible") for task in tasks])
    positions = auto_layout(session, max_per_row=12)
    rows = Counter(positions[task][1] for task in tasks)
    assert len(rows) >= 4
    assert max(rows.values()) <= 12
    assert overlapping(positions, session) == []


def test_a_large_map_is_about_as_wide_as_it_is_tall(generate) -> None:
    positions = auto_layout(generate(1000))
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    width = max(xs) - min(xs) + NODE_WIDTH
    height = max(ys) - min(ys) + NODE_HEIGHT
    assert 1 / 3 < width / height < 3


def test_a_node_with_one_neighbour_is_drawn_near_it() -> None:
    tasks = [f"x_{i:02d}" for i in range(9)]
    edges = [("r_all", task, "informed") for task in tasks] + [("r_one", "x_08", "accountable")]
    positions = auto_layout(build(["r_all", "r_one", *tasks], edges))
    assert abs(positions["r_one"][0] - positions["x_08"][0]) < NODE_WIDTH + H_GAP


def test_fewer_crossings_win_over_rank_order() -> None:
    """Ranks are shown in badges; a drawing that follows them against the edges crosses."""
    nodes = [("p_1", {"rank": 1}), ("p_2", {"rank": 2}), ("p_3", {"rank": 3}), "x_a", "x_b"]
    # In rank order p_2 stands between the two priorities x_a serves: x_b's edge to it crosses.
    edges = [("x_a", "p_1", "serves"), ("x_a", "p_3", "serves"), ("x_b", "p_2", "serves")]
    positions = auto_layout(build(nodes, edges))
    assert crossings(positions, [(source, target) for source, target, _ in edges]) == 0
    xs = sorted(positions[p][0] for p in ("p_1", "p_3"))
    assert not xs[0] < positions["p_2"][0] < xs[1]


def test_rows_need_room_for_at_least_one_node() -> None:
    with pytest.raises(ValueError, match="max_per_row"):
        auto_layout(build(["r_1"]), max_per_row=0)
