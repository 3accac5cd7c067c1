"""A progress bar over the map while a large map's relations are drawn in.

It appears only when drawing lasts longer than ``SHOW_AFTER_MS`` (a small
map never shows it) and goes when the last relation is drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtWidgets import QGraphicsView, QProgressBar

from workshop_app.ui.i18n import tr

__all__ = ["SHOW_AFTER_MS", "BuildProgress"]

SHOW_AFTER_MS = 200
_WIDTH = 280


class BuildProgress(QProgressBar):
    """Shows a map view's ``buildProgress`` (passed to :meth:`follow` by the view, which
    makes it when a map first draws its relations in), in the viewport's lower left corner."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("mapBuildProgress")
        self.retranslate()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedWidth(_WIDTH)
        self.hide()
        self._clock = QElapsedTimer()

    def retranslate(self) -> None:
        self.setFormat(tr("Drawing the relations… %p %"))

    def follow(self, done: int, total: int) -> None:
        if done >= total:
            self._clock.invalidate()
            self.hide()
            return
        if not self._clock.isValid():
            self._clock.start()
        self.setRange(0, total)
        self.setValue(done)
        if self.isHidden() and self._clock.elapsed() >= SHOW_AFTER_MS:
            area = self.parentWidget().rect()
            self.move(12, area.height() - self.sizeHint().height() - 12)
            self.show()
