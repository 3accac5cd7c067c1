"""Ranking priorities: the current order, pairwise comparison, and the ranks to write.

Pure Python (no Qt), so the facilitation logic is tested on its own. The
priorities view asks the group "A or B?" for every pair inside a *group*:
the priorities that share a rank, and the unranked ones. Each group's
answers form a tournament; if it has no cycle it yields one order, and a
cycle (A over B, B over C, C over A) is reported so the group can revisit
it. If the group accepts a cycle as it stands, its members share one rank:
the answers support no order among them, and the tie stays visible.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import combinations

import networkx as nx

from workshop_app.domain import Batch, NodeKind, Operation, Session, SetNodeFields

__all__ = [
    "PairwiseComparison",
    "comparison_groups",
    "priority_levels",
    "rank_operation",
    "ranks_from_order",
]

Pair = tuple[str, str]


def priority_levels(session: Session) -> tuple[list[list[str]], list[str]]:
    """The priorities by rank: groups sharing a rank (best first), and the unranked.

    Within a group, priorities are sorted by label, so the list is stable.
    """
    by_rank: dict[int, list[str]] = {}
    unranked: list[str] = []
    for node in session.nodes_of_kind(NodeKind.PRIORITY):
        rank = session.graph.nodes[node].get("rank")
        if isinstance(rank, int) and not isinstance(rank, bool):
            by_rank.setdefault(rank, []).append(node)
        else:
            unranked.append(node)

    def by_label(ids: Iterable[str]) -> list[str]:
        return sorted(ids, key=lambda n: (session.label(n).casefold(), n))

    return [by_label(by_rank[rank]) for rank in sorted(by_rank)], by_label(unranked)


def comparison_groups(session: Session) -> list[list[str]]:
    """The groups the group should compare pairwise: each tie, then the unranked."""
    ranked, unranked = priority_levels(session)
    groups = [level for level in ranked if len(level) > 1]
    if len(unranked) > 1:
        groups.append(unranked)
    return groups


def ranks_from_order(order: Sequence[str]) -> dict[str, int]:
    """Ranks 1, 2, 3… in the given order (the order after a drag)."""
    return {node: index for index, node in enumerate(order, start=1)}


def rank_operation(session: Session, ranks: Mapping[str, int]) -> Operation | None:
    """One batch that sets the changed ranks, or ``None`` when nothing changes."""
    changes = [
        SetNodeFields(node, {"rank": rank})
        for node, rank in sorted(ranks.items())
        if session.graph.nodes[node].get("rank") != rank
    ]
    return Batch(tuple(changes)) if changes else None


class PairwiseComparison:
    """The answers to "A or B?" for every pair inside each group.

    Examples
    --------
    >>> comparison = PairwiseComparison([["a", "b", "c"]])
    >>> comparison.next_pair()
    ('a', 'b')
    >>> for winner, loser in [("a", "b"), ("b", "c"), ("c", "a")]:
    ...     comparison.answer(winner, loser)
    >>> comparison.cycles()
    [['a', 'b', 'c']]
    >>> comparison.revisit_contradictions()
    >>> comparison.next_pair()
    ('a', 'b')
    >>> for winner, loser in [("a", "b"), ("b", "c"), ("a", "c")]:
    ...     comparison.answer(winner, loser)
    >>> comparison.cycles(), comparison.levels(["a", "b", "c"])
    ([], [['a'], ['b'], ['c']])
    """

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self.groups = [list(group) for group in groups]
        self.pairs: list[Pair] = [pair for group in self.groups for pair in combinations(group, 2)]
        self._winner: dict[frozenset[str], str] = {}

    def answered(self) -> int:
        return len(self._winner)

    def next_pair(self) -> Pair | None:
        """The first pair without an answer, or ``None`` when all are answered."""
        return next((p for p in self.pairs if frozenset(p) not in self._winner), None)

    def is_complete(self) -> bool:
        return self.next_pair() is None

    def answer(self, winner: str, loser: str) -> None:
        """The group puts ``winner`` above ``loser``."""
        key = frozenset((winner, loser))
        if (winner, loser) not in self.pairs and (loser, winner) not in self.pairs:
            raise ValueError(f"{winner!r} and {loser!r} are not compared with each other")
        self._winner[key] = winner

    def undo_last(self) -> None:
        """Forget the most recent answer (the group changed its mind at once)."""
        if self._winner:
            self._winner.pop(next(reversed(self._winner)))

    def revisit(self, members: Iterable[str]) -> None:
        """Forget the answers among ``members`` so the group is asked again."""
        members = set(members)
        for key in [k for k in self._winner if k <= members]:
            del self._winner[key]

    def _tournament(self, group: Sequence[str]) -> nx.DiGraph:
        graph = nx.DiGraph()
        graph.add_nodes_from(group)
        for a, b in combinations(group, 2):
            winner = self._winner.get(frozenset((a, b)))
            if winner is not None:
                graph.add_edge(winner, b if winner == a else a)
        return graph

    def _knots(self) -> Iterator[tuple[list[str], nx.DiGraph]]:
        """Each knot with its answers: members both above and below one another."""
        for group in self.groups:
            graph = self._tournament(group)
            for component in nx.strongly_connected_components(graph):
                if len(component) > 1:
                    yield [n for n in group if n in component], graph.subgraph(component)

    def cycles(self) -> list[list[str]]:
        """One cycle of contradicting answers per knot, as the ids in cycle order."""
        return [
            [source for source, _ in nx.find_cycle(answers, members[0])]
            for members, answers in self._knots()
        ]

    def revisit_contradictions(self) -> None:
        """Forget every answer inside a knot, so the group is asked those pairs again."""
        for members, _ in list(self._knots()):
            self.revisit(members)

    def levels(self, group: Sequence[str]) -> list[list[str]]:
        """The group's order from the answers, best first; a knot shares one level."""
        graph = self._tournament(group)
        condensed = nx.condensation(graph)
        members = condensed.graph["mapping"]
        levels: list[list[str]] = [[] for _ in condensed]
        for position, component in enumerate(nx.topological_sort(condensed)):
            levels[position] = [n for n in group if members[n] == component]
        return levels

    def ranks(self, session: Session) -> dict[str, int]:
        """Ranks for every priority: compared groups in their new order.

        Priorities outside the compared groups keep their order; ranks are
        renumbered 1, 2, 3… so the settled ones fit in. Compared unranked
        priorities come after the ranked ones; a single unranked priority
        (nothing to compare) stays unranked.
        """
        ranked, unranked = priority_levels(session)
        compared = {frozenset(group) for group in self.groups}
        levels: list[list[str]] = []
        for level in [*ranked, unranked]:
            if frozenset(level) in compared:
                levels.extend(self.levels(level))
            elif level is not unranked:
                levels.append(level)
        return {node: rank for rank, level in enumerate(levels, 1) for node in level}
