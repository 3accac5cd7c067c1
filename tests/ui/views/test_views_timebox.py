"""The timebox counts down on an injected clock; nothing sleeps."""

from __future__ import annotations

from workshop_app.ui.views.timer import Timebox, format_clock


def test_it_counts_down_only_while_running(qtbot, views_clock) -> None:
    timebox = Timebox(25 * 60, views_clock)
    views_clock.advance(300)
    assert format_clock(timebox.remaining()) == "25:00"
    timebox.start()
    views_clock.advance(90)
    assert format_clock(timebox.remaining()) == "23:30"
    timebox.pause()
    views_clock.advance(600)
    assert format_clock(timebox.remaining()) == "23:30"
    timebox.toggle()
    views_clock.advance(30)
    assert format_clock(timebox.remaining()) == "23:00"


def test_the_end_is_signalled_once_and_overtime_shows(qtbot, views_clock) -> None:
    timebox = Timebox(60, views_clock)
    signals: list[bool] = []
    timebox.expired.connect(lambda: signals.append(True))
    timebox.start()
    views_clock.advance(59)
    timebox.tick()
    assert signals == []
    views_clock.advance(1)
    with qtbot.waitSignal(timebox.expired, timeout=100):
        timebox.tick()
    views_clock.advance(75)
    timebox.tick()
    assert signals == [True]
    assert format_clock(timebox.remaining()) == "+01:15"


def test_extending_gives_time_back_and_signals_again_later(qtbot, views_clock) -> None:
    timebox = Timebox(60, views_clock)
    signals: list[bool] = []
    timebox.expired.connect(lambda: signals.append(True))
    timebox.start()
    views_clock.advance(70)
    timebox.tick()
    timebox.extend(5 * 60)
    assert not timebox.is_over()
    assert format_clock(timebox.remaining()) == "04:50"
    views_clock.advance(290)
    timebox.tick()
    assert signals == [True, True]


def test_reset_stops_and_starts_over(qtbot, views_clock) -> None:
    timebox = Timebox(60, views_clock)
    timebox.start()
    views_clock.advance(30)
    timebox.reset(10 * 60)
    assert not timebox.running
    assert not timebox.ticker.isActive()
    assert format_clock(timebox.remaining()) == "10:00"


def test_the_display_ticks_while_running(qtbot, views_clock) -> None:
    timebox = Timebox(60, views_clock)
    timebox.start()
    assert timebox.ticker.isActive()
    with qtbot.waitSignal(timebox.changed, timeout=2000):
        pass
    timebox.pause()
    assert not timebox.ticker.isActive()
