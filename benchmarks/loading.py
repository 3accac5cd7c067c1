"""Opening a session file: hardened, validated, graph built, against PyYAML alone.

The reference is what any program pays to read the same file: the text read
and handed to PyYAML's C loader (``yaml.load(text, Loader=yaml.CSafeLoader)``).
:func:`workshop_app.fileformat.load_session` reads the same file, refuses
anything hostile, checks every field and builds the networkx graph.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import yaml

from benchmarks.harness import Config, Figure, Goal, alternate
from workshop_app.fileformat import load_session

__all__ = ["measure"]

GOAL = Goal(1.2)
#: The size the goal is set at; smaller maps are shown for comparison.
GOAL_SIZE = 5000


def _plain_yaml(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def measure(config: Config) -> list[Figure]:
    """One figure per size: ``load_session`` against a plain C-loader load."""
    figures = []
    for size in config.sizes:
        path = config.session_file(size)
        times = alternate(
            {"load": partial(load_session, path), "yaml": partial(_plain_yaml, path)},
            config.repeat,
        )
        figures.append(
            Figure(
                "open session (load_session)",
                size,
                times["load"],
                "s",
                GOAL if size == GOAL_SIZE else None,
                reference=times["yaml"],
                reference_name="PyYAML CSafeLoader",
                extra={"bytes": path.stat().st_size},
            )
        )
    return figures
