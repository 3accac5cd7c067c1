"""The outline of each node shape, for any box size, in plain numbers.

The window turns an :class:`Outline` into a ``QPainterPath`` and the PDF
into a reportlab path: both draw the same hexagon, pill, card or octagon.

>>> outline(Shape.HEXAGON, 180, 64).polygon[:2]
((-90.0, 0.0), (-72.0, -32.0))
>>> outline(Shape.PILL, 180, 64).radius
32.0
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Outline", "Shape", "outline"]

Point = tuple[float, float]


class Shape(StrEnum):
    #: pointed ends: a priority points the way
    HEXAGON = "hexagon"
    #: fully rounded ends: a role, a person
    PILL = "pill"
    #: a card with slightly rounded corners: a responsibility, a task
    ROUNDED = "rounded"
    #: cut corners like a stop sign: a guardrail
    OCTAGON = "octagon"


#: Shape details as fractions of the box height (64 map units by default).
_HEXAGON_INSET = 18 / 64
_OCTAGON_CUT = 16 / 64
_CARD_RADIUS = 4 / 64


@dataclass(frozen=True)
class Outline:
    """A shape centred on (0, 0): a ``polygon``, or a rectangle with ``radius`` corners.

    ``width`` and ``height`` are the rectangle's (for a polygon, its bounds).
    """

    width: float
    height: float
    polygon: tuple[Point, ...] = ()
    radius: float = 0.0


def outline(shape: Shape, width: float, height: float, grow: float = 0.0) -> Outline:
    """The outline of ``shape`` for a box of ``width`` by ``height``, ``grow`` larger all round.

    Growing keeps the proportions of the box's details (the hexagon's
    slant, the octagon's cut), so a finding ring runs parallel to the shape.
    """
    w, h = width / 2 + grow, height / 2 + grow
    if shape is Shape.HEXAGON:
        inset = _HEXAGON_INSET * height
        points = (
            (-w, 0),
            (-w + inset, -h),
            (w - inset, -h),
            (w, 0),
            (w - inset, h),
            (-w + inset, h),
        )
        return Outline(2 * w, 2 * h, polygon=_floats(points))
    if shape is Shape.OCTAGON:
        cut = _OCTAGON_CUT * height
        points = (
            (-w + cut, -h), (w - cut, -h), (w, -h + cut), (w, h - cut),
            (w - cut, h), (-w + cut, h), (-w, h - cut), (-w, -h + cut),
        )  # fmt: skip
        return Outline(2 * w, 2 * h, polygon=_floats(points))
    if shape is Shape.PILL:
        return Outline(2 * w, 2 * h, radius=h)
    return Outline(2 * w, 2 * h, radius=_CARD_RADIUS * height + grow)


def _floats(points: tuple[tuple[float, float], ...]) -> tuple[Point, ...]:
    return tuple((float(x), float(y)) for x, y in points)
