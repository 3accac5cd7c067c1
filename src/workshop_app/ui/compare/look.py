"""How changes look in the window: a colour and a symbol for each kind of change.

The colours keep clear of the node kinds' hues and of the findings' rings
(``workshop_app.vocabulary``), and every mark carries its symbol too, so
that nothing depends on colour alone.
"""

from __future__ import annotations

__all__ = ["CHANGE_COLOURS", "GHOST_FILL", "MARK_SYMBOLS"]

CHANGE_COLOURS = {
    "added": "#1A7F37",
    "changed": "#6A3D9A",
    "removed": "#6E6E6E",
    "resolved": "#1A7F37",
    "new": "#C8102E",
    "before": "#6E6E6E",
    "after": "#1456C8",
}
MARK_SYMBOLS = {
    "added": "+",
    "changed": "~",
    "removed": "\N{MINUS SIGN}",
    "resolved": "✓",
    "new": "!",
    "before": "",
    "after": "",
}
#: A ghost box: paler than any node, opaque so that lines behind it do not show.
GHOST_FILL = "#F2F2EE"
