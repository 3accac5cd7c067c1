"""The ambiguity analysis: a full run, and the re-analysis after one edit.

The full analysis is compared with building the session's networkx
``MultiDiGraph`` from its node and edge lists: the least any work on the
map costs. The re-analysis after one edit is what the window does on every
change: the operation is applied and
:meth:`workshop_app.analysis.LiveAnalysis.update` brings the findings up to
date; its goal is absolute, 4 ms at 1,000 nodes, a quarter of a 60 Hz
frame. The same edit followed by a full ``find_ambiguities`` is reported
beside it, for comparison.
"""

from __future__ import annotations

import networkx as nx

from benchmarks.harness import Config, Figure, Goal, alternate
from workshop_app.analysis import LiveAnalysis, find_ambiguities
from workshop_app.domain import AddEdge, EdgeKind, NodeKind, Session

__all__ = ["measure", "one_edit"]

FULL_GOAL = Goal(1.0)
#: The size the full analysis's goal is set at; smaller maps are shown for comparison.
FULL_GOAL_SIZE = 5000
EDIT_GOAL = Goal(0.004, absolute=True)
EDIT_SIZE = 1000
#: Priorities in each of the two outranks chains of the adversarial file (1.2 MiB).
CHAIN_LENGTH = 5000


def measure(config: Config) -> list[Figure]:
    figures = [_full(config, size) for size in config.sizes]
    if FULL_GOAL_SIZE in config.sizes:
        figures.append(_full(config, FULL_GOAL_SIZE, flawed=True))
    if EDIT_SIZE in config.sizes or config.quick:
        figures += _edit(config, EDIT_SIZE if EDIT_SIZE in config.sizes else max(config.sizes))
    figures.append(_chains(config, 500 if config.quick else CHAIN_LENGTH))
    return figures


def _full(config: Config, size: int, *, flawed: bool = False) -> Figure:
    session = config.session(size)
    if flawed:
        _flaw(session)
    nodes = list(session.graph.nodes(data=True))
    edges = list(session.graph.edges(keys=True, data=True))

    def build() -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges)
        return graph

    times = alternate(
        {"analysis": lambda: find_ambiguities(session), "build": build}, config.repeat
    )
    return Figure(
        "full analysis, many findings" if flawed else "full analysis (find_ambiguities)",
        size,
        times["analysis"],
        "s",
        FULL_GOAL if size == FULL_GOAL_SIZE else None,
        reference=times["build"],
        reference_name="build MultiDiGraph",
        extra={"findings": len(find_ambiguities(session))},
    )


def chain_session(length: int) -> Session:
    """Two ``outranks`` chains of unranked priorities, each link in ``conflicts_with`` with
    its twin: a search per conflict through "above" made this quadratic (issue #18)."""
    graph = nx.MultiDiGraph()
    for side in "ab":
        graph.add_nodes_from(
            (f"{side}{i}", {"kind": "priority", "label": f"{side}{i}"}) for i in range(length)
        )
        graph.add_edges_from(
            (f"{side}{i}", f"{side}{i + 1}", "outranks", {}) for i in range(length - 1)
        )
    graph.add_edges_from((f"a{i}", f"b{i}", "conflicts_with", {}) for i in range(length))
    return Session(graph=graph)


def _chains(config: Config, length: int) -> Figure:
    session = chain_session(length)
    nodes = list(session.graph.nodes(data=True))
    edges = list(session.graph.edges(keys=True, data=True))

    def build() -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges)
        return graph

    times = alternate(
        {"analysis": lambda: find_ambiguities(session), "build": build}, config.repeat
    )
    return Figure(
        "full analysis, two conflicting outranks chains",
        2 * length,
        times["analysis"],
        "s",
        None,
        reference=times["build"],
        reference_name="build MultiDiGraph",
        note="adversarial: each link conflicts with its twin in the other chain; "
        "a search per conflict took 3.1 s at 2 x 2,500, growing with the square",
    )


def _flaw(session: Session) -> None:
    """Many findings, as a map early in a workshop has (some 8,000 at 5,000
    nodes, as in the issue's independent run): no "good enough" anywhere,
    every second "serves" gone, every third decision to be re-confirmed."""
    graph = session.graph
    responsibilities = []
    for node, attrs in graph.nodes(data=True):
        attrs.pop("good_enough", None)
        if attrs["kind"] == NodeKind.RESPONSIBILITY:
            responsibilities.append(node)
    for node in responsibilities[::3]:
        graph.nodes[node]["reconfirm"] = True
    serves = [key for key in graph.edges(keys=True) if key[2] == EdgeKind.SERVES]
    graph.remove_edges_from(serves[::2])


def one_edit(session: Session) -> tuple[AddEdge, ...]:
    """An edit a facilitator makes all the time, and its undo: a role takes
    on a responsibility (an ``accountable`` edge added, then removed)."""
    roles = session.nodes_of_kind(NodeKind.ROLE)
    responsibilities = session.nodes_of_kind(NodeKind.RESPONSIBILITY)
    for responsibility in responsibilities:
        for role in roles:
            if not session.graph.has_edge(role, responsibility, key=EdgeKind.ACCOUNTABLE.value):
                return (AddEdge(role, responsibility, EdgeKind.ACCOUNTABLE),)
    raise ValueError("every role owns every responsibility already")


def _edit(config: Config, size: int) -> list[Figure]:
    session = config.session(size)
    live = LiveAnalysis(session)
    (edit,) = one_edit(session)
    pending = [edit]

    # Alternately the edit and its undo, so the map stays the same.
    def edit_and_update() -> None:
        session.listeners.append(live.update)  # as the window's controller listens
        try:
            pending[0] = session.apply(pending[0])
        finally:
            session.listeners.remove(live.update)

    def edit_and_analyse() -> None:
        pending[0] = session.apply(pending[0])
        find_ambiguities(session)

    repeat = max(config.repeat, 10) * 2
    times = alternate({"live": edit_and_update, "full": edit_and_analyse}, repeat)
    return [
        Figure(
            "one edit + re-analysis",
            size,
            times["live"],
            "s",
            EDIT_GOAL,
            note="LiveAnalysis.update after the edit",
        ),
        Figure(
            "one edit + full analysis",
            size,
            times["full"],
            "s",
            None,
            note="find_ambiguities after the edit (for comparison)",
        ),
    ]
