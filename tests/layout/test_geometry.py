"""The map's geometry: boxes apart, routes around foreign boxes, ends on borders, labels clear."""

from __future__ import annotations

import itertools
import math
import shutil

import pytest

from benchmarks.dot_drawing import dot_drawing
from benchmarks.geometry import issue_cases
from workshop_app.domain import EdgeKind, Session
from workshop_app.fileformat import load_session
from workshop_app.layout import MapGeometry, map_geometry, passes
from workshop_app.layout.geometry import MAX_SEGMENT, flatten
from workshop_app.layout.quality import (
    geometry_crossings,
    off_border_ends,
    overlapping_boxes,
    routes_through_boxes,
)
from workshop_app.layout.rows import find_rows
from workshop_app.resources import resource_path
from workshop_app.templates import session_from_template

from .maps import build


def sample() -> Session:
    return load_session(resource_path("samples", "versandhandel.yaml"))


def through(geometry: MapGeometry) -> list:
    lines = {index: route.points for index, route in enumerate(geometry.edges)}
    ends = {index: (route.source, route.target) for index, route in enumerate(geometry.edges)}
    return routes_through_boxes(lines, ends, {n: box.rect for n, box in geometry.nodes.items()})


def check_drawing(geometry: MapGeometry) -> None:
    assert through(geometry) == []
    assert overlapping_boxes({n: box.rect for n, box in geometry.nodes.items()}) == []
    assert off_border_ends(geometry) == []
    rects = [box.rect for box in geometry.nodes.values()]
    for route in geometry.edges:
        if route.label is not None:
            x0, y0, x1, y1 = route.label.rect
            assert not any(x0 < c and a < x1 and y0 < d and b < y1 for a, b, c, d in rects)


# 300 nodes make a proper graph of some 14,000 vertices: the short search of large maps.
@pytest.mark.parametrize("size", [8, 20, 60, 200, 300])
def test_generated_maps_route_around_every_box(generate, size: int) -> None:
    geometry = map_geometry(generate(size))
    assert len(geometry.edges) == generate(size).graph.number_of_edges()
    check_drawing(geometry)


def test_the_sample_and_the_templates_route_around_every_box() -> None:
    for session in (
        sample(),
        session_from_template("customer-service-responsibility"),
        session_from_template("kundenservice-verantwortung"),
    ):
        check_drawing(map_geometry(session))


