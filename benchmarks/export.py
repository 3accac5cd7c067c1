"""Automatic layout plus the PDF protocol, against Graphviz ``dot -Tpdf``.

Both start from the same graph without positions and end with a PDF: ours
lays the map out (:func:`workshop_app.layout.layout_operation`, which runs
``auto_layout``) and writes the whole workshop protocol
(:func:`workshop_app.protocol.export_protocol`); ``dot`` lays out and draws
the same nodes and edges (:func:`benchmarks.orgs.to_dot`). Both are timed
in CPU time, ``dot`` through the resource usage of the finished child.

``dot`` needs minutes on 1,000 nodes, so it is stopped once it has run long
enough to decide the goal: then the real reference is longer than the time
shown and the ratio is an upper bound.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
from pathlib import Path

from benchmarks.harness import Config, Figure, Goal, cpu_clock
from benchmarks.orgs import generate_organisation, to_dot
from workshop_app.layout import layout_operation
from workshop_app.protocol import export_protocol

__all__ = ["measure", "run_dot"]

GOAL = Goal(0.1)
#: The size the goal is set at; larger ones are left out (``dot`` would take hours).
MAX_SIZE = 1000
#: ``dot`` may run this many times as long as ours before it is stopped
#: (ten would just decide the goal; the rest is room for a busy machine).
DOT_PATIENCE = 25


def measure(config: Config) -> list[Figure]:
    figures = []
    for size in (s for s in config.sizes if s <= MAX_SIZE):
        pdf = config.workdir / f"protocol_{size}.pdf"
        repeat = 1 if size >= MAX_SIZE else min(config.repeat, 3)
        ours = min(_layout_and_export(size, pdf) for _ in range(repeat))
        goal = GOAL if size == MAX_SIZE else None
        figure = Figure("auto-layout + PDF protocol", size, ours, "s", goal)
        dot = shutil.which("dot")
        if dot is None:
            figure.note = "Graphviz dot is not installed: no reference"
        else:
            timeout = min(max(DOT_PATIENCE * ours, 5.0), config.dot_timeout)
            dot_file = config.workdir / f"organisation_{size}.dot"
            dot_file.write_text(to_dot(generate_organisation(size)), encoding="utf-8")
            seconds, finished = run_dot(dot, dot_file, config.workdir / f"dot_{size}.pdf", timeout)
            figure.reference, figure.reference_name = seconds, "dot -Tpdf"
            figure.reference_is_bound = not finished
            if not finished:
                figure.note = f"dot stopped after {timeout:.0f} s wall time"
        figures.append(figure)
    return figures


def _layout_and_export(size: int, pdf: Path) -> float:
    session = generate_organisation(size)
    start = cpu_clock()
    session.apply(layout_operation(session, full=True))
    export_protocol(session, pdf)
    return cpu_clock() - start


def run_dot(
    dot: str, source: Path, output: Path, timeout: float, output_format: str = "pdf"
) -> tuple[float, bool]:
    """CPU seconds ``dot -T<format>`` used, and whether it finished within ``timeout``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        subprocess.run(
            [dot, f"-T{output_format}", "-o", str(output), str(source)], check=True, timeout=timeout
        )
        finished = True
    except subprocess.TimeoutExpired:
        finished = False
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used, finished
