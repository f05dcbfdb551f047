"""gui.throttle: the first call at once, the calls of an interval folded into one at its end, flush now."""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui.throttle import Throttle


def test_calls_within_an_interval_are_folded_into_one_at_its_end(qtbot):
    owner, calls = QObject(), []
    throttle = Throttle(lambda: calls.append(1), 80, owner)
    throttle()
    assert calls == [1]  # leading: at once
    for _ in range(5):
        throttle()
    assert calls == [1]
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=2000)
    qtbot.wait(200)
    assert len(calls) == 2  # five calls, one run


def test_flush_runs_a_folded_call_now_and_nothing_when_none_waits(qtbot):
    owner, calls = QObject(), []
    throttle = Throttle(lambda: calls.append(1), 10_000, owner)
    throttle.flush()
    assert calls == []
    throttle()
    throttle()
    throttle.flush()
    assert calls == [1, 1]
