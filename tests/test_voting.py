"""Dot voting's results: dots per item, a proposed order, accepted into the ranks at once."""

from __future__ import annotations

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import AddNode, InsertVoteRound, NodeKind, Session
from workshop_app.voting import accept_order, finding_items, proposed_ranks, tally, voters


def _session() -> Session:
    session = Session(meta={"language": "en"})
    for node, label, rank in (
        ("p_a", "Speed", 1),
        ("p_b", "Cost", 2),
        ("p_c", "Calm", 3),
        ("p_d", "Delight", None),
        ("p_e", "Law", None),
    ):
        session.apply(AddNode(node, NodeKind.PRIORITY, label, {"rank": rank} if rank else {}))
    return session


ROUND = {
    "id": "v1",
    "on": "priorities",
    "dots": 3,
    "ballots": [
        {"voter": "Ana", "dots": {"p_d": 2, "p_b": 1}},
        {"voter": "Ben", "dots": {"p_d": 1, "p_b": 2}},
        {"voter": "Cem", "dots": {"p_e": 3}},
    ],
}


def test_the_tally_counts_dots_and_people_most_first() -> None:
    rows = tally(_session(), ROUND)
    assert [(r.label, r.dots, r.voters) for r in rows] == [
        ("Cost", 3, 2),
        ("Delight", 3, 2),
        ("Law", 3, 1),
        ("Speed", 0, 0),
        ("Calm", 0, 0),
    ]
    assert voters(ROUND) == 3


def test_equal_dots_share_a_rank_and_the_others_keep_their_order_below() -> None:
    assert proposed_ranks(_session(), ROUND) == {"p_b": 1, "p_d": 1, "p_e": 1, "p_a": 2, "p_c": 3}
    clear = {**ROUND, "ballots": [{"voter": "Ana", "dots": {"p_e": 3}}, {"dots": {"p_c": 2}}]}
    assert proposed_ranks(_session(), clear) == {"p_e": 1, "p_c": 2, "p_a": 3, "p_b": 4}


def test_accepting_the_order_is_one_operation_and_undone_in_one() -> None:
    session = _session()
    session.apply(InsertVoteRound(0, ROUND))
    before = {p: session.graph.nodes[p].get("rank") for p in session.graph}
    undo = session.apply(accept_order(session, ROUND))
    after = {p: session.graph.nodes[p].get("rank") for p in session.graph}
    assert after == {"p_a": 2, "p_b": 1, "p_c": 3, "p_d": 1, "p_e": 1}
    assert session.vote_round("v1")["accepted"] is True
    # The tie the group voted shows as a finding to settle.
    assert "priority-tie" in {f.code for f in find_ambiguities(session)}
    session.apply(undo)
    assert {p: session.graph.nodes[p].get("rank") for p in session.graph} == before
    assert "accepted" not in session.vote_round("v1")


def test_findings_are_named_by_their_message() -> None:
    session = _session()
    findings = [f for f in find_ambiguities(session) if f.code == "isolated"]
    items = finding_items(findings)
    round_ = {"id": "v2", "on": "findings", "dots": 2, "ballots": [{"dots": {items[1][0]: 4}}]}
    rows = tally(session, round_, dict(items))
    assert rows[0].label == findings[1].message and rows[0].dots == 4
    assert len(rows) == len(items)
