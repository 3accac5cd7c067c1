"""Numbers the app cannot handle are refused at their place; places are named right; the
reader's memory follows the file's size (issue #18, items 2, 6, 9 and 13)."""

from __future__ import annotations

import tracemalloc

import pytest

from workshop_app.domain import AddNode, DomainError, NodeKind, Session, SetNodeFields
from workshop_app.domain.kinds import LARGEST_WHOLE_NUMBER, POSITION_LIMIT
from workshop_app.fileformat import SessionFormatError, dumps_session, loads_session, parse_yaml

HEADER = "format: workshop-session\nversion: 1\n"


def refusal(text: str) -> SessionFormatError:
    with pytest.raises(SessionFormatError) as info:
        loads_session(text, "s.yaml")
    return info.value


def node(fields: str) -> str:
    return HEADER + f"nodes:\n  - {{id: p1, kind: priority, label: A{fields}}}\nedges: []\n"


@pytest.mark.parametrize(
    "number",
    ["9" * 400, "-" + "9" * 400, "100000001", "1.0e9"],
    ids=["400 digits", "minus 400 digits", "limit + 1", "1e9"],
)
def test_a_position_beyond_the_limit_is_refused_at_its_place(number: str) -> None:
    error = refusal(node(f", position: [0, {number}]"))
    assert error.line == 4 and error.field == "nodes[0].position[1]"
    assert "a position may be at most 100000000 from the centre" in str(error)
    assert len(str(error)) < 200
    assert "höchstens 100000000 vom Mittelpunkt" in error.message("de")


def test_a_position_at_the_limit_loads_and_saves_back() -> None:
    text = node(f", position: [{POSITION_LIMIT}, {-POSITION_LIMIT}.0]")
    assert dumps_session(loads_session(text)) == text


@pytest.mark.parametrize("rank", [2**31, 10**400], ids=["2**31", "10**400"])
def test_a_rank_beyond_what_the_window_can_edit_is_refused(rank: int) -> None:
    error = refusal(node(f", rank: {rank}"))
    assert error.field == "nodes[0].rank" and error.line == 4
    assert "must be a whole number from 1 to 2147483647" in str(error)
    assert len(str(error)) < 160


def test_the_largest_rank_loads_and_saves_back() -> None:
    text = node(f", rank: {LARGEST_WHOLE_NUMBER}")
    assert dumps_session(loads_session(text)) == text


def test_an_edit_cannot_set_a_rank_the_file_would_refuse() -> None:
    session = Session()
    session.apply(AddNode("p1", NodeKind.PRIORITY, "A", {"rank": 1}))
    with pytest.raises(DomainError):
        session.apply(SetNodeFields("p1", {"rank": LARGEST_WHOLE_NUMBER + 1}))
    assert session.graph.nodes["p1"]["rank"] == 1


def test_a_huge_version_is_shown_by_its_beginning() -> None:
    error = refusal("format: workshop-session\nversion: " + "7" * 4000 + "\n")
    assert error.field == "version"
    assert "7" * 40 + "…" in str(error) and "7" * 41 not in str(error)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_line_numbers_count_the_lines_an_editor_shows(separator: str) -> None:
    text = node(f', notes: "eins{separator}zwei{separator}drei"') + "extra: {a: 1, a: 2}\n"
    error = refusal(text)
    assert error.line == 6 and error.field == "extra.a"
    later = node(f', notes: "a{separator}b"').replace("edges: []", "edges: [{source: x}]")
    assert refusal(later).line == 5


def test_the_line_of_a_refused_field_is_found_after_many_separators() -> None:
    notes = "\u2028".join(["x"] * 50)
    nodes = "".join(
        f'  - {{id: p{i}, kind: priority, label: P, notes: "{notes}"}}\n' for i in range(30)
    )
    text = HEADER + "nodes:\n" + nodes + "  - {id: r1, kind: role, label: R, load: 300}\n"
    error = refusal(text)
    assert (error.line, error.field) == (34, "nodes[30].load")


def _head() -> str:
    return HEADER + "nodes: []\nedges: []\n"


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param(lambda n: ",".join(["a"] * (n // 2)), id="wide list"),
        pytest.param(lambda n: ",".join(["[" * 60 + "]" * 60] * (n // 121)), id="deep lists"),
        pytest.param(lambda n: ",".join(["{a: 1}"] * (n // 7)), id="wide mappings"),
        pytest.param(
            lambda n: ",".join(["{a: " * 60 + "1" + "}" * 60] * (n // 250)), id="deep mappings"
        ),
    ],
)
def test_reading_takes_memory_in_proportion_to_the_file(extra: object) -> None:
    """Half a MiB: once 60-210 times its size in memory (8 MiB: 2.5 GB); now under 56."""
    text = _head() + "extra: [" + extra(2**19) + "]\n"  # type: ignore[operator]
    tracemalloc.start()
    try:
        data, _lines = parse_yaml(text)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data["extra"]
    assert peak < 56 * len(text)
