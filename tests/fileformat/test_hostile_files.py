"""Every kind of bad file is refused with one message naming its place, nothing else."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workshop_app.fileformat import (
    MAX_FILE_BYTES,
    SessionFormatError,
    dumps_session,
    load_session,
    loads_session,
    parse_yaml,
    session_to_document,
)

HEADER = "format: workshop-session\nversion: 1\n"
NODES = (
    "nodes:\n"
    "  - {id: p1, kind: priority, label: Erstlösung, rank: 1}\n"
    "  - {id: r1, kind: role, label: Servicekraft}\n"
    "  - {id: x1, kind: responsibility, label: Kulanz}\n"
)


def refusal(text: str | bytes) -> SessionFormatError:
    with pytest.raises(SessionFormatError) as info:
        loads_session(text, source="session.yaml")
    return info.value


# (case, file text, line, field, words the message must contain)
CASES = [
    ("not YAML", HEADER + "nodes: [a, b\n", 4, None, "not valid YAML"),
    ("tab indentation", HEADER + "meta:\n\ttitle: x\n", 4, None, "not valid YAML"),
    ("a list", "- format\n- version\n", 1, None, "not a session file"),
    ("a scalar", "hello\n", 1, None, "not a session file"),
    ("empty", "", None, None, "is empty"),
    ("only a comment", "# nothing\n", None, None, "is empty"),
    ("no format", "version: 1\n", 1, "format", "is missing"),
    ("wrong format", "format: other\nversion: 1\n", 1, "format", "not a session file"),
    ("no version", "format: workshop-session\n", 1, "version", "is missing"),
    ("newer version", "format: workshop-session\nversion: 2\n", 2, "version", "newer version"),
    ("version 0", "format: workshop-session\nversion: 0\n", 2, "version", "must be 1, not 0"),
    ("negative version", "format: workshop-session\nversion: -3\n", 2, "version", "not -3"),
    ("version as text", 'format: workshop-session\nversion: "1"\n', 2, "version", "whole number"),
    ("version as float", "format: workshop-session\nversion: 1.0\n", 2, "version", "whole number"),
    ("nodes not a list", HEADER + "nodes: {a: 1}\n", 3, "nodes", "must be a list"),
    ("node not a mapping", HEADER + "nodes:\n  - p1\n", 4, "nodes[0]", "mapping"),
    (
        "unknown kind",
        HEADER + "nodes:\n  - {id: p1, kind: prio, label: x}\n",
        4,
        "nodes[0].kind",
        "must be one of priority, role, responsibility, guardrail, not 'prio'",
    ),
    ("kind missing", HEADER + "nodes:\n  - {id: p1, label: x}\n", 4, "nodes[0].kind", "not null"),
    (
        "rank as a word",
        HEADER + "nodes:\n  - {id: p1, kind: priority, label: x, rank: high}\n",
        4,
        "nodes[0].rank",
        "must be a whole number of at least 1, not 'high'",
    ),
    (
        "YAML 1.1 octal is text",
        HEADER + "nodes:\n  - {id: p1, kind: priority, label: x, rank: 010}\n",
        4,
        "nodes[0].rank",
        "not '010'",
    ),
    (
        "YAML 1.1 NO is text",
        HEADER + "nodes:\n  - {id: x1, kind: responsibility, label: x, reconfirm: NO}\n",
        4,
        "nodes[0].reconfirm",
        "must be true or false, not 'NO'",
    ),
    (
        "yes is not a boolean",
        HEADER + "nodes:\n  - {id: x1, kind: responsibility, label: x, critical: yes}\n",
        4,
        "nodes[0].critical",
        "not 'yes'",
    ),
    (
        "boolean rank",
        HEADER + "nodes:\n  - {id: p1, kind: priority, label: x, rank: true}\n",
        4,
        "nodes[0].rank",
        "not true",
    ),
    (
        "load too high",
        HEADER + "nodes:\n  - {id: r1, kind: role, label: x, load: 201}\n",
        4,
        "nodes[0].load",
        "from 0 to 200, not 201",
    ),
    (
        "label as a number",
        HEADER + "nodes:\n  - {id: p1, kind: priority, label: 2026}\n",
        4,
        "nodes[0].label",
        "put it in quotes",
    ),
    (
        "position with three numbers",
        HEADER + "nodes:\n  - {id: p1, kind: priority, label: x, position: [1, 2, 3]}\n",
        4,
        "nodes[0].position",
        "pair of numbers",
    ),
    (
        "position not a number",
        HEADER + "nodes:\n  - {id: p1, kind: priority, label: x, position: [.nan, 2]}\n",
        4,
        "nodes[0].position",
        "pair of numbers",
    ),
    (
        "empty label",
        HEADER + 'nodes:\n  - {id: p1, kind: priority, label: ""}\n',
        4,
        "nodes[0].label",
        "must not be empty",
    ),
    (
        "blank label",
        HEADER + 'nodes:\n  - {id: p1, kind: priority, label: "  "}\n',
        4,
        "nodes[0].label",
        "must not be empty",
    ),
    (
        "null label",
        HEADER + "nodes:\n  - {id: p1, kind: priority, label: }\n",
        4,
        "nodes[0].label",
        "is missing",
    ),
    (
        "id with a space",
        HEADER + 'nodes:\n  - {id: "p 1", kind: priority, label: x}\n',
        4,
        "nodes[0].id",
        "not 'p 1'",
    ),
    (
        "id as a number",
        HEADER + "nodes:\n  - {id: 7, kind: priority, label: x}\n",
        4,
        "nodes[0].id",
        "not 7",
    ),
    ("no id", HEADER + "nodes:\n  - {kind: priority, label: x}\n", 4, "nodes[0].id", "is missing"),
    (
        "duplicate id",
        HEADER + NODES + "  - {id: r1, kind: guardrail, label: y}\n",
        7,
        "nodes[3].id",
        "'r1' is already the id of nodes[1]",
    ),
    (
        "duplicate key",
        HEADER + "nodes:\n  - {id: p1, kind: priority, label: x,\n     label: y}\n",
        5,
        "nodes[0].label",
        "twice",
    ),
    ("duplicate top-level key", HEADER + "nodes: []\nnodes: []\n", 4, "nodes", "twice"),
    (
        "dangling edge",
        HEADER + NODES + "edges:\n  - {source: r1, target: x9, kind: accountable}\n",
        8,
        "edges[0].target",
        "no node with the id 'x9'",
    ),
    (
        "edge kind the table forbids",
        HEADER + NODES + "edges:\n  - {source: r1, target: p1, kind: serves}\n",
        8,
        "edges[0].kind",
        "serves cannot go from a role to a priority",
    ),
    (
        "unknown edge kind",
        HEADER + NODES + "edges:\n  - {source: r1, target: x1, kind: owns}\n",
        8,
        "edges[0].kind",
        "not 'owns'",
    ),
    (
        "self-loop",
        HEADER + NODES + "edges:\n  - {source: p1, target: p1, kind: outranks}\n",
        8,
        "edges[0]",
        "to itself",
    ),
    (
        "duplicate edge",
        HEADER
        + NODES
        + "edges:\n  - {source: r1, target: x1, kind: accountable}\n"
        + "  - {source: r1, target: x1, kind: accountable, notes: again}\n",
        9,
        "edges[1]",
        "repeats edges[0]",
    ),
    (
        "edge field of the wrong type",
        HEADER + NODES + "edges:\n  - {source: x1, target: r1, kind: escalates_to, trigger: 5}\n",
        8,
        "edges[0].trigger",
        "must be text",
    ),
    ("python object tag", HEADER + "x: !!python/object/apply:os.system [echo]\n", 3, "x", "tag"),
    ("python name tag", HEADER + "x: !!python/name:os.system ''\n", 3, "x", "tag"),
    (
        "int tag",
        HEADER + 'nodes:\n  - {id: p1, kind: priority, label: x, rank: !!int "3"}\n',
        4,
        "nodes[0].rank",
        "tag",
    ),
    ("local tag", HEADER + "meta: !custom {title: x}\n", 3, "meta", "tag"),
    ("non-specific tag", HEADER + "x: ! text\n", 3, "x", "tag"),
    ("binary tag", HEADER + "x: !!binary aGVsbG8=\n", 3, "x", "tag"),
    ("tag directive", "%TAG !! tag:evil.com,2000:\n---\n" + HEADER + "x: !!str y\n", 5, "x", "tag"),
    ("anchor", HEADER + "meta: &m {title: x}\n", 3, "meta", "anchor"),
    ("alias", HEADER + "meta: {title: x}\nx: *m\n", 4, "x", "alias"),
    (
        "alias bomb",
        HEADER
        + "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        3,
        "a",
        "anchor",
    ),
    ("two documents", HEADER + "---\n" + HEADER, 3, None, "more than one YAML document"),
    ("list as a key", HEADER + "? [a, b]\n: 1\n", 3, None, "field name"),
    ("number as a key", HEADER + "7: seven\n", 3, None, "field name must be text, not 7"),
    (
        "endless number",
        HEADER + "nodes:\n  - {id: p1, kind: priority, label: x, rank: " + "9" * 5000 + "}\n",
        4,
        "nodes[0].rank",
        "too many digits",
    ),
    ("control character", HEADER + "meta: {title: a\x07b}\n", 3, None, "U+0007"),
    ("NUL character", HEADER + "\n\nmeta: {title: a\x00b}\n", 5, None, "U+0000"),
    ("C1 control character", HEADER + "meta: {title: a\x9bb}\n", 3, None, "U+009B"),
    ("meta not a mapping", HEADER + "meta: [a]\n", 3, "meta", "mapping"),
    ("meta text as a number", HEADER + "meta:\n  title: 12\n", 4, "meta.title", "quotes"),
    ("unknown language", HEADER + "meta: {language: fr}\n", 3, "meta.language", "de or en"),
    (
        "participants not a list",
        HEADER + "meta: {participants: Anna}\n",
        3,
        "meta.participants",
        "must be a list",
    ),
    (
        "participant name",
        HEADER + "meta:\n  participants:\n    - {name: [A]}\n",
        5,
        "meta.participants[0].name",
        "must be text",
    ),
    (
        "action without text",
        HEADER + "actions:\n  - {id: a1, owner: r1}\n",
        4,
        "actions[0].text",
        "is missing",
    ),
    (
        "action owner",
        HEADER + "actions:\n  - {text: t, owner: {a: 1}}\n",
        4,
        "actions[0].owner",
        "must be text",
    ),
    (
        "review subjects",
        HEADER + "reviews:\n  - {code: no-owner, subjects: x1}\n",
        4,
        "reviews[0].subjects",
        "list of node ids",
    ),
    (
        "review subject id",
        HEADER + 'reviews:\n  - {code: no-owner, subjects: [x1, "a b"]}\n',
        4,
        "reviews[0].subjects[1]",
        "not 'a b'",
    ),
    (
        "review status",
        HEADER + "reviews:\n  - {code: no-owner, subjects: [x1], status: done}\n",
        4,
        "reviews[0].status",
        "accepted or open",
    ),
    (
        "review without code",
        HEADER + "reviews:\n  - {subjects: [x1]}\n",
        4,
        "reviews[0].code",
        "is missing",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_refused_with_its_place(text: str, line: int | None, field: str | None, words: str) -> None:
    err = refusal(text)
    assert (err.source, err.line, err.field) == ("session.yaml", line, field)
    assert words in str(err)
    message = str(err)
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith("session.yaml" + (f", line {line}" if line else ""))


def test_message_reads_as_documented() -> None:
    priorities = "".join(f"  - {{id: p{i}, kind: priority, label: P{i}}}\n" for i in range(3))
    text = (
        HEADER
        + "\n" * 5
        + "nodes:\n"
        + priorities
        + "  - {id: p3, kind: priority, label: P3, rank: high}\n"
    )
    assert str(refusal(text)) == (
        "session.yaml, line 12, nodes[3].rank: must be a whole number of at least 1, not 'high'"
    )


def test_block_style_names_the_field_line() -> None:
    text = HEADER + textwrap.dedent("""\
        nodes:
          - id: p1
            kind: priority
            label: Erstlösung

            rank: high
        """)
    err = refusal(text)
    assert (err.line, err.field) == (8, "nodes[0].rank")


def test_yaml_11_look_alikes_are_text() -> None:
    session = loads_session(
        HEADER
        + "meta: {title: NO, client: 010, date: 2026-11-26, facilitator: 'on'}\n"
        + "nodes:\n  - {id: x1, kind: responsibility, label: yes, decision_limit: 0x1F}\n"
    )
    assert session.meta == {
        "title": "NO",
        "client": "010",
        "date": "2026-11-26",
        "facilitator": "on",
    }
    assert session.graph.nodes["x1"]["label"] == "yes"
    assert session.graph.nodes["x1"]["decision_limit"] == "0x1F"


def test_python_tag_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = HEADER + f"x: !!python/object/apply:os.system ['touch {marker}']\n"
    refusal(text)
    assert not marker.exists()


def test_deep_nesting_is_refused_quickly_without_crashing() -> None:
    # In a child process: a segfault there fails this test instead of ending the run.
    # The pure-Python parser, used when PyYAML lacks libyaml, is tried as well.
    script = textwrap.dedent("""
        import json, time, yaml
        from workshop_app.fileformat import SessionFormatError, loads_session, parser
        results = []
        for loader in (parser._Loader, yaml.SafeLoader):
            parser._Loader = loader
            for opening in ("[", "{a: ", "- ", "[{a: "):
                start = time.perf_counter()
                try:
                    loads_session(opening * 100_000)
                except SessionFormatError as err:
                    results.append((loader.__name__, time.perf_counter() - start, str(err)))
        print(json.dumps(results))
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    results = json.loads(result.stdout)
    assert len(results) == 8
    for loader, seconds, message in results:
        assert "nested more than 64 levels deep" in message
        # The pure parser looks ahead for keys (up to 1,024 characters at each level).
        assert seconds < (0.5 if loader == "CSafeLoader" else 5)


