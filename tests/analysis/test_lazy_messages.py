"""A finding's message is written when it is first read, not when the rule finds it."""

from __future__ import annotations

import pytest

from benchmarks.orgs import generate_organisation
from workshop_app.analysis import find_ambiguities, messages
from workshop_app.analysis._de import GERMAN
from workshop_app.domain import RemoveNode
from workshop_app.i18n import translator


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The codes of the messages written, in order."""
    codes: list[str] = []
    builders = dict(messages.MESSAGES)

    def counting(code: str):
        def build(G, subjects, _):
            codes.append(code)
            return builders[code](G, subjects, _)

        return build

    monkeypatch.setattr(messages, "MESSAGES", {code: counting(code) for code in builders})
    return codes


def test_no_message_is_written_until_one_is_read_and_then_once(written: list[str]) -> None:
    session = generate_organisation(300, seed=4)
    findings = find_ambiguities(session, "en")
    assert len(findings) > 100
    assert written == []
    first = findings[0].message
    assert findings[0].message is first
    assert written == [findings[0].code]


def test_messages_read_later_say_what_eager_ones_said() -> None:
    session = generate_organisation(300, seed=4)
    german = translator(GERMAN, "de")
    for finding in find_ambiguities(session, "de"):
        expected = messages.message(session.graph, finding.code, finding.subjects, german)
        assert finding.message == expected


def test_an_old_list_stays_readable_after_its_subject_is_removed() -> None:
    session = generate_organisation(300, seed=4)
    finding = next(f for f in find_ambiguities(session, "en") if f.code == "no-owner")
    session.apply(RemoveNode(finding.subjects[0]))
    assert finding.subjects[0] in finding.message
