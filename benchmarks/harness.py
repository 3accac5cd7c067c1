"""What every measurement shares: goals, figures, clocks and the session files.

Every figure is a ratio to a reference measured in the same run, so that a
busy or slow machine moves both alike. Work that runs on one core in this
process (loading, analysis, layout, export) is timed in CPU time of the
process (``time.process_time``): on a machine shared with other work, wall
time mostly measures the neighbours. What a person waits for across
processes (start-up, ``dot``) and frame times are wall time. Subject and
reference are run alternately, and the median of the repetitions is taken.
"""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.orgs import generate_organisation
from workshop_app.domain import Session
from workshop_app.fileformat import load_session, save_session
from workshop_app.layout import layout_operation

__all__ = [
    "Config",
    "Figure",
    "Goal",
    "alternate",
    "cpu_clock",
    "wall_clock",
]

Clock = Callable[[], float]
cpu_clock: Clock = time.process_time
wall_clock: Clock = time.perf_counter


@dataclass(frozen=True)
class Goal:
    """A ratio to the reference (``value / reference <= limit``) or, when
    ``absolute``, a bound on the value itself (in the figure's unit)."""

    limit: float
    absolute: bool = False

    def describe(self, unit: str) -> str:
        if self.absolute:
            return f"≤ {_amount(self.limit, unit)}"
        return f"≤ {self.limit:g}x"


@dataclass
class Figure:
    """One measured value, its reference and its goal.

    ``reference_is_bound`` says the reference was stopped before it finished
    (``dot`` on a large map): the real reference is larger than the number
    given, so the ratio shown is an upper bound.
    """

    name: str
    size: int | None
    value: float
    unit: str  # "s" or "MiB"
    goal: Goal | None  # None: shown for comparison, the goal is set at another size
    reference: float | None = None
    reference_name: str = ""
    reference_is_bound: bool = False
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.reference is None or self.reference <= 0:
            return None
        return self.value / self.reference

    @property
    def met(self) -> bool | None:
        """Whether the goal is met; ``None`` when there is no goal or no reference."""
        if self.goal is None:
            return None
        if self.goal.absolute:
            return self.value <= self.goal.limit
        ratio = self.ratio
        return None if ratio is None else ratio <= self.goal.limit

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "size": self.size,
            "value": self.value,
            "unit": self.unit,
            "reference": self.reference,
            "reference_name": self.reference_name,
            "reference_is_bound": self.reference_is_bound,
            "ratio": self.ratio,
            "goal": None if self.goal is None else self.goal.describe(self.unit),
            "met": self.met,
            "note": self.note,
            **({"extra": self.extra} if self.extra else {}),
        }

    def row(self) -> list[str]:
        """The figure as table cells: measure, size, value, reference, ratio, goal, met."""
        reference = "—"
        if self.reference is not None:
            bound = "> " if self.reference_is_bound else ""
            reference = f"{self.reference_name} {bound}{_amount(self.reference, self.unit)}"
        ratio = self.ratio
        shown_ratio = "—"
        if ratio is not None:
            shown_ratio = f"{'< ' if self.reference_is_bound else ''}{ratio:.2f}x"
        met = {True: "yes", False: "NO", None: "—"}[self.met]
        return [
            self.name,
            "" if self.size is None else f"{self.size:,}",
            _amount(self.value, self.unit),
            reference,
            shown_ratio,
            "—" if self.goal is None else self.goal.describe(self.unit),
            met,
        ]


def _amount(value: float, unit: str) -> str:
    if math.isnan(value):
        return "failed"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.0f} {unit}"


def alternate(
    subjects: dict[str, Callable[[], object]], repeat: int, clock: Clock = cpu_clock
) -> dict[str, float]:
    """Run each callable ``repeat`` times, taking turns; the median time of each.

    As ``timeit`` does, the garbage collector is kept out of the timed calls:
    otherwise a collection of everything the previous call left behind
    lands on whichever call happens to cross the threshold.
    """
    times: dict[str, list[float]] = {name: [] for name in subjects}
    enabled = gc.isenabled()
    try:
        for _ in range(repeat):
            for name, function in subjects.items():
                gc.collect()
                gc.disable()
                start = clock()
                function()
                times[name].append(clock() - start)
                gc.enable()
    finally:
        if enabled:
            gc.enable()
    return {name: statistics.median(values) for name, values in times.items()}


@dataclass
class Config:
    """One run of the suite: sizes, repetitions and a folder for its files.

    ``session_file(n)`` is a saved synthetic organisation of ``n`` nodes with
    the positions the automatic layout gives it, as a facilitator's file
    would have; it is written once per run.
    """

    workdir: Path
    sizes: tuple[int, ...] = (50, 1000, 5000)
    repeat: int = 5
    process_repeat: int = 5
    quick: bool = False
    #: the X display of the run's Xvfb, or ``None`` for Qt's offscreen platform
    display: str | None = None
    dot_timeout: float = 120.0
    #: how long a window probe stays open after its first paint before it reports memory
    linger_ms: int = 1500
    _files: dict[int, Path] = field(default_factory=dict, repr=False)

    def session_file(self, size: int) -> Path:
        if size not in self._files:
            session = generate_organisation(size)
            session.apply(layout_operation(session, full=True))
            path = self.workdir / f"organisation_{size}.yaml"
            save_session(session, path)
            self._files[size] = path
        return self._files[size]

    def session(self, size: int) -> Session:
        """A fresh copy of the organisation of ``size`` nodes, positions included."""
        return load_session(self.session_file(size))
