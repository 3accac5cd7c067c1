"""Type that fits: as large as planned, smaller where the text would not fit, never too small.

Presentation mode plans its type for the screen (20 pt and more at 1080
lines); a long finding on a 720-line projector does not fit at that size.
:func:`fit_type` shrinks every planned size by the same factor until the
panel's text fits its height, but never below the room's minimum; what does
not fit even then scrolls (the panel sits in a scroll area).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

__all__ = ["fit_type"]

#: Each try shrinks the planned sizes by this much more.
_STEP = 0.05


def _needed_height(panel: QWidget, width: int) -> int:
    layout = panel.layout()
    if layout is not None and layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return panel.sizeHint().height()


def _apply(planned: Mapping[QWidget, int], factor: float, minimum: int) -> bool:
    """Size each widget to its planned size times ``factor``; True if all are at ``minimum``."""
    at_minimum = True
    for widget, points in planned.items():
        size = max(minimum, round(points * factor))
        at_minimum = at_minimum and size == minimum
        if widget.font().pointSize() != size:
            font = QFont(widget.font())
            font.setPointSize(size)
            widget.setFont(font)
    return at_minimum


def fit_type(
    panel: QWidget, planned: Mapping[QWidget, int], width: int, height: int, minimum: int
) -> float:
    """Size the type of ``planned`` widgets so that ``panel`` fits ``width`` by ``height``.

    Returns the factor applied to the planned sizes (1.0: as planned). When
    even ``minimum`` everywhere does not fit, every size is ``minimum`` and
    the panel is taller than ``height``: its scroll area scrolls.
    """
    factor = 1.0
    while True:
        at_minimum = _apply(planned, factor, minimum)
        if at_minimum or _needed_height(panel, width) <= height:
            return factor
        factor -= _STEP
