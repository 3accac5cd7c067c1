"""What a comparison marks on the map of the session being edited.

The map shows one side of a :class:`~workshop_app.compare.diff.SessionDiff`,
usually the newer one. Its nodes and relations that the other side lacks or
has otherwise are marked on the map; what only the other side has is drawn as
a ghost. When the map shows the older side (a file on disk changed by
someone else, say), the roles swap: what was removed is marked on the map and
what was added appears as ghosts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop_app.compare.diff import EdgeKey, SessionDiff
from workshop_app.domain import Session

__all__ = ["MapMarks", "map_marks"]


@dataclass(frozen=True)
class MapMarks:
    """Changes by id: ``"added"``, ``"removed"`` or ``"changed"``.

    ``nodes``/``edges`` are on the map; ``ghost_nodes``/``ghost_edges`` are
    only in ``other``, the session not shown.
    """

    other: Session
    nodes: dict[str, str] = field(default_factory=dict)
    edges: dict[EdgeKey, str] = field(default_factory=dict)
    ghost_nodes: dict[str, str] = field(default_factory=dict)
    ghost_edges: dict[EdgeKey, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.nodes) + len(self.edges) + len(self.ghost_nodes) + len(self.ghost_edges)


def map_marks(diff: SessionDiff, shows_new: bool = True) -> MapMarks:
    """The marks for a map that shows ``diff.new`` (or ``diff.old``, when not ``shows_new``).

    Examples
    --------
    >>> from workshop_app.compare import compare_sessions
    >>> from workshop_app.domain import AddNode, NodeKind, Session
    >>> old, new = Session(), Session()
    >>> _ = old.apply(AddNode("gone", NodeKind.ROLE, "Back office"))
    >>> _ = new.apply(AddNode("fresh", NodeKind.ROLE, "Front office"))
    >>> marks = map_marks(compare_sessions(old, new))
    >>> marks.nodes, marks.ghost_nodes
    ({'fresh': 'added'}, {'gone': 'removed'})
    >>> map_marks(compare_sessions(old, new), shows_new=False).nodes
    {'gone': 'removed'}
    """
    nodes, edges = diff.nodes, diff.edges
    shown_only, other_only = ("added", "removed") if shows_new else ("removed", "added")
    shown_nodes = nodes.added if shows_new else nodes.removed
    other_nodes = nodes.removed if shows_new else nodes.added
    shown_edges = edges.added if shows_new else edges.removed
    other_edges = edges.removed if shows_new else edges.added
    return MapMarks(
        other=diff.old if shows_new else diff.new,
        nodes={**dict.fromkeys(nodes.changed, "changed"), **dict.fromkeys(shown_nodes, shown_only)},
        edges={**dict.fromkeys(edges.changed, "changed"), **dict.fromkeys(shown_edges, shown_only)},
        ghost_nodes=dict.fromkeys(other_nodes, other_only),
        ghost_edges=dict.fromkeys(other_edges, other_only),
    )
