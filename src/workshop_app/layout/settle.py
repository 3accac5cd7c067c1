"""Where every node sits: its stored position, else the automatic layout's.

One rule for every reader of the map. A session from a file may lack
positions (written by hand, imported, an older tool); the window settles them
when it takes the session (:func:`settle_positions`), and the PDF, the
geometry and the exports that read a session as it is ask
:func:`node_positions`, which gives the same places without changing it.

Examples
--------
>>> from workshop_app.domain import AddNode, NodeKind, Session
>>> session = Session()
>>> _ = session.apply(AddNode("p", NodeKind.PRIORITY, "Speed", {"position": [0, 0]}))
>>> _ = session.apply(AddNode("x", NodeKind.RESPONSIBILITY, "Refunds"))
>>> positions = node_positions(session)
>>> positions["p"], "position" in session.graph.nodes["x"]
((0.0, 0.0), False)
>>> settle_positions(session)
['x']
>>> tuple(session.graph.nodes["x"]["position"]) == positions["x"]
True
"""

from __future__ import annotations

from workshop_app.domain import Session, SetNodeFields
from workshop_app.layout.auto import auto_layout
from workshop_app.layout.layers import stored_position

__all__ = ["node_positions", "settle_positions"]

Point = tuple[float, float]


def _unplaced(session: Session) -> dict[str, Point]:
    """The automatic layout's centres, to one decimal, for the nodes without a position."""
    nodes = session.graph.nodes
    if all(stored_position(attrs) is not None for _, attrs in nodes(data=True)):
        return {}
    # Nodes with a position keep it in the layout; the others go into free space.
    layout = auto_layout(session)
    return {
        node: (round(x, 1), round(y, 1))
        for node, (x, y) in layout.items()
        if stored_position(nodes[node]) is None
    }


def node_positions(session: Session) -> dict[str, Point]:
    """Every node's centre: its stored position, or where :func:`settle_positions` puts it.

    The session is not changed; the layout runs only when a node lacks a position.
    """
    placed = _unplaced(session)
    positions: dict[str, Point] = {}
    for node, attrs in session.graph.nodes(data=True):
        positions[node] = placed.get(node) or stored_position(attrs)  # type: ignore[assignment]
    return positions


def settle_positions(session: Session) -> list[str]:
    """Store a position for every node without one, as if the file had held it.

    For a session being taken up (opened, recovered, made from a template):
    not an edit, so no listener is told and nothing can be undone. Returns
    the ids of the nodes placed, sorted.
    """
    placed = _unplaced(session)
    for node, (x, y) in sorted(placed.items()):
        SetNodeFields(node, {"position": [x, y]}).apply(session)
    return sorted(placed)
