"""The bundled sample and the customer-service templates carry cases worth walking."""

from __future__ import annotations

import pytest

from workshop_app.cases import walk_case
from workshop_app.domain import NodeKind, Session
from workshop_app.fileformat import load_session
from workshop_app.resources import resource_path
from workshop_app.templates import TemplateError, parse_template, session_from_template

BUNDLED = {
    "sample": lambda: load_session(resource_path("samples", "versandhandel.yaml")),
    "kundenservice-verantwortung": lambda: session_from_template("kundenservice-verantwortung"),
    "customer-service-responsibility": lambda: session_from_template(
        "customer-service-responsibility"
    ),
}


@pytest.mark.parametrize("name", BUNDLED)
def test_two_or_three_cases_of_which_one_is_decided_and_one_stalls(name: str) -> None:
    session: Session = BUNDLED[name]()
    walks = [walk_case(session, case) for case in session.cases]
    assert 2 <= len(walks) <= 3
    assert {walk.outcome for walk in walks} == {"decided", "stalled"}
    assert any(walk.handoffs >= 1 for walk in walks if walk.decided)
    assert all(case.get("notes") for case in session.cases)  # says what the case shows


@pytest.mark.parametrize("name", BUNDLED)
def test_delegation_levels_and_deadlines_are_filled_in_where_they_teach(name: str) -> None:
    session: Session = BUNDLED[name]()
    levels = [
        (attrs.get("delegation"), attrs.get("delegation_target"))
        for node in session.nodes_of_kind(NodeKind.RESPONSIBILITY)
        for attrs in [session.graph.nodes[node]]
        if "delegation" in attrs
    ]
    assert levels and any(today < target for today, target in levels)
    assert any("after" in data for *_, data in session.graph.edges(data=True))


def test_the_sample_shows_a_delegation_on_paper_only() -> None:
    from workshop_app.analysis import find_ambiguities

    session = BUNDLED["sample"]()
    mismatches = [f for f in find_ambiguities(session) if f.code == "delegation-mismatch"]
    assert [f.subjects for f in mismatches] == [("x_kulanz",)]


TEMPLATE = """\
name: tiny
title: Tiny
language: en
description: A test template.
phases:
  - id: priorities
    title: Priorities
    minutes: 10
    questions: [What wins?]
starter:
  nodes:
    - {id: r1, kind: role, label: Agent}
    - {id: x1, kind: responsibility, label: Refunds}
  cases:
    - {id: c1, title: Refund, responsibility: x1, amount: 30}
"""


@pytest.mark.parametrize(
    ("broken", "place", "words"),
    [
        (
            TEMPLATE.replace("responsibility: x1,", "responsibility: r1,"),
            "line 15, starter.cases[0]",
            "not a responsibility",
        ),
        (
            TEMPLATE.replace("amount: 30", "amount: dreißig"),
            "line 15, starter.cases[0]",
            "must be a number",
        ),
        (TEMPLATE.replace("title: Refund, ", ""), "line 15, starter.cases[0]", "'title'"),
        (
            TEMPLATE.replace("label: Refunds}", "label: Refunds, delegation: 8}"),
            "line 13, starter.nodes[1]",
            "from 1 to 7",
        ),
    ],
    ids=["on-a-role", "amount", "no-title", "level"],
)
def test_a_broken_starter_case_is_refused_naming_the_place(
    broken: str, place: str, words: str
) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template(broken, "tiny.yaml", name="tiny")
    assert str(caught.value).startswith(f"tiny.yaml, {place}"), caught.value
    assert words in str(caught.value)
