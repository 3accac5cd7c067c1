"""The map's geometry (layout + routing) against Graphviz ``dot -Tplain``.

Time: :func:`workshop_app.layout.map_geometry` on a generated organisation
without positions (rows, crossing reduction, placement, routes, labels) from
a cold start (no row order remembered), against ``dot -Tplain`` laying out
and routing the same graph (:func:`benchmarks.orgs.to_dot`), in CPU time.

Crossings: ours and ``dot``'s drawing of the graphs issue #10 is judged on,
counted by the same functions (:mod:`workshop_app.layout.quality`,
:mod:`benchmarks.dot_drawing`); the goal is no more in sum.
"""

from __future__ import annotations

import shutil

from benchmarks.dot_drawing import dot_drawing
from benchmarks.export import run_dot
from benchmarks.harness import Config, Figure, Goal, cpu_clock
from benchmarks.orgs import generate_organisation, to_dot
from workshop_app.domain import Session
from workshop_app.fileformat import load_session
from workshop_app.layout import map_geometry
from workshop_app.layout.ordering import forget_orders
from workshop_app.layout.quality import geometry_crossings
from workshop_app.resources import resource_path
from workshop_app.templates import session_from_template

__all__ = ["issue_cases", "measure"]

TIME_GOAL = Goal(0.05)
CROSSING_GOAL = Goal(1.0)
MAX_SIZE = 1000


def issue_cases() -> dict[str, Session]:
    """The graphs issue #10 is judged on: ~20 nodes, the sample, the templates, 60 and 200."""
    return {
        "org20": generate_organisation(20),
        "sample": load_session(resource_path("samples", "versandhandel.yaml")),
        "template-en": session_from_template("customer-service-responsibility"),
        "template-de": session_from_template("kundenservice-verantwortung"),
        "org60": generate_organisation(60),
        "org200": generate_organisation(200),
    }


def measure(config: Config) -> list[Figure]:
    dot = shutil.which("dot")
    figures = [_time(config, size, dot) for size in config.sizes if size <= MAX_SIZE]
    if dot is not None:
        figures.append(_crossings())
    return figures


def _time(config: Config, size: int, dot: str | None) -> Figure:
    session = generate_organisation(size)
    repeat = 1 if size >= MAX_SIZE else min(config.repeat, 3)
    ours = min(_geometry_time(session) for _ in range(repeat))
    goal = TIME_GOAL if size == MAX_SIZE else None
    figure = Figure("layout + routing (map_geometry)", size, ours, "s", goal)
    if dot is None:
        figure.note = "Graphviz dot is not installed: no reference"
        return figure
    source = config.workdir / f"geometry_{size}.dot"
    source.write_text(to_dot(session), encoding="utf-8")
    timeout = config.dot_timeout
    seconds, finished = run_dot(
        dot, source, config.workdir / f"geometry_{size}.txt", timeout, "plain"
    )
    figure.reference, figure.reference_name = seconds, "dot -Tplain"
    figure.reference_is_bound = not finished
    return figure


def _geometry_time(session: Session) -> float:
    forget_orders()
    start = cpu_clock()
    map_geometry(session)
    return cpu_clock() - start


def _crossings() -> Figure:
    ours = theirs = 0
    per_case = {}
    for name, session in issue_cases().items():
        mine, dots = geometry_crossings(map_geometry(session)), dot_drawing(session).crossings()
        per_case[name] = {"ours": mine, "dot": dots}
        ours += mine
        theirs += dots
    figure = Figure(
        "edge crossings, issue #10 graphs (sum)", None, ours, "crossings", CROSSING_GOAL
    )
    figure.reference, figure.reference_name = theirs, "dot -Tplain"
    figure.extra = per_case
    return figure
