"""Which layer of the map each node belongs to, top to bottom.

Priorities sit on top (what the service optimises for), guardrails below
them (the frame decisions must stay within), then responsibilities, then
roles. A few priorities and guardrails (``SHARED_TOP``) share the top layer,
what every decision answers to, so that a row of guardrails does not cost a
workshop-sized map its height: ranked priorities first from the left,
guardrails after them (as unranked priorities) where that costs no crossing.
Escalation points upward: among roles, a role that others escalate to sits
above them.

Everything here works on integer indices into the node ids sorted by id, so
the layout never depends on the order in which nodes or edges were added.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workshop_app.domain import EdgeKind, FieldSpec, NodeKind, Session, check_field

__all__ = ["LayeredGraph", "layered_graph", "stored_position"]

_BAND = {
    NodeKind.PRIORITY.value: 0,
    NodeKind.GUARDRAIL.value: 1,
    NodeKind.RESPONSIBILITY.value: 2,
    NodeKind.ROLE.value: 3,
}
#: Priorities and guardrails share the top layer when they are at most this many
#: together (about a row of the window's map); more of them keep a layer each.
SHARED_TOP = 8
_POSITION = FieldSpec("position", "position")


@dataclass(frozen=True)
class LayeredGraph:
    """The session's graph reduced to what the layout needs.

    Attributes
    ----------
    ids
        Node ids, sorted; a node's index is its place in this tuple.
    layer
        Layer of each node, 0 at the top, without empty layers in between.
    neighbours
        For each node, the indices at the other end of its edges (one entry
        per edge, so a pair joined by two kinds pulls twice), sorted.
    tier
        Order that crossing reduction keeps within a layer where it costs no
        crossing: a priority's rank (unranked priorities last, and guardrails
        sharing their layer); 0 for the other kinds.
    layer_count
        How many layers there are.
    """

    ids: tuple[str, ...]
    layer: tuple[int, ...]
    neighbours: tuple[tuple[int, ...], ...]
    tier: tuple[float, ...]
    layer_count: int

    def subgraph(self, nodes: list[int]) -> LayeredGraph:
        """The graph of ``nodes`` (ascending) alone, with the same layer order."""
        index = {node: i for i, node in enumerate(nodes)}
        compact = {value: n for n, value in enumerate(sorted({self.layer[n] for n in nodes}))}
        return LayeredGraph(
            ids=tuple(self.ids[n] for n in nodes),
            layer=tuple(compact[self.layer[n]] for n in nodes),
            neighbours=tuple(
                tuple(index[m] for m in self.neighbours[n] if m in index) for n in nodes
            ),
            tier=tuple(self.tier[n] for n in nodes),
            layer_count=len(compact),
        )


def stored_position(attrs: dict) -> tuple[float, float] | None:
    """The node's saved ``position`` as floats, or ``None`` when it has no valid one."""
    value = attrs.get("position")
    if value is None or check_field(_POSITION, value) is not None:
        return None
    return float(value[0]), float(value[1])


def layered_graph(session: Session) -> LayeredGraph:
    """Index the session's nodes by id and assign each to its layer."""
    graph = session.graph
    ids = tuple(sorted(graph.nodes))
    index = {node_id: i for i, node_id in enumerate(ids)}
    kinds = [graph.nodes[node_id]["kind"] for node_id in ids]
    neighbours: list[list[int]] = [[] for _ in ids]
    escalates: list[list[int]] = [[] for _ in ids]
    for source, target, key in graph.edges(keys=True):
        s, t = index[source], index[target]
        if s == t:
            continue
        neighbours[s].append(t)
        neighbours[t].append(s)
        if key == EdgeKind.ESCALATES_TO and kinds[s] == kinds[t] == NodeKind.ROLE:
            escalates[s].append(t)
    for targets in (*neighbours, *escalates):
        targets.sort()
    depth = _escalation_depths(escalates)
    top = (NodeKind.PRIORITY, NodeKind.GUARDRAIL)
    shared = sum(1 for kind in kinds if kind in top) <= SHARED_TOP
    band = {**_BAND, NodeKind.GUARDRAIL.value: 0} if shared else _BAND
    raw = [band[kind] + depth[i] for i, kind in enumerate(kinds)]
    compact = {value: n for n, value in enumerate(sorted(set(raw)))}
    return LayeredGraph(
        ids=ids,
        layer=tuple(compact[value] for value in raw),
        neighbours=tuple(tuple(targets) for targets in neighbours),
        tier=tuple(_tier(graph.nodes[node_id], shared) for node_id in ids),
        layer_count=len(compact),
    )


def _tier(attrs: dict, shared: bool) -> float:
    if attrs["kind"] == NodeKind.GUARDRAIL and shared:
        return math.inf  # after the ranked priorities, as an unranked one
    if attrs["kind"] != NodeKind.PRIORITY:
        return 0.0
    rank = attrs.get("rank")
    if isinstance(rank, int) and not isinstance(rank, bool):
        return float(rank)
    return math.inf


def _escalation_depths(escalates: list[list[int]]) -> list[int]:
    """Longest escalation path from each role to a role that escalates no further.

    ``escalates`` lists, for each node, the roles it escalates to (only
    roles have any). A role's depth is how many layers it sits below the top of the roles
    band. Cycles are broken by ignoring the back edges of a depth-first
    search that visits roles and their targets in id order, so the result is
    deterministic.
    """
    depth = [0] * len(escalates)
    done = [False] * len(escalates)
    on_path = [False] * len(escalates)
    for root in range(len(escalates)):
        if done[root]:
            continue
        on_path[root] = True
        stack = [(root, iter(escalates[root]))]
        while stack:
            node, targets = stack[-1]
            for target in targets:
                if not done[target] and not on_path[target]:
                    on_path[target] = True
                    stack.append((target, iter(escalates[target])))
                    break
            else:
                stack.pop()
                on_path[node], done[node] = False, True
                depth[node] = max(
                    (depth[t] + 1 for t in escalates[node] if done[t]),
                    default=0,
                )
    return depth
