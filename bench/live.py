"""Live input: frames per second through the real path against the model's own plain forward rate.

The real path: a synthetic frame source read on its own thread (``engine.data.frames``, 640×480 at 60 frames a
second, a fast webcam's pace and faster than the CPU serves resnet18, so the engine is never short of frames;
drawn as fast as it can, 3 ms a frame, the source took most of a core of the two) → the latest-frame slot →
the feature-map view's ``InspectFrame`` (two in flight) → the engine thread (the maps of the layer on screen and
the top-5, Grad-CAM about once a second) → ``FrameMapsReady``, delivered at once → the maps set on screen.
Baseline, measured in the same run on the same device: the model's plain forward pass (inference mode, batch 1,
the model's input size), back to back.

Also: the live request alone, served back to back on the engine side without a screen (what the engine could
give the screen: preprocessing the 640×480 frame, the capture, the event), latency from a frame's arrival in
the slot to its maps set on screen, and how late a 5 ms timer in the GUI's event loop runs while the frames
flow.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

import numpy as np

_MODELS = ("lenet5", "resnet18")
_LIVE_S = 8.0
_TIMER_MS = 5
_SOURCE_FPS = 60.0


def run(repeat: int) -> None:
    import torch

    from engine.runtime.device import pick_device

    device, name = pick_device("auto")
    print(f"live input on {name}, torch {torch.__version__}, {sys.platform}; median of {repeat} runs of "
          f"{_LIVE_S:.0f} s each; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; frames of 640x480 "
          f"at {_SOURCE_FPS:.0f}/s")
    for model in _MODELS:
        # The plain rate just before and just after each live run: the machine's load weighs on both alike.
        runs, plains, engines, lean, greedy = [], [], [], [], []
        for _ in range(repeat):
            before = _plain_rate(model, device)
            runs.append(_live(model))
            plains.append((before + _plain_rate(model, device)) / 2)
            greedy.append(_live(model, every_thread=True)["rate"])
            engines.append(_on_thread(_engine_rate_here, model))
            lean.append(_on_thread(_plain_rate_here, model, device, True))
        plain = statistics.median(plains)
        engine = statistics.median(engines)
        rate = statistics.median(r["rate"] for r in runs)
        ratio = statistics.median(r["rate"] / p for r, p in zip(runs, plains, strict=True))
        latency = statistics.median(r["latency"] for r in runs)
        late = [value for r in runs for value in r["lateness"]]
        dropped = sum(r["dropped"] for r in runs) / max(1, sum(r["arrived"] for r in runs))
        print(f"{model:9s} live {rate:7.1f} frames/s   plain forward {plain:8.1f} /s   ratio {ratio:5.3f}"
              f"   (median of the runs' ratios; target >= 0.9 on the CPU)")
        print(f"          the live request alone on the engine (no screen): {engine:8.1f} /s   ratio "
              f"{statistics.median(e / p for e, p in zip(engines, plains, strict=True)):5.3f}")
        print(f"          plain forward on the live's threads (all but one): {statistics.median(lean):8.1f} /s   live "
              f"against it {statistics.median(r['rate'] / q for r, q in zip(runs, lean, strict=True)):5.3f} (for "
              "comparison; the baseline above is torch's default)")
        print(f"          live with torch's every thread (no core left to the GUI): {statistics.median(greedy):6.1f} "
              f"frames/s (the rule it tests: engine.inspection.live._leaving_a_core)")
        print(f"          latency arrival -> maps on screen: median {latency * 1000:6.1f} ms (one forward: "
              f"{1000 / plain:6.1f} ms; target <= forward + 50 ms);  frames dropped {dropped:.1%}")
        print(f"          GUI event loop lateness while live: p99 {np.percentile(late, 99):6.1f} ms, worst "
              f"{max(late):6.1f} ms (target p99 <= 50 ms)")


def _plain_rate(model: str, device) -> float:
    """Forward passes a second, on a thread of its own as the engine's: on a busy CPU a new thread's torch runs
    with other thread settings than the main thread's, three times faster or slower (measured on this machine)."""
    return _on_thread(_plain_rate_here, model, device)


def _on_thread(function, *args) -> float:
    import threading

    result: list[float] = []
    thread = threading.Thread(target=lambda: result.append(function(*args)))
    thread.start()
    thread.join()
    return result[0]


