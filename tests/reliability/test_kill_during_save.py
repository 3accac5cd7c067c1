"""SIGKILL at random moments while a large session is saved: nothing is ever lost.

A child saves two distinct large sessions, A and B, to the same file in a
loop; the trial kills it with SIGKILL, alternately after a random delay and
at a random moment after a temporary file appeared (so that many kills land
in the middle of writing and swapping the file). After each kill the file
and its backup must load and equal A or B, and the next save must leave no
temporary file of the killed one behind.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import IO, Any

import pytest
from reliability_sessions import large_session

from workshop_app.fileformat import (
    SessionFormatError,
    dumps_session,
    load_session,
    save_session,
    session_to_document,
)
from workshop_app.fileformat.atomic import write_atomic

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

SAVER = Path(__file__).with_name("reliability_saver.py")


class _Saver:
    """The fork server of :mod:`reliability_saver`, driven line by line."""

    def __init__(self, path: Path, size: int) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        self.process = subprocess.Popen(
            [sys.executable, str(SAVER), str(path), str(size)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.digests = self._line().split()[1:]

    def _line(self) -> str:
        stdout: IO[str] = self.process.stdout  # type: ignore[assignment]
        line = stdout.readline()
        assert line, "the saver process died"
        return line

    def start(self) -> int:
        stdin: IO[str] = self.process.stdin  # type: ignore[assignment]
        stdin.write("fork\n")
        stdin.flush()
        return int(self._line())

    def reaped(self) -> int:
        return int(self._line().split()[1])

    def close(self) -> None:
        self.process.communicate("quit\n", timeout=30)


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _wait_for_temporary(folder: Path, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _temporaries(folder):
            return True
        time.sleep(0.0002)
    return False


def _which(path: Path, versions: dict[str, Any]) -> str:
    """``"A"``, ``"B"``, ``"other"`` or ``"unreadable"``: what the file holds."""
    try:
        document = session_to_document(load_session(path))
    except SessionFormatError:
        return "unreadable"
    return next((name for name, doc in versions.items() if doc == document), "other")


def kill_trial(folder: Path, kills: int, size: int, seed: int) -> dict[str, Any]:
    """Run ``kills`` kills; return the figures (see the module docstring)."""
    rng = random.Random(seed)
    path = folder / "session.yaml"
    sessions = {"A": large_session(size, seed=1), "B": large_session(size, seed=2)}
    texts = {name: dumps_session(s) for name, s in sessions.items()}
    versions = {name: session_to_document(s) for name, s in sessions.items()}
    started = time.perf_counter()
    save_session(sessions["A"], path)
    save_time = time.perf_counter() - started
    started = time.perf_counter()
    write_atomic(path, texts["A"].encode("utf-8"))
    write_time = time.perf_counter() - started  # the part after serialising
    figures: Counter[str] = Counter()
    saver = _Saver(path, size)
    try:
        assert saver.digests == [hashlib.sha256(t.encode()).hexdigest() for t in texts.values()]
        for number in range(kills):
            pid = saver.start()
            if number % 2 and _wait_for_temporary(folder, timeout=10 * save_time + 5):
                time.sleep(rng.uniform(0, 0.4 * write_time))
            else:
                time.sleep(rng.uniform(0, 2.5 * save_time))
            os.kill(pid, signal.SIGKILL)
            status = saver.reaped()
            figures["killed"] += os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            figures["cut mid-save"] += bool(_temporaries(folder))
            held = _which(path, versions)
            figures[f"file {held}"] += 1
            backup = folder / "session.yaml.bak"
            if backup.exists():  # compared by bytes: A and B are known to load
                kept = backup.read_text(encoding="utf-8", errors="replace")
                figures[f"backup {next((n for n, t in texts.items() if t == kept), 'other')}"] += 1
            # The next save (opening the file at the next start cleans up the same way).
            # It alternates A and B, so the saver's first save always changes the file.
            save_session(sessions["BA"[number % 2]], path)
            figures["stray after next save"] += len(_temporaries(folder))
    finally:
        saver.close()
    return dict(figures)


def _check(figures: dict[str, Any], kills: int) -> None:
    assert figures["killed"] == kills, "a saver ended by itself: a save failed"
    assert figures.get("file unreadable", 0) == 0
    assert figures.get("file other", 0) == 0
    assert figures.get("backup other", 0) == 0
    assert figures["file A"] + figures["file B"] == kills
    assert figures.get("stray after next save", 0) == 0
    # The trial must really hit saves in flight, or it proves nothing.
    assert figures["cut mid-save"] >= kills // 4


def test_killed_saves_leave_the_old_or_the_new_session(
    tmp_path: Path, reliability_figures: Any
) -> None:
    figures = kill_trial(tmp_path, kills=20, size=200, seed=20)
    reliability_figures("kill during save (CI: 20 kills, 200 nodes)", figures)
    _check(figures, 20)


@pytest.mark.slow
def test_two_hundred_kills_of_a_large_session(tmp_path: Path, reliability_figures: Any) -> None:
    figures = kill_trial(tmp_path, kills=200, size=1000, seed=200)
    reliability_figures("kill during save (200 kills, 1000 nodes)", figures)
    _check(figures, 200)
