"""The whole map's geometry from a session: boxes where the nodes are, routes between them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from workshop_app.domain import EdgeKind, Session
from workshop_app.layout.boxes import node_box
from workshop_app.layout.geometry import EdgeRoute, MapGeometry, Rect
from workshop_app.layout.labels import LabelPlacer, label_text
from workshop_app.layout.layers import layered_graph
from workshop_app.layout.routing import EdgeKey, plan_routes
from workshop_app.layout.settle import node_positions

__all__ = ["label_routes", "map_geometry"]

#: Room around the drawing for finding rings and badges on the boxes' corners.
MARGIN = 16.0


def map_geometry(
    session: Session,
    language: str | None = None,
    *,
    labels: bool = True,
    marked: Collection[str] = (),
) -> MapGeometry:
    """Boxes at the nodes' positions (stored, else laid out) and routes between them.

    ``language`` (``de`` or ``en``, default the session's) is that of the
    tags written on relations; without ``labels`` the routes carry none (a
    map printed too small to read them), and :func:`label_routes` can add
    them later. Tags keep clear of the finding rings around the ``marked`` nodes.
    """
    positions = node_positions(session)
    graph = session.graph
    boxes = {node: node_box(node, graph.nodes[node], positions[node]) for node in sorted(graph)}
    keys: list[EdgeKey] = sorted(
        (source, target, EdgeKind(kind)) for source, target, kind in graph.edges(keys=True)
    )
    plan = plan_routes(boxes, keys, layered_graph(session))
    paths = plan.paths()
    routes = tuple(EdgeRoute(*key, paths[key]) for key in keys if key in paths)
    geometry = MapGeometry(boxes, routes, _bounds(plan.extent(paths)))
    return label_routes(geometry, session, language, marked) if labels else geometry


def label_routes(
    geometry: MapGeometry,
    session: Session,
    language: str | None = None,
    marked: Collection[str] = (),
) -> MapGeometry:
    """``geometry`` of ``session`` with each relation's tag or trigger placed on its route,
    clear of the finding rings around the ``marked`` nodes."""
    language = language or session.language
    graph, routes = session.graph, geometry.edges
    texts = [
        label_text(route.kind, graph.edges[route.source, route.target, route.kind], language)
        for route in routes
    ]
    placer = LabelPlacer(geometry.nodes, marked)
    labels = placer.place_all(
        [
            (text, route.path, (route.source, route.target))
            for text, route in zip(texts, routes, strict=True)
        ]
    )
    labelled = tuple(
        replace(route, label=label) for route, label in zip(routes, labels, strict=True)
    )
    x0, y0, x1, y1 = geometry.bounds  # the labels widen it, the routes are in it already
    for label in filter(None, labels):
        left, top, right, bottom = label.rect
        x0, y0 = min(x0, left - MARGIN), min(y0, top - MARGIN)
        x1, y1 = max(x1, right + MARGIN), max(y1, bottom + MARGIN)
    return MapGeometry(geometry.nodes, labelled, (x0, y0, x1, y1))


def _bounds(extent: Rect | None) -> Rect:
    if extent is None:
        return (0.0, 0.0, 0.0, 0.0)
    x0, y0, x1, y1 = extent
    return x0 - MARGIN, y0 - MARGIN, x1 + MARGIN, y1 + MARGIN
