"""Small sessions for the analysis tests, built with the domain operations."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workshop_app.analysis import Finding, find_ambiguities
from workshop_app.domain import AddEdge, AddNode, EdgeKind, NodeKind, Session

NodeSpec = tuple[str, str, str] | tuple[str, str, str, dict[str, Any]]


def session_with(
    nodes: Iterable[NodeSpec],
    edges: Iterable[tuple[str, str, str]] = (),
    language: str = "en",
) -> Session:
    """A session from ``(id, kind, label[, fields])`` and ``(source, kind, target)``."""
    session = Session(meta={"language": language})
    for node_id, kind, label, *fields in nodes:
        session.apply(AddNode(node_id, NodeKind(kind), label, fields[0] if fields else {}))
    for source, kind, target in edges:
        session.apply(AddEdge(source, target, EdgeKind(kind)))
    return session


def findings(session: Session, code: str) -> list[Finding]:
    return [finding for finding in find_ambiguities(session) if finding.code == code]


def subjects(session: Session, code: str) -> list[tuple[str, ...]]:
    """The subjects of every finding with ``code``, in reported order."""
    return [finding.subjects for finding in findings(session, code)]
