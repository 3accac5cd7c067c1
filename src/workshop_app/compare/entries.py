"""A comparison as a list of changes in words, for the command line, the window and the protocol.

Each :class:`Entry` is one line a client can read — labels, not ids — with
the nodes it concerns, so that the window can centre the map on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workshop_app.analysis import Finding
from workshop_app.compare.diff import Changes, EdgeKey, SessionDiff, action_keys
from workshop_app.compare.words import (
    FLAGS,
    action_name,
    field_names,
    in_reading_order,
    kind_name,
    node_name,
    quoted,
    relation_sentence,
    status_name,
    words,
)
from workshop_app.domain import Session
from workshop_app.i18n import Translator

__all__ = ["SECTIONS", "Entry", "describe"]

#: The sections of a comparison, in the order they are told.
SECTIONS = ("nodes", "edges", "priority_order", "findings", "actions")
#: Values longer than this are not repeated, only the field is named.
_SHORT = 40
#: Fields whose values are prose: only named as changed.
_PROSE = frozenset({"notes", "good_enough", "text"})


@dataclass(frozen=True)
class Entry:
    """One change: its section, what happened, a line of text and the nodes concerned.

    ``change`` is ``added``, ``removed`` or ``changed`` (``resolved`` or
    ``new`` for findings, ``before`` or ``after`` for the priority order).
    ``removed`` things are named from the old session, everything else from
    the new one. ``nodes`` are ids, of the new session when they exist there.
    """

    section: str
    change: str
    text: str
    nodes: tuple[str, ...] = ()


def describe(diff: SessionDiff, language: str | None = None) -> list[Entry]:
    """Every change of ``diff`` in words, section by section (see :data:`SECTIONS`)."""
    _ = words(diff.new.language if language is None else language)
    return [
        *_node_entries(diff, _),
        *_edge_entries(diff, _),
        *_order_entries(diff, _),
        *_finding_entries(diff),
        *_action_entries(diff, _),
    ]


def _node_entries(diff: SessionDiff, _: Translator) -> list[Entry]:
    old, new, nodes = diff.old, diff.new, diff.nodes
    added, removed = _by_kind(new, nodes.added), _by_kind(old, nodes.removed)
    entries = [Entry("nodes", "added", node_name(new, n, _), (n,)) for n in added]
    entries += [Entry("nodes", "removed", node_name(old, n, _), (n,)) for n in removed]
    for node in _by_kind(new, tuple(nodes.changed)):
        fields = nodes.changed[node]
        details = _details(fields, old.graph.nodes[node], new.graph.nodes[node], old, new, _)
        entries.append(Entry("nodes", "changed", f"{node_name(new, node, _)}: {details}", (node,)))
    return entries


def _by_kind(session: Session, nodes: tuple[str, ...]) -> list[str]:
    """``nodes`` as a reader looks for them: priorities, responsibilities, roles,
    guardrails, each by label."""
    order = {"priority": 0, "responsibility": 1, "role": 2, "guardrail": 3}
    graph = session.graph

    def key(node: str) -> tuple[int, str, str]:
        data = graph.nodes[node]
        return order.get(data.get("kind"), 4), str(data.get("label", "")).casefold(), node

    return sorted(nodes, key=key)


def _edge_entries(diff: SessionDiff, _: Translator) -> list[Entry]:
    def entry(change: str, key: EdgeKey, session: Session, details: str = "") -> Entry:
        text = relation_sentence(session, *key, _)
        return Entry("edges", change, f"{text}: {details}" if details else text, key[:2])

    old, new, edges = diff.old, diff.new, diff.edges
    entries = [entry("added", key, new) for key in edges.added]
    entries += [entry("removed", key, old) for key in edges.removed]
    for key, fields in edges.changed.items():
        before, after = old.graph.edges[key], new.graph.edges[key]
        entries.append(entry("changed", key, new, _details(fields, before, after, old, new, _)))
    return entries


def _order_entries(diff: SessionDiff, _: Translator) -> list[Entry]:
    if diff.order_before == diff.order_after:
        return []
    before = _order_text(diff.old, diff.order_before, _)
    after = _order_text(diff.new, diff.order_after, _)
    nodes = tuple(n for n in diff.order_after if n in diff.new.graph)
    return [
        Entry("priority_order", "before", _("Before: {order}").format(order=before)),
        Entry("priority_order", "after", _("Now: {order}").format(order=after), nodes),
    ]


def _order_text(session: Session, order: tuple[str, ...], _: Translator) -> str:
    if not order:
        return _("no priorities")
    return ", ".join(
        f"{place}. {quoted(session.label(node), _)}" for place, node in enumerate(order, 1)
    )


def _finding_entries(diff: SessionDiff) -> list[Entry]:
    """Resolved findings (their subjects still on the map, to centre on), then new ones."""
    entries = []
    for finding in sorted(diff.resolved, key=Finding.sort_key):
        remaining = tuple(n for n in finding.subjects if n in diff.new.graph)
        entries.append(Entry("findings", "resolved", finding.message, remaining))
    for finding in sorted(diff.new_findings, key=Finding.sort_key):
        entries.append(Entry("findings", "new", finding.message, finding.subjects))
    return entries


def _action_entries(diff: SessionDiff, _: Translator) -> list[Entry]:
    old, new = action_keys(diff.old.actions), action_keys(diff.new.actions)
    changes: Changes[str] = diff.actions
    entries = [Entry("actions", "added", action_name(new[k], k, _)) for k in changes.added]
    entries += [Entry("actions", "removed", action_name(old[k], k, _)) for k in changes.removed]
    for key, fields in changes.changed.items():
        details = _details(fields, old[key], new[key], diff.old, diff.new, _)
        entries.append(Entry("actions", "changed", f"{action_name(new[key], key, _)}: {details}"))
    return entries


def _details(
    fields: tuple[str, ...],
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    old: Session,
    new: Session,
    _: Translator,
) -> str:
    """The changed fields, each with ``old → new`` when both values are short."""
    parts = []
    for name in in_reading_order(fields):
        was = _value(name, before.get(name), old, _)
        now = _value(name, after.get(name), new, _)
        short = len(was) <= _SHORT and len(now) <= _SHORT
        shown = name == "label" or (name not in _PROSE and short)
        label = field_names((name,), _)
        parts.append(
            f"{label} {was} → {now}" if shown else _("{field} revised").format(field=label)
        )
    return "; ".join(parts)


def _value(name: str, value: Any, session: Session, _: Translator) -> str:
    if value is None:
        return _("no") if name in FLAGS else "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if name == "status":
        return status_name(value, _)
    if name == "kind":
        return kind_name(str(value), _)
    if name == "owner" and isinstance(value, str) and value in session.graph:
        return quoted(session.label(value), _)
    if isinstance(value, str):
        return quoted(value, _)
    if isinstance(value, int | float):
        return f"{value} %" if name == "load" else str(value)
    return "…"
