"""Roles and the RACI matrix.

The roles table says of each role its load, who stands in for it, whom it
stands in for, what it is accountable for and where else it takes part.
The RACI matrix (responsibilities down, roles across) comes in parts of at
most :data:`ROLES_PER_PART` roles, each listing only the responsibilities
with an entry among its roles: no empty rows. Roles keep the map's order in
every part. A map with more roles than :data:`MATRIX_MAX_ROLES` gets no
matrix: on paper it would be pages of near-empty columns; the roles table
carries what each role does instead.
"""

from __future__ import annotations

from collections import defaultdict

from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.protocol.facts import DASH, Facts
from workshop_app.protocol.model import (
    Block,
    Cell,
    Column,
    Heading,
    Note,
    Paragraph,
    Section,
    table,
)

__all__ = ["MATRIX_MAX_ROLES", "ROLES_PER_PART", "raci_section", "roles_section"]

ROLES_PER_PART = 10
MATRIX_MAX_ROLES = 3 * ROLES_PER_PART
_LETTERS = {
    EdgeKind.ACCOUNTABLE: "A",
    EdgeKind.RESPONSIBLE: "R",
    EdgeKind.CONSULTED: "C",
    EdgeKind.INFORMED: "I",
}

Letters = dict[tuple[str, str], str]


def letters(facts: Facts) -> Letters:
    """The matrix's cells: (responsibility, role) → "A", "A/R"…"""
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for role, target, key in facts.graph.edges(keys=True):
        letter = _LETTERS.get(key)
        if letter and facts.session.kind(target) is NodeKind.RESPONSIBILITY:
            cells[target, role].append(letter)
    return {place: "/".join(sorted(found, key="ARCI".index)) for place, found in cells.items()}


def _load_cell(facts: Facts, role: str) -> Cell:
    load = facts.graph.nodes[role].get("load")
    if not isinstance(load, int) or isinstance(load, bool):
        return Cell(DASH, centred=True)
    if load >= 90:
        return Cell(f"{load}\u00a0%", (facts._("no buffer"),), strong=True, tone="warning")
    return Cell(f"{load}\u00a0%")


def _involved(facts: Facts, role: str) -> str:
    """ "R: Kulanz, Rückruf · C: Beschwerde" for the role's R, C and I entries."""
    parts = []
    for kind in (EdgeKind.RESPONSIBLE, EdgeKind.CONSULTED, EdgeKind.INFORMED):
        names = [facts.label(t) for t in facts.targets(role, kind)]
        if names and facts.large:  # a large map: how many, not which
            parts.append(f"{_LETTERS[kind]}\u00a0{len(names)}")
        elif names:
            parts.append(f"{_LETTERS[kind]}: {facts.few(names)}")
    return " · ".join(parts) or DASH


def _owned(facts: Facts, role: str) -> str:
    """What the role is accountable for: the names, or on a large map how many."""
    owned = facts.targets(role, EdgeKind.ACCOUNTABLE)
    if facts.large:
        return str(len(owned)) if owned else DASH
    return facts.few([facts.label(t) for t in owned])


def roles_section(facts: Facts) -> Section:
    """Each role's load, deputies, what it owns and where else it takes part."""
    _ = facts._
    roles = facts.session.nodes_of_kind(NodeKind.ROLE)
    if not roles:
        return Section("roles", _("Roles"), (Paragraph(_("No roles on the map.")),))
    rows = []
    for role in roles:
        notes = facts.notes(role)
        rows.append(
            [
                Cell(facts.label(role), (notes,) if notes else ()),
                _load_cell(facts, role),
                facts.labels(facts.sources(role, EdgeKind.DEPUTY_OF)) or DASH,
                facts.labels(facts.targets(role, EdgeKind.DEPUTY_OF)) or DASH,
                _owned(facts, role),
                _involved(facts, role),
            ]
        )
    columns = (
        Column(_("Role"), 0.2),
        Column(_("Load"), 0.09, centred=True),
        Column(_("Deputy"), 0.14),
        Column(_("Stands in for"), 0.14),
        Column(_("Accountable for"), 0.22),
        Column(_("Also involved"), 0.21),
    )
    key = _("R responsible · C consulted · I informed. Load: share of capacity in use.")
    if facts.large:
        key += " " + _("The numbers say in how many responsibilities.")
    blocks: list[Block] = [
        Note(key),
        table(columns, rows),
    ]
    wide = not facts.large  # a large map's roles table holds numbers: portrait suits it
    return Section("roles", _("Roles"), tuple(blocks), landscape=wide, new_page=wide)


def _rows(responsibilities: list[str], group: list[str], found: Letters) -> list[str]:
    """The responsibilities with an entry in ``group``, by their leftmost entry.

    Sorting by the leftmost column puts the letters on a rough diagonal,
    which the eye follows more easily than a scatter.
    """
    keyed = []
    for position, responsibility in enumerate(responsibilities):
        columns = [i for i, role in enumerate(group) if (responsibility, role) in found]
        if columns:
            keyed.append((columns[0], position, responsibility))
    return [responsibility for *_, responsibility in sorted(keyed)]


def _part(facts: Facts, found: Letters, responsibilities: list[str], group: list[str]) -> Block:
    rows = []
    for responsibility in _rows(responsibilities, group, found):
        cells = []
        for role in group:
            letter = found.get((responsibility, role), "")
            cells.append(Cell(letter, strong=True, centred=True, shade=letter.startswith("A")))
        rows.append([facts.label(responsibility), *cells])
    share = 0.74 / max(len(group), 4)
    columns = (
        Column(facts._("Responsibility"), 0.26),
        *(Column(facts.label(role), share, centred=True, narrow=True) for role in group),
    )
    return table(columns, rows, matrix=True)


def raci_section(facts: Facts) -> Section:
    """The RACI matrix in parts of at most :data:`ROLES_PER_PART` roles."""
    _ = facts._
    found = letters(facts)
    responsibilities = facts.session.nodes_of_kind(NodeKind.RESPONSIBILITY)
    used = {role for _r, role in found}
    roles = [r for r in facts.session.nodes_of_kind(NodeKind.ROLE) if r in used]
    title = _("RACI matrix")
    if not responsibilities or not roles:
        blocks: tuple[Block, ...] = (Paragraph(_("No roles have RACI entries yet.")),)
        return Section("raci", title, blocks)
    if len(roles) > MATRIX_MAX_ROLES:
        text = _(
            "With {roles} the matrix would be pages of nearly empty columns. The roles table"
            " says what each role is accountable for and where it takes part; the window's"
            " RACI view shows the whole matrix."
        ).format(roles=facts.n_(len(roles), "role"))
        return Section("raci", title, (Paragraph(text),))
    blocks_list: list[Block] = [Note(_("A accountable · R responsible · C consulted · I informed"))]
    parts = [roles[i : i + ROLES_PER_PART] for i in range(0, len(roles), ROLES_PER_PART)]
    for number, group in enumerate(parts, start=1):
        if len(parts) > 1:
            heading = _("Part {number} of {parts}").format(number=number, parts=len(parts))
            blocks_list.append(Heading(heading, level=3))
        blocks_list.append(_part(facts, found, responsibilities, group))
    unassigned = [r for r in responsibilities if not any((r, role) in found for role in roles)]
    if unassigned:
        text = _("No RACI entries yet: {labels}").format(labels=facts.labels(unassigned))
        blocks_list.append(Note(text))
    return Section("raci", title, tuple(blocks_list), landscape=True, new_page=True)
