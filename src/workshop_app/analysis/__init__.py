"""Ambiguity analysis: what on the map is still unclear, and why it matters.

:func:`find_ambiguities` runs every rule of ``DESIGN.md`` ("Ambiguity
analysis") over a session. The rules are small functions in one module per
family; each takes the session graph first and yields the subjects (sorted
node ids) of its findings, networkx style. :mod:`.messages` turns a code and
its subjects into a sentence that names labels, in German or English.

Every rule looks at each node's own edges once or works on the few
priorities only, so the analysis grows linearly with the map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import networkx as nx

from workshop_app.analysis import capacity, decisions, escalation, ownership, priorities, structure
from workshop_app.analysis._de import GERMAN
from workshop_app.analysis.findings import Finding, Severity
from workshop_app.analysis.messages import message
from workshop_app.domain.session import LANGUAGES, Session
from workshop_app.i18n import translator

__all__ = ["RULE_CODES", "Finding", "Severity", "find_ambiguities"]

Rule = Callable[[nx.MultiDiGraph], Iterator[tuple[str, ...]]]

_RULES: dict[str, tuple[Severity, Rule]] = {
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
}

#: Every rule code, in the order of ``DESIGN.md``. Codes never change meaning.
RULE_CODES: tuple[str, ...] = tuple(_RULES)


def find_ambiguities(session: Session, language: str | None = None) -> list[Finding]:
    """Every finding on the session's map, errors first.

    Parameters
    ----------
    session : Session
    language : {"de", "en"}, optional
        The language of the messages; the session's language by default.

    Returns
    -------
    list of Finding
        Sorted by severity (error, warning, info), then code, then subjects.
        A finding the group reviewed as ``accepted`` is included, marked as
        accepted; a reviewed finding carries the review's note.

    Examples
    --------
    >>> from workshop_app.domain import AddNode, NodeKind, Session
    >>> session = Session(meta={"language": "de"})
    >>> _ = session.apply(AddNode("x", NodeKind.RESPONSIBILITY, "Kulanz"))
    >>> [finding.code for finding in find_ambiguities(session)]
    ['no-owner', 'no-priority', 'isolated', 'no-good-enough']
    >>> find_ambiguities(session, "en")[0].message
    'Nobody is accountable for “Kulanz”.'
    """
    language = session.language if language is None else language
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    _ = translator(GERMAN, language)
    reviewed = _reviewed(session.reviews)
    findings = []
    for code, (severity, rule) in _RULES.items():
        for subjects in rule(session.graph):
            review = session.review_for(code, subjects) if (code, subjects) in reviewed else None
            findings.append(
                Finding(
                    code,
                    severity,
                    subjects,
                    message(session.graph, code, subjects, _),
                    accepted=review is not None and review.get("status") == "accepted",
                    note=_note(review),
                )
            )
    findings.sort(key=Finding.sort_key)
    return findings


def _reviewed(reviews: Iterable[Mapping[str, Any]]) -> set[tuple[str, tuple[str, ...]]]:
    """The (code, sorted subjects) of every review, so that only findings with
    a review pay for :meth:`Session.review_for`, which scans the whole list."""
    keys = set()
    for review in reviews:
        subjects = review.get("subjects", ())
        if isinstance(subjects, list | tuple) and all(isinstance(s, str) for s in subjects):
            keys.add((review.get("code"), tuple(sorted(subjects))))
    return keys


def _note(review: Mapping[str, Any] | None) -> str | None:
    note = review.get("note") if review is not None else None
    return note if isinstance(note, str) and note.strip() else None
