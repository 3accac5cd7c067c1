"""A second, plain implementation of the stability over a series, from the saved documents."""

from __future__ import annotations

import itertools
from typing import Any

import yaml

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import Session
from workshop_app.fileformat import dumps_session

from .pairs import plain_diff

__all__ = ["plain_stability"]


def plain_stability(sessions: list[Session]) -> dict[str, Any]:
    """Everything of ``Stability.to_json`` except the workshops' names."""
    documents = [yaml.load(dumps_session(s), Loader=yaml.CSafeLoader) for s in sessions]
    steps = [plain_diff(old, new) for old, new in itertools.pairwise(sessions)]
    orders = [steps[0]["priority_order"]["before"]] + [s["priority_order"]["after"] for s in steps]
    order_changes = [n for n in range(2, len(orders) + 1) if orders[n - 2] != orders[n - 1]]
    return {
        "steps": steps,
        "priority_order": {
            "changes": len(order_changes),
            "changed_in": order_changes,
            "orders": orders,
        },
        "guardrails": _guardrails(documents),
        "findings": _findings(sessions),
        "actions": _actions(documents),
    }


def _about(document: dict[str, Any], node: str) -> Any:
    """What the document says about ``node``: its fields and its relations, positions left out."""
    fields = [
        {k: v for k, v in n.items() if k != "position"}
        for n in document.get("nodes") or []
        if n["id"] == node
    ]
    relations = [e for e in document.get("edges") or [] if node in (e["source"], e["target"])]
    return fields, sorted(relations, key=lambda e: (e["source"], e["target"], e["kind"]))


def _guardrails(documents: list[dict[str, Any]]) -> dict[str, Any]:
    guardrails = sorted(
        {n["id"] for d in documents for n in d.get("nodes") or [] if n["kind"] == "guardrail"}
    )
    result = {}
    for node in guardrails:
        changed_in = [
            number
            for number in range(2, len(documents) + 1)
            if _about(documents[number - 2], node) != _about(documents[number - 1], node)
        ]
        result[node] = {"changes": len(changed_in), "changed_in": changed_in}
    return result


def _findings(sessions: list[Session]) -> list[dict[str, Any]]:
    per_session = [
        [(f.code, list(f.subjects)) for f in find_ambiguities(session)] for session in sessions
    ]
    every = sorted({(code, tuple(subjects)) for found in per_session for code, subjects in found})
    result = []
    for code, subjects in every:
        present = [n for n, found in enumerate(per_session, 1) if (code, list(subjects)) in found]
        if len(present) >= 2:
            returned = any(n not in present for n in range(present[0], present[-1] + 1))
            result.append(
                {
                    "code": code,
                    "subjects": list(subjects),
                    "present_in": present,
                    "returned": returned,
                }
            )
    return result


def _actions(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = sorted({a["id"] for d in documents for a in d.get("actions") or []})
    result = []
    for action_id in ids:
        statuses = [
            [a.get("status") for a in d.get("actions") or [] if a["id"] == action_id]
            for d in documents
        ]
        open_in = [n for n, found in enumerate(statuses, 1) if found and found[0] != "done"]
        if len(open_in) >= 2:
            last = statuses[-1]
            now = "removed" if not last else "done" if last[0] == "done" else "open"
            result.append({"id": action_id, "open_in": open_in, "now": now})
    return result
