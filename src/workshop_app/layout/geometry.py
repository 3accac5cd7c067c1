"""Sizes shared by the layout, the canvas and the PDF (scene units, y down)."""

from __future__ import annotations

__all__ = ["H_GAP", "LAYER_GAP", "NODE_HEIGHT", "NODE_WIDTH", "V_GAP"]

#: Width of a node's box.
NODE_WIDTH = 180.0
#: Height of a node's box.
NODE_HEIGHT = 64.0
#: Free space between two boxes side by side.
H_GAP = 40.0
#: Free space between two rows of boxes within a layer.
V_GAP = 48.0
#: Free space between two layers: more than between rows, so edges have room.
LAYER_GAP = 2 * V_GAP
