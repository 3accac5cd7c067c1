"""A second, plain reading of "Walking a case" (DESIGN.md), written apart from the app's.

It works on plain lists and dicts, parses limits character by character and
compares exact fractions, so that a mistake in the app's walk is unlikely to
be repeated here.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

Edge = tuple[str, str, str, dict[str, Any]]

MINUTES = {"min": 1, "h": 60, "d": 1440}


def first_number(text: Any) -> Fraction | None:
    if not isinstance(text, str):
        return None
    digits = "0123456789"
    i = 0
    while i < len(text) and text[i] not in digits:
        i += 1
    if i == len(text):
        return None
    j = i
    while j < len(text) and text[j] in digits:
        j += 1
    whole = text[i:j]
    if j + 1 < len(text) and text[j] in ",." and text[j + 1] in digits:
        k = j + 1
        while k < len(text) and text[k] in digits:
            k += 1
        return Fraction(int(whole + text[j + 1 : k]), 10 ** (k - j - 1))
    return Fraction(int(whole))


def minutes(after: Any) -> int | None:
    if after is None:
        return None
    for unit, factor in MINUTES.items():
        if after.endswith(unit) and after[: -len(unit)].isdigit():
            return int(after[: -len(unit)]) * factor
    raise AssertionError(f"generated a bad duration {after!r}")


def iso(total: int) -> str:
    if total == 0:
        return "PT0S"
    days = total // 1440
    hours = total % 1440 // 60
    mins = total % 60
    text = "P" + (f"{days}D" if days else "")
    clock = (f"{hours}H" if hours else "") + (f"{mins}M" if mins else "")
    return text + ("T" + clock if clock else "")


def plain_walk(
    nodes: dict[str, dict[str, Any]], edges: list[Edge], case: dict[str, Any]
) -> dict[str, Any]:
    absent = set(case.get("absent") or [])

    def into(node: str, kind: str) -> list[str]:
        return sorted(s for s, t, k, _ in edges if t == node and k == kind)

    def up(node: str) -> tuple[str, int | None] | None:
        out = sorted(
            (t, a.get("after")) for s, t, k, a in edges if s == node and k == "escalates_to"
        )
        return (out[0][0], minutes(out[0][1])) if out else None

    def stand_in(role: str) -> str | None:
        for candidate in into(role, "deputy_of"):
            if candidate not in absent:
                return candidate
        return None

    path: list[str] = []
    waits: list[int | None] = []

    def done(decider: str | None, reason: str | None) -> dict[str, Any]:
        wait = None
        if reason is None:
            wait = None if None in waits else iso(sum(waits))  # type: ignore[arg-type]
        return {
            "case": case["id"],
            "outcome": "stalled" if reason else "decided",
            "decided_by": None if reason else decider,
            "reason": reason,
            "path": path,
            "handoffs": max(0, len(path) - 1),
            "wait": wait,
        }

    def reach(role: str) -> bool:
        """Append ``role``; True when it was reached before (a loop)."""
        again = role in path
        path.append(role)
        return again

    x = case["responsibility"]
    first = into(x, "responsible") or into(x, "accountable")
    if len(first) > 1:
        return done(None, "several-handlers")
    if not first:
        return done(None, "no-handler")
    holder = first[0]
    reach(holder)
    if holder in absent:
        deputy = stand_in(holder)
        if deputy is None:
            return done(None, "absent-no-deputy")
        reach(deputy)
        holder = deputy

    limit = first_number(nodes[x].get("decision_limit"))
    amount = case.get("amount")
    within = amount is None or limit is None or Fraction(repr(amount)) <= limit
    edge = up(x) or up(holder)
    if within:
        if nodes[x].get("reconfirm") is not True:
            return done(holder, None)
        owners = into(x, "accountable")
        confirmer = owners[0] if owners and owners[0] != holder else (edge[0] if edge else None)
        if confirmer is None or confirmer == holder:
            return done(None, "no-confirmer")
        path.append(confirmer)
        if confirmer in absent:
            confirmer = stand_in(confirmer)
            if confirmer is None or confirmer == holder:
                return done(None, "no-confirmer")
            path.append(confirmer)
        return done(confirmer, None)

    if edge is None:
        return done(None, "no-escalation")
    while True:
        target, wait = edge
        waits.append(wait)
        if reach(target):
            return done(None, "escalation-loop")
        if target not in absent:
            return done(target, None)
        deputy = stand_in(target)
        if deputy is not None:
            if reach(deputy):
                return done(None, "escalation-loop")
            return done(deputy, None)
        edge = up(target)
        if edge is None:
            return done(None, "absent-no-deputy")
