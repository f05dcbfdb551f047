"""Training: the trainer's throughput against a bare PyTorch loop, and how late the window's event loop runs
while a run trains.

Baselines, measured in the same run: the textbook PyTorch loop on the same model, data loader, optimiser,
device, threads and epochs, with the same test pass after each epoch, but without events, metrics files,
checkpoints or probes; and the window's event loop while nothing trains.
"""

from __future__ import annotations

import math
import statistics
import sys
import tempfile
import time

import numpy as np

from engine.learning.training import TrainConfig, cpu_training_threads, run_training
from engine.runtime import events as ev

_CONFIG = dict(model="lenet5", dataset="digits", epochs=3, batch_size=32, lr=0.01, optimizer="sgd", amp=False)
_TIMER_MS = 5


def run(repeat: int) -> None:
    import torch

    from engine.runtime.device import pick_device

    device, name = pick_device("auto")
    _trainer_rate(device), _bare_rate(device)  # warm-up: imports and first-call caches are not throughput
    # In pairs, so that a machine whose load drifts during the benchmark weighs on both sides alike.
    pairs = [(_trainer_rate(device), _bare_rate(device)) for _ in range(repeat)]
    trainer = statistics.median(a for a, _ in pairs)
    bare = statistics.median(b for _, b in pairs)
    ratio = statistics.median(a / b for a, b in pairs)
    threads = f", {cpu_training_threads()} threads" if device.type == "cpu" else ""
    print(f"trainer throughput        {trainer:9,.0f} images/s   bare PyTorch loop {bare:9,.0f} images/s"
          f"   ratio {ratio:5.2f} (median of the pairs' ratios; target >= 0.95)")
    print(f"  lenet5 on the embedded digits, batch 32, {_CONFIG['epochs']} epochs with a test pass each, on "
          f"{name}{threads}; median of {repeat} pairs; torch {torch.__version__}")
    idle, training = _event_loop_lateness(repeat)
    print(f"GUI event loop lateness   p99 {np.percentile(training, 99):6.1f} ms   worst {max(training):6.1f} ms"
          f" while training   (idle: p99 {np.percentile(idle, 99):5.1f} ms, worst {max(idle):5.1f} ms)"
          f"   (target p99 <= 50 ms)")
    print(f"  a {_TIMER_MS} ms timer in a TrainingView drawing a live run of lenet5 on the digits; {sys.platform}")


def _trainer_rate(device) -> float:
    """Training images per second of ``engine.learning.training`` from its first event to its last."""
    with tempfile.TemporaryDirectory() as folder:
        config = TrainConfig(**_CONFIG, device=device.type, out_dir=folder)
        images, started = 0, 0.0
        for event in run_training(config, device=device):
            if isinstance(event, ev.TrainingStarted):
                started = time.perf_counter()
                images = (event.epochs - event.first_epoch + 1) * event.steps_per_epoch * config.batch_size
            elif isinstance(event, ev.TrainingFinished):
                return images / (time.perf_counter() - started)
    raise RuntimeError("the training run did not finish")


def _bare_rate(device) -> float:
    """Training images per second of the loop every PyTorch tutorial writes, on the same work."""
    import torch
    from torch.nn import functional
    from torch.utils.data import DataLoader, RandomSampler

    from engine.data.datasets import make_dataset
    from engine.models.zoo import get_model

    threads = torch.get_num_threads()
    if device.type == "cpu":
        torch.set_num_threads(cpu_training_threads())
    try:
        train = make_dataset("digits", "train", channels=1, size=32)
        test = make_dataset("digits", "test", channels=1, size=32)
        pixels = torch.stack([train[i][0] for i in range(len(train))])
        mean, std = pixels.mean().item(), pixels.std().item()
        torch.manual_seed(0)
        model = get_model("lenet5", num_classes=10).to(device)
        optimizer = torch.optim.SGD(model.parameters(), lr=_CONFIG["lr"], momentum=0.9)
        pin = device.type == "cuda"
        test_loader = DataLoader(test, batch_size=_CONFIG["batch_size"], pin_memory=pin)
        started, images = time.perf_counter(), 0
        for epoch in range(_CONFIG["epochs"]):
            sampler = RandomSampler(train, generator=torch.Generator().manual_seed(epoch))
            loader = DataLoader(train, batch_size=_CONFIG["batch_size"], sampler=sampler, drop_last=True,
                                pin_memory=pin)
            model.train()
            running = 0.0
            for x, y in loader:
                x, y = (x.to(device) - mean) / std, y.to(device)
                loss = functional.cross_entropy(model(x), y)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                running += loss.item()
                images += len(y)
            model.eval()
            correct = 0
            with torch.no_grad():
                for x, y in test_loader:
                    correct += (model((x.to(device) - mean) / std).argmax(1) == y.to(device)).sum().item()
        return images / (time.perf_counter() - started)
    finally:
        torch.set_num_threads(threads)


def _event_loop_lateness(repeat: int) -> tuple[list[float], list[float]]:
    """Milliseconds each tick of a precise timer came late: with the engine idle, then while a run trains."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from gui.app import create_app
    from gui.engine_bridge import EngineBridge
    from gui.panels.training import TrainingView

    _app = create_app()  # held: the timer and the view need it alive
    bridge = EngineBridge(device="auto")
    bridge.start()
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(_TIMER_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    with tempfile.TemporaryDirectory() as folder:
        view = TrainingView(bridge, runs_folder=folder)
        view.resize(1600, 900)
        view.show()
        try:
            timer.start()
            QTimer.singleShot(2000, loop.quit)
            loop.exec()
            idle = _lateness(ticks)
            ticks.clear()
            view.set_options(TrainConfig(**_CONFIG | dict(epochs=repeat, batch_size=8)))
            view.start()
            watch = QTimer(interval=50)  # the run is over when the panel is idle again (finished or failed)
            watch.timeout.connect(lambda: loop.quit() if view.state() == "idle" else None)
            watch.start()
            loop.exec()
            watch.stop()
            training = _lateness(ticks)
        finally:
            timer.stop()
            bridge.shutdown()
            view.close()
    return idle, training


def _lateness(ticks: list[float]) -> list[float]:
    gaps = np.diff(np.asarray(ticks)) * 1000 - _TIMER_MS
    return [max(0.0, float(gap)) for gap in gaps] or [math.nan]
