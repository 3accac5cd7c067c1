"""The appendix: full lists and long free texts that the sections above shortened.

Both are collected while the sections are built (:meth:`Facts.listed`,
:meth:`Facts.brief`), so these builders run after every other section.
A long text keeps the group's own paragraphs (its line breaks).
"""

from __future__ import annotations

from workshop_app.protocol.facts import Facts
from workshop_app.protocol.model import Block, Heading, Paragraph, Section

__all__ = ["full_lists_section", "long_texts_section"]


def full_lists_section(facts: Facts) -> Section | None:
    """Each long list of names in full, numbered as the sections refer to it."""
    if not facts.full_lists:
        return None
    blocks: list[Block] = []
    for number, (title, names) in enumerate(facts.full_lists, start=1):
        heading = f"{facts._('List {number}').format(number=number)}\u2002{title} ({len(names)})"
        blocks += [Heading(heading, level=3), Paragraph(", ".join(names), style="small")]
    return Section("full-lists", facts._("Full lists"), tuple(blocks), appendix=True)


def long_texts_section(facts: Facts) -> Section | None:
    """The long texts in full, each under what it belongs to."""
    if not facts.long_texts:
        return None
    blocks: list[Block] = []
    for number, entry in enumerate(facts.long_texts, start=1):
        blocks.append(Heading(f"{number}\u2002{entry.about}", level=3))
        paragraphs = [line.strip() for line in entry.text.splitlines() if line.strip()]
        blocks += [Paragraph(text) for text in paragraphs]
    return Section("long-texts", facts._("Long texts"), tuple(blocks), appendix=True)
