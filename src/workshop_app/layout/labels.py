"""Labels on routes: the RACI letter, an escalation's trigger, a deputy's tag.

A label sits on its route, centred on one of the route's steps, where it
covers no node and no other label. Steps in the channels between rows come
first (no box reaches there), the middle of the route before its ends; when
every place is taken by other labels, the label goes where it at least
covers no node.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from workshop_app.domain import EdgeKind
from workshop_app.layout.geometry import (
    EDGE_LABEL_SIZE,
    LINE_HEIGHT,
    EdgeLabel,
    NodeBox,
    PathStep,
    Point,
    Rect,
)
from workshop_app.layout.text import text_width, wrap
from workshop_app.vocabulary import edge_tag

__all__ = ["LabelPlacer", "label_text"]

#: A trigger wraps at this width, onto at most two lines.
LABEL_WIDTH = 110.0
_PAD = 2.0
_CELL = 64.0


def label_text(kind: EdgeKind, attrs: Mapping[str, object], language: str) -> tuple[str, ...]:
    """What is written on a relation: its tag, or for an escalation its trigger."""
    trigger = attrs.get("trigger")
    if kind is EdgeKind.ESCALATES_TO and isinstance(trigger, str) and trigger.strip():
        return wrap(trigger, EDGE_LABEL_SIZE, LABEL_WIDTH, 2)
    tag = edge_tag(kind, language)
    return (tag,) if tag else ()


class _Grid:
    """Rectangles hashed by cell, to ask quickly what a new one would overlap."""

    def __init__(self, rects: Iterable[Rect] = ()) -> None:
        self._cells: defaultdict[tuple[int, int], list[Rect]] = defaultdict(list)
        for rect in rects:
            self.add(rect)

    @staticmethod
    def _keys(rect: Rect) -> Iterable[tuple[int, int]]:
        x0, y0, x1, y1 = rect
        for i in range(math.floor(x0 / _CELL), math.floor(x1 / _CELL) + 1):
            for j in range(math.floor(y0 / _CELL), math.floor(y1 / _CELL) + 1):
                yield i, j

    def add(self, rect: Rect) -> None:
        for key in self._keys(rect):
            self._cells[key].append(rect)

    def overlap(self, rect: Rect) -> float:
        """How much of ``rect`` the rectangles cover (overlaps added up)."""
        x0, y0, x1, y1 = rect
        seen: set[Rect] = set()
        area = 0.0
        for key in self._keys(rect):
            for other in self._cells.get(key, ()):
                if other in seen:
                    continue
                seen.add(other)
                a0, b0, a1, b1 = other
                area += max(0.0, min(x1, a1) - max(x0, a0)) * max(0.0, min(y1, b1) - max(y0, b0))
        return area

    def hits(self, rect: Rect) -> bool:
        x0, y0, x1, y1 = rect
        for key in self._keys(rect):
            for a0, b0, a1, b1 in self._cells.get(key, ()):
                if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                    return True
        return False


class LabelPlacer:
    """Places labels one route after another, keeping clear of nodes and earlier labels."""

    def __init__(self, boxes: Mapping[str, NodeBox]) -> None:
        self._nodes = _Grid(box.rect for box in boxes.values())
        self._labels = _Grid()

    def place(self, lines: tuple[str, ...], path: tuple[PathStep, ...]) -> EdgeLabel | None:
        if not lines:
            return None
        width = max(text_width(line, EDGE_LABEL_SIZE) for line in lines) + 2 * _PAD
        height = len(lines) * EDGE_LABEL_SIZE * LINE_HEIGHT + _PAD
        fallback = None
        for x, y in _candidates(path):
            rect = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
            if self._nodes.hits(rect):
                continue
            if not self._labels.hits(rect):
                self._labels.add(rect)
                return EdgeLabel(lines, x, y, width, height)
            # Every place taken: the one where it covers least of other labels.
            covered = self._labels.overlap(rect)
            if fallback is None or covered < fallback[0]:
                fallback = (covered, x, y, rect)
        if fallback is None:
            return None
        _, x, y, rect = fallback
        self._labels.add(rect)
        return EdgeLabel(lines, x, y, width, height)


def _candidates(path: tuple[PathStep, ...]) -> Iterator[Point]:
    """Points on the route to centre a label on: curves first, the middle of the route first.

    Each point is computed when it is tried: most labels take the first.
    """
    curves: list[tuple[float, int, float]] = []
    lines: list[tuple[float, int]] = []
    middle = (len(path) - 1) / 2
    for index in range(1, len(path)):
        distance = abs(index - 0.5 - middle)
        if path[index][0] == "C":
            curves += ((distance + abs(t - 0.5), index, t) for t in _ALONG_CURVE)
        else:
            lines.append((distance, index))
    for _, index, t in sorted(curves):
        yield _cubic(_end(path[index - 1]), path[index], t)
    for _, index in sorted(lines):
        (x0, y0), (x1, y1) = _end(path[index - 1]), _end(path[index])
        if math.hypot(x1 - x0, y1 - y0) > 1.0:
            yield (x0 + x1) / 2, (y0 + y1) / 2
    # Every place taken: all along the route, from its middle outwards.
    along = sorted(
        (abs(index - 1 + t - middle), index, t) for index in range(1, len(path)) for t in _ALL_ALONG
    )
    for _, index, t in along:
        yield _point(_end(path[index - 1]), path[index], t)


#: Where on a curve a label may sit (curve parameter), the middle first.
_ALONG_CURVE = (0.5, 0.35, 0.65, 0.2, 0.8)
#: ... and on any step, when those places are taken.
_ALL_ALONG = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _end(step: PathStep) -> Point:
    return step[-2], step[-1]


def _point(start: Point, step: PathStep, t: float) -> Point:
    """The point at ``t`` (0 to 1) of a straight or curved step from ``start``."""
    if step[0] == "C":
        return _cubic(start, step, t)
    return start[0] + (step[1] - start[0]) * t, start[1] + (step[2] - start[1]) * t


def _cubic(start: Point, step: PathStep, t: float) -> Point:
    x1, y1, x2, y2, x3, y3 = step[1:]
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (
        a * start[0] + b * x1 + c * x2 + d * x3,
        a * start[1] + b * y1 + c * y2 + d * y3,
    )
