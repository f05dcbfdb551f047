"""engine.learning.depth: plain against residual networks as depth grows (He et al. 2016, Fig. 6) — small sweeps that
finish, save, reopen and stop; the gradients at initialisation; the command line; the shipped result."""

from __future__ import annotations

import json
import math
import queue
import time

import numpy as np
import pytest

from engine.learning.depth import (
    SHIPPED_RESULT,
    Comparison,
    DepthConfig,
    compare,
    load_result,
    run_depth_sweep,
    smooth,
)
from engine.models.analysis import analyze
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from engine.runtime.worker import EngineWorker
from main import main

TINY = dict(depths=(8, 14), steps=6, gradient_every=2, window=3, device="cpu")


def _sweep(config: DepthConfig, **options) -> list[ev.Event]:
    return list(run_depth_sweep(config, **options))


def _finished(events: list[ev.Event]) -> ev.DepthSweepFinished:
    (finished,) = [e for e in events if isinstance(e, ev.DepthSweepFinished)]
    return finished


@pytest.fixture(scope="module")
def tiny_sweep(tmp_path_factory) -> list[ev.Event]:
    return _sweep(DepthConfig(**TINY, out=str(tmp_path_factory.mktemp("depth"))))


def test_smoothing_is_the_mean_of_the_last_window_steps():
    errors = np.array([1.0, 0.0, 0.5, 0.5, 0.0])
    np.testing.assert_allclose(smooth(errors, 2), [1.0, 0.5, 0.25, 0.5, 0.25])
    np.testing.assert_allclose(smooth(errors, 10), np.cumsum(errors) / np.arange(1, 6))


def test_a_tiny_sweep_trains_every_run_side_by_side(tiny_sweep):
    started = tiny_sweep[0]
    assert isinstance(started, ev.DepthSweepStarted)
    assert [r.model for r in started.runs] == ["plain8", "plain14", "resnet8", "resnet14"]
    progress = [e.run.model for e in tiny_sweep if isinstance(e, ev.DepthRunProgress)]
    assert progress == ["plain8", "plain14", "resnet8", "resnet14"] * 6  # one step of each in turn
    finished = _finished(tiny_sweep)
    assert not finished.stopped and finished.result.status == "finished"
    for run in finished.result.runs:
        assert (run.status, run.steps_done) == ("finished", 6)
        assert 0 <= run.test_error <= 1 and run.seconds > 0
        assert run.train_error == pytest.approx(np.mean(run.errors[-3:]))
        assert list(run.gradient_steps) == [1, 2, 4, 6]
        assert run.gradient_norms.shape == (4, run.depth)  # one norm per weighted layer
        assert np.all(run.gradient_norms > 0)
        assert not run.errors.flags.writeable


def test_parameter_counts_are_the_zoos(tiny_sweep):
    for run in _finished(tiny_sweep).result.runs:
        assert run.params == analyze(run.model, width=8, shortcut="A").params
    assert analyze("plain56").params == analyze("resnet56").params == 853_018  # width 16: the zoo's own


