"""The generic runner: variants × seeds trained side by side, one step of every run per mini-batch.

A training experiment hands :func:`train_variants` its variants (:class:`RunVariant`: a label, a builder of the
network, optionally a change made to each batch, another training set, or an extra recorder) and one
:class:`Training` (the recipe: input size, optimiser, learning rate and schedule, batch size, smoothing window,
threshold). The runner then trains every variant from every seed ``0 .. seeds - 1`` in turn, one step each per
mini-batch, so that the curves grow together, and what differs between two runs of a seed is the variant only:

- **the same data**: every run of a seed sees the same mini-batches in the same order (drawn from the seed, as
  ``engine.learning.depth`` draws them), unless its variant trains on another subset;
- **the same initialisation seed**: ``torch.manual_seed(seed)`` right before each network is built, so two
  variants with the same layers start from the same weights;
- **the same recipe**: the trainer's optimiser (:func:`engine.learning.training.make_optimizer`) and schedule
  (:func:`engine.learning.training.scheduled_learning_rate`, one "epoch" of ``steps`` steps).

What every run records (``engine.learning.experiments.result``): curves ``step``, ``train_error`` (the fraction
of the step's mini-batch misclassified, measured in the step's forward pass), ``train_error_smoothed`` (the mean
over the last ``window`` steps); with ``eval_every``, ``eval_step`` and ``test_error``; figures ``params`` and
``macs`` (from :func:`engine.models.analysis.analyze`), ``steps_to_threshold`` (the first step whose smoothed
training error is at most ``threshold``; NaN when never), ``train_error`` (smoothed, at the last step),
``test_error`` (evaluation mode, after the last step) and ``seconds`` (the run's own steps and evaluations).

A run whose loss becomes NaN or infinite, or jumps far above where it started, ends as ``diverged`` while the
others go on. A finished or stopped run's network and optimiser are released at once.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import numpy as np

from engine.learning.experiments.result import (
    ExperimentConfig,
    ExperimentResult,
    ExperimentRun,
    FigureSpec,
    Variant,
    versions,
)
from engine.learning.training import (
    TrainConfig,
    channel_statistics,
    check_batch_fits,
    make_optimizer,
    scheduled_learning_rate,
)
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP

__all__ = [
    "TRAINING_FIGURES",
    "Recorder",
    "RunVariant",
    "Training",
    "as_stopped",
    "cpu_threads",
    "follow",
    "smooth",
    "steps_to_threshold",
    "train_variants",
]

_CPU_THREADS = 1           # see cpu_threads
# A loss this many times above the larger of the first step's and chance level's (ln of the class count): the
# run has diverged (as the trainer judges it, engine.learning.training).
_DIVERGED_FACTOR = 10.0

TRAINING_FIGURES = (
    FigureSpec("steps_to_threshold", QT_TRANSLATE_NOOP("engine", "Steps to the threshold"), "steps"),
    FigureSpec("train_error", QT_TRANSLATE_NOOP("engine", "Training error"), "fraction"),
    FigureSpec("test_error", QT_TRANSLATE_NOOP("engine", "Test error"), "fraction"),
    FigureSpec("params", QT_TRANSLATE_NOOP("engine", "Parameters"), "count"),
    FigureSpec("macs", QT_TRANSLATE_NOOP("engine", "Multiply-adds"), "count"),
    FigureSpec("seconds", QT_TRANSLATE_NOOP("engine", "Seconds"), "seconds"),
)
"""The figures every training experiment can show, in this order (an experiment picks those it needs)."""


class Recorder:
    """What a variant records beyond the training error (depth's gradient norms): called after each backward
    pass, before the optimiser's step; its ``curves`` are added to the run's."""

    def after_backward(self, step: int) -> None:  # pragma: no cover - an interface
        raise NotImplementedError

    def curves(self) -> dict[str, np.ndarray]:  # pragma: no cover - an interface
        raise NotImplementedError


@dataclass(frozen=True)
class RunVariant:
    """One variant for the runner.

    Parameters
    ----------
    key, label : str
        As ``result.Variant`` (``label`` marked with ``QT_TRANSLATE_NOOP("engine", ...)``).
    build : callable
        ``build(classes) -> torch.nn.Module``, called right after ``torch.manual_seed(seed)``.
    zoo : tuple, optional
        ``(name, options)`` when the network is a zoo model: parameters and multiply-adds then come from the
        zoo's analysis (cached); otherwise from the built module's.
    transform : callable, optional
        ``transform(images, labels, generator) -> (images, labels)`` applied to each training batch (images in
        [0, 1], on the CPU, before normalisation); ``generator`` is a ``torch.Generator`` seeded from the run.
    train_indices : callable, optional
        ``train_indices(train_set, seed) -> sequence of int``: this variant trains on that subset only (the runs
        of one seed with the same subset still share their batches).
    recorder : callable, optional
        ``recorder(network) -> Recorder`` for extra curves.
    figures : mapping, optional
        Figures known before training (e.g. a block's weights), added to each run's.
    """

    key: str
    label: str
    build: Callable
    zoo: tuple[str, Mapping[str, object]] | None = None
    transform: Callable | None = None
    train_indices: Callable | None = None
    recorder: Callable | None = None
    figures: Mapping[str, float] = field(default_factory=dict)

    def variant(self) -> Variant:
        return Variant(self.key, self.label)


@dataclass(frozen=True)
class Training:
    """The recipe every variant shares. ``channels`` × ``size`` × ``size`` is the input; ``optimizer``, ``lr``,
    ``schedule`` and ``weight_decay`` as the trainer's (``TrainConfig``); ``window`` the smoothing in steps;
    ``threshold`` the smoothed training error that ``steps_to_threshold`` waits for (None: not measured);
    ``eval_every`` > 0 measures the test error every so many steps too (a test curve)."""

    channels: int
    size: int
    optimizer: str = "sgd"
    lr: float = 0.02
    schedule: str = "cosine"
    weight_decay: float = 0.0
    window: int = 20
    threshold: float | None = None
    eval_every: int = 0

    def train_config(self, config: ExperimentConfig, model: str = "lenet5") -> TrainConfig:
        """The trainer's options for one run: its optimiser and schedule over ``config.steps`` steps."""
        return TrainConfig(model=model, dataset=config.data, epochs=1, batch_size=config.batch_size, lr=self.lr,
                           optimizer=self.optimizer, schedule=self.schedule, weight_decay=self.weight_decay,
                           device=config.device, data_root=config.data_root)


def smooth(errors: np.ndarray, window: int) -> np.ndarray:
    """Trailing mean over ``window`` steps: entry ``t`` is the mean of ``errors[max(0, t - window + 1) : t + 1]``."""
    errors = np.asarray(errors, dtype=np.float64)
    sums = np.cumsum(np.concatenate([[0.0], errors]))
    ends = np.arange(1, len(errors) + 1)
    starts = np.maximum(0, ends - window)
    return (sums[ends] - sums[starts]) / (ends - starts)


def steps_to_threshold(smoothed: np.ndarray, threshold: float) -> float:
    """The first step (from 1) whose smoothed training error is at most ``threshold``; NaN when none is."""
    reached = np.flatnonzero(np.asarray(smoothed) <= threshold)
    return float(reached[0] + 1) if len(reached) else math.nan


def _never() -> bool:
    return False


def _no_run_stopped(key: str) -> bool:
    return False


def train_variants(config: ExperimentConfig, variants: Sequence[RunVariant], training: Training, *, title: str,
                   question: str, figures: Sequence[FigureSpec] = TRAINING_FIGURES, device=None,
                   should_stop: Callable[[], bool] = _never,
                   run_stopped: Callable[[str], bool] = _no_run_stopped, first_seed: int = 0):
    """Train every variant from every seed side by side, yielding events; returns the :class:`ExperimentResult`.

    Parameters
    ----------
    config : ExperimentConfig
        Checked by the caller (``registry.run_experiment``): seeds, steps, data, batch size.
    variants : sequence of RunVariant
    training : Training
    title, question : str
        The result's (English, marked for the catalogue).
    figures : sequence of FigureSpec
        The final figures the view shows.
    device : torch.device, optional
        ``config.device`` resolved when None.
    should_stop : callable
        Read before every step of every run: True ends the experiment there (result ``stopped``).
    run_stopped : callable
        ``run_stopped("variant/seed")`` read before each of the run's steps: True ends that run only (its test
        error is measured then) while the others go on.
    first_seed : int
        The runs' seeds are ``first_seed .. first_seed + config.seeds - 1`` (the depth sweep's ``--seed``).

    Yields
    ------
    ExperimentStarted, then ExperimentRunProgress after every step of every run and ExperimentRunFinished as
    each run ends.

    Returns
    -------
    ExperimentResult
        ``finished``, or ``stopped`` when cut short (runs cut short with it have no test error).
    """
    session = _Session(config, variants, training, title, question, figures, device, first_seed)
    with cpu_threads(session.device):
        yield ev.ExperimentStarted(session.result("running"))
        stopped = yield from session.train(should_stop, run_stopped)
    stopped = stopped or any(run.status == "stopped" for run in session.runs)  # partial either way
    return session.result("stopped" if stopped else "finished")


class _Session:
    """The runs, the shared data and the batch orders of one experiment (engine thread only)."""

    def __init__(self, config, variants, training, title, question, figures, device, first_seed) -> None:
        from engine.data.datasets import make_dataset
        from engine.runtime.device import pick_device

        self.config, self.training = config, training
        self.title, self.question, self.figures = title, question, tuple(figures)
        self.variants = tuple(variants)
        # A device handed in (the engine thread's) is named as pick_device names its kind: "CPU", the GPU's name.
        self.device, self.device_name = pick_device(config.device if device is None else device.type)
        data = dict(channels=training.channels, size=training.size, root=config.data_root)
        self.train_set = _cached(make_dataset(config.data, "train", **data))
        self.test_set = _cached(make_dataset(config.data, "test", **data))
        check_batch_fits(config.batch_size, len(self.train_set))
        mean, std = channel_statistics(self.train_set)
        self._mean, self._std = _as_tensors(mean, std, self.device)
        self.classes = len(self.train_set.classes)
        self.schedule = training.train_config(config)
        seeds = range(first_seed, first_seed + config.seeds)
        self.runs = [_Run(variant, seed, self) for variant in self.variants for seed in seeds]
        self.created = time.strftime("%Y-%m-%d %H:%M:%S")
        self._streams: dict[tuple, Iterator] = {}
        self._versions = versions()

    def normalise(self, images):
        return (images.to(self.device) - self._mean) / self._std

    def train(self, should_stop, run_stopped) -> Iterator[ev.Event]:
        """One step of every running run per batch; returns True when the experiment was stopped."""
        steps = self.config.steps
        for step in range(1, steps + 1):
            if not any(run.status == "running" for run in self.runs):
                break  # every run ended on its own
            lr = scheduled_learning_rate(self.schedule, step, steps)
            batches: dict[tuple, tuple] = {}  # this step's batch of each (seed, subset): shared by its runs
            for run in self.runs:
                if run.status != "running":
                    continue
                if should_stop():
                    return True
                if run_stopped(run.key):
                    run.finish("stopped", self.evaluate)
                    yield ev.ExperimentRunFinished(run.snapshot())
                    continue
                stream = run.stream_key
                if stream not in batches:
                    batches[stream] = next(self._stream(run))
                images, labels = batches[stream]
                run.train_step(images, labels, step, lr)
                if self.training.eval_every and step % self.training.eval_every == 0 and step < steps:
                    run.evaluate_now(step, self.evaluate)
                yield ev.ExperimentRunProgress(run.snapshot())
                if run.status == "diverged":
                    yield ev.ExperimentRunFinished(run.snapshot())
        for run in self.runs:
            if run.status == "running":
                if should_stop():
                    return True
                run.finish("finished", self.evaluate)
                yield ev.ExperimentRunFinished(run.snapshot())
        return False

    def _stream(self, run: _Run) -> Iterator:
        if run.stream_key not in self._streams:
            self._streams[run.stream_key] = self._batches(run.seed, run.indices)
        return self._streams[run.stream_key]

    def _batches(self, seed: int, indices):
        """Mini-batches (raw images in [0, 1] on the CPU, labels): each pass over the data in an order drawn from
        the seed alone, so every run of the seed sees the same batches."""
        import torch
        from torch.utils.data import DataLoader, RandomSampler, Subset

        data = self.train_set if indices is None else Subset(self.train_set, list(indices))
        batch = min(self.config.batch_size, len(data))
        for epoch in itertools.count(1):
            generator = torch.Generator().manual_seed(seed * 100_003 + epoch)
            sampler = RandomSampler(data, generator=generator)
            if isinstance(self.train_set, _InMemory):
                # The same order the DataLoader below would take, as slices of the images made once.
                order = torch.tensor(list(sampler), dtype=torch.int64)
                if indices is not None:
                    order = torch.tensor(indices, dtype=torch.int64)[order]
                for start in range(0, len(order) - batch + 1, batch):  # whole batches only, as drop_last
                    yield self.train_set.batch(order[start:start + batch])
                continue
            # drop_last: a batch of one image would break batch normalisation in training mode.
            yield from DataLoader(data, batch_size=batch, sampler=sampler, drop_last=True)

    def evaluate(self, network) -> float:
        import torch
        from torch.utils.data import DataLoader

        wrong = 0
        network.eval()
        if isinstance(self.test_set, _InMemory):
            batches = (self.test_set.batch(slice(start, start + 256)) for start in range(0, len(self.test_set), 256))
        else:
            batches = DataLoader(self.test_set, batch_size=256)
        with torch.no_grad():
            for images, labels in batches:
                outputs = network(self.normalise(images))
                wrong += int((outputs.argmax(dim=1).cpu() != labels).sum())
        network.train()
        return wrong / len(self.test_set)

    def result(self, status: str) -> ExperimentResult:
        for run in self.runs:
            if run.status == "running" and status == "stopped":
                run.status = "stopped"  # cut short with the experiment: no test error
        return ExperimentResult(
            config=self.config, title=self.title, question=self.question,
            variants=tuple(v.variant() for v in self.variants), figures=self.figures, x_curve="step",
            y_curve="train_error_smoothed", y_label=QT_TRANSLATE_NOOP("engine", "Training error (smoothed)"),
            runs=tuple(run.snapshot() for run in self.runs), status=status, device=self.device_name,
            created=self.created, train_images=len(self.train_set), test_images=len(self.test_set),
            versions=self._versions)


_CACHE_BYTES = 64 * 2**20  # a data set whose adapted images fit in this is kept in memory (the digits: 6 MB)


class _InMemory:
    """A small data set's adapted images and labels, made once: resizing each image again at every step and
    every evaluation took most of a LeNet-5 experiment's time. Samples as the data set's own (same values)."""

    def __init__(self, dataset) -> None:
        import torch

        samples = [dataset[i] for i in range(len(dataset))]
        self.images = torch.stack([image for image, _ in samples])
        self.targets = torch.tensor([int(label) for _, label in samples], dtype=torch.int64)
        self.classes = dataset.classes
        self.name, self.split = getattr(dataset, "name", ""), getattr(dataset, "split", "")

    def __len__(self) -> int:
        return len(self.targets)

    def __getitem__(self, index: int):
        return self.images[index], int(self.targets[index])

    def labels(self) -> np.ndarray:
        """Every sample's label, in sample order (as ``AdaptedDataset.labels``)."""
        return self.targets.numpy().copy()

    def batch(self, index):
        return self.images[index], self.targets[index]


def _cached(dataset):
    """``dataset`` kept in memory when small enough (:class:`_InMemory`), else as it is."""
    if len(dataset) == 0 or len(dataset) * dataset[0][0].numel() * 4 > _CACHE_BYTES:
        return dataset
    return _InMemory(dataset)


def _as_tensors(mean, std, device):
    import torch

    return (torch.tensor(mean, device=device).reshape(1, -1, 1, 1),
            torch.tensor(std, device=device).reshape(1, -1, 1, 1))


class _Run:
    """One variant from one seed: its network, optimiser and growing record."""

    def __init__(self, variant: RunVariant, seed: int, session: _Session) -> None:
        import torch

        self.variant, self.seed, self.session = variant, seed, session
        self.key = f"{variant.key}/{seed}"
        training, steps = session.training, session.config.steps
        self.indices = (tuple(int(i) for i in variant.train_indices(session.train_set, seed))
                        if variant.train_indices is not None else None)
        self.stream_key = (seed, self.indices)
        torch.manual_seed(seed)  # every variant of a seed from the same seed: same layers, same weights
        self.network = variant.build(session.classes).to(session.device)
        self.network.train()
        self.optimizer = make_optimizer(session.schedule, self.network.parameters())
        self.recorder = variant.recorder(self.network) if variant.recorder is not None else None
        self.generator = torch.Generator().manual_seed(seed * 7_919 + 1)  # the variant's own random changes
        self.figures = {"params": math.nan, "macs": math.nan, **variant.figures}
        self.figures.update(_cost(variant, self.network, training))
        self.errors = np.zeros(steps)
        self.smoothed = np.zeros(steps)
        self.eval_steps: list[float] = []
        self.test_errors: list[float] = []
        self.count = 0
        self.first_loss = math.nan
        self.test_error = math.nan
        self.seconds = 0.0
        self.status = "running"

    def train_step(self, images, labels, step: int, lr: float) -> None:
        from torch.nn import functional

        started = time.perf_counter()
        if self.variant.transform is not None:
            images, labels = self.variant.transform(images, labels, self.generator)
        images, labels = self.session.normalise(images), labels.to(self.session.device)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        outputs = self.network(images)
        loss = functional.cross_entropy(outputs, labels)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if self.recorder is not None:
            self.recorder.after_backward(step)
        self.optimizer.step()
        self.errors[self.count] = float((outputs.argmax(dim=1) != labels).float().mean())
        self.count += 1
        window = self.session.training.window
        low = max(0, self.count - window)
        self.smoothed[self.count - 1] = self.errors[low:self.count].mean()
        value = float(loss.item())
        if self.count == 1:
            self.first_loss = value
        limit = _DIVERGED_FACTOR * max(self.first_loss, math.log(self.session.classes))
        if not math.isfinite(value) or value > limit:
            self.status = "diverged"  # the other runs go on; this one's weights are lost
            self._release()
        self.seconds += time.perf_counter() - started

    def evaluate_now(self, step: int, evaluate: Callable) -> None:
        started = time.perf_counter()
        self.eval_steps.append(float(step))
        self.test_errors.append(evaluate(self.network))
        self.seconds += time.perf_counter() - started

    def finish(self, status: str, evaluate: Callable) -> None:
        started = time.perf_counter()
        self.test_error = evaluate(self.network)
        if self.session.training.eval_every and self.count:
            self.eval_steps.append(float(self.count))
            self.test_errors.append(self.test_error)
        self.seconds += time.perf_counter() - started
        self.status = status
        self._release()

    def _release(self) -> None:
        self.network = self.optimizer = None  # free the memory while the other runs go on
        if self.recorder is not None and hasattr(self.recorder, "release"):
            self.recorder.release()

    def snapshot(self) -> ExperimentRun:
        # Views of the filled part: entries below `count` are never written again.
        errors, smoothed = self.errors[:self.count], self.smoothed[:self.count]
        curves = {"step": np.arange(1, self.count + 1, dtype=np.float64), "train_error": errors,
                  "train_error_smoothed": smoothed}
        if self.session.training.eval_every:
            curves["eval_step"] = np.array(self.eval_steps)
            curves["test_error"] = np.array(self.test_errors)
        if self.recorder is not None:
            curves.update(self.recorder.curves())
        for array in curves.values():
            array.setflags(write=False)
        figures = dict(self.figures)
        threshold = self.session.training.threshold
        if threshold is not None:
            figures["steps_to_threshold"] = steps_to_threshold(smoothed, threshold)
        figures["train_error"] = float(smoothed[-1]) if self.count else math.nan
        figures["test_error"] = self.test_error
        figures["seconds"] = self.seconds
        return ExperimentRun(variant=self.variant.key, seed=self.seed, status=self.status, curves=curves,
                             figures=figures, seconds=self.seconds)


def follow(latest: ExperimentResult | None, event: ev.Event) -> ExperimentResult | None:
    """The result so far after ``event``: what a partial save writes when an experiment is closed early."""
    if isinstance(event, ev.ExperimentStarted):
        return event.result
    if isinstance(event, (ev.ExperimentRunProgress, ev.ExperimentRunFinished)) and latest is not None:
        return latest.with_run(event.run)
    return latest


def as_stopped(result: ExperimentResult) -> ExperimentResult:
    """``result`` cut short: marked ``stopped``, and so is every run still running."""
    runs = tuple(run if run.status != "running" else replace(run, status="stopped") for run in result.runs)
    return replace(result, runs=runs, status="stopped")


def _cost(variant: RunVariant, network, training: Training) -> dict[str, float]:
    """Parameters and multiply-adds: the zoo's analysis for a zoo model, the built module's otherwise."""
    from engine.models.analysis import analyze

    shape = (training.channels, training.size, training.size)
    if variant.zoo is not None:
        name, options = variant.zoo
        analysis = analyze(name, input_shape=shape, **dict(options))
    else:
        import copy

        analysis = analyze(copy.deepcopy(network).cpu(), input_shape=shape)
    return {"params": float(analysis.params), "macs": float(analysis.macs)}


@contextmanager
def cpu_threads(device):
    """One intra-op thread on the CPU for the experiments' small networks.

    With a few channels, each operation is too small to share between cores, and on a shared machine a second
    thread waits for a busy core: measured on two shared cores (``engine.learning.depth``), a step took a quarter
    of the time with one thread. The previous setting comes back afterwards.
    """
    import torch

    if device.type != "cpu":
        yield
        return
    previous = torch.get_num_threads()
    torch.set_num_threads(_CPU_THREADS)
    try:
        yield
    finally:
        torch.set_num_threads(previous)
