"""The experiments the lecture runs, in its order, and what runs any of them: the engine thread and the command line.

Each experiment is one module ``engine.learning.experiments.<name>`` (``-`` written ``_``) with ``DEFAULTS``
(its shipped configuration), ``validate(config)``, ``run(config, device, should_stop, run_stopped)`` (a generator
of events that returns the final ``ExperimentResult``) and ``caption(result)``. The module is imported on first
use only: it imports torch, and this registry must stay cheap for the window and for ``--list``.

:func:`run_experiment` is the one way to run one: it checks the options, picks the device, passes the module's
events on, and saves the result — also a partial one, marked ``stopped``, when it is stopped or closed early
(the window closing, Ctrl+C) — then says where (``ExperimentFinished``).
"""

from __future__ import annotations

import importlib
import json
import math
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from engine.learning.experiments.result import (
    ExperimentConfig,
    ExperimentResult,
    ExperimentRun,
    fallback_folder,
    result_path,
    save_result,
)
from engine.learning.runs import DEFAULT_RUNS_FOLDER
from engine.resources import RESOURCES_DIR
from engine.runtime import events as ev
from engine.runtime.device import PREFERENCES
from engine.runtime.errors import QT_TRANSLATE_NOOP, Text, UserInputError, text

__all__ = [
    "EXPERIMENTS",
    "Experiment",
    "check_config",
    "experiment_cli",
    "experiment_events",
    "experiments_for",
    "get_experiment",
    "run_experiment",
    "summary",
]

MAX_SEEDS = 20
MAX_STEPS = 1_000_000
MAX_BATCH_SIZE = 4096
DATA_SETS = ("digits", "mnist", "cifar10")
_JOB = "experiment"


def _never() -> bool:
    return False


def _no_run_stopped(key: str) -> bool:
    return False


@dataclass(frozen=True)
class Experiment:
    """One of the lecture's experiments: its name, title and question (English, marked for the catalogue), the
    window pages it sits on, and the module that defines it (imported on first use)."""

    name: str
    title: str
    question: str
    pages: tuple[str, ...]
    module: str

    def definition(self):
        """The experiment's module (``DEFAULTS``, ``validate``, ``run``, ``caption``); imports torch.

        Raises
        ------
        UserInputError
            When this copy of the app lacks the module.
        """
        try:
            return importlib.import_module(self.module)
        except ModuleNotFoundError as error:
            if error.name != self.module:
                raise  # the module is here, something it imports is not: a real fault
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "the experiment {name} is not part of this copy of the app"), name=self.name)) from None

    def default_config(self, **overrides) -> ExperimentConfig:
        """The module's ``DEFAULTS``, overridden by ``overrides`` (``options`` merged key by key)."""
        defaults = dict(self.definition().DEFAULTS)
        options = {**dict(defaults.pop("options", {})), **dict(overrides.pop("options", None) or {})}
        return ExperimentConfig(name=self.name, **(defaults | overrides), options=options)

    def run(self, config: ExperimentConfig, device=None, should_stop: Callable[[], bool] = _never,
            run_stopped: Callable[[str], bool] = _no_run_stopped) -> Iterator[ev.Event]:
        """:func:`run_experiment` for this experiment."""
        return run_experiment(replace(config, name=self.name), device, should_stop, run_stopped)

    def caption(self, result: ExperimentResult) -> Text:
        """One sentence, made from ``result``, stating what it shows."""
        return self.definition().caption(result)

    @property
    def shipped(self) -> Path:
        """The result that ships with the app (``make experiments``)."""
        return RESOURCES_DIR / "experiments" / f"{self.name}.json"


def _experiment(name: str, title: str, question: str, pages: tuple[str, ...]) -> Experiment:
    return Experiment(name, title, question, pages, f"engine.learning.experiments.{name.replace('-', '_')}")


EXPERIMENTS: dict[str, Experiment] = {e.name: e for e in (
    _experiment("activation", QT_TRANSLATE_NOOP("engine", "ReLU, tanh or sigmoid"),
                QT_TRANSLATE_NOOP("engine", "Why ReLU?"), ("lenet", "alexnet")),
    _experiment("pooling", QT_TRANSLATE_NOOP("engine", "Average or max pooling"),
                QT_TRANSLATE_NOOP("engine", "Does max pooling beat average pooling?"), ("lenet", "alexnet")),
    _experiment("stacked-filters", QT_TRANSLATE_NOOP("engine", "Stacked 3×3 filters or one large filter"),
                QT_TRANSLATE_NOOP("engine", "Why stack small filters?"), ("vgg",)),
    _experiment("depth", QT_TRANSLATE_NOOP("engine", "Plain against residual networks as depth grows"),
                QT_TRANSLATE_NOOP("engine", "Why do deep plain networks train worse, and shortcuts help?"),
                ("resnet",)),
    _experiment("bottleneck-time", QT_TRANSLATE_NOOP("engine", "The 1×1 bottleneck in seconds"),
                QT_TRANSLATE_NOOP("engine", "Does the 1×1 bottleneck save time, not only multiply-adds?"),
                ("nin", "inception")),
    _experiment("augmentation", QT_TRANSLATE_NOOP("engine", "Data augmentation with little data"),
                QT_TRANSLATE_NOOP("engine", "Does augmentation help when there are few images?"),
                ("augmentation",)),
)}
"""Every experiment, in the order of the lecture (LeNet-5 and AlexNet, VGG, ResNet, 1×1 and Inception, then
augmentation)."""


