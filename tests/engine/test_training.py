"""engine.learning (training, runs): LeNet-5 learns the digits, faults end a run cleanly, runs are saved, listed,
reopened and resumed, and the engine thread serves pause, stop and other requests between batches."""

from __future__ import annotations

import csv
import json
import math
import pickle
import queue
import time
from pathlib import Path

import numpy as np
import pytest
import torch

import engine.learning.runs
import engine.learning.training
from engine.learning.runs import list_runs, load_run
from engine.learning.training import TrainConfig, run_training, scheduled_learning_rate, trainable_models
from engine.models.checkpoints import load_checkpoint
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from engine.runtime.worker import EngineWorker
from main import main

# The recipe that takes LeNet-5 furthest on the embedded digits in three epochs (the shipped weights use it too,
# with augmentation, for 30); about 97% is LeNet-5's ceiling on these 8×8 digits without augmentation even after
# 20 epochs. The threshold comes from the app's own runs, so the seed is pinned: over seeds 0-7 the recipe ends
# its third epoch at 95.26-96.66% (seed 0 95.54, 1 96.66, 2 95.82, 3 95.54, 4 96.10, 5 95.82, 6 95.26,
# 7 96.38, each `run_training(TrainConfig(**QUICK | DIGITS_RECIPE | dict(seed=s, epochs=3)))`), too wide a
# spread for one threshold to hold over every seed with margin and still catch a trainer that learns worse.
# Seed 1 gives 96.66%, so 95.5% leaves 1.16 points (four of the 359 test digits) for another torch version or
# CPU kernel to move it; a trainer that loses more than that fails.
DIGITS_RECIPE = dict(optimizer="sgd", lr=0.02, batch_size=8, schedule="cosine", seed=1)
THREE_EPOCH_ACCURACY = 0.955
QUICK = dict(model="lenet5", dataset="digits", batch_size=64, device="cpu")
FAST = QUICK | dict(batch_size=512)  # two steps an epoch: for what does not need the network to learn


def _events(config: TrainConfig, **options) -> list[ev.Event]:
    return list(run_training(config, **options))


def _one(events: list[ev.Event], kind: type) -> ev.Event:
    found = [e for e in events if isinstance(e, kind)]
    assert len(found) == 1, [type(e).__name__ for e in events]
    return found[0]


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory) -> Path:
    """One short run through the command line, shared by the tests that read a run's files."""
    out = tmp_path_factory.mktemp("runs")
    status = main(["train", "lenet5", "--dataset", "digits", "--epochs", "1", "--batch-size", "64",
                   "--device", "cpu", "--out", str(out)])
    assert status == 0
    (folder,) = out.iterdir()
    return folder


def test_lenet5_learns_the_digits_within_three_epochs(tmp_path):
    config = TrainConfig(**QUICK | DIGITS_RECIPE | dict(epochs=3, out_dir=str(tmp_path)))
    started = time.monotonic()
    events = _events(config)
    seconds = time.monotonic() - started
    epochs = [e for e in events if isinstance(e, ev.TrainingEpoch)]
    assert [e.epoch for e in epochs] == [1, 2, 3]
    assert epochs[-1].test_accuracy >= THREE_EPOCH_ACCURACY, [round(e.test_accuracy, 4) for e in epochs]
    assert epochs[-1].train_loss < epochs[0].train_loss
    finished = _one(events, ev.TrainingFinished)
    assert not finished.stopped and finished.epochs_done == 3
    print(f"3 epochs in {seconds:.1f} s, test accuracy {epochs[-1].test_accuracy:.2%}")


def test_a_run_writes_config_metrics_and_checkpoints(finished_run):
    config = json.loads((finished_run / "config.json").read_text())
    assert config["model"] == "lenet5" and config["batch_size"] == 64
    metrics = json.loads((finished_run / "metrics.json").read_text())
    assert metrics["status"] == "finished"
    steps = len(metrics["steps"]["step"])
    assert steps == 1438 // 64
    with (finished_run / "metrics.csv").open() as file:
        rows = list(csv.DictReader(file))
    assert [r["kind"] for r in rows] == ["step"] * steps + ["epoch"]
    assert float(rows[-1]["test_accuracy"]) == pytest.approx(metrics["epoch_metrics"][0]["test_accuracy"])
    checkpoint = load_checkpoint(finished_run / "last.pt")
    assert checkpoint.model == "lenet5" and checkpoint.epoch == 1
    assert checkpoint.classes == tuple("0123456789") and checkpoint.input_shape == (1, 32, 32)
    assert len(checkpoint.mean) == 1 and 0.2 < checkpoint.mean[0] < 0.4 and checkpoint.std[0] > 0.2
    assert (finished_run / "best.pt").is_file()
    assert not list(finished_run.glob("*.partial"))


