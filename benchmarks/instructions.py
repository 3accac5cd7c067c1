"""Start to first paint of the sample in instructions, which the load of the machine does not move.

On a shared virtual machine the wall time of a start moved by a factor of
1.5 from one hour to the next (the bare window took 196-215 ms on one day
and 235-395 ms the next), more than most changes to the start are worth.
Run under ``valgrind --tool=callgrind``, a probe's start up to its first
paint (the map's, for the app) comes to the same count of instructions
within a few million whatever else runs. So a change to the start is
judged here, and its effect on the wall time in the start-up rows
(:mod:`benchmarks.startup`). The row has no goal of its own: instructions
leave out the waiting for the X server and what the caches make faster or
slower, which the wall time has. It needs valgrind (a start under it takes
15-40 s) and is left out without it.

Only the probe's own process is counted: a child it forks (the read-ahead
of a large file) reports its instructions separately and is left out.
"""

from __future__ import annotations

import math
import re
import shutil
import tempfile

from benchmarks.harness import Config, Figure
from benchmarks.processes import BARE, platform_name, probe
from benchmarks.startup import SAMPLE

__all__ = ["collected", "measure"]

NAME = "start to first paint (sample), instructions"
UNIT = "M instructions"
_LINE = re.compile(r"^==(\d+)== (.*)$", re.MULTILINE)
_COLLECTED = re.compile(r"Collected : (\d+)")


def measure(config: Config) -> list[Figure]:
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return [Figure(NAME, None, math.nan, UNIT, None, note="valgrind is not installed")]
    bare = _count(valgrind, ["bare"], config)
    app = _count(valgrind, ["app", str(SAMPLE)], config)
    return [
        Figure(
            NAME,
            None,
            app,
            UNIT,
            None,
            reference=bare,
            reference_name=BARE,
            note=f"{platform_name(config.display)}; valgrind --tool=callgrind, "
            "the probe's own process to its first paint (the map's for the app)",
        )
    ]


def _count(valgrind: str, args: list[str], config: Config) -> float:
    with tempfile.TemporaryDirectory(prefix="callgrind-") as folder:
        wrapper = [valgrind, "--tool=callgrind", f"--callgrind-out-file={folder}/out.%p"]
        report = probe(args, config.display, wrapper)
    return collected(report["stderr"]) / 1e6


def collected(valgrind_log: str) -> int:
    """The instructions valgrind counted in the process it started (not in its forks).

    >>> collected("==7== Callgrind\\n==9== Collected : 12\\n==7== Collected : 40\\n")
    40
    """
    lines = _LINE.findall(valgrind_log)
    if not lines:
        raise ValueError("no valgrind report in the probe's output")
    started = lines[0][0]
    for pid, text in lines:
        found = _COLLECTED.search(text)
        if pid == started and found:
            return int(found.group(1))
    raise ValueError("valgrind counted no instructions for the probe")
