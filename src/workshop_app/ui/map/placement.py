"""Where nodes go on the map: saved positions, the layout's, and free spots for new ones."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF

from workshop_app.domain import NodeKind, Session
from workshop_app.layout import H_GAP, NODE_HEIGHT, NODE_WIDTH, V_GAP, node_positions
from workshop_app.layout.layers import stored_position

__all__ = ["Placement", "free_spot", "layer_spot"]

#: The automatic layout's layer of each kind, from the top (guardrails may share the
#: priorities' layer, see ``layout.layers``).
LAYER = {NodeKind.PRIORITY: 0, NodeKind.GUARDRAIL: 0, NodeKind.RESPONSIBILITY: 1, NodeKind.ROLE: 2}

#: Each node's kind, centre, width and height.
Spots = Mapping[str, tuple[NodeKind, QPointF, float, float]]


class Placement:
    """Positions for display: the stored one, or else where the core would settle it.

    A session is settled when the window takes it up, so this covers a node
    another view adds without a position; the layout runs at most once per
    update, and only then.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._positions: dict[str, tuple[float, float]] | None = None

    def position(self, node_id: str) -> QPointF:
        stored = stored_position(self._session.graph.nodes[node_id])
        if stored is None:
            if self._positions is None:
                self._positions = node_positions(self._session)
            stored = self._positions[node_id]
        return QPointF(*stored)


def layer_spot(nodes: Spots, kind: NodeKind, near: QPointF) -> QPointF:
    """Where a new node of ``kind`` should go near ``near``: in its own layer.

    ``nodes`` are the kind, centre and size of every node. The row of that kind
    nearest ``near`` (a first guardrail joins the priorities, as in the
    automatic layout of a workshop-sized map); a layer not yet on the map
    gets a row between the layers above and below it (priorities and
    guardrails, responsibilities, roles from top to bottom).
    """
    rank = LAYER[kind]
    rows = [pos.y() for other, pos, *_ in nodes.values() if other is kind]
    rows = rows or [pos.y() for other, pos, *_ in nodes.values() if LAYER[other] == rank]
    if rows:
        return QPointF(near.x(), min(rows, key=lambda y: (abs(y - near.y()), y)))
    above = [pos.y() for other, pos, *_ in nodes.values() if LAYER[other] < rank]
    below = [pos.y() for other, pos, *_ in nodes.values() if LAYER[other] > rank]
    step = NODE_HEIGHT + V_GAP
    if above and below:
        return QPointF(near.x(), (max(above) + min(below)) / 2)
    if above:
        return QPointF(near.x(), max(above) + 2 * step)
    if below:
        return QPointF(near.x(), min(below) - 2 * step)
    return near


def free_spot(nodes: Spots, near: QPointF, *, row_only: bool = False) -> QPointF:
    """The grid spot nearest ``near`` where a new node (as large as the largest box)
    keeps the layout's gaps from every box.

    ``row_only``: stay in ``near``'s row (a new node joining its layer),
    going out to the row's end if need be.
    """
    boxes = [(pos, width, height) for _, pos, width, height in nodes.values()]
    step_x, step_y = NODE_WIDTH + H_GAP, NODE_HEIGHT + V_GAP
    near = QPointF(round(near.x()), round(near.y()))
    if row_only:
        for i in range(len(boxes) + 1):
            for spot in (near + QPointF(i * step_x, 0), near - QPointF(i * step_x, 0)):
                if _is_free(boxes, spot):
                    return spot
    for ring in range(60):
        cells = [
            (i, j)
            for i in range(-ring, ring + 1)
            for j in range(-ring, ring + 1)
            if max(abs(i), abs(j)) == ring
        ]
        cells.sort(key=lambda c: (abs(c[1]), abs(c[0]), c))  # prefer the same row
        for i, j in cells:
            spot = near + QPointF(i * step_x, j * step_y)
            if _is_free(boxes, spot):
                return spot
    return near


def _is_free(boxes: list[tuple[QPointF, float, float]], spot: QPointF) -> bool:
    return not any(
        abs(c.x() - spot.x()) < (width + NODE_WIDTH) / 2 + H_GAP
        and abs(c.y() - spot.y()) < (height + NODE_HEIGHT) / 2 + V_GAP
        for c, width, height in boxes
    )
