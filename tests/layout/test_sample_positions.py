"""The bundled sample stores the positions the automatic layout gives it.

Opening it then shows the map "Arrange map" would make; a change to the
layout that moves its nodes needs ``python scripts/sample_positions.py``.
"""

from __future__ import annotations

from workshop_app.fileformat import load_session
from workshop_app.layout.settle import settle_positions
from workshop_app.resources import resource_path


def test_the_sample_holds_the_automatic_layouts_positions() -> None:
    stored = load_session(resource_path("samples", "versandhandel.yaml"))
    laid_out = stored.copy()
    for _, data in laid_out.graph.nodes(data=True):
        del data["position"]
    assert settle_positions(laid_out) == sorted(stored.graph.nodes)
    moved = {
        node: (stored.graph.nodes[node]["position"], laid_out.graph.nodes[node]["position"])
        for node in stored.graph.nodes
        if stored.graph.nodes[node]["position"] != laid_out.graph.nodes[node]["position"]
    }
    assert not moved, f"run scripts/sample_positions.py: {moved}"
