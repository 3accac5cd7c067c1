from workshop_app.analysis import Severity

from .build import findings, session_with, subjects

NODES = [
    ("lead", "role", "Team lead"),
    ("agent", "role", "Service agent"),
    ("x", "responsibility", "Goodwill refunds", {"critical": True}),
    ("y", "responsibility", "Outage hotline", {"critical": True}),
    ("z", "responsibility", "Newsletter", {"critical": False}),
]
OWNING = [("lead", "accountable", "x"), ("lead", "accountable", "y"), ("lead", "accountable", "z")]


def test_no_deputy_names_the_role_and_its_critical_responsibilities():
    [finding] = findings(session_with(NODES, OWNING), "no-deputy")
    assert finding.subjects == ("lead", "x", "y")
    assert finding.severity is Severity.WARNING
    assert "“Newsletter”" not in finding.message


def test_a_deputy_or_no_critical_work_means_no_finding():
    with_deputy = session_with(NODES, [*OWNING, ("agent", "deputy_of", "lead")])
    assert subjects(with_deputy, "no-deputy") == []
    only_responsible = session_with(
        NODES, [("lead", "responsible", "x"), ("lead", "accountable", "z")]
    )
    assert subjects(only_responsible, "no-deputy") == []


def test_no_buffer_from_ninety_percent_load():
    session = session_with(
        [
            ("a", "role", "Agents", {"load": 90}),
            ("b", "role", "Back office", {"load": 89}),
            ("c", "role", "Chat", {"load": 150}),
            ("d", "role", "Dispatch"),
        ]
    )
    assert subjects(session, "no-buffer") == [("a",), ("c",)]
    finding = findings(session, "no-buffer")[0]
    assert finding.severity is Severity.WARNING
    assert "90 %" in finding.message
    assert "peaks, absences or special cases" in finding.message
