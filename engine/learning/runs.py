"""Training runs on disk: one folder per run with its configuration, metrics and checkpoints.

A run folder holds ``config.json`` (the options it was started with), ``metrics.csv`` (one row per step and
one per epoch, for a spreadsheet), ``metrics.json`` (the same, for reopening the run in the app), and the
checkpoints ``last.pt`` and ``best.pt`` written by the trainer. ``metrics.json`` is rewritten whole, through a
temporary file renamed into place, after every epoch and when the run ends, so a run stopped at any moment
leaves readable files. When the ``tensorboard`` package is installed the metrics are also written as
TensorBoard event files in ``tensorboard/``.

Torch is only imported for TensorBoard, so listing and reopening runs stays cheap.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import os
import time
from pathlib import Path

import numpy as np

from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = ["RunRecorder", "DEFAULT_RUNS_FOLDER", "CSV_COLUMNS", "list_runs", "load_run"]

DEFAULT_RUNS_FOLDER = "runs"
CSV_COLUMNS = ("kind", "epoch", "step", "loss", "smoothed_loss", "lr", "train_loss", "train_accuracy",
               "test_loss", "test_accuracy", "seconds")
_EPOCH_FIELDS = ("epoch", "step", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "lr", "seconds")
_STEP_FIELDS = ("step", "epoch", "loss", "smoothed", "lr")


class RunRecorder:
    """Keeps one run's metrics in memory (for the events) and on disk (for people and for reopening).

    The per-step history lives in numpy arrays that only ever grow: :meth:`step_arrays` hands out read-only
    views of the filled part, which the recorder never writes again (a full array is replaced by a larger
    copy), so an event can carry them to the GUI thread without copying.

    Parameters
    ----------
    folder : Path
        The run's folder, created here; it must not exist yet.
    header : dict
        Plain values saved at the top of ``metrics.json``: ``run_id``, ``label``, ``model``, ``dataset``,
        ``epochs``.
    config : dict
        The run's options, saved as ``config.json``.
    """

    def __init__(self, folder: Path, header: dict, config: dict) -> None:
        folder.mkdir(parents=True, exist_ok=False)
        self.folder = folder
        self._header = dict(header)
        self._steps = np.zeros((len(_STEP_FIELDS), 1024))
        self._count = 0
        self._epochs: list[dict] = []
        _write_json(folder / "config.json", config)
        self._csv_file = (folder / "metrics.csv").open("w", newline="", encoding="utf-8")
        self._csv = csv.writer(self._csv_file)
        self._csv.writerow(CSV_COLUMNS)
        self._tensorboard = _tensorboard_writer(folder / "tensorboard")
        self._write_metrics("running", "")

    @classmethod
    def create(cls, root: str | Path, name: str, header: dict, config: dict) -> RunRecorder:
        """A recorder in a new folder under ``root`` named ``name`` (``-2``, ``-3``... added if it is taken)."""
        root = Path(root)
        folder, number = root / name, 1
        while folder.exists():
            number += 1
            folder = root / f"{name}-{number}"
        try:
            return cls(folder, {**header, "run_id": folder.name}, config)
        except OSError as error:
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "The runs folder {folder} cannot be written to ({error}); choose another one."),
                folder=root, error=error.strerror or error)) from None

    @property
    def run_id(self) -> str:
        return self.folder.name

    def add_step(self, step: int, epoch: int, loss: float, smoothed: float, lr: float) -> None:
        if self._count == self._steps.shape[1]:
            self._steps = np.concatenate([self._steps, np.zeros_like(self._steps)], axis=1)
        self._steps[:, self._count] = (step, epoch, loss, smoothed, lr)
        self._count += 1
        self._csv.writerow(("step", epoch, step, _number(loss), _number(smoothed), _number(lr), "", "", "", "", ""))
        if self._tensorboard is not None:
            self._tensorboard.add_scalar("loss/step", loss, step)
            self._tensorboard.add_scalar("learning_rate", lr, step)

    def add_epoch(self, record: dict) -> None:
        """``record`` holds the fields of an ``engine.runtime.events.TrainingEpoch`` (less ``run_id``)."""
        self._epochs.append({field: record[field] for field in _EPOCH_FIELDS})
        self._csv.writerow(("epoch", record["epoch"], record["step"], "", "", _number(record["lr"]),
                            *(_number(record[k]) for k in _EPOCH_FIELDS[2:6]), f"{record['seconds']:.3f}"))
        self._csv_file.flush()
        if self._tensorboard is not None:
            for key in _EPOCH_FIELDS[2:6]:
                self._tensorboard.add_scalar(key.replace("_", "/", 1), record[key], record["epoch"])
            self._tensorboard.flush()
        self._write_metrics("running", "")

    def step_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Read-only ``(steps, losses, smoothed, lrs)`` of every step so far."""
        views = [self._steps[row, : self._count] for row in (0, 2, 3, 4)]  # basic slices: views, not copies
        for view in views:
            view.setflags(write=False)
        return views[0], views[1], views[2], views[3]

    def close(self, status: str, message: str = "") -> None:
        """Flush and close every file; ``status`` (``finished``, ``stopped``, ``failed``) goes into the metrics.

        Only the first call counts: a run's end is recorded once.
        """
        if self._csv_file.closed:
            return
        self._csv_file.close()
        if self._tensorboard is not None:
            self._tensorboard.close()
        self._write_metrics(status, message)

    def _write_metrics(self, status: str, message: str) -> None:
        count = self._count
        steps = {field: self._steps[i, :count].tolist() for i, field in enumerate(_STEP_FIELDS)}
        steps["step"] = [int(s) for s in steps["step"]]
        steps["epoch"] = [int(e) for e in steps["epoch"]]
        _write_json(self.folder / "metrics.json", {**self._header, "status": status, "message": message,
                                                   "updated": time.strftime("%Y-%m-%d %H:%M:%S"),
                                                   "steps": steps, "epoch_metrics": self._epochs})


