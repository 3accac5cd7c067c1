"""The workshop's outcomes: findings with the group's reviews, and agreed actions."""

from __future__ import annotations

from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from workshop_app.analysis import Finding, Severity
from workshop_app.protocol.context import ProtocolContext
from workshop_app.protocol.grid import Run, TextCell
from workshop_app.protocol.styles import BOLD, SEVERITY_COLOURS, markup
from workshop_app.protocol.tables import CELL_SIZE, data_table, text

__all__ = ["actions", "findings"]

_DASH = "—"


def _severity_titles(ctx: ProtocolContext) -> dict[Severity, str]:
    _ = ctx._
    return {
        Severity.ERROR: _("Errors"),
        Severity.WARNING: _("Warnings"),
        Severity.INFO: _("Information"),
    }


def _review_cell(ctx: ProtocolContext, finding: Finding) -> TextCell:
    _ = ctx._
    status = Run(f"✓ {_('Accepted')}", BOLD, CELL_SIZE) if finding.accepted else Run(_("open"))
    runs = [status]
    if finding.note:
        subject = ctx.labels(finding.subjects) or finding.code
        runs.append(Run(ctx.brief(finding.note, subject, _("Review"))))
    return TextCell(tuple(runs))


def _finding_cell(finding: Finding) -> TextCell:
    return text(finding.message, finding.code)


def findings(ctx: ProtocolContext) -> list[Flowable]:
    """Findings grouped by severity, each with what it concerns and the group's review."""
    _ = ctx._
    story: list[Flowable] = [ctx.heading(_("Findings"))]
    if not ctx.findings:
        return [
            *story,
            Paragraph(markup(_("The analysis found nothing unclear.")), ctx.styles.body),
        ]
    story.append(
        Paragraph(
            markup(
                _(
                    "What the map still leaves unclear, by severity. Accepted findings stay"
                    " listed with the group's note."
                )
            ),
            ctx.styles.small,
        )
    )
    width = ctx.portrait.width
    for severity, title in _severity_titles(ctx).items():
        group = [f for f in ctx.findings if f.severity == severity]
        if not group:
            continue
        heading = Paragraph(
            f'<font color="{SEVERITY_COLOURS[severity].hexval().replace("0x", "#")}">●</font> '
            + markup(f"{title} ({len(group)})"),
            ctx.styles.h2,
        )
        rows = [[_finding_cell(f), ctx.labels(f.subjects), _review_cell(ctx, f)] for f in group]
        story += [
            heading,
            data_table(
                [_("Finding"), _("Concerns"), _("Review")],
                rows,
                [width * 0.5, width * 0.25, width * 0.25],
            ),
        ]
    return story


def _status(ctx: ProtocolContext, value: object) -> str:
    _ = ctx._
    known = {
        "open": _("open"),
        "in_progress": _("in progress"),
        "in progress": _("in progress"),
        "done": _("done"),
        "cancelled": _("cancelled"),
        "dropped": _("dropped"),
    }
    text = str(value) if value not in (None, "") else _DASH
    return known.get(text.strip().casefold(), text)


def _owner(ctx: ProtocolContext, value: object) -> str:
    """The owner's label when the owner is a node id, else the text as written."""
    if value in (None, ""):
        return _DASH
    text = str(value)
    return ctx.label(text) if text in ctx.session.graph else text


def actions(ctx: ProtocolContext) -> list[Flowable]:
    """The agreed actions with owner, due date and status, in the group's order."""
    _ = ctx._
    story: list[Flowable] = [ctx.heading(_("Agreed actions"))]
    if not ctx.session.actions:
        return [*story, Paragraph(markup(_("No actions were agreed.")), ctx.styles.body)]
    rows = []
    for number, action in enumerate(ctx.session.actions, start=1):
        due = action.get("due")
        rows.append(
            [
                str(number),
                ctx.text_with_notes(
                    ctx.brief(action.get("text", ""), f"{_('Action')} {number}", _("Action")),
                    ctx.brief(action.get("notes"), f"{_('Action')} {number}", _("Notes")),
                ),
                _owner(ctx, action.get("owner")),
                ctx.date(due) if due not in (None, "") else _DASH,
                _status(ctx, action.get("status")),
            ]
        )
    width = ctx.portrait.width
    story.append(
        data_table(
            ["#", _("Action"), _("Owner"), _("Due"), _("Status")],
            rows,
            [width * f for f in (0.06, 0.44, 0.2, 0.16, 0.14)],
        )
    )
    return story
