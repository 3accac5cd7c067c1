"""Findings kept current edit by edit, for the window.

:func:`~workshop_app.analysis.find_ambiguities` looks at the whole map; on
a map of a thousand nodes that is tens of milliseconds, too slow to run on
every keystroke and drag. :class:`LiveAnalysis` gives the same findings
but, after an edit, re-checks only what the edit can have changed:

- Most rules are *local*: each finding is about one node, its **anchor**
  (the node itself; for ``shared-ownership`` the owned node; for
  ``no-deputy`` the role), and depends only on the anchor's fields, its own
  edges, and the fields and labels of the finding's subjects. After an edit,
  the anchors re-checked are the nodes it touched (both ends of an edge;
  for a removal, the neighbours its undo would reconnect), the anchors of
  findings that name a touched node, and the owners of a touched node
  (whose ``no-deputy`` finding reads the fields of what they own).
- The four rules about orders and loops (:data:`~.rules.GLOBAL_CODES`) look
  at the priorities and the escalation edges only. Each runs again, in
  full, after an edit that changes what it reads (:data:`_GLOBAL_READS`: a
  node of a kind, an edge of a kind) or a node its findings name.

The test suite checks after random edits that the result equals
``find_ambiguities`` exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from workshop_app.analysis._de import GERMAN
from workshop_app.analysis._graph import AnalysisView, sources
from workshop_app.analysis.findings import Finding
from workshop_app.analysis.rules import GLOBAL_CODES, RULES, make_finding, reviewed_keys
from workshop_app.domain.kinds import EdgeKind, NodeKind
from workshop_app.domain.operations import (
    AddEdge,
    AddNode,
    Batch,
    Operation,
    RemoveEdge,
    RemoveNode,
    SetEdgeFields,
    SetMeta,
    SetNodeFields,
    SetReview,
)
from workshop_app.domain.session import LANGUAGES, Session
from workshop_app.i18n import translator

__all__ = ["LiveAnalysis"]

_LOCAL_CODES = tuple(code for code in RULES if code not in GLOBAL_CODES)
#: What each global rule reads: the nodes of these kinds, the edges of these kinds.
_GLOBAL_READS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "priority-tie": (frozenset({"priority"}), frozenset()),
    "priority-cycle": (frozenset({"priority"}), frozenset({"outranks"})),
    "priority-conflict": (
        frozenset({"priority"}),
        frozenset({"outranks", "conflicts_with", "serves"}),
    ),
    "escalation-cycle": (frozenset(), frozenset({"escalates_to"})),
}
#: Local findings with several subjects, and whether their anchor is the role among them.
_ANCHOR_IS_ROLE = {"no-deputy": True, "shared-ownership": False}


class LiveAnalysis:
    """The findings of ``session``, updated by :meth:`update` after each edit.

    Parameters
    ----------
    session : Session
        Analysed as it is now; afterwards, tell :meth:`update` about every
        operation applied to it.
    language : {"de", "en"}, optional
        The language of the messages; the session's language by default
        (then a change of the session's language is followed).

    Examples
    --------
    >>> from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session
    >>> session = Session()
    >>> _ = session.apply(AddNode("lead", NodeKind.ROLE, "Team lead"))
    >>> _ = session.apply(AddNode("x", NodeKind.RESPONSIBILITY, "Refunds"))
    >>> live = LiveAnalysis(session)
    >>> sorted({f.code for f in live.findings})
    ['isolated', 'no-good-enough', 'no-owner', 'no-priority']
    >>> edit = AddEdge("lead", "x", EdgeKind.ACCOUNTABLE)
    >>> findings = live.update(edit, session.apply(edit))
    >>> sorted({f.code for f in findings})
    ['no-good-enough', 'no-priority']
    """

    def __init__(self, session: Session, language: str | None = None) -> None:
        if language is not None and language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        self.session = session
        self._language = language
        self.findings: list[Finding] = []
        self.refresh()

    def refresh(self) -> list[Finding]:
        """Analyse the whole map anew; the findings."""
        language = self._language or self.session.language
        self._ = translator(GERMAN, language)
        self._local: dict[str, list[Finding]] = {}
        self._mentions: defaultdict[str, set[str]] = defaultdict(set)
        self._global: dict[str, list[Finding]] = {}
        reviewed = reviewed_keys(self.session.reviews)
        self._check(self.session.graph._node, reviewed)
        for code in GLOBAL_CODES:
            self._run_global(code, reviewed)
        return self._assemble()

    def update(self, operation: Operation, inverse: Operation) -> list[Finding]:
        """Bring the findings up to date after ``operation`` was applied.

        ``inverse`` is what applying it returned (its undo): for a removed
        node it names the neighbours that lost an edge. Returns the
        findings, as :func:`~workshop_app.analysis.find_ambiguities` would.
        """
        change = _Change()
        if change.collect(operation) or change.collect(inverse):
            return self.refresh()
        G = self.session.graph
        touched = change.nodes
        anchors = set(touched)
        for node in touched:
            anchors.update(self._mentions.get(node, ()))
            if node in G:
                anchors.update(sources(G, node, "accountable"))
        for anchor in anchors:
            for finding in self._local.pop(anchor, ()):
                for subject in finding.subjects:
                    self._mentions[subject].discard(anchor)
        reviewed = reviewed_keys(self.session.reviews)
        self._check([anchor for anchor in anchors if anchor in G], reviewed)
        node_kinds = change.node_kinds(G)
        for code, (kinds, edge_kinds) in _GLOBAL_READS.items():
            named = any(touched & set(finding.subjects) for finding in self._global[code])
            if named or kinds & node_kinds or edge_kinds & change.edge_kinds:
                self._run_global(code, reviewed)
        return self._assemble()

    def _check(self, anchors: Iterable[str], reviewed: set[Any]) -> None:
        """Run the local rules for ``anchors`` and remember their findings."""
        session, G = self.session, self.session.graph
        focus = AnalysisView(G, anchors)
        for code in _LOCAL_CODES:
            for subjects in RULES[code][1](focus):  # type: ignore[arg-type]
                anchor = _anchor(G, code, subjects)
                self._local.setdefault(anchor, []).append(
                    make_finding(session, code, subjects, self._, reviewed, focus)
                )
                for subject in subjects:
                    self._mentions[subject].add(anchor)

    def _run_global(self, code: str, reviewed: set[Any]) -> None:
        session, view = self.session, AnalysisView(self.session.graph)
        self._global[code] = [
            make_finding(session, code, subjects, self._, reviewed, view)
            for subjects in RULES[code][1](view)  # type: ignore[arg-type]
        ]

    def _assemble(self) -> list[Finding]:
        findings = [finding for found in self._local.values() for finding in found]
        for found in self._global.values():
            findings += found
        findings.sort(key=Finding.sort_key)
        self.findings = findings
        return findings


def _anchor(G: nx.MultiDiGraph, code: str, subjects: tuple[str, ...]) -> str:
    if len(subjects) == 1:
        return subjects[0]
    want_role = _ANCHOR_IS_ROLE[code]
    nodes = G._node
    return next(node for node in subjects if (nodes[node].get("kind") == "role") is want_role)


class _Change:
    """What one edit touched: nodes, the kinds of edges, the nodes added or removed."""

    def __init__(self) -> None:
        self.nodes: set[str] = set()
        self.edge_kinds: set[str] = set()
        self._node_edits: set[str] = set()
        self._added_kinds: set[str] = set()  # known from the operation: the node may be gone

    def collect(self, operation: Operation) -> bool:
        """Note what ``operation`` touches; True when it needs a whole new
        analysis (a change of the session's language)."""
        if isinstance(operation, Batch):
            return any([self.collect(part) for part in operation.operations])
        if isinstance(operation, AddNode | RemoveNode | SetNodeFields):
            self.nodes.add(operation.node_id)
            self._node_edits.add(operation.node_id)
            if isinstance(operation, AddNode):
                self._added_kinds.add(NodeKind(operation.kind).value)
        elif isinstance(operation, AddEdge | RemoveEdge | SetEdgeFields):
            self.nodes.update((operation.source, operation.target))
            self.edge_kinds.add(EdgeKind(operation.kind).value)
        elif isinstance(operation, SetReview):
            self.nodes.update(operation.subjects)
        elif isinstance(operation, SetMeta):
            return "language" in operation.changes
        return False

    def node_kinds(self, G: nx.MultiDiGraph) -> set[str]:
        """The kinds of the nodes added, removed or changed."""
        nodes = G._node
        kinds = {nodes[node].get("kind") for node in self._node_edits if node in nodes}
        return kinds | self._added_kinds
