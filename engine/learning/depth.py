"""Plain against residual networks as depth grows: He et al. (2016), Figure 6, as an experiment a class watches.

The CIFAR-style networks of the zoo (``plainN`` and ``resnetN``, ``N = 6n + 2`` weighted layers) are trained
side by side: one step of every run in turn, on the same mini-batch, so that all the curves grow together.
Every run has the same data, hyper-parameters, batch order and seed; a plain network and its residual twin
with option A shortcuts have the same layers, so they start from identical weights.

What is recorded, per run:

- the **training error** of every step: the fraction of that step's mini-batch the network misclassifies,
  measured in the forward pass of the step (before its update, batch normalisation in training mode);
- the **smoothed training error** (:func:`smooth`): at step ``t``, the mean of the training errors of steps
  ``t - window + 1 .. t`` (of steps ``1 .. t`` while ``t < window``). The *final training error* of a run is
  its smoothed training error at its last step, and the depth comparison (:func:`compare`) is made on it at
  the last step every run reached;
- the **test error** at the end: the fraction of the test images misclassified, evaluation mode;
- the **gradient norm per weighted layer** (the Euclidean norm of the loss's gradient with respect to the
  layer's weights), layers in forward order: the ``6n + 1`` convolutions of the main path, then the dense
  layer (projection shortcuts left out, so that plain and residual line up layer by layer). Taken at step 1,
  on the initial weights ("at initialisation"), then every ``gradient_every`` steps and at the last step;
- the seconds the run's own steps took, and its parameters (from :func:`engine.models.analysis.analyze`).

Defaults are chosen so the sweep of the lecture (depths 20, 32, 44, 56, eight runs) shows the effect on the
embedded digits within minutes on two shared CPU cores: width 8 (the paper's is 16), 300 steps of 64 images,
SGD with momentum 0.9, learning rate 0.1 on a cosine schedule, weight decay 1e-4 (the paper's). The 8×8 digits
are enlarged to 16×16 (each pixel a 2×2 square, nothing lost); CIFAR-10 is used at its own 32×32.

The training is the experiments' generic runner (``engine.learning.experiments.runner``) with one seed: the
optimiser, learning-rate schedule and input normalisation are the trainer's (``engine.learning.training``); a
sweep is, for each run, one "epoch" of ``steps`` steps. ``python main.py experiment depth`` runs the same
comparison from several seeds. Results are saved as one JSON file
(:func:`save_result`, :func:`load_result`), also when the sweep is stopped (then marked ``stopped``).
Torch is imported inside the functions that need it, so the window can import this module cheaply.
"""

from __future__ import annotations

import json
import logging
import math
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

import numpy as np

from engine.learning.experiments.result import fallback_folder, result_path, save_text
from engine.learning.runs import DEFAULT_RUNS_FOLDER
from engine.learning.training import (
    TrainConfig,
    check_whole,
)
from engine.models.zoo import get_info
from engine.resources import RESOURCES_DIR
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = [
    "DATA_SETS",
    "DEFAULT_DEPTHS",
    "DEFINITION",
    "KINDS",
    "SHIPPED_RESULT",
    "Comparison",
    "DepthConfig",
    "DepthResult",
    "DepthRun",
    "compare",
    "residual_test_errors",
    "ResidualTestErrors",
    "params_at_paper_width",
    "PAPER_WIDTH",
    "config_from_args",
    "depth_cli",
    "depth_events",
    "load_result",
    "parse_depths",
    "run_depth_sweep",
    "save_result",
    "smooth",
]

DEFAULT_DEPTHS = (20, 32, 44, 56)
KINDS = ("plain", "residual")
DATA_SETS = ("digits", "cifar10")
SHORTCUTS = ("A", "B")  # as engine.models.zoo.resnet, which is not imported here: it imports torch
SHIPPED_RESULT = RESOURCES_DIR / "depth" / "digits.json"
DEFINITION = ("train_error: the smoothed training error at the run's last step, i.e. the mean over the last "
              "`window` steps of the fraction of each step's mini-batch misclassified (forward pass before the "
              "update); test_error: the fraction of the test images misclassified after the last step "
              "(evaluation mode); both are fractions (0.05 = 5%)")
