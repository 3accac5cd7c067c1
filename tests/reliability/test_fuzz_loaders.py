"""Fuzzing the session loader and the template loader: clear errors, nothing else.

No input may crash either loader with anything but its own error
(``SessionFormatError``, ``TemplateError``) — no ``RecursionError``, no
``KeyError``, no hang, no segfault. The generated inputs run in child
processes (``reliability_fuzz.py``), so a segfault or a hang ends the child
and is seen as such; Hypothesis adds arbitrary bytes and text and YAML built
from arbitrary data. ``scripts/fuzz_atheris.py`` fuzzes the same checks
coverage-guided where atheris installs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_fuzz import NAMES, SCALARS, check_session, check_template

FUZZ = Path(__file__).with_name("reliability_fuzz.py")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run_children(first: int, seeds: int, batch: int) -> dict[str, int]:
    """Check ``seeds`` seeds' inputs in child processes of ``batch`` seeds; the figures."""
    figures = {"executions": 0, "loaded": 0, "crashes": 0, "hangs": 0}
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for start in range(first, first + seeds, batch):
        count = min(batch, first + seeds - start)
        command = [sys.executable, str(FUZZ), str(start), str(count)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
        except subprocess.TimeoutExpired:
            figures["hangs"] += 1
            continue
        if result.returncode < 0:
            figures["crashes"] += 1
            print(f"seeds {start}+{count}: {signal.Signals(-result.returncode).name}")
            continue
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        _ok, executions, loaded = result.stdout.split()
        figures["executions"] += int(executions)
        figures["loaded"] += int(loaded)
    return figures


def test_generated_inputs_are_loaded_or_refused_clearly(reliability_figures: Any) -> None:
    figures = run_children(0, 2000, batch=1000)
    reliability_figures("fuzz, generated (CI)", figures)
    assert figures["crashes"] == figures["hangs"] == 0
    assert figures["executions"] == 4000
    assert 0 < figures["loaded"] < 4000  # both outcomes occur, or the inputs are too tame


@pytest.mark.slow
def test_half_a_million_generated_inputs(reliability_figures: Any) -> None:
    seeds = int(os.environ.get("RELIABILITY_FUZZ_SEEDS", "250000"))
    figures = run_children(10_000, seeds, batch=10_000)
    reliability_figures("fuzz, generated (long)", figures)
    assert figures["crashes"] == figures["hangs"] == 0
    assert figures["executions"] == 2 * seeds


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes(data: bytes) -> None:
    check_session(data)
    check_template(data)


@FAST
@given(st.text(max_size=2000))
def test_any_text(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    check_session(data)
    check_template(data)


_scalars = st.one_of(
    st.sampled_from(SCALARS[:-2]),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.text(max_size=30),
)
_documents = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(st.sampled_from(NAMES) | st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=40,
)


@FAST
@given(_documents, st.booleans(), st.sampled_from(["session", "template"]))
def test_yaml_of_any_data(data: Any, flow: bool, base: str) -> None:
    if base == "session" and isinstance(data, dict):
        data = {"format": "workshop-session", "version": 1, **data}
    elif isinstance(data, dict):
        data = {"name": "n", "title": "t", "language": "en", "description": "d", **data}
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    check_session(text.encode("utf-8", "surrogatepass"))
    check_template(text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize(
    "text",
    ["[" * 200_000, "{a: " * 100_000, "- " * 100_000, "a:\n" + "  " * 50_000 + "b: c\n"],
    ids=["brackets", "mappings", "dashes", "indentation"],
)
def test_deep_nesting_in_a_template_is_refused_without_crashing(text: str) -> None:
    # In a child: a segfault there is a failed test here, not a dead test run.
    script = (
        "import sys\n"
        "from workshop_app.templates import TemplateError, parse_template\n"
        "try:\n"
        "    parse_template(sys.stdin.read(), 'deep.yaml')\n"
        "except TemplateError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], input=text, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("deep.yaml")
    assert "\n" not in result.stdout.strip()
