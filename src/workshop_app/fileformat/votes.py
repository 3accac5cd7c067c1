"""Loading the rounds of dot voting: the optional top-level ``votes`` list.

Called by :func:`~workshop_app.fileformat.schema.build_session`; each round
is checked as :mod:`workshop_app.domain.votes` describes it, and the first
problem is refused naming its place (``votes[0].ballots[2].dots.p_fcr``).
Items are not checked against the map: a round is a record of what the
group said, and a priority may have left the map since.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop_app.domain.kinds import FieldSpec
from workshop_app.domain.votes import (
    MAX_DOTS,
    MAX_HANDS,
    TOPICS,
    VOTE_ROUND_FIELDS,
    item_problem,
)
from workshop_app.fileformat.errors import show

if TYPE_CHECKING:
    from workshop_app.fileformat.schema import _Checker

__all__ = ["read_votes"]

_TEXT = FieldSpec("text", "text")
_FLAG = FieldSpec("accepted", "bool")
_DOTS = FieldSpec("dots", "int", 1, MAX_DOTS)

Path = tuple[Any, ...]


def read_votes(check: _Checker, items: list[Any]) -> list[dict[str, Any]]:
    """The checked rounds of votes, in the file's order; null known fields left out."""
    first: dict[str, int] = {}
    rounds = []
    for index, item in enumerate(items):
        path = ("votes", index)
        check.mapping(path, item)
        round_id = check.node_id((*path, "id"), item.get("id"))
        if round_id in first:
            check.fail(
                (*path, "id"),
                "{value} is already the id of votes[{other}]",
                value=show(round_id),
                other=first[round_id],
            )
        first[round_id] = index
        _round(check, path, item)
        rounds.append(
            {k: v for k, v in item.items() if k not in VOTE_ROUND_FIELDS or v is not None}
        )
    return rounds


def _round(check: _Checker, path: Path, item: dict[str, Any]) -> None:
    """Check a round's own fields, then its ballots."""
    topic = item.get("on")
    if topic not in TOPICS:
        check.fail((*path, "on"), "must be priorities or findings, not {value}", value=show(topic))
    if item.get("dots") is None:
        check.fail((*path, "dots"), "is missing")
    check.field((*path, "dots"), _DOTS, item["dots"])
    for name, spec in (("date", _TEXT), ("accepted", _FLAG)):
        if item.get(name) is not None:
            check.field((*path, name), spec, item[name])
    ballots = item.get("ballots") or []
    if ballots.__class__ is not list:
        check.fail((*path, "ballots"), "must be a list, not {value}", value=show(ballots))
    _ballots(check, (*path, "ballots"), ballots, topic, item["dots"])


def _ballots(check: _Checker, path: Path, ballots: list[Any], topic: str, dots: int) -> None:
    voters: dict[str, int] = {}
    for index, ballot in enumerate(ballots):
        here = (*path, index)
        check.mapping(here, ballot)
        voter = ballot.get("voter")
        if voter is not None:
            check.field((*here, "voter"), _TEXT, voter)
            name = voter.strip().casefold()
            if name in voters:
                check.fail(
                    (*here, "voter"),
                    "{value} voted already in this round (ballots[{other}])",
                    value=show(voter),
                    other=voters[name],
                )
            voters[name] = index
        given = ballot.get("dots")
        if given is None:
            continue
        check.mapping((*here, "dots"), given)
        limit = FieldSpec("dots", "int", 0, dots if voter is not None else MAX_HANDS)
        for item, count in given.items():
            wrong = item_problem(topic, item) is not None
            if wrong and topic == "priorities":
                check.fail((*here, "dots", item), "is not the id of a priority")
            if wrong:
                check.fail(
                    (*here, "dots", item),
                    "is not a finding written as its code and subjects ('no-owner x_goodwill')",
                )
            check.field((*here, "dots", item), limit, count)
        if voter is not None and sum(given.values()) > dots:
            check.fail(
                (*here, "dots"),
                "gives more dots in all ({given}) than each participant has ({dots})",
                given=sum(given.values()),
                dots=dots,
            )
