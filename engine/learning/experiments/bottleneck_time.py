"""The 1×1 bottleneck in seconds: GoogLeNet's Inception (3a) module and its 5×5 branch, timed with and without
their 1×1 reductions.

The lecture's argument for 1×1 convolutions is a count of multiply-adds (``engine.inspection.cost``): the 5×5
branch of Inception (3a), 28×28×192 in and 32 channels out, needs 120.4M of them directly and 12.4M through a
16-channel 1×1 reduction, 9.7× fewer. This experiment asks the clock. It times, forward only, on the device,
the four modules the cost analysis measures (built from the same ``InceptionDesign``, so the multiply-adds
shown are the analysis's, never typed):

- ``naive``: the module without reductions (the paper's figure 2a),
- ``reduced``: the module as GoogLeNet has it (figure 2b),
- ``5x5``: the naive module's 5×5 branch alone (192 → 32),
- ``5x5-reduced``: the reduced module's 5×5 branch alone (192 → 16 by 1×1, then 16 → 32 by 5×5).

A *run* is one module from one seed (the seed draws the weights and the input); its *steps* are timed
repetitions at each batch size of ``options["batch_sizes"]``, after ``options["warmup"]`` untimed ones. The
four modules take turns repetition by repetition (the first to go rotates), so a burst of load on a shared
machine slows all of them alike rather than one. A point of the curve is the median of the repetitions, in
milliseconds per image (so batch sizes compare); the final figures are taken at the largest batch size.

Where the measured speed-up falls short of the multiply-add ratio, the caption says why from the analysis: a
1×1 convolution does few multiply-adds per byte it reads and writes, so memory traffic and kernel overheads,
not arithmetic, set its time.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import numpy as np

from engine.inspection.cost import InceptionBranch, InceptionBreakdown, format_ratio, inception_breakdown
from engine.learning.experiments.common import check_options
from engine.learning.experiments.result import (
    ExperimentConfig,
    ExperimentResult,
    ExperimentRun,
    FigureSpec,
    Variant,
    versions,
)
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, Text, UserInputError, text

__all__ = ["DEFAULTS", "MODULE", "PAIRS", "VARIANTS", "caption", "macs_of", "run", "validate"]

MODULE = "3a"
"""GoogLeNet's module the lecture uses: 28×28×192 in; its 5×5 branch has the 16-channel reduction."""

VARIANTS = (
    Variant("naive", QT_TRANSLATE_NOOP("engine", "Inception (3a), naive")),
    Variant("reduced", QT_TRANSLATE_NOOP("engine", "Inception (3a), with 1×1 reductions")),
    Variant("5x5", QT_TRANSLATE_NOOP("engine", "5×5 branch, direct")),
    Variant("5x5-reduced", QT_TRANSLATE_NOOP("engine", "5×5 branch, 1×1 reduction first")),
)
PAIRS = {"reduced": "naive", "5x5-reduced": "5x5"}
"""Each design with a reduction and the one without it that its speed-up is measured against."""

FIGURES = (
    FigureSpec("macs", QT_TRANSLATE_NOOP("engine", "Multiply-adds per image"), "count"),
    FigureSpec("ms", QT_TRANSLATE_NOOP("engine", "Measured ms per image (largest batch)"), "ms"),
    FigureSpec("macs_ratio", QT_TRANSLATE_NOOP("engine", "Fewer multiply-adds"), "ratio"),
    FigureSpec("speedup", QT_TRANSLATE_NOOP("engine", "Measured speed-up"), "ratio"),
)

DEFAULTS: dict = {"seeds": 3, "steps": 10, "data": "digits",
                  "options": {"batch_sizes": [1, 8, 32], "warmup": 2}}
"""The shipped configuration: 10 timed repetitions at batch sizes 1, 8 and 32, 3 seeds (about a minute on
two CPU cores). ``data`` is the configuration's default only: the modules are timed on random inputs."""

_OPTIONS = ("batch_sizes", "warmup")
_MAX_BATCH = 256
_MAX_REPEATS = 1000
_MAX_WARMUP = 100
_BYTES = 4  # float32
# The speed-up counts as "close to" the multiply-add ratio within this factor either way.
_CLOSE = 1.15


def _check_whole(name: str, value, minimum: int, maximum: int) -> None:
    from engine.learning.training import check_whole

    check_whole(name, value, maximum, minimum)


