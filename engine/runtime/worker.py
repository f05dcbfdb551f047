"""The engine thread: one long-lived thread that owns the device and the models and serves requests.

The GUI never calls it directly; ``gui/engine_bridge.py`` does, passing immutable requests in and receiving
immutable events through a callback that is called *on the engine thread*.

Every event a handler yields is stamped with the ``request_id`` of the request it answers, and a
``RequestDone`` follows the last one, so the bridge can give each answer to whoever asked (docs/ARCHITECTURE.md).

Scheduling: requests that name a ``channel`` replace a waiting request of the same channel (latest wins), so
a burst of clicks costs one piece of work; the others queue in order. Long handlers are generators and the
worker checks its stop flag between every item they yield (every batch, every layer); there it also serves
waiting ``interleave`` requests, so a dropped image gets its feature maps while a model trains.

The worker owns what lives between requests: the control of each running long job (:meth:`running_job`,
:class:`JobControl`) and the caches of its handlers (:meth:`owned`, the models built for the pages).
"""

from __future__ import annotations

import dataclasses
import importlib
import threading
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from engine.runtime import events as ev
from engine.runtime.errors import UserInputError

__all__ = ["EngineWorker", "JobControl"]

Emit = Callable[[ev.Event], None]
Owned = TypeVar("Owned")


class JobControl:
    """What the buttons of a long job (a training run, a sweep) asked for; the job reads it before every batch
    or step. ``stopped_parts`` names parts to stop on their own (one network of a sweep)."""

    def __init__(self) -> None:
        self.stop = False
        self.paused = False
        self.stopped_parts: set[str] = set()


class EngineWorker:
    """Serve requests on one background thread.

    Parameters
    ----------
    emit
        Called on the engine thread with every event; must be thread-safe and quick.
    device
        Initial device preference (``auto``, ``cuda``, ``mps`` or ``cpu``).
    """

    def __init__(self, emit: Emit, device: str = "auto") -> None:
        self._emit = emit
        self._device_preference = device
        self._device = None
        self._pending: OrderedDict[object, ev.Request] = OrderedDict()
        self._sequence = 0
        self._wake = threading.Condition()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="casebook-engine", daemon=True)
        self._jobs: dict[str, JobControl] = {}  # engine thread only, like everything below
        self._owned: dict[type, object] = {}

    # ------------------------------------------------------------ GUI-thread side

    def start(self) -> None:
        self._thread.start()

    def submit(self, request: ev.Request) -> int:
        """Queue ``request``; a waiting request on the same channel is replaced by this one. Returns the replaced
        request's id (0 when none), told at once so that the sender can forget it before its ``RequestDone``."""
        with self._wake:
            if request.channel is None:
                self._sequence += 1
                key: object = ("queue", self._sequence)
                replaced = None
            else:
                key = request.channel
                replaced = self._pending.pop(key, None)  # re-inserted at the end: newest goes last
            self._pending[key] = request
            self._wake.notify()
        if replaced is None:
            return 0
        self._emit(ev.RequestDone(request_id=replaced.request_id))
        return replaced.request_id

    def stop(self, timeout: float = 2.0) -> bool:
        """Ask the thread to finish its current batch and exit; True when it has exited within ``timeout``."""
        self._stopping.set()
        with self._wake:
            self._wake.notify()
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    # ------------------------------------------------------------ engine-thread side

    def _run(self) -> None:
        self._emit(ev.EngineStateChanged("starting"))
        try:
            self.set_device(self._device_preference)
        except Exception as error:  # noqa: BLE001 - a broken torch install must not kill the thread silently
            self._emit(ev.RequestFailed("startup", f"PyTorch could not start: {error}"))
        while not self._stopping.is_set():
            request = self._next_request()
            if request is None:
                continue
            self._emit(ev.EngineStateChanged("busy", type(request).__name__))
            self._serve(request)
            if not self._has_pending():
                self._emit(ev.EngineStateChanged("idle"))
        self._emit(ev.EngineStateChanged("stopped"))

    def _next_request(self) -> ev.Request | None:
        with self._wake:
            while not self._pending and not self._stopping.is_set():
                self._wake.wait()
            if self._stopping.is_set():
                return None
            _, request = self._pending.popitem(last=False)
            return request

    def _has_pending(self) -> bool:
        with self._wake:
            return bool(self._pending)

    def superseded(self, request: ev.Request) -> bool:
        """True when a newer request on ``request``'s channel is waiting: the handler may give up early."""
        with self._wake:
            return request.channel is not None and request.channel in self._pending

    def waiting(self, channel: tuple) -> bool:
        """True when a request on ``channel`` is waiting (e.g. a live frame, which makes a still image's
        Grad-CAM and occlusion moot)."""
        with self._wake:
            return channel in self._pending

    def serve_interleaved(self) -> None:
        """Serve every waiting ``interleave`` request now (called between batches of a long handler)."""
        while not self._stopping.is_set():
            with self._wake:
                key = next((k for k, r in self._pending.items() if r.interleave), None)
                if key is None:
                    return
                request = self._pending.pop(key)
            self._serve(request, nested=True)

    def _serve(self, request: ev.Request, nested: bool = False) -> None:
        handler = _HANDLERS.get(type(request))
        name = type(request).__name__
        answer = request.request_id
        try:
            if handler is None:
                raise UserInputError(f"the engine has no handler for {name}")
            events = handler(self, request)
            try:
                for event in events:
                    if self._stopping.is_set():
                        return
                    if event.request_id != answer:
                        event = dataclasses.replace(event, request_id=answer)
                    self._emit(event)
                    if not nested:
                        self.serve_interleaved()
            finally:
                if hasattr(events, "close"):
                    events.close()  # run the handler's finally blocks now: files are closed intact
        except UserInputError as error:
            self._emit(ev.RequestFailed(name, str(error), request_id=answer))
        except Exception as error:  # noqa: BLE001 - report, keep serving: one bad request must not end the engine
            traceback.print_exc()
            self._emit(ev.RequestFailed(name, f"{type(error).__name__}: {error}", request_id=answer))
        finally:
            self._emit(ev.RequestDone(request_id=answer))

    @contextmanager
    def running_job(self, kind: str) -> Iterator[JobControl]:
        """The control of a long job of ``kind`` while it runs (engine thread only)."""
        control = self._jobs[kind] = JobControl()
        try:
            yield control
        finally:
            self._jobs.pop(kind, None)

    def job(self, kind: str) -> JobControl | None:
        """The running job of ``kind``'s control, or None when none runs (a late click then does nothing)."""
        return self._jobs.get(kind)

    def serve_sweep(self, kind: str, start: Callable[..., Iterator[ev.Event]] | None, stop_part: str = ""
                    ) -> Iterator[ev.Event]:
        """Run a sweep of ``kind`` (runs side by side, each stoppable alone), or, when ``start`` is None, stop it.

        ``start(should_stop=..., run_stopped=...)`` makes the sweep's events; a stop request stops only the part
        ``stop_part`` when given, else the whole sweep (nothing happens when none runs: a late click).
        """
        if start is not None:
            with self.running_job(kind) as control:
                yield from start(should_stop=lambda: control.stop or self.stopping,
                                 run_stopped=control.stopped_parts.__contains__)
            return
        control = self.job(kind)
        if control is None:
            return
        if stop_part:
            control.stopped_parts.add(stop_part)
        else:
            control.stop = True

    def idle(self, seconds: float) -> None:
        """For a paused job: serve what is waiting (the resume and stop buttons, a dropped image), then wait up to
        ``seconds`` for the next request."""
        self.serve_interleaved()
        with self._wake:
            if not self._pending and not self._stopping.is_set():
                self._wake.wait(seconds)

    def owned(self, kind: type[Owned]) -> Owned:
        """The worker's one ``kind()``, made on first use: what a handler keeps between requests (engine thread
        only, and gone with the worker)."""
        if kind not in self._owned:
            self._owned[kind] = kind()
        return self._owned[kind]

    @property
    def device(self):
        """The torch.device requests run on (engine thread only)."""
        return self._device

    def set_device(self, preference: str) -> None:
        """Resolve ``preference`` and announce the device (engine thread only)."""
        import torch

        from engine.runtime.device import available_devices, pick_device

        self._device, name = pick_device(preference)
        self._emit(ev.DeviceReady(self._device.type, name, available_devices(), torch.__version__))


