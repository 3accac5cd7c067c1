"""Graphviz ``dot``'s drawing of a session, as polylines and boxes, for comparison.

``dot -Tplain`` gives every node's box and every edge's spline (B-spline
control points, in inches, y up). The splines are sampled into segments of
at most four points, exactly as our curves are, and then counted with the
same functions (:mod:`workshop_app.layout.quality`).
"""

from __future__ import annotations

import shlex
import subprocess
from dataclasses import dataclass

from benchmarks.orgs import to_dot
from workshop_app.domain import Session
from workshop_app.layout.geometry import Point, Rect, flatten
from workshop_app.layout.quality import count_crossings, overlapping_boxes, routes_through_boxes

__all__ = ["DotDrawing", "dot_drawing"]

_POINTS_PER_INCH = 72.0


@dataclass
class DotDrawing:
    boxes: dict[str, Rect]
    lines: dict[int, tuple[Point, ...]]
    ends: dict[int, tuple[str, str]]

    def crossings(self) -> int:
        rects = {key: (self.boxes[a], self.boxes[b]) for key, (a, b) in self.ends.items()}
        return count_crossings(self.lines, rects)

    def through_boxes(self) -> int:
        return len(routes_through_boxes(self.lines, self.ends, self.boxes))

    def overlaps(self) -> int:
        return len(overlapping_boxes(self.boxes))


def dot_drawing(session: Session, dot: str = "dot", timeout: float | None = None) -> DotDrawing:
    """Run ``dot -Tplain`` on the session's graph and read its drawing back."""
    plain = subprocess.run(
        [dot, "-Tplain"],
        input=to_dot(session),
        capture_output=True,
        text=True,
        check=True,
        timeout=timeout,
    ).stdout
    return parse_plain(plain)


def parse_plain(plain: str) -> DotDrawing:
    boxes: dict[str, Rect] = {}
    lines: dict[int, tuple[Point, ...]] = {}
    ends: dict[int, tuple[str, str]] = {}
    for line in plain.splitlines():
        fields = shlex.split(line)
        if not fields:
            continue
        if fields[0] == "node":
            x, y, width, height = (float(value) * _POINTS_PER_INCH for value in fields[2:6])
            boxes[fields[1]] = (x - width / 2, -y - height / 2, x + width / 2, -y + height / 2)
        elif fields[0] == "edge":
            count = int(fields[3])
            values = [float(value) * _POINTS_PER_INCH for value in fields[4 : 4 + 2 * count]]
            points = [(values[2 * i], -values[2 * i + 1]) for i in range(count)]
            path = [("M", *points[0])]
            for start in range(1, count - 2, 3):
                path.append(("C", *points[start], *points[start + 1], *points[start + 2]))
            key = len(lines)
            lines[key] = flatten(tuple(path))
            ends[key] = (fields[1], fields[2])
    return DotDrawing(boxes, lines, ends)
