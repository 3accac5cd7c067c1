"""Each rule of "Walking a case", on a small map a workshop would recognise."""

from __future__ import annotations

import pytest

from workshop_app import walk_case
from workshop_app.cases import CaseError, decision_limit
from workshop_app.fileformat import loads_session

HEAD = "format: workshop-session\nversion: 1\nnodes:\n"
ROLES = "".join(
    f"  - {{id: {role}, kind: role, label: {label}}}\n"
    for role, label in (
        ("agent", "Agent"),
        ("agent2", "Second agent"),
        ("lead", "Team lead"),
        ("head", "Head of service"),
        ("deputy", "Deputy lead"),
    )
)


def walk(fields: str, edges: list[str], amount: object = None, absent: tuple = ()) -> dict:
    text = HEAD + ROLES + f"  - {{id: x, kind: responsibility, label: Refunds{fields}}}\n"
    text += "edges:\n" + "".join(f"  - {{{edge}}}\n" for edge in edges)
    session = loads_session(text)
    case = {"id": "c", "title": "T", "responsibility": "x", "absent": list(absent)}
    if amount is not None:
        case["amount"] = amount
    return walk_case(session, case).to_json()


def e(source: str, target: str, kind: str, extra: str = "") -> str:
    return f"source: {source}, target: {target}, kind: {kind}{extra}"


AGENT_OWNS = [e("agent", "x", "accountable")]
LIMIT = ', decision_limit: "50,00 EUR"'


def test_the_responsible_role_handles_the_case_before_the_accountable_one() -> None:
    result = walk("", [e("lead", "x", "accountable"), e("agent", "x", "responsible")])
    assert result == {
        "case": "c",
        "outcome": "decided",
        "decided_by": "agent",
        "reason": None,
        "path": ["agent"],
        "handoffs": 0,
        "wait": "PT0S",
    }


@pytest.mark.parametrize(
    ("edges", "reason"),
    [
        ([e("agent", "x", "responsible"), e("agent2", "x", "responsible")], "several-handlers"),
        ([e("agent", "x", "accountable"), e("lead", "x", "accountable")], "several-handlers"),
        ([e("agent", "x", "consulted"), e("lead", "x", "informed")], "no-handler"),
    ],
)
def test_no_single_first_handler_stalls_before_anyone_holds_the_case(
    edges: list[str], reason: str
) -> None:
    result = walk("", edges)
    assert (result["reason"], result["path"], result["handoffs"], result["wait"]) == (
        reason,
        [],
        0,
        None,
    )


def test_an_absent_first_handler_passes_to_the_first_present_deputy_by_id() -> None:
    edges = [*AGENT_OWNS, e("lead", "agent", "deputy_of"), e("agent2", "agent", "deputy_of")]
    assert walk("", edges, absent=("agent",))["path"] == ["agent", "agent2"]
    assert walk("", edges, absent=("agent", "agent2"))["path"] == ["agent", "lead"]
    stalled = walk("", edges, absent=("agent", "agent2", "lead"))
    assert (stalled["reason"], stalled["path"]) == ("absent-no-deputy", ["agent"])


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("50 EUR", "50"),
        ("bis 50,5 EUR", "50.5"),
        ("EUR 75.25", "75.25"),
        ("1.000 EUR", "1.000"),
        ("50,- EUR", "50"),
        ("nach Rücksprache", None),
        ("٣٠ EUR", None),
    ],
)
def test_the_limit_is_the_first_number_with_a_comma_or_point(text: str, number: str) -> None:
    limit = decision_limit(text)
    assert (str(limit) if limit is not None else None) == number


@pytest.mark.parametrize(("amount", "decider"), [(None, "agent"), (50, "agent"), (50.01, "lead")])
def test_within_the_limit_the_holder_decides_beyond_it_the_case_goes_up(
    amount: object, decider: str
) -> None:
    result = walk(LIMIT, [*AGENT_OWNS, e("agent", "lead", "escalates_to", ", after: 4h")], amount)
    assert result["decided_by"] == decider


def test_the_responsibilitys_own_path_comes_before_the_holders() -> None:
    edges = [
        *AGENT_OWNS,
        e("agent", "lead", "escalates_to", ", after: 4h"),
        e("x", "head", "escalates_to", ", after: 2d"),
        e("x", "deputy", "escalates_to", ", after: 30min"),
    ]
    result = walk(LIMIT, edges, 120)
    assert (result["path"], result["wait"]) == (["agent", "deputy"], "PT30M")


