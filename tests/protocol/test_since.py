"""The protocol's "Since the last workshop": resolved and new findings, priorities,
guardrails, actions done and still open — in client words, no ids or rule codes."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

from workshop_app.analysis import RULE_CODES
from workshop_app.domain import InsertAction, Session
from workshop_app.fileformat import dumps_session, load_session, loads_session
from workshop_app.protocol.build import build_protocol
from workshop_app.protocol.model import ItemList, Protocol, Section, Table, plain_text
from workshop_app.protocol.since import SHOWN_AT_MOST
from workshop_app.resources import resource_path

from .helpers import pdf_text

JANUARY = resource_path("samples", "versandhandel-2027-01.yaml")
MARCH = resource_path("samples", "versandhandel-2027-03.yaml")
AFTER_THE_WORKSHOP = dt.date(2027, 3, 20)


def _since(session: Session, previous: Session | None, language: str = "de") -> Section | None:
    protocol = build_protocol(session, language, today=AFTER_THE_WORKSHOP, previous=previous)
    return next((s for s in protocol.sections if s.key == "since"), None)


def _texts(section: Section) -> list[str]:
    return Protocol("de", "", (section,)).texts()


def _list_under(section: Section, heading: str) -> list[str]:
    blocks = list(section.blocks)
    start = next(i for i, b in enumerate(blocks) if getattr(b, "text", None) == heading)
    items = blocks[start + 1]
    assert isinstance(items, ItemList)
    return [plain_text(item.text) for item in items.items]


def test_without_a_previous_session_there_is_no_such_section() -> None:
    assert _since(load_session(MARCH), None) is None


def test_it_follows_the_contents_and_comes_before_the_map() -> None:
    protocol = build_protocol(load_session(MARCH), previous=load_session(JANUARY))
    keys = [section.key for section in protocol.sections]
    assert keys.index("contents") + 1 == keys.index("since") == keys.index("map") - 1


def test_findings_resolved_and_new_in_the_words_of_the_analysis() -> None:
    section = _since(load_session(MARCH), load_session(JANUARY))
    assert section is not None and section.title == "Seit dem letzten Workshop"

    resolved = _list_under(section, "Behobene Befunde")
    new = _list_under(section, "Neue Befunde")

    assert "Für „Rückrufzusagen einhalten“ ist niemand verantwortlich." in resolved
    assert any("muss jemand anderes bestätigen" in text for text in new)
    assert _texts(section)[1].startswith("Verglichen mit dem Workshop vom 21.01.2027: ")


def test_the_priority_order_before_and_now_with_the_moved_places_in_bold() -> None:
    section = _since(load_session(MARCH), load_session(JANUARY))
    table = next(b for b in section.blocks if isinstance(b, Table))

    rows = [[plain_text(getattr(c, "text", c)) for c in row] for row in table.rows]
    assert rows[1] == ["2", "Erstlösung", "Kundenzufriedenheit"]
    assert table.rows[0][2].strong is False and table.rows[1][2].strong is True


def test_guardrails_and_actions_done_and_still_open() -> None:
    section = _since(load_session(MARCH), load_session(JANUARY))

    (guardrail,) = _list_under(section, "Leitplanken")
    assert guardrail.startswith(
        "Geändert: Leitplanke „Kulanzrahmen max. 250 EUR pro Kunde und Jahr“"
    )
    assert "„Kulanzrahmen max. 300 EUR pro Kunde und Jahr“ →" in guardrail
    assert _list_under(section, "Seither erledigte Maßnahmen") == [
        "Verantwortung für Rückrufzusagen klären · verantwortlich: Leitung Kundenservice"
    ]
    (still_open,) = _list_under(section, "Weiterhin offene Maßnahmen")
    assert still_open.endswith("fällig am 15.12.2026 überfällig")


def test_no_ids_and_no_rule_codes_in_the_section() -> None:
    old, new = load_session(JANUARY), load_session(MARCH)
    text = " ".join(_texts(_since(new, old, "en")))
    ids = set(old.graph) | set(new.graph) | {a["id"] for a in old.actions + new.actions}
    words = set(re.findall(r"[\w.-]+", text))
    assert not words & ids
    assert not words & set(RULE_CODES)


def test_nothing_changed_is_said_so() -> None:
    session = load_session(MARCH)
    section = _since(session, loads_session(dumps_session(session)), "en")
    texts = _texts(section)
    assert texts[1].endswith(": no finding resolved and none new.")
    assert "Nothing on the map has changed since then." in texts


def test_a_long_list_is_shortened_and_given_in_full_in_the_appendix() -> None:
    old = load_session(MARCH)
    new = loads_session(dumps_session(old))
    for index in range(SHOWN_AT_MOST + 5):
        action = {"id": f"b{index}", "text": f"Step {index}", "status": "open"}
        old.apply(InsertAction(len(old.actions), action))
        new.apply(InsertAction(len(new.actions), {**action, "status": "done"}))
    protocol = build_protocol(new, "en", today=AFTER_THE_WORKSHOP, previous=old)
    since = next(s for s in protocol.sections if s.key == "since")

    assert len(_list_under(since, "Actions done since")) == SHOWN_AT_MOST
    assert any(
        t.startswith("And 5 more (full list in the appendix, list 1)") for t in _texts(since)
    )
    appendix = next(s for s in protocol.sections if s.key == "full-lists")
    assert "Step 16" in " ".join(Protocol("en", "", (appendix,)).texts())


def test_export_since_on_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "march.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "workshop_app", "export", str(MARCH), "-o", str(out),
         "--since", str(JANUARY)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Seit dem letzten Workshop" in pdf_text(out)


def test_an_unreadable_since_file_exits_2_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "gone.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "workshop_app", "export", str(MARCH), "-o",
         str(tmp_path / "x.pdf"), "--since", str(missing)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith(f"workshop-app: --since: {missing}: cannot be read")
    assert not (tmp_path / "x.pdf").exists()
