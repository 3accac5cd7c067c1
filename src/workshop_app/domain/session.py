"""The session: one workshop's metadata, its typed graph and its outcomes."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from workshop_app.domain.kinds import EdgeKind, NodeKind

if TYPE_CHECKING:
    from workshop_app.domain.change import Change, ReviewKey
    from workshop_app.domain.operations import Operation

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Session", "check_language", "review_key"]

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "en"


def review_key(code: object, subjects: Iterable[object]) -> ReviewKey:
    """How the group's review of a finding is found: the code and the subjects, sorted.

    The subjects' order in a file or a finding does not matter.

    Examples
    --------
    >>> review_key("shared-ownership", ["x1", "r1"]) == review_key("shared-ownership", ("r1", "x1"))
    True
    """
    return (str(code), tuple(sorted(map(str, subjects))))


def check_language(language: object) -> str:
    """``language`` if the app speaks it (``de`` or ``en``); else ``ValueError`` saying so.

    Examples
    --------
    >>> check_language("de")
    'de'
    >>> check_language("fr")
    Traceback (most recent call last):
    ValueError: language must be one of de, en, not 'fr'
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language  # type: ignore[return-value]


@dataclass(eq=False)
class Session:
    """One workshop.

    ``graph`` is a :class:`networkx.MultiDiGraph` whose node attributes are
    the node's fields (``kind``, ``label``, optional fields and any unknown
    fields kept from the file) and whose edge key is the edge kind, so a pair
    of nodes carries each kind of relation at most once. ``cases`` are the
    sample cases the group walks through the map (``DESIGN.md``, "Walking a
    case"), each a mapping with a unique ``id``; ``votes`` the rounds of dot
    voting (:mod:`workshop_app.domain.votes`).

    Change a session through :meth:`apply` with an operation record; every
    change then reaches the listeners, and the returned inverse undoes it.
    """

    meta: dict[str, Any] = field(default_factory=dict)
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    actions: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    cases: list[dict[str, Any]] = field(default_factory=list)
    votes: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    listeners: list[Callable[[Change], None]] = field(default_factory=list, repr=False)

    @property
    def language(self) -> str:
        """The session's language (``de`` or ``en``): it drives the protocol."""
        language = self.meta.get("language")
        return language if language in LANGUAGES else DEFAULT_LANGUAGE

    def language_for(self, language: str | None) -> str:
        """The language to write in: ``language`` if given (checked), else the session's."""
        return self.language if language is None else check_language(language)

    def copy(self) -> Session:
        """An independent copy, without the listeners: for a worker thread or a comparison.

        Operations replace a field's value rather than change it in place, so
        fresh attribute dicts for every node and edge are enough: nothing an
        edit of one session does shows in the other.

        Examples
        --------
        >>> from workshop_app.domain import AddNode, NodeKind, SetNodeFields
        >>> session = Session(meta={"title": "Kick-off"})
        >>> _ = session.apply(AddNode("p", NodeKind.PRIORITY, "Speed", {"position": [0, 0]}))
        >>> twin = session.copy()
        >>> _ = session.apply(SetNodeFields("p", {"label": "Pace", "position": [5, 5]}))
        >>> twin.label("p"), twin.graph.nodes["p"]["position"], twin.meta
        ('Speed', [0, 0], {'title': 'Kick-off'})
        """
        return Session(
            meta=copy.deepcopy(self.meta),
            graph=self.graph.copy(),
            actions=copy.deepcopy(self.actions),
            reviews=copy.deepcopy(self.reviews),
            cases=copy.deepcopy(self.cases),
            votes=copy.deepcopy(self.votes),
            extra=copy.deepcopy(self.extra),
        )

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

    def review_index(self, code: str, subjects: Iterable[str]) -> int | None:
        """Where the group's review of the finding ``code`` about ``subjects`` is, if any."""
        wanted = review_key(code, subjects)
        for index, review in enumerate(self.reviews):
            if _key_of(review) == wanted:
                return index
        return None

    def review_for(self, code: str, subjects: Iterable[str]) -> dict[str, Any] | None:
        """The group's review of the finding ``code`` about ``subjects``, if any."""
        index = self.review_index(code, subjects)
        return None if index is None else self.reviews[index]

    def reviews_by_key(self) -> dict[ReviewKey, dict[str, Any]]:
        """Every review under its :func:`review_key`: for looking up many findings at once."""
        found: dict[ReviewKey, dict[str, Any]] = {}
        for review in self.reviews:
            found.setdefault(_key_of(review), review)  # the first one, as review_for finds
        return found

    def case(self, case_id: str) -> dict[str, Any] | None:
        """The case with ``case_id``, if there is one."""
        return next((case for case in self.cases if case.get("id") == case_id), None)

    def vote_round(self, round_id: str) -> dict[str, Any] | None:
        """The round of dot voting with ``round_id``, if there is one."""
        return next((entry for entry in self.votes if entry.get("id") == round_id), None)

    def new_node_id(self, kind: NodeKind) -> str:
        """A fresh, readable id for a new node of ``kind`` (``responsibility_3``)."""
        number = 1
        while f"{kind.value}_{number}" in self.graph:
            number += 1
        return f"{kind.value}_{number}"


def _key_of(review: dict[str, Any]) -> ReviewKey:
    subjects = review.get("subjects")
    return review_key(review.get("code"), subjects if isinstance(subjects, list | tuple) else ())
