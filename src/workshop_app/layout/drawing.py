"""The whole map's geometry from a session: boxes where the nodes are, routes between them."""

from __future__ import annotations

from workshop_app.domain import EdgeKind, Session
from workshop_app.layout.auto import auto_layout
from workshop_app.layout.boxes import node_box
from workshop_app.layout.geometry import EdgeRoute, MapGeometry, NodeBox, Rect
from workshop_app.layout.routing import EdgeKey, plan_routes

__all__ = ["map_geometry"]

#: Room around the drawing for finding rings and badges on the boxes' corners.
MARGIN = 16.0


def map_geometry(session: Session) -> MapGeometry:
    """Boxes at the nodes' positions (stored, else laid out) and routes between them."""
    positions = auto_layout(session)
    graph = session.graph
    boxes = {node: node_box(node, graph.nodes[node], positions[node]) for node in sorted(graph)}
    keys: list[EdgeKey] = sorted(
        (source, target, EdgeKind(kind)) for source, target, kind in graph.edges(keys=True)
    )
    paths = plan_routes(boxes, keys).paths()
    routes = tuple(EdgeRoute(*key, paths[key]) for key in keys if key in paths)
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
