"""Comparing two workshops: ``compare_sessions`` against loading both sessions.

The later workshop is the organisation changed as a group would change it
(nodes removed and added, fields and relations changed, an action closed)
with every node moved. The comparison includes the ambiguity analysis of
both sessions, since it reports the findings resolved and new; the
reference is what one pays before any comparison can start: loading both
files with :func:`workshop_app.fileformat.load_session`.
"""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks.harness import Config, Figure, Goal, alternate
from workshop_app.compare import compare_sessions
from workshop_app.domain import (
    AddEdge,
    AddNode,
    EdgeKind,
    InsertAction,
    NodeKind,
    RemoveNode,
    Session,
    SetActionFields,
    SetNodeFields,
)
from workshop_app.fileformat import load_session, save_session

__all__ = ["later_workshop", "measure"]

GOAL = Goal(1.0)
#: The size the goal is set at; smaller maps are shown for comparison.
GOAL_SIZE = 5000


def later_workshop(session: Session, seed: int = 0) -> Session:
    """``session`` as it may look a few weeks later: about 2 % of it changed, all of it moved."""
    rng = random.Random(seed)
    nodes = sorted(session.graph)
    share = max(1, len(nodes) // 100)
    for node in rng.sample(nodes, share):
        session.apply(RemoveNode(node))
    for node in rng.sample(sorted(session.graph), share):
        session.apply(SetNodeFields(node, {"label": session.label(node) + " (revised)"}))
    roles = sorted(session.nodes_of_kind(NodeKind.ROLE))
    for index in range(share):
        node = f"later_{index}"
        session.apply(AddNode(node, NodeKind.RESPONSIBILITY, f"New task {index + 1}"))
        session.apply(AddEdge(rng.choice(roles), node, EdgeKind.ACCOUNTABLE))
    if session.actions:
        session.apply(SetActionFields(0, {"status": "done"}))
    session.apply(InsertAction(len(session.actions), {"id": "later", "text": "Next step"}))
    for node in session.graph:
        x, y = session.graph.nodes[node].get("position", (0, 0))
        session.apply(SetNodeFields(node, {"position": [x + 40, y + 25]}))
    return session


def measure(config: Config) -> list[Figure]:
    """One figure per size: the comparison against loading both files."""
    return [_figure(config, size) for size in config.sizes]


def _figure(config: Config, size: int) -> Figure:
    old_path = config.session_file(size)
    new_path = config.workdir / f"organisation_{size}_later.yaml"
    save_session(later_workshop(load_session(old_path)), new_path)
    old, new = load_session(old_path), load_session(new_path)

    def load_both() -> tuple[Session, Session]:
        return load_session(old_path), load_session(new_path)

    times = alternate(
        {"compare": lambda: compare_sessions(old, new), "load": load_both}, config.repeat
    )
    diff = compare_sessions(old, new).to_json()
    return Figure(
        "compare two sessions (compare_sessions)",
        size,
        times["compare"],
        "s",
        GOAL if size == GOAL_SIZE else None,
        reference=times["load"],
        reference_name="load both",
        extra={
            "nodes_changed": sum(
                len(diff["nodes"][part]) for part in ("added", "removed", "changed")
            ),
            "bytes": Path(old_path).stat().st_size + new_path.stat().st_size,
        },
    )
