"""The timebox: a countdown the whole room can read, with a gentle signal at the end.

Time is read from an injected clock (``time.monotonic`` by default) and the
display is refreshed by a ``QTimer`` tick; the tick only triggers a reading
of the clock, so a test drives both by hand: advance a fake clock, call
:meth:`Timebox.tick`. Nothing here sleeps.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

__all__ = ["Timebox", "format_clock"]

Clock = Callable[[], float]

_TICK_MS = 250


def format_clock(seconds: float) -> str:
    """``mm:ss`` for a span of time; overtime (negative) gets a leading ``+``.

    Examples
    --------
    >>> format_clock(1500), format_clock(59.2), format_clock(-61)
    ('25:00', '01:00', '+01:01')
    """
    # Round up while counting down, so "00:00" appears exactly at the end.
    whole = int(-(-seconds // 1)) if seconds >= 0 else int(-seconds)
    minutes, secs = divmod(whole, 60)
    sign = "+" if seconds < 0 else ""
    return f"{sign}{minutes:02d}:{secs:02d}"


class Timebox(QObject):
    """A countdown of ``duration`` seconds that can be paused, extended and reset.

    Signals
    -------
    changed()
        The remaining time or the running state changed: redraw.
    expired()
        The time ran out (once per run down to zero; an extension re-arms it).
    """

    changed = Signal()
    expired = Signal()

    def __init__(
        self, duration: float = 0.0, clock: Clock = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._duration = float(duration)
        self._elapsed_before = 0.0  # elapsed in earlier runs (before the last pause)
        self._started_at: float | None = None
        self._signalled = False
        self.ticker = QTimer(self)
        self.ticker.setInterval(_TICK_MS)
        self.ticker.timeout.connect(self.tick)

    @property
    def duration(self) -> float:
        return self._duration

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def elapsed(self) -> float:
        if self._started_at is None:
            return self._elapsed_before
        return self._elapsed_before + self._clock() - self._started_at

    def remaining(self) -> float:
        """Seconds left; negative in overtime."""
        return self._duration - self.elapsed()

    def is_over(self) -> bool:
        return self.remaining() <= 0

    def start(self) -> None:
        if self.running:
            return
        self._started_at = self._clock()
        self.ticker.start()
        self.changed.emit()

    def pause(self) -> None:
        if not self.running:
            return
        self._elapsed_before = self.elapsed()
        self._started_at = None
        self.ticker.stop()
        self.changed.emit()

    def toggle(self) -> None:
        """Start when paused, pause when running (one button, one key)."""
        self.pause() if self.running else self.start()

    def extend(self, seconds: float) -> None:
        """Give the group more time; a new signal follows when that runs out too."""
        self._duration += seconds
        if not self.is_over():
            self._signalled = False
        self.changed.emit()

    def reset(self, duration: float | None = None) -> None:
        """Stop and start over with ``duration`` (the current one when omitted)."""
        if duration is not None:
            self._duration = float(duration)
        self._elapsed_before = 0.0
        self._started_at = None
        self._signalled = False
        self.ticker.stop()
        self.changed.emit()

    def switch(self, duration: float, elapsed: float = 0.0) -> None:
        """Count ``duration`` seconds of which ``elapsed`` are spent, running on if running.

        For a change of phase: the clock in the room does not stop because
        the agenda moved on. A span already over does not signal again.
        """
        self._duration = float(duration)
        self._elapsed_before = float(elapsed)
        if self._started_at is not None:
            self._started_at = self._clock()
        self._signalled = self.is_over()
        self.changed.emit()

    def tick(self) -> None:
        """Read the clock: redraw, and signal once when the time has run out."""
        self.changed.emit()
        if self.running and self.is_over() and not self._signalled:
            self._signalled = True
            self.expired.emit()
