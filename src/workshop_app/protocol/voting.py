"""Dot voting, as a section of the protocol model: each round's result and what came of it.

For each round: what the group voted on, how many voted with how many dots,
the items with their dots, most first, and whether the group took the order
into the ranks.
"""

from __future__ import annotations

from typing import Any

from workshop_app.domain.votes import finding_item
from workshop_app.protocol.facts import Facts
from workshop_app.protocol.model import Block, Cell, Column, Heading, Paragraph, Section, table
from workshop_app.voting import tally, voters

__all__ = ["voting_section"]


def voting_section(facts: Facts) -> Section | None:
    """The rounds of dot voting, in the order they were held; none without rounds."""
    _ = facts._
    if not facts.session.votes:
        return None
    messages = {finding_item(f.code, f.subjects): f.message for f in facts.findings}
    blocks: list[Block] = []
    for round_ in facts.session.votes:
        blocks.extend(_round_blocks(facts, round_, messages))
    return Section("voting", _("Dot voting"), tuple(blocks))


def _round_blocks(facts: Facts, round_: dict[str, Any], messages: dict[str, str]) -> list[Block]:
    _, n_ = facts._, facts.n_
    on_priorities = round_["on"] == "priorities"
    title = _("Vote on the priorities") if on_priorities else _("Vote on the open findings")
    if round_.get("date"):
        title += f" ({facts.date(round_['date'])})"
    named = voters(round_)
    if named:
        lead = _("{people} voted, {dots} each.").format(
            people=n_(named, "participant"), dots=n_(round_["dots"], "dot")
        )
    else:
        lead = _("The room voted by a show of hands.")
    if on_priorities:
        lead += " " + (
            _("The group took the order into the ranks.")
            if round_.get("accepted")
            else _("The group did not take the order into the ranks.")
        )
    labels = None if on_priorities else _offered_messages(round_, messages)
    rows = [
        (Cell(row.label), Cell(str(row.dots), strong=True, centred=True))
        for row in tally(facts.session, round_, labels)
        if row.dots
    ]
    columns = (Column(_("Voted on"), 4.0), Column(_("Dots"), 1.0, centred=True, narrow=True))
    blocks: list[Block] = [Heading(title, level=3), Paragraph(lead)]
    if rows:
        blocks.append(table(columns, rows))
    else:
        blocks.append(Paragraph(_("No dots were given.")))
    return blocks


def _offered_messages(round_: dict[str, Any], messages: dict[str, str]) -> dict[str, str]:
    """The findings' messages for the items of this round that are still found."""
    items = {item for ballot in round_.get("ballots", ()) for item in ballot.get("dots", {})}
    return {item: messages[item] for item in items if item in messages}
