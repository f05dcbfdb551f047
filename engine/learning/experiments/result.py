"""What an experiment is made of and what it leaves: its options, variants, runs and the result file.

An experiment (``engine.learning.experiments``) compares *variants* — networks or settings that differ in one
thing — each trained (or timed) from several *seeds*; a *run* is one variant from one seed. Every run keeps

- ``curves``: named arrays that grow as the run goes. By convention ``step`` (1, 2, ...) and ``train_error``
  (the fraction of that step's mini-batch misclassified, measured in the step's forward pass) have one entry
  per step; ``eval_step`` and ``test_error`` one entry per evaluation. An experiment that times rather than
  trains (bottleneck-time) uses its own pair, e.g. ``batch_size`` and ``ms``. The result's ``x_curve`` and
  ``y_curve`` say which pair the view draws.
- ``figures``: the run's final numbers by name (``test_error``, ``params``, ``macs``, ``steps_to_threshold``,
  ``seconds``...); NaN where not measured (a stopped run, a threshold never reached).

The result names its variants and figures itself (``Variant``, ``FigureSpec``: English labels marked for the
Korean catalogue), so a saved file can be shown without knowing the experiment's code. The caption that
states what a result shows is made from the result (``caption`` in each experiment's definition), never typed.

Everything here is plain data (numpy arrays, read-only once handed out, and plain values): it crosses from the
engine thread to the window, and goes to and from JSON (:func:`save_result`, :func:`load_result`).
"""

from __future__ import annotations

import json
import logging
import math
import os
import platform
import tempfile
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from engine.learning.runs import DEFAULT_RUNS_FOLDER
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = [
    "FORMAT",
    "ExperimentConfig",
    "ExperimentResult",
    "ExperimentRun",
    "FigureSpec",
    "Variant",
    "fallback_folder",
    "load_result",
    "result_path",
    "save_result",
    "save_text",
    "seed_spread",
    "versions",
    "writable",
]

FORMAT = "cnn-casebook experiment"
VERSION = 1
RUN_STATUSES = ("running", "finished", "stopped", "diverged")
RESULT_STATUSES = ("running", "finished", "stopped")
FIGURE_KINDS = ("fraction", "count", "ms", "ratio", "seconds", "steps")
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExperimentConfig:
    """One experiment's options. ``seeds`` runs per variant, from seeds ``0 .. seeds - 1``; ``steps`` training
    steps per run (for a timing experiment: repetitions); ``data`` a data set name (``digits``, ``cifar10``);
    ``options`` what only this experiment has (e.g. ``{"per_class": [5, 10, 20, 50]}``), plain JSON values.
    ``out`` is a folder (a new file is made in it) or a ``.json`` file."""

    name: str
    seeds: int = 3
    steps: int = 300
    data: str = "digits"
    batch_size: int = 64
    device: str = "auto"
    data_root: str | None = None
    options: Mapping[str, object] = field(default_factory=dict)
    out: str = DEFAULT_RUNS_FOLDER

    def to_dict(self) -> dict:
        content = asdict(self)
        content["options"] = dict(self.options)
        return content

    @classmethod
    def from_dict(cls, content: dict) -> ExperimentConfig:
        known = {key: content[key] for key in cls.__dataclass_fields__ if key in content}
        known["options"] = dict(known.get("options") or {})
        return cls(**known)


@dataclass(frozen=True)
class Variant:
    """One arm of the comparison: ``key`` names it in files and code (``relu``, ``3x3x2``); ``label`` is for
    people, English, marked with ``QT_TRANSLATE_NOOP("engine", ...)`` so the window shows it in Korean."""

    key: str
    label: str


@dataclass(frozen=True)
class FigureSpec:
    """A final figure the view shows per variant: ``key`` in each run's ``figures``, ``label`` for people (marked
    like ``Variant.label``), ``kind`` how to write it: ``fraction`` (0.05 shown as 5.0 %), ``count``, ``ms``,
    ``ratio`` (×), ``seconds`` or ``steps``."""

    key: str
    label: str
    kind: str


@dataclass(frozen=True, eq=False)
class ExperimentRun:
    """One variant from one seed: its record so far (or at the end). Arrays are read-only, never changed again."""

    variant: str
    seed: int
    status: str
    curves: Mapping[str, np.ndarray]
    figures: Mapping[str, float]
    seconds: float

    @property
    def key(self) -> str:
        """``variant/seed``: names the run in progress events and stop requests."""
        return f"{self.variant}/{self.seed}"


