"""Start to first paint of the window on the sample session, in fresh processes.

Each repetition starts :mod:`benchmarks.probe` three times, in turn: the
bare reference (``QApplication`` + ``QMainWindow`` + networkx), the real
window on ``resources/samples/versandhandel.yaml``, and a window with the
map alone on it (a diagnostic: how much of the start is the rest). Start to first paint is
the wall time from just before the process is spawned to the first paint
event of its main window, interpreter start-up and imports included; the
window shows before the session is open, so the time until the map is
painted with its nodes is given too, with the same goal; the
median of the repetitions is taken. One untimed start of each comes first:
the timed ones are warm starts, with bytecode compiled and files cached.
"""

from __future__ import annotations

import statistics

from benchmarks.harness import Config, Figure, Goal
from benchmarks.processes import BARE, platform_name, probe
from workshop_app.resources import resource_path

__all__ = ["SAMPLE", "measure"]

GOAL = Goal(1.5)
SAMPLE = resource_path("samples", "versandhandel.yaml")


def measure(config: Config) -> list[Figure]:
    display = config.display
    # Untimed: writes the app's bytecode and warms the file cache, as any
    # start after the first finds them.
    for args in (["bare"], ["app", str(SAMPLE)], ["map", str(SAMPLE)]):
        probe(args, display)
    bare, app, map_only = [], [], []
    for _ in range(config.process_repeat):
        bare.append(probe(["bare"], display))
        app.append(probe(["app", str(SAMPLE)], display))
        map_only.append(probe(["map", str(SAMPLE)], display))
    loaded = sorted({name for result in app for name in result["loaded"]})
    reference = statistics.median(r["elapsed"] for r in bare)
    return [
        Figure(
            "start to first paint (sample)",
            None,
            statistics.median(r["elapsed"] for r in app),
            "s",
            GOAL,
            reference=reference,
            reference_name=BARE,
            note=f"{platform_name(display)}; at first paint: {', '.join(loaded)}",
            extra={
                "app_runs": [r["elapsed"] for r in app],
                "bare_runs": [r["elapsed"] for r in bare],
                "app_cpu": [r["cpu"] for r in app],
                "bare_cpu": [r["cpu"] for r in bare],
                "app_modules": app[0]["modules"],
                "bare_modules": bare[0]["modules"],
            },
        ),
        Figure(
            "start to the map painted (sample)",
            None,
            statistics.median(r["map_elapsed"] for r in app),
            "s",
            GOAL,
            reference=reference,
            reference_name=BARE,
            note=f"{platform_name(display)}; the window paints first, the map once the "
            "session is open: this is what the room sees",
            extra={"app_runs": [r["map_elapsed"] for r in app]},
        ),
        Figure(
            "start to first paint, map only",
            None,
            statistics.median(r["map_elapsed"] for r in map_only),
            "s",
            None,
            reference=reference,
            reference_name=BARE,
            note="diagnostic: a window with the map canvas alone, no menus, docks or views",
            extra={"cpu": [r["cpu"] for r in map_only]},
        ),
    ]
