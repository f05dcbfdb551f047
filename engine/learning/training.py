"""Training as a generator of events: the same trainer serves the window, the command line and the tests.

:func:`run_training` yields an immutable event after every batch (and the epoch figures, a probe of what the
network makes of one test image every few seconds, the checkpoints it saves, then how the run ended). Whoever
drives it decides what to do between two batches: the engine thread serves waiting quick requests there (a
dropped image's feature maps, the pause and stop buttons), the command line draws a progress bar. A stop flag
is read before every batch, so a run ends within one batch of being asked to, with its files intact.

Inputs are adapted to the model (channels and size) by :func:`engine.data.datasets.make_dataset`, then
normalised with the per-channel mean and standard deviation of the training images, which the checkpoints
record. The seed fixes the initial weights and the order of the batches (each epoch's order from the seed
and the epoch number alone, so a resumed run sees the batches the full run would have seen).

Torch is imported inside the functions that need it, so the window can import this module cheaply.
"""

from __future__ import annotations

import json
import logging
import math
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine.data.datasets import DATASET_NAMES, make_dataset
from engine.learning.runs import DEFAULT_RUNS_FOLDER, RunRecorder, list_runs, load_run
from engine.learning.transfer import check_transfer, freeze, has_pretrained_source, pretrained_model
from engine.models.checkpoints import Checkpoint, load_checkpoint, save_checkpoint
from engine.models.prepare import fetch_dataset
from engine.models.zoo import get_info, list_models
from engine.runtime import events as ev
from engine.runtime.device import PREFERENCES
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

_log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_LR",
    "MAX_BATCH_SIZE",
    "MAX_EPOCHS",
    "MAX_LR",
    "OPTIMIZERS",
    "SCHEDULES",
    "TrainConfig",
    "channel_statistics",
    "check_batch_fits",
    "check_whole",
    "config_from_args",
    "cpu_training_threads",
    "make_optimizer",
    "run_training",
    "scheduled_learning_rate",
    "train_cli",
    "trainable_models",
    "training_events",
]

OPTIMIZERS = ("sgd", "adam")
SCHEDULES = ("constant", "cosine", "step")
DEFAULT_LR = {"sgd": 0.01, "adam": 0.001}
MAX_EPOCHS = 1000
MAX_BATCH_SIZE = 4096
MAX_LR = 10.0
MAX_WEIGHT_DECAY = 1.0
SGD_MOMENTUM = 0.9
PROBE_SECONDS = 3.0
_SMOOTHING = 0.95          # exponential moving average of the step loss, debiased like TensorBoard's
_STATS_SAMPLES = 512       # training images the normalisation is measured on, spread evenly over the set
_RATE_WINDOW_S = 3.0       # images per second over the last few seconds: steady, yet quick to follow a change
_TEST_COST = 1 / 3         # a test image costs about a third of a training image (no backward pass)
_PAUSE_POLL_S = 0.05
# A loss that stays finite can still have diverged (SGD at a learning rate of 10 climbs to hundreds, a ResNet's
# test loss to 1e11). Against the larger of the first step's loss and chance level's (ln of the class count):
_DIVERGED_FACTOR = 10.0    # a step's (or the test set's) loss this many times above it: diverged at once
_STUCK_FACTOR = 3.0        # the smoothed loss this many times above it...
_STUCK_STEPS = 100         # ...for this many steps in a row: diverged too


@dataclass(frozen=True)
class TrainConfig:
    """Everything a training run needs to know, checked by :meth:`validate` before anything starts.

    ``lr`` None means the optimiser's usual default (``DEFAULT_LR``). ``schedule``: ``constant``, ``cosine``
    (from ``lr`` to zero over the run, step by step) or ``step`` (a tenth at half and at three quarters of the
    epochs). ``amp`` uses mixed precision on CUDA (ignored elsewhere). ``transfer`` starts from the model's
    pretrained weights with a new classifier and freezes layers after the lecture's case (``engine.learning.transfer``);
    ``"none"`` starts from random weights. ``resume`` is a checkpoint to go on from: its weights and epoch; the
    run then trains up to ``epochs`` in all. ``out_dir`` is the runs folder.
    """

    model: str = "lenet5"
    dataset: str = "digits"
    epochs: int = 3
    batch_size: int = 32
    lr: float | None = None
    optimizer: str = "adam"
    schedule: str = "constant"
    weight_decay: float = 0.0
    augment: bool = False
    transfer: str = "none"
    seed: int = 0
    device: str = "auto"
    amp: bool = True
    data_root: str | None = None
    download: bool = False
    out_dir: str = DEFAULT_RUNS_FOLDER
    resume: str | None = None

    @property
    def learning_rate(self) -> float:
        return self.lr if self.lr is not None else DEFAULT_LR.get(self.optimizer, 0.0)

    def validate(self) -> TrainConfig:
        """Refuse absurd options before a run starts.

        Returns
        -------
        TrainConfig
            ``self``, so that ``TrainConfig(...).validate()`` reads as one step.

        Raises
        ------
        UserInputError
            Naming the option, the value given and what is accepted.
        """
        info = get_info(self.model)
        if info.input_shape[0] not in (1, 3):
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "{model} is a building block, not a network that classifies images; train one of {models}"),
                model=info.title, models=", ".join(trainable_models())))
        if self.dataset not in DATASET_NAMES and not self.dataset.startswith("folder:"):
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "unknown data set {given}; use one of {names} or folder:PATH"),
                given=repr(self.dataset), names=", ".join(DATASET_NAMES)))
        check_whole(text(QT_TRANSLATE_NOOP("engine", "epochs")), self.epochs, MAX_EPOCHS)
        check_whole(text(QT_TRANSLATE_NOOP("engine", "batch size")), self.batch_size, MAX_BATCH_SIZE)
        check_whole(text(QT_TRANSLATE_NOOP("engine", "seed")), self.seed, 2**32 - 1, minimum=0)
        _check_choice(text(QT_TRANSLATE_NOOP("engine", "optimizer")), self.optimizer, OPTIMIZERS)
        _check_choice(text(QT_TRANSLATE_NOOP("engine", "schedule")), self.schedule, SCHEDULES)
        _check_choice(text(QT_TRANSLATE_NOOP("engine", "device")), self.device, PREFERENCES)
        check_transfer(self.transfer)
        if self.transfer != "none" and not has_pretrained_source(self.model):
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "{model} has no pretrained weights to start from; transfer learning works with {models}"),
                model=info.title, models=", ".join(m for m in trainable_models() if has_pretrained_source(m))))
        if self.lr is not None:
            _check_real(text(QT_TRANSLATE_NOOP("engine", "learning rate")), self.lr, MAX_LR, zero_allowed=False)
        _check_real(text(QT_TRANSLATE_NOOP("engine", "weight decay")), self.weight_decay, MAX_WEIGHT_DECAY,
                    zero_allowed=True)
        return self

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def trainable_models() -> list[str]:
    """Zoo models that classify images (the single Inception and NiN blocks take feature maps instead)."""
    return [name for name in list_models() if get_info(name).input_shape[0] in (1, 3)]


