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
