"""Dot voting in the window: a round, ballots typed in, bars, the order accepted in one step."""

from __future__ import annotations

import pytest

from workshop_app.ui.views.voting import VotingWidget


@pytest.fixture
def voting(qtbot, views_controller) -> VotingWidget:
    widget = VotingWidget(views_controller)
    widget.resize(520, 700)
    qtbot.addWidget(widget)
    return widget


def vote(widget: VotingWidget, voter: str, dots: dict[str, int]) -> bool:
    widget.voter.setText(voter)
    for item, count in dots.items():
        widget.spins[item].setValue(count)
    return widget.count_ballot()


def test_a_round_is_started_and_each_ballot_is_saved_as_one_step(voting, views_controller) -> None:
    assert voting.summary.text() == "Start a round to let the group vote."
    voting.dots.setValue(3)
    assert voting.start_round()
    assert set(voting.spins) == {"p_speed", "p_cost", "p_law", "p_joy", "p_calm"}
    assert vote(voting, "Ana", {"p_joy": 2, "p_law": 1})
    assert vote(voting, "", {"p_law": 4})
    round_ = views_controller.session.votes[0]
    assert round_["ballots"] == [
        {"voter": "Ana", "dots": {"p_joy": 2, "p_law": 1}},
        {"dots": {"p_law": 4}},
    ]
    assert voting.voter.text() == "" and all(s.value() == 0 for s in voting.spins.values())
    assert views_controller.undo_stack.count() == 3
    views_controller.undo_stack.undo()
    assert len(views_controller.session.votes[0]["ballots"]) == 1


def test_one_person_cannot_give_more_dots_than_they_have(voting, views_controller) -> None:
    refused: list[str] = []
    views_controller.editRefused.connect(refused.append)
    voting.start_round()
    voting.voter.setText("Ben")
    voting.spins["p_joy"].setValue(4)
    assert voting.left.text() == "4 given, 3 dots to give"
    assert not voting.count.isEnabled()
    assert not voting.count_ballot()
    assert refused == []
    voting.spins["p_joy"].setValue(3)
    assert voting.left.text() == "0 of 3 dots left" and voting.count.isEnabled()
    assert "ballots" not in views_controller.session.votes[0]


def test_the_bars_show_most_dots_first_and_longest(voting) -> None:
    voting.start_round()
    vote(voting, "Ana", {"p_joy": 2, "p_law": 1})
    vote(voting, "Ben", {"p_joy": 3})
    bars = voting.bars
    assert [(r.label, r.dots) for r in bars.rows[:3]] == [
        ("Delight", 5),
        ("Compliance", 1),
        ("Cost", 0),
    ]
    assert bars.bar_rect(0).width() == pytest.approx(5 * bars.bar_rect(1).width())
    assert bars.bar_rect(2).width() == 0
    assert voting.summary.text() == "2 participants voted; 6 dots given."


def test_accepting_the_order_sets_the_ranks_in_one_undo_step(voting, views_controller) -> None:
    voting.start_round()
    vote(voting, "Ana", {"p_joy": 2, "p_law": 1})
    vote(voting, "Ben", {"p_joy": 3})
    graph = views_controller.session.graph
    before = {p: graph.nodes[p].get("rank") for p in ("p_joy", "p_law", "p_speed", "p_cost")}
    assert voting.accept.isEnabled()
    assert voting.accept_order()
    ranks = {p: graph.nodes[p].get("rank") for p in ("p_joy", "p_law", "p_speed", "p_cost")}
    assert ranks == {"p_joy": 1, "p_law": 2, "p_speed": 3, "p_cost": 3}
    assert views_controller.session.votes[0]["accepted"] is True
    assert not voting.accept.isEnabled()
    assert "took this order into the ranks" in voting.summary.text()
    views_controller.undo_stack.undo()
    assert {p: graph.nodes[p].get("rank") for p in before} == before
    assert "accepted" not in views_controller.session.votes[0]


def test_a_round_on_findings_offers_the_open_findings_by_their_message(
    voting, views_controller
) -> None:
    voting.topic.setCurrentIndex(voting.topic.findData("findings"))
    voting.start_round()
    open_findings = [f for f in views_controller.findings if not f.accepted]
    assert len(voting.spins) == len(open_findings) > 0
    first = next(iter(voting.spins))
    vote(voting, "", {first: 7})
    assert voting.bars.rows[0].dots == 7
    assert voting.bars.rows[0].label == open_findings[0].message
    assert not voting.accept.isVisible()


def test_the_dock_reads_in_german(qtbot, views_german, views_controller) -> None:
    widget = VotingWidget(views_controller)
    qtbot.addWidget(widget)
    widget.start_round()
    assert widget.rounds.currentText() == "Runde v1: Prioritäten, 3 Punkte je Person"
    widget.voter.setText("Ana")
    assert widget.left.text() == "3 von 3 Punkte übrig"