_log = logging.getLogger(__name__)
_FORMAT = "cnn-casebook depth sweep"
_VERSION = 1
_MAX_DEPTH = 1202          # the deepest network of the paper
_MAX_RUNS_PER_KIND = 8
_MAX_STEPS = 1_000_000
_MAX_WIDTH = 256
_CPU_THREADS = 1           # see _cpu_threads
_DIGITS_SIZE = 16


@dataclass(frozen=True)
class DepthConfig:
    """One sweep's options; :meth:`validate` checks them before anything starts.

    ``depths`` are trained both plain and residual. ``shortcut`` is ``"A"`` (zero-padded identity) or ``"B"``
    (projection) where a stage changes shape. ``window`` is the smoothing window in steps; ``gradient_every``
    the steps between two gradient snapshots. ``out`` is a folder (a new file is made in it) or a ``.json``
    file to write.
    """

    depths: tuple[int, ...] = DEFAULT_DEPTHS
    steps: int = 300
    width: int = 8
    shortcut: str = "A"
    data: str = "digits"
    seed: int = 0
    batch_size: int = 64
    lr: float = 0.1
    weight_decay: float = 1e-4
    window: int = 20
    gradient_every: int = 25
    device: str = "auto"
    data_root: str | None = None
    out: str = DEFAULT_RUNS_FOLDER

    @property
    def input_size(self) -> int:
        """Side of the input images: the digits enlarged to 16, CIFAR-10 as it is."""
        return _DIGITS_SIZE if self.data == "digits" else 32

    def models(self) -> list[tuple[str, int, str]]:
        """``(kind, depth, zoo name)`` of every run, plain first, shallow first."""
        return [(kind, depth, f"{'plain' if kind == 'plain' else 'resnet'}{depth}")
                for kind in KINDS for depth in sorted(self.depths)]

    def run_config(self, model: str) -> TrainConfig:
        """The trainer's options for one run: its optimiser, schedule and checks."""
        return TrainConfig(model=model, dataset=self.data, epochs=1, batch_size=self.batch_size, lr=self.lr,
                           optimizer="sgd", schedule="cosine", weight_decay=self.weight_decay, seed=self.seed,
                           device=self.device, data_root=self.data_root)

    def validate(self) -> DepthConfig:
        """Refuse bad options, naming the option, the value and what is accepted; returns ``self``.

        Raises
        ------
        UserInputError
        """
        if not self.depths or len(self.depths) > _MAX_RUNS_PER_KIND:
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "give 1 to {most} depths, e.g. 20,32,44,56; got {count}"),
                most=_MAX_RUNS_PER_KIND, count=len(self.depths)))
        for depth in self.depths:
            check_whole(text(QT_TRANSLATE_NOOP("engine", "depth")), depth, _MAX_DEPTH, minimum=8)
            if (depth - 2) % 6:
                raise UserInputError(text(QT_TRANSLATE_NOOP(
                    "engine", "depth must be 6n+2 (8, 14, 20, 26, 32, ...), got {depth}"), depth=depth))
        if len(set(self.depths)) != len(self.depths):
            raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "each depth once, please; got {depths}"),
                                      depths=", ".join(map(str, self.depths))))
        check_whole("steps", self.steps, _MAX_STEPS)
        check_whole("width", self.width, _MAX_WIDTH)
        check_whole("window", self.window, _MAX_STEPS)
        check_whole("gradient_every", self.gradient_every, _MAX_STEPS)
        if self.shortcut not in SHORTCUTS:
            raise UserInputError(f"shortcut must be one of {', '.join(SHORTCUTS)}, got {self.shortcut!r}")
        if self.data not in DATA_SETS:
            raise UserInputError(f"data must be one of {', '.join(DATA_SETS)}, got {self.data!r}")
        self.run_config(self.models()[-1][2]).validate()  # batch size, seed, rate, decay, device: the trainer's
        return self

    def to_dict(self) -> dict:
        content = asdict(self)
        content["depths"] = list(self.depths)
        return content

    @classmethod
    def from_dict(cls, content: dict) -> DepthConfig:
        known = {key: content[key] for key in cls.__dataclass_fields__ if key in content}
        known["depths"] = tuple(known.get("depths", DEFAULT_DEPTHS))
        return cls(**known)


