"""What changed from one session to the next: the pair form of ``DESIGN.md``.

Nodes are matched by id, edges by ``(source, target, kind)``, actions by id;
a field counts as changed when its value differs (a field that appears or
disappears included). Positions are layout, not content: they never count.
Metadata (title, date, participants) and reviews are not compared: the date
differs from workshop to workshop, and a review shows in the findings.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from workshop_app.analysis import Finding, find_ambiguities
from workshop_app.domain import NodeKind, Session

__all__ = [
    "LAYOUT_FIELDS",
    "Changes",
    "EdgeKey",
    "SessionDiff",
    "action_keys",
    "compare_sessions",
    "finding_key",
    "priority_order",
]

#: Fields that say where a thing is drawn, not what it is.
LAYOUT_FIELDS = frozenset({"position"})

EdgeKey = tuple[str, str, str]
FindingKey = tuple[str, tuple[str, ...]]
K = TypeVar("K", str, EdgeKey)


@dataclass(frozen=True)
class Changes(Generic[K]):
    """Items added, removed and changed (each with its changed fields), all sorted."""

    added: tuple[K, ...] = ()
    removed: tuple[K, ...] = ()
    changed: Mapping[K, tuple[str, ...]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True, eq=False)
class SessionDiff:
    """The difference between an ``old`` and a ``new`` session.

    ``resolved`` are the findings of the old session that no longer occur
    (their messages name the old session's labels), ``new_findings`` those
    that did not occur before. The two sessions are kept for naming things.
    """

    old: Session
    new: Session
    nodes: Changes[str]
    edges: Changes[EdgeKey]
    actions: Changes[str]
    order_before: tuple[str, ...]
    order_after: tuple[str, ...]
    resolved: tuple[Finding, ...]
    new_findings: tuple[Finding, ...]

    def __bool__(self) -> bool:
        """Whether anything changed: ``workshop-app diff`` exits 1 then."""
        return bool(
            self.nodes
            or self.edges
            or self.actions
            or self.order_before != self.order_after
            or self.resolved
            or self.new_findings
        )

    def to_json(self) -> dict[str, Any]:
        """The diff as ``DESIGN.md`` defines it, every list sorted.

        Examples
        --------
        >>> from workshop_app.domain import AddNode, NodeKind, Session
        >>> old, new = Session(), Session()
        >>> _ = new.apply(AddNode("p", NodeKind.PRIORITY, "Speed", {"rank": 1}))
        >>> compare_sessions(old, new).to_json()  # doctest: +NORMALIZE_WHITESPACE
        {'nodes': {'added': ['p'], 'removed': [], 'changed': {}},
         'edges': {'added': [], 'removed': [], 'changed': []},
         'priority_order': {'before': [], 'after': ['p']},
         'findings': {'resolved': [], 'new': [['isolated', ['p']], ['no-owner', ['p']]]},
         'actions': {'added': [], 'removed': [], 'changed': {}}}
        """
        return {
            "nodes": _ids_json(self.nodes),
            "edges": {
                "added": [list(key) for key in self.edges.added],
                "removed": [list(key) for key in self.edges.removed],
                "changed": [[*key, list(fields)] for key, fields in self.edges.changed.items()],
            },
            "priority_order": {"before": list(self.order_before), "after": list(self.order_after)},
            "findings": {
                "resolved": _findings_json(self.resolved),
                "new": _findings_json(self.new_findings),
            },
            "actions": _ids_json(self.actions),
        }


def compare_sessions(
    old: Session,
    new: Session,
    language: str | None = None,
    *,
    findings: tuple[list[Finding] | None, list[Finding] | None] = (None, None),
) -> SessionDiff:
    """What changed from ``old`` to ``new``.

    Parameters
    ----------
    old, new : Session
    language : {"de", "en"}, optional
        The language of the findings' messages; the new session's by default.
    findings : pair of (list of Finding or None), optional
        The findings of ``old`` and ``new``, in ``language``, where they are
        known already (a series analyses each session once); ``None`` for a
        side to be analysed here.
    """
    language = new.language if language is None else language
    old_list, new_list = (
        find_ambiguities(session, language) if known is None else known
        for session, known in zip((old, new), findings, strict=True)
    )
    old_findings = {finding_key(f): f for f in old_list}
    new_findings = {finding_key(f): f for f in new_list}
    return SessionDiff(
        old=old,
        new=new,
        nodes=_compare(dict(old.graph.nodes(data=True)), dict(new.graph.nodes(data=True))),
        edges=_compare(_edges(old), _edges(new)),
        actions=_compare(action_keys(old.actions), action_keys(new.actions)),
        order_before=priority_order(old),
        order_after=priority_order(new),
        resolved=tuple(old_findings[key] for key in sorted(old_findings.keys() - new_findings)),
        new_findings=tuple(new_findings[key] for key in sorted(new_findings.keys() - old_findings)),
    )


def priority_order(session: Session) -> tuple[str, ...]:
    """The priorities by rank, unranked last, ties by id.

    Examples
    --------
    >>> from workshop_app.domain import AddNode, NodeKind, Session
    >>> session = Session()
    >>> for node_id, rank in (("c", 2), ("b", None), ("a", 2), ("d", 1)):
    ...     _ = session.apply(AddNode(node_id, NodeKind.PRIORITY, node_id.upper(),
    ...                               {} if rank is None else {"rank": rank}))
    >>> priority_order(session)
    ('d', 'a', 'c', 'b')
    """
    ranked = []
    for node, data in session.graph.nodes(data=True):
        if data.get("kind") == NodeKind.PRIORITY:
            rank = data.get("rank")
            ranked.append((rank is None, 0 if rank is None else rank, node))
    return tuple(node for _, _, node in sorted(ranked))


def finding_key(finding: Finding) -> FindingKey:
    """What makes a finding the same one in two sessions: its code and subjects."""
    return finding.key


def action_keys(actions: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """The actions by id; one without an id (or with a repeated one) by its place.

    The place is written as the loader names it, ``actions[3]`` for the
    fourth action, so a user can find it in the file.
    """
    keyed: dict[str, Mapping[str, Any]] = {}
    for index, action in enumerate(actions):
        key = action.get("id")
        if not isinstance(key, str) or not key or key in keyed:
            key = f"actions[{index}]"
        keyed[key] = action
    return keyed


def _edges(session: Session) -> dict[EdgeKey, Mapping[str, Any]]:
    return {
        (source, target, str(kind)): data
        for source, target, kind, data in session.graph.edges(keys=True, data=True)
    }


def _compare(old: Mapping[K, Mapping[str, Any]], new: Mapping[K, Mapping[str, Any]]) -> Changes[K]:
    changed = {}
    for key in sorted(old.keys() & new.keys()):
        fields = _changed_fields(old[key], new[key])
        if fields:
            changed[key] = fields
    return Changes(
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        changed=changed,
    )


def _changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    names = (old.keys() | new.keys()) - LAYOUT_FIELDS
    return tuple(sorted(name for name in names if not _same(old.get(name), new.get(name))))


def _same(a: Any, b: Any) -> bool:
    """Equal values of the same type: ``1``, ``1.0`` and ``true`` are three values in YAML."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def _ids_json(changes: Changes[str]) -> dict[str, Any]:
    return {
        "added": list(changes.added),
        "removed": list(changes.removed),
        "changed": {key: list(fields) for key, fields in changes.changed.items()},
    }


def _findings_json(findings: Iterable[Finding]) -> list[list[Any]]:
    return [[finding.code, list(finding.subjects)] for finding in findings]