def config_from_args(args) -> TrainConfig:
    """A checked :class:`TrainConfig` from the ``train`` command's options (``main.py``): what is not given comes
    from the model's recipe for the data set (``engine.learning.recipes``)."""
    from engine.learning.recipes import recipe_for

    recipe = recipe_for(args.model, args.dataset)
    optimizer = args.optimizer or recipe.optimizer
    # The recipe's rate belongs to its optimiser: with another one, that optimiser's usual rate (DEFAULT_LR).
    lr = args.lr if args.lr is not None else recipe.lr if optimizer == recipe.optimizer else None

    def given(value, default):
        return default if value is None else value

    return TrainConfig(
        model=args.model, dataset=args.dataset, epochs=args.epochs, batch_size=given(args.batch_size,
        recipe.batch_size), lr=lr, optimizer=optimizer, schedule=given(args.schedule, recipe.schedule),
        weight_decay=given(args.weight_decay, recipe.weight_decay), augment=args.augment,
        transfer=args.transfer, seed=args.seed, device=getattr(args, "device", None) or "auto",
        data_root=args.data_root, download=args.download, out_dir=args.out or DEFAULT_RUNS_FOLDER, resume=args.resume,
    ).validate()


def cpu_training_threads() -> int:
    """Threads a run on the CPU uses: all but one, which is left to the window so that it stays responsive.

    On a small machine this matters twice over: the window's thread and torch's threads no longer fight for
    the same cores, and small networks such as LeNet-5 run faster on fewer threads anyway.
    """
    import torch

    return max(1, torch.get_num_threads() - 1)


def _never() -> bool:
    return False


def run_training(config: TrainConfig, device=None, should_stop: Callable[[], bool] = _never,
                 is_paused: Callable[[], bool] = _never, wait: Callable[[float], None] = time.sleep,
                 probe_seconds: float = PROBE_SECONDS) -> Iterator[ev.Event]:
    """Train ``config.model`` on ``config.dataset``, yielding events as it goes.

    Parameters
    ----------
    config : TrainConfig
        The run's options; validated here first.
    device : torch.device, optional
        Where to train; ``config.device`` resolved (CUDA, then MPS, then the CPU) when None.
    should_stop : callable
        Read before every batch; True ends the run there (``TrainingFinished`` with ``stopped``).
    is_paused : callable
        Read before every batch; while it is True the run holds, calling ``wait(seconds)`` in a loop.
    wait : callable
        How to spend a pause; the engine thread serves its waiting requests in it.
    probe_seconds : float
        Seconds between two ``TrainingProbe`` events (one also comes at the start and at the end).

    Yields
    ------
    engine.runtime.events.Event
        ``TrainingStarted``, then ``TrainingProgress`` after every batch, ``TrainingProbe`` now and then,
        ``TrainingEpoch`` and ``CheckpointSaved`` after every epoch; ``TrainingPaused`` on pausing and
        resuming; lastly ``TrainingFinished`` or ``TrainingFailed`` (loss NaN or infinite, out of memory).

    Raises
    ------
    UserInputError
        Before the first event, for bad options, a data set that cannot be read, a damaged checkpoint to
        resume or a runs folder that cannot be written.
    """
    config.validate()
    session = _Session(config, device)
    recorder = session.create_recorder()
    try:
        yield session.started_event()
        for event in session.epochs(should_stop, is_paused, wait, probe_seconds):
            # The files are complete before the last event leaves: whoever receives it may read them at once.
            if isinstance(event, ev.TrainingFailed):
                recorder.close("failed", event.message)
            elif isinstance(event, ev.TrainingFinished):
                recorder.close("stopped" if event.stopped else "finished", session.ending_note(event.stopped))
            yield event
    except (GeneratorExit, KeyboardInterrupt):
        # Ctrl+C or SIGTERM in the command line (train_cli turns SIGTERM into KeyboardInterrupt), the window
        # closing the generator: the files stay whole and say why the run ended.
        recorder.close("stopped", text(QT_TRANSLATE_NOOP(
            "engine", "The run was interrupted before it ended (Ctrl+C, a stop signal, or the window closed).")))
        raise
    except UserInputError as error:  # e.g. the data set's folder vanished mid-run
        recorder.close("failed", error)
        raise
    except Exception as error:
        recorder.log("".join(traceback.format_exception(error)))
        recorder.close("failed", text(QT_TRANSLATE_NOOP(
            "engine", "The run ended on an unexpected error ({kind}); the details are in the run's log.txt."),
            kind=type(error).__name__))
        raise
    finally:
        recorder.close("stopped")  # a no-op when the run's end is recorded above
        session.release()


