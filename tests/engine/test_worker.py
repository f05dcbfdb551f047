"""The engine thread: device first, latest request wins, failures reported, stops in time."""

from __future__ import annotations

import queue
import time

from engine.runtime import events as ev
from engine.runtime.worker import EngineWorker


def _collect(worker_events: queue.Queue, until, timeout: float = 60.0) -> list[ev.Event]:
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            seen.append(worker_events.get(timeout=0.1))
        except queue.Empty:
            continue
        if until(seen):
            return seen
    raise AssertionError(f"timed out; saw {[type(e).__name__ for e in seen]}")


def test_reports_the_device_and_stops_within_two_seconds():
    events: queue.Queue = queue.Queue()
    worker = EngineWorker(events.put, device="cpu")
    worker.start()
    seen = _collect(events, lambda s: any(isinstance(e, ev.DeviceReady) for e in s))
    device = next(e for e in seen if isinstance(e, ev.DeviceReady))
    assert device.kind == "cpu" and device.available[-1] == "cpu"
    started = time.monotonic()
    assert worker.stop(timeout=2.0)
    assert time.monotonic() - started < 2.0
    assert not worker.is_alive()


def test_latest_analysis_request_wins():
    events: queue.Queue = queue.Queue()
    worker = EngineWorker(events.put, device="cpu")
    replaced = [worker.submit(ev.Analyze(name, request_id=number))  # all waiting before the thread runs: one channel
                for number, name in enumerate(("vgg16", "resnet50", "lenet5"), start=1)]
    assert replaced == [0, 1, 2]  # told at once, so that a sender can forget a replaced request before its RequestDone
    worker.start()
    try:
        seen = _collect(events, lambda s: any(isinstance(e, ev.AnalysisReady) for e in s))
        time.sleep(0.2)
        while not events.empty():
            seen.append(events.get())
    finally:
        worker.stop()
    served = [e.model for e in seen if isinstance(e, (ev.AnalysisReady,))]
    assert served == ["lenet5"]
    assert not [e for e in seen if isinstance(e, ev.RequestFailed)]


def test_a_bad_request_is_reported_and_the_engine_keeps_serving():
    events: queue.Queue = queue.Queue()
    worker = EngineWorker(events.put, device="cpu")
    worker.start()
    try:
        worker.submit(ev.Analyze("no-such-net"))
        worker.submit(ev.DescribeZoo())
        seen = _collect(events, lambda s: any(isinstance(e, ev.ZooReady) for e in s))
    finally:
        worker.stop()
    failure = next(e for e in seen if isinstance(e, ev.RequestFailed))
    assert "no-such-net" in failure.message
    zoo = next(e for e in seen if isinstance(e, ev.ZooReady))
    assert "lenet5" in [entry.name for entry in zoo.entries]
