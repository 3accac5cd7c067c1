"""Automatic layout of the responsibility map (pure Python, no Qt)."""

from workshop_app.layout.auto import MIN_PER_ROW, auto_layout, layout_operation
from workshop_app.layout.geometry import H_GAP, LAYER_GAP, NODE_HEIGHT, NODE_WIDTH, V_GAP
from workshop_app.layout.settle import node_positions, settle_positions

__all__ = [
    "H_GAP",
    "LAYER_GAP",
    "MIN_PER_ROW",
    "NODE_HEIGHT",
    "NODE_WIDTH",
    "V_GAP",
    "auto_layout",
    "layout_operation",
    "node_positions",
    "settle_positions",
]
