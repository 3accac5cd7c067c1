"""The table of rules, and how a finding is made from a rule's subjects.

Shared by :func:`~workshop_app.analysis.find_ambiguities`, which runs every
rule over the whole map, and :class:`~workshop_app.analysis.live.LiveAnalysis`,
which re-runs only what an edit can change.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import SimpleNamespace
from typing import Any

import networkx as nx

from workshop_app.analysis import capacity, decisions, escalation, ownership, priorities, structure
from workshop_app.analysis._graph import AnalysisView
from workshop_app.analysis.findings import Finding, Severity
from workshop_app.analysis.messages import message
from workshop_app.domain.change import ReviewKey
from workshop_app.domain.session import Session, review_key
from workshop_app.i18n import Translator

__all__ = ["GLOBAL_CODES", "RULES", "Rule", "make_finding", "make_findings"]

Rule = Callable[[nx.MultiDiGraph], Iterator[tuple[str, ...]]]

RULES: dict[str, tuple[Severity, Rule]] = {
    "no-owner": (Severity.ERROR, ownership.no_owner),
    "shared-ownership": (Severity.ERROR, ownership.shared_ownership),
    "priority-tie": (Severity.WARNING, priorities.priority_tie),
    "priority-cycle": (Severity.ERROR, priorities.priority_cycle),
    "priority-conflict": (Severity.ERROR, priorities.priority_conflict),
    "no-priority": (Severity.WARNING, priorities.no_priority),
    "escalation-cycle": (Severity.ERROR, escalation.escalation_cycle),
    "escalation-missing": (Severity.WARNING, escalation.escalation_missing),
    "formal-decision-space": (Severity.WARNING, decisions.formal_decision_space),
    "no-deputy": (Severity.WARNING, capacity.no_deputy),
    "no-buffer": (Severity.WARNING, capacity.no_buffer),
    "no-good-enough": (Severity.INFO, decisions.no_good_enough),
    "isolated": (Severity.INFO, structure.isolated),
    "delegation-mismatch": (Severity.WARNING, decisions.delegation_mismatch),
}

#: Rules that look beyond one node's own edges (orders and loops). Every
#: other rule yields findings about one node at a time (its *anchor*) from
#: that node's fields, its own edges and the fields of the nodes it owns.
GLOBAL_CODES = frozenset(
    {"priority-tie", "priority-cycle", "priority-conflict", "escalation-cycle"}
)


def make_finding(
    session: Session,
    code: str,
    subjects: tuple[str, ...],
    _: Translator,
    reviews: Mapping[ReviewKey, Mapping[str, Any]],
    view: AnalysisView | None = None,
) -> Finding:
    """The finding ``code`` about ``subjects``, with its message and the group's review.

    ``view`` is the analysis's view of the session graph, if it has one
    (the messages read node labels faster through it); ``reviews`` are the
    session's :meth:`~workshop_app.domain.Session.reviews_by_key`.
    """
    graph = session.graph if view is None else view
    return next(make_findings(graph, code, [subjects], _, reviews))


def make_findings(
    G: nx.MultiDiGraph | AnalysisView,
    code: str,
    found: Iterable[tuple[str, ...]],
    _: Translator,
    reviews: Mapping[ReviewKey, Mapping[str, Any]],
) -> Iterator[Finding]:
    """The findings ``code`` about each of ``found`` (subjects), as :func:`make_finding`.

    One rule's findings at a time: a map of 5,000 nodes can have 10,000.
    The message is written when first read (see :class:`Finding`), from the
    graph as it is then: nothing is copied for a finding that is never shown
    (findings are made anew for whatever an edit touches).
    """
    severity, nodes, new = RULES[code][0], G.nodes, Finding.found
    for subjects in found:
        text = functools.partial(_write, code, subjects, nodes, _)
        review = reviews.get(review_key(code, subjects)) if reviews else None
        if review is None:
            yield new(code, severity, subjects, text)
            continue
        note = review.get("note")
        yield new(
            code,
            severity,
            subjects,
            text,
            accepted=review.get("status") == "accepted",
            note=note if isinstance(note, str) and note.strip() else None,
        )


def _write(code: str, subjects: tuple[str, ...], nodes: Mapping[str, Any], _: Translator) -> str:
    # A node removed since the analysis is named by its id (its finding is
    # made anew, or dropped, at once; this only keeps an old list readable).
    subject_nodes = SimpleNamespace(nodes={node: nodes.get(node, {}) for node in subjects})
    return message(subject_nodes, code, subjects, _)  # type: ignore[arg-type]
