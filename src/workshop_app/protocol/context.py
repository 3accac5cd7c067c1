"""What every section needs: the session, the language, styles, and small helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Paragraph

from workshop_app.analysis import Finding
from workshop_app.domain import Session
from workshop_app.i18n import Translator
from workshop_app.protocol.document import FrameSize, mark_for_outline
from workshop_app.protocol.grid import TextCell
from workshop_app.protocol.styles import Styles, markup
from workshop_app.protocol.tables import text

__all__ = ["LONG_TEXT", "LONG_TEXT_LINES", "ProtocolContext", "format_date"]

#: A free text longer than this (characters or lines) is printed in the appendix.
LONG_TEXT = 800
LONG_TEXT_LINES = 12

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(value: Any, language: str) -> str:
    """A date as people write it in ``language``; text that is not a date stays as it is.

    Examples
    --------
    >>> format_date("2026-11-26", "de")
    '26.11.2026'
    >>> format_date("2026-11-26", "en")
    '26 November 2026'
    >>> format_date("KW 48", "de")
    'KW 48'
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            return str(value)
    if language == "de":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


@dataclass
class ProtocolContext:
    """The inputs of the protocol, shared by every section.

    ``portrait`` and ``landscape`` are the frames that flowables must fit.
    """

    session: Session
    language: str
    _: Translator
    styles: Styles
    findings: list[Finding]
    positions: dict[str, tuple[float, float]]
    portrait: FrameSize
    landscape: FrameSize
    long_texts: list[tuple[str, str]] = field(default_factory=list, init=False)
    _sections: int = field(default=0, init=False)

    def heading(self, title: str) -> Paragraph:
        """A numbered section heading that also starts an outline entry."""
        self._sections += 1
        text = f"{self._sections}\u2002{title}"
        return mark_for_outline(Paragraph(markup(text), self.styles.h1), text)

    def brief(self, text: object, subject: str, what: str) -> str:
        """``text`` for a table cell: as it is when short, else its start and a pointer.

        A long text (a page of notes) goes in full into the appendix, where
        it flows as ordinary paragraphs. Left in a table cell it would make
        one row span pages, hard to read, and reportlab re-measures a cell
        that splits at every page, so layout time would grow with the square
        of the text's length.
        """
        text = "" if text is None else str(text)
        if len(text) <= LONG_TEXT and text.count("\n") < LONG_TEXT_LINES:
            return text
        self.long_texts.append((f"{subject} · {what}", text))
        start = " ".join(text[: LONG_TEXT // 2].split()[:-1])
        pointer = self._("continued in the appendix, text {number}")
        return f"{start} … ({pointer.format(number=len(self.long_texts))})"

    def notes(self, node_id: str) -> str:
        """The node's notes for a table cell (see :meth:`brief`)."""
        notes = self.session.graph.nodes[node_id].get("notes")
        return self.brief(notes, self.label(node_id), self._("Notes"))

    def label(self, node_id: str) -> str:
        return self.session.label(node_id)

    def labels(self, node_ids: Any) -> str:
        """Labels of ``node_ids``, comma-separated, in the order given."""
        return ", ".join(self.label(node_id) for node_id in node_ids)

    def date(self, value: Any) -> str:
        return format_date(value, self.language)

    def yes_no(self, value: Any) -> str:
        return self._("yes") if value is True else self._("no")

    def text_with_notes(self, value: str, *notes: str) -> TextCell:
        """``value`` with smaller grey lines below it (notes, relations); empty ones skipped."""
        return text(value, *notes)
