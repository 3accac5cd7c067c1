import json

import pytest

from workshop_app.analysis import RULE_CODES, Finding, Severity, find_ambiguities
from workshop_app.domain import SetReview

from .build import findings, session_with

DESIGN_CODES = (
    "no-owner",
    "shared-ownership",
    "priority-tie",
    "priority-cycle",
    "priority-conflict",
    "no-priority",
    "escalation-cycle",
    "escalation-missing",
    "formal-decision-space",
    "no-deputy",
    "no-buffer",
    "no-good-enough",
    "isolated",
    "delegation-mismatch",
)

# Ids deliberately unlike their labels, so a message that shows an id is caught.
EVERYTHING_NODES = [
    ("q_fcr", "priority", "First-contact resolution", {"rank": 1}),
    ("q_cost", "priority", "Cost per contact", {"rank": 1}),
    ("q_nps", "priority", "Customer satisfaction", {"rank": 2}),
    ("q_speed", "priority", "Speed"),
    ("q_care", "priority", "Care"),
    ("o_agent", "role", "Service agent", {"load": 95}),
    ("o_lead", "role", "Team lead"),
    ("o_head", "role", "Head of service"),
    (
        "r_refund",
        "responsibility",
        "Goodwill refunds",
        {
            "decision_limit": "50 EUR",
            "reconfirm": True,
            "critical": True,
            "good_enough": "ok",
            "delegation": 5,
        },
    ),
    ("r_complaint", "responsibility", "Complaint handling"),
    ("g_privacy", "guardrail", "Privacy"),
]
EVERYTHING_EDGES = [
    ("q_nps", "outranks", "q_fcr"),
    ("q_speed", "conflicts_with", "q_care"),
    ("r_refund", "serves", "q_speed"),
    ("r_refund", "serves", "q_care"),
    ("o_agent", "accountable", "r_refund"),
    ("o_lead", "accountable", "r_refund"),
    ("o_lead", "escalates_to", "o_head"),
    ("o_head", "escalates_to", "o_lead"),
    ("o_agent", "informed", "r_complaint"),
]


def everything(language="en"):
    return session_with(EVERYTHING_NODES, EVERYTHING_EDGES, language)


def test_rule_codes_are_those_of_design():
    assert RULE_CODES == DESIGN_CODES


def test_every_rule_fires_on_a_map_full_of_ambiguities():
    assert {finding.code for finding in find_ambiguities(everything())} == set(DESIGN_CODES)


def test_findings_are_sorted_errors_first_then_code_then_subjects():
    result = find_ambiguities(everything())
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    keys = [(order[f.severity], f.code, f.subjects) for f in result]
    assert keys == sorted(keys)
    assert (result[0].severity, result[-1].severity) == (Severity.ERROR, Severity.INFO)


@pytest.mark.parametrize(("language", "opening", "closing"), [("en", "“", "”"), ("de", "„", "“")])
def test_messages_name_quoted_labels_not_ids(language, opening, closing):
    session = everything(language)
    for finding in find_ambiguities(session):
        for subject in finding.subjects:
            assert f"{opening}{session.label(subject)}{closing}" in finding.message, finding
            assert subject not in finding.message, finding


def test_the_session_language_chooses_the_messages_unless_one_is_given():
    session = session_with([("x", "responsibility", "Kulanz")], language="de")
    [no_owner] = findings(session, "no-owner")
    assert no_owner.message == "Für „Kulanz“ ist niemand verantwortlich."
    english = [f for f in find_ambiguities(session, language="en") if f.code == "no-owner"]
    assert english[0].message == "Nobody is accountable for “Kulanz”."
    with pytest.raises(ValueError, match="language"):
        find_ambiguities(session, language="fr")


def test_german_and_english_messages_differ_for_every_rule():
    english = {(f.code, f.subjects): f.message for f in find_ambiguities(everything("en"))}
    german = {(f.code, f.subjects): f.message for f in find_ambiguities(everything("de"))}
    assert english.keys() == german.keys()
    assert all(english[key] != german[key] for key in english)


def test_labels_that_look_like_templates_are_printed_as_written():
    session = session_with([("x", "responsibility", "{subject} & <b>{0}</b>")])
    [finding] = findings(session, "no-owner")
    assert finding.message == "Nobody is accountable for “{subject} & <b>{0}</b>”."


def test_accepted_review_marks_the_finding_accepted_with_its_note():
    session = everything()
    session.apply(
        SetReview("formal-decision-space", ("r_refund",), {"status": "accepted", "note": "bis Q2"})
    )
    result = find_ambiguities(session)
    [accepted] = [f for f in result if f.accepted]
    assert (accepted.code, accepted.subjects, accepted.note) == (
        "formal-decision-space",
        ("r_refund",),
        "bis Q2",
    )
    assert len(result) == len(find_ambiguities(everything()))


def test_review_subjects_match_in_any_order_and_only_the_same_code():
    session = everything()
    session.reviews.append(
        {
            "code": "shared-ownership",
            "subjects": ["r_refund", "o_lead", "o_agent"],
            "status": "accepted",
        }
    )
    session.reviews.append({"code": "no-owner", "subjects": ["o_lead"], "status": "accepted"})
    accepted = [(f.code, f.subjects) for f in find_ambiguities(session) if f.accepted]
    assert accepted == [("shared-ownership", ("o_agent", "o_lead", "r_refund"))]


def test_reopened_review_is_not_accepted():
    session = everything()
    session.apply(SetReview("isolated", ("g_privacy",), {"status": "open", "note": "klären"}))
    [isolated] = [f for f in findings(session, "isolated") if f.subjects == ("g_privacy",)]
    assert (isolated.accepted, isolated.note) == (False, "klären")


def test_to_json_gives_exactly_the_documented_fields():
    session = everything()
    session.apply(SetReview("isolated", ("g_privacy",), {"status": "accepted", "note": "später"}))
    data = [finding.to_json() for finding in find_ambiguities(session)]
    assert json.loads(json.dumps(data)) == data
    assert {tuple(item) for item in data} == {
        ("code", "severity", "subjects", "message", "accepted")
    }
    assert {
        "code": "isolated",
        "severity": "info",
        "subjects": ["g_privacy"],
        "message": "“Privacy” is not connected to anything yet.",
        "accepted": True,
    } in data


def test_findings_are_frozen():
    finding = find_ambiguities(everything())[0]
    assert isinstance(finding, Finding)
    with pytest.raises(AttributeError):
        finding.accepted = True  # type: ignore[misc]


def test_empty_session_has_no_findings():
    assert find_ambiguities(session_with([])) == []
