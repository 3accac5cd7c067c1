"""What every section builder needs: the session, its findings, words and small helpers.

Pure Python: section builders read a :class:`Facts` and return model
blocks (:mod:`workshop_app.protocol.model`); they never see a renderer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from workshop_app.analysis import Finding
from workshop_app.domain import EdgeKind, NodeKind, Session
from workshop_app.i18n import Counter, Translator, counter
from workshop_app.protocol.words import format_date

__all__ = ["DASH", "LARGE_MAP", "LONG_TEXT", "LONG_TEXT_LINES", "Facts", "LongText"]

DASH = "—"
#: From this many responsibilities a map is "large": its tables are summarised.
LARGE_MAP = 60
#: A free text longer than this (characters or lines) is printed in full in the appendix.
LONG_TEXT = 600
LONG_TEXT_LINES = 8


@dataclass(frozen=True)
class LongText:
    """A text set aside for the appendix: what it belongs to, and the text."""

    about: str
    text: str


@dataclass
class Facts:
    """The inputs of the protocol, shared by every section builder.

    ``today`` decides which actions are overdue (injectable for tests);
    ``previous`` is the last workshop's session when the protocol compares.
    Builders that shorten something for the body leave the full version
    here: ``long_texts`` (free texts) and ``full_lists`` (long lists of
    names), which the appendix prints.
    """

    session: Session
    language: str
    _: Translator
    findings: list[Finding]
    today: dt.date
    #: the previous workshop's session, for "Since the last workshop"
    previous: Session | None = None
    n_: Counter = field(init=False)
    long_texts: list[LongText] = field(default_factory=list, init=False)
    full_lists: list[tuple[str, list[str]]] = field(default_factory=list, init=False)
    large: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.n_ = counter(self.language)
        responsibilities = self.session.nodes_of_kind(NodeKind.RESPONSIBILITY)
        self.large = len(responsibilities) > LARGE_MAP

    def few(self, names: list[str], shown: int = 8) -> str:
        """Names, comma-separated; beyond ``shown`` the rest is counted ("and 12 more")."""
        if len(names) <= shown:
            return ", ".join(names) or DASH
        more = self._("and {more} more").format(more=len(names) - shown)
        return f"{', '.join(names[:shown])} {more}"

    @property
    def graph(self) -> Any:
        return self.session.graph

    def label(self, node_id: str) -> str:
        return self.session.label(node_id)

    def labels(self, node_ids: Iterable[str]) -> str:
        """Labels of ``node_ids``, comma-separated, in the order given."""
        return ", ".join(self.label(node_id) for node_id in node_ids)

    def date(self, value: Any) -> str:
        return format_date(value, self.language)

    def sources(self, node_id: str, kind: EdgeKind) -> list[str]:
        """Nodes with a ``kind`` edge to ``node_id``, in map order."""
        return [s for s, _t, k in self.graph.in_edges(node_id, keys=True) if k == kind]

    def targets(self, node_id: str, kind: EdgeKind) -> list[str]:
        """Nodes that ``node_id`` has a ``kind`` edge to, in map order."""
        return [t for _s, t, k in self.graph.out_edges(node_id, keys=True) if k == kind]

    def brief(self, text: object, about: str) -> str:
        """``text`` for a table cell: as it is when short, else its start and a pointer.

        A long text (a page of notes) goes in full into the appendix, where
        it flows as paragraphs; in a table cell it would make one row span
        pages. The start is cut at a sentence end where there is one.
        """
        text = "" if text is None else str(text).strip()
        if len(text) <= LONG_TEXT and text.count("\n") < LONG_TEXT_LINES:
            return text
        entry = LongText(about, text)
        if entry not in self.long_texts:  # a text shown twice is printed once
            self.long_texts.append(entry)
        pointer = self._("continued in the appendix, text {number}").format(
            number=self.long_texts.index(entry) + 1
        )
        return f"{_start(text, LONG_TEXT // 2)} … ({pointer})"

    def notes(self, node_id: str) -> str:
        """The node's notes for a table cell (see :meth:`brief`)."""
        notes = self.graph.nodes[node_id].get("notes")
        return self.brief(notes, f"{self.label(node_id)} · {self._('Notes')}")

    def edge_notes(self, source: str, target: str, kind: EdgeKind) -> str:
        notes = self.graph.edges[source, target, kind].get("notes")
        about = f"{self.label(source)} → {self.label(target)} · {self._('Notes')}"
        return self.brief(notes, about)

    def listed(self, title: str, names: list[str], shown: int = 12) -> str:
        """``names`` comma-separated; beyond ``shown`` the rest is counted and listed in full
        in the appendix under ``title``."""
        if len(names) <= shown:
            return ", ".join(names)
        self.full_lists.append((title, names))
        rest = self._("and {more} more (full list in the appendix, list {number})").format(
            more=len(names) - shown, number=len(self.full_lists)
        )
        return f"{', '.join(names[:shown])} {rest}"


def _start(text: str, size: int) -> str:
    """The beginning of ``text``: whole sentences up to about ``size`` characters, else words."""
    head = " ".join(text[: size + 1].split())
    for mark in (". ", "! ", "? "):
        end = head.rfind(mark)
        if end > size // 3:
            return head[: end + 1]
    return head.rsplit(" ", 1)[0] if " " in head else head[:size]