def validate(config: ExperimentConfig) -> None:
    """Refuse options this experiment cannot run with.

    The registry checks what every experiment shares (seeds, data set, device) before.

    Raises
    ------
    UserInputError
        Naming the option, the value given and what is accepted.
    """
    _check_whole(text(QT_TRANSLATE_NOOP("engine", "timed repetitions (steps)")), config.steps, 1, _MAX_REPEATS)
    if config.data != DEFAULTS["data"]:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "bottleneck-time times modules on random inputs of Inception (3a)'s shape and uses no data "
            "set; leave out --data (got {data})"), data=config.data))
    check_options(config, _OPTIONS)
    sizes = _batch_sizes(config)
    if not isinstance(sizes, (list, tuple)) or not sizes:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "batch_sizes must be a list of whole numbers from 1 to {maximum}, got {value}"),
            maximum=_MAX_BATCH, value=repr(sizes)))
    for size in sizes:
        _check_whole(text(QT_TRANSLATE_NOOP("engine", "batch size")), size, 1, _MAX_BATCH)
    if len(set(sizes)) != len(sizes):
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "batch_sizes names a batch size twice: {value}"), value=repr(sizes)))
    _check_whole(text(QT_TRANSLATE_NOOP("engine", "warm-up repetitions")), _warmup(config), 0, _MAX_WARMUP)


def _batch_sizes(config: ExperimentConfig):
    sizes = config.options.get("batch_sizes", DEFAULTS["options"]["batch_sizes"])
    return sorted(sizes) if isinstance(sizes, (list, tuple)) and all(
        isinstance(s, int) and not isinstance(s, bool) for s in sizes) else sizes


def _warmup(config: ExperimentConfig):
    return config.options.get("warmup", DEFAULTS["options"]["warmup"])


# ---------------------------------------------------------------- what the analysis says


def _designs() -> InceptionBreakdown:
    return inception_breakdown(MODULE)


def _branch(breakdown: InceptionBreakdown, variant: str) -> InceptionBranch:
    design = breakdown.naive if variant == "5x5" else breakdown.reduced
    return next(branch for branch in design.branches if branch.key == "5x5")


def macs_of(variant: str) -> tuple[int, int]:
    """Multiply-adds and parameters per image of ``variant``'s module, from the layer analysis of the module
    that is timed (``engine.inspection.cost.inception_breakdown``)."""
    breakdown = _designs()
    if variant in ("naive", "reduced"):
        design = breakdown.naive if variant == "naive" else breakdown.reduced
        return design.macs, design.params
    branch = _branch(breakdown, variant)
    return branch.macs, branch.params


def _intensity(breakdown: InceptionBreakdown, variant: str, kernel: int, batch: int) -> float:
    """Multiply-adds per byte the ``kernel``×``kernel`` convolution of ``variant``'s 5×5 branch reads and
    writes, per image at batch size ``batch``: its input and output maps (float32, the same height and width)
    and its weights, read once per batch."""
    _, height, width = breakdown.input_shape
    step = next(s for s in _branch(breakdown, variant).steps if s.op == "conv" and s.kernel == kernel)
    return step.macs / (_BYTES * (height * width * (step.in_channels + step.out_channels) + step.params / batch))


# ---------------------------------------------------------------- the run


def _never() -> bool:
    return False


def _none_stopped(_key: str) -> bool:
    return False


@dataclass
class _Timed:
    """One run's record as it grows."""

    variant: str
    seed: int
    macs: int
    params: int
    sizes: list[float]
    ms: list[float]
    seconds: float = 0.0
    status: str = "running"

    def snapshot(self, figures: dict[str, float]) -> ExperimentRun:
        curves = {"batch_size": np.array(self.sizes, dtype=np.float64), "ms": np.array(self.ms, dtype=np.float64)}
        for array in curves.values():
            array.setflags(write=False)
        return ExperimentRun(self.variant, self.seed, self.status, curves, figures, self.seconds)


