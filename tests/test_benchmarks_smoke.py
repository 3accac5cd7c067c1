"""The benchmark suite still runs: every measurement at a tiny size, once.

No timing is asserted (speed is measured by ``python -m benchmarks``, not by
tests); what is checked is that each measurement produces figures with a
value and, where it is compared with a reference, that reference.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from benchmarks.__main__ import MEASUREMENTS, main, run, table
from benchmarks.harness import Config
from benchmarks.instructions import collected


@pytest.fixture
def bench_config(tmp_path: Path) -> Config:
    return Config(
        workdir=tmp_path, sizes=(50,), repeat=1, process_repeat=1, quick=True, linger_ms=0
    )


#: The bundle's figures need the built application; CI measures them with
#: ``python -m benchmarks.bundle`` right after building it. The count of
#: instructions runs two starts under valgrind, a minute: it has a slow test.
BUILT_SEPARATELY = {"bundle"}
SLOW = {"instructions"}


@pytest.mark.parametrize("name", [m for m in MEASUREMENTS if m not in BUILT_SEPARATELY | SLOW])
def test_each_measurement_gives_figures(name: str, bench_config: Config, qapp: object) -> None:
    figures = run(bench_config, [name], log=io.StringIO())
    assert figures
    for figure in figures:
        assert figure.value > 0, figure
        ratio_goal = figure.goal is not None and not figure.goal.absolute
        compared = bool(figure.reference_name) or ratio_goal
        if compared and not (name in {"export", "geometry"} and shutil.which("dot") is None):
            assert figure.reference is not None and figure.reference > 0, figure
            assert figure.ratio is not None
    assert all(figure.name in table(figures) for figure in figures)


def test_main_writes_the_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "results.json"
    argv = ["--only", "loading", "--sizes", "50", "--repeat", "1", "--platform", "offscreen"]
    assert main([*argv, "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "open session (load_session)" in printed
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["figures"][0]["size"] == 50
    assert results["figures"][0]["reference_name"] == "PyYAML CSafeLoader"
    assert "offscreen" in results["machine"]["windows"]


def test_the_instructions_counted_are_the_probes_own() -> None:
    # valgrind reports each process it ran; a fork of the probe (a read-ahead) has its own pid
    log = (
        "==7== Callgrind, a call-graph generating cache profiler\n"
        "==9== Collected : 1686900000\n"
        "==7== Events    : Ir\n"
        "==7== Collected : 2433600000\n"
    )
    assert collected(log) == 2_433_600_000
    with pytest.raises(ValueError):
        collected("Traceback (most recent call last): ...")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_the_start_is_counted_in_instructions(bench_config: Config) -> None:
    (figure,) = run(bench_config, ["instructions"], log=io.StringIO())
    assert figure.reference is not None and 0 < figure.reference < figure.value