def test_bytes_that_are_not_utf8_name_their_line() -> None:
    err = refusal((HEADER + "meta:\n  title: Gr").encode() + b"\xfc\xdfe\n")
    assert (err.line, "UTF-8") == (4, "UTF-8")
    assert "0xfc" in str(err)


def test_utf16_file_is_refused() -> None:
    assert "UTF-8" in str(refusal(HEADER.encode("utf-16")))


def test_lone_surrogate_in_text_is_refused() -> None:
    assert "U+D800" in str(refusal(HEADER + "meta: {title: \ud800}\n"))


def test_byte_order_mark_is_accepted() -> None:
    assert loads_session(b"\xef\xbb\xbf" + HEADER.encode()).graph.number_of_nodes() == 0


def test_oversized_text_is_refused() -> None:
    text = HEADER + "x: " + "a" * MAX_FILE_BYTES + "\n"
    assert "too large" in str(refusal(text))
    assert "too large" in str(refusal(text.encode()))


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as file:  # sparse: costs no disk and holds NUL bytes
        file.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(SessionFormatError, match="too large"):
        load_session(path)


def test_unreadable_paths_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SessionFormatError, match="cannot be read") as info:
        load_session(tmp_path / "missing.yaml")
    assert info.value.source == str(tmp_path / "missing.yaml")
    with pytest.raises(SessionFormatError, match="is not a file"):
        load_session(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_does_not_hang(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    with pytest.raises(SessionFormatError, match="is not a file"):
        load_session(pipe)


def test_failed_load_changes_nothing(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(HEADER + NODES, encoding="utf-8")
    session = load_session(good)
    before = session_to_document(session)
    bad = tmp_path / "bad.yaml"
    bad.write_bytes((HEADER + NODES + "  - {id: p1, kind: role, label: again}\n").encode())
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(SessionFormatError):
        load_session(bad)
    assert session_to_document(session) == before
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == files


def test_parse_yaml_gives_plain_data_and_lines() -> None:
    data, lines = parse_yaml("a:\n  - {b: ~, c: -0.5e1}\n  - [true, '1']\n", "t.yaml")
    assert data == {"a": [{"b": None, "c": -5.0}, [True, "1"]]}
    assert lines[("a", 0, "c")] == 2 and lines[("a", 1, 1)] == 3


MUTATION_BYTES = b"{}[],:&*!|>-?#'\"%@`\n \t\\0123456789abcxyz\xc3\xa4\xff\x00~."


@pytest.mark.parametrize(
    "count", [300, pytest.param(20_000, marks=pytest.mark.slow)], ids=["quick", "long"]
)
def test_mutated_files_are_refused_or_round_trip(count: int) -> None:
    rng = random.Random(count)
    base = bytearray(
        (
            HEADER
            + NODES
            + "edges:\n  - {source: r1, target: x1, kind: accountable}\n"
            + "meta: {title: Tür, participants: [{name: A}]}\n"
        ).encode()
    )
    loaded = 0
    for _ in range(count):
        data = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(data))
            choice = rng.random()
            if choice < 0.4:
                data[at] = rng.choice(MUTATION_BYTES)
            elif choice < 0.7:
                data[at:at] = bytes([rng.choice(MUTATION_BYTES)]) * rng.randint(1, 3)
            else:
                del data[at : at + rng.randint(1, 5)]
        try:
            session = loads_session(bytes(data))
        except SessionFormatError as err:
            assert "\n" not in str(err)
            continue
        loaded += 1
        text = dumps_session(session)
        assert dumps_session(loads_session(text)) == text
    assert 0 < loaded < count
