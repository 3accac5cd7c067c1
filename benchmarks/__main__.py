"""Run the benchmark suite: ``python -m benchmarks [--quick] [--json PATH]``.

Prints one table (Markdown, ready for ``docs/performance.md``) and writes
the figures as JSON. Each figure is a ratio to a reference measured in the
same run; see ``docs/performance.md`` for the goals and how to read them.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import math
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.harness import Config, Figure
from benchmarks.processes import platform_name, x_server

#: Every measurement, by name, in the order of the table.
MEASUREMENTS = (
    "startup", "instructions", "loading", "analysis", "compare", "export", "geometry", "canvas",
    "window_edit", "saving", "memory", "bundle",
)  # fmt: skip
_HEADER = ["measure", "nodes", "value", "reference", "ratio", "goal", "met"]
_DEFAULT_JSON = Path(__file__).resolve().parent / "results.json"


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="fewer repetitions, no 5,000-node start-up"
    )
    parser.add_argument("--json", type=Path, default=_DEFAULT_JSON, help="where to write JSON")
    parser.add_argument(
        "--only", nargs="+", choices=MEASUREMENTS, default=MEASUREMENTS, metavar="NAME",
        help=f"run only these measurements ({', '.join(MEASUREMENTS)})",
    )  # fmt: skip
    parser.add_argument(
        "--platform", choices=("xvfb", "offscreen"),
        default="xvfb" if shutil.which("Xvfb") else "offscreen",
        help="where the windows are shown (default: xvfb when Xvfb is installed)",
    )  # fmt: skip
    parser.add_argument("--sizes", type=int, nargs="+", help="organisation sizes (nodes)")
    parser.add_argument("--repeat", type=int, help="repetitions in this process")
    parser.add_argument(
        "--dot-timeout", type=float, default=120.0,
        help="stop Graphviz dot after this many seconds (its time is then a lower bound)",
    )  # fmt: skip
    return parser.parse_args(argv)


def run(config: Config, names: Sequence[str], log: Any = sys.stderr) -> list[Figure]:
    """Run the measurements ``names``; their figures in order."""
    figures: list[Figure] = []
    for name in names:
        start = time.monotonic()
        print(f"… {name}", file=log, flush=True)
        module = importlib.import_module(f"benchmarks.{name}")
        try:
            figures.extend(module.measure(config))
        except Exception as error:  # one broken measurement must not hide the others
            print(f"  {name} failed: {error!r}", file=log, flush=True)
            figures.append(Figure(name, None, math.nan, "s", None, note=f"FAILED: {error!r}"))
        print(f"  {name}: {time.monotonic() - start:.1f} s", file=log, flush=True)
    return figures


def table(figures: Sequence[Figure]) -> str:
    """The figures as a Markdown table."""
    rows = [_HEADER, *(figure.row() for figure in figures)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADER))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
             for row in rows]  # fmt: skip
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _isolate_home(home: Path) -> None:
    """Windows opened in this process keep their settings, autosaves and logs
    in ``home``, not in the user's."""
    os.environ["HOME"] = str(home)
    for variable, folder in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        (home / folder).mkdir(parents=True)
        os.environ[variable] = str(home / folder)


def _machine(display: str | None) -> dict[str, Any]:
    from PySide6 import __version__ as pyside_version

    return {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "system": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "windows": platform_name(display),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    quick = args.quick
    sizes = tuple(args.sizes or ((50, 1000, 5000)))
    repeat = args.repeat or (3 if quick else 7)
    with (
        tempfile.TemporaryDirectory(prefix="benchmarks-") as work,
        x_server(args.platform) as display,
    ):
        _isolate_home(Path(work) / "home")
        if display is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        else:
            os.environ.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
        config = Config(
            workdir=Path(work),
            sizes=sizes,
            repeat=repeat,
            process_repeat=3 if quick else 7,
            quick=quick,
            display=display,
            dot_timeout=args.dot_timeout,
        )
        started = time.monotonic()
        figures = run(config, [name for name in MEASUREMENTS if name in args.only])
        machine = _machine(display)
        machine["suite_seconds"] = round(time.monotonic() - started, 1)
    print(table(figures))
    print(f"\n{machine['windows']}; {machine['cpus']} CPUs; load average at the end "
          f"{machine['load_average'][0]:.1f}; {machine['suite_seconds']} s")  # fmt: skip
    args.json.parent.mkdir(parents=True, exist_ok=True)
    results = {"machine": machine, "figures": [f.to_json() for f in figures]}
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
