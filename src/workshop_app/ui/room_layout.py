"""A window layout for the projectors in the room: 1920x1080 and 1280x720 alike.

- Wide (at least :data:`COMPACT_BELOW` pixels): the guide on the left, the
  findings above the inspector on the right, the map in the middle.
- Compact (narrower, a 1280x720 projector): the inspector is a tab behind
  the findings and both side columns are narrower, so that map, findings
  and guide are usable at once.

The layout changes when the window crosses the width, and once at start
(after the saved dock layout is restored, so its visibility is kept).
:func:`fit_inside` keeps a restored window on the screen it opens on: a
session saved on a 1920x1080 screen opens inside a 1280x720 one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

__all__ = ["COMPACT_BELOW", "RoomLayout", "fit_inside", "fit_window_to_screen"]

#: A window narrower than this gets the compact layout.
COMPACT_BELOW = 1600
#: Widths of the guide and of the findings column, (wide, compact).
_GUIDE_WIDTH = (420, 300)
_FINDINGS_WIDTH = (460, 360)


def fit_inside(frame: QRect, screen: QRect) -> QRect:
    """``frame`` moved, and shrunk where it must be, to lie inside ``screen``."""
    width, height = min(frame.width(), screen.width()), min(frame.height(), screen.height())
    left = min(max(frame.left(), screen.left()), screen.right() + 1 - width)
    top = min(max(frame.top(), screen.top()), screen.bottom() + 1 - height)
    return QRect(left, top, width, height)


def fit_window_to_screen(window: QMainWindow) -> None:
    """Move and shrink ``window`` (its frame included) into its screen's free area."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    wanted = fit_inside(frame, screen)
    if wanted == frame:
        return
    # The frame (title bar, borders) is outside the geometry the window is given.
    extra_width = frame.width() - window.width()
    extra_height = frame.height() - window.height()
    window.resize(wanted.width() - extra_width, wanted.height() - extra_height)
    window.move(wanted.topLeft())


class RoomLayout(QObject):
    """Keeps the main window's docks arranged for its width."""

    def __init__(
        self, window: QMainWindow, guide: QDockWidget, findings: QDockWidget, inspector: QDockWidget
    ) -> None:
        super().__init__(window)
        self._window = window
        self._guide, self._findings, self._inspector = guide, findings, inspector
        self.compact: bool | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            # After the window's own layout has taken the new size.
            QTimer.singleShot(0, self.adapt)
        return False

    def adapt(self) -> None:
        """Arrange the docks for the window's present width (only when that class changes)."""
        compact = self._window.width() < COMPACT_BELOW
        if compact == self.compact or not self._window.isVisible():
            return
        self.compact = compact
        window, findings, inspector = self._window, self._findings, self._inspector
        right = Qt.DockWidgetArea.RightDockWidgetArea
        movable = all(
            not dock.isFloating() and window.dockWidgetArea(dock) == right
            for dock in (findings, inspector)
        )
        if movable and compact:
            window.tabifyDockWidget(findings, inspector)
            findings.raise_()
        elif movable:
            if inspector in window.tabifiedDockWidgets(findings):
                # Out of the tab group, then back below the findings (where a
                # window starts them: there is nothing to move then).
                window.removeDockWidget(inspector)
                window.addDockWidget(right, inspector, Qt.Orientation.Vertical)
                inspector.setVisible(True)
            window.resizeDocks([findings, inspector], [3, 2], Qt.Orientation.Vertical)
        step = 1 if compact else 0
        docks = [d for d in (self._guide, findings) if d.isVisible() and not d.isFloating()]
        widths = {self._guide: _GUIDE_WIDTH[step], findings: _FINDINGS_WIDTH[step]}
        window.resizeDocks(docks, [widths[d] for d in docks], Qt.Orientation.Horizontal)
