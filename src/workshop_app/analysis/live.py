"""Findings kept current edit by edit, for the window.

:func:`~workshop_app.analysis.find_ambiguities` looks at the whole map; on
a map of a thousand nodes that is tens of milliseconds, too slow to run on
every keystroke and drag. :class:`LiveAnalysis` gives the same findings
but, after an edit, re-checks only what the edit can have changed:

- Most rules are *local*: each finding is about one node, its **anchor**
  (the node itself; for ``shared-ownership`` the owned node; for
  ``no-deputy`` the role), and depends only on the anchor's fields, its own
  edges, and the fields and labels of the finding's subjects. After an edit,
  the anchors re-checked are the nodes its :class:`~workshop_app.domain.Change`
  names (both ends of an edge; for a removal, the neighbours that lost an
  edge), the anchors of findings that name such a node, and the owners of
  such a node (whose ``no-deputy`` finding reads the fields of what they own).
- The four rules about orders and loops (:data:`~.rules.GLOBAL_CODES`) look
  at the priorities and the escalation edges only. Each runs again, in
  full, after an edit that changes what it reads (:data:`_GLOBAL_READS`: a
  node of a kind, an edge of a kind) or a node its findings name.

The test suite checks after random edits that the result equals
``find_ambiguities`` exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from workshop_app.analysis._de import GERMAN
from workshop_app.analysis._graph import AnalysisView, sources
from workshop_app.analysis.findings import Finding
from workshop_app.analysis.rules import GLOBAL_CODES, RULES, make_finding
from workshop_app.domain.change import Change, ReviewKey
from workshop_app.domain.session import Session, check_language
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
        Analysed as it is now; afterwards, tell :meth:`update` every change
        the session reports to its listeners.
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
    >>> session.listeners.append(live.update)
    >>> _ = session.apply(AddEdge("lead", "x", EdgeKind.ACCOUNTABLE))
    >>> sorted({f.code for f in live.findings})
    ['no-good-enough', 'no-priority']
    """

    def __init__(self, session: Session, language: str | None = None) -> None:
        if language is not None:
            check_language(language)
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
        reviewed = self.session.reviews_by_key()
        self._check(self.session.graph._node, reviewed)
        for code in GLOBAL_CODES:
            self._run_global(code, reviewed)
        return self._assemble()

    def update(self, change: Change) -> list[Finding]:
        """Bring the findings up to date after the session reported ``change``.

        Returns the findings, as :func:`~workshop_app.analysis.find_ambiguities` would.
        """
        if "language" in change.meta:
            return self.refresh()
        if change.positions_only:  # no rule reads where a node sits
            return self.findings
        G = self.session.graph
        touched = change.ends
        anchors = set(touched)
        for node in touched:
            anchors.update(self._mentions.get(node, ()))
            if node in G:
                anchors.update(sources(G, node, "accountable"))
        for anchor in anchors:
            for finding in self._local.pop(anchor, ()):
                for subject in finding.subjects:
                    self._mentions[subject].discard(anchor)
        reviewed = self.session.reviews_by_key()
        self._check([anchor for anchor in anchors if anchor in G], reviewed)
        nodes = G._node
        node_kinds = {nodes[node].get("kind") for node in change.nodes if node in nodes}
        node_kinds.update(change.kinds)  # of nodes added or removed: they may be gone
        edge_kinds = change.edge_kinds
        for code, (kinds, reads_edges) in _GLOBAL_READS.items():
            named = any(touched & set(finding.subjects) for finding in self._global[code])
            if named or kinds & node_kinds or reads_edges & edge_kinds:
                self._run_global(code, reviewed)
        return self._assemble()

    def _check(self, anchors: Iterable[str], reviewed: Mapping[ReviewKey, Any]) -> None:
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

    def _run_global(self, code: str, reviewed: Mapping[ReviewKey, Any]) -> None:
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