def _engine_rate_here(model: str) -> float:
    """Live frames a second that the engine's handler serves back to back, without the GUI: the live request's
    own ceiling (preprocessing a 640×480 frame, the capture of the layer on screen, the event)."""
    from engine.data.frames import SyntheticSource
    from engine.inspection.live import inspect_frame_events
    from engine.runtime import events as ev
    from engine.runtime.worker import EngineWorker

    worker = EngineWorker(lambda event: None, device="auto")  # not started: its device and caches only
    worker.set_device("auto")
    source = SyntheticSource(size=(480, 640))
    frames = [source.read() for _ in range(8)]
    request = ev.InspectFrame(model, pixels=frames[0], layer=1)
    for _ in range(3):
        list(inspect_frame_events(worker, request))
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < 2.0 or count < 5:
        list(inspect_frame_events(worker, ev.InspectFrame(model, pixels=frames[count % 8], layer=1)))
        count += 1
    return count / (time.perf_counter() - started)


def _plain_rate_here(model: str, device, leave_a_core: bool = False) -> float:
    import torch

    from engine.inspection.live import _leaving_a_core
    from engine.models.weights import load_model

    if leave_a_core:  # for comparison only: the baseline is the forward as torch runs it by default
        with _leaving_a_core(device):
            return _plain_rate_here(model, device)

    loaded = load_model(model)
    module = loaded.module.to(device).eval()
    side = loaded.preprocessing.crop
    batch = torch.rand(1, loaded.preprocessing.channels, side, side, device=device)
    with torch.inference_mode():
        for _ in range(3):
            module(batch)
        _sync(device)
        count, started = 0, time.perf_counter()
        while time.perf_counter() - started < 2.0 or count < 5:
            module(batch)
            count += 1
        _sync(device)
        return count / (time.perf_counter() - started)


def _sync(device) -> None:
    import torch

    if device.type == "cuda":
        torch.cuda.synchronize()


def _live(model: str, every_thread: bool = False) -> dict:
    """The live path for ``_LIVE_S`` seconds; ``every_thread``: with torch on every core while frames are served
    (the rule the engine follows leaves one to the GUI thread: this measures what the rule buys)."""
    if every_thread:
        import contextlib
        from unittest import mock

        from engine.inspection import live

        with mock.patch.object(live, "_leaving_a_core", lambda _device: contextlib.nullcontext()):
            return _live(model)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from engine.data.frames import SyntheticSource
    from gui.app import create_app
    from gui.engine_bridge import EngineBridge
    from gui.feature_maps.view import FeatureMapView

    _app = create_app()  # held: the view needs it alive
    bridge = EngineBridge(device="auto")
    view = FeatureMapView(bridge)
    view.resize(1600, 900)
    view.set_model(model)
    view.show()
    bridge.start()
    loop = QEventLoop()
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(_TIMER_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    try:
        watch = QTimer(interval=20)  # the sample image's maps are in: the model is built and warm
        watch.timeout.connect(lambda: loop.quit() if view.shown_image() and not view.is_busy() else None)
        watch.start()
        loop.exec()
        watch.stop()
        feed = view.start_live(SyntheticSource(size=(480, 640), fps=_SOURCE_FPS))
        QTimer.singleShot(1000, loop.quit)  # the first second is warm-up (first frames, caches)
        loop.exec()
        shown, arrived = feed.shown, feed.slot.arrived
        feed.latencies.clear()
        timer.start()
        started = time.perf_counter()
        QTimer.singleShot(int(_LIVE_S * 1000), loop.quit)
        loop.exec()
        elapsed = time.perf_counter() - started
        timer.stop()
        result = dict(rate=(feed.shown - shown) / elapsed, latency=statistics.median(feed.latencies),
                      # Dropped: replaced in the slot, or in the engine's queue by a newer frame (never shown).
                      arrived=feed.slot.arrived - arrived, dropped=feed.slot.arrived - arrived - (feed.shown - shown),
                      lateness=[max(0.0, float(gap)) for gap in np.diff(ticks) * 1000 - _TIMER_MS])
    finally:
        view.stop_live()
        bridge.shutdown()
        view.close()
    return result
