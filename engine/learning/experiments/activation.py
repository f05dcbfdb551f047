"""Why ReLU? The same LeNet-5 with sigmoid, tanh and ReLU, trained side by side.

Krizhevsky et al. (2012, Fig. 1) trained a four-layer convolutional network on CIFAR-10 with ReLUs and with tanh
units: the ReLU network reached 25 % training error six times faster. Here the lecture's LeNet-5 (from the zoo)
keeps every layer and swaps only its activations; each variant starts from the same weights for a seed and sees
the same batches, with LeNet-5's default recipe (``engine.learning.recipes``). The figure is the number of steps
each needs before its smoothed training error falls to the paper's 25 %.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from engine.learning.experiments.common import (
    check_options,
    clearly_below,
    data_name,
    figure_values,
    format_steps,
    mean,
    train_registered,
)
from engine.learning.experiments.result import ExperimentConfig, ExperimentResult, FigureSpec
from engine.learning.experiments.runner import RunVariant, Training
from engine.learning.recipes import recipe_for
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, Text, UserInputError, text

__all__ = ["DEFAULTS", "THRESHOLD", "caption", "run", "validate", "variants"]

THRESHOLD = 0.25  # Krizhevsky et al. 2012, Fig. 1: steps to 25 % training error on CIFAR-10
_RECIPE = recipe_for("lenet5", "digits")
DEFAULTS = {"seeds": 3, "steps": 600, "data": "digits", "batch_size": _RECIPE.batch_size,
            "options": {"threshold": THRESHOLD}}
_FIGURES = (
    FigureSpec("steps_to_threshold", QT_TRANSLATE_NOOP("engine", "Steps to the threshold"), "steps"),
    FigureSpec("train_error", QT_TRANSLATE_NOOP("engine", "Training error"), "fraction"),
    FigureSpec("test_error", QT_TRANSLATE_NOOP("engine", "Test error"), "fraction"),
    FigureSpec("seconds", QT_TRANSLATE_NOOP("engine", "Seconds"), "seconds"),
)


def variants() -> list[RunVariant]:
    """Sigmoid, tanh and ReLU, in the order of history."""
    from torch import nn

    from engine.learning.experiments.common import swapped_lenet5

    def build(activation):
        return lambda classes: swapped_lenet5(classes, activation=activation)

    return [RunVariant("sigmoid", QT_TRANSLATE_NOOP("engine", "sigmoid"), build(nn.Sigmoid)),
            RunVariant("tanh", QT_TRANSLATE_NOOP("engine", "tanh"), build(nn.Tanh)),
            RunVariant("relu", QT_TRANSLATE_NOOP("engine", "ReLU"), build(nn.ReLU))]


def _threshold(config: ExperimentConfig) -> float:
    return float(config.options.get("threshold", THRESHOLD))


def validate(config: ExperimentConfig) -> None:
    check_options(config, ("threshold",))
    value = config.options.get("threshold", THRESHOLD)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "threshold must be a training error between 0 and 1 (0.25 is 25 %), got {value}"),
            value=repr(value)))


def training(config: ExperimentConfig) -> Training:
    recipe = recipe_for("lenet5", config.data)
    return Training(channels=1, size=32, optimizer=recipe.optimizer, lr=recipe.lr, schedule=recipe.schedule,
                    weight_decay=recipe.weight_decay, threshold=_threshold(config))


def run(config: ExperimentConfig, device, should_stop, run_stopped) -> Iterator[ev.Event]:
    return (yield from train_registered(config, variants(), training(config), _FIGURES, device, should_stop,
                                        run_stopped))


def caption(result: ExperimentResult) -> Text:
    """Steps each activation needed to reach the threshold, and whether ReLU was clearly faster than tanh."""
    config = result.config
    steps = config.steps
    never = steps + 1  # a run that never reached the threshold counts as slower than any that did
    found = {key: figure_values(result, key, "steps_to_threshold", missing=never)
             for key in ("sigmoid", "tanh", "relu")}
    values = dict(data=data_name(config.data), threshold=f"{100 * _threshold(config):.0f} %",
                  seeds=len(found["relu"]), **{key: format_steps(v, steps) for key, v in found.items()})
    if not found["relu"] or not found["tanh"]:
        return text(QT_TRANSLATE_NOOP("engine", "No run has finished yet."))
    if clearly_below(found["relu"], found["tanh"]) and max(found["relu"]) <= steps:
        tanh = mean(found["tanh"])
        ratio = tanh / mean(found["relu"])
        values["ratio"] = f"{'≥' if any(v > steps for v in found['tanh']) else ''}{ratio:.1f}"
        return text(QT_TRANSLATE_NOOP(
            "engine", "On {data}, the smoothed training error fell to {threshold} after {relu} steps with ReLU, "
            "{tanh} with tanh and {sigmoid} with sigmoid (mean of {seeds} seeds): ReLU was {ratio}× as fast as "
            "tanh in every seed (Krizhevsky et al. 2012: 6× on CIFAR-10)."), **values)
    if math.isfinite(mean(found["relu"])) and clearly_below(found["tanh"], found["relu"]):
        return text(QT_TRANSLATE_NOOP(
            "engine", "On {data}, the smoothed training error fell to {threshold} after {relu} steps with ReLU, "
            "{tanh} with tanh and {sigmoid} with sigmoid (mean of {seeds} seeds): here tanh was faster than "
            "ReLU in every seed, unlike Krizhevsky et al. 2012 on CIFAR-10."), **values)
    return text(QT_TRANSLATE_NOOP(
        "engine", "On {data}, the smoothed training error fell to {threshold} after {relu} steps with ReLU, "
        "{tanh} with tanh and {sigmoid} with sigmoid (mean of {seeds} seeds): no clear difference between ReLU "
        "and tanh over the seeds here; Krizhevsky et al. 2012 found ReLU 6× as fast on CIFAR-10."),
        **values)
