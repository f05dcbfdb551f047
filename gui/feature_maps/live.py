"""Live frames into the feature maps: a reader thread pulls a frame source, the newest frame wins.

The reader thread reads ``engine.data.frames`` sources at their own pace (a camera, a video, the synthetic
source) into a ``LatestFrame`` slot. On the GUI thread a timer hands each new frame to the feature-map view
whenever the view says it is ready for one. The engine serves one frame while the next waits in its queue, so it
never waits for the screen, and a newer frame replaces the waiting one there: frames that arrive meanwhile
replace each other in the slot or in the queue and are dropped, never queued, so the engine always starts on the
newest frame and memory stays flat however fast the frames come.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from engine.data.frames import FrameSource, LatestFrame
from gui.throttle import weakly

__all__ = ["LiveFeed"]

_POLL_MS = 2  # how often the GUI looks into the slot: well under a frame at 60 frames a second
_STOP_WAIT_S = 2.0


class LiveFeed(QObject):
    """Frames of one source, handed over one at a time when the consumer is ready for the next.

    Parameters
    ----------
    deliver : callable
        ``deliver(frame)`` on the GUI thread: the newest frame (``uint8`` (H, W, 3)).
    ready : callable
        ``ready()`` on the GUI thread: True when the consumer can take another frame.
    parent : QObject, optional

    Signals
    -------
    ended()
        The source has no more frames (a video's end, a camera unplugged); the feed has stopped.
    """

    ended = Signal()

    def __init__(self, deliver: Callable, ready: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The view keeps the feed: its methods are held weakly, so the two make no reference cycle.
        self._deliver, self._ready = weakly(deliver), weakly(ready)
        self.slot = LatestFrame()
        self.delivered = 0  # frames handed to the consumer
        self.shown = 0  # of which the consumer showed the maps (see frame_shown)
        self.latencies: list[float] = []  # seconds from a frame's arrival to its maps on screen, the last 1,000
        self.arrival = 0.0  # when the frame handed over last came from the source (time.perf_counter())
        self._source: FrameSource | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._finished = threading.Event()
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self._on_tick)

    def start(self, source: FrameSource) -> None:
        """Read ``source`` from now on (the previous source is stopped and closed)."""
        self.stop()
        self._source, self.slot, self.delivered, self.shown, self.latencies = source, LatestFrame(), 0, 0, []
        self._stop.clear()
        self._finished.clear()
        self._thread = threading.Thread(target=self._read, args=(source, self.slot), name="frame-reader",
                                        daemon=True)
        self._thread.start()
        self._timer.start()

    def stop(self) -> None:
        """Stop reading and close the source; waits for the reader (at most 2 s)."""
        self._timer.stop()
        self._stop.set()
        if self._source is not None:
            self._source.close()
        if self._thread is not None:
            self._thread.join(_STOP_WAIT_S)
        self._thread, self._source = None, None

    def frame_shown(self, arrival: float) -> None:
        """The consumer has put the maps of the frame that came at ``arrival`` (its :attr:`arrival` when it was
        handed over) on screen: its latency is recorded."""
        self.shown += 1
        self.latencies.append(time.perf_counter() - arrival)
        del self.latencies[:-1000]

    def is_running(self) -> bool:
        return self._thread is not None

    def _read(self, source: FrameSource, slot: LatestFrame) -> None:
        try:
            while not self._stop.is_set():
                frame = source.read()
                if frame is None:
                    break
                slot.put(frame)
        finally:
            self._finished.set()

    def _on_tick(self) -> None:
        if self._ready():
            taken = self.slot.take()
            if taken is not None:
                frame, self.arrival = taken
                self.delivered += 1
                self._deliver(frame)
                return
        if self._finished.is_set() and not self.slot.has_frame():
            self.stop()
            self.ended.emit()
