"""Proposed measures and owners: what to do about a finding, and who could carry it."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_app.analysis import RULE_CODES, find_ambiguities
from workshop_app.analysis.measures import MEASURE_CODES, proposed_measure, proposed_owner
from workshop_app.fileformat import load_session

from .build import findings, session_with

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "versandhandel.yaml"


def test_every_rule_has_its_own_measure() -> None:
    assert set(MEASURE_CODES) == set(RULE_CODES)


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_measure_is_not_the_problem_restated(language: str) -> None:
    session = load_session(SAMPLE)
    found = find_ambiguities(session, language)
    assert {f.code for f in found} >= set(RULE_CODES) - {"delegation-mismatch"}
    for finding in found:
        measure = proposed_measure(session, finding, language)
        assert measure and measure != finding.message
        assert not measure.startswith(("Clarify", "Klären:")), finding.code
        other = proposed_measure(session, finding, "en" if language == "de" else "de")
        assert other != measure, f"no German wording for {finding.code}"


def test_a_measure_names_labels_in_the_languages_quotes() -> None:
    session = session_with([("x", "responsibility", "Kulanz")], language="de")
    (finding,) = findings(session, "no-owner")
    assert proposed_measure(session, finding) == "Festlegen, wer für „Kulanz“ verantwortlich ist"
    assert proposed_measure(session, finding, "en") == "Agree who is accountable for “Kulanz”"


def test_the_owner_is_the_one_accountable_role() -> None:
    session = session_with(
        [("r_lead", "role", "Team lead"), ("x", "responsibility", "Refunds", {"reconfirm": True})],
        [("r_lead", "accountable", "x")],
    )
    (finding,) = findings(session, "formal-decision-space")
    assert proposed_owner(session, finding) == "r_lead"


def test_without_an_owner_the_responsible_role_or_the_escalation_is_proposed() -> None:
    session = session_with(
        [("r_agent", "role", "Agent"), ("r_lead", "role", "Lead"), ("x", "responsibility", "X")],
        [("r_agent", "responsible", "x"), ("x", "escalates_to", "r_lead")],
    )
    (finding,) = findings(session, "no-owner")
    assert proposed_owner(session, finding) == "r_agent"
    session = session_with(
        [("r_lead", "role", "Lead"), ("x", "responsibility", "X")],
        [("x", "escalates_to", "r_lead")],
    )
    (finding,) = findings(session, "no-owner")
    assert proposed_owner(session, finding) == "r_lead"


def test_several_owners_are_settled_by_their_lead() -> None:
    session = session_with(
        [
            ("r_a", "role", "A"),
            ("r_b", "role", "B"),
            ("r_lead", "role", "Lead"),
            ("x", "responsibility", "X"),
        ],
        [
            ("r_a", "accountable", "x"),
            ("r_b", "accountable", "x"),
            ("r_a", "escalates_to", "r_lead"),
        ],
    )
    (finding,) = findings(session, "shared-ownership")
    assert proposed_owner(session, finding) == "r_lead"
    assert proposed_measure(session, finding) == (
        "Decide which one role alone is accountable for “X”"
    )


def test_a_role_without_buffer_is_its_own_owner_when_it_has_no_lead() -> None:
    session = session_with([("r_a", "role", "Agents", {"load": 95})])
    (finding,) = findings(session, "no-buffer")
    assert proposed_owner(session, finding) == "r_a"
    assert proposed_measure(session, finding) == "Free capacity for “Agents” (load below 90 %)"
