"""The RACI matrix: responsibilities down, roles across, split legibly over pages.

When the roles do not fit across one page, the matrix comes in parts of a
few roles each. Each part lists only the responsibilities with an entry
among its roles, so no page is a sheet of empty cells; responsibilities with
no entry at all stay in the first part, where the gap shows. For such big
matrices the roles are ordered so that roles sharing responsibilities sit
side by side (reverse Cuthill-McKee on the roles that share a row): a
responsibility then tends to appear in one part instead of several, which
on a generated 1,000-node organisation nearly halves the rows printed.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict

import networkx as nx
from reportlab.lib import colors
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import CondPageBreak, Flowable, KeepTogether

from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.i18n import Translator, counted
from workshop_app.protocol.grid import Run, TextCell
from workshop_app.protocol.styles import BOLD, Styles, markup
from workshop_app.protocol.tables import Cell, data_table, head

__all__ = ["raci_flowables"]

_RACI_LETTERS = {
    EdgeKind.ACCOUNTABLE: "A",
    EdgeKind.RESPONSIBLE: "R",
    EdgeKind.CONSULTED: "C",
    EdgeKind.INFORMED: "I",
}
_ACCOUNTABLE_TINT = colors.HexColor("#DCE7F3")
_ROLE_COLUMN_MIN = 58.0
_ROLE_COLUMN_MAX = 120.0
_FIRST_COLUMN_MIN = 150.0
#: Longer role labels are cut in the narrow column head and given in full below.
_HEADER_LABEL_LIMIT = 60

Letters = dict[tuple[str, str], str]


def _letters(session: Session) -> Letters:
    """The matrix's cells: (responsibility, role) → "A", "A/R"…"""
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for role, target, key in session.graph.edges(keys=True):
        letter = _RACI_LETTERS.get(key)
        if letter and session.kind(target) is NodeKind.RESPONSIBILITY:
            cells[target, role].append(letter)
    return {place: "/".join(sorted(found, key="ARCI".index)) for place, found in cells.items()}


def _clustered(roles: list[str], letters: Letters) -> list[str]:
    """``roles`` reordered so that roles sharing responsibilities are neighbours."""
    by_row: dict[str, list[str]] = defaultdict(list)
    for responsibility, role in letters:
        by_row[responsibility].append(role)
    sharing = nx.Graph()
    sharing.add_nodes_from(roles)
    for row_roles in by_row.values():
        sharing.add_edges_from(itertools.combinations(row_roles, 2))
    return list(nx.utils.reverse_cuthill_mckee_ordering(sharing))


def _widths(width: float, roles: int) -> tuple[int, int, float, float]:
    """Parts, roles per part, first column width and role column width."""
    first = max(_FIRST_COLUMN_MIN, width * 0.26)
    per_page = max(1, int((width - first) // _ROLE_COLUMN_MIN))
    parts = math.ceil(roles / per_page)
    per_part = math.ceil(roles / parts)
    column = min(_ROLE_COLUMN_MAX, (width - first) / per_part)
    first = min(width - column * per_part, max(first, width * 0.4))
    return parts, per_part, first, column


def raci_flowables(session: Session, width: float, styles: Styles, _: Translator) -> list[Flowable]:
    """The RACI matrix for a frame ``width`` points wide, in as many parts as it needs."""
    letters = _letters(session)
    responsibilities = session.nodes_of_kind(NodeKind.RESPONSIBILITY)
    used_roles = {role for _, role in letters}
    roles = [role for role in session.nodes_of_kind(NodeKind.ROLE) if role in used_roles]
    if not responsibilities or not roles:
        return [Paragraph(markup(_("No roles have RACI entries yet.")), styles.body)]
    parts, per_part, first, column = _widths(width, len(roles))
    key = _("A accountable · R responsible · C consulted · I informed")
    story: list[Flowable] = [Paragraph(markup(key), styles.small)]
    if parts > 1:
        roles = _clustered(roles, letters)
        note = _(
            "The roles do not fit across one page: the matrix comes in {parts}."
            " Each part lists the responsibilities with an entry for its roles."
        ).format(parts=counted(parts, "part", _.language))
        story.append(Paragraph(markup(note), styles.small))
    unassigned = [r for r in responsibilities if not any((r, role) in letters for role in roles)]
    for index in range(parts):
        group = roles[index * per_part : (index + 1) * per_part]
        rows = _rows(responsibilities, group, letters)
        if index == 0:
            rows += unassigned
        if parts > 1:
            title = _("Part {number} of {parts}").format(number=index + 1, parts=parts)
            story += [CondPageBreak(120), Paragraph(markup(title), styles.h2)]
        story += _part(session, letters, rows, group, (first, column), styles, _)
    return story


def _rows(responsibilities: list[str], group: list[str], letters: Letters) -> list[str]:
    """The responsibilities with an entry in ``group``, by their leftmost entry.

    Sorting by the leftmost column puts the letters on a rough diagonal,
    which the eye follows more easily than a scatter.
    """
    keyed = []
    for position, responsibility in enumerate(responsibilities):
        columns = [i for i, role in enumerate(group) if (responsibility, role) in letters]
        if columns:
            keyed.append((columns[0], position, responsibility))
    return [responsibility for *_, responsibility in sorted(keyed)]


def _header_cells(session: Session, roles: list[str]) -> tuple[list[Cell], list[str]]:
    """Column heads; a label too long for a narrow head is cut and numbered for a footnote."""
    notes: list[str] = []
    cells: list[Cell] = []
    for role in roles:
        label = session.label(role)
        if len(label) > _HEADER_LABEL_LIMIT:
            notes.append(label)
            label = f"{label[: _HEADER_LABEL_LIMIT - 1].rstrip()}… [{len(notes)}]"
        cells.append(head(label, centred=True))
    return cells, notes


def _letter(letter: str) -> TextCell:
    tint = _ACCOUNTABLE_TINT if letter.startswith("A") else None
    return TextCell((Run(letter, BOLD, 9),), centred=True, background=tint)


def _part(
    session: Session,
    letters: Letters,
    rows: list[str],
    roles: list[str],
    widths: tuple[float, float],
    styles: Styles,
    _: Translator,
) -> list[Flowable]:
    header, notes = _header_cells(session, roles)
    body: list[list[Cell]] = [
        [session.label(r), *(_letter(letters.get((r, role), "")) for role in roles)] for r in rows
    ]
    first, column = widths
    table = data_table(
        [_("Responsibility"), *header], body, [first] + [column] * len(roles), rules=True
    )
    footnotes = [
        Paragraph(f"[{number}] {markup(label)}", styles.note)
        for number, label in enumerate(notes, start=1)
    ]
    return [CondPageBreak(120), table, *([KeepTogether(footnotes)] if footnotes else [])]
