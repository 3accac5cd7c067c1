"""The comparison agrees with a second, plain implementation on generated pairs of sessions."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.compare import compare_sessions
from workshop_app.fileformat import dumps_session, load_session, loads_session, save_session

from .pairs import moved, plain_diff, session_pair

#: (size, seed) of every generated pair: hundreds of nodes each.
PAIRS = [(200 + 20 * (seed % 21), seed) for seed in range(40)]


@pytest.mark.parametrize(("size", "seed"), PAIRS, ids=lambda v: str(v))
def test_generated_pair_agrees_with_the_plain_implementation(
    tmp_path: Path, size: int, seed: int
) -> None:
    old, new = session_pair(size, seed)
    save_session(old, tmp_path / "old.yaml")
    save_session(new, tmp_path / "new.yaml")
    old, new = load_session(tmp_path / "old.yaml"), load_session(tmp_path / "new.yaml")

    assert compare_sessions(old, new).to_json() == plain_diff(old, new)


def test_the_generated_pairs_change_every_part_that_the_diff_reports() -> None:
    """Guards the test above: the pairs really contain each kind of change."""
    seen: set[str] = set()
    for size, seed in PAIRS[:12]:
        result = compare_sessions(*session_pair(size, seed)).to_json()
        for section in ("nodes", "edges", "actions"):
            seen |= {f"{section}.{part}" for part, items in result[section].items() if items}
        seen |= {f"findings.{part}" for part, items in result["findings"].items() if items}
        order = result["priority_order"]
        if order["before"] != order["after"]:
            seen.add("priority_order")
    expected = {
        f"{s}.{p}" for s in ("nodes", "edges", "actions") for p in ("added", "removed", "changed")
    }
    assert expected | {"findings.resolved", "findings.new", "priority_order"} <= seen


@pytest.mark.parametrize("seed", range(5))
def test_moving_every_node_is_no_change(tmp_path: Path, seed: int) -> None:
    old, _ = session_pair(300, seed)
    new = loads_session(dumps_session(old))
    moved(new, random.Random(seed + 100))
    assert dumps_session(new) != dumps_session(old)
    save_session(old, tmp_path / "old.yaml")
    save_session(new, tmp_path / "new.yaml")

    diff = compare_sessions(old, new)

    assert not diff
    assert main(["diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml")]) == 0
