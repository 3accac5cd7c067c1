"""The walked cases and the delegation board, as sections of the protocol model.

*Walked cases* tells each sample case the group walked through the map —
what it was, the way it took, who decided after how long, or where it
stalled and why — in the sentences the window uses. *Delegation board*
shows how far each decision is delegated today and where the group wants
it, on the seven levels, with the gap; a responsibility delegated on paper
but re-confirmed in practice is marked.
"""

from __future__ import annotations

from workshop_app.cases import LEVEL_NAMES, level_meaning, level_name, walk_case
from workshop_app.cases.words import case_summary, outcome_words, step_sentences
from workshop_app.domain import NodeKind
from workshop_app.protocol.facts import DASH, Facts
from workshop_app.protocol.model import (
    Block,
    Cell,
    Column,
    Heading,
    Item,
    ItemList,
    Note,
    Paragraph,
    Section,
    Span,
    table,
)

__all__ = ["cases_section", "delegation_section"]

#: From this many cases the section is one table, not a page of paragraphs.
MANY_CASES = 12
TODAY, TARGET, BOTH = "●", "○", "◉"


def cases_section(facts: Facts) -> Section | None:
    """Each walked case: what it is, its way through the map, the outcome and the wait."""
    session, _, language = facts.session, facts._, facts.language
    if not session.cases:
        return None
    walks = [(case, walk_case(session, case)) for case in session.cases]
    decided = sum(walk.decided for _case, walk in walks)
    lead = _("{cases} walked through the map: {decided} decided, {stalled} stalled.").format(
        cases=facts.n_(len(walks), "case"), decided=decided, stalled=len(walks) - decided
    )
    blocks: list[Block] = [Paragraph(lead, style="lead")]
    if len(walks) >= MANY_CASES:
        blocks.append(_cases_table(facts, walks))
        return Section("cases", _("Walked cases"), tuple(blocks))
    for case, walk in walks:
        blocks.append(Heading(str(case["title"]), level=3))
        blocks.append(Paragraph(case_summary(session, case, language)))
        steps = step_sentences(session, walk, language)
        if steps:
            blocks.append(ItemList(tuple(Item(step) for step in steps), numbered=True))
        verdict = _("Decided:") if walk.decided else _("Stalled:")
        tone = "good" if walk.decided else "alert"
        outcome = outcome_words(session, walk, language)
        blocks.append(Paragraph((Span(verdict, strong=True, tone=tone), " ", outcome)))
        if isinstance(case.get("notes"), str) and case["notes"].strip():
            blocks.append(Note(facts.brief(case["notes"], str(case["title"]))))
    return Section("cases", _("Walked cases"), tuple(blocks))


def _cases_table(facts: Facts, walks: list) -> Block:
    session, _, language = facts.session, facts._, facts.language
    rows = []
    for case, walk in walks:
        path = " → ".join(facts.label(role) for role in walk.path) or DASH
        verdict = _("decided") if walk.decided else _("stalled")
        rows.append(
            [
                Cell(str(case["title"]), (case_summary(session, case, language),)),
                path,
                Cell(
                    verdict,
                    (outcome_words(session, walk, language),),
                    tone="good" if walk.decided else "alert",
                ),
            ]
        )
    columns = (Column(_("Case"), 0.3), Column(_("Way"), 0.3), Column(_("Outcome"), 0.4))
    return table(columns, rows)


def delegation_section(facts: Facts) -> Section | None:
    """The delegation board: today's level and the target of each responsibility, and the gap."""
    _, language = facts._, facts.language
    graph = facts.graph
    nodes = [
        node
        for node in facts.session.nodes_of_kind(NodeKind.RESPONSIBILITY)
        if _level(graph.nodes[node].get("delegation"))
        or _level(graph.nodes[node].get("delegation_target"))
    ]
    if not nodes:
        return None
    nodes.sort(key=lambda node: (facts.label(node).casefold(), node))
    mismatch = {f.subjects[0] for f in facts.findings if f.code == "delegation-mismatch"}
    columns = (
        Column(_("Responsibility"), 0.37),
        *(Column(str(level), 0.07, centred=True) for level in range(1, 8)),
        Column(_("Gap"), 0.14, centred=True),
    )
    if facts.large:
        blocks = _board_summary(facts, nodes, mismatch)
        return Section("delegation", _("Delegation board"), tuple(blocks))
    rows = [_board_row(facts, node, node in mismatch) for node in nodes]
    legend = _("{today} today · {target} the target · {both} reached.").format(
        today=TODAY, target=TARGET, both=BOTH
    )
    levels = ItemList(
        tuple(
            Item(
                (
                    Span(f"{level} {level_name(level, language)}", strong=True),
                    ": ",
                    level_meaning(level, language),
                )
            )
            for level in range(1, len(LEVEL_NAMES) + 1)
        )
    )
    blocks: list[Block] = [
        Note(legend),
        table(columns, rows, matrix=True),
        Heading(_("The seven levels")),
        levels,
    ]
    return Section("delegation", _("Delegation board"), tuple(blocks))


def _board_summary(facts: Facts, nodes: list[str], mismatch: set[str]) -> list[Block]:
    """A large map: how many responsibilities stand at each level today and aim at each."""
    _, graph = facts._, facts.graph
    columns = (
        Column("", 0.3),
        *(
            Column(f"{level} {level_name(level, facts.language)}", 0.1, centred=True, narrow=True)
            for level in range(1, 8)
        ),
    )
    rows = []
    for title, field in ((_("today"), "delegation"), (_("target"), "delegation_target")):
        levels = [_level(graph.nodes[node].get(field)) for node in nodes]
        rows.append([Cell(title, strong=True), *(str(levels.count(n) or "") for n in range(1, 8))])
    behind = sum(
        1
        for node in nodes
        if (today := _level(graph.nodes[node].get("delegation")))
        and (target := _level(graph.nodes[node].get("delegation_target")))
        and today < target
    )
    lead = _("{count} with a delegation level; {behind} not yet at their target.").format(
        count=facts.n_(len(nodes), "responsibility"), behind=behind
    )
    blocks: list[Block] = [Paragraph(lead), table(columns, rows, label_column=True)]
    paper = sorted((facts.label(node) for node in nodes if node in mismatch), key=str.casefold)
    if paper:
        title = _("Delegated on paper, re-confirmed in practice")
        blocks.append(Paragraph((Span(title + ": ", strong=True), facts.listed(title, paper))))
    return blocks


def _board_row(facts: Facts, node: str, mismatch: bool) -> list[Cell | str]:
    _ = facts._
    attrs = facts.graph.nodes[node]
    today, target = _level(attrs.get("delegation")), _level(attrs.get("delegation_target"))
    details = (_("delegated on paper, re-confirmed in practice"),) if mismatch else ()
    row: list[Cell | str] = [Cell(facts.label(node), details, tone="warning" if mismatch else None)]
    low, high = sorted((today or 0, target or 0))
    for level in range(1, 8):
        mark = BOTH if level == today == target else TODAY if level == today else ""
        mark = mark or (TARGET if level == target else "")
        between = bool(today and target) and low < level < high
        row.append(Cell(mark, strong=bool(mark), shade=between, centred=True))
    if today and target:
        row.append(Cell(_("reached") if today == target else f"{target - today:+d}", centred=True))
    else:
        row.append(Cell(DASH, centred=True))
    return row


def _level(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