def run(config: ExperimentConfig, device=None, should_stop: Callable[[], bool] = _never,
        run_stopped: Callable[[str], bool] = _none_stopped) -> Iterator[ev.Event]:
    """Time the four modules; yields ``ExperimentStarted``, ``ExperimentRunProgress`` after each batch size of
    a run, ``ExperimentRunFinished`` as each run ends; returns the ``ExperimentResult``.

    Parameters
    ----------
    config : ExperimentConfig
        Checked by :func:`validate` first.
    device : torch.device, optional
        Where to time; ``config.device`` decides when None.
    should_stop : callable
        Read before every timed repetition: True ends the experiment, its result marked ``stopped``.
    run_stopped : callable
        ``run_stopped("variant/seed")`` True ends that run alone.
    """
    import torch

    from engine.learning.experiments.registry import get_experiment
    from engine.learning.training import cpu_training_threads
    from engine.models.zoo import get_model
    from engine.runtime.device import pick_device

    validate(config)
    device, device_name = (device, _device_name(device)) if device is not None else pick_device(config.device)
    breakdown = _designs()
    sizes, warmup = _batch_sizes(config), _warmup(config)
    timed = [_Timed(variant.key, seed, *macs_of(variant.key), [], [])
             for variant in VARIANTS for seed in range(config.seeds)]
    experiment = get_experiment(config.name)
    result = ExperimentResult(
        config=config, title=experiment.title, question=experiment.question,
        variants=VARIANTS, figures=FIGURES, x_curve="batch_size", y_curve="ms",
        y_label=QT_TRANSLATE_NOOP("engine", "ms per image"), runs=tuple(r.snapshot(_figures(r, timed)) for r in timed),
        status="running", device=device_name, created=time.strftime("%Y-%m-%dT%H:%M:%S"), versions=versions())
    yield ev.ExperimentStarted(result)
    threads = torch.get_num_threads()
    if device.type == "cpu":
        torch.set_num_threads(cpu_training_threads())  # as training does: one core stays with the window
    stopped = False
    try:
        with torch.inference_mode():
            for seed in range(config.seeds):
                runs = [r for r in timed if r.seed == seed]
                torch.manual_seed(seed)  # the weights and the input
                naive = get_model(breakdown.naive.model, **dict(breakdown.naive.options)).to(device).eval()
                reduced = get_model(breakdown.reduced.model, **dict(breakdown.reduced.options)).to(device).eval()
                modules = {"naive": naive, "reduced": reduced, "5x5": naive.branch3, "5x5-reduced": reduced.branch3}
                for size in sizes:
                    inputs = torch.randn(size, *breakdown.input_shape, device=device)
                    times = _time_batch(runs, modules, inputs, config.steps, warmup, device, should_stop, run_stopped)
                    if times is None:
                        stopped = True
                        break
                    for record in runs:
                        if times.get(record.variant):
                            record.sizes.append(float(size))
                            record.ms.append(1000.0 * float(np.median(times[record.variant])) / size)
                            result = result.with_run(record.snapshot(_figures(record, timed)))
                            yield ev.ExperimentRunProgress(_run_of(result, record))
                if stopped:
                    break
                for record in runs:  # after all four: each speed-up needs its partner's time
                    record.status = "finished" if record.status == "running" else record.status
                    result = result.with_run(record.snapshot(_figures(record, timed)))
                    yield ev.ExperimentRunFinished(_run_of(result, record))
    finally:
        torch.set_num_threads(threads)
    unfinished = [r for r in timed if r.status == "running"]
    for record in unfinished:
        record.status = "stopped"
    result = replace(result, runs=tuple(r.snapshot(_figures(r, timed)) for r in timed),
                     status="stopped" if stopped else "finished")
    for record in unfinished:
        yield ev.ExperimentRunFinished(_run_of(result, record))
    return result


def _run_of(result: ExperimentResult, record: _Timed) -> ExperimentRun:
    return next(r for r in result.runs if r.variant == record.variant and r.seed == record.seed)


def _time_batch(runs: list[_Timed], modules: dict, inputs, repeats: int, warmup: int, device,
                should_stop: Callable[[], bool], run_stopped: Callable[[str], bool]) -> dict | None:
    """Seconds of each repetition of each running module on ``inputs``, the modules taking turns (the first
    rotates); None when the experiment is to stop."""
    for record in runs:
        if record.status == "running" and run_stopped(f"{record.variant}/{record.seed}"):
            record.status = "stopped"
    active = [r for r in runs if r.status == "running"]
    for record in active:
        for _ in range(warmup):
            modules[record.variant](inputs)
    _synchronize(device)
    times: dict[str, list[float]] = {record.variant: [] for record in active}
    for repeat in range(repeats):
        turn = repeat % max(1, len(active))
        for record in active[turn:] + active[:turn]:
            if should_stop():
                return None
            if record.status != "running":
                continue
            if run_stopped(f"{record.variant}/{record.seed}"):
                record.status = "stopped"
                times.pop(record.variant)
                continue
            started = time.perf_counter()
            modules[record.variant](inputs)
            _synchronize(device)
            elapsed = time.perf_counter() - started
            record.seconds += elapsed
            times[record.variant].append(elapsed)
    return times


def _figures(record: _Timed, timed: list[_Timed]) -> dict[str, float]:
    """The run's final figures: its multiply-adds, its time at the largest batch size measured, and against
    its partner without the reduction (same seed) the multiply-add ratio and the measured speed-up."""
    figures = {"macs": float(record.macs), "params": float(record.params),
               "ms": record.ms[-1] if record.ms else math.nan, "macs_ratio": 1.0,
               "speedup": 1.0 if record.variant not in PAIRS and record.ms else math.nan}
    partner = PAIRS.get(record.variant)
    if partner is not None:
        other = next(r for r in timed if r.variant == partner and r.seed == record.seed)
        figures["macs_ratio"] = other.macs / record.macs
        common = min(len(other.ms), len(record.ms))
        if common and other.sizes[common - 1] == record.sizes[common - 1]:
            figures["speedup"] = other.ms[common - 1] / record.ms[common - 1]
    return figures


