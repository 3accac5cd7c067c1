"""Peak memory with a large session open in the window, in fresh processes.

The probe (:mod:`benchmarks.probe`) opens the window on a saved
organisation of 5,000 nodes and reports its peak resident set size
(``VmHWM``; ``ru_maxrss`` would include this process's size, see
:func:`benchmarks.paint_watch._peak_rss_kib`) a moment after the first
paint (``Config.linger_ms``), when the map, findings and views show the
session; the reference is the bare window's. The same runs give the time
to the first paint on that session.

Under Xvfb a real X window is measured, as on a laptop: both processes then
load the X and OpenGL libraries, which makes the reference much larger than
under the offscreen platform. So when the run uses Xvfb, the same pair is
also measured offscreen and shown beside it, without a goal: it shows what
the app itself adds.
"""

from __future__ import annotations

import statistics
from typing import Any

from benchmarks.harness import Config, Figure, Goal
from benchmarks.processes import BARE, platform_name, probe

__all__ = ["measure"]

GOAL = Goal(2.0)
#: The window and the map's outline within this many times a bare window.
MAP_GOAL = Goal(4.0)
SIZE = 5000


def measure(config: Config) -> list[Figure]:
    size = SIZE if SIZE in config.sizes else max(config.sizes)
    runs = max(1, min(config.process_repeat, 2))
    bare, app = _pair(config, size, config.display, runs)
    figures = [_memory(size, bare, app, config.display, GOAL)]
    if config.display is not None:
        bare_offscreen, app_offscreen = _pair(config, size, None, 1)
        figures.append(_memory(size, bare_offscreen, app_offscreen, None, None))
    figures.append(
        Figure(
            "window and map painted, large session",
            size,
            statistics.median(r["map_elapsed"] for r in app),
            "s",
            MAP_GOAL,
            reference=statistics.median(r["elapsed"] for r in bare),
            reference_name=BARE,
            note=f"{platform_name(config.display)}; the map's first paint with its nodes "
            "(its relations then fill in)",
        )
    )
    figures.append(
        Figure(
            "start to first paint, large session",
            size,
            statistics.median(r["elapsed"] for r in app),
            "s",
            None,
            reference=statistics.median(r["elapsed"] for r in bare),
            reference_name=BARE,
            note=f"{platform_name(config.display)}; file with positions, as saved",
        )
    )
    return figures


def _pair(
    config: Config, size: int, display: str | None, runs: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    path, linger = config.session_file(size), str(config.linger_ms)
    bare = [probe(["bare", linger], display) for _ in range(runs)]
    app = [probe(["app", str(path), linger], display) for _ in range(runs)]
    return bare, app


def _memory(
    size: int,
    bare: list[dict[str, Any]],
    app: list[dict[str, Any]],
    display: str | None,
    goal: Goal | None,
) -> Figure:
    return Figure(
        "peak memory, session open" + ("" if goal else " (offscreen)"),
        size,
        max(r["peak_rss_kib"] for r in app) / 1024,
        "MiB",
        goal,
        reference=max(r["peak_rss_kib"] for r in bare) / 1024,
        reference_name=BARE,
        note=f"{platform_name(display)}; peak RSS (VmHWM)",
    )
