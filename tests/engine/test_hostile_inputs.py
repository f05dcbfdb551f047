"""Issue 15: nothing the user gives the app, and nothing it finds on disk, crashes it or is lost.

One test (or a few) per numbered case of the issue; each failed before the fix. The property-based suites
are in test_properties.py, the SIGTERM/SIGKILL test in test_killed_runs.py.
"""

from __future__ import annotations

import json
import logging
import math
import time
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

import engine.learning.depth
import engine.learning.experiments.result
import engine.learning.training
from engine.data.datasets import make_dataset
from engine.learning.depth import load_result, save_result
from engine.learning.runs import list_runs, load_run
from engine.learning.training import TrainConfig, run_training
from engine.models.checkpoints import SHIPPED_FILES, SHIPPED_WEIGHTS, load_checkpoint
from engine.models.zoo import get_info
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from main import main

FAST = dict(model="lenet5", dataset="digits", batch_size=512, device="cpu")
SHIPPED_DEPTH = Path(__file__).resolve().parents[2] / "resources" / "depth" / "digits.json"


def _image_folder(root: Path, per_class: dict[str, int], empty: tuple[str, ...] = ()) -> Path:
    """An ImageFolder layout of small random greyscale PNGs; ``empty`` names zero-byte files to add."""
    rng = np.random.default_rng(0)
    for name, count in per_class.items():
        (root / name).mkdir(parents=True, exist_ok=True)
        for index in range(count):
            pixels = rng.integers(0, 256, (12, 12), dtype=np.uint8)
            Image.fromarray(pixels).save(root / name / f"{index:04d}.png")
    for relative in empty:
        (root / relative).write_bytes(b"")
    return root


def _checkpoint_payload() -> dict:
    return torch.load(SHIPPED_WEIGHTS / SHIPPED_FILES["lenet5"], map_location="cpu", weights_only=True)


def _save_payload(payload: dict, path: Path) -> Path:
    torch.save(payload, path)
    return path


# ---------------------------------------------------------------- 1 and 9: folder data sets


def test_1_a_folder_too_small_for_a_test_split_is_refused_before_the_run(tmp_path):
    folder = _image_folder(tmp_path / "pets", {"cat": 1, "dog": 1})
    config = TrainConfig(**FAST | dict(dataset=f"folder:{folder}", batch_size=1, out_dir=str(tmp_path / "runs")))
    with pytest.raises(UserInputError, match="too few images") as raised:
        next(run_training(config))
    assert str(folder) in str(raised.value) and "at least 3 images" in str(raised.value)
    assert not (tmp_path / "runs").exists()  # refused before a run folder was made


def test_1_the_command_line_says_so_in_one_line(tmp_path, capsys):
    folder = _image_folder(tmp_path / "pets", {"cat": 1})  # one sub-folder with one image
    status = main(["train", "lenet5", "--dataset", f"folder:{folder}", "--batch-size", "1", "--device", "cpu",
                   "--out", str(tmp_path / "runs")])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_9_a_folder_of_one_class_is_refused(tmp_path):
    folder = _image_folder(tmp_path / "cats", {"cat": 20})
    with pytest.raises(UserInputError, match="only one class folder"):
        make_dataset(f"folder:{folder}", "train", channels=1, size=32)


def test_9_train_and_test_folders_with_different_classes_are_refused(tmp_path):
    _image_folder(tmp_path / "data" / "train", {"cat": 3, "dog": 3})
    _image_folder(tmp_path / "data" / "test", {"cat": 3, "fox": 3})
    with pytest.raises(UserInputError, match="different classes"):
        make_dataset(f"folder:{tmp_path / 'data'}", "test", channels=1, size=32)


# ---------------------------------------------------------------- 2 and 3: damaged run folders


def _run_folder(root: Path, name: str, metrics: object) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "metrics.json").write_text(json.dumps(metrics), encoding="utf-8")
    return folder


def _good_metrics(steps: int = 3) -> dict:
    return {"run_id": "good", "label": "good run", "model": "lenet5", "dataset": "digits", "epochs": 1,
            "status": "finished", "message": "",
            "steps": {"step": list(range(1, steps + 1)), "epoch": [1] * steps, "loss": [2.0] * steps,
                      "smoothed": [2.0] * steps, "lr": [0.1] * steps},
            "epoch_metrics": [{"epoch": 1, "step": steps, "train_loss": 2.0, "train_accuracy": 0.5,
                               "test_loss": 2.0, "test_accuracy": 0.6, "lr": 0.1, "seconds": 1.0}]}


