"""Training runs on disk: one folder per run with its configuration, metrics and checkpoints.

A run folder holds ``config.json`` (the options it was started with), ``metrics.csv`` (one row per step and
one per epoch, for a spreadsheet), ``metrics.json`` (the same, for reopening the run in the app), and the
checkpoints ``last.pt`` and ``best.pt`` written by the trainer. ``metrics.json`` is rewritten whole, through a
temporary file renamed into place, after every epoch and when the run ends, so a run stopped at any moment
leaves readable files. When the ``tensorboard`` package is installed the metrics are also written as
TensorBoard event files in ``tensorboard/``. ``log.txt`` collects what the run has to say besides its
figures (images it skipped, why it stopped, a library's own error text).

While a recorder is open it holds a lock on ``running.lock`` in the folder (released by the system however the
process ends, even on SIGKILL): a folder whose ``metrics.json`` says ``running`` but whose lock nobody holds
belongs to a process that was killed, and is listed as ``interrupted``.

Torch is only imported for TensorBoard, so listing and reopening runs stays cheap.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import logging
import math
import os
import time
from pathlib import Path

try:  # POSIX; on Windows a run left "running" by a killed process stays listed as running
    import fcntl
except ImportError:  # pragma: no cover - not on the CI's platforms
    fcntl = None

import numpy as np

from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = ["RunRecorder", "DEFAULT_RUNS_FOLDER", "CSV_COLUMNS", "LOCK_FILE", "LOG_FILE", "list_runs", "load_run"]

_log = logging.getLogger(__name__)
DEFAULT_RUNS_FOLDER = "runs"
CSV_COLUMNS = ("kind", "epoch", "step", "loss", "smoothed_loss", "lr", "train_loss", "train_accuracy",
               "test_loss", "test_accuracy", "seconds")
_EPOCH_FIELDS = ("epoch", "step", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "lr", "seconds")
_STEP_FIELDS = ("step", "epoch", "loss", "smoothed", "lr")
_STATUSES = ("running", "finished", "stopped", "failed")
LOCK_FILE = "running.lock"
LOG_FILE = "log.txt"


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
        self._lock = _hold_lock(folder / LOCK_FILE)
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

    def log(self, line: str) -> None:
        """Add ``line`` to the run's ``log.txt`` (with the time): what a person reading the folder should know."""
        try:
            with (self.folder / LOG_FILE).open("a", encoding="utf-8") as file:
                file.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')}  {line}\n")
        except OSError:
            pass  # the log is a courtesy: a full disk must not end the run

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
        if message:
            self.log(f"{status}: {message}")
        if self._lock is not None:
            self._lock.close()  # releases the lock: the run is over
            self._lock = None

    def _write_metrics(self, status: str, message: str) -> None:
        count = self._count
        steps = {field: self._steps[i, :count].tolist() for i, field in enumerate(_STEP_FIELDS)}
        steps["step"] = [int(s) for s in steps["step"]]
        steps["epoch"] = [int(e) for e in steps["epoch"]]
        _write_json(self.folder / "metrics.json", {**self._header, "status": status, "message": message,
                                                   "updated": time.strftime("%Y-%m-%d %H:%M:%S"),
                                                   "steps": steps, "epoch_metrics": self._epochs})


def list_runs(root: str | Path) -> tuple[ev.RunSummary, ...]:
    """The runs saved under ``root``, oldest first.

    A folder with no ``metrics.json`` is not a run and is left out. A run whose files are damaged is listed
    with the status ``damaged`` and the reason in ``problem``, so that one bad folder hides none of the others;
    a run that says ``running`` while no process holds its lock is listed as ``interrupted``.
    """
    root = Path(root)
    try:
        folders = sorted(path for path in root.iterdir() if path.is_dir()) if root.is_dir() else []
    except OSError:
        return ()
    runs = []
    for folder in folders:
        if not (folder / "metrics.json").exists():
            continue
        try:
            runs.append(_summary(folder))
        except UserInputError as error:
            runs.append(ev.RunSummary(run_id=folder.name, path=str(folder), label=folder.name, model="", dataset="",
                                      status="damaged", epochs_done=0, epochs=0, best_test_accuracy=None,
                                      problem=str(error)))
    return tuple(runs)


