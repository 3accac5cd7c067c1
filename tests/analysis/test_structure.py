from workshop_app.analysis import Severity

from .build import findings, session_with, subjects


def test_isolated_nodes_are_those_without_any_edge():
    session = session_with(
        [
            ("lead", "role", "Team lead"),
            ("x", "responsibility", "Goodwill refunds"),
            ("g", "guardrail", "Privacy"),
            ("p", "priority", "Speed"),
        ],
        [("lead", "informed", "x")],
    )
    assert subjects(session, "isolated") == [("g",), ("p",)]
    assert findings(session, "isolated")[0].severity is Severity.INFO
