"""Fixtures of the reliability trials (prefixed ``reliability_``), and their figures.

Each trial records what it measured (kills, unreadable files, seconds lost,
fuzz executions, connection attempts) with ``reliability_figures``; the
figures are printed after the test run, so ``pytest -m slow tests/reliability``
gives the numbers that ``docs/reliability.md`` quotes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

_FIGURES: dict[str, dict[str, Any]] = {}

Record = Callable[[str, dict[str, Any]], None]


@pytest.fixture
def reliability_figures() -> Record:
    """``record(trial, figures)``: keep a trial's figures for the summary."""

    def record(trial: str, figures: dict[str, Any]) -> None:
        _FIGURES[trial] = figures

    return record


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _FIGURES:
        return
    terminalreporter.section("reliability figures")
    for trial, figures in _FIGURES.items():
        shown = ", ".join(f"{name}={value}" for name, value in figures.items())
        terminalreporter.write_line(f"{trial}: {shown}")