@dataclass(frozen=True, eq=False)
class ExperimentResult:
    """A whole experiment: options, variants, runs (variant-major, seed-minor), what to draw, and provenance.

    ``title`` and ``question`` are English, marked for the Korean catalogue (the deck's question the
    experiment answers). ``x_curve``/``y_curve`` name the curves the view plots, ``y_label`` its axis;
    ``status`` is ``running``, ``finished`` or ``stopped``; ``versions`` the software that made it.
    """

    config: ExperimentConfig
    title: str
    question: str
    variants: tuple[Variant, ...]
    figures: tuple[FigureSpec, ...]
    x_curve: str
    y_curve: str
    y_label: str
    runs: tuple[ExperimentRun, ...]
    status: str
    device: str
    created: str
    train_images: int = 0
    test_images: int = 0
    versions: Mapping[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.config.name

    def runs_of(self, variant: str) -> tuple[ExperimentRun, ...]:
        return tuple(run for run in self.runs if run.variant == variant)

    def with_run(self, run: ExperimentRun) -> ExperimentResult:
        """This result with ``run`` replacing the run of the same key (or added)."""
        runs = [r for r in self.runs if r.key != run.key]
        order = {variant.key: index for index, variant in enumerate(self.variants)}
        runs = sorted([*runs, run], key=lambda r: (order.get(r.variant, len(order)), r.seed))
        return replace(self, runs=tuple(runs))


def seed_spread(runs: tuple[ExperimentRun, ...], x_curve: str, y_curve: str
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Mean, lowest and highest of ``y_curve`` over ``runs`` at each ``x`` all of them reached.

    Returns ``(x, mean, low, high)``, empty when a run has no point yet. Runs of one variant share their x
    (the same steps or batch sizes), so the curves are cut to the shortest and averaged point by point.
    """
    pairs = [(run.curves.get(x_curve), run.curves.get(y_curve)) for run in runs]
    pairs = [(x, y) for x, y in pairs if x is not None and y is not None]
    if not pairs:
        empty = np.zeros(0)
        return empty, empty, empty, empty
    length = min(min(len(x), len(y)) for x, y in pairs)
    x = np.asarray(pairs[0][0][:length], dtype=np.float64)
    values = np.stack([np.asarray(y[:length], dtype=np.float64) for _, y in pairs])
    return x, values.mean(axis=0), values.min(axis=0), values.max(axis=0)


def versions() -> dict[str, str]:
    """The software a result was made with, for its file."""
    import torch

    return {"python": platform.python_version(), "torch": torch.__version__, "numpy": np.__version__,
            "platform": platform.platform(terse=True)}


# ---------------------------------------------------------------- files


def fallback_folder() -> Path:
    """Where a finished result goes when its own destination has become unwritable meanwhile."""
    return Path(tempfile.gettempdir()) / "cnn-casebook"


def save_result(result: ExperimentResult, path: str | Path) -> Path:
    """Write ``result`` to ``path`` as JSON through a temporary file renamed into place; returns the path.

    A result is never lost: when ``path`` cannot be written (it became a folder, the disk filled) it goes to
    :func:`fallback_folder` and that path is returned instead; UserInputError only when neither can be written.
    """
    return save_text(json.dumps(_result_to_dict(result), separators=(",", ":"), allow_nan=False), path)


def save_text(data: str, path: str | Path) -> Path:
    """Write ``data`` to ``path`` whole (or, when it cannot be written, to :func:`fallback_folder`); returns
    where it went. UserInputError only when neither place can be written."""
    path = Path(path)
    try:
        return _write_whole(path, data)
    except OSError as error:
        _log.warning("%s cannot be written: %s", path, error)
    spare = fallback_folder() / f"{path.stem}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.json"
    try:
        spare.parent.mkdir(parents=True, exist_ok=True)
        return _write_whole(spare, data)
    except OSError as error:
        _log.warning("%s cannot be written either: %s", spare, error)
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "The result could not be saved to {path} nor to {spare}; free some disk space."),
            path=path, spare=spare)) from None


def _write_whole(path: Path, data: str) -> Path:
    temporary = path.with_name(path.name + ".partial")
    try:
        temporary.write_text(data, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)  # no half file left behind
        raise
    return path


def _result_to_dict(result: ExperimentResult) -> dict:
    return {
        "format": FORMAT, "version": VERSION, "config": result.config.to_dict(), "title": result.title,
        "question": result.question, "variants": [asdict(v) for v in result.variants],
        "figures": [asdict(f) for f in result.figures], "x_curve": result.x_curve, "y_curve": result.y_curve,
        "y_label": result.y_label, "status": result.status, "device": result.device, "created": result.created,
        "train_images": result.train_images, "test_images": result.test_images,
        "versions": dict(result.versions), "runs": [_run_to_dict(run) for run in result.runs],
    }


def _run_to_dict(run: ExperimentRun) -> dict:
    return {
        "variant": run.variant, "seed": run.seed, "status": run.status, "seconds": round(run.seconds, 3),
        "figures": {key: _number(value) for key, value in run.figures.items()},
        "curves": {key: [_number(v) for v in np.asarray(values, dtype=np.float64).ravel()]
                   for key, values in run.curves.items()},
    }


def _number(value: float) -> float | None:
    """JSON has no NaN: a value not measured is written as null."""
    value = float(value)
    return float(f"{value:.6g}") if math.isfinite(value) else None


def load_result(path: str | Path) -> ExperimentResult:
    """Read a result written by :func:`save_result`, checking every field.

    Raises
    ------
    UserInputError
        When the file cannot be read, is not an experiment result, or is damaged; the message names the file.
    """
    path = Path(path)
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} does not exist."), path=path)) from None
    except (OSError, ValueError, RecursionError) as error:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} cannot be read ({error})."),
                                  path=path, error=type(error).__name__)) from None
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{path} is not an experiment result (made by `python main.py experiment`)."), path=path))
    try:
        return _result_from_dict(content)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as error:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} is damaged ({error})."),
                                  path=path, error=f"{type(error).__name__}: {error}")) from None


def _result_from_dict(content: dict) -> ExperimentResult:
    config = ExperimentConfig.from_dict(_mapping(content["config"]))
    variants = tuple(Variant(_string(v["key"]), _string(v["label"])) for v in content["variants"])
    figures = tuple(FigureSpec(_string(f["key"]), _string(f["label"]), _choice(f["kind"], FIGURE_KINDS))
                    for f in content["figures"])
    known = {variant.key for variant in variants}
    runs = tuple(_run_from_dict(_mapping(entry), known) for entry in content["runs"])
    return ExperimentResult(
        config=config, title=_string(content["title"]), question=_string(content["question"]), variants=variants,
        figures=figures, x_curve=_string(content["x_curve"]), y_curve=_string(content["y_curve"]),
        y_label=_string(content["y_label"]), runs=runs, status=_choice(content["status"], RESULT_STATUSES),
        device=_string(content["device"]), created=_string(content["created"]),
        train_images=int(content.get("train_images", 0)), test_images=int(content.get("test_images", 0)),
        versions={_string(k): _string(v) for k, v in _mapping(content.get("versions", {})).items()},
    )


def _run_from_dict(entry: dict, variants: set[str]) -> ExperimentRun:
    variant = _string(entry["variant"])
    if variant not in variants:
        raise ValueError(f"a run of variant {variant!r}, which the result does not name")
    curves = {_string(key): _read_only(np.array([math.nan if v is None else float(v) for v in values],
                                                dtype=np.float64))
              for key, values in _mapping(entry["curves"]).items()}
    figures = {_string(key): math.nan if value is None else float(value)
               for key, value in _mapping(entry["figures"]).items()}
    return ExperimentRun(variant=variant, seed=int(entry["seed"]), status=_choice(entry["status"], RUN_STATUSES),
                         curves=curves, figures=figures, seconds=float(entry["seconds"]))


def _mapping(value) -> dict:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, found {type(value).__name__}")
    return value


def _string(value) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _choice(value, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
    return value


def _read_only(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def result_path(out: str | Path, stem: str) -> Path:
    """Where a result goes: ``out`` itself when it names a ``.json`` file, else a new file in the folder ``out``
    (``<stem>-<date>-<time>.json``, numbered when taken); checked writable before any work starts.

    Raises
    ------
    UserInputError
        When ``out`` is a folder named like a file, its folder cannot be made, or it cannot be written.
    """
    target = Path(out).expanduser()
    if target.suffix.lower() != ".json":
        base = target / f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}"
        target, number = base.with_suffix(".json"), 1
        while target.exists():
            number += 1
            target = base.with_name(f"{base.name}-{number}.json")
    if target.is_dir():
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{path} is a folder, not a file; give a file name ending in .json, or a folder without the "
            ".json ending."), path=target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "The folder {folder} cannot be made ({error}); choose another with --out."),
            folder=target.parent, error=error.strerror or type(error).__name__)) from None
    if not writable(target):
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{path} cannot be written; choose another place with --out."), path=target))
    return target


def writable(target: Path) -> bool:
    """Whether ``target`` can be written, found by writing (``os.access`` says yes to root, and knows nothing of
    read-only mounts): a probe file beside it, removed at once; an existing file is opened, not changed."""
    if target.exists():
        try:
            with target.open("r+b"):
                pass
        except OSError:
            return False
    probe = target.with_name(f".{target.name}.{os.getpid()}.probe")
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return False
    return True
