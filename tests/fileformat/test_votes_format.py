"""Dot voting in the file: the optional votes list, kept byte for byte, refused by place."""

from __future__ import annotations

import textwrap

import pytest

from workshop_app.fileformat import SessionFormatError, dumps_session, loads_session

SESSION = textwrap.dedent("""\
    format: workshop-session
    version: 1
    nodes:
      - {id: p_cost, kind: priority, label: Kosten, rank: 2}
      - {id: p_fcr, kind: priority, label: Erstlösung, rank: 1}
      - {id: x_refund, kind: responsibility, label: Kulanz}
    edges: []
    votes:
      - {id: v1, on: priorities, dots: 3, date: 2027-01-15, accepted: true, ballots: [{voter: B. Muster, dots: {p_fcr: 2, p_cost: 1}}, {voter: C. Beispiel, dots: {p_cost: 3}}]}
      - {id: v2, on: findings, dots: 2, ballots: [{dots: {no-owner x_refund: 5, isolated x_refund: 2}, source: hands}]}
    """)  # noqa: E501 (one flow mapping per line, as the app writes it)


def refusal(text: str) -> SessionFormatError:
    with pytest.raises(SessionFormatError) as info:
        loads_session(text, source="session.yaml")
    return info.value


def test_votes_round_trip_byte_for_byte() -> None:
    session = loads_session(SESSION)
    assert dumps_session(session) == SESSION
    assert [r["id"] for r in session.votes] == ["v1", "v2"]
    assert session.vote_round("v2")["ballots"][0]["source"] == "hands"  # unknown kept


def test_fields_come_back_in_their_fixed_order() -> None:
    shuffled = SESSION.replace(
        "{id: v2, on: findings, dots: 2, ballots:", "{dots: 2, on: findings, id: v2, ballots:"
    ).replace("{voter: C. Beispiel, dots: {p_cost: 3}}", "{dots: {p_cost: 3}, voter: C. Beispiel}")
    assert shuffled != SESSION
    assert dumps_session(loads_session(shuffled)) == SESSION


def test_a_file_without_votes_has_none_and_writes_none() -> None:
    text = SESSION[: SESSION.index("votes:")]
    session = loads_session(text)
    assert session.votes == []
    assert "votes" not in dumps_session(session)


@pytest.mark.parametrize(
    ("old", "new", "place", "problem"),
    [
        ("votes:\n  - {id: v1,", "votes: 3\nx:\n  - {id: v1,", "votes", "must be a list"),
        ("on: priorities", "on: roles", "votes[0].on", "must be priorities or findings"),
        ("dots: 3, date", "dots: 0, date", "votes[0].dots", "from 1 to 99"),
        (
            "{p_fcr: 2, p_cost: 1}",
            "{p_fcr: 2, p_cost: 2}",
            "votes[0].ballots[0].dots",
            "gives more dots in all (4) than each participant has (3)",
        ),
        ("{p_cost: 3}", "{p_cost: -1}", "votes[0].ballots[1].dots.p_cost", "from 0 to 3"),
        ("C. Beispiel", "B. Muster", "votes[0].ballots[1].voter", "voted already"),
        (
            "{p_cost: 3}",
            "{p cost: 3}",
            "votes[0].ballots[1].dots['p cost']",
            "is not the id of a priority",
        ),
        (
            "no-owner x_refund: 5",
            "no-owner: 5",
            "votes[1].ballots[0].dots.no-owner",
            "is not a finding written as its code",
        ),
        ("id: v2", "id: v1", "votes[1].id", "already the id of votes[0]"),
        ("accepted: true", "accepted: yes please", "votes[0].accepted", "true or false"),
    ],
)
def test_a_wrong_vote_is_refused_naming_its_place(
    old: str, new: str, place: str, problem: str
) -> None:
    assert old in SESSION
    error = refusal(SESSION.replace(old, new, 1))
    message = error.message("en")
    assert place in message and problem in message, message
    assert "Traceback" not in message


def test_the_refusal_reads_in_german_too() -> None:
    error = refusal(SESSION.replace("{p_fcr: 2, p_cost: 1}", "{p_fcr: 2, p_cost: 2}"))
    assert "vergibt insgesamt mehr Punkte (4), als jede Person hat (3)" in error.message("de")
