"""What a node's box holds and how large it must be for it.

The label is wrapped to at most :data:`TEXT_WIDTH` points a line (long
labels wrap rather than shrink; a number is not left alone on the last
line), under it a smaller detail line: a role's
load, a responsibility's decision limit and marks (↻ re-confirm, ! critical).
A priority's rank goes into a badge on the box's corner. The box grows with
its text and leaves room for its shape: the slanted ends of a hexagon, the
round ends of a pill (and the person drawn in a role's left end), the cut
corners of an octagon.

Examples
--------
>>> content = box_content({"kind": "role", "label": "Teamleitung", "load": 92})
>>> content.label_lines, content.detail
(('Teamleitung',), '92 %')
>>> content.width, content.height
(147, 45)
>>> box_content({"kind": "role", "label": "Team lead 1"}).label_lines
('Team lead 1',)
>>> box_content({"kind": "responsibility", "label": "Outage communication 2"}).label_lines
('Outage', 'communication 2')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workshop_app.domain import NodeKind
from workshop_app.layout.geometry import (
    DETAIL_SIZE,
    LABEL_SIZE,
    LINE_HEIGHT,
    NodeBox,
)
from workshop_app.layout.shapes import shape_of, side_room
from workshop_app.layout.text import text_width, words, wrap

__all__ = ["MAX_LINES", "TEXT_WIDTH", "WIDOW", "BoxContent", "box_content", "node_box"]

#: The widest a label line may be: six ems of the label size, about eleven letters
#: (narrow boxes with large type fill a screen better than wide ones with small type).
TEXT_WIDTH = 96.0
#: A line may grow to this width to keep a long word (a German compound) whole.
WORD_WIDTH = 160.0
#: A last line this short (a number, "II") is not left alone: its line may grow up to
#: ``WORD_WIDTH`` to keep it.
WIDOW = 3
#: A label longer than this many lines ends in "…" (the full label is in the tooltip).
MAX_LINES = 4
#: Space above and below the text.
_PAD_Y = 7.0
#: The smallest box: short labels ("QM") still get a box one can point at.
_MIN_WIDTH = 64.0
_MIN_HEIGHT = 34.0


@dataclass(frozen=True)
class BoxContent:
    kind: NodeKind
    shape: str
    label_lines: tuple[str, ...]
    detail: str
    badge: str
    width: float
    height: float


def box_content(attrs: dict[str, Any]) -> BoxContent:
    """The text of a node with fields ``attrs`` and the box size it needs."""
    kind = NodeKind(attrs["kind"])
    label = str(attrs.get("label", ""))
    longest = max((text_width(word, LABEL_SIZE) for word in words(label)), default=0.0)
    line_width = min(WORD_WIDTH, max(TEXT_WIDTH, longest))
    lines = wrap(label, LABEL_SIZE, line_width, MAX_LINES) or ("",)
    if len(lines) > 1 and len(lines[-1]) <= WIDOW:
        # A number left alone ("Team lead / 1") joins its line when the box may grow so wide.
        joined = text_width(f"{lines[-2]} {lines[-1]}", LABEL_SIZE)
        if joined <= WORD_WIDTH:
            lines = wrap(label, LABEL_SIZE, max(line_width, joined), MAX_LINES)
    detail = _detail(kind, attrs)
    text_height = len(lines) * LABEL_SIZE * LINE_HEIGHT
    if detail:
        text_height += DETAIL_SIZE * LINE_HEIGHT
    height = max(_MIN_HEIGHT, text_height + 2 * _PAD_Y)
    widest = max(
        [text_width(line, LABEL_SIZE) for line in lines]
        + ([text_width(detail, DETAIL_SIZE)] if detail else [])
    )
    shape = shape_of(kind)
    left, right = side_room(shape, height, kind is NodeKind.ROLE)
    width = max(_MIN_WIDTH, widest + left + right)
    return BoxContent(kind, shape, lines, detail, _badge(kind, attrs), round(width), round(height))


def node_box(node_id: str, attrs: dict[str, Any], centre: tuple[float, float]) -> NodeBox:
    """The box of node ``node_id`` centred on ``centre``."""
    content = box_content(attrs)
    return NodeBox(
        node_id,
        content.kind,
        centre[0],
        centre[1],
        content.width,
        content.height,
        content.shape,
        content.label_lines,
        content.detail,
        content.badge,
    )


def _detail(kind: NodeKind, attrs: dict[str, Any]) -> str:
    if kind is NodeKind.ROLE and _is_int(attrs.get("load")):
        return f"{attrs['load']} %"
    if kind is NodeKind.RESPONSIBILITY:
        parts = []
        limit = attrs.get("decision_limit")
        if isinstance(limit, str) and limit.strip():
            parts.append("≤ " + " ".join(limit.split()))
        if attrs.get("reconfirm") is True:
            parts.append("↻")
        if attrs.get("critical") is True:
            parts.append("!")
        detail = "  ".join(parts)
        if text_width(detail, DETAIL_SIZE) > WORD_WIDTH:
            return wrap(detail, DETAIL_SIZE, WORD_WIDTH, 1)[0]
        return detail
    return ""


def _badge(kind: NodeKind, attrs: dict[str, Any]) -> str:
    rank = attrs.get("rank")
    if kind is NodeKind.PRIORITY and _is_int(rank):
        return str(rank) if rank < 1000 else "999+"
    return ""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
