"""yEd's graphics extension: the map's geometry, shapes and colours in GraphML.

yEd reads node boxes (``y:ShapeNode``) and edge routes (``y:PolyLineEdge``)
from data keys marked ``yfiles.type``; every other GraphML reader skips
them. Shapes, colours, line patterns and arrows come from
:mod:`workshop_app.vocabulary`, so yEd shows the map as the window does.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.layout import NODE_HEIGHT, NODE_WIDTH, auto_layout
from workshop_app.vocabulary import EDGES, INK, NODES, Arrow, Shape, edge_tag

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
        self._language = language
        self._centres = auto_layout(session)

    def node(self, node_id: str) -> str:
        x, y = self._centres[node_id]
        attrs = self._session.graph.nodes[node_id]
        look = NODES[NodeKind(attrs["kind"])]
        geometry = _attributes(
            x=x - NODE_WIDTH / 2, y=y - NODE_HEIGHT / 2, width=NODE_WIDTH, height=NODE_HEIGHT
        )
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
        tag = edge_tag(kind, self._language)
        trigger = edge.get("trigger")
        text = trigger if kind is EdgeKind.ESCALATES_TO and trigger else tag
        label = f"<y:EdgeLabel>{escape(text)}</y:EdgeLabel>" if text else ""
        return (
            '<data key="edge_graphics"><y:PolyLineEdge>'
            '<y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>'
            f'<y:LineStyle color="{look.colour}" type="{_line_type(look.dash)}" '
            f'width="{look.width * _LINE_SCALE:.1f}"/>'
            f'<y:Arrows source="none" target="{_ARROWS[look.arrow]}"/>'
            f"{label}"
            "</y:PolyLineEdge></data>"
        )


def _attributes(**values: float) -> str:
    return " ".join(f"{name}={quoteattr(f'{value:.1f}')}" for name, value in values.items())


def _line_type(dash: tuple[float, ...]) -> str:
    if not dash:
        return "line"
    if len(dash) > 2:
        return "dashed_dotted"
    return "dotted" if dash[0] < 1.0 else "dashed"