def test_saved_runs_are_listed_and_reopened(finished_run):
    (summary,) = list_runs(finished_run.parent)
    assert summary.path == str(finished_run) and summary.model == "lenet5" and summary.epochs_done == 1
    assert summary.status == "finished" and 0 < summary.best_test_accuracy <= 1
    metrics = load_run(finished_run)
    assert len(metrics.steps) == len(metrics.losses) == 1438 // 64
    assert np.all(np.diff(metrics.steps) == 1) and np.all(np.isfinite(metrics.smoothed))
    assert metrics.epochs.tolist() == [1] and metrics.test_accuracy[0] == summary.best_test_accuracy


def test_a_run_resumes_from_its_checkpoint(finished_run, tmp_path):
    config = TrainConfig(**QUICK | dict(epochs=2, resume=str(finished_run / "last.pt"), out_dir=str(tmp_path)))
    events = _events(config)
    started = _one(events, ev.TrainingStarted)
    assert started.first_epoch == 2
    (epoch,) = [e for e in events if isinstance(e, ev.TrainingEpoch)]
    assert epoch.epoch == 2 and epoch.step == 2 * (1438 // 64)
    first = load_run(finished_run)
    assert epoch.test_accuracy > first.test_accuracy[0] - 0.05  # went on from the weights, not from scratch


def test_a_damaged_checkpoint_is_refused_before_the_run(tmp_path, capsys):
    damaged = tmp_path / "last.pt"
    damaged.write_bytes(b"PK\x03\x04 not really a checkpoint")
    config = TrainConfig(**QUICK | dict(resume=str(damaged), out_dir=str(tmp_path / "runs")))
    with pytest.raises(UserInputError, match="not a readable checkpoint"):
        _events(config)
    assert not (tmp_path / "runs").exists()
    status = main(["train", "lenet5", "--resume", str(damaged), "--out", str(tmp_path / "runs")])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "not a readable checkpoint" in err


def test_a_checkpoint_of_another_model_is_refused(finished_run, tmp_path):
    config = TrainConfig(**QUICK | dict(model="resnet20", resume=str(finished_run / "last.pt"),
                                        out_dir=str(tmp_path)))
    with pytest.raises(UserInputError, match="holds lenet5 weights"):
        _events(config)


@pytest.mark.parametrize(("options", "message"), [
    (dict(batch_size=0), "batch size must be a whole number from 1 to 4,096, got 0"),
    (dict(batch_size=-8), "batch size must be"),
    (dict(batch_size=10**7), "batch size must be"),
    (dict(epochs=0), "epochs must be a whole number from 1"),
    (dict(epochs=-1), "epochs must be"),
    (dict(epochs=2.5), "epochs must be"),
    (dict(lr=0.0), "learning rate must be a number above 0"),
    (dict(lr=-0.1), "learning rate must be"),
    (dict(lr=math.nan), "learning rate must be"),
    (dict(lr=math.inf), "learning rate must be"),
    (dict(lr=1e6), "at most 10"),
    (dict(weight_decay=math.nan), "weight decay must be"),
    (dict(optimizer="rmsprop"), "optimizer must be one of sgd, adam"),
    (dict(model="lenet7"), "unknown model 'lenet7'"),
    (dict(model="inception_module"), "building block"),
    (dict(dataset="imagenet"), "unknown data set 'imagenet'"),
])
def test_absurd_options_are_refused_before_the_run(options, message, tmp_path):
    config = TrainConfig(**QUICK | dict(out_dir=str(tmp_path)) | options)
    with pytest.raises(UserInputError, match=message.replace("(", r"\(")):
        config.validate()
    with pytest.raises(UserInputError):
        next(run_training(config))
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("argv", [["--batch-size", "0"], ["--lr", "-1"], ["--epochs", "0"], ["--lr", "nan"],
                                  ["--dataset", "imagenet"]])
def test_the_command_line_refuses_absurd_options_in_one_line(argv, tmp_path, capsys):
    status = main(["train", "lenet5", *argv, "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == 2 and err.startswith("main.py: ") and err.count("\n") == 1
    assert "Traceback" not in err and not list(tmp_path.iterdir())


def test_a_batch_larger_than_the_data_set_is_refused(tmp_path):
    with pytest.raises(UserInputError, match="larger than the training set \\(1,438 images\\); use at most 1,438"):
        _events(TrainConfig(**QUICK | dict(batch_size=2048, out_dir=str(tmp_path))))


def _poison_after(monkeypatch, forward_calls: int, error: Exception | None = None) -> None:
    """Make the model's training forward passes give NaN (or raise ``error``) after ``forward_calls``."""
    build = engine.learning.training._build_model

    def build_poisoned(*args):
        model = build(*args)
        calls = [0]

        def poison(module, inputs, output):
            if not module.training:
                return output
            calls[0] += 1
            if calls[0] <= forward_calls:
                return output
            if error is not None:
                raise error
            return output * math.nan

        model.register_forward_hook(poison)
        return model

    monkeypatch.setattr(engine.learning.training, "_build_model", build_poisoned)


def test_a_nan_loss_stops_the_run_and_keeps_the_last_good_checkpoint(monkeypatch, tmp_path):
    _poison_after(monkeypatch, forward_calls=3)  # the second batch of the second epoch
    events = _events(TrainConfig(**FAST | dict(epochs=3, out_dir=str(tmp_path))))
    failed = _one(events, ev.TrainingFailed)
    assert failed.reason == "diverged"
    assert "loss became nan at step 4 (epoch 2)" in failed.message and "learning rate" in failed.message
    assert failed.checkpoint.endswith("last.pt") and failed.checkpoint in failed.message
    assert not [e for e in events if isinstance(e, ev.TrainingFinished)]
    kept = load_checkpoint(failed.checkpoint)
    assert kept.epoch == 1 and all(torch.isfinite(t).all() for t in kept.state_dict.values())
    metrics = json.loads((Path(failed.run_dir) / "metrics.json").read_text())
    assert metrics["status"] == "failed" and metrics["message"] == failed.message
    assert len(metrics["steps"]["loss"]) == 3 and all(map(math.isfinite, metrics["steps"]["loss"]))


def test_running_out_of_gpu_memory_suggests_a_smaller_batch(monkeypatch, tmp_path):
    _poison_after(monkeypatch, forward_calls=1, error=torch.cuda.OutOfMemoryError("CUDA out of memory"))
    events = _events(TrainConfig(**FAST | dict(out_dir=str(tmp_path))))
    failed = _one(events, ev.TrainingFailed)
    assert failed.reason == "out_of_memory" and "batch size of 256 or less" in failed.message


def test_the_same_seed_gives_the_same_run(tmp_path):
    def losses(seed: int, folder: str) -> np.ndarray:
        config = TrainConfig(**FAST | dict(epochs=1, seed=seed, out_dir=str(tmp_path / folder)))
        return [e for e in _events(config) if isinstance(e, ev.TrainingProgress)][-1].losses

    first, again, other = losses(3, "a"), losses(3, "b"), losses(4, "c")
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_progress_probes_and_learning_rate_schedule(tmp_path):
    config = TrainConfig(**FAST | dict(epochs=2, schedule="cosine", lr=0.01, out_dir=str(tmp_path)))
    events = _events(config, probe_seconds=0.0)
    progress = [e for e in events if isinstance(e, ev.TrainingProgress)]
    last = progress[-1]
    assert last.done == last.total == 2 * (2 + 1)  # two training batches and one test batch an epoch
    assert {e.phase for e in progress} == {"train", "test"}
    assert last.steps.tolist() == [1, 2, 3, 4]
    assert not last.losses.flags.writeable
    assert last.lrs.tolist() == pytest.approx([0.01 * (1 + math.cos(math.pi * k / 4)) / 2 for k in range(4)])
    probe = [e for e in events if isinstance(e, ev.TrainingProbe)][-1]
    assert probe.image.shape == (32, 32) and probe.label in "0123456789" and probe.prediction in "0123456789"
    assert [name for name, _ in probe.maps] == ["conv1", "conv2"]
    assert probe.maps[0][1].shape == (6, 28, 28) and probe.filters.shape == (6, 5, 5, 1)
    saved = [e for e in events if isinstance(e, ev.CheckpointSaved)]
    assert [(e.epoch, e.best) for e in saved][:2] == [(1, False), (1, True)]


def test_augmented_training_runs_through_the_same_loop(tmp_path):
    config = TrainConfig(**FAST | dict(epochs=1, augment=True, out_dir=str(tmp_path)))
    assert _one(_events(config), ev.TrainingFinished).epochs_done == 1


def _write_tiny_cifar10(root: Path) -> None:
    """torchvision's CIFAR-10 layout: pickled batches of 3,072-byte rows (R, G, B planes), labels, class names."""
    folder = root / "cifar-10-batches-py"
    folder.mkdir(parents=True)
    rng = np.random.default_rng(0)

    def batch(count: int) -> dict:
        return {"data": rng.integers(0, 256, (count, 3072), dtype=np.uint8), "labels": [k % 10 for k in range(count)]}

    for number in range(1, 6):
        (folder / f"data_batch_{number}").write_bytes(pickle.dumps(batch(2)))
    (folder / "test_batch").write_bytes(pickle.dumps(batch(3)))
    names = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
    (folder / "batches.meta").write_bytes(pickle.dumps({"label_names": names}))


def test_a_cifar10_network_trains_on_cifar10_files(tmp_path):
    _write_tiny_cifar10(tmp_path / "data")
    config = TrainConfig(model="resnet8", dataset="cifar10", epochs=1, batch_size=4, device="cpu",
                         data_root=str(tmp_path / "data"), out_dir=str(tmp_path / "runs"))
    events = _events(config)
    started = _one(events, ev.TrainingStarted)
    assert started.classes[0] == "airplane" and started.train_images == 10 and started.steps_per_epoch == 2
    epoch = _one(events, ev.TrainingEpoch)
    assert math.isfinite(epoch.train_loss) and 0 <= epoch.test_accuracy <= 1
    assert load_checkpoint(Path(started.run_dir) / "last.pt").input_shape == (3, 32, 32)


def test_tensorboard_gets_the_metrics_when_installed(monkeypatch, tmp_path):
    class Writer:
        def __init__(self):
            self.scalars, self.closed = [], False

        def add_scalar(self, tag, value, step):
            self.scalars.append(tag)

        def flush(self):
            pass

        def close(self):
            self.closed = True

    writer = Writer()
    monkeypatch.setattr(engine.learning.runs, "_tensorboard_writer", lambda folder: writer)
    _events(TrainConfig(**FAST | dict(epochs=1, out_dir=str(tmp_path))))
    assert {"loss/step", "learning_rate", "test/accuracy", "train/loss"} <= set(writer.scalars) and writer.closed


def test_only_whole_networks_are_offered_for_training():
    names = trainable_models()
    assert names[0] == "lenet5" and "resnet20" in names and "googlenet" in names
    assert "inception_module" not in names and "nin_block" not in names


# ---------------------------------------------------------------- on the engine thread


class _Engine:
    def __init__(self) -> None:
        self.events: queue.Queue = queue.Queue()
        self.worker = EngineWorker(self.events.put, device="cpu")
        self.seen: list[ev.Event] = []
        self.worker.start()

    def wait_for(self, predicate, timeout: float = 60.0) -> ev.Event:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = self.events.get(timeout=0.05)
            except queue.Empty:
                continue
            self.seen.append(event)
            if predicate(event):
                return event
        raise AssertionError(f"timed out; saw {[type(e).__name__ for e in self.seen[-20:]]}")


@pytest.fixture
def engine_thread():
    engine = _Engine()
    yield engine
    engine.worker.stop()


def _long_run(tmp_path: Path) -> TrainConfig:
    return TrainConfig(**QUICK | dict(epochs=1000, batch_size=128, out_dir=str(tmp_path)))


def test_stop_ends_a_run_within_two_seconds_with_its_files_intact(engine_thread, tmp_path):
    engine_thread.worker.submit(ev.StartTraining(_long_run(tmp_path)))
    engine_thread.wait_for(lambda e: isinstance(e, ev.CheckpointSaved))
    engine_thread.wait_for(lambda e: isinstance(e, ev.TrainingProgress) and e.phase == "train")
    asked = time.monotonic()
    engine_thread.worker.submit(ev.StopTraining())
    finished = engine_thread.wait_for(lambda e: isinstance(e, ev.TrainingFinished))
    assert time.monotonic() - asked < 2.0
    assert finished.stopped and finished.epochs_done >= 1
    folder = Path(finished.run_dir)
    metrics = json.loads((folder / "metrics.json").read_text())
    assert metrics["status"] == "stopped" and len(metrics["steps"]["step"]) > 1438 // 128
    with (folder / "metrics.csv").open() as file:
        assert len(list(csv.reader(file))) == 1 + len(metrics["steps"]["step"]) + len(metrics["epoch_metrics"])
    assert load_checkpoint(folder / "last.pt").epoch == finished.epochs_done


def test_pause_holds_the_run_and_other_requests_are_served_meanwhile(engine_thread, tmp_path):
    engine_thread.worker.submit(ev.StartTraining(_long_run(tmp_path)))
    engine_thread.wait_for(lambda e: isinstance(e, ev.TrainingProgress))
    engine_thread.worker.submit(ev.PauseTraining())
    engine_thread.wait_for(lambda e: isinstance(e, ev.TrainingPaused) and e.paused)
    engine_thread.worker.submit(ev.Analyze("lenet5"))
    engine_thread.wait_for(lambda e: isinstance(e, ev.AnalysisReady))
    time.sleep(0.3)
    while not engine_thread.events.empty():
        engine_thread.seen.append(engine_thread.events.get())
    paused_at = len(engine_thread.seen)
    time.sleep(0.3)
    assert engine_thread.events.empty()  # nothing trains while paused
    engine_thread.worker.submit(ev.ResumeTraining())
    engine_thread.wait_for(lambda e: isinstance(e, ev.TrainingPaused) and not e.paused)
    engine_thread.wait_for(lambda e: isinstance(e, ev.TrainingProgress))
    assert len(engine_thread.seen) > paused_at
    engine_thread.worker.submit(ev.StopTraining())
    assert engine_thread.wait_for(lambda e: isinstance(e, ev.TrainingFinished)).stopped


def test_closing_the_engine_mid_run_ends_it_within_two_seconds(tmp_path):
    engine = _Engine()
    engine.worker.submit(ev.StartTraining(_long_run(tmp_path)))
    started = engine.wait_for(lambda e: isinstance(e, ev.TrainingStarted))
    engine.wait_for(lambda e: isinstance(e, ev.TrainingProgress))
    asked = time.monotonic()
    assert engine.worker.stop(timeout=2.0)
    assert time.monotonic() - asked < 2.0
    metrics = json.loads((Path(started.run_dir) / "metrics.json").read_text())
    assert metrics["status"] == "stopped"


def test_runs_are_listed_and_loaded_on_the_engine_thread(engine_thread, finished_run):
    engine_thread.worker.submit(ev.ListRuns(str(finished_run.parent)))
    listed = engine_thread.wait_for(lambda e: isinstance(e, ev.RunsListed))
    assert [r.path for r in listed.runs] == [str(finished_run)]
    engine_thread.worker.submit(ev.LoadRun(str(finished_run)))
    loaded = engine_thread.wait_for(lambda e: isinstance(e, ev.RunLoaded))
    assert loaded.metrics.path == str(finished_run)
    engine_thread.worker.submit(ev.LoadRun(str(finished_run.parent)))
    failed = engine_thread.wait_for(lambda e: isinstance(e, ev.RequestFailed))
    assert "is not a training run" in failed.message


def test_each_epochs_row_is_the_loss_and_accuracy_of_its_batches(monkeypatch, tmp_path):
    """The epoch table's figures (train and test loss and accuracy, the rate, the step), worked out here from
    every batch the trainer scored: torch's cross entropy is watched, so each batch's scores and labels are seen
    as the trainer saw them; the table must give their size-weighted mean loss and share of right answers. The
    last epoch's test accuracy is the saved checkpoint's on the test digits, evaluated here."""
    from torch.nn import functional

    scored = []
    cross_entropy = functional.cross_entropy

    def watched(scores, labels, *args, **kwargs):
        loss = cross_entropy(scores, labels, *args, **kwargs)
        scored.append((torch.is_grad_enabled(), float(loss.detach()), (scores.argmax(dim=1) == labels).sum().item(),
                       len(labels)))
        return loss

    monkeypatch.setattr(functional, "cross_entropy", watched)
    config = TrainConfig(**FAST | dict(epochs=2, optimizer="sgd", lr=0.05, schedule="step", out_dir=str(tmp_path)))
    events = _events(config)
    monkeypatch.setattr(functional, "cross_entropy", cross_entropy)
    rows = [e for e in events if isinstance(e, ev.TrainingEpoch)]
    assert [row.epoch for row in rows] == [1, 2] and [row.step for row in rows] == [2, 4]
    # 1,438 training digits in batches of 512 (the last, short one dropped), 359 test digits in one batch.
    assert [(grad, count) for grad, _, _, count in scored] == [(True, 512), (True, 512), (False, 359)] * 2
    for row, epoch in zip(rows, (scored[:3], scored[3:]), strict=True):
        train, test = epoch[:2], epoch[2:]
        assert row.train_loss == pytest.approx(sum(loss * n for _, loss, _, n in train) / 1024, rel=1e-6)
        assert row.train_accuracy == sum(hits for _, _, hits, _ in train) / 1024
        assert row.test_loss == pytest.approx(test[0][1], rel=1e-6)
        assert row.test_accuracy == test[0][2] / 359
    # "step": a tenth from half the epochs on
    assert [row.lr for row in rows] == pytest.approx([0.05, 0.005], rel=1e-12)
    assert len({row.train_loss for row in rows} | {row.test_loss for row in rows}) == 4

    finished = _one(events, ev.TrainingFinished)
    # each row is the run's: the panel draws a row on the curves of the run whose id it carries
    assert {row.run_id for row in rows} == {_one(events, ev.TrainingStarted).run_id} == {finished.run_id}
    checkpoint = load_checkpoint(Path(finished.run_dir) / "last.pt")
    from engine.data.datasets import make_dataset
    from engine.models.zoo import get_model

    model = get_model("lenet5", num_classes=len(checkpoint.classes))
    model.load_state_dict(checkpoint.state_dict)
    model.eval()
    test_set = make_dataset("digits", "test", channels=checkpoint.input_shape[0], size=checkpoint.input_shape[1])
    images, labels = zip(*test_set, strict=True)
    mean, std = (torch.tensor(v).view(1, -1, 1, 1) for v in (checkpoint.mean, checkpoint.std))
    with torch.no_grad():
        guesses = model((torch.stack(images) - mean) / std).argmax(dim=1)
    assert rows[-1].test_accuracy == (guesses == torch.tensor(labels)).sum().item() / 359


@pytest.mark.parametrize(("epochs", "factors"), [
    (1, [1, 1, 1]),
    (2, [1, 1, 1, .1, .1, .1]),
    (5, [1, 1, 1, 1, 1, 1, .1, .1, .1, .01, .01, .01, .01, .01, .01]),  # milestones at epochs 2 and 3 (from 0)
    (7, [1] * 9 + [.1] * 6 + [.01] * 6),  # at epochs 3 and 5
])
def test_the_step_schedule_drops_tenfold_at_half_and_three_quarters_of_the_epochs_at_their_first_step(
        epochs, factors):
    # Written out by hand for odd epoch counts too: halves rounded down (a mutation survived that made 5 // 2 a
    # 2.5, which moves the first drop to epoch 3 and changes the run the learning-rate plot shows).
    config = TrainConfig(model="lenet5", dataset="digits", epochs=epochs, lr=0.5, schedule="step")
    rates = [scheduled_learning_rate(config, step, 3) for step in range(1, 3 * epochs + 1)]
    assert rates == pytest.approx([0.5 * f for f in factors], rel=1e-12)
