from workshop_app.analysis import Severity

from .build import findings, session_with, subjects


def test_reconfirmation_makes_a_formal_decision_space():
    session = session_with(
        [
            ("x", "responsibility", "Goodwill refunds", {"reconfirm": True}),
            ("y", "responsibility", "Callbacks", {"reconfirm": False}),
            ("z", "responsibility", "Complaints"),
        ]
    )
    [finding] = findings(session, "formal-decision-space")
    assert finding.subjects == ("x",)
    assert finding.severity is Severity.WARNING
    assert "on paper only" in finding.message


def test_no_good_enough_for_missing_or_blank_text():
    session = session_with(
        [
            ("x", "responsibility", "Goodwill refunds", {"good_enough": "Customer confirms"}),
            ("y", "responsibility", "Callbacks", {"good_enough": " \n"}),
            ("z", "responsibility", "Complaints"),
            ("p", "priority", "Speed"),
        ]
    )
    assert subjects(session, "no-good-enough") == [("y",), ("z",)]
    assert findings(session, "no-good-enough")[0].severity is Severity.INFO


def test_delegated_on_paper_but_reconfirmed_in_practice_is_a_mismatch():
    session = session_with(
        [
            ("x5", "responsibility", "Goodwill refunds", {"reconfirm": True, "delegation": 5}),
            ("x7", "responsibility", "Returns", {"reconfirm": True, "delegation": 7}),
            ("x4", "responsibility", "Callbacks", {"reconfirm": True, "delegation": 4}),
            ("y6", "responsibility", "Complaints", {"reconfirm": False, "delegation": 6}),
            ("z", "responsibility", "Vouchers", {"reconfirm": True}),
        ]
    )
    assert subjects(session, "delegation-mismatch") == [("x5",), ("x7",)]
    finding = findings(session, "delegation-mismatch")[0]
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "“Goodwill refunds” is largely delegated (level 5 of 7, “Advise”), yet every decision "
        "must be re-confirmed: delegated on paper, re-confirmed in practice."
    )


def test_the_mismatch_reads_in_german_with_the_german_level_name():
    session = session_with(
        [("x", "responsibility", "Kulanz", {"reconfirm": True, "delegation": 6})],
        language="de",
    )
    [finding] = findings(session, "delegation-mismatch")
    assert finding.message == (
        "„Kulanz“ ist weitgehend delegiert (Stufe 6 von 7, „Erkundigen“), und doch muss jede "
        "Entscheidung bestätigt werden: auf dem Papier delegiert, in der Praxis rückversichert."
    )