class _Session:
    """One run's model, data, optimiser and bookkeeping (engine thread only)."""

    def __init__(self, config: TrainConfig, device) -> None:
        import torch

        from engine.runtime.device import pick_device

        self.config = config
        self.device, self.device_name = (device, str(device)) if device is not None else pick_device(config.device)
        self.threads = torch.get_num_threads()
        self.input_shape = get_info(config.model).input_shape
        plain_train = self._load_data()
        resumed = _checkpoint_to_resume(config, self.classes, self.input_shape)
        torch.manual_seed(config.seed)
        pretrained = None
        if config.transfer != "none" and resumed is None:
            pretrained = pretrained_model(config.model, len(self.classes))
        self.mean, self.std = _normalisation(resumed, pretrained, plain_train)
        model = pretrained.module if pretrained is not None else _build_model(config.model, len(self.classes), resumed)
        self.model = model.to(self.device)
        self.frozen = freeze(self.model, config.model, config.transfer)
        self.optimizer = make_optimizer(config, [p for p in self.model.parameters() if p.requires_grad])
        self.amp = config.amp and self.device.type == "cuda"
        self.scaler = torch.amp.GradScaler("cuda") if self.amp else None
        self.first_epoch = resumed.epoch + 1 if resumed is not None else 1
        self.steps_per_epoch = len(self.train_set) // config.batch_size  # the last partial batch is dropped
        self.test_batches = math.ceil(len(self.test_set) / config.batch_size)
        shape = (1, -1, 1, 1)
        self.mean_tensor = torch.tensor(self.mean, device=self.device).reshape(shape)
        self.std_tensor = torch.tensor(self.std, device=self.device).reshape(shape)
        self.probe_input, label = self.test_set[_typical_sample(self.test_set)]
        self.probe_label = self.classes[label]
        self.probe_layers = _probe_layers(self.model, self.input_shape)
        self.recorder: RunRecorder | None = None
        self.label = ""
        self.epochs_done = self.first_epoch - 1
        self.test_accuracy: float | None = None
        self.best_accuracy: float | None = None
        self.last_checkpoint = ""
        self.smoothed = 0.0
        self.step = (self.first_epoch - 1) * self.steps_per_epoch
        self.batches_done = 0
        self.rate = _Rate()
        self.last_probe = 0.0
        self.first_loss: float | None = None
        self.steps_high = 0
        self.skipped_logged = 0

    # ------------------------------------------------------------ set-up

    def _load_data(self):
        """The training and test sets, adapted to the model; returns the training set without augmentation."""
        config = self.config
        channels, size = self.input_shape[0], self.input_shape[1]
        augment = _augmentation(config.dataset, channels, size) if config.augment else None
        if config.download:
            fetch_dataset(config.dataset, config.data_root)
        data = dict(channels=channels, size=size, root=config.data_root)
        self.train_set = make_dataset(config.dataset, "train", augment=augment, **data)
        self.test_set = make_dataset(config.dataset, "test", **data)
        self.classes = self.train_set.classes
        check_batch_fits(config.batch_size, len(self.train_set))
        return self.train_set if augment is None else make_dataset(config.dataset, "train", **data)

    def create_recorder(self) -> RunRecorder:
        config = self.config
        stamp = time.strftime("%Y%m%d-%H%M%S")
        start = "" if config.transfer == "none" else f" · transfer: {config.transfer}"
        label = f"{config.model} · {_dataset_label(config.dataset)}{start} · {time.strftime('%H:%M:%S')}"
        header = {"label": label, "model": config.model, "dataset": config.dataset, "epochs": config.epochs,
                  "classes": list(self.classes), "mean": list(self.mean), "std": list(self.std)}
        name = f"{stamp}-{config.model}-{_dataset_label(config.dataset)}"
        self.recorder = RunRecorder.create(config.out_dir, name, header, config.to_dict())
        self.label = label
        return self.recorder

    def started_event(self) -> ev.TrainingStarted:
        return ev.TrainingStarted(
            run_id=self.recorder.run_id, run_dir=str(self.recorder.folder), label=self.label, config=self.config,
            classes=tuple(self.classes), device=self.device_name, first_epoch=self.first_epoch,
            epochs=self.config.epochs, steps_per_epoch=self.steps_per_epoch, train_images=len(self.train_set),
            test_images=len(self.test_set),
        )

    def release(self) -> None:
        import torch

        self.model = self.optimizer = None
        torch.set_num_threads(self.threads)
        if self.device.type == "cuda":
            torch.cuda.empty_cache()  # give the GPU memory back to the app's other pages

    # ------------------------------------------------------------ the run

    def epochs(self, should_stop, is_paused, wait, probe_seconds) -> Iterator[ev.Event]:
        import torch

        if self.device.type == "cpu":
            torch.set_num_threads(cpu_training_threads())  # restored by release()
        started = time.monotonic()
        outcome = None
        try:
            yield self.probe()
            for epoch in range(self.first_epoch, self.config.epochs + 1):
                outcome = yield from self._epoch(epoch, should_stop, is_paused, wait, probe_seconds)
                if outcome is not None:
                    break
            if not isinstance(outcome, ev.TrainingFailed):
                yield self.probe()  # the network as the run leaves it
        except torch.cuda.OutOfMemoryError:
            outcome = self._out_of_memory()
        if isinstance(outcome, ev.TrainingFailed):
            yield outcome
            return
        yield ev.TrainingFinished(self.recorder.run_id, str(self.recorder.folder), outcome == "stopped",
                                  self.epochs_done, self.test_accuracy, self.best_accuracy,
                                  time.monotonic() - started)

    def _epoch(self, epoch: int, should_stop, is_paused, wait, probe_seconds) -> Iterator[ev.Event]:
        """Train, test, record and save one epoch; returns None, ``"stopped"`` or a ``TrainingFailed``."""
        started = time.monotonic()
        totals = _Totals()
        self._train_mode()
        for images, labels in self._loader(self.train_set, shuffle_epoch=epoch):
            if (yield from self._hold(should_stop, is_paused, wait)):
                return "stopped"
            loss = self._train_step(images, labels, epoch, totals)
            if not math.isfinite(loss) or self._running_away(loss):
                return self._diverged(loss, epoch)
            yield self._progress("train", epoch)
            if time.monotonic() - self.last_probe >= probe_seconds:
                yield self.probe()
        test = yield from self._evaluate(epoch, should_stop, is_paused, wait)
        self._log_skipped()
        if test is None:
            return "stopped"
        if not math.isfinite(test.mean_loss()) or test.mean_loss() > _DIVERGED_FACTOR * self._reference_loss():
            return self._diverged(test.mean_loss(), epoch, on_test=True)
        yield self._epoch_event(epoch, totals, test, time.monotonic() - started)
        yield from self._save(epoch, totals, test)
        self.epochs_done, self.test_accuracy = epoch, test.accuracy()
        return None

    def _reference_loss(self) -> float:
        """The larger of the first step's loss and chance level's (a uniform guess over the classes)."""
        chance = math.log(max(len(self.classes), 2))
        return max(chance, self.first_loss or 0.0)

    def _running_away(self, loss: float) -> bool:
        """True when a finite loss says the run has diverged: far above its start, or well above chance for
        many steps in a row."""
        if self.first_loss is None:
            self.first_loss = loss
        reference = self._reference_loss()
        if loss > _DIVERGED_FACTOR * reference:
            return True
        count = self.step - (self.first_epoch - 1) * self.steps_per_epoch
        smoothed = self.smoothed / (1 - _SMOOTHING**count)
        self.steps_high = self.steps_high + 1 if smoothed > _STUCK_FACTOR * reference else 0
        return self.steps_high >= _STUCK_STEPS

    def _log_skipped(self) -> None:
        """Note in the run's log the image files skipped because they cannot be read (each once)."""
        skipped = {**self.train_set.skipped, **self.test_set.skipped}
        if len(skipped) > self.skipped_logged:
            for path, reason in list(skipped.items())[self.skipped_logged:]:
                self.recorder.log(f"skipped {path}: {reason}")
            self.skipped_logged = len(skipped)

    def ending_note(self, stopped: bool) -> str:
        """What ``metrics.json`` says about how a run that did not fail ended: why it stopped, what it skipped."""
        self._log_skipped()
        parts = []
        if stopped:
            parts.append(text(QT_TRANSLATE_NOOP("engine", "Stopped on request at step {step} (epoch {epoch})."),
                              step=self.step, epoch=self.epochs_done + 1))
        if self.skipped_logged:
            parts.append(text(QT_TRANSLATE_NOOP(
                "engine", "{count} image files could not be read and were skipped; their names are in log.txt."),
                count=self.skipped_logged))
        return " ".join(parts)

    def _hold(self, should_stop, is_paused, wait) -> Iterator[ev.Event]:
        """Before each batch: True to stop; while paused, wait (and say so) until resumed or stopped."""
        if should_stop():
            return True
        if not is_paused():
            return False
        yield ev.TrainingPaused(self.recorder.run_id, True)
        self.rate.reset()  # the pause is not slowness: time left is measured afresh
        while is_paused() and not should_stop():
            wait(_PAUSE_POLL_S)
        if should_stop():
            return True
        yield ev.TrainingPaused(self.recorder.run_id, False)
        return False

    def _loader(self, dataset, shuffle_epoch: int | None = None):
        import torch
        from torch.utils.data import DataLoader, RandomSampler

        options = dict(batch_size=self.config.batch_size, num_workers=0, pin_memory=self.device.type == "cuda")
        if shuffle_epoch is None:
            return DataLoader(dataset, **options)
        generator = torch.Generator().manual_seed(self.config.seed * 100_003 + shuffle_epoch)
        # drop_last: a last batch of one image would break batch normalisation in training mode.
        return DataLoader(dataset, sampler=RandomSampler(dataset, generator=generator), drop_last=True, **options)

    def _train_mode(self) -> None:
        self.model.train()
        for module in self.frozen:
            module.eval()  # a frozen batch norm keeps the statistics of the data it was pretrained on

    def _normalised(self, images):
        return (images.to(self.device, non_blocking=True) - self.mean_tensor) / self.std_tensor

    def _train_step(self, images, labels, epoch: int, totals: _Totals) -> float:
        import torch
        from torch.nn import functional

        images, labels = self._normalised(images), labels.to(self.device, non_blocking=True)
        self.step += 1
        lr = scheduled_learning_rate(self.config, self.step, self.steps_per_epoch)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        with torch.autocast(self.device.type, dtype=torch.float16, enabled=self.amp):
            outputs = self.model(images)
            loss = functional.cross_entropy(outputs.float(), labels)
        self.optimizer.zero_grad(set_to_none=True)
        if self.scaler is not None:
            self.scaler.scale(loss).backward()
            self.scaler.step(self.optimizer)
            self.scaler.update()
        else:
            loss.backward()
            self.optimizer.step()
        value = loss.item()  # after the step, so the GPU is not waited for between forward and backward
        if not math.isfinite(value):
            return value
        totals.add(value, outputs, labels)
        count = self.step - (self.first_epoch - 1) * self.steps_per_epoch
        self.smoothed = _SMOOTHING * self.smoothed + (1 - _SMOOTHING) * value
        smoothed = self.smoothed / (1 - _SMOOTHING**count)
        self.recorder.add_step(self.step, epoch, value, smoothed, lr)
        self.batches_done += 1
        self.rate.add(len(labels))
        return value

    def _evaluate(self, epoch: int, should_stop, is_paused, wait) -> Iterator[ev.Event]:
        """Test loss and accuracy, yielding progress after every batch; None when stopped meanwhile."""
        import torch
        from torch.nn import functional

        totals = _Totals()
        self.model.eval()
        try:
            for images, labels in self._loader(self.test_set):
                if (yield from self._hold(should_stop, is_paused, wait)):
                    return None
                images, labels = self._normalised(images), labels.to(self.device, non_blocking=True)
                with torch.no_grad(), torch.autocast(self.device.type, dtype=torch.float16, enabled=self.amp):
                    outputs = self.model(images)
                    loss = functional.cross_entropy(outputs.float(), labels)
                totals.add(loss.item(), outputs, labels)
                self.batches_done += 1
                yield self._progress("test", epoch)
        finally:
            self._train_mode()
        return totals

    def _progress(self, phase: str, epoch: int) -> ev.TrainingProgress:
        epochs_left = self.config.epochs - epoch
        total = (self.config.epochs - self.first_epoch + 1) * (self.steps_per_epoch + self.test_batches)
        rate = self.rate.per_second()
        if phase == "train":
            in_epoch = self.step - (epoch - 1) * self.steps_per_epoch
            train_left = (self.steps_per_epoch - in_epoch + epochs_left * self.steps_per_epoch) * self.config.batch_size
            test_left = (epochs_left + 1) * len(self.test_set)
        else:
            train_left = epochs_left * self.steps_per_epoch * self.config.batch_size
            test_left = epochs_left * len(self.test_set)
        seconds_left = (train_left + test_left * _TEST_COST) / rate if rate > 0 else math.nan
        steps, losses, smoothed, lrs = self.recorder.step_arrays()
        return ev.TrainingProgress(self.recorder.run_id, phase, epoch, self.batches_done, total, rate, seconds_left,
                                   steps, losses, smoothed, lrs)

    def _epoch_event(self, epoch: int, train: _Totals, test: _Totals, seconds: float) -> ev.TrainingEpoch:
        lr = scheduled_learning_rate(self.config, self.step, self.steps_per_epoch)
        record = dict(epoch=epoch, step=self.step, train_loss=train.mean_loss(), train_accuracy=train.accuracy(),
                      test_loss=test.mean_loss(), test_accuracy=test.accuracy(), lr=lr, seconds=seconds)
        self.recorder.add_epoch(record)
        return ev.TrainingEpoch(self.recorder.run_id, **record)

    def _save(self, epoch: int, train: _Totals, test: _Totals) -> Iterator[ev.Event]:
        accuracy = test.accuracy()
        metrics = {"train_loss": train.mean_loss(), "train_accuracy": train.accuracy(),
                   "test_loss": test.mean_loss(), "test_accuracy": accuracy}
        checkpoint = Checkpoint(model=get_info(self.config.model).name, state_dict=self.model.state_dict(),
                                classes=tuple(self.classes), input_shape=tuple(self.input_shape), mean=self.mean,
                                std=self.std, dataset=self.config.dataset, epoch=epoch, metrics=metrics,
                                config=self.config.to_dict())
        folder = self.recorder.folder
        self.last_checkpoint = str(save_checkpoint(checkpoint, folder / "last.pt"))
        yield ev.CheckpointSaved(self.recorder.run_id, self.last_checkpoint, epoch, False)
        if self.best_accuracy is None or accuracy > self.best_accuracy:
            self.best_accuracy = accuracy
            yield ev.CheckpointSaved(self.recorder.run_id, str(save_checkpoint(checkpoint, folder / "best.pt")),
                                     epoch, True)

    def probe(self) -> ev.TrainingProbe:
        """What the network makes of the first test image now: two layers' maps, the first filters, its guess."""
        from engine.inspection.features import first_layer_filters, layer_activations

        self.last_probe = time.monotonic()
        batch = self._normalised(self.probe_input[None])
        output = self.probe_layers[-1]
        activations = layer_activations(self.model, batch, self.probe_layers, max_channels=16, max_size=32)
        scores = activations.pop(output).ravel()
        guess = int(np.nanargmax(scores)) if np.isfinite(scores).any() else 0
        try:
            filters = first_layer_filters(self.model)
        except UserInputError:
            filters = None
        image = self.probe_input.permute(1, 2, 0).numpy()
        image = np.ascontiguousarray(image[..., 0] if image.shape[2] == 1 else image)
        image.setflags(write=False)
        return ev.TrainingProbe(self.recorder.run_id, self.step, self.probe_label, self.classes[guess], image,
                                tuple(activations.items()), filters)

    # ------------------------------------------------------------ faults

    def _diverged(self, loss: float, epoch: int, on_test: bool = False) -> ev.TrainingFailed:
        lr = scheduled_learning_rate(self.config, self.step, self.steps_per_epoch)
        values = dict(loss=f"{loss:.4g}", step=self.step, epoch=epoch, lr=f"{lr:g}", checkpoint=self.last_checkpoint)
        kept = bool(self.last_checkpoint)
        if not math.isfinite(loss) and kept:
            message = text(QT_TRANSLATE_NOOP(
                "engine", "The loss became {loss} at step {step} (epoch {epoch}), so training stopped; the learning "
                "rate {lr} is probably too high, try a smaller one. The weights of the run are lost from here on; "
                "the last good checkpoint is kept: {checkpoint}."), **values)
        elif not math.isfinite(loss):
            message = text(QT_TRANSLATE_NOOP(
                "engine", "The loss became {loss} at step {step} (epoch {epoch}), so training stopped; the learning "
                "rate {lr} is probably too high, try a smaller one. No checkpoint had been saved yet."), **values)
        else:
            where = (text(QT_TRANSLATE_NOOP("engine", "The test loss grew to {loss} after epoch {epoch}"), **values)
                     if on_test else text(QT_TRANSLATE_NOOP(
                         "engine", "The loss grew to {loss} at step {step} (epoch {epoch})"), **values))
            reference = f"{self._reference_loss():.3g}"
            if kept:
                message = text(QT_TRANSLATE_NOOP(
                    "engine", "{where}, far above where it started ({reference}): the run has diverged, so training "
                    "stopped. The learning rate {lr} is probably too high, try a smaller one. The last good "
                    "checkpoint is kept: {checkpoint}."), where=where, reference=reference, **values)
            else:
                message = text(QT_TRANSLATE_NOOP(
                    "engine", "{where}, far above where it started ({reference}): the run has diverged, so training "
                    "stopped. The learning rate {lr} is probably too high, try a smaller one. No checkpoint had been "
                    "saved yet."), where=where, reference=reference, **values)
        return ev.TrainingFailed(self.recorder.run_id, str(self.recorder.folder), "diverged", message,
                                 self.last_checkpoint)

    def _out_of_memory(self) -> ev.TrainingFailed:
        import torch

        self.optimizer.zero_grad(set_to_none=True)
        torch.cuda.empty_cache()
        smaller = max(1, self.config.batch_size // 2)
        message = text(QT_TRANSLATE_NOOP(
            "engine", "The GPU ran out of memory with batches of {batch} images; try a batch size of {smaller} or "
            "less, or a smaller model."), batch=self.config.batch_size, smaller=smaller)
        return ev.TrainingFailed(self.recorder.run_id, str(self.recorder.folder), "out_of_memory", message,
                                 self.last_checkpoint)


class _Totals:
    """Sums over an epoch's batches, kept on the device so that no batch waits for the GPU to report them."""

    def __init__(self) -> None:
        self.loss = 0.0
        self.correct = None
        self.count = 0

    def add(self, mean_loss: float, outputs, labels) -> None:
        hits = (outputs.argmax(dim=1) == labels).sum()
        self.correct = hits if self.correct is None else self.correct + hits
        self.loss += mean_loss * len(labels)
        self.count += len(labels)

    def mean_loss(self) -> float:
        return self.loss / self.count if self.count else math.nan

    def accuracy(self) -> float:
        return float(self.correct) / self.count if self.count else math.nan


class _Rate:
    """Images per second over the last few seconds."""

    def __init__(self) -> None:
        self._marks: deque[tuple[float, int]] = deque()
        self._images = 0

    def reset(self) -> None:
        self._marks.clear()

    def add(self, images: int) -> None:
        now = time.monotonic()
        self._images += images
        self._marks.append((now, self._images))
        while len(self._marks) > 2 and now - self._marks[1][0] > _RATE_WINDOW_S:
            self._marks.popleft()

    def per_second(self) -> float:
        if len(self._marks) < 2:
            return 0.0
        (first_time, first_images), (last_time, last_images) = self._marks[0], self._marks[-1]
        return (last_images - first_images) / (last_time - first_time) if last_time > first_time else 0.0


# ---------------------------------------------------------------- building blocks


def scheduled_learning_rate(config: TrainConfig, step: int, steps_per_epoch: int) -> float:
    """The rate for ``step`` (counted from 1): set by hand every step, so a resumed run is on the same curve."""
    base = config.learning_rate
    total = config.epochs * steps_per_epoch
    if config.schedule == "cosine":
        return base * 0.5 * (1 + math.cos(math.pi * (step - 1) / total))
    if config.schedule == "step":
        epoch = (step - 1) // steps_per_epoch  # from 0
        milestones = {config.epochs // 2, 3 * config.epochs // 4} - {0}
        return base * 0.1 ** sum(epoch >= milestone for milestone in milestones)
    return base


def make_optimizer(config: TrainConfig, parameters):
    import torch

    if config.optimizer == "sgd":
        return torch.optim.SGD(parameters, lr=config.learning_rate, momentum=SGD_MOMENTUM,
                               weight_decay=config.weight_decay)
    return torch.optim.Adam(parameters, lr=config.learning_rate, weight_decay=config.weight_decay)


def _build_model(name: str, classes: int, resumed: Checkpoint | None):
    from engine.models.zoo import get_model

    model = get_model(name, num_classes=classes)
    if resumed is not None:
        try:
            model.load_state_dict(resumed.state_dict)
        except (RuntimeError, KeyError, TypeError, ValueError) as error:
            _log.warning("the checkpoint's weights do not fit %s: %s", name, error)
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "The checkpoint's weights do not fit {model}: its layers or their shapes differ (the "
                "details are in the log)."), model=get_info(name).title)) from None
    return model