def test_a_map_arranged_by_hand_still_routes_around_every_box(generate) -> None:
    session = generate(60)
    geometry = map_geometry(session)
    # Scatter the boxes over a loose grid, in an order unrelated to the layout.
    for index, node in enumerate(sorted(session.graph, key=lambda n: hash(n) % 97)):
        session.graph.nodes[node]["position"] = [(index % 9) * 230.0, (index // 9) * 130.0]
    moved = map_geometry(session)
    assert moved.nodes != geometry.nodes
    check_drawing(moved)


def test_curves_are_flattened_into_short_segments_and_ends_touch_their_nodes() -> None:
    geometry = map_geometry(sample())
    for route in geometry.edges:
        previous = None
        for step in route.path:
            if step[0] == "C" and previous is not None:
                points = flatten((("M", *previous), step))
                assert all(
                    math.dist(a, b) <= MAX_SEGMENT + 1e-9 for a, b in itertools.pairwise(points)
                )
            previous = step[-2:]
    data = geometry.to_json()
    assert {"id", "kind", "x", "y", "width", "height"} <= set(data["nodes"][0])
    assert {"source", "target", "kind", "points"} <= set(data["edges"][0])


def test_two_relations_between_one_pair_are_drawn_apart() -> None:
    geometry = map_geometry(sample())
    both = [r for r in geometry.edges if {r.source, r.target} == {"r_lead", "r_second"}]
    assert len(both) == 2
    first, second = (set(route.points) for route in both)
    assert not first & second
    assert geometry_crossings(MapGeometry(geometry.nodes, tuple(both), geometry.bounds)) == 0


def test_an_edge_along_a_row_arcs_around_the_boxes_between() -> None:
    nodes = [("p_a", {"rank": 1}), ("p_b", {"rank": 2}), ("p_c", {"rank": 3})]
    session = build(nodes, [("p_a", "p_c", "conflicts_with")])
    geometry = map_geometry(session)
    xs = sorted(geometry.nodes, key=lambda n: geometry.nodes[n].x)
    assert xs.index("p_b") == 1, "the conflict spans the priority between"
    check_drawing(geometry)
    (route,) = geometry.edges
    assert max(y for _, y in route.points) <= geometry.nodes["p_b"].top


def test_labels_carry_raci_letters_and_triggers() -> None:
    geometry = map_geometry(sample())
    labels = {route.key: route.label for route in geometry.edges}
    assert labels["r_agent", "x_kulanz", EdgeKind.ACCOUNTABLE].text_lines == ("A",)
    assert labels["r_qm", "x_beschwerde", EdgeKind.INFORMED].text_lines == ("I",)
    trigger = labels["x_kulanz", "r_lead", EdgeKind.ESCALATES_TO].text_lines
    assert " ".join(trigger) == "Betrag über 50 EUR"
    assert labels["x_kulanz", "p_kosten", EdgeKind.SERVES] is None


def test_the_geometry_does_not_depend_on_insertion_order(generate) -> None:
    session = generate(60)
    shuffled = Session()
    for node, attrs in reversed(list(session.graph.nodes(data=True))):
        shuffled.graph.add_node(node, **attrs)
    for source, target, key, attrs in reversed(list(session.graph.edges(keys=True, data=True))):
        shuffled.graph.add_edge(source, target, key=key, **attrs)
    assert map_geometry(shuffled).to_json() == map_geometry(session).to_json()


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_fewer_crossings_than_dot_on_the_graphs_of_issue_10() -> None:
    ours = theirs = 0
    for session in issue_cases().values():
        ours += geometry_crossings(map_geometry(session))
        theirs += dot_drawing(session).crossings()
    assert ours <= theirs


def test_a_map_routed_by_straight_lines_leaves_room_for_them(generate, monkeypatch) -> None:
    """Above ``passes.LARGE`` vertices (a 1,000-node map) routes pass each row where the
    straight line between their ends meets it; the layout leaves them room there, so they
    are not squeezed together (without it they stand a fraction of a point apart)."""
    monkeypatch.setattr(passes, "LARGE", 0)
    for session in (generate(200), sample()):
        geometry = map_geometry(session)
        check_drawing(geometry)
        steps = _steps_between_passes(geometry)
        assert steps and min(steps) > 3.0


def test_routes_passing_a_row_side_by_side_keep_apart(generate) -> None:
    """The layout packs the routes passing a row of a dense map closely, but keeps them
    more than 3 points apart."""
    for size in (40, 200):
        steps = _steps_between_passes(map_geometry(generate(size)))
        assert steps and min(steps) > 3.0


def _steps_between_passes(geometry: MapGeometry) -> list[float]:
    """The distances between neighbouring routes where they pass a row."""
    rows = find_rows({node: box.rect for node, box in geometry.nodes.items()})
    row_of = {node: row.index for row in rows for node in row.members}
    steps = []
    for row in rows[1:-1]:
        xs = sorted(
            _x_at(route.points, row.middle)
            for route in geometry.edges
            if sorted((row_of[route.source], row_of[route.target]))[0] < row.index
            and row.index < max(row_of[route.source], row_of[route.target])
        )
        steps += [b - a for a, b in itertools.pairwise(xs)]
    return steps


def _x_at(points: tuple[tuple[float, float], ...], y: float) -> float:
    """Where a route running down (or up) through ``y`` is at that height."""
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if min(y0, y1) <= y <= max(y0, y1) and y0 != y1:
            return x0 + (x1 - x0) * (y - y0) / (y1 - y0)
    raise AssertionError(f"the route does not pass y = {y}")
