"""Pairwise comparison settles ties; contradictions are found, not hidden."""

from __future__ import annotations

from views_support import small_session

from workshop_app.ui.views.ranking import (
    PairwiseComparison,
    comparison_groups,
    priority_levels,
    rank_operation,
)


def test_ties_and_the_unranked_are_compared_within_their_group() -> None:
    session = small_session()
    assert comparison_groups(session) == [["p_cost", "p_speed"], ["p_calm", "p_joy"]]
    assert priority_levels(session)[0] == [["p_cost", "p_speed"], ["p_law"]]


def test_consistent_answers_give_ranks_around_the_settled_priorities() -> None:
    session = small_session()
    comparison = PairwiseComparison(comparison_groups(session))
    comparison.answer("p_speed", "p_cost")
    comparison.answer("p_joy", "p_calm")
    assert comparison.is_complete() and comparison.cycles() == []
    ranks = comparison.ranks(session)
    assert ranks == {"p_speed": 1, "p_cost": 2, "p_law": 3, "p_joy": 4, "p_calm": 5}
    session.apply(rank_operation(session, ranks))
    assert comparison_groups(session) == []


def test_a_single_unranked_priority_is_not_ranked_without_the_group() -> None:
    session = small_session()
    comparison = PairwiseComparison([["p_cost", "p_speed"]])
    comparison.answer("p_cost", "p_speed")
    ranks = comparison.ranks(session)
    assert "p_joy" not in ranks and ranks["p_law"] == 3


def test_an_intransitive_round_is_reported_as_a_cycle_and_can_be_asked_again() -> None:
    comparison = PairwiseComparison([["a", "b", "c", "d"]])
    for winner, loser in [("a", "b"), ("b", "c"), ("c", "a"), ("a", "d"), ("b", "d"), ("c", "d")]:
        comparison.answer(winner, loser)
    assert comparison.is_complete()
    [cycle] = comparison.cycles()
    assert sorted(cycle) == ["a", "b", "c"]
    assert comparison.levels(["a", "b", "c", "d"]) == [["a", "b", "c"], ["d"]]
    comparison.revisit_contradictions()
    assert comparison.answered() == 3
    assert comparison.next_pair() == ("a", "b")


def test_the_last_answer_can_be_taken_back() -> None:
    comparison = PairwiseComparison([["a", "b", "c"]])
    comparison.answer("a", "b")
    comparison.answer("c", "a")
    comparison.undo_last()
    assert comparison.next_pair() == ("a", "c")
