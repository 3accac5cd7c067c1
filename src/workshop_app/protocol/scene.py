"""The map as it is printed: the core's geometry and the marks the group saw on it.

The PDF draws exactly the geometry the window draws
(:func:`workshop_app.layout.map_geometry`): the same boxes, routes and
labels, in map units (points, y down). On top come the marks of the
projector: each node's most severe open finding, and what the legend must
explain (which kinds, marks and badges appear at all).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from workshop_app.analysis import Finding, Severity, open_marks
from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.layout import MapGeometry, NodeBox, map_geometry
from workshop_app.layout.geometry import Rect

__all__ = ["Mark", "PrintedMap", "Rect", "printed_map"]

#: Marks the legend explains, besides kinds and severities.
Mark = str  # "rank", "load", "limit", "reconfirm", "critical", "trigger", "tag"


@dataclass
class PrintedMap:
    """The geometry to print, each node's finding severity, and what the legend lists."""

    geometry: MapGeometry
    marks: dict[str, Severity]
    #: Whether the map's form XObject has been drawn (see ``figure``).
    form_drawn: bool = field(default=False, compare=False)

    @property
    def nodes(self) -> list[NodeBox]:
        return list(self.geometry.nodes.values())

    @property
    def bounds(self) -> Rect:
        return self.geometry.bounds

    @property
    def width(self) -> float:
        return self.bounds[2] - self.bounds[0]

    @property
    def height(self) -> float:
        return self.bounds[3] - self.bounds[1]

    @property
    def kinds(self) -> list[NodeKind]:
        present = {box.kind for box in self.nodes}
        return [kind for kind in NodeKind if kind in present]

    @property
    def edge_kinds(self) -> list[EdgeKind]:
        present = {route.kind for route in self.geometry.edges}
        return [kind for kind in EdgeKind if kind in present]

    @property
    def severities(self) -> list[Severity]:
        present = set(self.marks.values())
        return [severity for severity in Severity if severity in present]

    @property
    def details(self) -> list[Mark]:
        """The marks on boxes and routes the legend must explain, in a fixed order."""
        found: set[Mark] = set()
        for box in self.nodes:
            if box.badge:
                found.add("rank")
            if box.kind is NodeKind.ROLE and box.detail:
                found.add("load")
            if box.kind is NodeKind.RESPONSIBILITY and box.detail:
                found.update(_responsibility_marks(box.detail))
        for route in self.geometry.edges:
            if route.label is not None:
                found.add("trigger" if route.kind is EdgeKind.ESCALATES_TO else "tag")
        order = ("rank", "load", "limit", "reconfirm", "critical", "tag", "trigger")
        return [mark for mark in order if mark in found]

    def nodes_in(self, window: Rect) -> list[NodeBox]:
        return [box for box in self.nodes if _overlaps(box.rect, window)]

    def nodes_within(self, window: Rect) -> list[NodeBox]:
        """The nodes whose whole box lies in ``window``."""
        x0, y0, x1, y1 = window
        return [
            box
            for box in self.nodes
            if x0 <= box.left and box.right <= x1 and y0 <= box.top and box.bottom <= y1
        ]


def _responsibility_marks(detail: str) -> Iterable[Mark]:
    if detail.startswith("≤"):
        yield "limit"
    if "↻" in detail:
        yield "reconfirm"
    if detail.endswith("!"):
        yield "critical"


def _overlaps(a: Rect, b: Rect) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def printed_map(
    session: Session, findings: Iterable[Finding], language: str, *, labels: bool = True
) -> PrintedMap:
    """The map of ``session`` with the most severe open finding on each node.

    Its tags keep clear of the marked nodes as the window's do of their rings.
    Without ``labels`` its routes carry no tags (see ``map_geometry``).
    """
    graph = session.graph
    marks = {node: mark for node, mark in open_marks(findings).items() if node in graph}
    return PrintedMap(map_geometry(session, language, labels=labels, marked=marks.keys()), marks)
