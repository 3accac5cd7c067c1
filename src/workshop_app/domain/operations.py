"""Invertible operation records: every change to a session is one of these.

``operation.apply(session)`` changes the session and returns the operation
that undoes it, so the window's undo stack only has to keep pairs of records
(Orange3's ``owpaintdata.transform`` works the same way). A record that would
make the session invalid raises :class:`DomainError` and changes nothing.

Examples
--------
>>> from workshop_app.domain import Session, NodeKind
>>> session = Session()
>>> undo = session.apply(AddNode("p1", NodeKind.PRIORITY, "Erstlösung", {"rank": 1}))
>>> session.label("p1")
'Erstlösung'
>>> _ = session.apply(undo)
>>> "p1" in session.graph
False
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workshop_app.domain.change import Change
from workshop_app.domain.errors import DomainError
from workshop_app.domain.kinds import (
    ALLOWED_ENDS,
    EDGE_FIELDS,
    NODE_FIELDS,
    EdgeKind,
    NodeKind,
    check_field,
    check_id,
    misplaced_field,
)
from workshop_app.domain.session import LANGUAGES, review_key

if TYPE_CHECKING:
    from workshop_app.domain.session import Session

__all__ = [
    "UNSET",
    "AddEdge",
    "AddNode",
    "Batch",
    "DeleteAction",
    "InsertAction",
    "Operation",
    "RemoveEdge",
    "RemoveNode",
    "SetActionFields",
    "SetEdgeFields",
    "SetMeta",
    "SetNodeFields",
    "SetReview",
]


class _Unset:
    """Marks a field that is absent: setting a field to ``UNSET`` removes it."""

    _instance: _Unset | None = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __deepcopy__(self, memo: dict[int, Any]) -> _Unset:
        return self


UNSET: Any = _Unset()


class Operation(ABC):
    """A change to a session that knows how to undo itself, and what it touches."""

    @abstractmethod
    def apply(self, session: Session) -> Operation:
        """Change ``session`` and return the operation that undoes the change."""

    @property
    @abstractmethod
    def change(self) -> Change:
        """What applying this record touches, read from the record alone.

        What it takes away (a removed node's kind and edges) is named by the
        change of its inverse; :meth:`Session.apply` tells both together.
        """


def _check_node_fields(kind: NodeKind, values: Mapping[str, Any]) -> None:
    specs = {spec.name: spec for spec in NODE_FIELDS[kind]}
    for name, value in values.items():
        if name in ("id", "kind"):
            raise DomainError(f"{name}: cannot be changed")
        if value is UNSET:
            if name == "label":
                raise DomainError("label: a node needs a label")
            continue
        if own := misplaced_field(name, kind.value):
            raise DomainError(f"{name}: only a {own} has this field")
        if name == "label":
            if not isinstance(value, str) or not value.strip():
                raise DomainError("label: must be non-empty text")
        elif name in specs and (problem := check_field(specs[name], value)):
            raise DomainError(f"{name}: {problem}")


def _check_edge_fields(kind: EdgeKind, values: Mapping[str, Any]) -> None:
    specs = {spec.name: spec for spec in EDGE_FIELDS[kind]}
    for name, value in values.items():
        if name in ("source", "target", "kind"):
            raise DomainError(f"{name}: cannot be changed")
        if value is not UNSET and (own := misplaced_field(name, kind.value)):
            raise DomainError(f"{name}: only an {own} edge has this field")
        if value is not UNSET and name in specs and (problem := check_field(specs[name], value)):
            raise DomainError(f"{name}: {problem}")


def _update(target: dict[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """Apply ``changes`` to ``target`` and return the changes that undo them."""
    undo = {name: copy.deepcopy(target.get(name, UNSET)) for name in changes}
    for name, value in changes.items():
        if value is UNSET:
            target.pop(name, None)
        else:
            target[name] = copy.deepcopy(value)
    return undo


@dataclass(frozen=True)
class AddNode(Operation):
    node_id: str
    kind: NodeKind
    label: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    def apply(self, session: Session) -> Operation:
        if problem := check_id(self.node_id):
            raise DomainError(f"id: {problem}")
        if self.node_id in session.graph:
            raise DomainError(f"id: {self.node_id!r} is already used")
        kind = NodeKind(self.kind)
        if "label" in self.fields:
            raise DomainError("label: give it as the node's label, not among its fields")
        _check_node_fields(kind, {"label": self.label, **self.fields})
        values = {k: copy.deepcopy(v) for k, v in self.fields.items() if v is not UNSET}
        session.graph.add_node(self.node_id, kind=kind.value, label=self.label, **values)
        return RemoveNode(self.node_id)

    @property
    def change(self) -> Change:
        return Change(
            nodes=frozenset((self.node_id,)), kinds=frozenset((NodeKind(self.kind).value,))
        )


@dataclass(frozen=True)
class RemoveNode(Operation):
    """Remove a node, every edge that touches it and the cases on it (undo brings them back)."""

    node_id: str

    def apply(self, session: Session) -> Operation:
        # Cases are operations built on this module, hence imported here.
        from workshop_app.domain.cases import detach_node

        graph = session.graph
        if self.node_id not in graph:
            raise DomainError(f"no node {self.node_id!r}")
        cases = detach_node(session, self.node_id)
        attrs = dict(graph.nodes[self.node_id])
        kind, label = attrs.pop("kind"), attrs.pop("label")
        edges = [
            AddEdge(s, t, EdgeKind(k), dict(data))
            for s, t, k, data in (
                *graph.in_edges(self.node_id, keys=True, data=True),
                *graph.out_edges(self.node_id, keys=True, data=True),
            )
        ]
        graph.remove_node(self.node_id)
        return Batch((AddNode(self.node_id, NodeKind(kind), label, attrs), *edges, *cases))

    @property
    def change(self) -> Change:
        return Change(nodes=frozenset((self.node_id,)))


@dataclass(frozen=True)
class SetNodeFields(Operation):
    """Set (or, with ``UNSET``, remove) fields of a node: label, rank, position…"""

    node_id: str
    changes: Mapping[str, Any]

    def apply(self, session: Session) -> Operation:
        if self.node_id not in session.graph:
            raise DomainError(f"no node {self.node_id!r}")
        attrs = session.graph.nodes[self.node_id]
        _check_node_fields(NodeKind(attrs["kind"]), self.changes)
        return SetNodeFields(self.node_id, _update(attrs, self.changes))

    @property
    def change(self) -> Change:
        names = frozenset(self.changes)
        return Change(
            nodes=frozenset((self.node_id,)), fields=names, positions_only=names == {"position"}
        )


@dataclass(frozen=True)
class AddEdge(Operation):
    source: str
    target: str
    kind: EdgeKind
    fields: Mapping[str, Any] = field(default_factory=dict)

    def apply(self, session: Session) -> Operation:
        graph, kind = session.graph, EdgeKind(self.kind)
        for end in (self.source, self.target):
            if end not in graph:
                raise DomainError(f"no node {end!r}")
        if self.source == self.target:
            raise DomainError("an edge cannot connect a node to itself")
        sources, targets = ALLOWED_ENDS[kind]
        source_kind, target_kind = session.kind(self.source), session.kind(self.target)
        if source_kind not in sources or target_kind not in targets:
            raise DomainError(
                f"{kind.value} cannot go from a {source_kind.value} to a {target_kind.value}"
            )
        if graph.has_edge(self.source, self.target, key=kind.value):
            raise DomainError(f"{kind.value} from {self.source!r} to {self.target!r} exists")
        _check_edge_fields(kind, self.fields)
        values = {k: copy.deepcopy(v) for k, v in self.fields.items() if v is not UNSET}
        graph.add_edge(self.source, self.target, key=kind.value, **values)
        return RemoveEdge(self.source, self.target, kind)

    @property
    def change(self) -> Change:
        return Change(edges=frozenset((_edge_key(self),)))


@dataclass(frozen=True)
class RemoveEdge(Operation):
    source: str
    target: str
    kind: EdgeKind

    def apply(self, session: Session) -> Operation:
        kind = EdgeKind(self.kind)
        if not session.graph.has_edge(self.source, self.target, key=kind.value):
            raise DomainError(f"no {kind.value} from {self.source!r} to {self.target!r}")
        data = dict(session.graph.edges[self.source, self.target, kind.value])
        session.graph.remove_edge(self.source, self.target, key=kind.value)
        return AddEdge(self.source, self.target, kind, data)

    @property
    def change(self) -> Change:
        return Change(edges=frozenset((_edge_key(self),)))


@dataclass(frozen=True)
class SetEdgeFields(Operation):
    source: str
    target: str
    kind: EdgeKind
    changes: Mapping[str, Any]

    def apply(self, session: Session) -> Operation:
        kind = EdgeKind(self.kind)
        if not session.graph.has_edge(self.source, self.target, key=kind.value):
            raise DomainError(f"no {kind.value} from {self.source!r} to {self.target!r}")
        _check_edge_fields(kind, self.changes)
        attrs = session.graph.edges[self.source, self.target, kind.value]
        return SetEdgeFields(self.source, self.target, kind, _update(attrs, self.changes))

    @property
    def change(self) -> Change:
        return Change(edges=frozenset((_edge_key(self),)), fields=frozenset(self.changes))


def _edge_key(operation: AddEdge | RemoveEdge | SetEdgeFields) -> tuple[str, str, str]:
    return (operation.source, operation.target, EdgeKind(operation.kind).value)


@dataclass(frozen=True)
class SetMeta(Operation):
    """Set (or remove) metadata fields: title, client, date, language, phase…"""

    changes: Mapping[str, Any]

    def apply(self, session: Session) -> Operation:
        for name, value in self.changes.items():
            if value is not UNSET and (problem := _meta_problem(name, value)):
                raise DomainError(f"{name}: {problem}")
        return SetMeta(_update(session.meta, self.changes))

    @property
    def change(self) -> Change:
        return Change(meta=frozenset(self.changes))


_META_TEXT = ("title", "client", "date", "facilitator")


def _meta_problem(name: str, value: Any) -> str | None:
    """Why ``value`` cannot be the meta field ``name`` (as the loader would refuse it)."""
    if name in _META_TEXT and not isinstance(value, str):
        return "must be text"
    if name == "language" and value not in LANGUAGES:
        return "must be de or en"
    if name == "participants" and not (
        isinstance(value, list)
        and all(
            isinstance(p, dict)
            and all(isinstance(v, str) for k, v in p.items() if k in ("name", "role"))
            for p in value
        )
    ):
        return "must be a list of people with a name and a role"
    return None


@dataclass(frozen=True)
class InsertAction(Operation):
    """Insert an agreed action at ``index`` (``len(actions)`` appends)."""

    index: int
    action: Mapping[str, Any]

    def apply(self, session: Session) -> Operation:
        if not 0 <= self.index <= len(session.actions):
            raise DomainError(f"no place {self.index} among the actions")
        if not _is_text(self.action.get("text")):
            raise DomainError("text: an action needs a text")
        session.actions.insert(self.index, copy.deepcopy(dict(self.action)))
        return DeleteAction(self.index)

    @property
    def change(self) -> Change:
        return Change(actions=frozenset((self.index,)))


@dataclass(frozen=True)
class DeleteAction(Operation):
    index: int

    def apply(self, session: Session) -> Operation:
        if not 0 <= self.index < len(session.actions):
            raise DomainError(f"no action {self.index}")
        return InsertAction(self.index, session.actions.pop(self.index))

    @property
    def change(self) -> Change:
        return Change(actions=frozenset((self.index,)))


@dataclass(frozen=True)
class SetActionFields(Operation):
    index: int
    changes: Mapping[str, Any]

    def apply(self, session: Session) -> Operation:
        if not 0 <= self.index < len(session.actions):
            raise DomainError(f"no action {self.index}")
        if "text" in self.changes and not _is_text(self.changes["text"]):
            raise DomainError("text: an action needs a text")
        return SetActionFields(self.index, _update(session.actions[self.index], self.changes))

    @property
    def change(self) -> Change:
        return Change(actions=frozenset((self.index,)))


@dataclass(frozen=True)
class SetReview(Operation):
    """Record the group's verdict on a finding; ``review=None`` removes it.

    A new review goes to the end of the reviews, or to ``index``: so the
    undo of a removal puts the review back where it was, and the file is
    the same again (its reviews keep their order).
    """

    code: str
    subjects: tuple[str, ...]
    review: Mapping[str, Any] | None
    index: int | None = None

    def apply(self, session: Session) -> Operation:
        wanted = sorted(self.subjects)
        index = session.review_index(self.code, wanted)
        old = session.reviews[index] if index is not None else None
        new = None
        if self.review is not None:
            new = {"code": self.code, "subjects": wanted, **copy.deepcopy(dict(self.review))}
        if index is None and new is not None:
            at = len(session.reviews) if self.index is None else max(0, self.index)
            session.reviews.insert(at, new)
        elif index is not None and new is None:
            del session.reviews[index]
        elif index is not None:
            session.reviews[index] = new
        return SetReview(self.code, tuple(wanted), _review_body(old), index)

    @property
    def change(self) -> Change:
        return Change(reviews=frozenset((review_key(self.code, self.subjects),)))


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _review_body(review: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The review without its code; its subjects stay, in the order the file had them."""
    if review is None:
        return None
    return {k: v for k, v in review.items() if k != "code"}


@dataclass(frozen=True)
class Batch(Operation):
    """Several operations as one step; if one fails, the earlier ones are undone."""

    operations: tuple[Operation, ...]

    def apply(self, session: Session) -> Operation:
        inverses: list[Operation] = []
        try:
            for operation in self.operations:
                inverses.append(operation.apply(session))
        except DomainError:
            for inverse in reversed(inverses):
                inverse.apply(session)
            raise
        return Batch(tuple(reversed(inverses)))

    @property
    def change(self) -> Change:
        return Change.union(operation.change for operation in self.operations)
