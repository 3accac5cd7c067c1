"""The whole map's geometry from a session: boxes where the nodes are, routes between them."""

from __future__ import annotations

from workshop_app.domain import EdgeKind, Session
from workshop_app.layout.boxes import node_box
from workshop_app.layout.geometry import EdgeRoute, MapGeometry, NodeBox, Rect
from workshop_app.layout.labels import LabelPlacer, label_text
from workshop_app.layout.layers import layered_graph
from workshop_app.layout.routing import EdgeKey, plan_routes
from workshop_app.layout.settle import node_positions

__all__ = ["map_geometry"]

#: Room around the drawing for finding rings and badges on the boxes' corners.
MARGIN = 16.0


def map_geometry(session: Session, language: str | None = None) -> MapGeometry:
    """Boxes at the nodes' positions (stored, else laid out) and routes between them.

    ``language`` (``de`` or ``en``, default the session's) is that of the
    tags written on relations.
    """
    language = language or session.language
    positions = node_positions(session)
    graph = session.graph
    boxes = {node: node_box(node, graph.nodes[node], positions[node]) for node in sorted(graph)}
    keys: list[EdgeKey] = sorted(
        (source, target, EdgeKind(kind)) for source, target, kind in graph.edges(keys=True)
    )
    paths = plan_routes(boxes, keys, layered_graph(session)).paths()
    texts = {key: label_text(key[2], graph.edges[key], language) for key in paths}
    placer = LabelPlacer(boxes)
    labels = {
        key: placer.place(texts[key], paths[key])
        # Triggers first: they are longer and say more than a letter.
        for key in sorted(paths, key=lambda key: (-len(texts[key]), key))
    }
    routes = tuple(EdgeRoute(*key, paths[key], labels[key]) for key in keys if key in paths)
    return MapGeometry(boxes, routes, _bounds(boxes, routes))


def _bounds(boxes: dict[str, NodeBox], routes: tuple[EdgeRoute, ...]) -> Rect:
    xs: list[float] = []
    ys: list[float] = []
    for box in boxes.values():
        xs += (box.left, box.right)
        ys += (box.top, box.bottom)
    for route in routes:
        for step in route.path:
            xs += step[1::2]
            ys += step[2::2]
        if route.label is not None:
            x0, y0, x1, y1 = route.label.rect
            xs += (x0, x1)
            ys += (y0, y1)
    if not xs:
        return (0.0, 0.0, 0.0, 0.0)
    return min(xs) - MARGIN, min(ys) - MARGIN, max(xs) + MARGIN, max(ys) + MARGIN
