"""Dot voting's results: the dots per item, and the order the group could take over.

A round (:mod:`workshop_app.domain.votes`) holds the ballots; this module
counts them (:func:`tally`), proposes ranks for the priorities from them
(:func:`proposed_ranks`) and builds the one operation that takes that order
into the map (:func:`accept_order`), so that accepting is one undo step.

Examples
--------
>>> from workshop_app.domain import AddNode, NodeKind, Session
>>> session = Session()
>>> for node, label in (("p_a", "Speed"), ("p_b", "Cost"), ("p_c", "Calm")):
...     _ = session.apply(AddNode(node, NodeKind.PRIORITY, label))
>>> round_ = {"id": "v1", "on": "priorities", "dots": 3, "ballots": [
...     {"voter": "Ana", "dots": {"p_b": 2, "p_a": 1}}, {"voter": "Ben", "dots": {"p_b": 3}}]}
>>> [(row.label, row.dots, row.voters) for row in tally(session, round_)]
[('Cost', 5, 2), ('Speed', 1, 1), ('Calm', 0, 0)]
>>> proposed_ranks(session, round_)
{'p_b': 1, 'p_a': 2}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workshop_app.analysis import Finding
from workshop_app.domain import Batch, NodeKind, Operation, ReplaceVoteRound, Session, SetNodeFields
from workshop_app.domain.votes import finding_item, parse_finding_item

__all__ = [
    "Tally",
    "accept_order",
    "finding_items",
    "new_round_id",
    "priority_items",
    "proposed_ranks",
    "tally",
    "voters",
]

Round = Mapping[str, Any]


@dataclass(frozen=True)
class Tally:
    """One item's result: its dots, and how many ballots gave it any."""

    item: str
    label: str
    dots: int
    voters: int


def new_round_id(session: Session) -> str:
    """A fresh round id: ``v1``, ``v2``…"""
    number = len(session.votes) + 1
    while session.vote_round(f"v{number}") is not None:
        number += 1
    return f"v{number}"


def priority_items(session: Session) -> list[tuple[str, str]]:
    """The priorities to vote on, (id, label), in their present order (ranked first)."""
    graph = session.graph
    priorities = session.nodes_of_kind(NodeKind.PRIORITY)
    ordered = sorted(
        priorities,
        key=lambda p: (graph.nodes[p].get("rank") is None, graph.nodes[p].get("rank") or 0, p),
    )
    return [(p, session.label(p)) for p in ordered]


def finding_items(findings: list[Finding]) -> list[tuple[str, str]]:
    """The open findings to vote on, (item, message), in the findings' order."""
    return [(finding_item(f.code, f.subjects), f.message) for f in findings if not f.accepted]


def voters(round_: Round) -> int:
    """How many people voted: the named ballots, or none for a show of hands alone."""
    return sum(1 for ballot in round_.get("ballots", ()) if ballot.get("voter") is not None)


def _label(session: Session, round_: Round, item: str, labels: Mapping[str, str]) -> str:
    if item in labels:
        return labels[item]
    if round_.get("on") == "priorities":
        return session.label(item)
    code, subjects = parse_finding_item(item)
    return f"{code}: {', '.join(session.label(s) for s in subjects)}"


def tally(session: Session, round_: Round, labels: Mapping[str, str] | None = None) -> list[Tally]:
    """Every item's dots, most first; items on offer with no dots follow with 0.

    ``labels`` names items (a finding's message); others are named from the
    map (a priority's label, a finding's subjects) or by their id.
    """
    labels = dict(labels or {})
    dots: dict[str, int] = {}
    people: dict[str, int] = {}
    for ballot in round_.get("ballots", ()):
        for item, count in ballot.get("dots", {}).items():
            dots[item] = dots.get(item, 0) + count
            people[item] = people.get(item, 0) + (count > 0)
    offered = priority_items(session) if round_.get("on") == "priorities" else list(labels.items())
    order = {item: index for index, (item, _label) in enumerate(offered)}
    for item, _label_text in offered:
        dots.setdefault(item, 0)
    items = sorted(dots, key=lambda i: (-dots[i], order.get(i, len(order)), i))
    return [Tally(i, _label(session, round_, i, labels), dots[i], people.get(i, 0)) for i in items]


def proposed_ranks(session: Session, round_: Round) -> dict[str, int]:
    """Ranks for the priorities on the map, from a round about priorities.

    The priorities with dots come first, most dots first; equal dots share a
    rank (a tie the group then settles, pairwise). Priorities nobody voted
    for keep their present order below them; unranked ones stay unranked.
    """
    graph = session.graph
    on_map = set(session.nodes_of_kind(NodeKind.PRIORITY))
    results = [row for row in tally(session, round_) if row.item in on_map]
    ranks: dict[str, int] = {}
    rank, last = 0, None
    for row in results:
        if row.dots == 0:
            continue
        if row.dots != last:
            rank, last = rank + 1, row.dots
        ranks[row.item] = rank
    below = sorted(
        (graph.nodes[p]["rank"], p)
        for p in on_map - ranks.keys()
        if graph.nodes[p].get("rank") is not None
    )
    previous = None
    for old_rank, priority in below:
        if old_rank != previous:
            rank, previous = rank + 1, old_rank
        ranks[priority] = rank
    return ranks


def accept_order(session: Session, round_: Round) -> Operation:
    """The one operation that gives the priorities their proposed ranks and marks the round."""
    graph = session.graph
    steps: list[Operation] = [
        SetNodeFields(priority, {"rank": rank})
        for priority, rank in sorted(proposed_ranks(session, round_).items())
        if graph.nodes[priority].get("rank") != rank
    ]
    steps.append(ReplaceVoteRound(str(round_["id"]), {**round_, "accepted": True}))
    return Batch(tuple(steps))
