"""Names of things in a comparison, for a client: labels and words, not ids and codes.

The command line, the window's changes list and the protocol name a node,
a relation, an action and a field the same way, through these functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workshop_app.compare._de import GERMAN
from workshop_app.domain import Session
from workshop_app.i18n import Translator, translator
from workshop_app.vocabulary import node_kind_name

__all__ = [
    "FIELD_ORDER",
    "FLAGS",
    "action_name",
    "field_names",
    "in_reading_order",
    "kind_name",
    "language_of",
    "node_name",
    "quoted",
    "relation_sentence",
    "status_name",
    "words",
]


def words(language: str) -> Translator:
    """The translator of this package's texts."""
    return translator(GERMAN, language)


def language_of(session: Session, language: str | None) -> str:
    return session.language if language is None else language


def quoted(text: str, _: Translator) -> str:
    """``text`` in the language's quotation marks: “Kulanz” / „Kulanz“."""
    return _("“{text}”").format(text=text)


def kind_name(kind: str, _: Translator) -> str:
    """The glossary's name of a node kind (:mod:`workshop_app.vocabulary`)."""
    return node_kind_name(kind, _.language)


def node_name(session: Session, node: str, _: Translator) -> str:
    """The node's kind and quoted label: Priority “Erstlösung”."""
    data = session.graph.nodes.get(node)
    if data is None:
        return quoted(node, _)
    return f"{kind_name(str(data.get('kind')), _)} {quoted(str(data.get('label') or node), _)}"


def relation_sentence(session: Session, source: str, target: str, kind: str, _: Translator) -> str:
    """The relation as a short sentence about the labels: “A” is accountable for “B”.

    The verbs are the glossary's relation names (:mod:`workshop_app.vocabulary`).
    """
    templates = {
        "accountable": _("{source} is accountable for {target}"),
        "responsible": _("{source} carries out {target}"),
        "consulted": _("{source} is consulted on {target}"),
        "informed": _("{source} is informed about {target}"),
        "escalates_to": _("{source} escalates to {target}"),
        "serves": _("{source} serves {target}"),
        "outranks": _("{source} comes before {target}"),
        "conflicts_with": _("{source} conflicts with {target}"),
        "bounded_by": _("{source} is limited by {target}"),
        "deputy_of": _("{source} stands in for {target}"),
    }
    return templates[kind].format(
        source=quoted(session.label(source), _), target=quoted(session.label(target), _)
    )


#: Fields in the order a reader expects them: what it is, then its details.
FIELD_ORDER = (
    "kind", "label", "text", "rank", "load", "decision_limit", "reconfirm", "delegation",
    "delegation_target", "critical", "good_enough", "trigger", "after", "owner", "due",
    "status", "votes", "notes",
)  # fmt: skip
#: Fields whose absence means "no".
FLAGS = frozenset({"reconfirm", "critical"})


def in_reading_order(fields: tuple[str, ...]) -> tuple[str, ...]:
    """``fields`` in :data:`FIELD_ORDER`, fields it does not know last, by name."""
    known = {name: index for index, name in enumerate(FIELD_ORDER)}
    return tuple(sorted(fields, key=lambda name: (known.get(name, len(known)), name)))


def field_names(fields: tuple[str, ...], _: Translator) -> str:
    """The changed fields in words, comma-separated: label, decision limit."""
    names = {
        "kind": _("kind"),
        "label": _("label"),
        "notes": _("notes"),
        "rank": _("rank"),
        "load": _("load"),
        "decision_limit": _("decision limit"),
        "reconfirm": _("re-confirmation"),
        "critical": _("critical"),
        "good_enough": _("good-enough criterion"),
        "trigger": _("trigger"),
        "text": _("text"),
        "owner": _("owner"),
        "due": _("due date"),
        "status": _("status"),
        "delegation": _("delegation level"),
        "delegation_target": _("target delegation level"),
        "after": _("waiting time"),
        "votes": _("votes"),
    }
    return ", ".join(names.get(name, name) for name in fields)


def action_name(action: Mapping[str, Any] | None, key: str, _: Translator) -> str:
    """The action's text, quoted; its id or place when it has no text."""
    text = action.get("text") if action is not None else None
    return quoted(text if isinstance(text, str) and text.strip() else key, _)


def status_name(status: Any, _: Translator) -> str:
    names = {"open": _("open"), "in_progress": _("in progress"), "done": _("done")}
    if status is None:
        return _("no status")
    return names.get(str(status), str(status))