def get_experiment(name: str) -> Experiment:
    """The experiment called ``name``; UserInputError naming the known ones."""
    if name not in EXPERIMENTS:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "unknown experiment {name}; accepted: {names}"),
                                  name=repr(name), names=", ".join(EXPERIMENTS)))
    return EXPERIMENTS[name]


def experiments_for(page: str) -> list[Experiment]:
    """The experiments that sit on the window page ``page`` (``lenet``, ``vgg``...), in lecture order."""
    return [experiment for experiment in EXPERIMENTS.values() if page in experiment.pages]


def check_config(config: ExperimentConfig) -> None:
    """Refuse options every experiment shares when they are bad, then the experiment's own (its ``validate``).

    Raises
    ------
    UserInputError
        Naming the option, the value and what is accepted.
    """
    from engine.learning.training import check_whole

    experiment = get_experiment(config.name)
    check_whole(text(QT_TRANSLATE_NOOP("engine", "seeds")), config.seeds, MAX_SEEDS)
    check_whole(text(QT_TRANSLATE_NOOP("engine", "steps")), config.steps, MAX_STEPS)
    check_whole(text(QT_TRANSLATE_NOOP("engine", "batch size")), config.batch_size, MAX_BATCH_SIZE)
    if config.data not in DATA_SETS:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "data must be one of {names}, got {given}"),
                                  names=", ".join(DATA_SETS), given=repr(config.data)))
    if config.device not in PREFERENCES:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "device must be one of {names}, got {given}"),
                                  names=", ".join(PREFERENCES), given=repr(config.device)))
    experiment.definition().validate(config)


def run_experiment(config: ExperimentConfig, device=None, should_stop: Callable[[], bool] = _never,
                   run_stopped: Callable[[str], bool] = _no_run_stopped) -> Iterator[ev.Event]:
    """Run the experiment ``config.name``, yielding its events, and save its result.

    Parameters
    ----------
    config : ExperimentConfig
        Checked here first (:func:`check_config`); ``config.out`` is where the result goes.
    device : torch.device, optional
        Where to train; ``config.device`` resolved when None.
    should_stop, run_stopped : callable
        As the modules' ``run`` (read before every step; ``run_stopped("variant/seed")`` ends one run).

    Yields
    ------
    engine.runtime.events.Event
        The module's (``ExperimentStarted``, ``ExperimentRunProgress``, ``ExperimentRunFinished``), then
        ``ExperimentFinished`` with the saved file. Closed early, it still saves what it has, marked ``stopped``.

    Raises
    ------
    UserInputError
        Before the first event: bad options, data that cannot be read, an output that cannot be written.
    """
    from engine.learning.experiments.runner import as_stopped, follow

    check_config(config)
    experiment = get_experiment(config.name)
    path = result_path(config.out, f"{config.name}-{config.data}")
    if device is None:
        from engine.runtime.device import pick_device

        device = pick_device(config.device)[0]
    events = experiment.definition().run(config, device, should_stop, run_stopped)
    latest: ExperimentResult | None = None  # what a partial save writes, kept up to date from the events
    saved = False
    try:
        while True:
            try:
                event = next(events)
            except StopIteration as end:
                result = end.value if end.value is not None else as_stopped(latest)
                break
            latest = follow(latest, event)
            yield event
        written = save_result(result, path)
        saved = True
        yield ev.ExperimentFinished(result, str(written), result.status == "stopped")
    finally:
        events.close()
        if not saved and latest is not None:
            save_result(as_stopped(latest), path)


# ---------------------------------------------------------------- the engine thread


def experiment_events(worker, request: ev.Request) -> Iterator[ev.Event]:
    """Serve ``StartExperiment`` and ``StopExperiment`` on the engine thread (see ``engine/runtime/worker.py``)."""
    if isinstance(request, ev.StartExperiment):
        yield from worker.serve_sweep(_JOB, partial(run_experiment, request.config, device=worker.device))
    else:
        yield from worker.serve_sweep(_JOB, None, request.run)


# ---------------------------------------------------------------- the command line


def summary(result: ExperimentResult) -> list[dict]:
    """Per variant: its key, label and, per final figure, the mean, lowest and highest over its seeds (None
    where no run measured it) and how many runs did."""
    rows = []
    for variant in result.variants:
        runs = result.runs_of(variant.key)
        figures = {}
        for spec in result.figures:
            values = [run.figures.get(spec.key, math.nan) for run in runs]
            known = [v for v in values if math.isfinite(v)]
            figures[spec.key] = ({"mean": _round(sum(known) / len(known)), "min": _round(min(known)),
                                  "max": _round(max(known)), "runs": len(known)} if known
                                 else {"mean": None, "min": None, "max": None, "runs": 0})
        rows.append({"key": variant.key, "label": variant.label, "runs": len(runs), "figures": figures})
    return rows


