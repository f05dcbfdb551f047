"""Data augmentation with little data: LeNet-5 trained on a few images per class, with and without the
augmentation page's methods.

The deck's claim: augmentation makes more training images from the ones there are, so a network trained on few
overfits less. The experiment trains the lecture's LeNet-5 (its default recipe for the data set,
``engine.learning.recipes``) on ``k`` training images per class, drawn from the seed (the same images for every
variant of a seed, and the 5 of ``k = 5`` among the 10 of ``k = 10``...), with the methods of the augmentation
page applied to each batch (``engine.data.augmentation.augment_batch``, each image with its own parameters):

- at 10 images per class (the issue's test point): no augmentation, each method that keeps the data set's labels
  on its own, and all of them together;
- at the other sizes of ``options["per_class"]`` (5, 20 and 50 by default): no augmentation against all methods.

That is 12 variants on the digits (14 on CIFAR-10, which adds mirroring and colour shifting), × 3 seeds, in
about four minutes on two CPU cores; the full grid (every method at every size) would be 24 variants and twice
the time, and says little more than the sweep of "all" against "none" does.

What each run shows: its test accuracy, its accuracy on its own training images (measured without augmentation,
in evaluation mode, when the run ends) and the gap between the two; the test error every 50 steps is the curve.
On the digits mirroring and colour shifting are left out: a mirrored 2 is not a 2 (:func:`mirrored_digits` shows
it), and gray digits have no colour to shift; ``--data cifar10`` (photos) takes all six.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace

import numpy as np

from engine.data.augmentation import METHODS, augment_batch, methods_for
from engine.learning.experiments.common import (
    check_options,
    compare_means,
    data_name,
    figure_values,
    mean,
    swapped_lenet5,
    train_registered,
)
from engine.learning.experiments.result import ExperimentConfig, ExperimentResult, ExperimentRun, FigureSpec
from engine.learning.experiments.runner import Recorder, RunVariant, Training
from engine.learning.recipes import recipe_for
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, Text, UserInputError, text

__all__ = ["COMPARED_AT", "DEFAULTS", "PER_CLASS", "caption", "mirrored_digits", "run", "validate", "variant_keys"]

PER_CLASS = (5, 10, 20, 50)
"""Training images per class the experiment can use (the issue's sizes)."""
COMPARED_AT = 10
"""Images per class at which every method is tried on its own."""
_RECIPE = recipe_for("lenet5", "digits")
DEFAULTS = {"seeds": 3, "steps": 400, "data": "digits", "batch_size": _RECIPE.batch_size,
            "options": {"per_class": list(PER_CLASS)}}
"""400 steps of LeNet-5's digits recipe (batches of 8): 32 passes over the 100 images of 10 per class, enough for
the runs without augmentation to learn their training images by heart (100 % training accuracy)."""
_EVAL_EVERY = 50

_FIGURES = (
    FigureSpec("test_accuracy", QT_TRANSLATE_NOOP("engine", "Test accuracy"), "fraction"),
    FigureSpec("train_accuracy", QT_TRANSLATE_NOOP("engine", "Training accuracy (own images, not augmented)"),
               "fraction"),
    FigureSpec("gap", QT_TRANSLATE_NOOP("engine", "Gap: training minus test accuracy"), "fraction"),
    FigureSpec("seconds", QT_TRANSLATE_NOOP("engine", "Seconds"), "seconds"),
)

_METHOD_NAMES = {
    "mirror": QT_TRANSLATE_NOOP("engine", "mirroring"),
    "crop": QT_TRANSLATE_NOOP("engine", "cropping"),
    "rotation": QT_TRANSLATE_NOOP("engine", "rotation"),
    "shear": QT_TRANSLATE_NOOP("engine", "shearing"),
    "warp": QT_TRANSLATE_NOOP("engine", "warping"),
    "colour": QT_TRANSLATE_NOOP("engine", "colour shifting"),
}

# Every label the experiment can give, written out so that the Korean catalogue has each one.
_LABELS = {
    (5, "none"): QT_TRANSLATE_NOOP("engine", "5 per class, no augmentation"),
    (5, "all"): QT_TRANSLATE_NOOP("engine", "5 per class, all methods"),
    (10, "none"): QT_TRANSLATE_NOOP("engine", "10 per class, no augmentation"),
    (10, "mirror"): QT_TRANSLATE_NOOP("engine", "10 per class, mirroring"),
    (10, "crop"): QT_TRANSLATE_NOOP("engine", "10 per class, cropping"),
    (10, "rotation"): QT_TRANSLATE_NOOP("engine", "10 per class, rotation"),
    (10, "shear"): QT_TRANSLATE_NOOP("engine", "10 per class, shearing"),
    (10, "warp"): QT_TRANSLATE_NOOP("engine", "10 per class, warping"),
    (10, "colour"): QT_TRANSLATE_NOOP("engine", "10 per class, colour shifting"),
    (10, "all"): QT_TRANSLATE_NOOP("engine", "10 per class, all methods"),
    (20, "none"): QT_TRANSLATE_NOOP("engine", "20 per class, no augmentation"),
    (20, "all"): QT_TRANSLATE_NOOP("engine", "20 per class, all methods"),
    (50, "none"): QT_TRANSLATE_NOOP("engine", "50 per class, no augmentation"),
    (50, "all"): QT_TRANSLATE_NOOP("engine", "50 per class, all methods"),
}


def _per_class(config: ExperimentConfig) -> list[int]:
    return sorted(set(config.options.get("per_class", PER_CLASS)))


def validate(config: ExperimentConfig) -> None:
    """Refuse options the experiment does not have or sizes it cannot label.

    Raises
    ------
    UserInputError
        Naming the option, the value and what is accepted.
    """
    check_options(config, ("per_class",))
    sizes = config.options.get("per_class", PER_CLASS)
    if (not isinstance(sizes, (list, tuple)) or not sizes
            or any(isinstance(s, bool) or s not in PER_CLASS for s in sizes) or COMPARED_AT not in sizes):
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "per_class must list training images per class from {sizes}, with {compared} among them "
            "(where every method is tried); got {value}"),
            sizes=", ".join(map(str, PER_CLASS)), compared=COMPARED_AT, value=repr(sizes)))