@dataclass(frozen=True, eq=False)
class DepthRun:
    """One network's record so far (or at the end); every array is read-only and never changed again.

    Attributes
    ----------
    kind : str
        ``plain`` or ``residual``.
    depth : int
        Weighted layers, ``6n + 2``.
    model : str
        Its zoo name (``plain56``, ``resnet56``).
    params : int
        Parameters, from the layer analysis of the same network.
    errors, smoothed : numpy.ndarray
        Training error of steps ``1 .. len(errors)`` and its smoothed version (fractions; see the module).
    gradient_steps : numpy.ndarray
        The step of each gradient snapshot (1: at initialisation).
    gradient_norms : numpy.ndarray
        ``(snapshots, depth)``: gradient norm of each weighted layer, in forward order.
    test_error : float
        NaN until measured (a run stopped with its sweep has none).
    seconds : float
        Time its own steps and evaluation took.
    status : str
        ``running``, ``finished``, ``stopped`` or ``diverged`` (the loss became NaN or infinite).
    """

    kind: str
    depth: int
    model: str
    params: int
    errors: np.ndarray
    smoothed: np.ndarray
    gradient_steps: np.ndarray
    gradient_norms: np.ndarray
    test_error: float
    seconds: float
    status: str

    @property
    def key(self) -> str:
        return self.model

    @property
    def title(self) -> str:
        """``Plain-56`` or ``ResNet-56``."""
        return get_info(self.model).title

    @property
    def steps_done(self) -> int:
        return len(self.errors)

    @property
    def train_error(self) -> float:
        """The smoothed training error at the last step (NaN before the first)."""
        return float(self.smoothed[-1]) if len(self.smoothed) else math.nan


@dataclass(frozen=True, eq=False)
class DepthResult:
    """A whole sweep: its options, its runs (plain first, shallow first), where and when it ran, and whether it
    ``finished`` or was ``stopped``."""

    config: DepthConfig
    runs: tuple[DepthRun, ...]
    status: str
    device: str
    created: str
    train_images: int
    test_images: int

    def run(self, kind: str, depth: int) -> DepthRun | None:
        return next((r for r in self.runs if r.kind == kind and r.depth == depth), None)


@dataclass(frozen=True)
class Comparison:
    """The effect at ``step``: smoothed training errors of the shallowest and deepest network of each kind."""

    step: int
    shallow_depth: int
    deep_depth: int
    plain_shallow: float
    plain_deep: float
    residual_shallow: float
    residual_deep: float

    @property
    def plain_degrades(self) -> bool:
        """The deepest plain network trains worse than the shallowest one."""
        return self.plain_deep > self.plain_shallow

    @property
    def residual_holds(self) -> bool:
        """The deepest residual network is at most one point worse than the shallowest one."""
        return self.residual_deep <= self.residual_shallow + 0.01

    def to_dict(self) -> dict:
        return {**asdict(self), "plain_degrades": self.plain_degrades, "residual_holds": self.residual_holds}


def smooth(errors: np.ndarray, window: int) -> np.ndarray:
    """Trailing mean over ``window`` steps: entry ``t`` is the mean of ``errors[max(0, t - window + 1) : t + 1]``."""
    errors = np.asarray(errors, dtype=np.float64)
    sums = np.cumsum(np.concatenate([[0.0], errors]))
    ends = np.arange(1, len(errors) + 1)
    starts = np.maximum(0, ends - window)
    return (sums[ends] - sums[starts]) / (ends - starts)


def compare(result: DepthResult) -> Comparison | None:
    """The depth comparison at the last step that every run of the shallowest and deepest depth reached.

    None when the sweep has a single depth or a run has no step yet.
    """
    depths = sorted(result.config.depths)
    corners = [result.run(kind, depth) for kind in KINDS for depth in (depths[0], depths[-1])]
    if len(depths) < 2 or any(run is None or run.steps_done == 0 for run in corners):
        return None
    step = min(run.steps_done for run in corners)
    values = [float(run.smoothed[step - 1]) for run in corners]
    return Comparison(step, depths[0], depths[-1], *values)


