"""Dot voting: the group's rounds of votes, and the operations that record them.

A round asks the group about the priorities or about the open findings;
each participant has ``dots`` dots to spread over them. A round is saved in
the session file's optional top-level ``votes`` list::

    votes:
      - {id: v1, on: priorities, dots: 3, ballots: [{voter: Ana, dots: {p_fcr: 2, p_cost: 1}}]}

A ballot with a ``voter`` is one person's (pass the laptop): at most
``dots`` dots in all. A ballot without one is the room's show of hands: how
many hands went up for each item, typed in by the facilitator. Items are
node ids (priorities) or findings written as ``"code subject subject"``.
A round is a record of what the group said: an item that left the map
later stays in it, shown by its id. ``accepted: true`` records that the
group took the proposed order into the ranks.

Examples
--------
>>> from workshop_app.domain import Session
>>> session = Session()
>>> undo = session.apply(InsertVoteRound(0, {"id": "v1", "on": "priorities", "dots": 3}))
>>> session.vote_round("v1")["dots"]
3
>>> _ = session.apply(undo)
>>> session.votes
[]
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workshop_app.domain.change import Change
from workshop_app.domain.errors import DomainError
from workshop_app.domain.kinds import check_id
from workshop_app.domain.operations import Operation

if TYPE_CHECKING:
    from workshop_app.domain.session import Session

__all__ = [
    "BALLOT_FIELDS",
    "MAX_DOTS",
    "MAX_HANDS",
    "TOPICS",
    "VOTE_ROUND_FIELDS",
    "DeleteVoteRound",
    "InsertVoteRound",
    "ReplaceVoteRound",
    "ballot_problem",
    "finding_item",
    "item_problem",
    "parse_finding_item",
    "vote_round_problem",
]

#: A round's known fields and a ballot's, in the order they are saved.
VOTE_ROUND_FIELDS = ("id", "on", "dots", "date", "accepted", "ballots")
BALLOT_FIELDS = ("voter", "dots")
#: What a round can be about.
TOPICS = ("priorities", "findings")
#: The most dots one person can have in a round.
MAX_DOTS = 99
#: The most hands counted for one item (a large room, not a typo of 100000).
MAX_HANDS = 9_999

_CODE = re.compile(r"[a-z][a-z0-9-]*")


def finding_item(code: str, subjects: tuple[str, ...] | list[str]) -> str:
    """How a round names a finding: ``"no-owner x_goodwill"``.

    Examples
    --------
    >>> finding_item("priority-tie", ["p_b", "p_a"])
    'priority-tie p_a p_b'
    """
    return " ".join((code, *sorted(subjects)))


def parse_finding_item(item: str) -> tuple[str, tuple[str, ...]]:
    """The code and subjects a finding item names (see :func:`finding_item`)."""
    code, *subjects = item.split(" ")
    return code, tuple(subjects)


def item_problem(topic: str, item: Any) -> str | None:
    """Why ``item`` cannot be voted on in a round about ``topic``, or ``None``."""
    if topic == "priorities":
        problem = check_id(item)
        return None if problem is None else f"must be a priority's id: {problem}"
    if not isinstance(item, str) or not _CODE.fullmatch(parse_finding_item(item)[0]):
        return "must be a finding written as its code and subjects, like 'no-owner x_goodwill'"
    subjects = parse_finding_item(item)[1]
    if not subjects or any(check_id(subject) for subject in subjects):
        return "must name the finding's subjects by their ids after its code"
    return None


def _count(value: Any, maximum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= maximum


def ballot_problem(ballot: Any, topic: str, dots: int) -> str | None:
    """Why ``ballot`` cannot be a ballot of a round (``field: problem``), or ``None``."""
    if not isinstance(ballot, Mapping):
        return "must be a mapping like {voter: name, dots: {item: count}}"
    voter = ballot.get("voter")
    if voter is not None and (not isinstance(voter, str) or not voter.strip()):
        return "voter: must be a name"
    given = ballot.get("dots", {})
    if not isinstance(given, Mapping):
        return "dots: must be a mapping of items to counts"
    limit = dots if voter is not None else MAX_HANDS
    for item, count in given.items():
        if problem := item_problem(topic, item):
            return f"dots: {item!r} {problem}"
        if not _count(count, limit):
            return f"dots: {item}: must be a whole number from 0 to {limit}"
    if voter is not None and sum(given.values()) > dots:
        return f"dots: {voter} gave {sum(given.values())} dots, {dots} are allowed"
    return None


def vote_round_problem(round_: Any) -> str | None:
    """Why ``round_`` cannot be a round of votes (``field: problem``), or ``None``."""
    if not isinstance(round_, Mapping):
        return "must be a mapping like {id: v1, on: priorities, dots: 3}"
    if problem := check_id(round_.get("id")):
        return f"id: {problem}"
    topic = round_.get("on")
    if topic not in TOPICS:
        return f"on: must be one of {', '.join(TOPICS)}, not {topic!r}"
    dots = round_.get("dots")
    if not _count(dots, MAX_DOTS) or dots < 1:
        return f"dots: must be a whole number from 1 to {MAX_DOTS}, not {dots!r}"
    if round_.get("date") is not None and not isinstance(round_["date"], str):
        return "date: must be text"
    if round_.get("accepted") not in (None, True, False):
        return "accepted: must be true or false"
    ballots = round_.get("ballots", [])
    if not isinstance(ballots, list | tuple):
        return "ballots: must be a list"
    voters: set[str] = set()
    for index, ballot in enumerate(ballots):
        if problem := ballot_problem(ballot, topic, dots):
            return f"ballots[{index}]: {problem}"
        voter = ballot.get("voter")
        if voter is not None and voter.strip().casefold() in voters:
            return f"ballots[{index}]: voter: {voter.strip()} voted already in this round"
        if voter is not None:
            voters.add(voter.strip().casefold())
    return None


def _stored(round_: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy with plain lists and dicts (as the file holds them)."""
    stored = copy.deepcopy(dict(round_))
    if "ballots" in stored:
        stored["ballots"] = [dict(b) for b in stored["ballots"]]
        for ballot in stored["ballots"]:
            if "dots" in ballot:
                ballot["dots"] = dict(ballot["dots"])
    return stored