def variant_keys(config: ExperimentConfig) -> list[tuple[int, str]]:
    """``(images per class, method)`` of every variant in order: ``none``, a method's name, or ``all``."""
    keys = []
    for size in _per_class(config):
        methods = methods_for(config.data) if size == COMPARED_AT else ()
        keys += [(size, "none"), *((size, m) for m in methods), (size, "all")]
    return keys


def _channels(data: str) -> int:
    return 3 if data.startswith("cifar") else 1


def _lenet5(channels: int):
    """The zoo's LeNet-5 (tanh, average pooling), its first convolution reading ``channels`` channels: photos
    keep their colour, so that colour shifting has something to act on."""
    from torch import nn

    def build(classes: int):
        network = swapped_lenet5(classes)
        if channels != 1:
            network.conv1 = nn.Conv2d(channels, 6, kernel_size=5)
        return network

    return build


def _methods_of(method: str, data: str) -> tuple[str, ...]:
    return () if method == "none" else methods_for(data) if method == "all" else (method,)


def _transform(methods: tuple[str, ...]):
    if not methods:
        return None
    return lambda images, labels, generator: (augment_batch(images, methods, generator), labels)


class _Subsets:
    """One variant's training images per seed, and the recorder that tests a run on them when it ends.

    The runner asks a variant for a run's training images (``indices``) and then builds its recorder, run after
    run; the recorder takes the images of the run asked for last, and refuses if that order ever changes.
    """

    def __init__(self, per_class: int, statistics: dict) -> None:
        self.per_class = per_class
        self.statistics = statistics  # shared by the variants: the training set's channel mean and deviation
        self.pending = None

    def indices(self, train_set, seed: int) -> list[int]:
        chosen = per_class_indices(train_set.labels(), self.per_class, seed)
        self.pending = (train_set, chosen)
        return chosen

    def recorder(self, network) -> _OwnImagesError:
        from engine.learning.training import channel_statistics

        if self.pending is None:
            raise RuntimeError("the runner built a recorder before choosing the run's training images")
        train_set, chosen = self.pending
        self.pending = None
        if "mean" not in self.statistics:
            self.statistics["mean"], self.statistics["std"] = channel_statistics(train_set)
        return _OwnImagesError(network, train_set, chosen, self.statistics["mean"], self.statistics["std"])


