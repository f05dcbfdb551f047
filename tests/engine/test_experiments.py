"""The experiment mechanism (engine.learning.experiments): the runner, the registry, the command line and the
training experiments, on small configurations (each test a few seconds on two shared cores)."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from torch import nn

from engine.learning.experiments import registry
from engine.learning.experiments.registry import EXPERIMENTS, get_experiment, run_experiment
from engine.learning.experiments.result import ExperimentConfig, load_result, save_result
from engine.learning.experiments.runner import RunVariant, Training, smooth, steps_to_threshold, train_variants
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from main import main

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["activation", "pooling", "stacked-filters", "depth", "bottleneck-time", "augmentation"]


def _drain(events):
    """Every event of a generator, and its return value."""
    collected = []
    while True:
        try:
            collected.append(next(events))
        except StopIteration as end:
            return collected, end.value


# ---------------------------------------------------------------- the registry


def test_the_registry_names_the_six_experiments_in_lecture_order():
    assert list(EXPERIMENTS) == NAMES
    assert [e.name for e in registry.experiments_for("lenet")] == ["activation", "pooling"]
    assert [e.name for e in registry.experiments_for("vgg")] == ["stacked-filters"]
    assert get_experiment("depth").shipped == ROOT / "resources" / "experiments" / "depth.json"
    with pytest.raises(UserInputError, match="unknown experiment 'nope'; accepted: activation, pooling"):
        get_experiment("nope")


def test_listing_imports_no_experiment_module_nor_torch():
    code = ("import sys; from engine.learning.experiments.registry import EXPERIMENTS; "
            "print([m for m in sys.modules if m.startswith('engine.learning.experiments.') or m == 'torch'])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['engine.learning.experiments.result', 'engine.learning.experiments.registry']"


def test_default_configurations_override_key_by_key():
    config = get_experiment("activation").default_config(steps=7, options={"threshold": 0.5})
    assert (config.name, config.seeds, config.steps, config.options["threshold"]) == ("activation", 3, 7, 0.5)


@pytest.mark.parametrize(("overrides", "message"), [
    (dict(seeds=0), "seeds must be a whole number from 1 to 20, got 0"),
    (dict(steps=1.5), "steps must be a whole number"),
    (dict(data="imagenet"), "data must be one of digits, mnist, cifar10, got 'imagenet'"),
    (dict(device="tpu"), "device must be one of"),
    (dict(options={"colour": 1}), "the experiment activation has no option 'colour'; its options: threshold"),
    (dict(options={"threshold": 1.5}), "threshold must be a training error between 0 and 1"),
])
def test_bad_options_are_refused_before_anything_runs(overrides, message, tmp_path):
    config = get_experiment("activation").default_config(out=str(tmp_path), **overrides)
    with pytest.raises(UserInputError, match=message):
        next(run_experiment(config))
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- the runner


def _tiny_config(tmp_path, **changes) -> ExperimentConfig:
    return ExperimentConfig(name="activation", seeds=2, steps=4, batch_size=16, out=str(tmp_path)) if not changes \
        else replace(ExperimentConfig(name="activation", seeds=2, steps=4, batch_size=16, out=str(tmp_path)),
                     **changes)


class _Tiny(nn.Sequential):
    def __init__(self, classes: int, hidden: int = 8) -> None:
        super().__init__(nn.Flatten(), nn.Linear(64, hidden), nn.ReLU(), nn.Linear(hidden, classes))


_TRAINING = Training(channels=1, size=8, optimizer="sgd", lr=0.05, schedule="constant", window=2, threshold=0.5)


def _train(config, variants, **kwargs):
    return _drain(train_variants(config, variants, _TRAINING, title="t", question="q", **kwargs))


def test_every_variant_of_a_seed_starts_from_the_same_weights_and_sees_the_same_batches(tmp_path):
    initial: dict[str, list] = {}
    labels: dict[str, list] = {}

    def variant(key, activation):
        def build(classes):
            network = _Tiny(classes)
            network[2] = activation()
            initial.setdefault(key, []).append([p.detach().clone() for p in network.parameters()])
            return network

        def transform(images, batch_labels, generator):
            labels.setdefault(key, []).append(batch_labels.clone())
            return images, batch_labels

        return RunVariant(key, key, build, transform=transform)

    events, result = _train(_tiny_config(tmp_path), [variant("a", nn.ReLU), variant("b", nn.Tanh)])
    # Built variant-major, seed-minor: a/0, a/1, b/0, b/1.
    (a0, a1), (b0, b1) = initial["a"], initial["b"]
    assert all(torch.equal(x, y) for x, y in zip(a0, b0, strict=True))
    assert all(torch.equal(x, y) for x, y in zip(a1, b1, strict=True))
    assert not torch.equal(a0[0], a1[0])
    # One step of every run per batch: a/0, a/1, b/0, b/1 at each step; a seed's runs see the same labels.
    assert all(torch.equal(x, y) for x, y in zip(labels["a"][0::2], labels["b"][0::2], strict=True))
    assert not all(torch.equal(x, y) for x, y in zip(labels["a"][0::2], labels["a"][1::2], strict=True))
    assert isinstance(events[0], ev.ExperimentStarted) and all(r.status == "running" for r in events[0].result.runs)
    progress = [e.run.key for e in events if isinstance(e, ev.ExperimentRunProgress)]
    assert progress[:4] == ["a/0", "a/1", "b/0", "b/1"] and len(progress) == 16
    assert result.status == "finished" and [r.key for r in result.runs] == ["a/0", "a/1", "b/0", "b/1"]
    run = result.runs[0]
    assert list(run.curves["step"]) == [1, 2, 3, 4]
    np.testing.assert_allclose(run.curves["train_error_smoothed"], smooth(run.curves["train_error"], 2))
    assert run.figures["params"] == 64 * 8 + 8 + 8 * 10 + 10 and run.figures["macs"] == 64 * 8 + 8 * 10
    assert 0 <= run.figures["test_error"] <= 1 and run.figures["seconds"] > 0


def test_steps_to_threshold_is_the_first_step_at_or_below_it():
    assert steps_to_threshold(np.array([0.9, 0.6, 0.5, 0.2]), 0.5) == 3
    assert math.isnan(steps_to_threshold(np.array([0.9, 0.6]), 0.5))


def test_stopping_keeps_what_was_done_marked_stopped(tmp_path):
    calls = iter(range(1000))
    events, result = _train(_tiny_config(tmp_path), [RunVariant("a", "a", _Tiny)],
                            should_stop=lambda: next(calls) >= 3)
    assert result.status == "stopped"
    assert [(r.status, len(r.curves["step"])) for r in result.runs] == [("stopped", 2), ("stopped", 1)]
    assert all(math.isnan(r.figures["test_error"]) for r in result.runs)


def test_one_run_can_be_stopped_while_the_others_go_on(tmp_path):
    events, result = _train(_tiny_config(tmp_path), [RunVariant("a", "a", _Tiny), RunVariant("b", "b", _Tiny)],
                            run_stopped=lambda key: key == "b/1")
    statuses = {r.key: (r.status, len(r.curves["step"])) for r in result.runs}
    assert statuses == {"a/0": ("finished", 4), "a/1": ("finished", 4), "b/0": ("finished", 4), "b/1": ("stopped", 0)}
    assert result.status == "stopped"  # partial: one run did not finish
    assert [e.run.key for e in events if isinstance(e, ev.ExperimentRunFinished)][0] == "b/1"


def test_a_run_whose_loss_becomes_nan_ends_as_diverged_and_the_others_go_on(tmp_path):
    class Broken(_Tiny):
        def forward(self, x):
            return super().forward(x) * math.nan

    events, result = _train(_tiny_config(tmp_path), [RunVariant("ok", "ok", _Tiny),
                                                     RunVariant("bad", "bad", lambda c: Broken(c))])
    assert [r.status for r in result.runs] == ["finished", "finished", "diverged", "diverged"]
    assert [len(r.curves["step"]) for r in result.runs] == [4, 4, 1, 1]


def test_a_test_curve_every_k_steps_and_an_extra_recorder(tmp_path):
    class Norms:
        def __init__(self, network):
            self.network, self.steps = network, []

        def after_backward(self, step):
            self.steps.append(step)

        def curves(self):
            return {"recorded_steps": np.array(self.steps, dtype=np.float64)}

    training = replace(_TRAINING, eval_every=2)
    result = _drain(train_variants(_tiny_config(tmp_path, steps=5), [RunVariant("a", "a", _Tiny, recorder=Norms)],
                                   training, title="t", question="q"))[1]
    run = result.runs[0]
    assert list(run.curves["eval_step"]) == [2, 4, 5] and run.curves["test_error"][-1] == run.figures["test_error"]
    assert list(run.curves["recorded_steps"]) == [1, 2, 3, 4, 5]


def test_a_run_closed_early_still_saves_what_it_has(tmp_path):
    config = get_experiment("pooling").default_config(seeds=1, steps=50, out=str(tmp_path / "r.json"))
    events = run_experiment(config)
    for event in events:
        if isinstance(event, ev.ExperimentRunProgress) and event.run.curves["step"][-1] == 3:
            break
    events.close()  # the window closing, Ctrl+C
    saved = load_result(tmp_path / "r.json")
    assert saved.status == "stopped" and {r.status for r in saved.runs} == {"stopped"}
    assert [len(r.curves["step"]) for r in saved.runs] == [3, 2]


# ---------------------------------------------------------------- the experiments


def test_sigmoid_needs_more_steps_than_relu_to_reach_the_threshold(tmp_path):
    config = get_experiment("activation").default_config(seeds=2, steps=160, out=str(tmp_path))
    events = list(run_experiment(config))
    result = events[-1].result
    never = config.steps + 1
    for seed in range(2):
        steps = {r.variant: r.figures["steps_to_threshold"] for r in result.runs if r.seed == seed}
        assert (steps["sigmoid"] if math.isfinite(steps["sigmoid"]) else never) > steps["relu"], steps
    caption = get_experiment("activation").caption(result)
    assert ">160 with sigmoid" in caption and "mean of 2 seeds" in caption


@pytest.mark.parametrize("channels", [4, 16])
def test_stacked_filter_parameters_are_18c2_25c2_27c2_49c2_plus_biases(channels):
    from engine.learning.experiments import stacked_filters

    config = get_experiment("stacked-filters").default_config(options={"channels": channels})
    counted = {v.key: v.figures["block_params"] for v in stacked_filters.variants(config)}
    c = channels
    assert counted == {"3x3x2": 18 * c * c + 2 * c, "5x5": 25 * c * c + c, "3x3x3": 27 * c * c + 3 * c,
                       "7x7": 49 * c * c + c}
    network = stacked_filters.StackedNet("3x3x3", c, 1, 16, 10)
    assert stacked_filters.block_params(network) == 27 * c * c + 3 * c


def test_pooling_variants_differ_in_their_pooling_only():
    from engine.learning.experiments import pooling

    torch.manual_seed(0)
    average = pooling.variants()[0].build(10)
    torch.manual_seed(0)
    maximum = pooling.variants()[1].build(10)
    assert [type(m).__name__ for m in maximum] == [type(m).__name__.replace("Avg", "Max") for m in average]
    assert all(torch.equal(a, b) for a, b in zip(average.parameters(), maximum.parameters(), strict=True))


def test_captions_say_when_the_seeds_overlap(tmp_path):
    config = get_experiment("pooling").default_config(seeds=2, steps=3, out=str(tmp_path))
    result = list(run_experiment(config))[-1].result

    def with_test_errors(errors):
        runs = [replace(run, figures={**run.figures, "test_error": e}) for run, e in zip(result.runs, errors,
                                                                                        strict=True)]
        return replace(result, runs=tuple(runs))

    caption = get_experiment("pooling").caption
    assert "no clear difference" in caption(with_test_errors([0.10, 0.20, 0.15, 0.12]))
    assert "max pooling was better in every seed" in caption(with_test_errors([0.20, 0.21, 0.10, 0.12]))
    assert "average pooling was better in every seed" in caption(with_test_errors([0.05, 0.06, 0.10, 0.12]))


@pytest.mark.parametrize("name", ["augmentation", "bottleneck-time"])
def test_the_other_helpers_experiments_have_every_part_when_present(name):
    experiment = get_experiment(name)
    if importlib.util.find_spec(experiment.module) is None:
        pytest.skip(f"{experiment.module} is not written yet")
    definition = experiment.definition()
    assert all(hasattr(definition, part) for part in ("DEFAULTS", "validate", "run", "caption"))


# ---------------------------------------------------------------- the command line


def test_list_names_all_six(capsys):
    assert main(["experiment", "--list"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()] == NAMES


def test_json_gives_each_variant_s_figures_over_the_seeds(tmp_path, capsys):
    out = tmp_path / "pooling.json"
    assert main(["experiment", "pooling", "--seeds", "2", "--steps", "3", "--device", "cpu", "--json",
                 "--out", str(out)]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["status"] == "finished" and report["file"] == str(out) and "pooling on digits" in captured.err
    assert [v["key"] for v in report["variants"]] == ["average", "max"]
    params = report["variants"][0]["figures"]["params"]
    assert params == {"mean": 61706, "min": 61706, "max": 61706, "runs": 2}
    assert len(report["runs"]) == 4 and report["caption"].startswith("On the digits, LeNet-5 with max pooling")
    assert load_result(out).config.steps == 3


@pytest.mark.parametrize(("argv", "message"), [
    (["experiment"], "name an experiment (activation, pooling"),
    (["experiment", "colour"], "unknown experiment 'colour'"),
    (["experiment", "pooling", "--seeds", "0"], "seeds must be a whole number from 1 to 20"),
    (["experiment", "pooling", "--steps", "x"], "argument --steps: invalid int value"),
    (["experiment", "pooling", "--data", "imagenet"], "data must be one of digits"),
])
def test_the_command_line_refuses_bad_options_in_one_line(argv, message, capsys, tmp_path):
    try:
        status = main([*argv, "--out", str(tmp_path)])
    except SystemExit as exit_:
        status = exit_.code
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and message in err, err


# ---------------------------------------------------------------- result files


@pytest.fixture(scope="module")
def saved_result(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("result")
    config = get_experiment("pooling").default_config(seeds=1, steps=2, out=str(folder / "r.json"))
    path = Path(list(run_experiment(config))[-1].path)
    return path, json.loads(path.read_text())


def test_a_saved_result_reopens_the_same(saved_result, tmp_path):
    path, _ = saved_result
    result = load_result(path)
    again = load_result(save_result(result, tmp_path / "again.json"))
    assert again.config == result.config and [r.key for r in again.runs] == [r.key for r in result.runs]
    np.testing.assert_allclose(again.runs[0].curves["train_error"], result.runs[0].curves["train_error"])


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def _damaged(content: dict, path: list, value) -> dict:
    copy = json.loads(json.dumps(content))
    node = copy
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return copy


def _paths(content, prefix=()):
    if isinstance(content, dict):
        items = content.items()
    elif isinstance(content, list):
        items = enumerate(content)
    else:
        return
    for key, value in items:
        yield [*prefix, key]
        yield from _paths(value, (*prefix, key))


@given(data=st.data())
def test_a_damaged_result_file_is_one_user_input_error(saved_result, data, tmp_path_factory):
    _, content = saved_result
    paths = list(_paths(content))
    path = data.draw(st.sampled_from(paths))
    damaged = _damaged(content, path, data.draw(JSON))
    target = tmp_path_factory.mktemp("damaged") / "r.json"
    target.write_text(json.dumps(damaged), encoding="utf-8")
    try:
        load_result(target)
    except UserInputError as error:
        assert str(target) in str(error) and "\n" not in str(error)


def test_truncated_and_foreign_files_are_refused(saved_result, tmp_path):
    path, _ = saved_result
    cut = tmp_path / "cut.json"
    cut.write_bytes(path.read_bytes()[:100])
    with pytest.raises(UserInputError, match="cannot be read"):
        load_result(cut)
    other = tmp_path / "other.json"
    other.write_text('{"format": "cnn-casebook depth sweep"}')
    with pytest.raises(UserInputError, match="is not an experiment result"):
        load_result(other)


def test_the_depth_experiment_records_each_layer_s_gradient_norms(tmp_path):
    experiment = get_experiment("depth")
    config = experiment.default_config(seeds=2, steps=3, options={"depths": [8, 14], "width": 2,
                                                                 "gradient_every": 2}, out=str(tmp_path))
    result = list(run_experiment(config))[-1].result
    assert [v.key for v in result.variants] == ["plain8", "plain14", "resnet8", "resnet14"]
    assert [v.label for v in result.variants] == ["Plain-8", "Plain-14", "ResNet-8", "ResNet-14"]
    run = result.runs_of("plain14")[1]
    assert list(run.curves["gradient_steps"]) == [1, 2, 3] and run.figures["layers"] == 14
    assert run.curves["gradient_norms"].shape == (3 * 14,) and (run.curves["gradient_norms"] > 0).all()
    # Twins have the same layers (option A shortcuts have no weights).
    assert result.runs_of("plain8")[0].figures["params"] == result.runs_of("resnet8")[0].figures["params"]
    assert "mean of 2 seeds" in experiment.caption(result)


@pytest.mark.parametrize(("options", "message"), [
    ({"depths": [20, 21]}, "depth must be 6n\\+2"),
    ({"depths": []}, "give 1 to 8 depths"),
    ({"shortcut": "C"}, "shortcut must be one of A, B"),
])
def test_the_depth_experiment_refuses_bad_options(options, message, tmp_path):
    config = get_experiment("depth").default_config(options=options, out=str(tmp_path))
    with pytest.raises(UserInputError, match=message):
        next(run_experiment(config))


def test_the_engine_thread_serves_a_stop_of_one_run_then_of_all(tmp_path):
    import queue
    import time

    from engine.runtime.worker import EngineWorker

    seen: queue.Queue = queue.Queue()
    worker = EngineWorker(seen.put, device="cpu")
    worker.start()
    config = get_experiment("pooling").default_config(seeds=1, steps=500, out=str(tmp_path))
    try:
        worker.submit(ev.StartExperiment(config))
        deadline = time.monotonic() + 120
        events: list[ev.Event] = []
        while not any(isinstance(e, ev.ExperimentFinished) for e in events):
            assert time.monotonic() < deadline, [type(e).__name__ for e in events]
            event = seen.get(timeout=60)
            events.append(event)
            if isinstance(event, ev.ExperimentRunProgress) and event.run.key == "max/0":
                steps = len(event.run.curves["step"])
                if steps == 2:
                    worker.submit(ev.StopExperiment(run="max/0"))
            if isinstance(event, ev.ExperimentRunFinished) and event.run.key == "max/0":
                worker.submit(ev.StopExperiment())
    finally:
        assert worker.stop()
    (finished,) = [e for e in events if isinstance(e, ev.ExperimentFinished)]
    runs = {run.key: run for run in finished.result.runs}
    assert finished.stopped and runs["max/0"].status == "stopped" and math.isfinite(runs["max/0"].figures["test_error"])
    assert runs["average/0"].status == "stopped" and len(runs["average/0"].curves["step"]) < 20
    assert load_result(finished.path).status == "stopped"
    assert not [e for e in events if isinstance(e, ev.RequestFailed)]


def test_ctrl_c_on_the_command_line_keeps_what_was_done(tmp_path, capsys, monkeypatch):
    real = registry.run_experiment

    def interrupted(config, *args, **kwargs):
        for event in real(config, *args, **kwargs):
            yield event
            if isinstance(event, ev.ExperimentRunProgress) and event.run.curves["step"][-1] == 2:
                raise KeyboardInterrupt

    monkeypatch.setattr(registry, "run_experiment", interrupted)
    out = tmp_path / "r.json"
    assert main(["experiment", "pooling", "--seeds", "1", "--steps", "50", "--out", str(out)]) == 130
    assert "interrupted; what was done is saved, marked stopped" in capsys.readouterr().err
    assert load_result(out).status == "stopped"


@pytest.mark.parametrize("name", ["activation", "pooling", "stacked-filters", "depth"])
def test_each_shipped_result_is_its_default_configuration_finished_with_three_seeds(name):
    experiment = get_experiment(name)
    result = load_result(experiment.shipped)
    default = experiment.default_config()
    assert (result.status, result.config.seeds, result.config.steps, result.config.data) == \
        ("finished", default.seeds, default.steps, "digits")
    assert dict(result.config.options) == dict(default.options) and default.seeds >= 3
    assert all(run.status == "finished" and len(run.curves["step"]) == default.steps for run in result.runs)
    assert len(result.runs) == default.seeds * len(result.variants)
    assert experiment.caption(result).startswith(("On the digits", "Two 3×3"))


def test_the_shipped_results_show_what_their_captions_say():
    def values(name, variant, key):
        result = load_result(get_experiment(name).shipped)
        return [run.figures[key] for run in result.runs_of(variant)]

    assert all(math.isnan(v) for v in values("activation", "sigmoid", "steps_to_threshold"))
    assert max(values("activation", "tanh", "steps_to_threshold")) < min(values("activation", "relu",
                                                                                 "steps_to_threshold"))
    plain = np.mean(values("depth", "plain56", "train_error")) - np.mean(values("depth", "plain20", "train_error"))
    residual = np.mean(values("depth", "resnet56", "train_error")) - np.mean(values("depth", "resnet20", "train_error"))
    assert plain > 0.3 and residual < plain / 3
    assert values("stacked-filters", "3x3x2", "block_params")[0] == 18 * 16 * 16 + 2 * 16