@dataclass(frozen=True)
class ResidualTestErrors:
    """The final test errors of the shallowest and deepest residual networks, and what the paper found.

    He et al. (2016), Fig. 6 (right) and Table 6: on CIFAR-10 the deeper ResNets (20 to 110 layers) also test
    better. A short sweep on a small data set need not reproduce that; ``rises`` says when it does not.
    """

    shallow_depth: int
    deep_depth: int
    residual_shallow: float
    residual_deep: float

    @property
    def rises(self) -> bool:
        """The deepest residual network tests worse than the shallowest: the paper's test result not reproduced."""
        return self.residual_deep > self.residual_shallow


def residual_test_errors(result: DepthResult) -> ResidualTestErrors | None:
    """The residual networks' final test errors at the shallowest and deepest depth; None until both are measured."""
    depths = sorted(result.config.depths)
    runs = [result.run("residual", depth) for depth in (depths[0], depths[-1])]
    if len(depths) < 2 or any(run is None or not math.isfinite(run.test_error) for run in runs):
        return None
    return ResidualTestErrors(depths[0], depths[-1], float(runs[0].test_error), float(runs[1].test_error))



PAPER_WIDTH = 16
"""Filters of the first stage in He et al.'s CIFAR networks (16, 32, 64); the sweeps default to less."""


def params_at_paper_width(depth: int, shortcut: str = "A") -> int:
    """Parameters of ResNet-``depth`` at the paper's width (the overview's figure), counted on the model built on
    the meta device: no tracing, because the depth page asks on the GUI thread, and torch.fx's tracing patches
    every thread's module calls while the engine thread may be running a model."""
    import torch

    from engine.models.zoo import get_model

    with torch.device("meta"):
        model = get_model(f"resnet{depth}", shortcut=shortcut, width=PAPER_WIDTH)
    return sum(parameter.numel() for parameter in model.parameters())


# ---------------------------------------------------------------- the sweep


def _never() -> bool:
    return False


def _no_run_stopped(key: str) -> bool:
    return False


def run_depth_sweep(config: DepthConfig, device=None, should_stop: Callable[[], bool] = _never,
                    run_stopped: Callable[[str], bool] = _no_run_stopped) -> Iterator[ev.Event]:
    """Train every run of ``config`` side by side, yielding events as they go, and save the result.

    The training is the experiments' generic runner (``engine.learning.experiments.runner``) with one seed, the
    gradient norms recorded by ``engine.learning.experiments.depth.GradientNorms``; its events and result are
    told here as the sweep's own (``DepthRun``, ``DepthResult``), which the ResNet page and this file format use.

    Parameters
    ----------
    config : DepthConfig
        Validated here first.
    device : torch.device, optional
        Where to train; ``config.device`` resolved when None.
    should_stop : callable
        Read before every step of every run; True ends the sweep there (saved, marked ``stopped``).
    run_stopped : callable
        ``run_stopped(key)`` is read before each of the run's steps; True ends that run only (its test error
        is measured then) while the others go on.

    Yields
    ------
    engine.runtime.events.Event
        ``DepthSweepStarted``; ``DepthRunProgress`` after every step of every run; ``DepthRunFinished`` as each
        run ends; lastly ``DepthSweepFinished`` with the saved file. A generator closed early (the engine
        shutting down, Ctrl+C) still saves what it has, marked ``stopped``.

    Raises
    ------
    UserInputError
        Before the first event: bad options, data that cannot be read, an output that cannot be written.
    """
    from engine.learning.experiments.runner import as_stopped, follow

    config.validate()
    path = _result_path(config.out, config.data)
    events = train_variants(
        _experiment_config(config), _variants(config), _training(config), title=_TITLE, question=_QUESTION,
        device=device, should_stop=should_stop, run_stopped=lambda key: run_stopped(key.rsplit("/", 1)[0]),
        first_seed=config.seed)
    latest = None  # the result so far, for a partial save
    saved = False
    try:
        while True:
            try:
                event = next(events)
            except StopIteration as end:
                result = _depth_result(config, end.value)
                break
            latest = follow(latest, event)
            yield _depth_event(config, event)
        written = save_result(result, path)
        saved = True
        yield ev.DepthSweepFinished(result, str(written), result.status == "stopped")
    finally:
        events.close()
        if not saved and latest is not None:
            save_result(_depth_result(config, as_stopped(latest)), path)


