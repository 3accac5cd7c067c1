"""Crash recovery end to end: the app is SIGKILLed mid-workshop and started again.

The window runs in its own process (``reliability_app.py edit``) and edits
without pause; the trial kills it at a random moment (or, for the worst
case, just before the next autosave is due). The next start
(``reliability_app.py recover``) must offer the autosaved workshop and
restore it exactly as the last autosave took it. The seconds of work lost
are measured from the edits' own timestamps: from the first edit the
recovered session lacks to the kill.

Reading ``ui/autosave.py`` gives the bound: the first unsaved edit starts a
single-shot timer (later edits do not restart it); when it fires, the
session is copied on the GUI thread and written in the background. An edit
after the copy starts the next timer. So a crash loses at most the autosave
delay (30 s) plus the time to write one copy.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and one monotonic clock")

APP = Path(__file__).with_name("reliability_app.py")
SESSION = """\
format: workshop-session
version: 1
meta: {title: Kundenservice, language: de}
nodes:
  - {id: p1, kind: priority, label: Erstlösung, rank: 1, position: [0, 0]}
  - {id: r1, kind: role, label: Servicekraft, load: 60, position: [0, 200]}
edges:
  - {source: r1, target: p1, kind: accountable}
"""


def _environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    for variable, folder in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share")):
        (home / folder).mkdir(parents=True, exist_ok=True)
        env[variable] = str(home / folder)
    return env


class _Events:
    """The edit process's lines, read in the background as they come."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[list[str] | None] = queue.Queue()
        self.seen: list[list[str]] = []
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.lines.put(line.split())
        self.lines.put(None)

    def next(self, kind: str, timeout: float = 60) -> list[str]:
        """Wait for the next line of ``kind`` (``edit``, ``copy``, ``written``)."""
        deadline = time.monotonic() + timeout
        while True:
            words = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            assert words is not None, "the app ended by itself"
            self.seen.append(words)
            if words[0] == kind:
                return words

    def rest(self) -> list[list[str]]:
        self._thread.join(timeout=30)
        while (words := self.lines.get()) is not None:
            self.seen.append(words)
        return self.seen


def crash_once(
    home: Path, delay_ms: int, edit_ms: int, *, worst: bool, rng: random.Random
) -> float:
    """Edit, kill, recover; return the seconds of work lost (after checking the recovery)."""
    home.mkdir()
    file = home / "workshop.yaml"
    file.write_text(SESSION, encoding="utf-8")
    env = _environment(home)
    command = [sys.executable, str(APP), "edit", str(file), str(delay_ms), str(edit_ms)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    events = _Events(process)
    try:
        for _ in range(2):
            events.next("written")
        if (
            worst
        ):  # just before the next autosave: the timer started at the first edit after the copy
            events.next("copy")
            first = float(events.next("edit")[2])
            time.sleep(max(0.0, first + delay_ms / 1000 - 2 * edit_ms / 1000 - time.monotonic()))
        else:
            time.sleep(rng.uniform(0, 2 * delay_ms / 1000))
    finally:
        killed_at = time.monotonic()
        process.send_signal(signal.SIGKILL)
        process.wait()
    seen = events.rest()
    process.stdout.close()  # type: ignore[union-attr]
    recovered = subprocess.run(
        [sys.executable, str(APP), "recover"], capture_output=True, text=True, env=env, timeout=120
    )
    result = json.loads(recovered.stdout.splitlines()[-1])
    assert result["asked"] == 1
    assert result["path"] == str(file.resolve())
    assert result["modified"]
    return _lost_seconds(seen, result["digest"], killed_at)


def _lost_seconds(seen: list[list[str]], digest: str, killed_at: float) -> float:
    """Check the recovered ``digest`` is an autosaved state; the seconds of edits after it."""
    edits = {int(w[1]): (float(w[2]), w[3]) for w in seen if w[0] == "edit"}
    copies = [int(w[1]) for w in seen if w[0] == "copy"]
    kinds = [w[0] for w in seen]
    last_written = len(kinds) - 1 - kinds[::-1].index("written")
    confirmed = max(int(w[1]) for w in seen[:last_written] if w[0] == "copy")
    # The last copy written for sure, or a later one whose "written" line the kill cut off.
    candidates = [n for n in copies if n >= confirmed and edits[n][1] == digest]
    assert candidates, "the recovered session is not the one the last autosave took"
    recovered = max(candidates)
    lost = [edits[n][0] for n in edits if n > recovered]
    return killed_at - min(lost) if lost else 0.0


def _trial(tmp_path: Path, cycles: int, delay_ms: int, *, worst: bool) -> dict[str, Any]:
    rng = random.Random(cycles * delay_ms)
    lost = [
        crash_once(tmp_path / f"run{n}", delay_ms, 40, worst=worst, rng=rng) for n in range(cycles)
    ]
    return {"crashes": cycles, "recovered": cycles, "delay s": delay_ms / 1000,
            "most seconds lost": round(max(lost), 2)}  # fmt: skip


def test_killed_app_offers_the_last_autosave_at_the_next_start(
    tmp_path: Path, reliability_figures: Any
) -> None:
    figures = _trial(tmp_path, 1, 500, worst=True)
    reliability_figures("crash recovery (CI: 1 crash, worst moment, 0.5 s delay)", figures)
    # The copy is written within a fraction of the delay on a small map.
    assert 0.3 < figures["most seconds lost"] <= 0.5 + 0.5


@pytest.mark.slow
def test_twenty_random_crashes(tmp_path: Path, reliability_figures: Any) -> None:
    figures = _trial(tmp_path, 20, 1000, worst=False)
    reliability_figures("crash recovery (20 crashes, random moments, 1 s delay)", figures)
    assert figures["most seconds lost"] <= 1.0 + 0.5


@pytest.mark.slow
def test_worst_case_with_the_real_delay(tmp_path: Path, reliability_figures: Any) -> None:
    from workshop_app.ui.autosave import AUTOSAVE_DELAY_MS

    figures = _trial(tmp_path, 2, AUTOSAVE_DELAY_MS, worst=True)
    reliability_figures("crash recovery (2 crashes, worst moment, real 30 s delay)", figures)
    assert figures["most seconds lost"] <= AUTOSAVE_DELAY_MS / 1000 + 0.5
