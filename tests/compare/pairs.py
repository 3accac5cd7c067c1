"""Generated pairs of sessions, and a second, plain implementation of the comparison.

``session_pair(size, seed)`` takes a synthetic organisation as the earlier
workshop and changes a copy of it as a group would between workshops:
nodes and edges removed, added and changed, actions closed, added and
dropped — and every node moved, which alone is no change.

``plain_diff(old_doc, new_doc, old, new)`` computes the JSON of ``DESIGN.md``
straight from the two saved documents (the lists a session file holds),
without the comparison's code: written for clarity, not speed.
"""

from __future__ import annotations

import random
from typing import Any

from benchmarks.orgs import generate_organisation
from workshop_app.analysis import find_ambiguities
from workshop_app.domain import (
    ALLOWED_ENDS,
    UNSET,
    AddEdge,
    AddNode,
    DeleteAction,
    EdgeKind,
    InsertAction,
    NodeKind,
    RemoveEdge,
    RemoveNode,
    Session,
    SetActionFields,
    SetEdgeFields,
    SetNodeFields,
)
from workshop_app.fileformat import dumps_session, loads_session

__all__ = ["evolved", "moved", "plain_diff", "session_pair", "session_series", "with_actions"]


def with_actions(session: Session, rng: random.Random, count: int) -> Session:
    roles = sorted(session.nodes_of_kind(NodeKind.ROLE))
    for index in range(count):
        action = {"id": f"a{index + 1}", "text": f"Agreed step {index + 1}", "status": "open"}
        if rng.random() < 0.7:
            action["owner"] = rng.choice(roles)
        if rng.random() < 0.5:
            action["due"] = f"2027-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        session.apply(InsertAction(len(session.actions), action))
    return session


def moved(session: Session, rng: random.Random) -> None:
    """Give every node a new position."""
    for node in list(session.graph):
        position = [round(rng.uniform(-2000, 2000), 1), round(rng.uniform(-2000, 2000), 1)]
        session.apply(SetNodeFields(node, {"position": position}))


def session_pair(size: int, seed: int) -> tuple[Session, Session]:
    """An earlier and a later workshop of the same organisation."""
    rng = random.Random(seed)
    old = with_actions(generate_organisation(size, seed), rng, rng.randint(3, 12))
    moved(old, rng)
    return old, evolved(old, rng)


def session_series(size: int, seed: int, count: int) -> list[Session]:
    """``count`` workshops of the same organisation, each changed from the one before."""
    rng = random.Random(seed)
    series = [with_actions(generate_organisation(size, seed), rng, rng.randint(3, 12))]
    while len(series) < count:
        series.append(evolved(series[-1], rng, f"w{len(series)}_"))
    return series


def evolved(old: Session, rng: random.Random, prefix: str = "") -> Session:
    """A copy of ``old`` changed as a group changes its map between workshops."""
    new = loads_session(dumps_session(old))
    _remove_nodes(new, rng)
    _change_nodes(new, rng)
    _flip_reconfirmation(new, rng)
    _change_edges(new, rng)
    _add_nodes(new, rng, prefix)
    _change_actions(new, rng, prefix)
    moved(new, rng)
    return new


def _remove_nodes(session: Session, rng: random.Random) -> None:
    for node in rng.sample(sorted(session.graph), rng.randint(0, 8)):
        session.apply(RemoveNode(node))


def _change_nodes(session: Session, rng: random.Random) -> None:
    for node in rng.sample(sorted(session.graph), rng.randint(0, 25)):
        kind = session.kind(node)
        changes: dict[str, Any] = {}
        if rng.random() < 0.4:
            changes["label"] = session.label(node) + " (new)"
        if rng.random() < 0.3:
            changes["notes"] = rng.choice(["Agreed in the second workshop", UNSET])
        if kind is NodeKind.PRIORITY and rng.random() < 0.6:
            changes["rank"] = rng.choice([1, 2, 3, UNSET])
        if kind is NodeKind.ROLE and rng.random() < 0.6:
            changes["load"] = rng.randint(0, 200)
        if kind is NodeKind.RESPONSIBILITY and rng.random() < 0.6:
            changes["decision_limit"] = rng.choice(["100 EUR", "250 EUR", UNSET])
            changes["reconfirm"] = rng.choice([True, False, UNSET])
        if changes:
            session.apply(SetNodeFields(node, changes))


def _flip_reconfirmation(session: Session, rng: random.Random) -> None:
    """Re-confirmation dropped and brought back on a few responsibilities: findings that return."""
    for node in sorted(session.nodes_of_kind(NodeKind.RESPONSIBILITY))[:5]:
        session.apply(SetNodeFields(node, {"reconfirm": rng.choice([True, UNSET])}))