def _paper_count(depth: int, width: int, classes: int = 10) -> int:
    """Parameters of the CIFAR network as section 4.2 of the paper describes it, with ``width`` for its 16."""
    count, channels_in = 3 * 9 * width + 2 * width, width  # first convolution and its batch normalisation
    for channels in (width, 2 * width, 4 * width):
        for _ in range((depth - 2) // 6):
            count += 9 * channels_in * channels + 9 * channels * channels + 4 * channels
            channels_in = channels
    return count + 4 * width * classes + classes


@pytest.mark.parametrize(("depth", "width"), [(20, 16), (56, 16), (20, 8), (56, 8), (44, 4)])
def test_the_width_option_keeps_the_paper_s_architecture(depth, width):
    assert analyze(f"plain{depth}", width=width).params == _paper_count(depth, width)
    assert analyze(f"resnet{depth}", width=width).params == _paper_count(depth, width)  # option A: no parameters


def test_plain_and_residual_twins_start_from_identical_weights():
    import torch

    from engine.models.zoo import get_model

    weights = []
    for name in ("plain20", "resnet20"):
        torch.manual_seed(0)  # as every run of a sweep
        weights.append(get_model(name, width=8).state_dict())
    assert weights[0].keys() == weights[1].keys()
    assert all(torch.equal(weights[0][key], weights[1][key]) for key in weights[0])


def test_the_zoo_refuses_a_width_below_one():
    from engine.models.zoo import get_model

    with pytest.raises(UserInputError, match="width must be a whole number of channels of at least 1, got 0"):
        get_model("resnet20", width=0)


def test_a_saved_sweep_reopens_the_same(tiny_sweep):
    finished = _finished(tiny_sweep)
    reopened = load_result(finished.path)
    assert reopened.config == finished.result.config
    assert reopened.status == "finished"
    for saved, run in zip(reopened.runs, finished.result.runs, strict=True):
        assert (saved.model, saved.params, saved.status) == (run.model, run.params, run.status)
        np.testing.assert_allclose(saved.errors, run.errors)
        np.testing.assert_allclose(saved.smoothed, run.smoothed)
        np.testing.assert_allclose(saved.gradient_norms, run.gradient_norms, rtol=1e-4)
        assert saved.test_error == pytest.approx(run.test_error)


def test_the_deep_plain_network_s_first_layer_gets_a_burst_then_starves(tmp_path):
    """Gradient of the first layer, plain-56 against ResNet-56 from the same initial weights.

    At initialisation (step 1) batch normalisation makes the deep plain network's gradients grow towards the
    input: its first layer gets far MORE than the residual network's (He et al. 2016, section 4.2, found the
    plain networks' gradients "healthy"; they do not vanish at the start). That burst inflates the first
    layers' weights, and after a few steps the same layer gets far LESS than the residual network's and than
    the plain network's own last convolution: the early layers starve, while the residual network's gradient
    reaches every layer.
    """
    config = DepthConfig(depths=(56,), steps=10, gradient_every=10, device="cpu", out=str(tmp_path))
    result = _finished(_sweep(config)).result
    plain, residual = result.run("plain", 56), result.run("residual", 56)
    assert list(plain.gradient_steps) == list(residual.gradient_steps) == [1, 10]
    (plain_init, plain_later), (residual_init, residual_later) = plain.gradient_norms, residual.gradient_norms
    assert plain_init[0] > 10 * residual_init[0], (plain_init[0], residual_init[0])
    assert plain_later[0] < residual_later[0] / 10, (plain_later[0], residual_later[0])
    assert plain_later[0] < plain_later[-2] / 2  # first against last convolution of the same network
    assert residual_later[0] > residual_later[-2] / 2


def test_stopping_the_sweep_keeps_a_partial_result_marked_stopped(tmp_path):
    seen = []

    def should_stop() -> bool:
        return len(seen) >= 6  # started, then steps 1 of all four runs and step 2 of the first

    config = DepthConfig(**TINY | dict(steps=50), out=str(tmp_path / "partial.json"))
    for event in run_depth_sweep(config, should_stop=should_stop):
        seen.append(event)
    finished = _finished(seen)
    assert finished.stopped
    saved = load_result(tmp_path / "partial.json")
    assert saved.status == "stopped"
    assert [r.steps_done for r in saved.runs] == [2, 1, 1, 1]
    assert all(r.status == "stopped" and np.isnan(r.test_error) for r in saved.runs)


def test_one_run_can_be_stopped_while_the_others_go_on(tmp_path):
    stopped = set()
    config = DepthConfig(**TINY, out=str(tmp_path))
    events = []
    for event in run_depth_sweep(config, run_stopped=stopped.__contains__):
        events.append(event)
        if isinstance(event, ev.DepthRunProgress) and event.run.model == "plain14" and event.run.steps_done == 2:
            stopped.add("plain14")
    result = _finished(events).result
    assert [(r.model, r.status, r.steps_done) for r in result.runs] == [
        ("plain8", "finished", 6), ("plain14", "stopped", 2), ("resnet8", "finished", 6),
        ("resnet14", "finished", 6)]
    assert 0 <= result.run("plain", 14).test_error <= 1  # measured when it was stopped
    assert compare(result).step == 2  # the comparison waits for the shortest of the four corners


def test_a_sweep_closed_mid_run_still_saves_what_it_has(tmp_path):
    events = run_depth_sweep(DepthConfig(**TINY, out=str(tmp_path / "closed.json")))
    for event in events:
        if isinstance(event, ev.DepthRunProgress) and event.run.steps_done == 3:
            break
    events.close()
    saved = load_result(tmp_path / "closed.json")
    assert saved.status == "stopped" and saved.runs[0].steps_done == 3


def test_a_run_whose_loss_becomes_nan_ends_as_diverged(tmp_path, monkeypatch):
    import torch

    real = torch.nn.functional.cross_entropy
    monkeypatch.setattr(torch.nn.functional, "cross_entropy", lambda *a, **k: real(*a, **k) * math.nan)
    events = _sweep(DepthConfig(**TINY, out=str(tmp_path)))
    ended = [e.run for e in events if isinstance(e, ev.DepthRunFinished)]
    assert [(r.model, r.status, r.steps_done) for r in ended] == [
        ("plain8", "diverged", 1), ("plain14", "diverged", 1), ("resnet8", "diverged", 1), ("resnet14", "diverged", 1)]
    assert load_result(_finished(events).path).runs[0].status == "diverged"


def test_the_engine_thread_serves_a_stop_between_steps(tmp_path):
    seen: queue.Queue = queue.Queue()
    worker = EngineWorker(seen.put, device="cpu")
    worker.start()
    try:
        worker.submit(ev.StartDepthSweep(DepthConfig(**TINY | dict(steps=500), out=str(tmp_path))))
        deadline = time.monotonic() + 120
        events: list[ev.Event] = []
        while not any(isinstance(e, ev.DepthSweepFinished) for e in events):
            assert time.monotonic() < deadline, [type(e).__name__ for e in events]
            event = seen.get(timeout=60)
            events.append(event)
            if isinstance(event, ev.DepthRunProgress) and event.run.steps_done == 2:
                worker.submit(ev.StopDepthSweep())
    finally:
        assert worker.stop()
    finished = _finished(events)
    assert finished.stopped and max(r.steps_done for r in finished.result.runs) < 10
    assert not [e for e in events if isinstance(e, ev.RequestFailed)]


def test_comparison_is_made_on_the_smoothed_error_at_the_last_common_step():
    comparison = Comparison(300, 20, 56, plain_shallow=0.0, plain_deep=0.2, residual_shallow=0.004,
                            residual_deep=0.013)
    assert comparison.plain_degrades and comparison.residual_holds
    assert not Comparison(300, 20, 56, 0.0, 0.0, 0.0, 0.02).residual_holds


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (dict(depths=(20, 21)), r"depth must be 6n\+2"),
        (dict(depths=()), "give 1 to 8 depths"),
        (dict(depths=(20, 20)), "each depth once"),
        (dict(steps=0), "steps must be a whole number from 1"),
        (dict(width=0), "width must be a whole number from 1"),
        (dict(shortcut="C"), "shortcut must be one of A, B"),
        (dict(data="mnist"), "data must be one of digits, cifar10"),
        (dict(batch_size=5000), "batch size must be a whole number"),
    ],
)
def test_bad_options_are_refused(options, message):
    with pytest.raises(UserInputError, match=message):
        DepthConfig(**options).validate()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--depths", "20,x"], "main.py: depths must be whole numbers separated by commas"),
        (["--depths", "20,33"], "main.py: depth must be 6n+2 (8, 14, 20"),
        (["--steps", "-3"], "main.py: steps must be a whole number"),
        (["--width", "0"], "main.py: width must be a whole number"),
        (["--data", "cifar10"], "main.py: CIFAR-10 is not in"),
    ],
)
def test_the_command_line_refuses_bad_options_in_one_line(argv, message, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("engine.data.datasets.default_data_root", lambda: tmp_path)  # no CIFAR-10 files there
    status = main(["depth", *argv, "--device", "cpu", "--out", str(tmp_path)])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert captured.err.startswith(message), captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_json_gives_each_run_s_depth_kind_parameters_errors_and_seconds(tmp_path, capsys):
    argv = ["depth", "--depths", "8,14", "--steps", "2", "--width", "16", "--shortcut", "B", "--device", "cpu",
            "--json", "--out", str(tmp_path)]
    assert main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    assert "smoothed training error" in report["definition"]
    assert [(r["kind"], r["depth"]) for r in report["runs"]] == [
        ("plain", 8), ("plain", 14), ("residual", 8), ("residual", 14)]
    for run in report["runs"]:
        assert {"depth", "kind", "parameters", "train_error", "test_error", "seconds"} <= set(run)
        assert run["parameters"] == analyze(run["model"], shortcut="B").params  # width 16: the zoo's networks
    assert report["runs"][2]["parameters"] > report["runs"][0]["parameters"]  # option B's projections
    assert set(report["comparison"]) >= {"step", "plain_shallow", "plain_deep", "residual_shallow",
                                         "residual_deep", "plain_degrades", "residual_holds"}
    assert load_result(report["file"]).status == "finished"


def test_the_shipped_result_shows_the_degradation_and_the_fix():
    result = load_result(SHIPPED_RESULT)
    assert SHIPPED_RESULT.stat().st_size < 400_000
    assert (result.status, result.config) == ("finished", DepthConfig(device="cpu", out=result.config.out))
    comparison = compare(result)
    assert comparison.step == result.config.steps
    assert comparison.plain_degrades and comparison.residual_holds, comparison
    for run in result.runs:
        assert run.params == analyze(run.model, width=result.config.width).params
        assert run.status == "finished" and np.isfinite(run.test_error)
