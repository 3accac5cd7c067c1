"""Small hand-made maps for the layout tests, and a check that boxes keep apart."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session
from workshop_app.layout import H_GAP, V_GAP
from workshop_app.layout.boxes import box_content

KINDS = {
    "p": NodeKind.PRIORITY,
    "g": NodeKind.GUARDRAIL,
    "x": NodeKind.RESPONSIBILITY,
    "r": NodeKind.ROLE,
}

NodeSpec = str | tuple[str, dict[str, Any]]
EdgeSpec = tuple[str, str, str]


def kind_of(node_id: str) -> NodeKind:
    """Test maps name nodes by kind: p… priority, g… guardrail, x… responsibility, r… role."""
    return KINDS[node_id[0]]


def build(nodes: Iterable[NodeSpec], edges: Iterable[EdgeSpec] = ()) -> Session:
    """A session with ``nodes`` (id, or id and fields) and ``edges`` (source, target, kind)."""
    session = Session()
    for spec in nodes:
        node_id, fields = (spec, {}) if isinstance(spec, str) else spec
        session.apply(AddNode(node_id, kind_of(node_id), node_id.upper(), fields))
    for source, target, kind in edges:
        session.apply(AddEdge(source, target, EdgeKind(kind)))
    return session


def overlapping(
    positions: dict[str, tuple[float, float]], session: Session, slack: float = 0.0
) -> list[tuple]:
    """Pairs of node boxes (each as large as its content) closer than the gaps allow.

    A grid hash, its cells as large as the largest box and a gap, keeps this linear.
    """
    sizes = {node: box_content(session.graph.nodes[node]) for node in positions}
    cell_x = max(size.width for size in sizes.values()) + H_GAP
    cell_y = max(size.height for size in sizes.values()) + V_GAP
    cells: dict[tuple[int, int], list[str]] = {}
    found = []
    for node, (x, y) in sorted(positions.items()):
        cx, cy = int(x // cell_x), int(y // cell_y)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in cells.get((cx + dx, cy + dy), ()):
                    ox, oy = positions[other]
                    a, b = sizes[node], sizes[other]
                    clear_x = (a.width + b.width) / 2 + H_GAP - slack
                    clear_y = (a.height + b.height) / 2 + V_GAP - slack
                    if abs(x - ox) < clear_x and abs(y - oy) < clear_y:
                        found.append((other, node))
        cells.setdefault((cx, cy), []).append(node)
    return found