# ---------------------------------------------------------------- handlers (engine thread)


def _on_set_device(worker: EngineWorker, request: ev.SetDevice) -> Iterator[ev.Event]:
    worker.set_device(request.preference)  # announces the device itself
    yield from ()


def _deferred(target: str) -> Callable[[EngineWorker, ev.Request], Iterator[ev.Event]]:
    """The handler ``"module:function"``, imported when its first request comes: those modules load torch,
    which belongs on the engine thread after the window's first paint; and the runtime, the engine's lowest
    layer, imports none of the layers above it."""
    module, function = target.split(":")

    def handler(worker: EngineWorker, request: ev.Request) -> Iterator[ev.Event]:
        return getattr(importlib.import_module(module), function)(worker, request)

    return handler


_on_training = _deferred("engine.learning.training:training_events")
_on_depth = _deferred("engine.learning.depth:depth_events")

_HANDLERS: dict[type, Callable[[EngineWorker, ev.Request], Iterator[ev.Event]]] = {
    ev.SetDevice: _on_set_device,
    ev.InspectImage: _deferred("engine.inspection.features:inspect_image_events"),
    ev.DownloadWeights: _deferred("engine.inspection.features:download_weights_events"),
    ev.ExplainPointwise: _deferred("engine.inspection.features:pointwise_example_events"),
    ev.InspectUnit: _deferred("engine.inspection.units:unit_events"),
    ev.PreviewAugmentations: _deferred("engine.data.augmentation:preview_events"),
    ev.MakeThumbnails: _deferred("engine.data.images:thumbnail_events"),
    ev.Analyze: _deferred("engine.models.overview:analysis_events"),
    ev.DescribeZoo: _deferred("engine.models.overview:zoo_events"),
    ev.DescribeInception: _deferred("engine.inspection.cost:inception_events"),
    ev.StartTraining: _on_training,
    ev.PauseTraining: _on_training,
    ev.ResumeTraining: _on_training,
    ev.StopTraining: _on_training,
    ev.ListRuns: _on_training,
    ev.LoadRun: _on_training,
    ev.CheckReadiness: _deferred("engine.models.prepare:readiness_events"),
    ev.StartPreparation: _deferred("engine.models.prepare:prepare_events"),
    ev.CancelPreparation: _deferred("engine.models.prepare:prepare_events"),
    ev.ShowDatasetSamples: _deferred("engine.data.samples:dataset_samples_events"),
    ev.StartDepthSweep: _on_depth,
    ev.StopDepthSweep: _on_depth,
    ev.StartExperiment: _deferred("engine.learning.experiments.registry:experiment_events"),
    ev.StopExperiment: _deferred("engine.learning.experiments.registry:experiment_events"),
    ev.InspectFrame: _deferred("engine.inspection.live:inspect_frame_events"),
}
