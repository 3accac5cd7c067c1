"""The comparison as text for a terminal: ``workshop-app diff OLD NEW``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from workshop_app.compare.diff import SessionDiff
from workshop_app.compare.entries import Entry, describe
from workshop_app.compare.words import words
from workshop_app.i18n import Translator
from workshop_app.terminal import escape_controls

__all__ = ["MARKS", "diff_text", "section_headings"]

#: The mark in front of each kind of change.
MARKS = {
    "added": "+",
    "removed": "\N{MINUS SIGN}",
    "changed": "~",
    "resolved": "✓",
    "new": "!",
    "before": " ",
    "after": " ",
}


def diff_text(diff: SessionDiff, old_name: str, new_name: str, language: str | None = None) -> str:
    """The whole comparison as lines of text, in ``language`` (the new session's by default)."""
    language = diff.new.language if language is None else language
    _ = words(language)
    lines = [_("Changes from {old} to {new}").format(old=old_name, new=new_name)]
    entries = describe(diff, language)
    if not entries:
        lines.append(_("Nothing has changed."))
    lines += _sections(entries, _)
    return "\n".join(escape_controls(line) for line in lines) + "\n"


def section_headings(_: Translator) -> dict[tuple[str, str], str]:
    """The heading of each group of entries, by ``(section, change)``.

    The priority order has one heading, over its "before" and "now" lines.
    """
    return {
        ("nodes", "added"): _("Added to the map"),
        ("nodes", "removed"): _("Removed from the map"),
        ("nodes", "changed"): _("Changed on the map"),
        ("edges", "added"): _("New relations"),
        ("edges", "removed"): _("Relations removed"),
        ("edges", "changed"): _("Relations changed"),
        ("priority_order", "before"): _("Priority order"),
        ("findings", "resolved"): _("Findings resolved"),
        ("findings", "new"): _("New findings"),
        ("actions", "added"): _("New actions"),
        ("actions", "removed"): _("Actions removed"),
        ("actions", "changed"): _("Actions changed"),
    }


def _sections(entries: Iterable[Entry], _: Translator) -> Iterator[str]:
    headings = section_headings(_)
    groups: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:
        groups.setdefault((entry.section, entry.change), []).append(entry)
    for (section, change), group in groups.items():
        if (section, change) in headings:  # the order's "now" line follows "before"
            count = "" if section == "priority_order" else f" ({len(group)})"
            yield ""
            yield headings[section, change] + count
        for entry in group:
            yield f"  {MARKS[change]} {entry.text}"
