"""Feature maps: capture overhead, drop to pixels, grid repaint rate, memory over many drops.

Baselines, measured in the same run on the same machine: a plain forward of the same model on the same
device (for the capture), and a matplotlib ``imshow`` grid of the same maps updated in place (for the
repaint; skipped when matplotlib, which the app does not need, is not installed).
"""

from __future__ import annotations

import ctypes
import gc
import os
import statistics
import tempfile
import time
from itertools import cycle
from pathlib import Path

import numpy as np

_GRID = (256, 56, 56)  # ResNet's first stage: 64 channels of 56×56 four times over
_GRID_PIXELS = 1000
_DROPS = 500
_BAD_EVERY = 5  # one drop in five is a bad file: refusals must not pile up either
_WARM_UP_DROPS = 100
_TIMEOUT_S = 120.0


def run(repeat: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _capture_overhead(repeat)
    from gui.app import create_app

    app = create_app()
    _grid_repaint(app, repeat)
    _drops(app, repeat)


# ---------------------------------------------------------------- capture against a plain forward


def _capture_overhead(repeat: int) -> None:
    import torch

    from engine.inspection.features import MAX_CHANNELS_SHOWN, MAX_MAP_SIZE, MAX_VALUES_SHOWN, layer_activations
    from engine.models.zoo import get_model
    from engine.runtime.device import pick_device

    device, name = pick_device("auto")
    model = get_model("resnet18").eval().to(device)
    batch = torch.rand(1, 3, 224, 224, device=device)

    def plain() -> None:
        with torch.inference_mode():  # the fastest plain forward torch has, and the mode the capture runs in
            model(batch)
        _sync(device)

    def captured() -> None:
        layer_activations(model, batch, max_channels=MAX_CHANNELS_SHOWN, max_size=MAX_MAP_SIZE,
                          max_values=MAX_VALUES_SHOWN)

    captured()  # traces the graph once, as the page does for a model's first image
    plain_times, capture_times = [], []
    for index in range(max(20, 8 * repeat)):
        # Each pair runs back to back, so the load of the moment hits both alike; which one goes first
        # alternates, so that what one leaves behind (freed memory, caches) does not always land on the other.
        pair = (plain, captured) if index % 2 == 0 else (captured, plain)
        first, second = (_seconds(work) for work in pair)
        plain_times.append(first if pair[0] is plain else second)
        capture_times.append(second if pair[0] is plain else first)
    base, capture = statistics.median(plain_times), statistics.median(capture_times)
    overhead = statistics.median(c / p for c, p in zip(capture_times, plain_times, strict=True)) - 1
    rows = len(layer_activations(model, batch))
    print(f"capture, resnet18 224×224 on {name}: {capture * 1000:7.1f} ms for all {rows} layers as numpy   "
          f"plain forward (inference mode) {base * 1000:7.1f} ms   overhead {overhead * 100:+5.1f}% "
          f"(median of {len(plain_times)} pairs)   (target ≤ 10%)")


def _sync(device) -> None:
    import torch

    if device.type == "cuda":
        torch.cuda.synchronize()


def _seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


# ---------------------------------------------------------------- repainting the grid


def _grid_repaint(app, repeat: int) -> None:
    from gui.feature_maps.view import MapGrid

    frames = [np.random.default_rng(seed).standard_normal(_GRID, dtype=np.float32) for seed in range(4)]
    grid = MapGrid()
    grid.resize(_GRID_PIXELS, _GRID_PIXELS)
    grid.show()
    app.processEvents()

    def repaint(maps: np.ndarray) -> None:
        grid.set_maps(maps, per_channel=True)
        grid.grab()  # renders the scene into a pixmap now, as a repaint of the screen would

    qt_rate = _frames_per_second(repaint, frames, repeat)
    grid.close()
    line = (f"repaint, {_GRID[0]} maps of {_GRID[1]}×{_GRID[2]} in one {_GRID_PIXELS}×{_GRID_PIXELS} grid: "
            f"{qt_rate:6.1f} frames/s   (target ≥ 30)")
    matplotlib_rate = _matplotlib_rate(frames, repeat)
    if matplotlib_rate is None:
        print(line + "   matplotlib comparison skipped: matplotlib is not installed")
    else:
        print(line + f"   matplotlib imshow grid {matplotlib_rate:5.2f} frames/s   speed-up "
              f"{qt_rate / matplotlib_rate:5.1f}×")


def _frames_per_second(draw, frames: list[np.ndarray], repeat: int) -> float:
    draw(frames[0])
    rates = []
    for _ in range(repeat):
        count, start = 0, time.perf_counter()
        for maps in cycle(frames):
            draw(maps)
            count += 1
            if time.perf_counter() - start > 1.0:
                break
        rates.append(count / (time.perf_counter() - start))
    return statistics.median(rates)


def _matplotlib_rate(frames: list[np.ndarray], repeat: int) -> float | None:
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg")
    from matplotlib import pyplot

    side = int(np.ceil(np.sqrt(_GRID[0])))
    figure, axes = pyplot.subplots(side, side, figsize=(_GRID_PIXELS / 100, _GRID_PIXELS / 100), dpi=100)
    images = []
    for axis, single in zip(axes.flat, frames[0], strict=False):
        images.append(axis.imshow(single, cmap="viridis"))
        axis.set_axis_off()

    def draw(maps: np.ndarray) -> None:
        for image, single in zip(images, maps, strict=True):  # in place, the fastest way matplotlib offers
            image.set_data(single)
            image.set_clim(float(single.min()), float(single.max()))
        figure.canvas.draw()

    rate = _frames_per_second(draw, frames, repeat)
    pyplot.close(figure)
    return rate


# ---------------------------------------------------------------- drops: time to pixels and memory


def _drops(app, repeat: int) -> None:
    from engine.data.images import sample_images
    from gui.engine_bridge import EngineBridge
    from gui.feature_maps.view import FeatureMapView

    photos = [path for path in sample_images() if path.suffix == ".jpg"]
    bridge = EngineBridge(device="cpu")
    view = FeatureMapView(bridge)
    view.resize(1600, 950)
    view.show()
    bridge.start()
    try:
        view.set_model("resnet18")
        _wait(app, view)
        times = [_drop(app, view, path) for path, _ in zip(cycle(photos), range(max(10, 4 * repeat)), strict=False)]
        print(f"drop to pixels, resnet18 224×224 on the CPU: {statistics.median(times) * 1000:7.1f} ms median of "
              f"{len(times)} drops (decode, preprocess, forward, all maps, delivery, paint)   (target ≤ 150 ms)")
        with tempfile.TemporaryDirectory() as folder:
            bad = _bad_files(Path(folder))
            # Warm-up: the first hundred drops fill what is filled once (Qt's pixmap cache, the allocator's
            # arenas at the largest photo's size, the error path's imports); growth after them is what each
            # drop keeps.
            for index in range(_WARM_UP_DROPS):
                _drop_any(app, view, index, photos, bad)
            before = _retained_bytes()
            started = time.perf_counter()
            for index in range(_DROPS):
                _drop_any(app, view, index, photos, bad)
            growth = _retained_bytes() - before
            per_drop = (time.perf_counter() - started) / _DROPS
        print(f"memory growth over {_DROPS} successive drops, one in {_BAD_EVERY} a bad file: {growth / 1e6:+7.1f} MB "
              f"resident after {_WARM_UP_DROPS} drops of warm-up ({per_drop * 1000:.0f} ms a drop with Grad-CAM)   "
              f"(target < 5 MB)")
    finally:
        bridge.shutdown()
        view.close()


def _drop(app, view, path: Path) -> float:
    """Seconds from opening ``path`` to its maps painted; then waits for its Grad-CAM too."""
    grid_before = view.grid.image.image
    start = time.perf_counter()
    view.open_paths([str(path)])
    deadline = start + _TIMEOUT_S
    while view.grid.image.image is grid_before or view.shown_image() != path.name:
        app.processEvents()
        time.sleep(0.0005)  # leave the engine thread the interpreter
        if time.perf_counter() > deadline:
            raise RuntimeError("the engine did not answer within two minutes")
    view.grid.viewport().repaint()
    elapsed = time.perf_counter() - start
    _wait(app, view)
    return elapsed


def _drop_any(app, view, index: int, photos: list[Path], bad: list[Path]) -> None:
    """Drop number ``index``: every ``_BAD_EVERY``-th a bad file (its refusal awaited), else a photo."""
    if index % _BAD_EVERY == _BAD_EVERY - 1:
        _drop_bad(app, view, bad[index // _BAD_EVERY % len(bad)])
    else:
        _drop(app, view, photos[index % len(photos)])


def _drop_bad(app, view, path: Path) -> None:
    """Drop ``path``, which no decoder reads, and wait for the view to say so."""
    view.open_paths([str(path)])
    deadline = time.perf_counter() + _TIMEOUT_S
    while view.is_busy() or not view.messages():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() > deadline:
            raise RuntimeError("the engine did not answer within two minutes")


def _bad_files(folder: Path) -> list[Path]:
    """Files a student might drop by mistake: empty, cut short, text named as a picture, a JPEG with PNG bytes."""
    photo = next(path for path in _sample_photos() if path.suffix == ".jpg").read_bytes()
    contents = {"empty.png": b"", "truncated.jpg": photo[: len(photo) // 3], "notes.png": b"not a picture\n" * 20,
                "renamed.jpg": b"\x89PNG\r\n\x1a\n" + bytes(64)}
    paths = []
    for name, content in contents.items():
        path = folder / name
        path.write_bytes(content)
        paths.append(path)
    return paths


def _sample_photos() -> list[Path]:
    from engine.data.images import sample_images

    return sample_images()


def _wait(app, view) -> None:
    deadline = time.perf_counter() + _TIMEOUT_S
    while view.is_busy() or view.shown_image() is None:
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() > deadline:
            raise RuntimeError("the engine did not answer within two minutes")


def _retained_bytes() -> int:
    """Resident memory once garbage is collected and glibc has handed its free heap back to the system: what the
    process keeps, not what its allocator holds on to for the next allocation (which comes and goes by megabytes
    from one drop to the next with no object kept)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: resident memory as it is
    return _rss_bytes()


def _rss_bytes() -> int:
    """Resident memory of this process, from /proc/self/status (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")
