"""A session from a RACI matrix: roles across the first row, responsibilities
down the first column, letters A/R/C/I in the cells.

Letters may come in any case and with separators (``A/R``, ``r, c``, ``AR``);
empty cells are ignored; any other content is refused naming its cell, and
nothing is imported. The corner cell (``A1``) is free for a title.

Examples
--------
>>> session = session_from_grid(
...     [["RACI", "Teamleitung", "Servicekraft"],
...      ["Kulanz", "A", "r, c"],
...      ["Beschwerden", None, "A/R"]], source="raci.csv", language="de")
>>> edges = session.graph.edges(keys=True)
>>> sorted(edges)  # doctest: +NORMALIZE_WHITESPACE
[('r_servicekraft', 'x_beschwerden', 'accountable'),
 ('r_servicekraft', 'x_beschwerden', 'responsible'),
 ('r_servicekraft', 'x_kulanz', 'consulted'),
 ('r_servicekraft', 'x_kulanz', 'responsible'),
 ('r_teamleitung', 'x_kulanz', 'accountable')]
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator

from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session
from workshop_app.fileformat.errors import show
from workshop_app.interchange.errors import ImportRefused
from workshop_app.interchange.spreadsheet import Grid, cell_name

__all__ = ["RACI_LETTERS", "parse_cell", "session_from_grid"]

#: The matrix's letters and the relation each stands for.
RACI_LETTERS: dict[str, EdgeKind] = {
    "A": EdgeKind.ACCOUNTABLE,
    "R": EdgeKind.RESPONSIBLE,
    "C": EdgeKind.CONSULTED,
    "I": EdgeKind.INFORMED,
}
_SEPARATORS = re.compile(r"[\s/,;+&|]+")
_ID_MAX = 40
_GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def parse_cell(text: str) -> list[EdgeKind] | None:
    """The relations a cell names, in RACI order; ``None`` if it names anything else.

    Examples
    --------
    >>> [k.value for k in parse_cell("r, a")]
    ['accountable', 'responsible']
    >>> parse_cell("A/R") == parse_cell("AR") == parse_cell(" a + r ")
    True
    >>> parse_cell("X") is None, parse_cell("A, ok") is None
    (True, True)
    """
    letters = "".join(_SEPARATORS.split(text)).upper()
    if not letters or any(letter not in RACI_LETTERS for letter in letters):
        return None
    return [kind for letter, kind in RACI_LETTERS.items() if letter in letters]


def session_from_grid(grid: Grid, *, source: str, language: str) -> Session:
    """A new session holding the roles, responsibilities and relations of ``grid``.

    Raises
    ------
    ImportRefused
        Naming the first cell that is neither empty nor RACI letters, a
        header that appears twice, or letters in a row or column without a name.
    """
    roles = _headers(grid[0][1:] if grid else [], source, lambda i: cell_name(0, i + 1))
    duties = _headers([row[0] if row else None for row in grid[1:]], source, _row_cell)
    if not roles and not duties:
        raise ImportRefused("holds no roles or responsibilities", source=source)
    session = Session(meta={"title": _title(source), "language": language})
    role_ids = _add_nodes(session, NodeKind.ROLE, "r", roles)
    duty_ids = _add_nodes(session, NodeKind.RESPONSIBILITY, "x", duties)
    for row, column, kinds in _letters(grid, source):
        role, duty = role_ids.get(column - 1), duty_ids.get(row - 1)
        if role is None or duty is None:
            problem = (
                "holds letters, but no role is named at the top of its column"
                if role is None
                else "holds letters, but no responsibility is named at the start of its row"
            )
            raise ImportRefused(problem, source=source, place=cell_name(row, column))
        for kind in kinds:
            session.apply(AddEdge(role, duty, kind))
    return session


def _row_cell(index: int) -> str:
    return cell_name(index + 1, 0)


def _headers(cells: list[object], source: str, name_of: Callable[[int], str]) -> dict[int, str]:
    """Header labels by position; a label seen twice is refused at its second cell."""
    labels: dict[int, str] = {}
    first_seen: dict[str, str] = {}
    for index, value in enumerate(cells):
        if value is None:
            continue
        label = _text(value)
        key = label.casefold()
        if key in first_seen:
            raise ImportRefused(
                "{label} appears twice (also in {other})",
                source=source,
                place=name_of(index),
                label=show(label),
                other=first_seen[key],
            )
        first_seen[key] = name_of(index)
        labels[index] = label
    return labels


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _letters(grid: Grid, source: str) -> Iterator[tuple[int, int, list[EdgeKind]]]:
    for row_index, row in enumerate(grid[1:], start=1):
        for column, value in enumerate(row[1:], start=1):
            if value is None:
                continue
            kinds = parse_cell(value) if isinstance(value, str) else None
            if kinds is None:
                raise ImportRefused(
                    "{value} is not one of A, R, C, I",
                    source=source,
                    place=cell_name(row_index, column),
                    value=show(value),
                )
            yield row_index, column, kinds


def _add_nodes(
    session: Session, kind: NodeKind, prefix: str, labels: dict[int, str]
) -> dict[int, str]:
    ids: dict[int, str] = {}
    for index, label in labels.items():
        node_id = base = f"{prefix}_{_slug(label) or kind.value}"
        number = 2
        while node_id in session.graph:
            node_id, number = f"{base}_{number}", number + 1
        session.apply(AddNode(node_id, kind, label, {}))
        ids[index] = node_id
    return ids


def _slug(label: str) -> str:
    """A readable id part from a label: ``"Kulanz > 50 €"`` → ``"kulanz_50"``.

    >>> _slug("Qualitätsmanagement & Beschwerden")
    'qualitaetsmanagement_beschwerden'
    """
    spelled = label.lower().translate(_GERMAN_LETTERS)
    ascii_text = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")[:_ID_MAX].rstrip("_")


def _title(source: str) -> str:
    name = re.split(r"[\\/]", source)[-1]
    return name.rsplit(".", 1)[0] or name