@pytest.mark.parametrize("damage", [{"epochs": "abc"}, {"epochs": None}, {"epoch_metrics": [1, 2]},
                                    {"epochs": 2.5}, {"epoch_metrics": "x"}])
def test_2_a_damaged_run_is_listed_as_damaged_and_the_others_normally(tmp_path, damage):
    _run_folder(tmp_path, "a-damaged", _good_metrics() | damage)
    _run_folder(tmp_path, "b-good", _good_metrics())
    (tmp_path / "c-not-json").mkdir()
    (tmp_path / "c-not-json" / "metrics.json").write_text("{not json", encoding="utf-8")
    damaged, good, garbled = list_runs(tmp_path)
    assert damaged.status == "damaged" and "damaged" in damaged.problem and "a-damaged" in damaged.problem
    assert good.status == "finished" and good.best_test_accuracy == 0.6 and not good.problem
    assert garbled.status == "damaged" and "not a readable JSON file" in garbled.problem


def test_3_a_run_whose_step_arrays_differ_in_length_is_refused_with_a_sentence(tmp_path):
    metrics = _good_metrics()
    metrics["steps"]["loss"] = [2.0]
    folder = _run_folder(tmp_path, "uneven", metrics)
    with pytest.raises(UserInputError, match="step columns have different lengths"):
        load_run(folder)


# ---------------------------------------------------------------- 4: depth --out


def test_4_a_depth_destination_that_is_a_folder_is_refused_before_the_work(tmp_path, capsys, monkeypatch):
    destination = tmp_path / "result.json"
    destination.mkdir()
    started = []
    monkeypatch.setattr(engine.learning.depth, "train_variants", lambda *args, **kwargs: started.append(args))
    status = main(["depth", "--depths", "8", "--steps", "2", "--device", "cpu", "--out", str(destination)])
    err = capsys.readouterr().err
    assert status == 2 and "is a folder, not a file" in err and err.count("\n") == 1
    assert not started and not list(tmp_path.rglob("*.partial"))


