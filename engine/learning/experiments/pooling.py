"""Average or max pooling? The same LeNet-5 with each, trained side by side.

LeNet-5 (1998) subsampled by averaging; AlexNet (2012) and most networks after it take the maximum. Here the
lecture's LeNet-5 (from the zoo: tanh, 5×5 convolutions) keeps every layer and swaps only its two 2×2 pooling
layers; each variant starts from the same weights for a seed, sees the same batches and follows LeNet-5's default
recipe (``engine.learning.recipes``). The figures: test error after training, training error, and the steps to
a training-error threshold. Pooling has no weights, so both variants have the same parameters.
"""

from __future__ import annotations

from collections.abc import Iterator

from engine.learning.experiments.common import (
    check_options,
    compare_means,
    data_name,
    figure_values,
    format_steps,
    mean,
    swapped_lenet5,
    train_registered,
)
from engine.learning.experiments.result import ExperimentConfig, ExperimentResult, FigureSpec
from engine.learning.experiments.runner import RunVariant, Training
from engine.learning.recipes import recipe_for
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, Text, text

__all__ = ["DEFAULTS", "caption", "run", "validate", "variants"]

THRESHOLD = 0.1  # a training error well below the start (90 %), so that the speed of training shows too
DEFAULTS = {"seeds": 3, "steps": 600, "data": "digits", "batch_size": recipe_for("lenet5", "digits").batch_size,
            "options": {}}
_FIGURES = (
    FigureSpec("test_error", QT_TRANSLATE_NOOP("engine", "Test error"), "fraction"),
    FigureSpec("train_error", QT_TRANSLATE_NOOP("engine", "Training error"), "fraction"),
    FigureSpec("steps_to_threshold", QT_TRANSLATE_NOOP("engine", "Steps to 10 % training error"), "steps"),
    FigureSpec("params", QT_TRANSLATE_NOOP("engine", "Parameters"), "count"),
    FigureSpec("seconds", QT_TRANSLATE_NOOP("engine", "Seconds"), "seconds"),
)


def variants() -> list[RunVariant]:
    """Average pooling (the zoo's LeNet-5) and max pooling."""
    from torch import nn

    return [RunVariant("average", QT_TRANSLATE_NOOP("engine", "average pooling"),
                       lambda classes: swapped_lenet5(classes, pooling=nn.AvgPool2d)),
            RunVariant("max", QT_TRANSLATE_NOOP("engine", "max pooling"),
                       lambda classes: swapped_lenet5(classes, pooling=nn.MaxPool2d))]


def validate(config: ExperimentConfig) -> None:
    check_options(config, ())


def training(config: ExperimentConfig) -> Training:
    recipe = recipe_for("lenet5", config.data)
    return Training(channels=1, size=32, optimizer=recipe.optimizer, lr=recipe.lr, schedule=recipe.schedule,
                    weight_decay=recipe.weight_decay, threshold=THRESHOLD)


def run(config: ExperimentConfig, device, should_stop, run_stopped) -> Iterator[ev.Event]:
    return (yield from train_registered(config, variants(), training(config), _FIGURES, device, should_stop,
                                        run_stopped))


def caption(result: ExperimentResult) -> Text:
    """The test errors of both, and which was lower in every seed — or that their seeds overlap."""
    average = figure_values(result, "average", "test_error")
    maximum = figure_values(result, "max", "test_error")
    if not average or not maximum:
        return text(QT_TRANSLATE_NOOP("engine", "No run has finished yet."))
    steps = result.config.steps
    reached = {key: format_steps(figure_values(result, key, "steps_to_threshold", missing=steps + 1), steps)
               for key in ("average", "max")}
    values = dict(data=data_name(result.config.data), average=f"{100 * mean(average):.1f} %",
                  max=f"{100 * mean(maximum):.1f} %", seeds=min(len(average), len(maximum)),
                  average_steps=reached["average"], max_steps=reached["max"])
    verdict = compare_means(maximum, average)
    if verdict < 0:
        return text(QT_TRANSLATE_NOOP(
            "engine", "On {data}, LeNet-5 with max pooling tested at {max} error against {average} with average "
            "pooling (mean of {seeds} seeds; 10 % training error after {max_steps} and {average_steps} steps): "
            "max pooling was better in every seed."), **values)
    if verdict > 0:
        return text(QT_TRANSLATE_NOOP(
            "engine", "On {data}, LeNet-5 with max pooling tested at {max} error against {average} with average "
            "pooling (mean of {seeds} seeds; 10 % training error after {max_steps} and {average_steps} steps): "
            "average pooling was better in every seed."), **values)
    return text(QT_TRANSLATE_NOOP(
        "engine", "On {data}, LeNet-5 with max pooling tested at {max} error against {average} with average "
        "pooling (mean of {seeds} seeds; 10 % training error after {max_steps} and {average_steps} steps): no "
        "clear difference over the seeds here; the gap the literature reports is on larger photos such as "
        "CIFAR-10 (--data cifar10)."), **values)
