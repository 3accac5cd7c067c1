"""Edge routes that never run through a foreign box.

The boxes fall into rows with free channels between them (see ``rows``).
A route between two rows leaves its upper node through the bottom side,
runs straight down through one gap of every row in between and curves only
in the channels; it enters its lower node through the top side. Where it
passes a row, each route aims at the point where the straight line between
its ends would cross that row: the routes through a row are sorted by that
point and given the nearest gap, spread across it, so routes whose straight
lines do not cross do not cross here either. An edge within one row is an
arc through the channel above the row (below, for a bottom row with more
room there): arcs nest, the wider one higher, and never touch the boxes
between their ends.

Every node side hands out its ports along its straight part, sorted by
where each route goes next: routes leave a node without crossing each
other, and two relations between the same pair get separate ports at both
ends, so they are drawn apart.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workshop_app.domain import EdgeKind
from workshop_app.layout.geometry import NodeBox, PathStep, Rect
from workshop_app.layout.layers import LayeredGraph
from workshop_app.layout.passes import place_passes
from workshop_app.layout.rows import Row, find_rows
from workshop_app.layout.shapes import flat_half_width

__all__ = ["EdgeKey", "Plan", "plan_routes"]

EdgeKey = tuple[str, str, EdgeKind]

#: Distance between ports on one side of a node, at most.
PORT_SPACING = 10.0
#: Height of the lowest arc of an edge within a row, and the step between nested ones.
ARC_BASE = 14.0
ARC_STEP = 7.0
_KIND_ORDER = {kind: index for index, kind in enumerate(EdgeKind)}


@dataclass
class _Crossing:
    """An edge between two rows, seen from its upper end."""

    key: EdgeKey
    upper: str
    lower: str
    passes: list[float]  # the x where it crosses each row in between, top to bottom
    upper_port: float = 0.0
    lower_port: float = 0.0


@dataclass
class _Arc:
    """An edge within one row, through the channel above (``up``) or below it."""

    key: EdgeKey
    up: bool
    source_port: float = 0.0
    target_port: float = 0.0
    height: float = ARC_BASE


@dataclass
class Plan:
    """Where every route goes, before it is drawn: rows, passes, ports."""

    boxes: Mapping[str, NodeBox]
    rows: list[Row]
    row_of: dict[str, int]
    crossings: list[_Crossing]
    arcs: dict[int, list[_Arc]]

    def paths(self) -> dict[EdgeKey, tuple[PathStep, ...]]:
        """Every route as a path from its source's border to its target's."""
        paths = {}
        boxes, tops, bottoms = self.boxes, self._tops, self._bottoms
        for crossing in self.crossings:
            first, last = self.row_of[crossing.upper], self.row_of[crossing.lower]
            xs = [crossing.upper_port, *crossing.passes, crossing.lower_port]
            # The straight runs down from the upper box, through each row, into the lower box.
            starts = [boxes[crossing.upper].bottom, *tops[first + 1 : last + 1]]
            ends = [*bottoms[first:last], boxes[crossing.lower].top]
            if crossing.key[0] == crossing.upper:
                paths[crossing.key] = _through_runs(xs, starts, ends)
            else:
                paths[crossing.key] = _through_runs(xs[::-1], ends[::-1], starts[::-1])
        for row_index, arcs in self.arcs.items():
            for arc in arcs:
                paths[arc.key] = self._arc_path(self.rows[row_index], arc)
        return paths

    def extent(self, paths: Mapping[EdgeKey, tuple[PathStep, ...]]) -> Rect | None:
        """The smallest rectangle holding the boxes and every point of ``paths`` (this
        plan's), control points included; None without boxes.

        A route between rows stays within its boxes' height and its ports lie
        on its boxes: of its points only the passes can lie further out.
        """
        if not self.boxes:
            return None
        boxes = self.boxes.values()
        xs = [min(box.left for box in boxes), max(box.right for box in boxes)]
        ys = [min(box.top for box in boxes), max(box.bottom for box in boxes)]
        for crossing in self.crossings:
            if crossing.passes:
                xs += (min(crossing.passes), max(crossing.passes))
        for arcs in self.arcs.values():
            for arc in arcs:
                for step in paths[arc.key]:
                    xs += step[1::2]
                    ys += step[2::2]
        return min(xs), min(ys), max(xs), max(ys)

    @property
    def _tops(self) -> list[float]:
        return [row.top for row in self.rows]

    @property
    def _bottoms(self) -> list[float]:
        return [row.bottom for row in self.rows]

    def _arc_path(self, row: Row, arc: _Arc) -> tuple[PathStep, ...]:
        source, target = self.boxes[arc.key[0]], self.boxes[arc.key[1]]
        if arc.up:
            start, end, edge, lift = source.top, target.top, row.top, -arc.height * 4 / 3
        else:
            start, end, edge, lift = source.bottom, target.bottom, row.bottom, arc.height * 4 / 3
        x0, x1 = arc.source_port, arc.target_port
        steps: list[PathStep] = [("M", x0, start)]
        if abs(edge - start) > 0.01:
            steps.append(("L", x0, edge))
        steps.append(("C", x0, edge + lift, x1, edge + lift, x1, edge))
        if abs(end - edge) > 0.01:
            steps.append(("L", x1, end))
        return tuple(steps)


def plan_routes(
    boxes: Mapping[str, NodeBox], edges: Sequence[EdgeKey], graph: LayeredGraph
) -> Plan:
    """Work out rows, passes and ports for ``edges`` between ``boxes``.

    ``graph`` is the map's layered graph (``layers.layered_graph``): its
    edges must be ``edges``.
    """
    rows = find_rows({node: box.rect for node, box in boxes.items()})
    row_of = {node: row.index for row in rows for node in row.members}
    crossings: list[_Crossing] = []
    arcs: dict[int, list[_Arc]] = defaultdict(list)
    for key in edges:
        source, target = key[0], key[1]
        if source == target or source not in boxes or target not in boxes:
            continue
        if row_of[source] == row_of[target]:
            arcs[row_of[source]].append(_Arc(key, up=True))
        elif row_of[source] < row_of[target]:
            crossings.append(_Crossing(key, source, target, []))
        else:
            crossings.append(_Crossing(key, target, source, []))
    _assign_passes(boxes, rows, graph, crossings)
    plan = Plan(boxes, rows, row_of, crossings, dict(arcs))
    _choose_arc_sides(plan)
    _assign_ports(plan)
    _stack_arcs(plan)
    return plan


def _assign_passes(
    boxes: Mapping[str, NodeBox], rows: list[Row], graph: LayeredGraph, crossings: list[_Crossing]
) -> None:
    """Give every crossing the x where it passes each row between its ends."""
    by_pair: dict[tuple[str, str], list[_Crossing]] = defaultdict(list)
    for crossing in crossings:
        by_pair[crossing.upper, crossing.lower].append(crossing)
    for group in by_pair.values():
        # One side-by-side order along the whole way, so relations of one pair never cross.
        group.sort(key=lambda c: (_KIND_ORDER[c.key[2]], c.key[0] != c.upper))
    for pair, side_by_side in place_passes(boxes, rows, graph).items():
        for crossing, passes in zip(by_pair.get(pair, ()), side_by_side, strict=False):
            crossing.passes = passes


def _choose_arc_sides(plan: Plan) -> None:
    """Arcs go above their row, unless the row is the last one and has more room below."""
    last = len(plan.rows) - 1
    for row_index, arcs in plan.arcs.items():
        if row_index == last and row_index > 0:
            for arc in arcs:
                arc.up = False


def _assign_ports(plan: Plan) -> None:
    """Spread the routes on every side of every node, sorted by where they head."""
    boxes = plan.boxes
    sides: dict[tuple[str, bool], list[tuple[tuple, object, str]]] = defaultdict(list)
    for crossing in plan.crossings:
        upper, lower = boxes[crossing.upper], boxes[crossing.lower]
        order = _KIND_ORDER[crossing.key[2]]
        down = crossing.passes[0] if crossing.passes else lower.x
        up = crossing.passes[-1] if crossing.passes else upper.x
        sides[crossing.upper, False].append(((down, lower.x, order), crossing, "upper_port"))
        sides[crossing.lower, True].append(((up, upper.x, order), crossing, "lower_port"))
    for arcs in plan.arcs.values():
        for arc in arcs:
            source, target = boxes[arc.key[0]], boxes[arc.key[1]]
            order = _KIND_ORDER[arc.key[2]]
            # Arcs take the outer ports on the side they head to, so they cross no route.
            ahead = math.copysign(1e9, target.x - source.x)
            source_side, target_side = sides[arc.key[0], arc.up], sides[arc.key[1], arc.up]
            source_side.append(((source.x + ahead, target.x, order), arc, "source_port"))
            target_side.append(((target.x - ahead, source.x, order), arc, "target_port"))
    for (node, _top), attached in sides.items():
        box = boxes[node]
        attached.sort(key=lambda item: item[0])
        half = flat_half_width(box.shape, box.width, box.height)
        step = min(PORT_SPACING, 2 * half / len(attached)) if attached else 0.0
        centre = (len(attached) - 1) / 2
        for index, (_, owner, field_name) in enumerate(attached):
            setattr(owner, field_name, box.x + (index - centre) * step)


def _stack_arcs(plan: Plan) -> None:
    """Nest the arcs of each row and side: an arc spanning another goes higher."""
    for row_index, arcs in plan.arcs.items():
        row = plan.rows[row_index]
        for up in (True, False):
            side = [arc for arc in arcs if arc.up is up]
            side.sort(key=lambda arc: abs(arc.target_port - arc.source_port))
            levels: list[tuple[float, float, int]] = []
            for arc in side:
                low = min(arc.source_port, arc.target_port)
                high = max(arc.source_port, arc.target_port)
                level = 1 + max(
                    (depth for a, b, depth in levels if low <= a and b <= high), default=0
                )
                levels.append((low, high, level))
                arc.height = min(_room(plan.rows, row, up), ARC_BASE + ARC_STEP * (level - 1))


def _room(rows: list[Row], row: Row, up: bool) -> float:
    """How high an arc may rise from ``row``: most of the channel, or any height at the edge."""
    neighbour = row.index - 1 if up else row.index + 1
    if not 0 <= neighbour < len(rows):
        return math.inf
    channel = row.top - rows[neighbour].bottom if up else rows[neighbour].top - row.bottom
    return max(2.0, channel * 0.8)


def _through_runs(
    xs: Sequence[float], starts: Sequence[float], ends: Sequence[float]
) -> tuple[PathStep, ...]:
    """A path along vertical runs (``xs[i]`` from ``starts[i]`` to ``ends[i]``), curving
    between them; straight steps that continue one another are joined into one."""
    x, y = xs[0], starts[0]
    steps: list[PathStep] = [("M", x, y)]
    # The point the last straight step starts from, while it may be extended.
    line_from: tuple[float, float] | None = None
    for index, x1 in enumerate(xs):
        y1 = starts[index]
        if index:
            if abs(x1 - x) >= 0.01:
                middle = (y1 - y) / 2
                steps.append(("C", x, y + middle, x1, y1 - middle, x1, y1))
                line_from = None
            elif line_from is not None and _collinear(*line_from, x, y, x1, y1):
                steps[-1] = ("L", x1, y1)
            else:
                steps.append(("L", x1, y1))
                line_from = (x, y)
            x, y = x1, y1
        y1 = ends[index]
        if y1 != y:
            if line_from is not None and _collinear(*line_from, x, y, x, y1):
                steps[-1] = ("L", x, y1)
            else:
                steps.append(("L", x, y1))
                line_from = (x, y)
            y = y1
    return tuple(steps)


def _collinear(ax: float, ay: float, bx: float, by: float, cx: float, cy: float) -> bool:
    return abs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) < 1e-6
