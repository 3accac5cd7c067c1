"""The map's layout and geometry (pure Python, no Qt).

``auto_layout`` places nodes in layers with few crossings; ``map_geometry``
gives every node's box and every edge's route, as the window and the PDF
draw them.
"""

from workshop_app.layout.auto import auto_layout, layout_operation
from workshop_app.layout.drawing import label_routes, map_geometry
from workshop_app.layout.geometry import (
    DETAIL_SIZE,
    EDGE_LABEL_SIZE,
    H_GAP,
    LABEL_SIZE,
    LAYER_GAP,
    LINE_HEIGHT,
    MARK_REACH,
    NODE_HEIGHT,
    NODE_WIDTH,
    V_GAP,
    EdgeLabel,
    EdgeRoute,
    MapGeometry,
    NodeBox,
)
from workshop_app.layout.settle import node_positions, settle_positions

__all__ = [
    "DETAIL_SIZE",
    "EDGE_LABEL_SIZE",
    "H_GAP",
    "LABEL_SIZE",
    "LAYER_GAP",
    "LINE_HEIGHT",
    "MARK_REACH",
    "NODE_HEIGHT",
    "NODE_WIDTH",
    "V_GAP",
    "EdgeLabel",
    "EdgeRoute",
    "MapGeometry",
    "NodeBox",
    "auto_layout",
    "label_routes",
    "layout_operation",
    "map_geometry",
    "node_positions",
    "settle_positions",
]
