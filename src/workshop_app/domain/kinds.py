"""Node and edge kinds, their fields, and which kinds an edge may join.

This is the table of ``DESIGN.md`` as data: the loader, the operations and
the user interface all validate against it, so a value the file refuses is
also refused in the inspector.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workshop_app.domain.durations import parse_duration

__all__ = [
    "ALLOWED_ENDS",
    "DELEGATION_LEVELS",
    "EDGE_FIELDS",
    "ID_PATTERN",
    "LARGEST_WHOLE_NUMBER",
    "NODE_FIELDS",
    "POSITION_LIMIT",
    "EdgeKind",
    "FieldSpec",
    "NodeKind",
    "allowed_edge_kinds",
    "check_field",
    "check_id",
    "misplaced_field",
]


class NodeKind(StrEnum):
    PRIORITY = "priority"
    ROLE = "role"
    RESPONSIBILITY = "responsibility"
    GUARDRAIL = "guardrail"


class EdgeKind(StrEnum):
    ACCOUNTABLE = "accountable"
    RESPONSIBLE = "responsible"
    CONSULTED = "consulted"
    INFORMED = "informed"
    ESCALATES_TO = "escalates_to"
    SERVES = "serves"
    OUTRANKS = "outranks"
    CONFLICTS_WITH = "conflicts_with"
    BOUNDED_BY = "bounded_by"
    DEPUTY_OF = "deputy_of"


_P, _RO, _RE, _G = NodeKind.PRIORITY, NodeKind.ROLE, NodeKind.RESPONSIBILITY, NodeKind.GUARDRAIL

#: For each edge kind: the node kinds allowed at the source and at the target.
ALLOWED_ENDS: dict[EdgeKind, tuple[frozenset[NodeKind], frozenset[NodeKind]]] = {
    EdgeKind.ACCOUNTABLE: (frozenset({_RO}), frozenset({_RE, _P, _G})),
    EdgeKind.RESPONSIBLE: (frozenset({_RO}), frozenset({_RE})),
    EdgeKind.CONSULTED: (frozenset({_RO}), frozenset({_RE})),
    EdgeKind.INFORMED: (frozenset({_RO}), frozenset({_RE})),
    EdgeKind.ESCALATES_TO: (frozenset({_RE, _RO}), frozenset({_RO})),
    EdgeKind.SERVES: (frozenset({_RE}), frozenset({_P})),
    EdgeKind.OUTRANKS: (frozenset({_P}), frozenset({_P})),
    EdgeKind.CONFLICTS_WITH: (frozenset({_P}), frozenset({_P})),
    EdgeKind.BOUNDED_BY: (frozenset({_RE}), frozenset({_G})),
    EdgeKind.DEPUTY_OF: (frozenset({_RO}), frozenset({_RO})),
}

ID_PATTERN = re.compile(r"[A-Za-z0-9_.-]+")

#: The largest whole number a field without its own maximum takes: what the
#: window's number fields (32-bit) can show and change without losing it.
LARGEST_WHOLE_NUMBER = 2**31 - 1
#: How far from the origin a position may be, in map units (a node is about
#: 150 wide): room for any map, and within what the canvas can draw at its
#: largest zoom, as 32-bit device pixels.
POSITION_LIMIT = 100_000_000


@dataclass(frozen=True)
class FieldSpec:
    """A known field: its name, its type and the words that describe it."""

    name: str
    type: str  # "text", "bool", "int", "position", "duration"
    minimum: int | None = None
    maximum: int | None = None

    def describe(self) -> str:
        """What a valid value looks like, in plain words (English; for messages)."""
        if self.type == "text":
            return "text"
        if self.type == "bool":
            return "true or false"
        if self.type == "position":
            return "a pair of numbers [x, y]"
        if self.type == "duration":
            return "a duration such as 30min, 4h or 2d"
        if self.maximum is not None:
            return f"a whole number from {self.minimum} to {self.maximum}"
        return f"a whole number of at least {self.minimum}"


_NOTES = FieldSpec("notes", "text")
_POSITION = FieldSpec("position", "position")
#: The seven levels of a delegation board, 1 tell … 7 delegate.
DELEGATION_LEVELS = range(1, 8)
_DELEGATION = FieldSpec("delegation", "int", minimum=1, maximum=7)
_DELEGATION_TARGET = FieldSpec("delegation_target", "int", minimum=1, maximum=7)

#: Optional fields of each node kind, in the order they are saved.
NODE_FIELDS: dict[NodeKind, tuple[FieldSpec, ...]] = {
    NodeKind.PRIORITY: (FieldSpec("rank", "int", minimum=1), _NOTES, _POSITION),
    NodeKind.ROLE: (FieldSpec("load", "int", minimum=0, maximum=200), _NOTES, _POSITION),
    NodeKind.RESPONSIBILITY: (
        FieldSpec("decision_limit", "text"),
        FieldSpec("reconfirm", "bool"),
        FieldSpec("critical", "bool"),
        FieldSpec("good_enough", "text"),
        _DELEGATION,
        _DELEGATION_TARGET,
        _NOTES,
        _POSITION,
    ),
    NodeKind.GUARDRAIL: (_NOTES, _POSITION),
}

#: Optional fields of each edge kind, in the order they are saved.
EDGE_FIELDS: dict[EdgeKind, tuple[FieldSpec, ...]] = {
    kind: (
        (FieldSpec("trigger", "text"), FieldSpec("after", "duration"), _NOTES)
        if kind is EdgeKind.ESCALATES_TO
        else (_NOTES,)
    )
    for kind in EdgeKind
}

#: Fields that mean something on one kind only and are refused on any other
#: kind of node (or edge); other unknown fields are kept as they are.
_OWN_NODE_FIELDS = {
    "delegation": NodeKind.RESPONSIBILITY,
    "delegation_target": NodeKind.RESPONSIBILITY,
}
_OWN_EDGE_FIELDS = {"after": EdgeKind.ESCALATES_TO}
_NODE_KIND_VALUES = frozenset(kind.value for kind in NodeKind)


def misplaced_field(name: str, kind: str) -> str | None:
    """The kind that ``name`` belongs to, if ``kind`` is another node (or edge) kind.

    Examples
    --------
    >>> misplaced_field("delegation", "role"), misplaced_field("after", "deputy_of")
    ('responsibility', 'escalates_to')
    >>> misplaced_field("delegation", "responsibility") is None
    True
    >>> misplaced_field("after", "role") is None  # an unknown field on a node: kept
    True
    """
    table = _OWN_NODE_FIELDS if kind in _NODE_KIND_VALUES else _OWN_EDGE_FIELDS
    own = table.get(name)
    return own.value if own is not None and own.value != kind else None


def check_id(value: Any) -> str | None:
    """Return why ``value`` is not a valid node id, or ``None`` if it is."""
    if not isinstance(value, str):
        return "must be text made of letters, digits, '_', '.' or '-'"
    if not ID_PATTERN.fullmatch(value):
        return f"{value!r} is not a valid id (letters, digits, '_', '.' or '-')"
    return None


def check_field(spec: FieldSpec, value: Any) -> str | None:
    """Return why ``value`` is not valid for ``spec``, or ``None`` if it is.

    ``bool`` is refused where a number is expected (``True`` is an ``int`` in
    Python, but ``rank: yes`` is a mistake in a session file).
    """
    if spec.type == "text":
        return None if isinstance(value, str) else f"must be {spec.describe()}"
    if spec.type == "bool":
        return None if isinstance(value, bool) else f"must be {spec.describe()}"
    if spec.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be {spec.describe()}"
        too_low = spec.minimum is not None and value < spec.minimum
        too_high = value > (LARGEST_WHOLE_NUMBER if spec.maximum is None else spec.maximum)
        return f"must be {spec.describe()}, not {value}" if too_low or too_high else None
    if spec.type == "duration":
        return None if parse_duration(value) is not None else f"must be {spec.describe()}"
    # position
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(_is_finite_number(v) for v in value)
    ):
        return f"must be {spec.describe()}"
    return None


def _is_finite_number(value: Any) -> bool:
    """A number within ``POSITION_LIMIT`` (compared exactly: a huge int is no float)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return (isinstance(value, int) or math.isfinite(value)) and abs(value) <= POSITION_LIMIT


def allowed_edge_kinds(source: NodeKind, target: NodeKind) -> list[EdgeKind]:
    """The edge kinds DESIGN allows from a ``source`` node to a ``target`` node.

    Examples
    --------
    >>> [k.value for k in allowed_edge_kinds(NodeKind.ROLE, NodeKind.ROLE)]
    ['escalates_to', 'deputy_of']
    """
    return [
        kind
        for kind, (sources, targets) in ALLOWED_ENDS.items()
        if source in sources and target in targets
    ]
