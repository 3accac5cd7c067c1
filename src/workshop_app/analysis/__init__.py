"""Ambiguity analysis: what on the map is still unclear, and why it matters.

:func:`find_ambiguities` runs every rule of ``DESIGN.md`` ("Ambiguity
analysis") over a session. The rules are small functions in one module per
family; each takes the session graph first and yields the subjects (sorted
node ids) of its findings, networkx style. :mod:`.messages` turns a code and
its subjects into a sentence that names labels, in German or English.

Every rule looks at each node's own edges once or works on the few
priorities only, so the analysis grows linearly with the map.
"""

from __future__ import annotations

from workshop_app.analysis._de import GERMAN
from workshop_app.analysis._graph import AnalysisView
from workshop_app.analysis.findings import Finding, Severity, open_marks
from workshop_app.analysis.live import LiveAnalysis
from workshop_app.analysis.rules import RULES, make_findings
from workshop_app.domain.session import Session
from workshop_app.i18n import translator

__all__ = ["RULE_CODES", "Finding", "LiveAnalysis", "Severity", "find_ambiguities", "open_marks"]

#: Every rule code, in the order of ``DESIGN.md``. Codes never change meaning.
RULE_CODES: tuple[str, ...] = tuple(RULES)


def find_ambiguities(session: Session, language: str | None = None) -> list[Finding]:
    """Every finding on the session's map, errors first.

    Parameters
    ----------
    session : Session
    language : {"de", "en"}, optional
        The language of the messages; the session's language by default.

    Returns
    -------
    list of Finding
        Sorted by severity (error, warning, info), then code, then subjects.
        A finding the group reviewed as ``accepted`` is included, marked as
        accepted; a reviewed finding carries the review's note.

    Examples
    --------
    >>> from workshop_app.domain import AddNode, NodeKind, Session
    >>> session = Session(meta={"language": "de"})
    >>> _ = session.apply(AddNode("x", NodeKind.RESPONSIBILITY, "Kulanz"))
    >>> [finding.code for finding in find_ambiguities(session)]
    ['no-owner', 'no-priority', 'isolated', 'no-good-enough']
    >>> find_ambiguities(session, "en")[0].message
    'Nobody is accountable for “Kulanz”.'
    """
    language = session.language_for(language)
    _ = translator(GERMAN, language)
    reviews = session.reviews_by_key()
    view = AnalysisView(session.graph)
    findings = [
        finding
        for code, (_severity, rule) in RULES.items()
        for finding in make_findings(view, code, rule(view), _, reviews)  # type: ignore[arg-type]
    ]
    findings.sort(key=Finding.sort_key)
    return findings
