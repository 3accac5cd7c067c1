"""The shared organisation generator gives the analysis something to find under every rule."""

from benchmarks.orgs import generate_organisation
from workshop_app.analysis import RULE_CODES, find_ambiguities


def test_a_generated_organisation_triggers_every_rule() -> None:
    session = generate_organisation(1000)
    assert session.graph.number_of_nodes() == 1000
    assert {finding.code for finding in find_ambiguities(session)} == set(RULE_CODES)


def test_a_small_one_has_every_flaw_of_the_whole_map() -> None:
    for seed in range(5):
        codes = {finding.code for finding in find_ambiguities(generate_organisation(40, seed))}
        assert {"priority-tie", "priority-cycle", "escalation-cycle", "isolated"} <= codes