def _normalisation(resumed: Checkpoint | None, pretrained, plain_train) -> tuple[tuple[float, ...], ...]:
    """Mean and std of the inputs: a resumed run's, the pretrained weights' own, or the training set's."""
    if resumed is not None:
        return resumed.mean, resumed.std
    if pretrained is not None and pretrained.preprocessing.mean:
        return pretrained.preprocessing.mean, pretrained.preprocessing.std
    return channel_statistics(plain_train)


def _checkpoint_to_resume(config: TrainConfig, classes, input_shape) -> Checkpoint | None:
    if config.resume is None:
        return None
    checkpoint = load_checkpoint(config.resume)  # refuses a damaged or foreign file, naming the field
    name = Path(config.resume).name
    if checkpoint.model != get_info(config.model).name:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{name} holds {found} weights, not {model}."),
                                  name=name, found=checkpoint.model, model=config.model))
    if tuple(checkpoint.input_shape) != tuple(input_shape) or tuple(checkpoint.classes) != tuple(classes):
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} was trained on other inputs or classes ({found}) than {dataset}."),
            name=name, found=checkpoint.dataset or "?", dataset=config.dataset))
    if len(checkpoint.mean) != input_shape[0] or len(checkpoint.std) != input_shape[0]:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} cannot be resumed: its fields “mean” and “std” need one value per input channel "
            "({channels}), as the trainer saves them."), name=name, channels=input_shape[0]))
    if checkpoint.epoch >= config.epochs:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} has already trained {epoch} epochs; ask for more than that with --epochs."),
            name=name, epoch=checkpoint.epoch))
    return checkpoint


