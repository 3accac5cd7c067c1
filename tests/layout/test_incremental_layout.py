"""Nodes placed by hand or saved keep their place; new nodes go into free space nearby."""

from __future__ import annotations

import math

from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session, SetNodeFields
from workshop_app.layout import H_GAP, NODE_WIDTH, auto_layout, layout_operation

from .maps import build, overlapping

#: Saved positions are rounded to 0.1, so two boxes exactly one gap apart may lose 0.1.
ROUNDING = 0.11


def laid_out(session: Session) -> Session:
    session.apply(layout_operation(session))
    return session


def add_responsibility(session: Session, node_id: str, owner: str, serves: str) -> None:
    session.apply(AddNode(node_id, NodeKind.RESPONSIBILITY, "New task"))
    session.apply(AddEdge(owner, node_id, EdgeKind.ACCOUNTABLE))
    session.apply(AddEdge(node_id, serves, EdgeKind.SERVES))


def stored(session: Session) -> dict[str, tuple[float, float]]:
    return {
        node: tuple(position)
        for node, position in session.graph.nodes(data="position")
        if position is not None
    }


def test_nodes_with_a_position_keep_it_and_new_ones_fit_in_between(generate) -> None:
    session = laid_out(generate(300))
    before = stored(session)
    roles = session.nodes_of_kind(NodeKind.ROLE)
    priorities = session.nodes_of_kind(NodeKind.PRIORITY)
    for i in range(30):
        add_responsibility(session, f"x_new{i}", roles[i % len(roles)], priorities[0])
    positions = auto_layout(session)
    assert {node: positions[node] for node in before} == before
    assert overlapping(positions, session, slack=ROUNDING) == []


def test_a_new_node_lands_between_the_nodes_it_connects_to() -> None:
    nodes = ["p_1", "p_2", "x_1", "x_2", "x_3", "r_1", "r_2"]
    edges = [("x_1", "p_1", "serves"), ("x_2", "p_2", "serves"), ("x_3", "p_2", "serves")]
    edges += [("r_1", "x_1", "accountable"), ("r_2", "x_2", "accountable")]
    session = laid_out(build(nodes, edges))
    add_responsibility(session, "x_new", "r_2", "p_2")
    positions = auto_layout(session)
    new_x, new_y = positions["x_new"]
    assert positions["p_2"][1] < new_y < positions["r_2"][1]
    aim = (positions["p_2"][0] + positions["r_2"][0]) / 2
    assert abs(new_x - aim) <= 2 * (NODE_WIDTH + H_GAP)
    assert overlapping(positions, session, slack=ROUNDING) == []


def test_a_new_node_joins_a_row_of_its_own_layer(generate) -> None:
    session = laid_out(generate(60))
    tasks = session.nodes_of_kind(NodeKind.RESPONSIBILITY)
    rows = {session.graph.nodes[task]["position"][1] for task in tasks}
    roles = session.nodes_of_kind(NodeKind.ROLE)
    for i, role in enumerate(roles):
        add_responsibility(session, f"x_new{i}", role, session.nodes_of_kind(NodeKind.PRIORITY)[0])
    positions = auto_layout(session)
    assert {positions[f"x_new{i}"][1] for i in range(len(roles))} <= rows
    assert overlapping(positions, session, slack=ROUNDING) == []


def test_new_nodes_find_room_in_a_crowded_spot() -> None:
    crowd = [(f"x_{i}", {"position": [i % 5 * 100.0, i // 5 * 60.0]}) for i in range(25)]
    owner = ("r_1", {"position": [200.0, 400.0]})
    session = build([owner, *crowd], [("r_1", node, "responsible") for node, _ in crowd])
    for i in range(10):
        session.apply(AddNode(f"x_new{i}", NodeKind.RESPONSIBILITY, "New"))
        session.apply(AddEdge("r_1", f"x_new{i}", EdgeKind.ACCOUNTABLE))
    positions = auto_layout(session)
    new = {node: positions[node] for node in positions if node.startswith("x_new")}
    # The crowd was placed by hand and overlaps itself; only the new boxes must stay clear.
    assert not [pair for pair in overlapping(positions, session) if set(pair) & set(new)]


def test_unconnected_new_nodes_are_placed_clear_of_the_map(generate) -> None:
    session = laid_out(generate(100))
    for i in range(15):
        session.apply(AddNode(f"r_new{i}", NodeKind.ROLE, "Newcomer"))
    positions = auto_layout(session)
    assert all(math.isfinite(v) for centre in positions.values() for v in centre)
    assert overlapping(positions, session, slack=ROUNDING) == []


def test_when_most_nodes_are_new_every_one_is_still_placed_clear(generate) -> None:
    session = generate(300)
    for i, node in enumerate(sorted(session.graph)[::30]):
        session.apply(SetNodeFields(node, {"position": [i * 700.0, i % 3 * 300.0]}))
    kept = stored(session)
    positions = auto_layout(session)
    assert positions.keys() == set(session.graph.nodes)
    assert overlapping(positions, session) == []
    assert {node: positions[node] for node in kept} == kept
    # The new nodes are laid out in layers of their own.
    new_y = {
        kind: [positions[n][1] for n in session.nodes_of_kind(kind) if n not in kept]
        for kind in (NodeKind.PRIORITY, NodeKind.RESPONSIBILITY, NodeKind.ROLE)
    }
    assert max(new_y[NodeKind.PRIORITY]) < min(new_y[NodeKind.RESPONSIBILITY])
    assert max(new_y[NodeKind.RESPONSIBILITY]) < min(new_y[NodeKind.ROLE])


def test_a_full_layout_ignores_saved_positions(generate) -> None:
    session = laid_out(generate(200))
    fresh = auto_layout(session, full=True)
    for node in sorted(session.graph)[::7]:
        session.apply(SetNodeFields(node, {"position": [-5000.0, 12.5]}))
    assert auto_layout(session, full=True) == fresh
    assert auto_layout(session)[sorted(session.graph)[0]] == (-5000.0, 12.5)


def test_a_new_node_extends_a_full_row_at_its_end() -> None:
    tasks = [f"x_{i:02d}" for i in range(31)]
    session = build(["r_team", *tasks], [("r_team", task, "informed") for task in tasks])
    session.apply(layout_operation(session, max_per_row=40))
    row = {tuple(session.graph.nodes[task]["position"]) for task in tasks}
    session.apply(AddNode("x_new", NodeKind.RESPONSIBILITY, "New"))
    session.apply(AddEdge("r_team", "x_new", EdgeKind.ACCOUNTABLE))
    x, y = auto_layout(session)["x_new"]
    assert y == next(iter(row))[1]
    assert x > max(x for x, _ in row) or x < min(x for x, _ in row)


def test_the_first_node_of_a_new_layer_goes_between_its_neighbours_layers() -> None:
    edges = [("x_1", "p_1", "serves"), ("r_1", "x_1", "accountable")]
    session = laid_out(build(["p_1", "x_1", "r_1"], edges))
    session.apply(AddNode("g_1", NodeKind.GUARDRAIL, "Refund cap"))
    session.apply(AddEdge("x_1", "g_1", EdgeKind.BOUNDED_BY))
    positions = auto_layout(session)
    assert positions["g_1"][1] < positions["x_1"][1]
    assert overlapping(positions, session, slack=ROUNDING) == []