def _checked(round_: Mapping[str, Any]) -> dict[str, Any]:
    if problem := vote_round_problem(round_):
        raise DomainError(problem)
    return _stored(round_)


def _index(session: Session, round_id: str) -> int:
    for index, round_ in enumerate(session.votes):
        if round_.get("id") == round_id:
            return index
    raise DomainError(f"no round of votes {round_id!r}")


@dataclass(frozen=True)
class InsertVoteRound(Operation):
    """Insert ``round`` at ``index`` among the rounds (``len(votes)`` appends)."""

    index: int
    round: Mapping[str, Any]

    def apply(self, session: Session) -> Operation:
        if not 0 <= self.index <= len(session.votes):
            raise DomainError(f"no place {self.index} among the rounds of votes")
        round_ = _checked(self.round)
        if session.vote_round(round_["id"]) is not None:
            raise DomainError(f"id: {round_['id']!r} is already the id of a round")
        session.votes.insert(self.index, round_)
        return DeleteVoteRound(round_["id"])

    @property
    def change(self) -> Change:
        return Change(votes=frozenset((str(self.round.get("id")),)))


@dataclass(frozen=True)
class DeleteVoteRound(Operation):
    round_id: str

    def apply(self, session: Session) -> Operation:
        index = _index(session, self.round_id)
        return InsertVoteRound(index, session.votes.pop(index))

    @property
    def change(self) -> Change:
        return Change(votes=frozenset((self.round_id,)))


@dataclass(frozen=True)
class ReplaceVoteRound(Operation):
    """Put ``round`` (with the same id) in the place of the round ``round_id``."""

    round_id: str
    round: Mapping[str, Any]

    def apply(self, session: Session) -> Operation:
        index = _index(session, self.round_id)
        if self.round.get("id") != self.round_id:
            raise DomainError("id: cannot be changed")
        old = session.votes[index]
        session.votes[index] = _checked(self.round)
        return ReplaceVoteRound(self.round_id, old)

    @property
    def change(self) -> Change:
        return Change(votes=frozenset((self.round_id,)))