def _synchronize(device) -> None:
    """Wait for the device to finish: CUDA and MPS run asynchronously, and a clock read before the end of the
    work would time only its launch."""
    import torch

    if device.type == "cuda":
        torch.cuda.synchronize(device)
    elif device.type == "mps":
        torch.mps.synchronize()


def _device_name(device) -> str:
    import torch

    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    return "Apple MPS" if device.type == "mps" else "CPU"


# ---------------------------------------------------------------- the caption


def _mean_spread(result: ExperimentResult, variant: str, figure: str) -> tuple[float, float, float]:
    values = [run.figures.get(figure, math.nan) for run in result.runs_of(variant)]
    values = [v for v in values if math.isfinite(v)]
    if not values:
        return math.nan, math.nan, math.nan
    return float(np.mean(values)), min(values), max(values)


def caption(result: ExperimentResult) -> Text:
    """One sentence computed from ``result``: the 5×5 branch's measured speed-up beside its multiply-add ratio,
    why they differ (multiply-adds per byte moved, from the analysis), and the whole module's pair."""
    branch, low, high = _mean_spread(result, "5x5-reduced", "speedup")
    module, _, _ = _mean_spread(result, "reduced", "speedup")
    if not (math.isfinite(branch) and math.isfinite(module)):
        return text(QT_TRANSLATE_NOOP(
            "engine", "The timing was stopped before the designs with and without 1×1 reductions were both "
            "measured; run it again to compare them."))
    reduced = result.runs_of("5x5-reduced")
    batch = int(reduced[0].curves["batch_size"][-1]) if reduced and len(reduced[0].curves["batch_size"]) else 1
    breakdown = _designs()
    ratio = _mean_spread(result, "5x5-reduced", "macs_ratio")[0]
    module_ratio = _mean_spread(result, "reduced", "macs_ratio")[0]
    values = dict(
        device=result.device, batch=batch, speedup=format_ratio(branch), low=format_ratio(low),
        high=format_ratio(high), seeds=len([r for r in reduced if math.isfinite(r.figures.get("speedup", math.nan))]),
        ratio=format_ratio(ratio), module_speedup=format_ratio(module), module_ratio=format_ratio(module_ratio),
        pointwise=f"{_intensity(breakdown, '5x5-reduced', 1, batch):.0f}",
        direct=f"{_intensity(breakdown, '5x5', 5, batch):.0f}")
    if branch <= 1.05:
        template = QT_TRANSLATE_NOOP(
            "engine", "On {device} at batch size {batch}, the 16-channel 1×1 reduction did not make the 5×5 branch "
            "faster ({speedup}, {low}–{high} over {seeds} seeds) despite {ratio} fewer multiply-adds: the 1×1 "
            "convolution does only {pointwise} multiply-adds per byte it reads and writes against {direct} for "
            "the direct 5×5 one, so memory traffic and kernel overheads, not arithmetic, set its time; the whole "
            "Inception (3a) module ran {module_speedup} faster for {module_ratio} fewer multiply-adds.")
    elif branch < ratio / _CLOSE:
        template = QT_TRANSLATE_NOOP(
            "engine", "On {device} at batch size {batch}, the 16-channel 1×1 reduction made the 5×5 branch "
            "{speedup} faster ({low}–{high} over {seeds} seeds), less than its {ratio} fewer multiply-adds: the "
            "1×1 convolution does only {pointwise} multiply-adds per byte it reads and writes against {direct} "
            "for the direct 5×5 one, so memory traffic and kernel overheads, not arithmetic, set much of its time; "
            "the whole Inception (3a) module ran {module_speedup} faster for {module_ratio} fewer multiply-adds.")
    elif branch <= ratio * _CLOSE:
        template = QT_TRANSLATE_NOOP(
            "engine", "On {device} at batch size {batch}, the 16-channel 1×1 reduction made the 5×5 branch "
            "{speedup} faster ({low}–{high} over {seeds} seeds), close to its {ratio} fewer multiply-adds: here "
            "arithmetic sets the time; the whole Inception (3a) module ran {module_speedup} faster for "
            "{module_ratio} fewer multiply-adds.")
    else:
        template = QT_TRANSLATE_NOOP(
            "engine", "On {device} at batch size {batch}, the 16-channel 1×1 reduction made the 5×5 branch "
            "{speedup} faster ({low}–{high} over {seeds} seeds), more than its {ratio} fewer multiply-adds: the "
            "direct 5×5 convolution over 192 channels runs less efficiently on this device than the two small "
            "ones; the whole Inception (3a) module ran {module_speedup} faster for {module_ratio} fewer "
            "multiply-adds.")
    return text(template, **values)
