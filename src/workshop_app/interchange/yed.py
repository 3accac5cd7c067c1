"""yEd's graphics extension: the map's geometry, shapes and colours in GraphML.

yEd reads node boxes (``y:ShapeNode``) and edge routes (``y:PolyLineEdge``)
from data keys marked ``yfiles.type``; every other GraphML reader skips
them. Boxes and routes are the core geometry the window and the PDF draw
(:func:`workshop_app.layout.map_geometry`); shapes, colours, line patterns
and arrows come from :mod:`workshop_app.vocabulary`, so yEd shows the map
as the window does.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.layout import map_geometry
from workshop_app.vocabulary import EDGES, INK, NODES, Arrow, Shape

__all__ = ["YED_NAMESPACE", "YedGraphics"]

YED_NAMESPACE = "http://www.yworks.com/xml/graphml"

#: The vocabulary's shapes as yEd names them.
_SHAPES = {
    Shape.HEXAGON: "hexagon",
    Shape.PILL: "roundrectangle",
    Shape.ROUNDED: "roundrectangle",
    Shape.OCTAGON: "octagon",
}
_ARROWS = {Arrow.NONE: "none", Arrow.TRIANGLE: "standard", Arrow.DOUBLE: "delta"}
#: Printed line widths are thinner than the projector's, as in the PDF.
_LINE_SCALE = 0.5


class YedGraphics:
    """The ``<data>`` elements with yEd's graphics for each node and edge of a session."""

    def __init__(self, session: Session, language: str) -> None:
        self._session = session
        geometry = map_geometry(session, language)
        self._boxes = geometry.nodes
        self._routes = {route.key: route for route in geometry.edges}

    def node(self, node_id: str) -> str:
        box = self._boxes[node_id]
        attrs = self._session.graph.nodes[node_id]
        look = NODES[NodeKind(attrs["kind"])]
        geometry = _attributes(x=box.left, y=box.top, width=box.width, height=box.height)
        return (
            '<data key="node_graphics"><y:ShapeNode>'
            f"<y:Geometry {geometry}/>"
            f'<y:Fill color="{look.fill}" transparent="false"/>'
            f'<y:BorderStyle color="{look.stroke}" type="line" width="2.0"/>'
            f'<y:NodeLabel alignment="center" autoSizePolicy="node_width" fontSize="12" '
            f'modelName="internal" modelPosition="c" textColor="{INK}">'
            f"{escape(attrs['label'])}</y:NodeLabel>"
            f'<y:Shape type="{_SHAPES[look.shape]}"/>'
            "</y:ShapeNode></data>"
        )

    def edge(self, edge: dict[str, Any]) -> str:
        kind = EdgeKind(edge["kind"])
        look = EDGES[kind]
        route = self._routes[(edge["source"], edge["target"], kind)]
        label = (
            f"<y:EdgeLabel>{escape(' '.join(route.label.text_lines))}</y:EdgeLabel>"
            if route.label is not None
            else ""
        )
        return (
            '<data key="edge_graphics"><y:PolyLineEdge>'
            f"{self._path(route.source, route.target, route.points)}"
            f'<y:LineStyle color="{look.colour}" type="{_line_type(look.dash)}" '
            f'width="{look.width * _LINE_SCALE:.1f}"/>'
            f'<y:Arrows source="none" target="{_ARROWS[look.arrow]}"/>'
            f"{label}"
            "</y:PolyLineEdge></data>"
        )

    def _path(self, source: str, target: str, points: tuple[tuple[float, float], ...]) -> str:
        """The route: its ends relative to the nodes' centres, the points between absolute."""
        start, end = self._boxes[source], self._boxes[target]
        ends = _attributes(
            sx=points[0][0] - start.x,
            sy=points[0][1] - start.y,
            tx=points[-1][0] - end.x,
            ty=points[-1][1] - end.y,
        )
        between = "".join(f"<y:Point {_attributes(x=x, y=y)}/>" for x, y in points[1:-1])
        return f"<y:Path {ends}>{between}</y:Path>"


def _attributes(**values: float) -> str:
    return " ".join(f"{name}={quoteattr(f'{value:.1f}')}" for name, value in values.items())


def _line_type(dash: tuple[float, ...]) -> str:
    if not dash:
        return "line"
    if len(dash) > 2:
        return "dashed_dotted"
    return "dotted" if dash[0] < 1.0 else "dashed"