def per_class_indices(labels: np.ndarray, per_class: int, seed: int) -> list[int]:
    """``per_class`` images of each class, drawn from ``seed``: the first of one random order of each class's
    images, so that the 5 of a seed are among its 10, its 10 among its 20."""
    rng = np.random.default_rng(seed)
    chosen = []
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        chosen += members[rng.permutation(len(members))[:per_class]].tolist()
    return sorted(chosen)


class _OwnImagesError(Recorder):
    """The error of a run's network on its own training images, not augmented, in evaluation mode, measured
    when the run ends (the runner releases the recorder then, after its test error)."""

    def __init__(self, network, train_set, indices, mean, std) -> None:
        self.network, self.train_set, self.indices = network, train_set, indices
        self.mean, self.std = mean, std
        self.error = math.nan

    def after_backward(self, step: int) -> None:
        pass

    def release(self) -> None:
        import torch

        network, self.network = self.network, None
        if network is None:
            return
        device = next(network.parameters()).device
        images = torch.stack([self.train_set[i][0] for i in self.indices]).to(device)
        labels = torch.tensor([self.train_set[i][1] for i in self.indices], device=device)
        shape = (1, -1, 1, 1)
        mean = torch.tensor(self.mean, device=device).reshape(shape)
        std = torch.tensor(self.std, device=device).reshape(shape)
        network.eval()
        with torch.no_grad():
            self.error = float((network((images - mean) / std).argmax(dim=1) != labels).float().mean())

    def curves(self) -> dict[str, np.ndarray]:
        return {"own_images_error": np.array([self.error])} if math.isfinite(self.error) else {}


def run(config: ExperimentConfig, device, should_stop, run_stopped) -> Iterator[ev.Event]:
    """Train every variant from every seed side by side (``engine.learning.experiments.runner``); yields its
    events with each run's accuracies added; returns the result."""
    recipe = recipe_for("lenet5", config.data)
    channels = _channels(config.data)
    training = Training(channels=channels, size=32, optimizer=recipe.optimizer, lr=recipe.lr,
                        schedule=recipe.schedule, weight_decay=recipe.weight_decay, eval_every=_EVAL_EVERY)
    statistics: dict = {}
    variants = []
    for size, method in variant_keys(config):
        subsets = _Subsets(size, statistics)
        variants.append(RunVariant(f"{size}-{method}", _LABELS[(size, method)], _lenet5(channels),
                                   transform=_transform(_methods_of(method, config.data)),
                                   train_indices=subsets.indices, recorder=subsets.recorder))
    events = train_registered(config, variants, training, _FIGURES, device, should_stop, run_stopped)
    try:
        while True:
            try:
                event = next(events)
            except StopIteration as end:
                return _shown(end.value)
            if isinstance(event, ev.ExperimentStarted):
                yield ev.ExperimentStarted(_shown(event.result))
            elif isinstance(event, (ev.ExperimentRunProgress, ev.ExperimentRunFinished)):
                yield type(event)(_with_accuracies(event.run))
            else:
                yield event
    finally:
        events.close()


def _shown(result: ExperimentResult) -> ExperimentResult:
    """The result with its accuracies, and the test error over the steps as the curve to draw."""
    return replace(result, runs=tuple(_with_accuracies(run) for run in result.runs), x_curve="eval_step",
                   y_curve="test_error", y_label=QT_TRANSLATE_NOOP("engine", "Test error"))


def _with_accuracies(run: ExperimentRun) -> ExperimentRun:
    own = run.curves.get("own_images_error")
    train = 1 - float(own[-1]) if own is not None and len(own) else math.nan
    test = 1 - run.figures.get("test_error", math.nan)
    figures = {**run.figures, "train_accuracy": train, "test_accuracy": test, "gap": train - test}
    return replace(run, figures=figures)


def mirrored_digits(count: int = 10) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """The lesson's counter-example: one training digit of each class and its mirror image.

    Returns
    -------
    tuple
        ``uint8`` (count, 8, 8) digits as the data set has them, the same mirrored left to right, and their
        labels: a mirrored 2, 3, 4, 7 or 9 is not that digit any more (and a mirrored 0, 1 or 8 barely changes).
    """
    from engine.data.datasets import load_embedded_digits

    digits = load_embedded_digits()
    firsts = [int(np.flatnonzero(digits.train_labels == label)[0]) for label in range(10)][:count]
    images = digits.train_images[firsts]
    mirrored = np.ascontiguousarray(images[:, :, ::-1])
    for array in (images, mirrored):
        array.setflags(write=False)
    return images, mirrored, tuple(str(int(digits.train_labels[i])) for i in firsts)


