"""Rounds of dot voting as session records: inserted, replaced, deleted, each undone."""

from __future__ import annotations

import pytest

from workshop_app.domain import DomainError, Session
from workshop_app.domain.votes import (
    DeleteVoteRound,
    InsertVoteRound,
    ReplaceVoteRound,
    finding_item,
    parse_finding_item,
    vote_round_problem,
)

ROUND = {
    "id": "v1",
    "on": "priorities",
    "dots": 3,
    "ballots": [{"voter": "Ana", "dots": {"p_a": 2, "p_b": 1}}, {"dots": {"p_a": 7}}],
}


def test_a_round_is_recorded_replaced_and_undone() -> None:
    session = Session()
    undo_insert = session.apply(InsertVoteRound(0, ROUND))
    assert session.vote_round("v1") == ROUND
    changed = {**ROUND, "accepted": True}
    undo_replace = session.apply(ReplaceVoteRound("v1", changed))
    assert session.votes == [changed]
    session.apply(undo_replace)
    assert session.votes == [ROUND]
    undo_delete = session.apply(DeleteVoteRound("v1"))
    assert session.votes == []
    session.apply(undo_delete)
    session.apply(undo_insert)
    assert session.votes == []


def test_the_stored_round_is_a_copy() -> None:
    session = Session()
    mine = {"id": "v1", "on": "findings", "dots": 2, "ballots": []}
    session.apply(InsertVoteRound(0, mine))
    mine["ballots"].append({"voter": "Ben"})
    assert session.vote_round("v1")["ballots"] == []


@pytest.mark.parametrize(
    ("round_", "problem"),
    [
        ({**ROUND, "on": "roles"}, "on: must be one of priorities, findings"),
        ({**ROUND, "dots": 0}, "dots: must be a whole number from 1 to 99"),
        ({**ROUND, "ballots": [{"voter": "Ana", "dots": {"p_a": 4}}]}, "dots: p_a: must be"),
        (
            {**ROUND, "ballots": [{"voter": "Ana", "dots": {"p_a": 2, "p_b": 2}}]},
            "Ana gave 4 dots, 3 are allowed",
        ),
        (
            {**ROUND, "ballots": [{"voter": "Ana"}, {"voter": " ana "}]},
            "voted already in this round",
        ),
        ({**ROUND, "on": "findings"}, "must be a finding written as its code"),
    ],
)
def test_a_wrong_round_is_refused_saying_why(round_: dict, problem: str) -> None:
    assert problem in (vote_round_problem(round_) or "")
    with pytest.raises(DomainError):
        Session().apply(InsertVoteRound(0, round_))


def test_the_show_of_hands_counts_more_than_one_persons_dots() -> None:
    assert vote_round_problem({**ROUND, "ballots": [{"dots": {"p_a": 40}}]}) is None


def test_a_finding_item_names_its_code_and_sorted_subjects() -> None:
    item = finding_item("priority-tie", ("p_b", "p_a"))
    assert item == "priority-tie p_a p_b"
    assert parse_finding_item(item) == ("priority-tie", ("p_a", "p_b"))


def test_ids_are_unique_and_kept() -> None:
    session = Session()
    session.apply(InsertVoteRound(0, ROUND))
    with pytest.raises(DomainError):
        session.apply(InsertVoteRound(1, ROUND))
    with pytest.raises(DomainError):
        session.apply(ReplaceVoteRound("v1", {**ROUND, "id": "v2"}))