def channel_statistics(dataset) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-channel mean and standard deviation of up to ``_STATS_SAMPLES`` images spread over ``dataset``."""
    import torch

    picks = np.linspace(0, len(dataset) - 1, min(len(dataset), _STATS_SAMPLES)).round().astype(int)
    images = torch.stack([dataset[int(i)][0] for i in picks])
    mean = images.mean(dim=(0, 2, 3))
    std = images.std(dim=(0, 2, 3)).clamp_min(1e-3)  # a blank channel must not divide by zero
    return tuple(round(float(m), 6) for m in mean), tuple(round(float(s), 6) for s in std)


def _augmentation(dataset: str, channels: int, size: int):
    """Random changes to each training image (uint8, channels × size × size), as the lecture lists them.

    Digits are only shifted, turned and scaled a little: a flipped digit is another digit or none.
    """
    from torchvision.transforms import v2

    if dataset in ("digits", "mnist"):
        return v2.RandomAffine(degrees=10, translate=(0.1, 0.1), scale=(0.9, 1.1))
    steps = [v2.RandomResizedCrop(size, scale=(0.6, 1.0), antialias=True), v2.RandomHorizontalFlip()]
    if channels == 3:
        steps.append(v2.ColorJitter(brightness=0.2, contrast=0.2, saturation=0.2))
    return v2.Compose(steps)


def _typical_sample(dataset, candidates: int = 64) -> int:
    """The index of a typical image among the first few: the one nearest the mean of its class's images there.

    A probe image that is clearly what its label says lets the class watch the network get it right; the very
    first test image may be an oddly written digit that even a good network misreads.
    """
    import torch

    samples = [dataset[index] for index in range(min(candidates, len(dataset)))]
    images = torch.stack([image for image, _ in samples]).flatten(1)
    labels = torch.tensor([label for _, label in samples])
    best, best_distance = 0, math.inf
    for label in labels.unique():
        members = (labels == label).nonzero().flatten()
        if len(members) < 3:  # with one or two images the mean says nothing about what is typical
            continue
        distances = (images[members] - images[members].mean(dim=0)).norm(dim=1)
        if float(distances.min()) < best_distance:
            best, best_distance = int(members[distances.argmin()]), float(distances.min())
    return best


def _probe_layers(model, input_shape) -> list[str]:
    """The first two convolutions (what students watch change) and the output (the guess), by row name."""
    from engine.models.analysis import analyze

    rows = analyze(model, tuple(input_shape)).rows
    convolutions = [row.name for row in rows if row.kind == "conv"][:2]
    return [*convolutions, rows[-1].name]


def _dataset_label(dataset: str) -> str:
    return dataset if not dataset.startswith("folder:") else Path(dataset[len("folder:"):]).name or "folder"


def check_batch_fits(batch_size: int, images: int) -> None:
    """Refuse batches larger than the training set (a step needs a whole batch)."""
    if batch_size > images:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "batch size {batch} is larger than the training set ({images} images); use at most "
            "{images}"), batch=batch_size, images=f"{images:,}"))


def check_whole(name: str, value, maximum: int, minimum: int = 1) -> None:
    """Refuse anything but a whole number from ``minimum`` to ``maximum`` for the option ``name`` (a ``Text``
    from ``QT_TRANSLATE_NOOP`` when the window may show the message)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not minimum <= value <= maximum:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} must be a whole number from {minimum} to {maximum}, got {value}"),
            name=name, minimum=minimum, maximum=f"{maximum:,}", value=repr(value)))


