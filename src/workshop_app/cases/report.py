"""The walk on the command line: ``workshop-app walk FILE [--case ID] [--format text|json]``.

The JSON form is a list with one result per case, exactly the fields of
``DESIGN.md``; the text form tells each case in the session's language,
naming labels, for the group to read. Labels come from a file and may hold
control characters or bidirectional overrides that would rewrite the
terminal's screen; the text shows them as escapes.

Examples
--------
>>> terminal_safe("Team\\x1b[2Jlead\\u202e")
'Team\\\\x1b[2Jlead\\\\u202e'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, TextIO

from workshop_app.cases._de import GERMAN
from workshop_app.cases.walk import CaseError, CaseWalk, walk_case
from workshop_app.cases.words import case_summary, outcome_words, path_words
from workshop_app.domain.session import Session
from workshop_app.i18n import counted, translator

__all__ = ["cases_to_walk", "json_report", "terminal_safe", "text_report", "walk_command"]

# C0 and C1 controls, line and paragraph separators, and the bidirectional
# embeddings, overrides and isolates (CVE-2021-42574, "Trojan Source").
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")

Walked = list[tuple[Mapping[str, Any], CaseWalk]]


def terminal_safe(text: str) -> str:
    """``text`` with every character that could steer a terminal shown as an escape."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def cases_to_walk(session: Session, case_id: str | None = None) -> Walked:
    """Every case of the session walked (or the one with ``case_id``), in file order.

    Raises
    ------
    CaseError
        When there is no case with ``case_id`` (the message lists the ids).
    """
    if case_id is None:
        chosen = list(session.cases)
    else:
        case = session.case(case_id)
        if case is None:
            known = ", ".join(str(c.get("id")) for c in session.cases) or "none"
            raise CaseError(f"no case with the id {case_id!r}; the session's cases: {known}")
        chosen = [case]
    return [(case, walk_case(session, case)) for case in chosen]


def json_report(walked: Walked) -> str:
    """The results as JSON: per case its id and the walk's fields (``DESIGN.md``)."""
    return json.dumps([walk.to_json() for _, walk in walked], ensure_ascii=False, indent=2) + "\n"


def text_report(session: Session, walked: Walked, name: str, language: str | None = None) -> str:
    """The results in words, in the session's language: a summary, then each case."""
    language = language or session.language
    _ = translator(GERMAN, language)
    decided = sum(walk.decided for _case, walk in walked)
    if not walked:
        return terminal_safe(_("{file}: no cases to walk yet.").format(file=name)) + "\n"
    lines = [
        _("{file}: {cases}; decided: {decided}, stalled: {stalled}").format(
            file=name,
            cases=counted(len(walked), "case", language),
            decided=decided,
            stalled=len(walked) - decided,
        )
    ]
    for case, walk in walked:
        verdict = _("Decided:") if walk.decided else _("Stalled:")
        lines += [
            "",
            case["title"],
            "  " + case_summary(session, case, language),
            "  " + _("Way: {path}").format(path=path_words(session, walk, language)),
            f"  {verdict} {outcome_words(session, walk, language)}",
        ]
    return "".join(terminal_safe(line) + "\n" for line in lines)


def walk_command(
    session: Session, name: str, case_id: str | None, output_format: str, out: TextIO
) -> int:
    """``workshop-app walk``: write the report to ``out``; 0 when every case is decided, else 1.

    Raises :class:`CaseError` for an unknown ``case_id`` (the command exits 2).
    """
    walked = cases_to_walk(session, case_id)
    if output_format == "json":
        out.write(json_report(walked))
    else:
        out.write(text_report(session, walked, name))
    return 0 if all(walk.decided for _case, walk in walked) else 1
