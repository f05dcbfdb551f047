"""The engine thread: one long-lived thread that owns the device and the models and serves requests.

The GUI never calls it directly; ``gui/engine_bridge.py`` does, passing immutable requests in and receiving
immutable events through a callback that is called *on the engine thread*.

Scheduling: requests that name a ``channel`` replace a waiting request of the same channel (latest wins), so
a burst of clicks costs one piece of work; the others queue in order. Long handlers are generators and the
worker checks its stop flag between every item they yield (every batch, every layer); there it also serves
waiting ``interleave`` requests, so a dropped image gets its feature maps while a model trains.
"""

from __future__ import annotations

import importlib
import threading
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterator

from engine import events as ev
from engine.errors import UserInputError

__all__ = ["EngineWorker"]

Emit = Callable[[ev.Event], None]


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

    # ------------------------------------------------------------ GUI-thread side

    def start(self) -> None:
        self._thread.start()

    def submit(self, request: ev.Request) -> None:
        """Queue ``request``; a waiting request on the same channel is replaced by this one."""
        with self._wake:
            if request.channel is None:
                self._sequence += 1
                key: object = ("queue", self._sequence)
            else:
                key = request.channel
                self._pending.pop(key, None)  # re-inserted at the end: newest goes last
            self._pending[key] = request
            self._wake.notify()

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
        try:
            if handler is None:
                raise UserInputError(f"the engine has no handler for {name}")
            events = handler(self, request)
            try:
                for event in events:
                    if self._stopping.is_set():
                        return
                    self._emit(event)
                    if not nested:
                        self.serve_interleaved()
            finally:
                if hasattr(events, "close"):
                    events.close()  # run the handler's finally blocks now: files are closed intact
        except UserInputError as error:
            self._emit(ev.RequestFailed(name, str(error)))
        except Exception as error:  # noqa: BLE001 - report, keep serving: one bad request must not end the engine
            traceback.print_exc()
            self._emit(ev.RequestFailed(name, f"{type(error).__name__}: {error}"))

    @property
    def device(self):
        """The torch.device requests run on (engine thread only)."""
        return self._device

    def set_device(self, preference: str) -> None:
        """Resolve ``preference`` and announce the device (engine thread only)."""
        import torch

        from engine.device import available_devices, pick_device

        self._device, name = pick_device(preference)
        self._emit(ev.DeviceReady(self._device.type, name, available_devices(), torch.__version__))


# ---------------------------------------------------------------- handlers (engine thread)


def _on_set_device(worker: EngineWorker, request: ev.SetDevice) -> Iterator[ev.Event]:
    worker.set_device(request.preference)  # announces the device itself
    yield from ()


def _on_analyze(worker: EngineWorker, request: ev.Analyze) -> Iterator[ev.Event]:
    from engine.analysis import analyze

    analysis = analyze(request.model, request.input_shape)
    yield ev.AnalysisReady(request.model, tuple(analysis.input_shape), analysis)


def _on_describe_zoo(worker: EngineWorker, request: ev.DescribeZoo) -> Iterator[ev.Event]:
    from engine.overview import zoo_entry
    from engine.zoo import list_models

    entries = []
    for name in list_models():
        if worker.stopping:  # a dozen analyses: let a closing window stop between two of them
            return
        entries.append(zoo_entry(name))
    yield ev.ZooReady(tuple(entries))


def _on_describe_inception(worker: EngineWorker, request: ev.DescribeInception) -> Iterator[ev.Event]:
    from engine.cost import inception_breakdowns

    yield ev.InceptionReady(inception_breakdowns())


def _deferred(target: str) -> Callable[[EngineWorker, ev.Request], Iterator[ev.Event]]:
    """The handler ``"module:function"``, imported when its first request comes: those modules load torch,
    which belongs on the engine thread after the window's first paint."""
    module, function = target.split(":")

    def handler(worker: EngineWorker, request: ev.Request) -> Iterator[ev.Event]:
        return getattr(importlib.import_module(module), function)(worker, request)

    return handler


_on_training = _deferred("engine.training:training_events")
_on_depth = _deferred("engine.depth:depth_events")

_HANDLERS: dict[type, Callable[[EngineWorker, ev.Request], Iterator[ev.Event]]] = {
    ev.SetDevice: _on_set_device,
    ev.InspectImage: _deferred("engine.features:inspect_image_events"),
    ev.DownloadWeights: _deferred("engine.features:download_weights_events"),
    ev.ExplainPointwise: _deferred("engine.features:pointwise_example_events"),
    ev.PreviewAugmentations: _deferred("engine.augmentation:preview_events"),
    ev.MakeThumbnails: _deferred("engine.images:thumbnail_events"),
    ev.Analyze: _on_analyze,
    ev.DescribeZoo: _on_describe_zoo,
    ev.DescribeInception: _on_describe_inception,
    ev.StartTraining: _on_training,
    ev.PauseTraining: _on_training,
    ev.ResumeTraining: _on_training,
    ev.StopTraining: _on_training,
    ev.ListRuns: _on_training,
    ev.LoadRun: _on_training,
    ev.CheckReadiness: _deferred("engine.prepare:readiness_events"),
    ev.StartPreparation: _deferred("engine.prepare:prepare_events"),
    ev.CancelPreparation: _deferred("engine.prepare:prepare_events"),
    ev.ShowDatasetSamples: _deferred("engine.samples:dataset_samples_events"),
    ev.StartDepthSweep: _on_depth,
    ev.StopDepthSweep: _on_depth,
}
