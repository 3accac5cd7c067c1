"""What an edit changed, told by the core: the :class:`Change` record.

Every operation reports what it touches (:attr:`Operation.change
<workshop_app.domain.operations.Operation.change>`), from its own record and
without looking at a session; :meth:`Session.apply
<workshop_app.domain.session.Session.apply>` tells its listeners the change
of the operation together with that of its inverse, which names what the
operation took away (a removed node's kind, its edges and cases). Views and
the live analysis read this record; none of them needs to know the
operation classes, so a new kind of operation reaches all of them.

Examples
--------
>>> from workshop_app.domain import AddNode, NodeKind, Session, SetNodeFields
>>> session = Session()
>>> told = []
>>> session.listeners.append(told.append)
>>> _ = session.apply(AddNode("p1", NodeKind.PRIORITY, "Speed"))
>>> _ = session.apply(SetNodeFields("p1", {"position": [10, 20]}))
>>> [sorted(change.nodes) for change in told]
[['p1'], ['p1']]
>>> [change.positions_only for change in told]
[False, True]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from itertools import chain

__all__ = ["Change", "EdgeKey", "ReviewKey"]

#: An edge: source, target and kind (the graph's edge key).
EdgeKey = tuple[str, str, str]
#: A review: the finding's code and its subjects, sorted.
ReviewKey = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class Change:
    """What one operation (or several in a row) touched in a session.

    A change is true when it touched anything; ``a | b`` joins two.

    Attributes
    ----------
    nodes
        Ids of the nodes added, removed, or whose fields were set.
    edges
        Keys ``(source, target, kind)`` of the edges added, removed, or whose fields were set.
    fields
        Names of the node and edge fields set on nodes and edges that stayed
        (an added or removed node or edge counts as all of its fields).
    kinds
        Kinds of the nodes added or removed: such a node may be gone, so the
        change keeps its kind.
    meta
        Keys of the session metadata set (``title``, ``language``…).
    actions
        Places of the agreed actions inserted, deleted or edited.
    reviews
        Findings ``(code, subjects)`` whose review was set or removed.
    cases
        Ids of the sample cases inserted, deleted or edited.
    votes
        Ids of the rounds of dot voting inserted, deleted or replaced.
    positions_only
        Nothing but node positions changed (a drag, an arrangement): a view
        that shows no positions has nothing to do.
    """

    nodes: frozenset[str] = frozenset()
    edges: frozenset[EdgeKey] = frozenset()
    fields: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    meta: frozenset[str] = frozenset()
    actions: frozenset[int] = frozenset()
    reviews: frozenset[ReviewKey] = frozenset()
    cases: frozenset[str] = frozenset()
    votes: frozenset[str] = frozenset()
    positions_only: bool = False

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in _SETS)

    def __or__(self, other: Change) -> Change:
        return Change.union((self, other))

    @classmethod
    def union(cls, changes: Iterable[Change]) -> Change:
        """Everything the ``changes`` touched; positions only if each touched nothing else.

        Examples
        --------
        >>> moved = Change(nodes=frozenset({"a"}), fields=frozenset({"position"}),
        ...                positions_only=True)
        >>> Change.union([moved, Change(), moved]).positions_only
        True
        >>> (moved | Change(meta=frozenset({"title"}))).positions_only
        False
        """
        touched = [change for change in changes if change]
        if not touched:
            return cls()
        if len(touched) == 1:
            return touched[0]
        joined = {
            name: frozenset(chain.from_iterable(getattr(c, name) for c in touched))
            for name in _SETS
        }
        return cls(**joined, positions_only=all(c.positions_only for c in touched))

    @property
    def ends(self) -> frozenset[str]:
        """The nodes touched, with the ends of the edges touched and the subjects of reviews.

        Examples
        --------
        >>> change = Change(edges=frozenset({("lead", "x1", "accountable")}),
        ...                 reviews=frozenset({("isolated", ("p9",))}))
        >>> sorted(change.ends)
        ['lead', 'p9', 'x1']
        """
        found = set(self.nodes)
        for source, target, _kind in self.edges:
            found.update((source, target))
        for _code, subjects in self.reviews:
            found.update(subjects)
        return frozenset(found)

    @property
    def edge_kinds(self) -> frozenset[str]:
        """The kinds of the edges touched."""
        return frozenset(kind for _source, _target, kind in self.edges)


_SETS = tuple(f.name for f in fields(Change) if f.name != "positions_only")
