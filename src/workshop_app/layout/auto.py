"""The automatic layout of the responsibility map.

Examples
--------
>>> from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session
>>> session = Session()
>>> for op in (
...     AddNode("p", NodeKind.PRIORITY, "First-contact resolution", {"rank": 1}),
...     AddNode("x", NodeKind.RESPONSIBILITY, "Goodwill"),
...     AddNode("r", NodeKind.ROLE, "Agent"),
...     AddEdge("x", "p", EdgeKind.SERVES),
...     AddEdge("r", "x", EdgeKind.ACCOUNTABLE),
... ):
...     _ = session.apply(op)
>>> positions = auto_layout(session)
>>> positions["p"][1] < positions["x"][1] < positions["r"][1]
True
>>> undo = session.apply(layout_operation(session))
>>> session.graph.nodes["x"]["position"] == list(positions["x"])
True
"""

from __future__ import annotations

from workshop_app.domain import Batch, Operation, Session, SetNodeFields
from workshop_app.layout.boxes import box_content
from workshop_app.layout.geometry import NODE_HEIGHT, NODE_WIDTH
from workshop_app.layout.incremental import place_beside, place_new_nodes
from workshop_app.layout.layered import layered_layout
from workshop_app.layout.layers import layered_graph, stored_position

__all__ = ["auto_layout", "layout_operation"]


def auto_layout(
    session: Session, *, full: bool = False, max_per_row: int | None = None
) -> dict[str, tuple[float, float]]:
    """Return the centre ``(x, y)`` of every node, y growing downward.

    Layers from top to bottom: priorities (by rank), guardrails (a few
    share the priorities' layer), responsibilities, roles; among roles, a
    role others escalate to sits above them. Within layers the order is
    chosen for few crossing edges.

    Parameters
    ----------
    session
        The workshop; it is not changed.
    full
        Lay out every node anew. Otherwise nodes with a ``position`` keep it
        and only the others are placed, in free space near their neighbours;
        when most nodes are new, they are laid out in layers as one block to
        the right of the placed ones (when none has a position, this is the
        same as a full layout).
    max_per_row
        Wrap a layer of more nodes than this into several rows. By default
        layers wrap at the width that makes the map about as wide as a
        screen (``wrapping.ASPECT``).

    Returns
    -------
    dict
        Node id to centre, in scene units; the nodes' boxes
        (:func:`~workshop_app.layout.boxes.box_content`) at these centres
        keep ``H_GAP`` / ``V_GAP`` apart.
    """
    if max_per_row is not None and max_per_row < 1:
        raise ValueError(f"max_per_row must be at least 1, not {max_per_row}")
    graph = layered_graph(session)
    if not graph.ids:
        return {}
    fixed = {}
    if not full:
        for index, node_id in enumerate(graph.ids):
            position = stored_position(session.graph.nodes[node_id])
            if position is not None:
                fixed[index] = position
    sizes = _sizes(session, graph.ids)
    if not fixed:
        centres = layered_layout(graph, sizes, max_per_row)
    elif 2 * len(fixed) >= len(graph.ids):
        centres = place_new_nodes(graph, fixed, sizes)
    else:
        centres = place_beside(graph, fixed, sizes, max_per_row)
    return dict(zip(graph.ids, centres, strict=True))


#: Up to this many nodes each node gets the room its box needs (``box_content``):
#: the window draws such maps in the core's boxes. A larger map is drawn in
#: the window's fixed boxes (``NODE_WIDTH`` x ``NODE_HEIGHT``), so there every
#: node gets the same room, as large as the largest box of either kind.
CONTENT_SIZES_UP_TO = 400


def _sizes(session: Session, ids: list[str]) -> list[tuple[float, float]]:
    contents = [box_content(session.graph.nodes[node_id]) for node_id in ids]
    sizes = [(content.width, content.height) for content in contents]
    if len(sizes) <= CONTENT_SIZES_UP_TO:
        return sizes
    width = max(NODE_WIDTH, *(width for width, _ in sizes))
    height = max(NODE_HEIGHT, *(height for _, height in sizes))
    return [(width, height)] * len(sizes)


def layout_operation(
    session: Session, *, full: bool = False, max_per_row: int | None = None
) -> Operation:
    """The change that applies :func:`auto_layout`, as one undoable step.

    Only nodes whose position changes are touched (a kept position is left
    as it is); new positions are rounded to one decimal.
    """
    changes = []
    for node_id, centre in sorted(auto_layout(session, full=full, max_per_row=max_per_row).items()):
        position = [round(centre[0], 1), round(centre[1], 1)]
        if stored_position(session.graph.nodes[node_id]) not in (centre, tuple(position)):
            changes.append(SetNodeFields(node_id, {"position": position}))
    return Batch(tuple(changes))
