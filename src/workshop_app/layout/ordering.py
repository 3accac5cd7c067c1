"""Order the vertices within each row so that few edges cross.

Graphviz ``dot``'s scheme (Gansner, Koutsofios, North and Vo, 1993), on
the proper layered graph (``proper``): two starting orders, breadth first
from the top and from the bottom; sweeps that sort each row by the weighted
median of its neighbours in the row before, each followed by transposition
(neighbours swap wherever that removes crossings); the best order seen is
kept, and the search stops after eight sweeps without a gain of half a
percent. On a large graph (tens of thousands of vertices, most of them
dummies of long edges) four sweeps from the top start, without
transposition, give fewer crossings than the longer search did in its
time: transposition gains a fraction of a percent there. Ranked priorities
start in rank order, but the search may move them: the map shows ranks in
badges, and a drawing that follows the ranks against the edges doubles its
crossings on a large map. Integer indices and id order break every tie,
so the result does not depend on the order in which nodes or edges were
added.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
from collections import deque
from collections.abc import Iterable, Sequence

from workshop_app.layout.proper import ProperGraph, count_crossings

__all__ = ["breadth_first_rows", "forget_orders", "median", "order_rows"]

#: Sweeps of each starting order, and of the last, longest search.
START_SWEEPS = 4
MAX_SWEEPS = 24
#: The search stops after this many sweeps without a clear gain ...
IDLE_SWEEPS = 8
#: ... a gain being fewer crossings than this share of the best so far.
CONVERGENCE = 0.995
#: Above this many vertices (nodes and dummies), a shorter search: from the
#: top only, this many sweeps, no transposition and no counting.
LARGE = 6000
LARGE_SWEEPS = 4

Rows = list[list[int]]


def order_rows(proper: ProperGraph) -> Rows:
    """For each row, top to bottom, its vertices left to right, with few crossings.

    The last few results are kept: routing a map that was just laid out
    asks for the same order again.
    """
    key = proper.key
    if key not in _RECENT:
        _RECENT[key] = _search(proper)
        while len(_RECENT) > _KEEP:
            del _RECENT[next(iter(_RECENT))]
    return [list(members) for members in _RECENT[key]]


#: How many recent orders are kept.
_KEEP = 4
_RECENT: dict[tuple, Rows] = {}


def forget_orders() -> None:
    """Forget the recent orders (a benchmark times the search from a cold start)."""
    _RECENT.clear()


def _search(proper: ProperGraph) -> Rows:
    search = _Search(proper)
    if proper.vertex_count > LARGE:
        rows = search.start(from_bottom=False, transpose=False)
        for sweep in range(LARGE_SWEEPS):
            search.sweep(rows, sweep, transpose=False)
        search.rank(rows)
        return rows
    best: Rows = []
    fewest = math.inf
    for from_bottom in (False, True):
        rows = search.start(from_bottom=from_bottom)
        best, fewest = search.improve(rows, best, fewest, START_SWEEPS)
    best, fewest = search.improve(best, best, fewest, MAX_SWEEPS)
    search.number(best)
    search.transpose(best, reverse=False)
    search.number(best)
    search.rank(best)
    return best


class _Search:
    def __init__(self, proper: ProperGraph) -> None:
        self.proper = proper
        self.place = [0] * proper.vertex_count
        # The one neighbour above (below) of a vertex that has exactly one, else -1:
        # most vertices are dummies, and their crossings are a comparison.
        self.up_one = [above[0] if len(above) == 1 else -1 for above in proper.up]
        self.down_one = [below[0] if len(below) == 1 else -1 for below in proper.down]

    def number(self, rows: Rows) -> None:
        place = self.place
        for members in rows:
            for index, vertex in enumerate(members):
                place[vertex] = index

    def start(self, *, from_bottom: bool, transpose: bool = True) -> Rows:
        """Rows filled breadth first from the vertices with no neighbour above (below)."""
        proper = self.proper
        first, second = (proper.up, proper.down) if from_bottom else (proper.down, proper.up)
        seeds = sorted(
            (v for v in range(proper.vertex_count) if not second[v]),
            key=lambda v: (proper.tier[v] if v < proper.size else 0.0, v),
        )
        rows = breadth_first_rows(seeds, proper.row, first, second, proper.row_count)
        self.number(rows)
        if transpose:
            self.transpose(rows, reverse=False)
        return rows

    def improve(self, rows: Rows, best: Rows, fewest: float, sweeps: int) -> tuple[Rows, float]:
        """Sweep ``rows`` up to ``sweeps`` times; the best order seen, ``best`` included."""
        rows = [list(members) for members in rows]
        self.number(rows)
        now = count_crossings(self.proper, rows)
        if now < fewest:  # on a tie the earlier start, which follows the ranks, stays
            best, fewest = [list(members) for members in rows], now
        idle = 0
        for sweep in range(sweeps):
            if idle >= IDLE_SWEEPS or now == 0:
                break
            idle += 1
            self.sweep(rows, sweep)
            now = count_crossings(self.proper, rows)
            if now <= fewest:
                if now < CONVERGENCE * fewest:
                    idle = 0
                best, fewest = [list(members) for members in rows], now
        return best, fewest

    def rank(self, rows: Rows) -> None:
        """Bring ranked priorities into rank order from the left wherever that costs no crossing."""
        up, down, place, proper = self.proper.up, self.proper.down, self.place, self.proper
        size, tier = proper.size, proper.tier
        ranked = [
            members for members in rows if sum(1 for v in members if v < size and tier[v] > 0.0) > 1
        ]
        moved = True
        while moved:
            moved = False
            for members in ranked:
                for at in range(len(members) - 1):
                    v, w = members[at], members[at + 1]
                    if not _ranked_before(proper, v, w):
                        continue
                    kept, swapped = _pair(up[v], up[w], place)
                    kept_below, swapped_below = _pair(down[v], down[w], place)
                    if swapped + swapped_below <= kept + kept_below:
                        members[at], members[at + 1] = w, v
                        place[v], place[w] = at + 1, at
                        moved = True

    def sweep(self, rows: Rows, sweep: int, *, transpose: bool = True) -> None:
        """Sort every row by the medians of the row before: down on even sweeps, up on odd.

        On two sweeps out of four, vertices with equal medians trade places
        (as ``dot`` does), which shakes the order off a plateau.
        """
        reverse = sweep % 4 < 2
        if sweep % 2 == 0:
            for members in rows[1:]:
                self.reorder(members, self.proper.up, self.up_one, reverse)
        else:
            for members in reversed(rows[:-1]):
                self.reorder(members, self.proper.down, self.down_one, reverse)
        if transpose:
            self.transpose(rows, reverse=not reverse)

    def reorder(
        self, members: list[int], neighbours: list[list[int]], one: list[int], reverse: bool
    ) -> None:
        """Sort a row by median; a vertex without neighbours there keeps its place."""
        place = self.place
        values = [
            place[single] if single >= 0 else median(sorted([place[v] for v in neighbours[vertex]]))
            for vertex, single in zip(members, [one[vertex] for vertex in members], strict=True)
        ]
        # A stable sort, left to right: equal medians keep their order.
        order = sorted(range(len(members)), key=values.__getitem__)
        kept = 0
        if order and values[order[0]] < 0:
            kept = bisect.bisect_left([values[at] for at in order], 0)
        if reverse:
            order[kept:] = _rotate_ties(order[kept:], values, len(members))
        if kept:
            # Those without neighbours there keep their places; the others fill the rest.
            fixed = set(order[:kept])
            moving = iter(order[kept:])
            order = [at if at in fixed else next(moving) for at in range(len(members))]
        members[:] = [members[at] for at in order]
        for index, vertex in enumerate(members):
            place[vertex] = index

    def transpose(self, rows: Rows, *, reverse: bool) -> None:
        """Swap neighbours in a row wherever that removes crossings, until none does.

        A row is scanned again while a swap in it or in a row beside it
        gained. With ``reverse``, neighbours whose swap changes nothing trade
        places too.
        """
        up, down, place = self.proper.up, self.proper.down, self.place
        up_one, down_one = self.up_one, self.down_one

        def costs(v: int, w: int) -> tuple[int, int]:
            a, b = up_one[v], up_one[w]
            if a >= 0 and b >= 0:
                pa, pb = place[a], place[b]
                kept, swapped = int(pa > pb), int(pa < pb)
            else:
                kept, swapped = _pair(up[v], up[w], place)
            a, b = down_one[v], down_one[w]
            if a >= 0 and b >= 0:
                pa, pb = place[a], place[b]
                return kept + (pa > pb), swapped + (pa < pb)
            kept_below, swapped_below = _pair(down[v], down[w], place)
            return kept + kept_below, swapped + swapped_below

        candidate = [True] * len(rows)
        gained = 1
        while gained >= 1:
            gained = 0
            for index, members in enumerate(rows):
                if not candidate[index]:
                    continue
                candidate[index] = False
                for at in range(len(members) - 1):
                    v, w = members[at], members[at + 1]
                    kept, swapped = costs(v, w)
                    if swapped < kept or (reverse and swapped == kept and kept > 0):
                        members[at], members[at + 1] = w, v
                        place[v], place[w] = at + 1, at
                        gained += kept - swapped
                        candidate[index] = True
                        if index:
                            candidate[index - 1] = True
                        if index + 1 < len(rows):
                            candidate[index + 1] = True


def _ranked_before(proper: ProperGraph, v: int, w: int) -> bool:
    """Whether ``w`` is a priority of better rank than ``v`` (ranked before unranked)."""
    size, tier = proper.size, proper.tier
    return v < size and w < size and 0.0 < tier[w] < tier[v]


def _pair(left: list[int], right: list[int], place: list[int]) -> tuple[int, int]:
    """Crossings between the edges of two neighbours: as they stand, and swapped."""
    if len(left) == 1 and len(right) == 1:
        a, b = place[left[0]], place[right[0]]
        return int(a > b), int(a < b)
    kept = swapped = 0
    for a in left:
        pa = place[a]
        for b in right:
            pb = place[b]
            if pa > pb:
                kept += 1
            elif pa < pb:
                swapped += 1
    return kept, swapped


def breadth_first_rows(
    seeds: Iterable[int],
    row: Sequence[int],
    first: Sequence[Sequence[int]],
    second: Sequence[Sequence[int]],
    row_count: int,
) -> Rows:
    """Rows filled breadth first from ``seeds``, ``first`` neighbours before ``second``."""
    rows: Rows = [[] for _ in range(row_count)]
    seen = [False] * len(first)
    for seed in seeds:
        if seen[seed]:
            continue
        seen[seed] = True
        queue = deque([seed])
        while queue:
            vertex = queue.popleft()
            rows[row[vertex]].append(vertex)
            for other in (*first[vertex], *second[vertex]):
                if not seen[other]:
                    seen[other] = True
                    queue.append(other)
    return rows


def median(values: list[float] | list[int]) -> float:
    """``dot``'s weighted median of sorted positions; -1 when there are none.

    Examples
    --------
    >>> median([1, 2, 3, 10])
    2.125
    """
    count = len(values)
    if count == 0:
        return -1.0
    if count % 2:
        return float(values[count // 2])
    if count == 2:
        return (values[0] + values[1]) / 2
    right, left = count // 2, count // 2 - 1
    left_span, right_span = values[left] - values[0], values[-1] - values[right]
    if left_span == right_span:
        return (values[left] + values[right]) / 2
    return (values[left] * right_span + values[right] * left_span) / (left_span + right_span)


def _rotate_ties(order: list[int], values: list[float], passes: int) -> list[int]:
    """Each run of equal medians turned as ``dot``'s bubble sort leaves it after ``passes``."""
    sorted_values = list(map(values.__getitem__, order))
    rotated = list(order)
    # Only the runs are visited: where a value equals the next.
    start = end = -1
    for at in itertools.compress(
        range(len(order)), map(operator.eq, sorted_values, sorted_values[1:])
    ):
        if at != end:
            _rotate(rotated, start, end + 1, passes)
            start = at
        end = at + 1
    _rotate(rotated, start, end + 1, passes)
    return rotated


def _rotate(order: list[int], start: int, end: int, passes: int) -> None:
    """Turn ``order[start:end]`` left by ``passes`` places (nothing when ``start`` is -1)."""
    if start >= 0:
        run = order[start:end]
        shift = passes % len(run)
        order[start:end] = run[shift:] + run[:shift]