def _check_real(name: str, value, maximum: float, zero_allowed: bool) -> None:
    if (isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value)
            or value < 0 or (value == 0 and not zero_allowed) or value > maximum):
        values = dict(name=name, maximum=f"{maximum:g}", value=repr(value))
        if zero_allowed:
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "{name} must be a number from 0 to {maximum}, got {value}"), **values))
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} must be a number above 0 and at most {maximum}, got {value}"), **values))


def _check_choice(name: str, value, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{name} must be one of {choices}, got {value}"),
                                  name=name, choices=", ".join(choices), value=repr(value)))


# ---------------------------------------------------------------- the engine thread


_JOB = "training"


def training_events(worker, request: ev.Request) -> Iterator[ev.Event]:
    """Serve the training requests of ``engine.runtime.events`` on the engine thread (``engine.runtime.worker``)."""
    if isinstance(request, ev.StartTraining):
        yield from _train_on_engine(worker, request.config)
    elif isinstance(request, ev.ListRuns):
        yield ev.RunsListed(request.folder, list_runs(request.folder))
    elif isinstance(request, ev.LoadRun):
        yield ev.RunLoaded(load_run(request.path))
    else:
        control = worker.job(_JOB)
        if control is not None:  # nothing is running: a late click does nothing
            control.paused = isinstance(request, ev.PauseTraining)
            control.stop = control.stop or isinstance(request, ev.StopTraining)


