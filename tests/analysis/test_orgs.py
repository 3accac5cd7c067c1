"""The synthetic organisation used to measure the analysis exercises every rule."""

from workshop_app.analysis import RULE_CODES, find_ambiguities

from .orgs import organisation, reference_graph, session_of


def test_synthetic_organisation_is_valid_and_triggers_every_rule():
    org = organisation(1000)
    session = session_of(org)
    assert session.graph.number_of_edges() == reference_graph(org).number_of_edges()
    assert {finding.code for finding in find_ambiguities(session)} == set(RULE_CODES)