_TITLE = QT_TRANSLATE_NOOP("engine", "Plain against residual networks as depth grows")
_QUESTION = QT_TRANSLATE_NOOP("engine", "Why do deep plain networks train worse, and shortcuts help?")


def _experiment_config(config: DepthConfig):
    from engine.learning.experiments.result import ExperimentConfig

    return ExperimentConfig(name="depth", seeds=1, steps=config.steps, data=config.data,
                            batch_size=config.batch_size, device=config.device, data_root=config.data_root,
                            options={"depths": list(config.depths), "width": config.width,
                                     "shortcut": config.shortcut, "gradient_every": config.gradient_every},
                            out=config.out)


def _variants(config: DepthConfig) -> list:
    from engine.learning.experiments.depth import GradientNorms
    from engine.learning.experiments.runner import RunVariant
    from engine.models.zoo import get_model

    options = dict(shortcut=config.shortcut, width=config.width)

    def variant(model: str):
        def build(classes):
            return get_model(model, num_classes=classes, **options)

        def recorder(network):
            return GradientNorms(network, config.gradient_every, config.steps)

        return RunVariant(model, get_info(model).title, build, zoo=(model, options), recorder=recorder)

    return [variant(model) for _, _, model in config.models()]


def _training(config: DepthConfig):
    from engine.learning.experiments.runner import Training

    schedule = config.run_config(config.models()[0][2])
    return Training(channels=3, size=config.input_size, optimizer=schedule.optimizer, lr=schedule.learning_rate,
                    schedule=schedule.schedule, weight_decay=schedule.weight_decay, window=config.window)


def train_variants(*args, **kwargs):
    """The generic runner (imported on first use: it brings the data sets' modules)."""
    from engine.learning.experiments.runner import train_variants as runner

    return runner(*args, **kwargs)


def _depth_run(config: DepthConfig, run) -> DepthRun:
    """The runner's record of one network as the sweep's."""
    kind, depth, model = next(entry for entry in config.models() if entry[2] == run.variant)
    norms = np.asarray(run.curves.get("gradient_norms", np.zeros(0)), dtype=np.float64).reshape(-1, depth)
    steps = np.asarray(run.curves.get("gradient_steps", np.zeros(0)), dtype=np.int64)
    arrays = [run.curves["train_error"], run.curves["train_error_smoothed"], steps, norms]
    for array in arrays:
        array.setflags(write=False)
    return DepthRun(kind, depth, model, int(run.figures["params"]), *arrays, float(run.figures["test_error"]),
                    run.seconds, run.status)


def _depth_result(config: DepthConfig, result) -> DepthResult:
    return DepthResult(config, tuple(_depth_run(config, run) for run in result.runs), result.status, result.device,
                       result.created, result.train_images, result.test_images)


def _depth_event(config: DepthConfig, event: ev.Event) -> ev.Event:
    if isinstance(event, ev.ExperimentStarted):
        result = event.result
        return ev.DepthSweepStarted(config, tuple(_depth_run(config, run) for run in result.runs), result.device,
                                    result.train_images, result.test_images)
    if isinstance(event, ev.ExperimentRunProgress):
        return ev.DepthRunProgress(_depth_run(config, event.run))
    return ev.DepthRunFinished(_depth_run(config, event.run))


# ---------------------------------------------------------------- files


def _result_path(out: str, data: str) -> Path:
    """``out`` itself when it names a ``.json`` file, else a new file in the folder ``out``; checked writable."""
    return result_path(out, f"depth-{data}")


