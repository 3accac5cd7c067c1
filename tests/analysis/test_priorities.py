import pytest

from workshop_app.analysis import Severity

from .build import findings, session_with, subjects


def priority(node_id, rank=None):
    return (node_id, "priority", f"Priority {node_id}", {} if rank is None else {"rank": rank})


def test_priority_tie_gives_one_finding_per_shared_rank():
    session = session_with(
        [
            *(priority(node, 1) for node in "ab"),
            *(priority(node, 2) for node in "cde"),
            priority("f", 3),
            priority("g"),
        ]
    )
    assert subjects(session, "priority-tie") == [("a", "b"), ("c", "d", "e")]
    assert findings(session, "priority-tie")[0].severity is Severity.WARNING
    assert "rank 2" in findings(session, "priority-tie")[1].message


def test_distinct_and_missing_ranks_do_not_tie():
    session = session_with([priority("a", 1), priority("b", 2), priority("c"), priority("d")])
    assert subjects(session, "priority-tie") == []


def test_outranks_cycle_is_reported_once():
    session = session_with(
        [priority("a"), priority("b"), priority("c"), priority("d")],
        [
            ("a", "outranks", "b"),
            ("b", "outranks", "c"),
            ("c", "outranks", "a"),
            ("c", "outranks", "d"),
        ],
    )
    assert subjects(session, "priority-cycle") == [("a", "b", "c")]
    assert findings(session, "priority-cycle")[0].severity is Severity.ERROR


def test_outranks_against_the_ranks_is_a_cycle():
    session = session_with(
        [priority("a", 1), priority("b", 2), priority("c", 3)], [("c", "outranks", "a")]
    )
    assert subjects(session, "priority-cycle") == [("a", "b", "c")]


def test_outranks_along_the_ranks_or_within_a_tie_is_no_cycle():
    session = session_with(
        [priority("a", 1), priority("b", 2), priority("c", 2), priority("d", 3)],
        [("a", "outranks", "d"), ("b", "outranks", "c")],
    )
    assert subjects(session, "priority-cycle") == []


def test_two_separate_cycles_are_two_findings():
    session = session_with(
        [priority("a"), priority("b"), priority("c", 1), priority("d", 2)],
        [("a", "outranks", "b"), ("b", "outranks", "a"), ("d", "outranks", "c")],
    )
    assert subjects(session, "priority-cycle") == [("a", "b"), ("c", "d")]


CONFLICT = [
    priority("speed"),
    priority("care"),
    ("x", "responsibility", "Refunds"),
    ("y", "responsibility", "Callbacks"),
    ("z", "responsibility", "Complaints"),
]
SERVING = [
    ("speed", "conflicts_with", "care"),
    ("x", "serves", "speed"),
    ("x", "serves", "care"),
    ("y", "serves", "speed"),
    ("y", "serves", "care"),
    ("z", "serves", "speed"),
]


def test_unsettled_conflict_names_the_responsibilities_serving_both():
    [finding] = findings(session_with(CONFLICT, SERVING), "priority-conflict")
    assert finding.subjects == ("care", "speed", "x", "y")
    assert finding.severity is Severity.ERROR
    assert "“Refunds” and “Callbacks”" in finding.message or "“Callbacks” and “Refunds”" in (
        finding.message
    )


def test_conflict_in_both_directions_is_one_finding():
    session = session_with(CONFLICT, [*SERVING, ("care", "conflicts_with", "speed")])
    assert subjects(session, "priority-conflict") == [("care", "speed", "x", "y")]


def test_conflict_settled_by_outranks():
    session = session_with(CONFLICT, [*SERVING, ("care", "outranks", "speed")])
    assert subjects(session, "priority-conflict") == []


def test_conflict_settled_by_ranks():
    nodes = [priority("speed", 2), priority("care", 1), *CONFLICT[2:]]
    assert subjects(session_with(nodes, SERVING), "priority-conflict") == []


def test_conflict_settled_through_a_chain_of_outranks_and_ranks():
    nodes = [priority("speed", 3), priority("care"), priority("mid", 1), *CONFLICT[2:]]
    edges = [*SERVING, ("care", "outranks", "mid")]
    assert subjects(session_with(nodes, edges), "priority-conflict") == []


def test_equal_ranks_do_not_settle_a_conflict():
    nodes = [priority("speed", 1), priority("care", 1), *CONFLICT[2:]]
    assert subjects(session_with(nodes, SERVING), "priority-conflict") == [
        ("care", "speed", "x", "y")
    ]


@pytest.mark.parametrize(
    "order",
    [
        [("care", "outranks", "speed"), ("speed", "outranks", "care")],
        [("care", "outranks", "speed"), ("speed", "outranks", "mid"), ("mid", "outranks", "care")],
    ],
)
def test_conflict_is_unsettled_when_each_is_above_the_other(order):
    nodes = [*CONFLICT, priority("mid")]
    session = session_with(nodes, [*SERVING, *order])
    assert subjects(session, "priority-conflict") == [("care", "speed", "x", "y")]
    assert len(subjects(session, "priority-cycle")) == 1


def test_no_priority_fires_for_a_responsibility_serving_nothing():
    session = session_with(CONFLICT, SERVING[1:])
    assert subjects(session, "no-priority") == []
    session = session_with([*CONFLICT, ("w", "responsibility", "Escalations")], SERVING)
    [finding] = findings(session, "no-priority")
    assert finding.subjects == ("w",)
    assert finding.severity is Severity.WARNING
