"""The stability table as text: ``workshop-app diff A B C …``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from workshop_app.compare.series import Stability
from workshop_app.compare.words import action_name, kind_name, quoted, words
from workshop_app.domain import Session
from workshop_app.i18n import Translator
from workshop_app.terminal import escape_controls

__all__ = [
    "CHANGED",
    "UNCHANGED",
    "change_count",
    "guardrail_label",
    "open_action_texts",
    "recurring_texts",
    "series_text",
    "stability_rows",
    "step_names",
    "workshop_list",
]

#: The table's cells: changed in that workshop, or not.
CHANGED, UNCHANGED = "●", "·"
#: Row names longer than this are cut (with "…") to keep the columns in line.
_NAME_WIDTH = 44


def series_text(stability: Stability, names: Sequence[str], language: str | None = None) -> str:
    """The stability table and the lists below it, in ``language`` (the last session's)."""
    _ = words(stability.sessions[-1].language if language is None else language)
    lines = [
        _("Stability over {count} workshops").format(count=len(stability.sessions)),
        *(f"  {line}" for line in workshop_list(stability.sessions, names, _)),
        "",
        *_table(stability, _),
        *_recurring(stability, _),
        *_open_actions(stability, _),
    ]
    return "\n".join(escape_controls(line) for line in lines) + "\n"


def workshop_list(sessions: Sequence[Session], names: Sequence[str], _: Translator) -> list[str]:
    """One line per workshop: its number, its file and its date."""
    lines = []
    for number, (session, name) in enumerate(zip(sessions, names, strict=True), 1):
        date = session.meta.get("date")
        lines.append(f"{number}  {name}" + (f" ({date})" if date else ""))
    return lines


def guardrail_label(stability: Stability, node: str) -> str:
    """The guardrail's label in the last workshop that has it."""
    for session in reversed(stability.sessions):
        if node in session.graph:
            return session.label(node)
    return node


def stability_rows(stability: Stability, _: Translator) -> list[tuple[str, tuple[int, ...]]]:
    """The rows: the priority order, then each guardrail, with the workshops it changed in."""
    rows = [(_("Priority order"), stability.order_changed_in)]
    rows += [
        (f"{kind_name('guardrail', _)} {quoted(guardrail_label(stability, node), _)}", numbers)
        for node, numbers in stability.guardrails.items()
    ]
    return rows


def step_names(stability: Stability) -> list[str]:
    """The table's columns: ``1→2``, ``2→3``…"""
    return [f"{n - 1}→{n}" for n in range(2, len(stability.sessions) + 1)]


def change_count(numbers: Sequence[int], stability: Stability, _: Translator) -> str:
    return _("{changes} of {steps}").format(changes=len(numbers), steps=len(stability.steps))


def recurring_texts(stability: Stability, _: Translator) -> list[str]:
    """Each finding that keeps coming back, most frequent first, with where it was seen."""
    texts = []
    for item in sorted(
        stability.recurring, key=lambda r: (-len(r.present_in), r.finding.sort_key())
    ):
        where = _("in workshops {numbers}").format(numbers=_numbers(item.present_in))
        back = _(", resolved in between and back again") if item.returned else ""
        accepted = _("; accepted") if item.finding.accepted else ""
        texts.append(f"{item.finding.message} ({where}{back}{accepted})")
    return texts


def open_action_texts(stability: Stability, _: Translator) -> list[str]:
    """Each action open across workshops, longest open first, with where it stands now."""
    states = {"open": _("still open"), "done": _("done since"), "removed": _("dropped since")}
    texts = []
    for item in sorted(stability.open_actions, key=lambda a: (-len(a.open_in), a.key)):
        where = _("open in workshops {numbers}").format(numbers=_numbers(item.open_in))
        texts.append(f"{action_name(item.action, item.key, _)} ({where}; {states[item.now]})")
    return texts


def _table(stability: Stability, _: Translator) -> Iterator[str]:
    header = step_names(stability)
    widths = [max(3, len(cell)) for cell in header]
    yield _row("", header, widths, _("changes"))
    for name, numbers in stability_rows(stability, _):
        cells = [CHANGED if n in numbers else UNCHANGED for n in range(2, len(header) + 2)]
        yield _row(_cut(name), cells, widths, change_count(numbers, stability, _))


def _row(name: str, cells: list[str], widths: list[int], last: str) -> str:
    middle = "  ".join(cell.center(width) for cell, width in zip(cells, widths, strict=True))
    return f"{name.ljust(_NAME_WIDTH)}  {middle}  {last}".rstrip()


def _cut(text: str) -> str:
    return text if len(text) <= _NAME_WIDTH else text[: _NAME_WIDTH - 1] + "…"


def _recurring(stability: Stability, _: Translator) -> Iterator[str]:
    if not stability.recurring:
        return
    yield ""
    yield _("Findings that keep coming back ({count})").format(count=len(stability.recurring))
    yield from (f"  ! {text}" for text in recurring_texts(stability, _))


def _open_actions(stability: Stability, _: Translator) -> Iterator[str]:
    if not stability.open_actions:
        return
    yield ""
    yield _("Actions open across workshops ({count})").format(count=len(stability.open_actions))
    yield from (f"  ○ {text}" for text in open_action_texts(stability, _))


def _numbers(numbers: Sequence[int]) -> str:
    return ", ".join(str(n) for n in numbers)
