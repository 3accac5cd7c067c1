"""The session: one workshop's metadata, its typed graph and its outcomes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from workshop_app.domain.kinds import EdgeKind, NodeKind

if TYPE_CHECKING:
    from workshop_app.domain.change import Change
    from workshop_app.domain.operations import Operation

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Session"]

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "en"


@dataclass(eq=False)
class Session:
    """One workshop.

    ``graph`` is a :class:`networkx.MultiDiGraph` whose node attributes are
    the node's fields (``kind``, ``label``, optional fields and any unknown
    fields kept from the file) and whose edge key is the edge kind, so a pair
    of nodes carries each kind of relation at most once. ``cases`` are the
    sample cases the group walks through the map (``DESIGN.md``, "Walking a
    case"), each a mapping with a unique ``id``.

    Change a session through :meth:`apply` with an operation record; every
    change then reaches the listeners, and the returned inverse undoes it.
    """

    meta: dict[str, Any] = field(default_factory=dict)
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    actions: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    cases: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    listeners: list[Callable[[Change], None]] = field(default_factory=list, repr=False)

    @property
    def language(self) -> str:
        """The session's language (``de`` or ``en``): it drives the protocol."""
        language = self.meta.get("language")
        return language if language in LANGUAGES else DEFAULT_LANGUAGE

    def apply(self, operation: Operation) -> Operation:
        """Apply ``operation``, tell the listeners what changed, and return its inverse.

        Each listener is called with one :class:`~workshop_app.domain.change.Change`:
        what the operation touched together with what its inverse names (so
        a removal tells the kind and the edges of what it removed).
        """
        inverse = operation.apply(self)
        if self.listeners:
            change = operation.change | inverse.change
            for listener in list(self.listeners):
                listener(change)
        return inverse

    def kind(self, node_id: str) -> NodeKind:
        return NodeKind(self.graph.nodes[node_id]["kind"])

    def label(self, node_id: str) -> str:
        """The node's label, or its id when the node no longer exists."""
        node = self.graph.nodes.get(node_id)
        return node["label"] if node is not None else node_id

    def nodes_of_kind(self, kind: NodeKind) -> list[str]:
        return [n for n, k in self.graph.nodes(data="kind") if k == kind]

    def edges_of_kind(self, kind: EdgeKind) -> Iterator[tuple[str, str]]:
        for source, target, key in self.graph.edges(keys=True):
            if key == kind:
                yield source, target

    def review_for(self, code: str, subjects: list[str] | tuple[str, ...]) -> dict[str, Any] | None:
        """The group's review of the finding ``code`` about ``subjects``, if any."""
        wanted = sorted(subjects)
        for review in self.reviews:
            if review.get("code") == code and sorted(review.get("subjects", ())) == wanted:
                return review
        return None

    def case(self, case_id: str) -> dict[str, Any] | None:
        """The case with ``case_id``, if there is one."""
        return next((case for case in self.cases if case.get("id") == case_id), None)

    def new_node_id(self, kind: NodeKind) -> str:
        """A fresh, readable id for a new node of ``kind`` (``responsibility_3``)."""
        number = 1
        while f"{kind.value}_{number}" in self.graph:
            number += 1
        return f"{kind.value}_{number}"