def test_beyond_the_limit_with_no_escalation_path_the_case_stalls() -> None:
    result = walk(LIMIT, AGENT_OWNS, 120)
    assert (result["reason"], result["path"], result["decided_by"]) == (
        "no-escalation",
        ["agent"],
        None,
    )


def test_an_absent_receiver_without_deputy_passes_it_further_up_and_the_waits_add() -> None:
    edges = [
        *AGENT_OWNS,
        e("x", "lead", "escalates_to", ", after: 4h"),
        e("lead", "head", "escalates_to", ", after: 2d"),
    ]
    result = walk(LIMIT, edges, 120, absent=("lead",))
    assert result == {
        "case": "c",
        "outcome": "decided",
        "decided_by": "head",
        "reason": None,
        "path": ["agent", "lead", "head"],
        "handoffs": 2,
        "wait": "P2DT4H",
    }
    assert walk(LIMIT, edges, 120, absent=("lead", "head"))["reason"] == "absent-no-deputy"


def test_an_absent_receiver_with_a_deputy_is_replaced_by_it() -> None:
    edges = [
        *AGENT_OWNS,
        e("x", "lead", "escalates_to", ", after: 4h"),
        e("lead", "head", "escalates_to", ", after: 2d"),
        e("deputy", "lead", "deputy_of"),
    ]
    result = walk(LIMIT, edges, 120, absent=("lead",))
    assert (result["path"], result["decided_by"], result["wait"]) == (
        ["agent", "lead", "deputy"],
        "deputy",
        "PT4H",
    )


def test_a_role_reached_a_second_time_is_a_loop() -> None:
    edges = [
        *AGENT_OWNS,
        e("x", "lead", "escalates_to", ", after: 4h"),
        e("lead", "head", "escalates_to"),
        e("head", "lead", "escalates_to"),
    ]
    result = walk(LIMIT, edges, 120, absent=("lead", "head"))
    assert (result["reason"], result["path"], result["wait"]) == (
        "escalation-loop",
        ["agent", "lead", "head", "lead"],
        None,
    )


def test_an_escalation_without_deadline_leaves_the_wait_open() -> None:
    edges = [*AGENT_OWNS, e("x", "lead", "escalates_to")]
    result = walk(LIMIT, edges, 120)
    assert (result["outcome"], result["wait"]) == ("decided", None)


def test_a_decision_to_reconfirm_is_confirmed_by_the_accountable_role() -> None:
    edges = [
        e("lead", "x", "accountable"),
        e("agent", "x", "responsible"),
        e("x", "head", "escalates_to", ", after: 4h"),
    ]
    result = walk(LIMIT + ", reconfirm: true", edges, 30)
    assert (result["path"], result["decided_by"], result["wait"]) == (
        ["agent", "lead"],
        "lead",
        "PT0S",
    )


def test_the_accountable_decider_is_confirmed_along_the_escalation_path() -> None:
    edges = [*AGENT_OWNS, e("x", "head", "escalates_to", ", after: 4h")]
    result = walk(LIMIT + ", reconfirm: true", edges, 30)
    assert (result["path"], result["decided_by"]) == (["agent", "head"], "head")
    assert walk(LIMIT + ", reconfirm: true", AGENT_OWNS, 30)["reason"] == "no-confirmer"


def test_an_absent_confirmer_is_replaced_by_its_deputy_unless_that_is_the_decider() -> None:
    edges = [
        e("lead", "x", "accountable"),
        e("agent", "x", "responsible"),
        e("deputy", "lead", "deputy_of"),
    ]
    result = walk(", reconfirm: true", edges, absent=("lead",))
    assert (result["path"], result["decided_by"]) == (["agent", "lead", "deputy"], "deputy")
    edges[-1] = e("agent", "lead", "deputy_of")
    result = walk(", reconfirm: true", edges, absent=("lead",))
    assert (result["reason"], result["path"]) == ("no-confirmer", ["agent", "lead"])


def test_a_case_beyond_the_limit_is_not_reconfirmed() -> None:
    edges = [e("lead", "x", "accountable"), e("agent", "x", "responsible")]
    edges.append(e("x", "head", "escalates_to", ", after: 1h"))
    result = walk(LIMIT + ", reconfirm: true", edges, 80)
    assert (result["path"], result["decided_by"]) == (["agent", "head"], "head")


def test_a_case_on_something_that_is_not_a_responsibility_cannot_be_walked() -> None:
    session = loads_session(HEAD + ROLES)
    with pytest.raises(CaseError, match="'lead' is not a responsibility"):
        walk_case(session, {"id": "c", "title": "T", "responsibility": "lead"})
