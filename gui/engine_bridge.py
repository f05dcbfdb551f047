"""The only place that talks to the engine thread.

Requests go in through :meth:`EngineBridge.submit`. Events come back on the engine thread, wait in a queue and
are re-emitted as Qt signals on the GUI thread at most ~30 times a second; between two deliveries events that
share a ``coalesce_key`` (progress, engine state) are thinned to the newest, the others arrive in order.
"""

from __future__ import annotations

import threading
import weakref
from collections import deque

from PySide6.QtCore import QObject, Signal, Slot
from superqt.utils import qthrottled

from engine.runtime import events as ev
from engine.runtime.worker import EngineWorker

__all__ = ["EngineBridge"]

_FRAME_MS = 33  # <= 30 deliveries a second: faster than a projector needs, slow enough to keep the GUI idle


class EngineBridge(QObject):
    """Owns the engine thread for the window's lifetime.

    Signals carry the frozen event objects of :mod:`engine.runtime.events`.
    """

    state_changed = Signal(object)      # EngineStateChanged
    device_ready = Signal(object)       # DeviceReady
    analysis_ready = Signal(object)     # AnalysisReady
    zoo_ready = Signal(object)          # ZooReady
    request_failed = Signal(object)     # RequestFailed
    event_ready = Signal(object)        # every event, after the typed signal

    _events_waiting = Signal()          # engine thread -> GUI thread wake-up (queued connection)

    def __init__(self, device: str = "auto", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: deque[ev.Event] = deque()
        self._lock = threading.Lock()
        self._wake_pending = False
        # The worker holds only a weak reference back: a bridge <-> worker cycle would leave the bridge to the
        # cycle collector, which may run on another engine thread and destroy Qt objects off their thread.
        self._worker = EngineWorker(_weak_callback(self._on_engine_event), device=device)
        self._events_waiting.connect(self._deliver_throttled)
        self._typed = {
            ev.EngineStateChanged: self.state_changed,
            ev.DeviceReady: self.device_ready,
            ev.AnalysisReady: self.analysis_ready,
            ev.ZooReady: self.zoo_ready,
            ev.RequestFailed: self.request_failed,
        }

    def start(self) -> None:
        """Start the engine thread (it imports torch there, so call this after the window is shown)."""
        self._worker.start()

    def submit(self, request: ev.Request) -> None:
        self._worker.submit(request)

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Stop the engine thread; True when it exited within ``timeout`` seconds."""
        stopped = self._worker.stop(timeout)
        self._deliver()
        return stopped

    def is_running(self) -> bool:
        return self._worker.is_alive()

    # ------------------------------------------------------------ engine thread

    def _on_engine_event(self, event: ev.Event) -> None:
        with self._lock:
            self._queue.append(event)
            wake = not self._wake_pending
            self._wake_pending = True
        if wake:
            self._events_waiting.emit()

    # ------------------------------------------------------------ GUI thread

    @qthrottled(timeout=_FRAME_MS, leading=True)
    def _deliver_throttled(self) -> None:
        self._deliver()

    @Slot()
    def _deliver(self) -> None:
        with self._lock:
            batch = list(self._queue)
            self._queue.clear()
            self._wake_pending = False
        for event in _newest_per_key(batch):
            signal = self._typed.get(type(event))
            if signal is not None:
                signal.emit(event)
            self.event_ready.emit(event)


def _weak_callback(method):
    reference = weakref.WeakMethod(method)

    def call(event: ev.Event) -> None:
        target = reference()
        if target is not None:
            target(event)

    return call


def _newest_per_key(batch: list[ev.Event]) -> list[ev.Event]:
    """Keep every event without a coalesce key, and only the last of each key, preserving order."""
    last_index = {event.coalesce_key: i for i, event in enumerate(batch) if event.coalesce_key is not None}
    return [e for i, e in enumerate(batch) if e.coalesce_key is None or last_index[e.coalesce_key] == i]