def _change_edges(session: Session, rng: random.Random) -> None:
    edges = sorted(session.graph.edges(keys=True))
    for source, target, kind in rng.sample(edges, min(len(edges), rng.randint(0, 15))):
        session.apply(RemoveEdge(source, target, EdgeKind(kind)))
    edges = sorted(session.graph.edges(keys=True))
    for source, target, kind in rng.sample(edges, min(len(edges), rng.randint(0, 15))):
        field = "trigger" if kind == EdgeKind.ESCALATES_TO and rng.random() < 0.5 else "notes"
        session.apply(SetEdgeFields(source, target, EdgeKind(kind), {field: "Changed in March"}))
    nodes = sorted(session.graph)
    for _ in range(rng.randint(0, 15)):
        source, target = rng.sample(nodes, 2)
        kinds = [
            kind
            for kind, (sources, targets) in ALLOWED_ENDS.items()
            if session.kind(source) in sources and session.kind(target) in targets
        ]
        if kinds:
            kind = rng.choice(kinds)
            if not session.graph.has_edge(source, target, key=kind):
                session.apply(AddEdge(source, target, kind))


def _add_nodes(session: Session, rng: random.Random, prefix: str) -> None:
    roles = sorted(session.nodes_of_kind(NodeKind.ROLE))
    for index in range(rng.randint(0, 8)):
        kind = rng.choice(list(NodeKind))
        fields = {"rank": rng.randint(1, 4)} if kind is NodeKind.PRIORITY else {}
        node = f"{prefix}new_{index}"
        session.apply(AddNode(node, kind, f"New {kind.value} {index}", fields))
        if kind is not NodeKind.ROLE and roles:
            session.apply(AddEdge(rng.choice(roles), node, EdgeKind.ACCOUNTABLE))


def _change_actions(session: Session, rng: random.Random, prefix: str) -> None:
    for index in range(len(session.actions)):
        if rng.random() < 0.5:
            session.apply(SetActionFields(index, {"status": "done"}))
        elif rng.random() < 0.2:
            session.apply(SetActionFields(index, {"due": "2027-12-01", "text": "Reworded"}))
    if session.actions and rng.random() < 0.5:
        session.apply(DeleteAction(rng.randrange(len(session.actions))))
    if rng.random() < 0.7:
        action = {"id": f"{prefix}a_new", "text": "A step agreed later", "status": "open"}
        session.apply(InsertAction(0, action))


# The plain implementation: from the saved documents, with lists and loops.

_NOT_CONTENT = ("id", "source", "target", "kind", "position")


def plain_diff(old: Session, new: Session) -> dict[str, Any]:
    old_doc, new_doc = _document(old), _document(new)
    return {
        "nodes": _plain_items(old_doc["nodes"], new_doc["nodes"], _by_id, ("kind",)),
        "edges": _plain_edges(old_doc["edges"], new_doc["edges"]),
        "priority_order": {
            "before": _plain_order(old_doc["nodes"]),
            "after": _plain_order(new_doc["nodes"]),
        },
        "findings": _plain_findings(old, new),
        "actions": _plain_items(old_doc["actions"], new_doc["actions"], _by_id, ()),
    }


def _document(session: Session) -> dict[str, Any]:
    import yaml

    document = yaml.load(dumps_session(session), Loader=yaml.CSafeLoader)
    document.setdefault("actions", [])
    return document


def _by_id(item: dict[str, Any]) -> str:
    return item["id"]


def _content(item: dict[str, Any], keep: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in _NOT_CONTENT or k in keep}


def _differing(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    missing = object()
    names = sorted(set(old) | set(new))
    return [name for name in names if old.get(name, missing) != new.get(name, missing)]


def _plain_items(old_items: list, new_items: list, key: Any, keep: tuple[str, ...]) -> dict:
    old = {key(item): _content(item, keep) for item in old_items}
    new = {key(item): _content(item, keep) for item in new_items}
    changed = {}
    for item_key in sorted(old):
        if item_key in new and _differing(old[item_key], new[item_key]):
            changed[item_key] = _differing(old[item_key], new[item_key])
    return {
        "added": sorted(k for k in new if k not in old),
        "removed": sorted(k for k in old if k not in new),
        "changed": changed,
    }


def _plain_edges(old_items: list, new_items: list) -> dict:
    def key(item: dict[str, Any]) -> tuple[str, str, str]:
        return item["source"], item["target"], item["kind"]

    items = _plain_items(old_items, new_items, key, ())
    return {
        "added": [list(k) for k in items["added"]],
        "removed": [list(k) for k in items["removed"]],
        "changed": [[*k, fields] for k, fields in sorted(items["changed"].items())],
    }


def _plain_order(nodes: list[dict[str, Any]]) -> list[str]:
    priorities = [n for n in nodes if n["kind"] == "priority"]
    ranked = sorted((n["rank"], n["id"]) for n in priorities if "rank" in n)
    unranked = sorted(n["id"] for n in priorities if "rank" not in n)
    return [node for _, node in ranked] + unranked


def _plain_findings(old: Session, new: Session) -> dict[str, list]:
    before = [[f.code, list(f.subjects)] for f in find_ambiguities(old)]
    after = [[f.code, list(f.subjects)] for f in find_ambiguities(new)]
    return {
        "resolved": sorted(f for f in before if f not in after),
        "new": sorted(f for f in after if f not in before),
    }
