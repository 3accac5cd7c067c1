"""The map alone as an SVG image, for slides and documents.

It draws the core geometry (:func:`workshop_app.layout.map_geometry`) — the
same boxes, routes and labels as the window and the PDF — with the
vocabulary's shapes, colours, line patterns and arrows, and a ring in the
finding's colour around each node under an open finding. Text stays text
(selectable, searchable); every character from the session is escaped.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import Session
from workshop_app.fileformat.atomic import write_atomic
from workshop_app.layout import map_geometry
from workshop_app.layout.geometry import EDGE_LABEL_SIZE, EdgeRoute, NodeBox, PathStep
from workshop_app.vocabulary import (
    BACKGROUND,
    EDGES,
    INK,
    NODES,
    SEVERITIES,
    Arrow,
    Shape,
    outline,
)

__all__ = ["dumps_svg", "export_svg"]

_MARGIN = 24.0
#: Lines a little thinner than on the projector, as an image is looked at closer.
_WEIGHT = 0.6
_ARROW = 9.0
_RING = 5.0
_FONT = "DejaVu Sans, Verdana, Arial, sans-serif"


def export_svg(session: Session, path: str | os.PathLike[str], language: str | None = None) -> None:
    """Write the map of ``session`` as SVG to ``path``, atomically."""
    text = dumps_svg(session, language or session.language)
    write_atomic(path, text.encode("utf-8"), keep_backup=False)


def dumps_svg(session: Session, language: str) -> str:
    """The SVG text of the map; relation tags in ``language``."""
    geometry = map_geometry(session, language)
    x0, y0, x1, y1 = geometry.bounds
    left, top = x0 - _MARGIN, y0 - _MARGIN
    width, height = x1 - x0 + 2 * _MARGIN, y1 - y0 + 2 * _MARGIN
    rings = _rings(session, language)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:.1f} {top:.1f} '
        f'{width:.1f} {height:.1f}" width="{width:.0f}" height="{height:.0f}" '
        f"font-family={quoteattr(_FONT)}>",
        f"<title>{escape(str(session.meta.get('title') or ''))}</title>",
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" '
        f'fill="{BACKGROUND}"/>',
        *(_edge(route) for route in geometry.edges),
        *(_ring(box, rings[box.id]) for box in geometry.nodes.values() if box.id in rings),
        *(_node(box) for box in geometry.nodes.values()),
        *(_edge_label(route) for route in geometry.edges if route.label is not None),
        "</svg>",
        "",
    ]
    return "\n".join(parts)


def _rings(session: Session, language: str) -> dict[str, str]:
    """The most severe open finding's severity for each node under one."""
    rings: dict[str, str] = {}
    for finding in sorted(find_ambiguities(session, language), key=lambda f: -f.severity.order):
        if not finding.accepted:
            rings.update(dict.fromkeys(finding.subjects, finding.severity.value))
    return rings


def _shape(box: NodeBox, grow: float = 0.0) -> str:
    """An SVG element (without paint) of the box's shape, ``grow`` larger all round."""
    shape = outline(Shape(box.shape), box.width, box.height, grow)
    if shape.polygon:
        points = " ".join(f"{box.x + x:.1f},{box.y + y:.1f}" for x, y in shape.polygon)
        return f'<polygon points="{points}"'
    return (
        f'<rect x="{box.x - shape.width / 2:.1f}" y="{box.y - shape.height / 2:.1f}" '
        f'width="{shape.width:.1f}" height="{shape.height:.1f}" rx="{shape.radius:.1f}"'
    )


def _ring(box: NodeBox, severity: str) -> str:
    look = SEVERITIES[severity]
    dash = _dash(look.dash, look.width * _WEIGHT)
    return (
        f'{_shape(box, _RING)} fill="none" stroke="{look.colour}" '
        f'stroke-width="{look.width * _WEIGHT:.2f}"{dash}/>'
    )


def _node(box: NodeBox) -> str:
    look = NODES[box.kind]
    text = "".join(
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="middle" '
        f'fill="{INK}">{escape(line)}</text>'
        for line, size, x, y in box.text_lines()
    )
    return (
        f"<g><title>{escape(' '.join(box.label_lines))}</title>"
        f'{_shape(box)} fill="{look.fill}" stroke="{look.stroke}" stroke-width="1.5"/>{text}</g>'
    )


def _edge(route: EdgeRoute) -> str:
    look = EDGES[route.kind]
    width = look.width * _WEIGHT
    end, direction = _ending(route.points)
    heads = 0 if look.arrow is Arrow.NONE else 2 if look.arrow is Arrow.DOUBLE else 1
    # The line stops where the arrowhead begins, so its end does not poke through the tip.
    path = _svg_path(route.path, _shortened(end, direction, _ARROW * 0.8 * heads))
    arrows = "".join(
        _arrowhead(
            (end[0] - direction[0] * _ARROW * 0.7 * n, end[1] - direction[1] * _ARROW * 0.7 * n),
            direction,
            look.colour,
        )
        for n in range(heads)
    )
    return (
        f'<g><path d="{path}" fill="none" stroke="{look.colour}" stroke-width="{width:.2f}"'
        f"{_dash(look.dash, width)}/>{arrows}</g>"
    )


def _ending(
    points: tuple[tuple[float, float], ...],
) -> tuple[tuple[float, float], tuple[float, float]]:
    end = points[-1]
    for before in reversed(points[:-1]):
        length = math.dist(before, end)
        if length > 1e-6:
            return end, ((end[0] - before[0]) / length, (end[1] - before[1]) / length)
    return end, (0.0, 1.0)


def _shortened(
    end: tuple[float, float], direction: tuple[float, float], by: float
) -> tuple[float, float]:
    return end[0] - direction[0] * by, end[1] - direction[1] * by


def _svg_path(path: Iterable[PathStep], last: tuple[float, float]) -> str:
    steps = list(path)
    words = []
    for index, step in enumerate(steps):
        values = list(step[1:])
        if index == len(steps) - 1 and index > 0:
            values[-2:] = last
        words.append(step[0] + " " + " ".join(f"{v:.1f}" for v in values))
    return " ".join(words)


def _arrowhead(tip: tuple[float, float], direction: tuple[float, float], colour: str) -> str:
    dx, dy = direction
    back = (tip[0] - dx * _ARROW, tip[1] - dy * _ARROW)
    side = (-dy * _ARROW * 0.45, dx * _ARROW * 0.45)
    corners = [tip, (back[0] + side[0], back[1] + side[1]), (back[0] - side[0], back[1] - side[1])]
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in corners)
    return f'<polygon points="{points}" fill="{colour}"/>'


def _edge_label(route: EdgeRoute) -> str:
    label = route.label
    assert label is not None
    line_height = EDGE_LABEL_SIZE * 1.2
    top = label.y - line_height * len(label.text_lines) / 2
    texts = "".join(
        f'<text x="{label.x:.1f}" y="{top + line_height * (i + 0.78):.1f}" '
        f'font-size="{EDGE_LABEL_SIZE:g}" text-anchor="middle" fill="{INK}">{escape(line)}</text>'
        for i, line in enumerate(label.text_lines)
    )
    return (
        f'<g><rect x="{label.x - label.width / 2:.1f}" y="{label.y - label.height / 2:.1f}" '
        f'width="{label.width:.1f}" height="{label.height:.1f}" rx="3" fill="{BACKGROUND}" '
        f'fill-opacity="0.9"/>{texts}</g>'
    )


def _dash(dash: tuple[float, ...], width: float) -> str:
    if not dash:
        return ""
    return f' stroke-dasharray="{" ".join(f"{d * width:.1f}" for d in dash)}"'
