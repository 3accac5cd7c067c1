"""The appendix: long free texts in full, as ordinary paragraphs.

Table cells show the start of a long text and point here (see
:meth:`ProtocolContext.brief`). Here the text flows in pieces of at most
``_PIECE`` characters: reportlab re-measures a paragraph that breaks across
a page as a whole, so small pieces keep a text of any length linear to lay
out. Pieces follow the text's own line breaks where it has them.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from workshop_app.protocol.context import ProtocolContext
from workshop_app.protocol.styles import markup

__all__ = ["appendix", "pieces"]

_PIECE = 1500


def pieces(text: str, size: int = _PIECE) -> list[str]:
    """``text`` cut at its line breaks, and long lines at spaces, into pieces of ``size``.

    Examples
    --------
    >>> pieces("one two three\\nfour", size=8)
    ['one two', 'three', 'four']
    """
    result = []
    for line in text.splitlines() or [""]:
        while len(line) > size:
            cut = line.rfind(" ", 0, size + 1)
            cut = cut if cut > 0 else size
            result.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        result.append(line)
    return result


def appendix(ctx: ProtocolContext) -> list[Flowable]:
    """The long texts collected while the sections were built; nothing if there are none."""
    if not ctx.long_texts:
        return []
    story: list[Flowable] = [ctx.heading(ctx._("Appendix: long texts"))]
    body = ctx.styles.body
    tight = ParagraphStyle("appendix", parent=body, spaceBefore=0, spaceAfter=0)
    for number, (about, text) in enumerate(ctx.long_texts, start=1):
        story.append(Paragraph(markup(f"{number}\u2002{about}"), ctx.styles.h2))
        story += [Paragraph(markup(piece) or "&nbsp;", tight) for piece in pieces(text)]
    return story
