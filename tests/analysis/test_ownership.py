from workshop_app.analysis import Severity

from .build import findings, session_with, subjects

OWNABLE = [
    ("x", "responsibility", "Kulanz"),
    ("p", "priority", "Erstlösung", {"rank": 1}),
    ("g", "guardrail", "Datenschutz"),
]


def test_no_owner_fires_for_each_kind_that_needs_an_owner():
    session = session_with([*OWNABLE, ("lead", "role", "Teamleitung")])
    assert subjects(session, "no-owner") == [("g",), ("p",), ("x",)]
    assert {f.severity for f in findings(session, "no-owner")} == {Severity.ERROR}


def test_no_owner_is_quiet_once_each_has_an_owner():
    session = session_with(
        [*OWNABLE, ("lead", "role", "Teamleitung")],
        [("lead", "accountable", "x"), ("lead", "accountable", "p"), ("lead", "accountable", "g")],
    )
    assert subjects(session, "no-owner") == []


def test_responsible_is_not_ownership():
    session = session_with(
        [("x", "responsibility", "Kulanz"), ("agent", "role", "Servicekraft")],
        [("agent", "responsible", "x")],
    )
    assert subjects(session, "no-owner") == [("x",)]


def test_shared_ownership_names_the_node_and_all_its_owners():
    session = session_with(
        [
            ("x", "responsibility", "Kulanz"),
            ("lead", "role", "Teamleitung"),
            ("agent", "role", "Servicekraft"),
            ("head", "role", "Bereichsleitung"),
        ],
        [("lead", "accountable", "x"), ("agent", "accountable", "x"), ("head", "consulted", "x")],
    )
    [finding] = findings(session, "shared-ownership")
    assert finding.subjects == ("agent", "lead", "x")
    assert finding.severity is Severity.ERROR
    assert "“Servicekraft” and “Teamleitung”" in finding.message
    assert "“Bereichsleitung”" not in finding.message


def test_single_owner_is_not_shared():
    session = session_with(
        [("x", "responsibility", "Kulanz"), ("lead", "role", "Teamleitung")],
        [("lead", "accountable", "x")],
    )
    assert subjects(session, "shared-ownership") == []