def _round(value: float) -> float:
    return float(f"{value:.6g}")


def config_from_args(args) -> ExperimentConfig:
    """The experiment's default configuration with the command's options in place of the defaults."""
    experiment = get_experiment(args.name)
    overrides: dict = {"out": args.out or DEFAULT_RUNS_FOLDER, "device": getattr(args, "device", None) or "auto"}
    for option in ("seeds", "steps", "data"):
        if getattr(args, option, None) is not None:
            overrides[option] = getattr(args, option)
    return experiment.default_config(**overrides)


def experiment_cli(args) -> int:
    """``python main.py experiment NAME|--list ...``: progress on stderr, then a table (or ``--json``) and the
    caption on stdout.

    Returns
    -------
    int
        0 when it finished, 130 when interrupted (Ctrl+C; what was done is saved, marked stopped).
    """
    if args.list:
        for experiment in EXPERIMENTS.values():
            print(f"{experiment.name:<16} {experiment.title} ({experiment.question}) — pages: "
                  f"{', '.join(experiment.pages)}")
        return 0
    if args.name is None:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "name an experiment ({names}), or ask for --list"), names=", ".join(EXPERIMENTS)))
    experiment = get_experiment(args.name)
    config = config_from_args(args)
    started = time.monotonic()
    events = run_experiment(config)
    finished: ev.ExperimentFinished | None = None
    total = 0
    done = 0
    try:
        for event in events:
            if isinstance(event, ev.ExperimentStarted):
                total = len(event.result.runs)
                print(_started_line(event.result), file=sys.stderr, flush=True)
            elif isinstance(event, ev.ExperimentRunFinished):
                done += 1
                print(f"run {done}/{total} {event.run.key} {event.run.status}  {time.monotonic() - started:.0f} s",
                      file=sys.stderr, flush=True)
            elif isinstance(event, ev.ExperimentFinished):
                finished = event
    except KeyboardInterrupt:
        events.close()
        print("main.py: interrupted; what was done is saved, marked stopped", file=sys.stderr)
        return 130
    seconds = time.monotonic() - started
    if finished is None:  # pragma: no cover - run_experiment always ends with ExperimentFinished
        return 1
    if Path(finished.path).parent == fallback_folder():
        print(f"main.py: the result could not be written where asked; it is saved in {finished.path}",
              file=sys.stderr)
    result = finished.result
    caption = str(experiment.caption(result))
    if args.json:
        print(json.dumps({"name": result.name, "title": result.title, "question": result.question,
                          "status": result.status, "device": result.device, "seconds": round(seconds, 1),
                          "file": finished.path, "config": result.config.to_dict(), "caption": caption,
                          "variants": summary(result),
                          "runs": [_run_row(run) for run in result.runs]}, indent=1))
    else:
        print(_table(result))
        print(caption)
        print(f"{result.status} in {seconds:.0f} s; saved to {finished.path}")
    return 0


def _started_line(result: ExperimentResult) -> str:
    config = result.config
    return (f"{config.name} on {config.data} ({result.train_images:,} training, {result.test_images:,} test "
            f"images): {len(result.variants)} variants × {config.seeds} seeds, {config.steps} steps of "
            f"{config.batch_size}, on {result.device}")


def _run_row(run: ExperimentRun) -> dict:
    return {"variant": run.variant, "seed": run.seed, "status": run.status, "seconds": round(run.seconds, 2),
            "figures": {key: (_round(value) if math.isfinite(value) else None) for key, value in run.figures.items()}}


def _table(result: ExperimentResult) -> str:
    """Per variant, each figure as mean (lowest–highest) over the seeds that measured it; "—" where none did (a
    threshold never reached, a run stopped before its test)."""
    specs = result.figures
    width = max([len(variant.label) for variant in result.variants] + [7])
    head = [f"{'variant':<{width}}"] + [f"{spec.label:>22}" for spec in specs]
    lines = ["  ".join(head)]
    for row in summary(result):
        cells = [f"{row['label']:<{width}}"]
        for spec in specs:
            figure = row["figures"][spec.key]
            cell = _spread(figure, spec.kind)
            if 0 < figure["runs"] < row["runs"]:  # e.g. a threshold some seeds never reached
                cell += f" [{figure['runs']}/{row['runs']} runs]"
            cells.append(f"{cell:>22}")
        lines.append("  ".join(cells))
    return "\n".join(lines)


def _spread(figure: dict, kind: str) -> str:
    if figure["mean"] is None:
        return "—"
    values = [_format(figure[key], kind) for key in ("mean", "min", "max")]
    return values[0] if figure["min"] == figure["max"] else f"{values[0]} ({values[1]}–{values[2]})"


def _format(value: float, kind: str) -> str:
    if kind == "fraction":
        return f"{100 * value:.1f}%"
    if kind == "count":
        return f"{value:,.0f}"
    if kind in ("ms",):
        return f"{value:.2f}"
    if kind == "ratio":
        return f"{value:.2f}×"
    if kind == "seconds":
        return f"{value:.1f}"
    return f"{value:.0f}"
