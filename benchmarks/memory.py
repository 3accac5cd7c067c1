"""Peak memory with a large session open in the window, in fresh processes.

The probe (:mod:`benchmarks.probe`) opens the window on a saved
organisation of 5,000 nodes and reports its peak resident set size
(``ru_maxrss``) a moment after the first paint (``Config.linger_ms``), when the map, findings and
views show the session; the reference is the bare window's.
"""

from __future__ import annotations

from benchmarks.harness import Config, Figure, Goal
from benchmarks.processes import BARE, platform_name, probe

__all__ = ["measure"]

GOAL = Goal(2.0)
SIZE = 5000


def measure(config: Config) -> list[Figure]:
    size = SIZE if SIZE in config.sizes else max(config.sizes)
    path = config.session_file(size)
    runs = max(1, min(config.process_repeat, 2))
    display = config.display
    linger = str(config.linger_ms)
    bare = [probe(["bare", linger], display) for _ in range(runs)]
    app = [probe(["app", str(path), linger], display) for _ in range(runs)]
    return [
        Figure(
            "peak memory, session open",
            size,
            max(r["maxrss_kib"] for r in app) / 1024,
            "MiB",
            GOAL,
            reference=max(r["maxrss_kib"] for r in bare) / 1024,
            reference_name=BARE,
            note=f"{platform_name(display)}; peak RSS (ru_maxrss)",
        )
    ]
