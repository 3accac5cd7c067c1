"""A large session file read in a child process gives the session the file holds, or
nothing (the window then reads the file itself): never a stale or half-read one."""

from __future__ import annotations

import os
import select
import sys
from pathlib import Path

import pytest

from workshop_app.domain import AddNode, NodeKind, Session
from workshop_app.fileformat import dumps_session, load_session, save_session
from workshop_app.fileformat.ahead import READ_AHEAD_FROM_BYTES, ReadAhead

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def large_session(nodes: int = 2600) -> Session:
    session = Session(meta={"title": "Customer service"})
    for n in range(nodes):
        session.apply(
            AddNode(f"r{n}", NodeKind.RESPONSIBILITY, f"Answer request type {n} within a day", {})
        )
    return session


@pytest.fixture
def large_file(tmp_path: Path) -> Path:
    path = tmp_path / "organisation.yaml"
    save_session(large_session(), path)
    assert path.stat().st_size > READ_AHEAD_FROM_BYTES
    return path


def test_the_session_read_ahead_is_the_one_in_the_file(large_file: Path) -> None:
    ahead = ReadAhead.start(large_file)
    assert ahead is not None

    loaded = ahead.take(large_file)

    assert loaded is not None
    session, state = loaded
    assert dumps_session(session) == dumps_session(load_session(large_file))
    assert state.same_stat(large_file.stat())
    assert ahead.take(large_file) is None  # spent


def test_a_file_changed_after_it_was_read_ahead_is_not_taken(large_file: Path) -> None:
    ahead = ReadAhead.start(large_file)
    assert ahead is not None
    select.select([ahead._pipe], [], [], 30)  # the child has read the file: it is sending
    changed = large_session(2700)
    save_session(changed, large_file)

    assert ahead.take(large_file) is None


def test_a_read_ahead_for_another_file_gives_nothing_and_stops(
    large_file: Path, tmp_path: Path
) -> None:
    ahead = ReadAhead.start(large_file)
    assert ahead is not None

    assert ahead.take(tmp_path / "other.yaml") is None
    assert ahead.take(large_file) is None


def test_a_file_that_does_not_load_gives_nothing(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("version: 1\nnodes: [" + "x, " * READ_AHEAD_FROM_BYTES, encoding="utf-8")
    ahead = ReadAhead.start(path)
    assert ahead is not None

    assert ahead.take(path) is None


def test_a_stopped_read_ahead_gives_nothing_and_leaves_no_child(large_file: Path) -> None:
    ahead = ReadAhead.start(large_file)
    assert ahead is not None
    child = ahead._pid
    ahead.discard()

    assert ahead.take(large_file) is None
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # already reaped


def test_small_files_and_what_is_not_a_file_are_not_read_ahead(tmp_path: Path) -> None:
    small = tmp_path / "small.yaml"
    save_session(Session(meta={"title": "Small"}), small)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    assert ReadAhead.start(small) is None
    assert ReadAhead.start(fifo) is None
    assert ReadAhead.start(tmp_path / "missing.yaml") is None
