"""The sentences a facilitator reads out for each finding, in German or English.

Each rule has a builder ``(G, subjects, _) -> str`` that names the subjects
by their labels, quoted the way the language quotes („Kulanz“ / “Goodwill”).
Templates are translated first and filled in afterwards, so a label that
contains braces is printed as written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import networkx as nx

from workshop_app.analysis._graph import has_text
from workshop_app.cases.levels import level_name
from workshop_app.i18n import Translator

__all__ = ["MESSAGES", "message"]

Builder = Callable[[nx.MultiDiGraph, Sequence[str], Translator], str]


def message(G: nx.MultiDiGraph, code: str, subjects: Sequence[str], _: Translator) -> str:
    """The message for the finding ``code`` about ``subjects``, translated by ``_``.

    Examples
    --------
    >>> import networkx as nx
    >>> from workshop_app.analysis._de import GERMAN
    >>> from workshop_app.i18n import translator
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("x", kind="responsibility", label="Kulanz")
    >>> message(G, "no-owner", ["x"], translator(GERMAN, "de"))
    'Für „Kulanz“ ist niemand verantwortlich.'
    """
    return MESSAGES[code](G, subjects, _)


def _names(G: nx.MultiDiGraph, nodes: Sequence[str], _: Translator) -> str:
    """The quoted labels as one phrase: “A”, “B” and “C”."""
    quote = _("“{label}”")
    quoted = [quote.format(label=G.nodes[node].get("label") or node) for node in nodes]
    if len(quoted) == 1:
        return quoted[0]
    return _("{first} and {last}").format(first=", ".join(quoted[:-1]), last=quoted[-1])


def _split(G: nx.MultiDiGraph, subjects: Sequence[str], kind: str) -> tuple[list[str], list[str]]:
    """The subjects of ``kind`` and the others, each in subject order."""
    of_kind, others = [], []
    for node in subjects:
        (of_kind if G.nodes[node].get("kind") == kind else others).append(node)
    return of_kind, others


def _no_owner(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    return _("Nobody is accountable for {subject}.").format(subject=_names(G, subjects, _))


def _shared_ownership(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    owners, owned = _split(G, subjects, "role")
    return _(
        "Several roles are accountable for {subject} ({owners}): "
        "when several own a decision, each waits for the others."
    ).format(owners=_names(G, owners, _), subject=_names(G, owned, _))


def _priority_tie(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    return _(
        "{priorities} share rank {rank}: when they pull apart, nobody knows which comes first."
    ).format(priorities=_names(G, subjects, _), rank=G.nodes[subjects[0]].get("rank", "?"))


def _priority_cycle(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    return _(
        "The order of {priorities} contradicts itself: ranks and “outranks” lead in a circle, "
        "so none of them clearly comes first."
    ).format(priorities=_names(G, subjects, _))


def _priority_conflict(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    (first, second), serving = _split(G, subjects, "priority")
    text = _(
        "{first} and {second} pull in opposite directions, "
        "and the order of priorities does not say which one wins."
    ).format(first=_names(G, [first], _), second=_names(G, [second], _))
    if not serving:
        return text
    consequence = _("Whoever handles {responsibilities} has to decide case by case.")
    return f"{text} {consequence.format(responsibilities=_names(G, serving, _))}"


def _no_priority(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    return _(
        "{subject} serves no priority: it is unclear what the task is for "
        "and what doing it well means."
    ).format(subject=_names(G, subjects, _))


def _escalation_cycle(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    return _(
        "Escalation goes in a circle between {nodes}: a case passed on comes back undecided."
    ).format(nodes=_names(G, subjects, _))


def _escalation_missing(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    limit = G.nodes[subjects[0]].get("decision_limit")
    if has_text(limit):
        return _(
            "{subject} has a decision limit ({limit}) but no escalation path: "
            "nobody knows where a case beyond it goes."
        ).format(subject=_names(G, subjects, _), limit=limit.strip())
    return _(
        "{subject} must be re-confirmed but has no escalation path: nobody knows who confirms."
    ).format(subject=_names(G, subjects, _))


def _formal_decision_space(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    return _(
        "Decisions on {subject} must be re-confirmed by someone else: "
        "the decision right exists on paper only."
    ).format(subject=_names(G, subjects, _))


def _no_deputy(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    roles, critical = _split(G, subjects, "role")
    return _(
        "{role} is accountable for critical work ({responsibilities}) but has no deputy: "
        "if the role is absent, nobody can decide."
    ).format(role=_names(G, roles, _), responsibilities=_names(G, critical, _))


def _no_buffer(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    return _(
        "{role} works at {load} % of capacity: no room for peaks, absences or special cases."
    ).format(role=_names(G, subjects, _), load=G.nodes[subjects[0]].get("load", "?"))


def _no_good_enough(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    return _(
        "For {subject} nobody has said when a solution is good enough: "
        "without that, people play it safe or keep polishing."
    ).format(subject=_names(G, subjects, _))


def _delegation_mismatch(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    level = G.nodes[subjects[0]]["delegation"]
    return _(
        "{subject} is largely delegated (level {level} of 7, “{name}”), "
        "yet every decision must be re-confirmed: delegated on paper, re-confirmed in practice."
    ).format(subject=_names(G, subjects, _), level=level, name=level_name(level, _.language))


def _isolated(G: nx.MultiDiGraph, subjects: Sequence[str], _: Translator) -> str:
    return _("{subject} is not connected to anything yet.").format(subject=_names(G, subjects, _))


#: The message builder of each rule code.
MESSAGES: dict[str, Builder] = {
    "no-owner": _no_owner,
    "shared-ownership": _shared_ownership,
    "priority-tie": _priority_tie,
    "priority-cycle": _priority_cycle,
    "priority-conflict": _priority_conflict,
    "no-priority": _no_priority,
    "escalation-cycle": _escalation_cycle,
    "escalation-missing": _escalation_missing,
    "formal-decision-space": _formal_decision_space,
    "no-deputy": _no_deputy,
    "no-buffer": _no_buffer,
    "no-good-enough": _no_good_enough,
    "isolated": _isolated,
    "delegation-mismatch": _delegation_mismatch,
}
