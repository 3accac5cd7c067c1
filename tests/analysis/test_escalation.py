from workshop_app.analysis import Severity

from .build import findings, session_with, subjects

ROLES = [
    ("agent", "role", "Service agent"),
    ("lead", "role", "Team lead"),
    ("head", "role", "Head of service"),
    ("legal", "role", "Legal"),
    ("board", "role", "Board"),
]


def test_escalation_loop_is_one_finding_with_its_nodes():
    edges = [
        ("agent", "escalates_to", "lead"),
        ("lead", "escalates_to", "head"),
        ("head", "escalates_to", "agent"),
        ("head", "escalates_to", "legal"),
        ("lead", "escalates_to", "agent"),
    ]
    [finding] = findings(session_with(ROLES, edges), "escalation-cycle")
    assert finding.subjects == ("agent", "head", "lead")
    assert finding.severity is Severity.ERROR


def test_separate_escalation_loops_are_separate_findings():
    edges = [
        ("agent", "escalates_to", "lead"),
        ("lead", "escalates_to", "agent"),
        ("legal", "escalates_to", "board"),
        ("board", "escalates_to", "legal"),
    ]
    assert subjects(session_with(ROLES, edges), "escalation-cycle") == [
        ("agent", "lead"),
        ("board", "legal"),
    ]


def test_escalation_chain_is_no_loop():
    edges = [
        ("agent", "escalates_to", "lead"),
        ("lead", "escalates_to", "head"),
        ("agent", "escalates_to", "head"),
    ]
    assert subjects(session_with(ROLES, edges), "escalation-cycle") == []


def responsibility(fields):
    return [("x", "responsibility", "Goodwill refunds", fields), ("lead", "role", "Team lead")]


def test_decision_limit_without_escalation_is_missing_one():
    [finding] = findings(
        session_with(responsibility({"decision_limit": "50 EUR"})), "escalation-missing"
    )
    assert finding.subjects == ("x",)
    assert finding.severity is Severity.WARNING
    assert "50 EUR" in finding.message


def test_reconfirmation_without_escalation_is_missing_one():
    session = session_with(responsibility({"reconfirm": True}))
    assert subjects(session, "escalation-missing") == [("x",)]


def test_escalation_path_or_no_limit_means_nothing_missing():
    with_path = session_with(
        responsibility({"decision_limit": "50 EUR", "reconfirm": True}),
        [("x", "escalates_to", "lead")],
    )
    assert subjects(with_path, "escalation-missing") == []
    for fields in ({}, {"decision_limit": "  "}, {"reconfirm": False}):
        assert subjects(session_with(responsibility(fields)), "escalation-missing") == []
