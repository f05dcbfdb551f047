"""The only place that talks to the engine thread (docs/ARCHITECTURE.md, "Requests and replies").

A view asks through its own :class:`EngineClient` (``bridge.client(view)``): ``submit(request, replies,
on_failure)`` numbers the request and sends it; every event that answers it comes back to that view's
handlers, and to no other view. Events come back on the engine thread, wait in a queue and are delivered on
the GUI thread at most ~30 times a second; between two deliveries events that share a ``coalesce_key``
(progress, engine state) are thinned to the newest, the others arrive in order. Only what concerns every
view is broadcast as a signal: the engine's state, the device, and failures nobody asked to handle.
"""

from __future__ import annotations

import dataclasses
import itertools
import threading
import weakref
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from gui.throttle import Throttle

if TYPE_CHECKING:
    from engine.runtime import events as ev
    from engine.runtime.worker import EngineWorker

__all__ = ["EngineBridge", "EngineClient", "Replies"]

_FRAME_MS = 33  # <= 30 deliveries a second: faster than a projector needs, slow enough to keep the GUI idle

Replies = Mapping[type, Callable]  # event type -> the handler of that answer


@dataclass
class _Asked:
    """Who waits for the answers to one request."""

    replies: Replies
    on_failure: Callable[[ev.RequestFailed], None] | None
    sender: int