def _train_on_engine(worker, config: TrainConfig) -> Iterator[ev.Event]:
    with worker.running_job(_JOB) as control:
        yield from run_training(config, should_stop=lambda: control.stop or worker.stopping,
                                is_paused=lambda: control.paused, wait=worker.idle)


# ---------------------------------------------------------------- the command line


def train_cli(args) -> int:
    """``python main.py train ...``: a text progress bar on stderr, a line per epoch and the result on stdout.

    Returns
    -------
    int
        0 when the run finished, 1 when it failed (loss NaN, out of memory), 130 when interrupted (Ctrl+C).
    """
    config = config_from_args(args)
    console = _Console(sys.stdout, sys.stderr)
    with _sigterm_as_interrupt():
        events = run_training(config)
        try:
            for event in events:
                console.show(event)
        except KeyboardInterrupt:
            events.close()
            console.interrupted()
            return 130
    return console.exit_status


class _sigterm_as_interrupt:  # noqa: N801 - used as a statement, like contextlib's
    """Within the block, SIGTERM (``kill``, a closing terminal's session manager) ends the run as Ctrl+C does:
    the files are completed and say why. Outside the main thread signals cannot be caught; nothing changes."""

    def __enter__(self) -> None:
        self.installed = threading.current_thread() is threading.main_thread()
        if self.installed:
            self.previous = signal.signal(signal.SIGTERM, _interrupt)

    def __exit__(self, *exc) -> None:
        if self.installed:
            signal.signal(signal.SIGTERM, self.previous if self.previous is not None else signal.SIG_DFL)


