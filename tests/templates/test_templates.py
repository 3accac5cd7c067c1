"""Workshop templates: every bundled one makes a usable session; broken ones are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_app.analysis import find_ambiguities
from workshop_app.domain import LANGUAGES, NodeKind
from workshop_app.fileformat import load_session, save_session
from workshop_app.templates import (
    TemplateError,
    list_templates,
    load_template,
    parse_template,
    session_from_template,
    session_phases,
)

NAMES = [info.name for info in list_templates()]
PHASE_IDS = [
    "priorities",
    "decision_spaces",
    "escalation",
    "buffers_guardrails",
    "good_enough",
    "review_actions",
]

GOOD = """\
name: tiny
title: Tiny
language: en
description: A test template.
phases:
  - id: priorities
    title: Priorities
    minutes: 10
    questions: [What wins?]
starter:
  nodes:
    - {id: p1, kind: priority, label: Speed}
    - {id: r1, kind: role, label: Agent}
  edges:
    - {source: r1, target: p1, kind: accountable}
"""


def test_both_languages_offer_the_customer_service_and_escalation_workshops() -> None:
    by_language = {
        lang: {i.name for i in list_templates() if i.language == lang} for lang in LANGUAGES
    }
    assert by_language["de"] >= {"kundenservice-verantwortung", "eskalationspfade-review"}
    assert by_language["en"] >= {"customer-service-responsibility", "escalation-path-review"}


@pytest.mark.parametrize("name", NAMES)
def test_every_template_walks_through_the_six_phases_with_questions(name: str) -> None:
    template = load_template(name)
    assert [phase.id for phase in template.phases] == PHASE_IDS
    assert all(phase.questions and phase.minutes > 0 for phase in template.phases)
    assert template.description and template.title


@pytest.mark.parametrize("name", NAMES)
def test_a_session_from_each_template_is_analysed_saved_and_loaded(
    name: str, tmp_path: Path
) -> None:
    template = load_template(name)
    session = session_from_template(name)
    assert session.meta["title"] == template.title
    assert session.language == template.language
    assert session.graph.number_of_nodes() == len(template.nodes) > 0
    assert find_ambiguities(session)  # a starter map is where the questions begin

    save_session(session, tmp_path / "s.yaml")
    loaded = load_session(tmp_path / "s.yaml")
    assert [p.title for p in session_phases(loaded)] == [p.title for p in template.phases]
    assert loaded.meta["phase"] == 0
    assert set(loaded.graph.nodes) == set(session.graph.nodes)
    assert sorted(loaded.graph.edges(keys=True)) == sorted(session.graph.edges(keys=True))


def test_a_session_without_phases_is_guided_by_the_default_workshop_in_its_language() -> None:
    session = session_from_template("kundenservice-verantwortung")
    del session.meta["phases"]
    assert session_phases(session)[0].title.startswith("Prioritäten")
    session.meta["language"] = "en"
    assert session_phases(session)[0].title.startswith("Priorities")


def test_hand_edited_phases_keep_the_usable_entries() -> None:
    session = session_from_template("customer-service-responsibility")
    session.meta["phases"] = ["junk", {"title": "Only this", "minutes": 5, "questions": ["Q?", 3]}]
    [phase] = session_phases(session)
    assert (phase.title, phase.minutes, phase.questions) == ("Only this", 5, ("Q?",))


def test_a_valid_template_text_builds_its_starter_map(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(GOOD, encoding="utf-8")
    session = session_from_template("tiny", tmp_path)
    assert session.nodes_of_kind(NodeKind.PRIORITY) == ["p1"]
    assert session.graph.has_edge("r1", "p1", key="accountable")


@pytest.mark.parametrize(
    ("broken", "place", "words"),
    [
        (GOOD.replace("minutes: 10", "minutes: soon"), "line 8, phases[0].minutes", "minutes"),
        (GOOD.replace("language: en", "language: fr"), "line 3, language", "de, en"),
        (GOOD.replace("kind: accountable", "kind: serves"), "line 15, starter.edges[0]", "serves"),
        (GOOD.replace("kind: role", "kind: boss"), "line 13, starter.nodes[1]", "'boss'"),
        (GOOD.replace("    title: Priorities\n", ""), "line 6, phases[0]", "'title'"),
        (GOOD.replace("description:", "descripton:"), "line 4, descripton", "unknown field"),
        (GOOD.replace("[What wins?]", "[What wins?"), "line ", "not valid YAML"),
        (GOOD + "extra: !!python/object:os.system ls\n", "line 16, extra", "tag"),
    ],
    ids=["minutes", "language", "edge-ends", "node-kind", "no-title", "typo", "yaml", "tag"],
)
def test_a_broken_template_is_refused_naming_the_place(broken: str, place: str, words: str) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template(broken, "tiny.yaml", name="tiny")
    message = str(caught.value)
    assert message.startswith(f"tiny.yaml, {place}"), message
    assert words in message


def test_the_name_inside_must_match_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(TemplateError, match=r"other\.yaml, line 1, name: must be 'other'"):
        load_template("other", tmp_path)


def test_an_unknown_template_name_lists_the_known_ones() -> None:
    with pytest.raises(TemplateError, match=r"known: .*kundenservice-verantwortung"):
        load_template("../../etc/passwd")