def save_result(result: DepthResult, path: str | Path) -> Path:
    """Write ``result`` to ``path`` as JSON, through a temporary file renamed into place; returns the path.

    A finished sweep is never lost: when ``path`` cannot be written (it became a folder, the disk filled, the
    folder was removed meanwhile) the result goes to :func:`fallback_folder` and that path is returned instead;
    the caller says where. UserInputError only when neither place can be written.
    """
    path = Path(path)
    content = {
        "format": _FORMAT, "version": _VERSION, "status": result.status, "created": result.created,
        "device": result.device, "train_images": result.train_images, "test_images": result.test_images,
        "definition": DEFINITION, "config": result.config.to_dict(), "runs": [_run_to_dict(r) for r in result.runs],
    }
    return save_text(json.dumps(content, separators=(",", ":")), path)


def _run_to_dict(run: DepthRun) -> dict:
    return {
        "kind": run.kind, "depth": run.depth, "model": run.model, "params": run.params, "status": run.status,
        "seconds": round(run.seconds, 3), "train_error": _number(run.train_error),
        "test_error": _number(run.test_error), "errors": [round(float(e), 6) for e in run.errors],
        "gradient_steps": [int(s) for s in run.gradient_steps],
        "gradient_norms": [[float(f"{n:.5g}") for n in row] for row in run.gradient_norms],
    }


def _number(value: float) -> float | None:
    return round(value, 6) if math.isfinite(value) else None


def load_result(path: str | Path) -> DepthResult:
    """Read a result written by :func:`save_result`.

    Raises
    ------
    UserInputError
        When the file cannot be read or is not a depth sweep result; the message names the file.
    """
    path = Path(path)
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} does not exist."), path=path)) from None
    except (OSError, ValueError) as error:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} cannot be read ({error})."),
                                  path=path, error=error)) from None
    if not isinstance(content, dict) or content.get("format") != _FORMAT:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{path} is not a plain-versus-residual result (made by `python main.py depth`)."), path=path))
    try:
        config = DepthConfig.from_dict(content["config"])
        runs = tuple(_run_from_dict(entry, config.window) for entry in content["runs"])
        return DepthResult(config, runs, str(content["status"]), str(content["device"]), str(content["created"]),
                           int(content["train_images"]), int(content["test_images"]))
    except (KeyError, TypeError, ValueError) as error:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} is damaged ({error})."),
                                  path=path, error=f"{type(error).__name__}: {error}")) from None


def _run_from_dict(entry: dict, window: int) -> DepthRun:
    errors = _read_only(np.asarray(entry["errors"], dtype=np.float64))
    norms = np.asarray(entry["gradient_norms"], dtype=np.float64).reshape(-1, int(entry["depth"]))
    test_error = entry["test_error"]
    return DepthRun(
        kind=str(entry["kind"]), depth=int(entry["depth"]), model=str(entry["model"]), params=int(entry["params"]),
        errors=errors, smoothed=_read_only(smooth(errors, window)),
        gradient_steps=_read_only(np.asarray(entry["gradient_steps"], dtype=np.int64)),
        gradient_norms=_read_only(norms), test_error=math.nan if test_error is None else float(test_error),
        seconds=float(entry["seconds"]), status=str(entry["status"]),
    )


def _read_only(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


# ---------------------------------------------------------------- the engine thread


_JOB = "depth"


def depth_events(worker, request: ev.Request) -> Iterator[ev.Event]:
    """Serve ``StartDepthSweep`` and ``StopDepthSweep`` on the engine thread (see ``engine/runtime/worker.py``)."""
    if isinstance(request, ev.StartDepthSweep):
        yield from worker.serve_sweep(_JOB, partial(run_depth_sweep, request.config, device=worker.device))
    else:
        yield from worker.serve_sweep(_JOB, None, request.run)


# ---------------------------------------------------------------- the command line


def config_from_args(args) -> DepthConfig:
    """A checked :class:`DepthConfig` from the ``depth`` command's options (``main.py``)."""
    defaults = DepthConfig()
    return DepthConfig(
        depths=parse_depths(args.depths), steps=defaults.steps if args.steps is None else args.steps,
        width=defaults.width if args.width is None else args.width, shortcut=args.shortcut, data=args.data,
        seed=args.seed, device=getattr(args, "device", None) or "auto", out=args.out or DEFAULT_RUNS_FOLDER,
    ).validate()


def parse_depths(given: str) -> tuple[int, ...]:
    """``"20,32,44,56"`` as ``(20, 32, 44, 56)``, sorted; UserInputError for anything but whole numbers."""
    try:
        return tuple(sorted(int(part) for part in given.split(",")))
    except ValueError:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "depths must be whole numbers separated by commas, e.g. 20,32,44,56; got {given}"),
            given=repr(given))) from None


