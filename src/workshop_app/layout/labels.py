"""Labels on routes: the RACI letter, an escalation's trigger, a deputy's tag.

A label sits on its route, centred on one of the route's steps, where it
covers no node, no finding's ring (around the nodes given as marked, but
those the route joins) and no other label. Steps in the channels between
rows come first (no box reaches there), the middle of the route before its
ends; when every place on the route is taken, the label sits beside it (the
route along one of its sides or through a corner). Short routes are served
first, having the fewest places; a label left without a clear place moves
up to two labels in its way, and otherwise goes where it at least covers no
node, and covers least of the other labels.

Labels are measured as they are drawn: bold, :data:`EDGE_LABEL_SIZE`, with
a little room around the text for the outline of the tag.

Examples
--------
>>> [round(value, 1) for value in label_size(("A",))]
[17.3, 16.4]
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence

from workshop_app.domain import EdgeKind
from workshop_app.layout.geometry import (
    EDGE_LABEL_SIZE,
    LINE_HEIGHT,
    MARK_REACH,
    EdgeLabel,
    NodeBox,
    PathStep,
    Point,
    Rect,
    flatten,
)
from workshop_app.layout.text import text_width, wrap
from workshop_app.vocabulary import edge_tag

__all__ = ["LabelPlacer", "label_size", "label_text"]

#: A trigger is written on one line this wide at most (thirteen ems), ending in "…" when
#: longer (the window's tooltip and the protocol's escalation table give it whole): a tag
#: of one line fits the channels between rows, where two would not.
LABEL_WIDTH = 13 * EDGE_LABEL_SIZE
#: Room between the text and the tag's outline, left and right, and above and below.
_PAD_X = 4.0
_PAD_Y = 1.0
_CELL = 64.0


def label_text(kind: EdgeKind, attrs: Mapping[str, object], language: str) -> tuple[str, ...]:
    """What is written on a relation: its tag, or for an escalation its trigger."""
    trigger = attrs.get("trigger")
    if kind is EdgeKind.ESCALATES_TO and isinstance(trigger, str) and trigger.strip():
        return wrap(trigger, EDGE_LABEL_SIZE, LABEL_WIDTH, 1, bold=True)
    tag = edge_tag(kind, language)
    return (tag,) if tag else ()


def label_size(lines: tuple[str, ...]) -> tuple[float, float]:
    """Width and height of the tag holding ``lines``."""
    width = max(text_width(line, EDGE_LABEL_SIZE, bold=True) for line in lines)
    return width + 2 * _PAD_X, len(lines) * EDGE_LABEL_SIZE * LINE_HEIGHT + 2 * _PAD_Y


class _Grid:
    """Rectangles hashed by cell, to ask quickly what a new one would overlap.

    Every question walks the cells ``rect`` covers; a label takes one to
    four of them, and the placer asks tens of thousands of questions for a
    map (each place it tries, against nodes, rings and labels).
    """

    def __init__(self, rects: Iterable[Rect] = ()) -> None:
        self._cells: defaultdict[tuple[int, int], list[Rect]] = defaultdict(list)
        for rect in rects:
            self.add(rect)

    @staticmethod
    def _keys(rect: Rect) -> list[tuple[int, int]]:
        x0, y0, x1, y1 = rect
        rows = range(math.floor(y0 / _CELL), math.floor(y1 / _CELL) + 1)
        return [
            (i, j) for i in range(math.floor(x0 / _CELL), math.floor(x1 / _CELL) + 1) for j in rows
        ]

    def add(self, rect: Rect) -> None:
        for key in self._keys(rect):
            self._cells[key].append(rect)

    def overlap(self, rect: Rect, skip: Collection[Rect] = ()) -> float:
        """How much of ``rect`` the rectangles (but those in ``skip``) cover, added up."""
        if not self._cells:
            return 0.0
        x0, y0, x1, y1 = rect
        seen: set[Rect] = set(skip)
        area = 0.0
        cells = self._cells
        for key in self._keys(rect):
            for other in cells.get(key, ()):
                if other in seen:
                    continue
                seen.add(other)
                a0, b0, a1, b1 = other
                if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                    area += (min(x1, a1) - max(x0, a0)) * (min(y1, b1) - max(y0, b0))
        return area

    def remove(self, rect: Rect) -> None:
        for key in self._keys(rect):
            self._cells[key].remove(rect)

    def hit(self, rect: Rect) -> set[Rect]:
        """The rectangles ``rect`` overlaps."""
        x0, y0, x1, y1 = rect
        return {
            (a0, b0, a1, b1)
            for key in self._keys(rect)
            for a0, b0, a1, b1 in self._cells.get(key, ())
            if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1
        }

    def hits(self, rect: Rect, skip: Collection[Rect] = ()) -> bool:
        """Whether ``rect`` overlaps any of the rectangles (but those in ``skip``)."""
        cells = self._cells
        if not cells:
            return False
        x0, y0, x1, y1 = rect
        # The cells of _keys, walked in place: the placer's most frequent question
        # returns at the first hit, before a list of keys would have been built.
        rows = range(math.floor(y0 / _CELL), math.floor(y1 / _CELL) + 1)
        for i in range(math.floor(x0 / _CELL), math.floor(x1 / _CELL) + 1):
            for j in rows:
                for other in cells.get((i, j), ()):
                    a0, b0, a1, b1 = other
                    if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1 and other not in skip:
                        return True
        return False


#: A request for a label: its lines, its route and the route's two nodes.
Request = tuple[tuple[str, ...], tuple[PathStep, ...], tuple[str, ...]]


class LabelPlacer:
    """Places the labels of many routes, keeping clear of nodes, the rings of the
    ``marked`` nodes and each other."""

    def __init__(self, boxes: Mapping[str, NodeBox], marked: Collection[str] = ()) -> None:
        self._nodes = _Grid(box.rect for box in boxes.values())
        self._ring_of = {node: _grown(boxes[node].rect) for node in marked if node in boxes}
        self._rings = _Grid(self._ring_of.values())
        self._labels = _Grid()
        self._owners: defaultdict[Rect, list[int]] = defaultdict(list)

    def place_all(self, requests: Sequence[Request]) -> list[EdgeLabel | None]:
        """A label for each request (None without lines or a place clear of nodes).

        Short routes go first: they have the fewest places. A label left
        covering another one or a ring then tries the places where one or
        two labels are in its way, and moves them elsewhere when it can.
        Last, a label on the ring of a node its route joins moves to a place
        clear of every ring, when one is free.
        """
        labels: list[EdgeLabel | None] = [None] * len(requests)
        stuck = []
        wanted = [index for index, request in enumerate(requests) if request[0]]
        for index in sorted(wanted, key=lambda i: _reach(requests[i][1])):
            label, clear = self._find(*requests[index])
            if label is not None:
                self._add(index, label)
                labels[index] = label
                if not clear:
                    stuck.append(index)
        for index in stuck:
            self._unstick(index, requests, labels)
        for index in wanted:
            label = labels[index]
            if label is not None and self._rings.hits(label.rect):
                labels[index] = self._off_rings(index, label, requests[index][1])
        return labels

    def _off_rings(self, index: int, label: EdgeLabel, path: tuple[PathStep, ...]) -> EdgeLabel:
        """``label`` moved to the first free place clear of every ring, if there is one."""
        self._remove(index, label)
        width, height = label.width, label.height
        for x, y in itertools.islice(_places(path, width, height), _LOOK):
            rect = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
            if not (self._rings.hits(rect) or self._nodes.hits(rect) or self._labels.hits(rect)):
                label = EdgeLabel(label.text_lines, x, y, width, height)
                break
        self._add(index, label)
        return label

    def _find(
        self,
        lines: tuple[str, ...],
        path: tuple[PathStep, ...],
        ends: tuple[str, ...],
        rings: bool = True,
    ) -> tuple[EdgeLabel | None, bool]:
        """The first clear place for ``lines`` on ``path``, and whether it is clear.

        Clear is clear of other labels and of the rings but those of the route's
        own ``ends`` (the tag then reads as the ringed node's); without
        ``rings``, a place is clear that covers no label.
        """
        if not lines:
            return None, True
        width, height = label_size(lines)
        own = self._own(ends)
        fallback = None
        for x, y in _places(path, width, height):
            rect = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
            if self._nodes.hits(rect):
                continue
            # A place covers a label exactly when it covers some of its area.
            covered = self._labels.overlap(rect)
            if not covered and not (rings and self._rings.hits(rect, own)):
                return EdgeLabel(lines, x, y, width, height), True
            # Every place taken: where it covers least of other labels, then of rings
            # (measured only when the labels covered do not decide).
            if fallback is None or covered <= fallback[0]:
                cost = (covered, self._rings.overlap(rect, own))
                if fallback is None or cost < fallback[:2]:
                    fallback = (*cost, x, y)
        if fallback is None:
            return None, True
        _, _, x, y = fallback
        return EdgeLabel(lines, x, y, width, height), False

    def _unstick(
        self, index: int, requests: Sequence[Request], labels: list[EdgeLabel | None]
    ) -> None:
        """Move the labels in the way of label ``index`` when that clears its place:
        a place clear of rings first, else, while it covers labels, any place."""
        lines, path, ends = requests[index]
        stuck = labels[index]
        assert stuck is not None
        self._remove(index, stuck)
        width, height, own = stuck.width, stuck.height, self._own(ends)
        for rings in (True, False):
            if not rings and not self._labels.hits(stuck.rect):
                break  # it covers a ring only: better than covering another label
            tries = 0
            for x, y in _places(path, width, height):
                rect = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
                if self._nodes.hits(rect) or (rings and self._rings.hits(rect, own)):
                    continue
                blockers = self._blockers(rect)
                if not 0 < len(blockers) <= _MOVABLE:
                    continue
                placed = EdgeLabel(lines, x, y, width, height)
                if self._moved(index, placed, blockers, requests, labels, rings):
                    return
                tries += 1
                if tries == _TRIES:
                    break
        self._add(index, stuck)

    def _moved(
        self,
        index: int,
        placed: EdgeLabel,
        blockers: list[int],
        requests: Sequence[Request],
        labels: list[EdgeLabel | None],
        rings: bool,
    ) -> bool:
        """Put label ``index`` at ``placed`` and the ``blockers`` elsewhere, all clear;
        or change nothing and say so."""
        before = [labels[other] for other in blockers]
        for other, label in zip(blockers, before, strict=True):
            assert label is not None
            self._remove(other, label)
        self._add(index, placed)
        moved: list[EdgeLabel] = []
        for other in blockers:
            label, clear = self._find(*requests[other], rings)
            if label is None or not clear:
                break
            self._add(other, label)
            moved.append(label)
        else:
            labels[index] = placed
            for other, label in zip(blockers, moved, strict=True):
                labels[other] = label
            return True
        for other, label in zip(blockers, moved, strict=False):
            self._remove(other, label)
        self._remove(index, placed)
        for other, label in zip(blockers, before, strict=True):
            assert label is not None
            self._add(other, label)
        return False

    def _own(self, ends: tuple[str, ...]) -> set[Rect]:
        return {self._ring_of[node] for node in ends if node in self._ring_of}

    def _add(self, index: int, label: EdgeLabel) -> None:
        self._labels.add(label.rect)
        self._owners[label.rect].append(index)

    def _remove(self, index: int, label: EdgeLabel) -> None:
        self._labels.remove(label.rect)
        self._owners[label.rect].remove(index)

    def _blockers(self, rect: Rect) -> list[int]:
        return sorted({index for other in self._labels.hit(rect) for index in self._owners[other]})


#: How many places a label on a ring looks at for one clear of every ring.
_LOOK = 600
#: How many places a stuck label tries, moving at most this many labels in its way.
_TRIES = 24
_MOVABLE = 2


def _reach(path: tuple[PathStep, ...]) -> float:
    """How far apart a route's ends are: about how long it is."""
    return math.dist(_end(path[0]), _end(path[-1]))


def _places(path: tuple[PathStep, ...], width: float, height: float) -> Iterator[Point]:
    """Centres for a ``width`` x ``height`` label: on the route, then beside it (the route
    running along one side or through one corner of the label)."""
    on_route = []
    for point in _candidates(path):
        on_route.append(point)
        yield point
    for dx, dy in _BESIDE:
        shift_x, shift_y = dx * width, dy * height
        for x, y in on_route:
            yield x + shift_x, y + shift_y


#: Shifts (in widths and heights of the label) from on the route to beside it.
_BESIDE = (
    (0.0, 0.5), (0.0, -0.5), (0.5, 0.0), (-0.5, 0.0),
    (0.5, 0.5), (-0.5, 0.5), (0.5, -0.5), (-0.5, -0.5),
)  # fmt: skip


def _grown(rect: Rect) -> Rect:
    """``rect`` with the room a finding's ring and badge take around it."""
    x0, y0, x1, y1 = rect
    return x0 - MARK_REACH, y0 - MARK_REACH, x1 + MARK_REACH, y1 + MARK_REACH


def _candidates(path: tuple[PathStep, ...]) -> Iterator[Point]:
    """Points on the route to centre a label on: curves first, the middle of the route first.

    Each point is computed when it is tried: most labels take the first.
    """
    curves: list[tuple[float, int]] = []
    lines: list[tuple[float, int]] = []
    middle = (len(path) - 1) / 2
    for index in range(1, len(path)):
        distance = abs(index - 0.5 - middle)
        (curves if path[index][0] == "C" else lines).append((distance, index))
    curves.sort()
    # The curves' places by their distance from the middle, each place's
    # parameter adding its own to its curve's: the streams, one per
    # parameter, are each in order, so merging them orders all.
    streams = [_along(curves, t) for t in _ALONG_CURVE]
    for _, index, t in heapq.merge(*streams):
        yield _cubic(_end(path[index - 1]), path[index], t)
    for _, index in sorted(lines):
        (x0, y0), (x1, y1) = _end(path[index - 1]), _end(path[index])
        if math.hypot(x1 - x0, y1 - y0) > 1.0:
            yield (x0 + x1) / 2, (y0 + y1) / 2
    # Every place taken: all along the route, a few points apart, from its middle outwards.
    points = flatten(path)
    lengths = [0.0]
    for a, b in itertools.pairwise(points):
        lengths.append(lengths[-1] + math.dist(a, b))
    half = lengths[-1] / 2
    count = int(half / _STRIDE)
    for offset in sorted(range(-count, count + 1), key=abs):
        yield _at_length(points, lengths, half + offset * _STRIDE)


def _along(curves: list[tuple[float, int]], t: float) -> Iterator[tuple[float, int, float]]:
    """Place ``t`` of each curve, by its distance from the middle of the route."""
    off = abs(t - 0.5)
    return ((distance + off, index, t) for distance, index in curves)


#: Where on a curve a label may sit (curve parameter), the middle first.
_ALONG_CURVE = (0.5, 0.35, 0.65, 0.2, 0.8)
#: ... and, when those places are taken, anywhere along the route this far apart.
_STRIDE = 4.0


def _at_length(points: tuple[Point, ...], lengths: list[float], length: float) -> Point:
    """The point ``length`` along the polyline ``points`` (``lengths``: up to each point)."""
    index = max(1, min(len(points) - 1, bisect.bisect_left(lengths, length)))
    (x0, y0), (x1, y1) = points[index - 1], points[index]
    span = lengths[index] - lengths[index - 1]
    t = (length - lengths[index - 1]) / span if span else 0.0
    return x0 + (x1 - x0) * t, y0 + (y1 - y0) * t


def _end(step: PathStep) -> Point:
    return step[-2], step[-1]


def _cubic(start: Point, step: PathStep, t: float) -> Point:
    x1, y1, x2, y2, x3, y3 = step[1:]
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (
        a * start[0] + b * x1 + c * x2 + d * x3,
        a * start[1] + b * y1 + c * y2 + d * y3,
    )
