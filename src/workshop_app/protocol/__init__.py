"""The PDF workshop protocol (reportlab).

``export_protocol(session, path)`` writes the protocol the facilitator hands
to the client: title page, the map as a vector figure, priorities, the RACI
matrix, decision spaces, escalation paths, findings with the group's reviews
and the agreed actions.

reportlab is imported on the first call, not with this package, so the
window can offer File → Export without paying for reportlab at start-up.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop_app.domain import Session

__all__ = ["PROTOCOL_SUFFIXES", "character_names", "export_protocol"]

#: The files the protocol is written as: a PDF, or a Word document to edit.
PROTOCOL_SUFFIXES = (".pdf", ".docx")


def export_protocol(
    session: Session,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    pagesize: str = "A4",
    progress: Callable[[float], None] | None = None,
    today: datetime.date | None = None,
    previous: Session | None = None,
) -> list[str]:
    """Write the session's workshop protocol as a PDF; return the characters it cannot show.

    See :func:`workshop_app.protocol.export.export_protocol` for the details.
    """
    from workshop_app.protocol.export import export_protocol as export

    return export(
        session,
        path,
        language=language,
        pagesize=pagesize,
        progress=progress,
        today=today,
        previous=previous,
    )


def character_names(characters: list[str]) -> str:
    """Characters for a message, each with its code point: "😀 (U+1F600), ★ (U+2605)".

    >>> character_names(["😀", "★"])
    '😀 (U+1F600), ★ (U+2605)'
    """
    return ", ".join(f"{char} (U+{ord(char):04X})" for char in characters)