def depth_cli(args) -> int:
    """``python main.py depth ...``: progress on stderr, then a table (or ``--json``) and the effect on stdout.

    Returns
    -------
    int
        0 when the sweep finished, 130 when interrupted (Ctrl+C; what was done is saved, marked stopped).
    """
    config = config_from_args(args)
    started = time.monotonic()
    events = run_depth_sweep(config)
    finished: ev.DepthSweepFinished | None = None
    try:
        for event in events:
            if isinstance(event, ev.DepthSweepStarted):
                print(_started_line(event), file=sys.stderr, flush=True)
            elif isinstance(event, ev.DepthRunProgress) and event.run.model == config.models()[-1][2] \
                    and event.run.steps_done % 50 == 0:
                print(f"step {event.run.steps_done}/{config.steps}  {time.monotonic() - started:.0f} s",
                      file=sys.stderr, flush=True)
            elif isinstance(event, ev.DepthSweepFinished):
                finished = event
    except KeyboardInterrupt:
        events.close()
        print("main.py: interrupted; what was done is saved, marked stopped", file=sys.stderr)
        return 130
    seconds = time.monotonic() - started
    if finished is not None and Path(finished.path).parent == fallback_folder():
        print(f"main.py: the result could not be written where asked; it is saved in {finished.path}",
              file=sys.stderr)
    if args.json:
        print(json.dumps(_json_report(finished, seconds), indent=1))
    else:
        print(_text_report(finished, seconds))
    return 0


def _started_line(event: ev.DepthSweepStarted) -> str:
    config = event.config
    return (f"plain vs residual on {config.data} ({event.train_images:,} training, {event.test_images:,} test images,"
            f" {config.input_size}x{config.input_size}), depths {', '.join(map(str, config.depths))}, width "
            f"{config.width}, shortcut {config.shortcut}, {config.steps} steps of {config.batch_size} images, "
            f"on {event.device}")


def _json_report(finished: ev.DepthSweepFinished, seconds: float) -> dict:
    result = finished.result
    comparison = compare(result)
    return {
        "definition": DEFINITION, "status": result.status, "device": result.device, "seconds": round(seconds, 1),
        "file": finished.path, "config": result.config.to_dict(),
        "runs": [{"depth": r.depth, "kind": r.kind, "model": r.model, "parameters": r.params,
                  "train_error": _number(r.train_error), "test_error": _number(r.test_error),
                  "seconds": round(r.seconds, 1), "steps": r.steps_done, "status": r.status} for r in result.runs],
        "comparison": None if comparison is None else comparison.to_dict(),
    }


def _text_report(finished: ev.DepthSweepFinished, seconds: float) -> str:
    result = finished.result
    lines = [f"{'network':<11} {'layers':>6} {'parameters':>11} {'train error':>12} {'test error':>11} "
             f"{'seconds':>8}"]
    for run in result.runs:
        lines.append(f"{run.title:<11} {run.depth:>6} {run.params:>11,} {_percent(run.train_error):>12} "
                     f"{_percent(run.test_error):>11} {run.seconds:>8.1f}")
    comparison = compare(result)
    if comparison is not None:
        c = comparison
        lines.append(
            f"at step {c.step} (training error, mean of the last {result.config.window} mini-batches): "
            f"plain {c.shallow_depth} -> {c.deep_depth} layers {_percent(c.plain_shallow)} -> "
            f"{_percent(c.plain_deep)}, residual {_percent(c.residual_shallow)} -> {_percent(c.residual_deep)}")
    lines.append(f"{result.status} in {seconds:.0f} s; saved to {finished.path}")
    return "\n".join(lines)


def _percent(value: float) -> str:
    return "—" if not math.isfinite(value) else f"{100 * value:.1f}%"
