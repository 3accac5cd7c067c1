"""Loading the decision-space fields: ``cases``, and fields that belong to one kind.

Called by :func:`~workshop_app.fileformat.schema.build_session` once the
nodes and edges are read, so a case can be checked against the map: its
responsibility must be a responsibility, its absent roles must be roles, its
amount a number, its id unique among the cases. ``delegation`` and
``delegation_target`` belong to responsibilities, ``after`` to escalation
edges; on any other kind they are refused, not kept as unknown fields.
The ranges and the duration itself are checked with the other known fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop_app.domain.cases import CASE_FIELDS, is_amount
from workshop_app.domain.kinds import FieldSpec, NodeKind, misplaced_field
from workshop_app.fileformat.errors import show

if TYPE_CHECKING:
    from workshop_app.fileformat.schema import _Checker

__all__ = ["CASE_FIELDS", "check_misplaced_fields", "read_cases"]

_TEXT = FieldSpec("text", "text")


def check_misplaced_fields(check: _Checker, data: dict[str, Any]) -> None:
    """Refuse a node or edge field that belongs to another kind (``delegation`` on a role)."""
    for section, problem in (
        ("nodes", "belongs to a {own}, not to a {kind}"),
        ("edges", "belongs to edges of kind {own}, not {kind}"),
    ):
        for index, item in enumerate(check.items(data, section)):
            kind = item.get("kind")
            for name, value in item.items():
                if value is not None and (own := misplaced_field(name, kind)):
                    check.fail((section, index, name), problem, own=own, kind=kind)


def read_cases(check: _Checker, items: list[Any], kinds: dict[str, NodeKind]) -> list[dict]:
    """The checked cases, in the file's order; null known fields are left out."""
    first: dict[str, int] = {}
    cases = []
    for index, item in enumerate(items):
        path = ("cases", index)
        check.mapping(path, item)
        case_id = check.node_id((*path, "id"), item.get("id"))
        if case_id in first:
            check.fail(
                (*path, "id"),
                "{value} is already the id of cases[{other}]",
                value=show(case_id),
                other=first[case_id],
            )
        first[case_id] = index
        check.required_text(item, path, "title")
        _responsibility(check, (*path, "responsibility"), item.get("responsibility"), kinds)
        _amount(check, (*path, "amount"), item.get("amount"))
        _absent(check, (*path, "absent"), item.get("absent"), kinds)
        if item.get("notes") is not None:
            check.field((*path, "notes"), _TEXT, item["notes"])
        cases.append({k: v for k, v in item.items() if k not in CASE_FIELDS or v is not None})
    return cases


def _responsibility(check: _Checker, path: tuple, value: Any, kinds: dict[str, NodeKind]) -> None:
    """Refuse ``value`` unless it is the id of a responsibility."""
    node_id = check.node_id(path, value)
    kind = kinds.get(node_id)
    if kind is None:
        check.fail(path, "there is no node with the id {value}", value=show(node_id))
    if kind is not NodeKind.RESPONSIBILITY:
        check.fail(
            path,
            "{value} is a {kind}; a case is about a responsibility",
            value=show(node_id),
            kind=kind.value,
        )


def _amount(check: _Checker, path: tuple, value: Any) -> None:
    if value is not None and not is_amount(value):
        check.fail(
            path,
            "must be a number such as 120 or 120.50, without a currency, not {value}",
            value=show(value),
        )


def _absent(check: _Checker, path: tuple, value: Any, kinds: dict[str, NodeKind]) -> None:
    if value is None:
        return
    if value.__class__ is not list:
        check.fail(path, "must be a list of role ids, not {value}", value=show(value))
    for index, role in enumerate(value):
        role_id = check.node_id((*path, index), role)
        kind = kinds.get(role_id)
        if kind is None:
            check.fail((*path, index), "there is no role with the id {value}", value=show(role_id))
        if kind is not NodeKind.ROLE:
            check.fail(
                (*path, index),
                "{value} is a {kind}; only a role can be absent",
                value=show(role_id),
                kind=kind.value,
            )