# ---------------------------------------------------------------- the caption


def _points(values: list[float]) -> str:
    return f"{100 * mean(values):.1f} %"


def caption(result: ExperimentResult) -> Text:
    """What the runs show at 10 images per class (all methods against none: test accuracy, the gap, whether every
    seed agrees), the best single method, and the gain of all methods at the other sizes."""
    none = figure_values(result, f"{COMPARED_AT}-none", "test_accuracy")
    every = figure_values(result, f"{COMPARED_AT}-all", "test_accuracy")
    if not none or not every:
        return text(QT_TRANSLATE_NOOP("engine", "No run has finished yet."))
    data = result.config.data
    singles = [(mean(figure_values(result, f"{COMPARED_AT}-{m}", "test_accuracy")), m) for m in METHODS
               if figure_values(result, f"{COMPARED_AT}-{m}", "test_accuracy")]
    best = max(singles) if singles else (math.nan, "")
    gains = []
    for size in _per_class(result.config):
        if size == COMPARED_AT:
            continue
        low = figure_values(result, f"{size}-none", "test_accuracy")
        high = figure_values(result, f"{size}-all", "test_accuracy")
        if low and high:
            gains.append(f"{size}: {100 * (mean(high) - mean(low)):+.1f}")
    values = dict(
        data=data_name(data), per_class=COMPARED_AT, none=_points(none), all=_points(every),
        gap_none=_points(figure_values(result, f"{COMPARED_AT}-none", "gap")),
        gap_all=_points(figure_values(result, f"{COMPARED_AT}-all", "gap")),
        seeds=min(len(none), len(every)), best=text(_METHOD_NAMES.get(best[1], best[1])),
        best_accuracy=f"{100 * best[0]:.1f} %", gains="; ".join(gains) or "—", count=len(methods_for(data)),
        steps=result.config.steps,
        train_none=_points(figure_values(result, f"{COMPARED_AT}-none", "train_accuracy")),
        train_all=_points(figure_values(result, f"{COMPARED_AT}-all", "train_accuracy")))
    verdict = compare_means(every, none)
    digits = data in ("digits", "mnist")
    if verdict > 0:
        template = (QT_TRANSLATE_NOOP(
            "engine", "On {data} with {per_class} training images per class, augmenting with all {count} methods "
            "raised LeNet-5's test accuracy from {none} to {all} in every seed (mean of {seeds}) and narrowed "
            "the gap between training and test accuracy from {gap_none} to {gap_all}; the best single method, "
            "{best}, reached {best_accuracy}; all methods against none at other sizes (points): {gains}. "
            "Mirroring is left out on digits: a mirrored 2 is not a 2.") if digits else QT_TRANSLATE_NOOP(
            "engine", "On {data} with {per_class} training images per class, augmenting with all {count} methods "
            "raised LeNet-5's test accuracy from {none} to {all} in every seed (mean of {seeds}) and narrowed "
            "the gap between training and test accuracy from {gap_none} to {gap_all}; the best single method, "
            "{best}, reached {best_accuracy}; all methods against none at other sizes (points): {gains}."))
    elif verdict < 0:
        template = QT_TRANSLATE_NOOP(
            "engine", "On {data} with {per_class} training images per class, augmenting with all {count} methods "
            "lowered LeNet-5's test accuracy from {none} to {all} in every seed (mean of {seeds}): in {steps} "
            "steps the augmented network fitted only {train_all} of its own training images, against {train_none} "
            "without (gap between training and test accuracy {gap_none} without, {gap_all} with); the best single "
            "method, {best}, reached {best_accuracy}; all methods against none at other sizes (points): {gains}. "
            "Augmented images are harder to learn: before reading this as harm, give every run the steps to fit "
            "its images (--steps).")
    else:
        template = QT_TRANSLATE_NOOP(
            "engine", "On {data} with {per_class} training images per class, LeNet-5 tested at {none} without "
            "augmentation and {all} with all {count} methods (mean of {seeds} seeds): no clear difference, the "
            "seeds overlap; the gap between training and test accuracy went from {gap_none} to {gap_all}; the "
            "best single method, {best}, reached {best_accuracy}; all methods against none at other sizes "
            "(points): {gains}.")
    return text(template, **values)