def test_4_an_unwritable_depth_destination_is_refused_before_the_work(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    status = main(["depth", "--depths", "8", "--steps", "2", "--device", "cpu", "--out",
                   str(blocker / "deeper" / "result.json")])
    assert status == 2 and "cannot be made" in capsys.readouterr().err
    assert blocker.read_text() == "a file where a folder should be"


def test_4_a_finished_result_is_never_lost(tmp_path, monkeypatch):
    monkeypatch.setattr(engine.learning.experiments.result, "fallback_folder", lambda: tmp_path / "fallback")
    result = load_result(SHIPPED_DEPTH)
    target = tmp_path / "result.json"
    target.mkdir()  # became a folder while the sweep ran
    written = save_result(result, target)
    assert written.parent == tmp_path / "fallback"
    assert load_result(written).runs[0].errors.tolist() == result.runs[0].errors.tolist()
    assert not list(tmp_path.rglob("*.partial"))


# ---------------------------------------------------------------- 5: checkpoint fields


@pytest.mark.parametrize(("change", "field"), [
    ({"mean": []}, "std"),  # a mean of none with a std of one: they disagree
    ({"mean": [0.1, 0.2, 0.3], "std": [0.3, 0.3, 0.3]}, "mean"),
    ({"std": [0.0]}, "std"),
    ({"mean": [math.nan]}, "mean"),
    ({"epoch": -4}, "epoch"),
    ({"epoch": "3"}, "epoch"),
    ({"input_shape": [1, 32]}, "input_shape"),
    ({"classes": "0123456789"}, "classes"),
    ({"state_dict": {"weight": [1, 2]}}, "state_dict"),
    ({"model": 5}, "model"),
    ({"metrics": []}, "metrics"),
])
def test_5_every_field_of_a_checkpoint_is_checked_by_name(tmp_path, change, field):
    path = _save_payload(_checkpoint_payload() | change, tmp_path / "odd.pt")
    with pytest.raises(UserInputError, match=f"its field “{field}”") as raised:
        load_checkpoint(path)
    assert str(raised.value).endswith(".")


def test_5_nan_weights_are_refused_as_such_not_as_a_learning_rate(tmp_path):
    payload = _checkpoint_payload()
    name = next(iter(payload["state_dict"]))
    payload["state_dict"][name] = payload["state_dict"][name] * math.nan
    with pytest.raises(UserInputError, match=f"not numbers \\(NaN or infinite\\) in {name}"):
        load_checkpoint(_save_payload(payload, tmp_path / "nan.pt"))


def test_5_resuming_a_one_channel_model_from_three_channel_statistics_is_refused(tmp_path):
    path = _save_payload(_checkpoint_payload() | {"epoch": 1, "mean": [], "std": []}, tmp_path / "none.pt")
    config = TrainConfig(**FAST | dict(epochs=2, resume=str(path), out_dir=str(tmp_path / "runs")))
    with pytest.raises(UserInputError, match="“mean” and “std” need one value per input channel"):
        next(run_training(config))


def test_5_a_negative_epoch_never_trains(tmp_path, capsys):
    path = _save_payload(_checkpoint_payload() | {"epoch": -4}, tmp_path / "negative.pt")
    status = main(["train", "lenet5", "--epochs", "2", "--resume", str(path), "--device", "cpu",
                   "--out", str(tmp_path / "runs")])
    assert status == 2 and "“epoch”" in capsys.readouterr().err
    assert not (tmp_path / "runs").exists()


# ---------------------------------------------------------------- 6: depth cap of the analysis


def test_6_an_absurdly_deep_resnet_is_refused_at_once(capsys):
    started = time.monotonic()
    status = main(["summary", "resnet20000"])
    assert status == 2 and time.monotonic() - started < 2
    assert "deepest network of the paper (1,202 layers)" in capsys.readouterr().err
    assert get_info("resnet1202").name == "resnet1202"  # the paper's deepest still works
    with pytest.raises(UserInputError):
        get_info("plain" + "9" * 5000)  # not even turned into a number


# ---------------------------------------------------------------- 7: --page


def test_7_page_accepts_sections_and_model_names_and_refuses_others(monkeypatch, capsys):
    from gui import app

    assert app.resolve_page("vgg16") == "vgg" and app.resolve_page("VGG") == "vgg"
    assert app.resolve_page("resnet56") == "resnet" and app.resolve_page("datasets") == "datasets"
    opened = []
    monkeypatch.setattr(app, "create_app", lambda *args: opened.append(args))
    assert main(["--page", "nonsense"]) == 2
    err = capsys.readouterr().err
    assert "There is no page 'nonsense'" in err and "overview, lenet" in err and not opened


# ---------------------------------------------------------------- 8: divergence that stays finite


def test_8_a_loss_that_climbs_far_above_its_start_ends_the_run_as_diverged(tmp_path, capsys):
    status = main(["train", "lenet5", "--lr", "10", "--optimizer", "sgd", "--schedule", "constant", "--epochs", "2",
                   "--batch-size", "64", "--device", "cpu", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == 1 and "the run has diverged" in err and "learning rate 10 is probably too high" in err
    (folder,) = tmp_path.iterdir()
    metrics = json.loads((folder / "metrics.json").read_text())
    assert metrics["status"] == "failed" and "diverged" in metrics["message"]


def test_8_a_test_loss_far_above_chance_ends_the_run_as_diverged(tmp_path, monkeypatch):
    build = engine.learning.training._build_model

    def exploding_in_evaluation(name, classes, resumed):
        model = build(name, classes, resumed)
        model.register_forward_hook(lambda module, inputs, output: output if module.training else output * 1e9)
        return model

    monkeypatch.setattr(engine.learning.training, "_build_model", exploding_in_evaluation)
    events = list(run_training(TrainConfig(**FAST | dict(epochs=2, out_dir=str(tmp_path)))))
    (failed,) = [e for e in events if isinstance(e, ev.TrainingFailed)]
    assert failed.reason == "diverged" and "The test loss grew to" in failed.message
    assert not [e for e in events if isinstance(e, ev.TrainingEpoch | ev.TrainingFinished)]


def test_8_a_healthy_run_is_not_taken_for_a_diverged_one(tmp_path):
    events = list(run_training(TrainConfig(**FAST | dict(epochs=2, optimizer="sgd", lr=0.5, batch_size=64,
                                                         out_dir=str(tmp_path)))))
    assert [e for e in events if isinstance(e, ev.TrainingFinished)]


# ---------------------------------------------------------------- 10: unreadable files, why a run stopped


def test_10_an_unreadable_file_is_skipped_and_counted_in_the_run_s_log(tmp_path):
    folder = _image_folder(tmp_path / "shapes", {"a": 20, "b": 20}, empty=("a/0000.png",))
    config = TrainConfig(**FAST | dict(dataset=f"folder:{folder}", epochs=1, batch_size=8,
                                       out_dir=str(tmp_path / "runs")))
    events = list(run_training(config))
    finished = [e for e in events if isinstance(e, ev.TrainingFinished)]
    assert finished and not finished[0].stopped
    (run,) = (tmp_path / "runs").iterdir()
    metrics = json.loads((run / "metrics.json").read_text())
    assert metrics["status"] == "finished" and "1 image files could not be read" in metrics["message"]
    assert "0000.png" in (run / "log.txt").read_text()


def test_10_the_command_line_says_how_many_files_it_skipped(tmp_path, capsys):
    folder = _image_folder(tmp_path / "shapes", {"a": 20, "b": 20}, empty=("b/0003.png", "b/0004.png"))
    status = main(["train", "lenet5", "--dataset", f"folder:{folder}", "--epochs", "1", "--batch-size", "8",
                   "--device", "cpu", "--out", str(tmp_path / "runs")])
    assert status == 0 and "2 image files could not be read and were skipped" in capsys.readouterr().out


def test_10_a_run_stopped_on_request_says_so(tmp_path):
    calls = []
    events = list(run_training(TrainConfig(**FAST | dict(epochs=3, out_dir=str(tmp_path))),
                               should_stop=lambda: calls.append(1) or len(calls) > 3))
    (finished,) = [e for e in events if isinstance(e, ev.TrainingFinished)]
    metrics = json.loads((Path(finished.run_dir) / "metrics.json").read_text())
    assert metrics["status"] == "stopped" and metrics["message"].startswith("Stopped on request at step")


def test_10_a_run_closed_mid_batch_says_it_was_interrupted(tmp_path):
    events = run_training(TrainConfig(**FAST | dict(epochs=3, out_dir=str(tmp_path))))
    started = next(events)
    next(events)
    events.close()
    metrics = json.loads((Path(started.run_dir) / "metrics.json").read_text())
    assert metrics["status"] == "stopped" and "interrupted" in metrics["message"]
    (summary,) = list_runs(tmp_path)
    assert summary.status == "stopped" and "interrupted" in summary.problem


def test_10_a_run_left_running_by_a_dead_process_is_listed_as_interrupted(tmp_path):
    folder = _run_folder(tmp_path, "killed", _good_metrics() | {"status": "running"})
    (folder / "running.lock").write_text("")  # its process died: nobody holds the lock
    (summary,) = list_runs(tmp_path)
    assert summary.status == "interrupted"
    events = run_training(TrainConfig(**FAST | dict(epochs=1, out_dir=str(tmp_path / "live"))))
    next(events)
    (live,) = list_runs(tmp_path / "live")
    assert live.status == "running"  # held by this process, while it runs
    events.close()


# ---------------------------------------------------------------- 11: whole sentences, details in the log


@pytest.mark.parametrize("content", [b"PK\x03\x04" + bytes(200), b"\x80\x02}q\x00." + bytes(30), b"x" * 500])
def test_11_an_unreadable_checkpoint_gets_a_whole_sentence_and_the_details_go_to_the_log(tmp_path, content, caplog):
    path = tmp_path / "broken.pt"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING), pytest.raises(UserInputError) as raised:
        load_checkpoint(path)
    message = str(raised.value)
    assert message.endswith(".") and "broken.pt is not a readable checkpoint" in message
    assert "miniz" not in message and "PyTorch" not in message and "Weights only" not in message
    assert "broken.pt" in caplog.text and len(caplog.text) > len(message) - 60  # the library's text is there


def test_11_a_damaged_checkpoint_field_is_named_not_a_python_error(tmp_path):
    path = _save_payload(_checkpoint_payload() | {"classes": [1, 2]}, tmp_path / "odd.pt")
    with pytest.raises(UserInputError) as raised:
        load_checkpoint(path)
    assert "cannot convert" not in str(raised.value) and "missing" not in str(raised.value)
