"""Sample cases and the operations that add, edit and remove them.

A case is what the group walks through the map: ``{id, title,
responsibility, amount, absent, notes}`` (``DESIGN.md``, "Walking a case").
Its references must hold, as the loader demands of a file: the
responsibility exists and is one, every absent id is a role. Removing a node
therefore also removes the cases on it and takes it off every ``absent``
list (:func:`detach_node`), and the undo brings both back.

Examples
--------
>>> from workshop_app.domain import AddNode, NodeKind, Session
>>> session = Session()
>>> _ = session.apply(AddNode("x", NodeKind.RESPONSIBILITY, "Kulanz"))
>>> undo = session.apply(InsertCase(0, {"id": "c1", "title": "120 EUR", "responsibility": "x"}))
>>> session.case("c1")["title"]
'120 EUR'
>>> _ = session.apply(undo)
>>> session.cases
[]
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workshop_app.domain.change import Change
from workshop_app.domain.errors import DomainError
from workshop_app.domain.kinds import NodeKind, check_id
from workshop_app.domain.operations import UNSET, Operation

if TYPE_CHECKING:
    from workshop_app.domain.session import Session

__all__ = [
    "CASE_FIELDS",
    "DeleteCase",
    "InsertCase",
    "SetCaseFields",
    "case_problem",
    "detach_node",
    "is_amount",
]

#: A case's known fields, in the order they are saved.
CASE_FIELDS = ("id", "title", "responsibility", "amount", "absent", "notes")


def is_amount(value: Any) -> bool:
    """Whether ``value`` can be a case's amount: a finite number (not true/false)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def case_problem(session: Session, case: Mapping[str, Any]) -> str | None:
    """Why ``case`` cannot be a case of ``session`` (``field: problem``), or ``None``."""
    if problem := check_id(case.get("id")):
        return f"id: {problem}"
    title = case.get("title")
    if not isinstance(title, str) or not title.strip():
        return "title: a case needs a title"
    responsibility = case.get("responsibility")
    if not _is_node(session, responsibility, NodeKind.RESPONSIBILITY):
        return f"responsibility: {responsibility!r} is not a responsibility on the map"
    amount = case.get("amount")
    if amount is not None and not is_amount(amount):
        return f"amount: must be a number, not {amount!r}"
    absent = case.get("absent")
    if absent is not None:
        if not isinstance(absent, list | tuple):
            return "absent: must be a list of role ids"
        for role in absent:
            if not _is_node(session, role, NodeKind.ROLE):
                return f"absent: {role!r} is not a role on the map"
    notes = case.get("notes")
    if notes is not None and not isinstance(notes, str):
        return "notes: must be text"
    return None


def _is_node(session: Session, node_id: Any, kind: NodeKind) -> bool:
    node = session.graph.nodes.get(node_id) if isinstance(node_id, str) else None
    return node is not None and node.get("kind") == kind.value


def _index(session: Session, case_id: str) -> int:
    for index, case in enumerate(session.cases):
        if case.get("id") == case_id:
            return index
    raise DomainError(f"no case {case_id!r}")


def _stored(case: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of ``case``, without unset fields; a tuple of absent roles becomes a list."""
    stored = {k: copy.deepcopy(v) for k, v in case.items() if v is not UNSET}
    if isinstance(stored.get("absent"), tuple):
        stored["absent"] = list(stored["absent"])
    return stored


@dataclass(frozen=True)
class InsertCase(Operation):
    """Insert ``case`` at ``index`` among the cases (``len(cases)`` appends)."""

    index: int
    case: Mapping[str, Any]

    def apply(self, session: Session) -> Operation:
        if not 0 <= self.index <= len(session.cases):
            raise DomainError(f"no place {self.index} among the cases")
        case = _stored(self.case)
        if problem := case_problem(session, case):
            raise DomainError(problem)
        if session.case(case["id"]) is not None:
            raise DomainError(f"id: {case['id']!r} is already the id of a case")
        session.cases.insert(self.index, case)
        return DeleteCase(case["id"])

    @property
    def change(self) -> Change:
        return Change(cases=frozenset((self.case.get("id"),)))


@dataclass(frozen=True)
class DeleteCase(Operation):
    case_id: str

    def apply(self, session: Session) -> Operation:
        index = _index(session, self.case_id)
        return InsertCase(index, session.cases.pop(index))

    @property
    def change(self) -> Change:
        return Change(cases=frozenset((self.case_id,)))


@dataclass(frozen=True)
class SetCaseFields(Operation):
    """Set (or, with ``UNSET``, remove) fields of a case; its id stays."""

    case_id: str
    changes: Mapping[str, Any]

    def apply(self, session: Session) -> Operation:
        index = _index(session, self.case_id)
        if "id" in self.changes:
            raise DomainError("id: cannot be changed")
        old = session.cases[index]
        new = _stored({**old, **self.changes})
        if problem := case_problem(session, new):
            raise DomainError(problem)
        session.cases[index] = new
        return SetCaseFields(self.case_id, {name: old.get(name, UNSET) for name in self.changes})

    @property
    def change(self) -> Change:
        return Change(cases=frozenset((self.case_id,)))


def detach_node(session: Session, node_id: str) -> list[Operation]:
    """Take ``node_id`` out of every case before it is removed; the undo steps.

    A case on the node is deleted; the node leaves every ``absent`` list.
    The undo steps, applied in order after the node is back, restore both.
    """
    undo: list[Operation] = []
    for case in list(session.cases):
        if case.get("responsibility") == node_id:
            undo.append(DeleteCase(case["id"]).apply(session))
        elif isinstance(absent := case.get("absent"), list) and node_id in absent:
            remaining = [role for role in absent if role != node_id]
            undo.append(SetCaseFields(case["id"], {"absent": remaining}).apply(session))
    return undo[::-1]