def _interrupt(signum, frame) -> None:  # noqa: ARG001 - a signal handler's signature
    raise KeyboardInterrupt


class _Console:
    """Prints a run's events for people: a progress bar redrawn in place when stderr is a terminal."""

    def __init__(self, out, err) -> None:
        self.out, self.err = out, err
        self.live = err.isatty()
        self.epochs = 0
        self.exit_status = 0
        self.run_dir = ""
        self._drawn = 0.0

    def show(self, event: ev.Event) -> None:
        if isinstance(event, ev.TrainingStarted):
            self.epochs, self.run_dir = event.epochs, event.run_dir
            print(f"training {event.config.model} on {event.config.dataset} ({event.train_images:,} training, "
                  f"{event.test_images:,} test images) on {event.device}; run folder {event.run_dir}",
                  file=self.out, flush=True)
        elif isinstance(event, ev.TrainingProgress):
            self._bar(event)
        elif isinstance(event, ev.TrainingEpoch):
            self._clear()
            print(f"epoch {event.epoch}/{self.epochs}  train loss {event.train_loss:.4f} accuracy "
                  f"{event.train_accuracy:6.2%}  test loss {event.test_loss:.4f} accuracy {event.test_accuracy:6.2%}"
                  f"  lr {event.lr:.3g}  {event.seconds:.1f} s", file=self.out, flush=True)
        elif isinstance(event, ev.TrainingFinished):
            self._clear()
            outcome = "stopped" if event.stopped else "finished"
            accuracy = "" if event.test_accuracy is None else (
                f"; test accuracy {event.test_accuracy:.2%} (best {event.best_test_accuracy:.2%})")
            print(f"{outcome} after {event.epochs_done} epochs in {event.seconds:.1f} s{accuracy}; checkpoints in "
                  f"{event.run_dir}", file=self.out, flush=True)
            note = _ending_note(event.run_dir)
            if note:  # why it stopped, images skipped: what metrics.json says beside the figures
                print(note, file=self.out, flush=True)
        elif isinstance(event, ev.TrainingFailed):
            self._clear()
            print(f"main.py: {event.message}", file=self.err, flush=True)
            self.exit_status = 1

    def interrupted(self) -> None:
        self._clear()
        print(f"main.py: interrupted; the files so far are in {self.run_dir}", file=self.err, flush=True)

    def _bar(self, event: ev.TrainingProgress) -> None:
        now = time.monotonic()
        if not self.live or (now - self._drawn < 0.1 and event.done < event.total):
            return
        self._drawn = now
        width = 30
        filled = round(width * event.done / max(event.total, 1))
        loss = f"loss {event.smoothed[-1]:.4f}" if len(event.smoothed) else ""
        left = "" if not math.isfinite(event.seconds_left) else f"{_clock(event.seconds_left)} left"
        line = (f"\repoch {event.epoch}/{self.epochs} {event.phase:5} [{'#' * filled}{'.' * (width - filled)}] "
                f"{loss}  {event.images_per_second:,.0f} img/s  {left}")
        self.err.write(line.ljust(100)[:100])
        self.err.flush()

    def _clear(self) -> None:
        if self.live:
            self.err.write("\r" + " " * 100 + "\r")
            self.err.flush()


def _ending_note(run_dir: str) -> str:
    try:
        return str(json.loads((Path(run_dir) / "metrics.json").read_text(encoding="utf-8")).get("message", ""))
    except (OSError, ValueError, AttributeError):
        return ""


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
