"""What the group could agree to do about a finding: a measure and who would own it.

A finding says what is unclear ("Nobody is accountable for “Refunds”"); an
agreed action says what will be done about it ("Agree who is accountable for
“Refunds”"). :func:`proposed_measure` words that measure in the session's
language, naming labels; :func:`proposed_owner` picks the role that can best
carry it. Both are proposals: the group edits them in the actions table.
"""

from __future__ import annotations

import networkx as nx

from workshop_app.analysis._de import GERMAN
from workshop_app.analysis.findings import Finding
from workshop_app.analysis.messages import _names
from workshop_app.domain.kinds import EdgeKind, NodeKind
from workshop_app.domain.session import Session
from workshop_app.i18n import Translator, translator

__all__ = ["MEASURE_CODES", "proposed_measure", "proposed_owner"]

#: Which subjects a measure names: all of them, only the roles, or all but the roles.
_ALL, _ROLES, _OTHERS = "all", "roles", "others"


def _wordings(_: Translator) -> dict[str, tuple[str, str]]:
    """For each rule code: the measure's wording and which subjects it names."""
    return {
        "no-owner": (_("Agree who is accountable for {subject}"), _ALL),
        "shared-ownership": (
            _("Decide which one role alone is accountable for {subject}"),
            _OTHERS,
        ),
        "priority-tie": (_("Settle which comes first: {subject}"), _ALL),
        "priority-cycle": (_("Agree one order for {subject}"), _ALL),
        "priority-conflict": (_("Decide what wins when {subject} pull apart"), _OTHERS),
        "no-priority": (_("Name the priority that {subject} serves"), _ALL),
        "escalation-cycle": (_("Break the escalation loop between {subject}"), _ALL),
        "escalation-missing": (
            _("Agree where cases of {subject} go beyond the limit, and when"),
            _ALL,
        ),
        "formal-decision-space": (
            _("Let {subject} be decided without re-confirmation, within a written limit"),
            _ALL,
        ),
        "no-deputy": (_("Name a deputy for {subject}"), _ROLES),
        "no-buffer": (_("Free capacity for {subject} (load below 90 %)"), _ROLES),
        "no-good-enough": (_("Write down when a solution for {subject} is good enough"), _ALL),
        "isolated": (_("Connect {subject} to the map, or drop it"), _ALL),
        "delegation-mismatch": (
            _("Either delegate {subject} for real or write down the level it has in practice"),
            _ALL,
        ),
    }


#: The rule codes that have a measure of their own (others get a general wording).
MEASURE_CODES = frozenset(_wordings(translator({}, "en")))


def _of_kind(G: nx.MultiDiGraph, subjects: list[str], kind: NodeKind) -> list[str]:
    return [node for node in subjects if G.nodes[node].get("kind") == kind]


def _not_roles(G: nx.MultiDiGraph, subjects: list[str]) -> list[str]:
    return [node for node in subjects if G.nodes[node].get("kind") != NodeKind.ROLE]


def _named(G: nx.MultiDiGraph, subjects: list[str], which: str) -> list[str]:
    if which == _ROLES:
        return _of_kind(G, subjects, NodeKind.ROLE) or subjects
    if which == _OTHERS:
        return _not_roles(G, subjects) or subjects
    return subjects


def proposed_measure(session: Session, finding: Finding, language: str | None = None) -> str:
    """The action the group could agree on for ``finding``, in ``language``.

    Examples
    --------
    >>> from workshop_app.analysis import find_ambiguities
    >>> from workshop_app.domain import AddNode, NodeKind, Session
    >>> session = Session(meta={"language": "de"})
    >>> _ = session.apply(AddNode("x", NodeKind.RESPONSIBILITY, "Kulanz"))
    >>> proposed_measure(session, find_ambiguities(session)[0])
    'Festlegen, wer für „Kulanz“ verantwortlich ist'
    """
    _ = translator(GERMAN, session.language if language is None else language)
    subjects = [node for node in finding.subjects if node in session.graph]
    wording = _wordings(_).get(finding.code)
    if wording is None or not subjects:
        return _("Clarify: {finding}").format(finding=finding.message)
    template, which = wording
    return template.format(subject=_names(session.graph, _named(session.graph, subjects, which), _))


def proposed_owner(session: Session, finding: Finding) -> str | None:
    """The role that could own the action for ``finding``, or None when none fits.

    In this order: the one role accountable for what the finding is about,
    the one role responsible for it, the role it escalates to; for a finding
    about roles (no buffer, no deputy, several owners), the role they
    escalate to (their lead), else the first of them.
    """
    G = session.graph
    subjects = [node for node in finding.subjects if node in G]
    things = _not_roles(G, subjects)
    for kind in (EdgeKind.ACCOUNTABLE, EdgeKind.RESPONSIBLE):
        for node in things:
            sources = sorted(s for s, _t, key in G.in_edges(node, keys=True) if key == kind)
            if len(sources) == 1:  # of several owners, none can settle it alone
                return sources[0]
    roles = _of_kind(G, subjects, NodeKind.ROLE)
    for node in [*things, *roles]:
        for _source, target, key in sorted(G.out_edges(node, keys=True)):
            if key == EdgeKind.ESCALATES_TO and G.nodes[target].get("kind") == NodeKind.ROLE:
                return target
    return roles[0] if roles else None
