"""The augmentation experiment: LeNet-5 on a few training images per class, with and without the augmentation
page's methods; its variants, subsets, accuracies, caption, and the mirrored digits of the lesson."""

from __future__ import annotations

import math

import numpy as np
import pytest
from generators import drain

from engine.data.datasets import make_dataset
from engine.learning.experiments import augmentation
from engine.learning.experiments.registry import get_experiment
from engine.learning.experiments.result import ExperimentConfig, ExperimentResult, ExperimentRun
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError


def _config(**changes) -> ExperimentConfig:
    return get_experiment("augmentation").default_config(device="cpu", **changes)


def test_the_default_grid_compares_every_label_preserving_method_at_ten_images_per_class():
    keys = augmentation.variant_keys(_config())
    assert [k for k in keys if k[0] == 10] == [(10, "none"), (10, "crop"), (10, "rotation"), (10, "shear"),
                                              (10, "warp"), (10, "all")]
    assert [k for k in keys if k[0] != 10] == [(5, "none"), (5, "all"), (20, "none"), (20, "all"), (50, "none"),
                                              (50, "all")]
    photos = augmentation.variant_keys(_config(data="cifar10"))
    assert (10, "mirror") in photos and (10, "colour") in photos and len(photos) == 14


def test_each_seed_draws_its_images_per_class_and_the_smaller_sets_sit_inside_the_larger():
    labels = make_dataset("digits", "train", channels=1, size=32).labels()
    five, ten = (augmentation.per_class_indices(labels, k, seed=2) for k in (5, 10))
    assert np.bincount(labels[ten]).tolist() == [10] * 10
    assert set(five) <= set(ten)
    assert augmentation.per_class_indices(labels, 10, seed=2) == ten
    assert augmentation.per_class_indices(labels, 10, seed=3) != ten


@pytest.mark.parametrize("options, said", [({"per_class": [7, 10]}, "per_class"),
                                           ({"per_class": [5, 20]}, "with 10 among them"),
                                           ({"sizes": [5]}, "has no option")])
def test_bad_options_are_refused(options, said):
    with pytest.raises(UserInputError, match=said):
        augmentation.validate(_config(options=options))


def test_a_mirrored_digit_is_another_picture():
    images, mirrored, labels = augmentation.mirrored_digits()
    assert labels == tuple("0123456789") and images.shape == mirrored.shape == (10, 8, 8)
    assert np.array_equal(mirrored, images[:, :, ::-1])
    assert not np.array_equal(mirrored[2], images[2])  # a mirrored 2 is not a 2


def test_each_run_reports_its_accuracy_on_its_own_images_and_on_the_test_set():
    config = _config(seeds=1, steps=20, options={"per_class": [10]})
    events, result = drain(augmentation.run(config, None, lambda: False, lambda key: False))
    assert isinstance(events[0], ev.ExperimentStarted) and result.status == "finished"
    assert [v.key for v in result.variants] == ["10-none", "10-crop", "10-rotation", "10-shear", "10-warp",
                                                "10-all"]
    for run in result.runs:
        train, test = run.figures["train_accuracy"], run.figures["test_accuracy"]
        assert 0 <= train <= 1 and 0 <= test <= 1 and run.figures["gap"] == pytest.approx(train - test)
        assert test == pytest.approx(1 - run.figures["test_error"])
        assert list(run.curves["eval_step"]) == [20.0]
    assert result.x_curve == "eval_step" and result.y_curve == "test_error"
    finished = [e.run for e in events if isinstance(e, ev.ExperimentRunFinished)]
    assert all(math.isfinite(run.figures["train_accuracy"]) for run in finished)


def _result(accuracies: dict[str, list[float]], data: str = "digits") -> ExperimentResult:
    config = _config(data=data)
    runs = []
    for size, method in augmentation.variant_keys(config):
        key = f"{size}-{method}"
        for seed, accuracy in enumerate(accuracies.get(key, accuracies.get(method, [0.6, 0.6, 0.6]))):
            figures = {"test_accuracy": accuracy, "train_accuracy": 1.0, "gap": 1.0 - accuracy}
            runs.append(ExperimentRun(key, seed, "finished", {}, figures, 1.0))
    variants = tuple(augmentation.variant_keys(config))
    from engine.learning.experiments.result import Variant

    return ExperimentResult(config=config, title="", question="",
                            variants=tuple(Variant(f"{s}-{m}", "") for s, m in variants), figures=(),
                            x_curve="eval_step", y_curve="test_error", y_label="", runs=tuple(runs),
                            status="finished", device="CPU", created="")


def test_the_caption_says_what_the_runs_show():
    raised = str(augmentation.caption(_result({"none": [0.60, 0.62, 0.61], "all": [0.70, 0.72, 0.71],
                                                "10-rotation": [0.75, 0.76, 0.77]})))
    assert "raised LeNet-5's test accuracy from 61.0 % to 71.0 % in every seed" in raised
    assert "narrowed the gap" in raised and "39.0 % to 29.0 %" in raised
    assert "best single method, rotation, reached 76.0 %" in raised
    assert "5: +10.0; 20: +10.0; 50: +10.0" in raised and "a mirrored 2 is not a 2" in raised
    lowered = str(augmentation.caption(_result({"none": [0.70, 0.72, 0.71], "all": [0.60, 0.62, 0.61]})))
    assert "lowered LeNet-5's test accuracy" in lowered
    overlap = str(augmentation.caption(_result({"none": [0.60, 0.70, 0.65], "all": [0.62, 0.68, 0.66]})))
    assert "no clear difference, the seeds overlap" in overlap
    photos = str(augmentation.caption(_result({"none": [0.3] * 3, "all": [0.4] * 3}, data="cifar10")))
    assert "all 6 methods" in photos and "mirrored 2" not in photos


def test_at_ten_images_per_class_augmentation_keeps_lenet5_from_learning_its_images_by_heart():
    # What the shipped runs show robustly (resources/experiments/augmentation.json): without augmentation every
    # seed fits its 100 training images (99-100 % after 150 steps); with all methods none does (89-93 % after
    # 400). They do not show a higher test accuracy on the digits: the caption says so.
    config = _config(seeds=2, steps=150, options={"per_class": [10]})
    _, result = drain(augmentation.run(config, None, lambda: False, lambda key: False))
    plain = [run.figures["train_accuracy"] for run in result.runs_of("10-none")]
    augmented = [run.figures["train_accuracy"] for run in result.runs_of("10-all")]
    assert min(plain) >= 0.98, plain
    assert max(augmented) <= min(plain) - 0.04, (plain, augmented)
