"""The parts of a node's shape the geometry needs: room for text, flat sides for ports.

Shapes and their outlines are the visual vocabulary's (hexagon for a
priority, pill for a role, card for a responsibility, octagon for a
guardrail). The geometry needs two things from a shape: how much room its
ends take beside the text, and where its top and bottom sides are straight,
so routes start and end exactly on the drawn border.
"""

from __future__ import annotations

from functools import cache

from workshop_app.domain import NodeKind
from workshop_app.vocabulary import NODES, Shape, outline

__all__ = ["PERSON_ROOM", "flat_half_width", "person_centre", "shape_of", "side_room"]

#: How far the hexagon's points and the octagon's cuts reach in, per unit of box height.
_HEXAGON_INSET = outline(Shape.HEXAGON, 2.0, 1.0).polygon[1][0] + 1.0
_OCTAGON_CUT = 1.0 - outline(Shape.OCTAGON, 2.0, 1.0).polygon[1][0]
#: Room the person takes in a role's left end.
PERSON_ROOM = 24.0
_TEXT_PAD = 6.0


def shape_of(kind: NodeKind) -> str:
    return NODES[kind].shape.value


def side_room(shape: str, height: float, person: bool = False) -> tuple[float, float]:
    """Room to leave left and right of the text in a box of ``shape`` and ``height``."""
    if shape == "hexagon":
        room = _HEXAGON_INSET * height * 0.75 + _TEXT_PAD
    elif shape == "octagon":
        room = _OCTAGON_CUT * height * 0.5 + _TEXT_PAD
    elif shape == "pill":
        room = height * 0.25 + _TEXT_PAD
    else:
        room = _TEXT_PAD + 2
    return (max(room, PERSON_ROOM + height * 0.12) if person else room), room


def flat_half_width(shape: str, width: float, height: float) -> float:
    """Half the length of the straight part of the top and bottom sides.

    >>> flat_half_width("pill", 120.0, 40.0)
    40.0
    """
    return _flat_half_width(Shape(shape), width, height)


@cache
def _flat_half_width(shape: Shape, width: float, height: float) -> float:
    drawn = outline(shape, width, height)
    if drawn.polygon:
        top = min(y for _, y in drawn.polygon)
        return max(abs(x) for x, y in drawn.polygon if abs(y - top) < 1e-9)
    return max(0.0, width / 2 - drawn.radius)


def person_centre(left: float, y: float, height: float) -> tuple[float, float]:
    """Where the person in a role's left end is centred, for a box from ``left``, centred on ``y``.

    The glyph (a head over shoulders) is about 20 wide and 24 high.
    """
    return left + height * 0.12 + PERSON_ROOM / 2, y