class EngineBridge(QObject):
    """Owns the engine thread for the window's lifetime, and routes each answer to whoever asked."""

    state_changed = Signal(object)      # EngineStateChanged, for everyone
    device_ready = Signal(object)       # DeviceReady, for everyone
    failure_unhandled = Signal(object)  # RequestFailed whose sender gave no on_failure (the status bar shows it)

    _events_waiting = Signal()          # engine thread -> GUI thread wake-up (queued connection)

    def __init__(self, device: str = "auto", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: deque[ev.Event] = deque()
        self._lock = threading.Lock()
        self._wake_pending = False
        self._prompt_pending = False  # an event to deliver now rather than at the next tick (a live frame's maps)
        self._ids = itertools.count(1)
        self._senders = itertools.count(1)
        self._asked: dict[int, _Asked] = {}  # request id -> its receiver, until RequestDone or a cancel
        self._device = device
        # Made by start(): the engine's modules load after the window's first paint. Requests sent before wait.
        self._worker: EngineWorker | None = None
        self._before_start: list = []
        self._broadcast: dict = {}
        self._deliver_throttled = Throttle(self._deliver, _FRAME_MS, self)
        self._events_waiting.connect(self._on_events_waiting)

    def start(self) -> None:
        """Start the engine thread (it imports torch there, so call this after the window is shown)."""
        from engine.runtime import events as ev
        from engine.runtime.worker import EngineWorker

        self._broadcast = {ev.EngineStateChanged: self.state_changed, ev.DeviceReady: self.device_ready}
        # The worker holds only a weak reference back: a bridge <-> worker cycle would leave the bridge to the
        # cycle collector, which may run on another engine thread and destroy Qt objects off their thread.
        self._worker = EngineWorker(_weak_callback(self._on_engine_event), device=self._device)
        for request in self._before_start:
            self._worker.submit(request)
        self._before_start.clear()
        self._worker.start()

    def client(self, owner: QObject | None = None) -> EngineClient:
        """A new sender; its outstanding requests are cancelled when ``owner`` is destroyed."""
        return EngineClient(self, next(self._senders), owner)

    def submit(self, request: ev.Request, replies: Replies | None = None,
               on_failure: Callable[[ev.RequestFailed], None] | None = None, sender: int = 0) -> int:
        """Send ``request``; its answers go to ``replies[type(event)]``, a failure to ``on_failure`` (or to
        ``failure_unhandled``). Returns the request's id."""
        request_id = next(self._ids)
        if replies or on_failure:
            self._asked[request_id] = _Asked(dict(replies or {}), on_failure, sender)
        numbered = dataclasses.replace(request, request_id=request_id, sender=sender)
        if self._worker is None:
            replaced = self._wait_for_start(numbered)
        else:
            replaced = self._worker.submit(numbered)
        self._asked.pop(replaced, None)  # its RequestDone comes later: until then the sender would wait for it
        return request_id

    def _wait_for_start(self, request: ev.Request) -> int:
        """Keep ``request`` until the engine starts, replacing one on its channel as the engine's queue does;
        returns the replaced request's id (0 when none)."""
        for index, kept in enumerate(self._before_start):
            if request.channel is not None and kept.channel == request.channel:
                del self._before_start[index]
                self._before_start.append(request)
                return kept.request_id
        self._before_start.append(request)
        return 0

    def awaits(self, request_id: int) -> bool:
        """True while request ``request_id`` has a receiver waiting: not answered in full, cancelled, or replaced
        in the engine's queue by a newer request on its channel."""
        return request_id in self._asked

    def cancel(self, request_id: int) -> None:
        """Forget request ``request_id``: answers still on their way are dropped."""
        self._asked.pop(request_id, None)

    def cancel_sender(self, sender: int) -> None:
        """Forget every request of ``sender``."""
        self._asked = {key: asked for key, asked in self._asked.items() if asked.sender != sender}

    def outstanding(self) -> int:
        """How many requests still have a receiver waiting (for the tests and the memory benchmark)."""
        return len(self._asked)

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Stop the engine thread; True when it exited within ``timeout`` seconds."""
        if self._worker is None:
            return True
        stopped = self._worker.stop(timeout)
        self._deliver()
        # Forget every receiver: the handlers hold their views, and a view left in a cycle would be freed by
        # the cycle collector, which may run on another thread and destroy Qt objects off their thread.
        self._asked.clear()
        return stopped

    def is_running(self) -> bool:
        return self._worker is not None and self._worker.is_alive()

    # ------------------------------------------------------------ engine thread

    def _on_engine_event(self, event: ev.Event) -> None:
        with self._lock:
            self._queue.append(event)
            # A prompt event wakes the GUI even when a wake-up is pending: that one may wait for the tick.
            wake = not self._wake_pending or (event.prompt and not self._prompt_pending)
            self._wake_pending = True
            self._prompt_pending = self._prompt_pending or event.prompt
        if wake:
            self._events_waiting.emit()

    # ------------------------------------------------------------ GUI thread

    @Slot()
    def _on_events_waiting(self) -> None:  # a slot of the bridge: queued onto the GUI thread
        if self._prompt_pending:
            # A live frame's maps: waiting up to a tick (33 ms) for them would slow the feed, which sends its next
            # frame when they are in. What waits with them is delivered too, in order; a feed is one such event a
            # frame, so the GUI still paints at most as often as frames come back.
            self._deliver()
        else:
            self._deliver_throttled()

    @Slot()
    def _deliver(self) -> None:
        with self._lock:
            batch = list(self._queue)
            self._queue.clear()
            self._wake_pending = self._prompt_pending = False
        for event in _newest_per_key(batch):
            self._route(event)

    def _route(self, event: ev.Event) -> None:
        from engine.runtime import events as ev  # loaded by start(), before any event

        signal = self._broadcast.get(type(event))
        if signal is not None:
            signal.emit(event)
            return
        if isinstance(event, ev.RequestDone):
            self._asked.pop(event.request_id, None)
            return
        asked = self._asked.get(event.request_id)
        if isinstance(event, ev.RequestFailed):
            if asked is not None and asked.on_failure is not None:
                asked.on_failure(event)
            else:
                self.failure_unhandled.emit(event)
        elif asked is not None and (handler := asked.replies.get(type(event))) is not None:
            handler(event)


class EngineClient:
    """One sender's side of the bridge: a view's requests and the answers to them.

    Asking again for a ``latest_wins`` kind of request cancels the one before it (the engine drops it if it is
    still waiting, and any answer still on its way is ignored); when ``owner`` is destroyed, everything it
    asked for is cancelled.
    """

    def __init__(self, bridge: EngineBridge, sender: int, owner: QObject | None) -> None:
        # Weak: the bridge holds the view's handlers while it waits for answers, and the view holds its client;
        # a strong reference back would make a bridge <-> view cycle (see EngineBridge.shutdown).
        self._bridge = weakref.ref(bridge)
        self._sender = sender
        self._latest: dict[type, int] = {}  # latest_wins request kind -> the id of the one asked last
        if owner is not None:
            owner.destroyed.connect(self.cancel_all)

    def submit(self, request: ev.Request, replies: Replies | None = None,
               on_failure: Callable[[ev.RequestFailed], None] | None = None) -> int:
        """Send ``request`` (see :meth:`EngineBridge.submit`); returns its id."""
        bridge = self._bridge()
        if bridge is None:  # the window is closing
            return 0
        kind = type(request)
        if request.latest_wins and kind in self._latest:
            bridge.cancel(self._latest.pop(kind))
        request_id = bridge.submit(request, replies, on_failure, sender=self._sender)
        if request.latest_wins:
            self._latest[kind] = request_id
        return request_id

    def awaits(self, request_id: int) -> bool:
        """See :meth:`EngineBridge.awaits`."""
        bridge = self._bridge()
        return bridge is not None and bridge.awaits(request_id)

    def cancel(self, request_id: int) -> None:
        """Ignore the answers still to come to request ``request_id`` of this sender (e.g. live frames in flight
        when the feed stops)."""
        bridge = self._bridge()
        if bridge is not None:
            bridge.cancel(request_id)

    def cancel_all(self) -> None:
        bridge = self._bridge()
        if bridge is not None:
            bridge.cancel_sender(self._sender)
        self._latest.clear()


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