def _summary(folder: Path) -> ev.RunSummary:
    metrics = _read_json(folder / "metrics.json")
    path = folder / "metrics.json"
    epochs = metrics.get("epoch_metrics", [])
    if not isinstance(epochs, list) or not all(isinstance(e, dict) for e in epochs):
        raise _damaged(path, QT_TRANSLATE_NOOP("engine", "its epoch figures are not a list of records"))
    accuracies = [e.get("test_accuracy") for e in epochs]
    accuracies = [float(a) for a in accuracies if isinstance(a, (int, float)) and not isinstance(a, bool)
                  and math.isfinite(a)]
    planned = metrics.get("epochs", 0)
    if isinstance(planned, bool) or not isinstance(planned, int) or planned < 0:
        raise _damaged(path, QT_TRANSLATE_NOOP("engine", "its number of epochs is not a whole number"))
    status = metrics.get("status")
    if status not in _STATUSES:
        raise _damaged(path, QT_TRANSLATE_NOOP("engine", "it does not say whether the run finished"))
    if status == "running" and not is_held(folder):
        status = "interrupted"
    return ev.RunSummary(
        run_id=folder.name, path=str(folder), label=str(metrics.get("label", folder.name)),
        model=str(metrics.get("model", "")), dataset=str(metrics.get("dataset", "")), status=status,
        epochs_done=len(accuracies), epochs=planned, best_test_accuracy=max(accuracies, default=None),
        problem=str(metrics.get("message", "")) if status in ("failed", "stopped", "interrupted") else "",
    )


def is_held(folder: str | Path) -> bool:
    """True while a process (this one included) records the run in ``folder``; False once it has ended, however.

    Without the lock (a folder from before it existed, or Windows) a run that says running is believed.
    """
    lock = Path(folder) / LOCK_FILE
    if fcntl is None or not lock.exists():
        return fcntl is None
    try:
        with lock.open("a") as file:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(file, fcntl.LOCK_UN)
    except BlockingIOError:
        return True
    except OSError:
        return True  # cannot tell: believe the file
    return False


def load_run(path: str | Path) -> ev.RunMetrics:
    """The saved curves of the run in the folder ``path``.

    Raises
    ------
    UserInputError
        When the folder holds no readable ``metrics.json``, or one whose columns are not lists of numbers of
        the same length.
    """
    folder = Path(path)
    file = folder / "metrics.json"
    metrics = _read_json(file)
    steps, epochs = metrics.get("steps"), metrics.get("epoch_metrics")
    if not isinstance(steps, dict) or not isinstance(epochs, list) or not all(isinstance(e, dict) for e in epochs):
        raise _damaged(file, QT_TRANSLATE_NOOP("engine", "it has no step and epoch figures"))
    try:
        step_columns = [_array(steps[field]) for field in ("step", "loss", "smoothed", "lr")]
        epoch_columns = [_array([e[field] for e in epochs]) for field in
                         ("epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy")]
    except (KeyError, TypeError, ValueError, OverflowError):
        raise _damaged(file, QT_TRANSLATE_NOOP("engine", "a column of figures is missing or not numbers")) from None
    if len({len(column) for column in step_columns}) > 1:
        raise _damaged(file, QT_TRANSLATE_NOOP("engine", "its step columns have different lengths"))
    return ev.RunMetrics(str(metrics.get("run_id", folder.name)), str(folder),
                         str(metrics.get("label", folder.name)), *step_columns, *epoch_columns)


def _damaged(path: Path, reason: str) -> UserInputError:
    """The one sentence for a damaged run file; ``reason`` is a ``QT_TRANSLATE_NOOP`` phrase."""
    return UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} is damaged: {reason}."), path=path,
                               reason=text(reason)))


def _hold_lock(path: Path):
    """``path`` open and locked for as long as the recorder runs; None where there is no ``fcntl``."""
    if fcntl is None:
        return None
    try:
        file = path.open("w")
        fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return None  # the run goes on; it only cannot be told apart from a killed one later
    return file


def _array(values: list) -> np.ndarray:
    if not isinstance(values, list) or not all(
            v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in values):
        raise ValueError("a list of numbers")
    array = np.asarray([math.nan if v is None else v for v in values], dtype=np.float64)
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
    except (OSError, ValueError, RecursionError) as error:
        _log.warning("%s cannot be read: %s", path, error)
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{path} cannot be read: it is not a readable JSON file."), path=path)) from None
    if not isinstance(content, dict):
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} is not a run's metrics file."), path=path))
    return content


def _tensorboard_writer(folder: Path):
    """TensorBoard's writer when the ``tensorboard`` package is installed, else None (it is optional)."""
    if importlib.util.find_spec("tensorboard") is None:
        return None
    from torch.utils.tensorboard import SummaryWriter

    return SummaryWriter(str(folder))
