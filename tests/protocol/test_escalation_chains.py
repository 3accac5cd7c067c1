"""Escalation chains: where they start, where they end, loops, and coverage of every edge."""

from __future__ import annotations

from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session
from workshop_app.protocol.escalation import MAX_PATHS_PER_START, escalation_chains


def _session(
    roles: list[str], escalations: list[tuple[str, str]], cases: tuple[str, ...] = ()
) -> Session:
    session = Session()
    for role in roles:
        session.apply(AddNode(role, NodeKind.ROLE, role.title()))
    for case in cases:
        session.apply(AddNode(case, NodeKind.RESPONSIBILITY, case.title()))
    for source, target in escalations:
        session.apply(AddEdge(source, target, EdgeKind.ESCALATES_TO))
    return session


def _paths(session: Session) -> list[tuple[tuple[str, ...], str | None]]:
    return [
        (chain.steps, chain.loop_to)
        for chains, _more in escalation_chains(session)
        for chain in chains
    ]


def test_a_role_chain_starts_where_nobody_escalates_to() -> None:
    session = _session(["agent", "second", "lead"], [("agent", "second"), ("second", "lead")])
    assert _paths(session) == [(("agent", "second", "lead"), None)]


def test_a_case_starts_at_its_responsibility_and_branches() -> None:
    session = _session(
        ["second", "lead", "head"],
        [("refund", "second"), ("refund", "lead"), ("lead", "head")],
        cases=("refund",),
    )
    assert _paths(session) == [(("refund", "second"), None), (("refund", "lead", "head"), None)]


def test_a_loop_ends_where_it_comes_back() -> None:
    session = _session(
        ["agent", "lead", "second"], [("agent", "lead"), ("lead", "second"), ("second", "lead")]
    )
    assert _paths(session) == [(("agent", "lead", "second"), "lead")]


def test_a_loop_that_nothing_enters_is_still_shown() -> None:
    session = _session(["a", "b"], [("a", "b"), ("b", "a")])
    assert _paths(session) == [(("a", "b"), "a")]


def test_a_start_with_too_many_branches_is_summarised() -> None:
    tops = [f"top{i}" for i in range(MAX_PATHS_PER_START + 3)]
    session = _session(["agent", *tops], [("agent", top) for top in tops])
    [(chains, more)] = escalation_chains(session)
    assert len(chains) == MAX_PATHS_PER_START
    assert more