def list_runs(root: str | Path) -> tuple[ev.RunSummary, ...]:
    """The runs saved under ``root``, oldest first; folders that are not readable runs are left out."""
    root = Path(root)
    if not root.is_dir():
        return ()
    runs = []
    for folder in sorted(path for path in root.iterdir() if path.is_dir()):
        try:
            metrics = _read_json(folder / "metrics.json")
        except UserInputError:
            continue
        accuracies = [e.get("test_accuracy") for e in metrics.get("epoch_metrics", [])]
        accuracies = [a for a in accuracies if isinstance(a, (int, float))]
        runs.append(ev.RunSummary(
            run_id=folder.name, path=str(folder), label=str(metrics.get("label", folder.name)),
            model=str(metrics.get("model", "")), dataset=str(metrics.get("dataset", "")),
            status=str(metrics.get("status", "")), epochs_done=len(accuracies),
            epochs=int(metrics.get("epochs", 0)), best_test_accuracy=max(accuracies, default=None),
        ))
    return tuple(runs)


def load_run(path: str | Path) -> ev.RunMetrics:
    """The saved curves of the run in the folder ``path``.

    Raises
    ------
    UserInputError
        When the folder holds no readable ``metrics.json``.
    """
    folder = Path(path)
    metrics = _read_json(folder / "metrics.json")
    try:
        steps = metrics["steps"]
        epochs = metrics["epoch_metrics"]
        step_columns = [_array(steps[field]) for field in ("step", "loss", "smoothed", "lr")]
        epoch_columns = [_array([e[field] for e in epochs]) for field in
                         ("epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy")]
    except (KeyError, TypeError, ValueError) as error:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} is damaged (no {error})."),
                                  path=folder / "metrics.json", error=error)) from None
    return ev.RunMetrics(str(metrics.get("run_id", folder.name)), str(folder),
                         str(metrics.get("label", folder.name)), *step_columns, *epoch_columns)


def _array(values: list) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1:
        raise ValueError("a list of numbers")
    array.setflags(write=False)
    return array


def _number(value: float) -> str:
    return repr(float(value)) if math.isfinite(value) else str(value)


def _write_json(path: Path, content: dict) -> None:
    # Through a temporary file renamed into place: a run stopped mid-write keeps the previous whole file.
    temporary = path.with_name(path.name + ".partial")
    temporary.write_text(json.dumps(content, indent=1), encoding="utf-8")
    os.replace(temporary, path)


def _read_json(path: Path) -> dict:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{folder} is not a training run (it has no {file})."),
                                  folder=path.parent, file=path.name)) from None
    except (OSError, ValueError) as error:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} cannot be read ({error})."),
                                  path=path, error=error)) from None
    if not isinstance(content, dict):
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} is not a run's metrics file."), path=path))
    return content


def _tensorboard_writer(folder: Path):
    """TensorBoard's writer when the ``tensorboard`` package is installed, else None (it is optional)."""
    if importlib.util.find_spec("tensorboard") is None:
        return None
    from torch.utils.tensorboard import SummaryWriter

    return SummaryWriter(str(folder))
