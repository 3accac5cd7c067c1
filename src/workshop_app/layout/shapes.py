"""The parts of a node's shape the geometry needs: room for text, flat sides for ports.

Shapes and their proportions are the visual vocabulary's (hexagon for a
priority, pill for a role, card for a responsibility, octagon for a
guardrail; details as fractions of the box height). The geometry needs two
things from a shape: how much room its ends take beside the text, and where
its top and bottom sides are straight, so routes start and end exactly on
the drawn border.
"""

from __future__ import annotations

from workshop_app.domain import NodeKind

__all__ = ["flat_half_width", "shape_of", "side_room"]

_SHAPES = {
    NodeKind.PRIORITY: "hexagon",
    NodeKind.ROLE: "pill",
    NodeKind.RESPONSIBILITY: "rounded",
    NodeKind.GUARDRAIL: "octagon",
}
#: As fractions of the box height, as the vocabulary draws them.
_HEXAGON_INSET = 18 / 64
_OCTAGON_CUT = 16 / 64
_CARD_RADIUS = 4 / 64
#: Room the person takes in a role's left end.
PERSON_ROOM = 24.0
_TEXT_PAD = 6.0


def shape_of(kind: NodeKind) -> str:
    return _SHAPES[kind]


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
    """Half the length of the straight part of the top and bottom sides."""
    if shape == "hexagon":
        cut = _HEXAGON_INSET * height
    elif shape == "octagon":
        cut = _OCTAGON_CUT * height
    elif shape == "pill":
        cut = height / 2
    else:
        cut = _CARD_RADIUS * height
    return max(0.0, width / 2 - cut)
