"""What the training experiments share: checking their options, LeNet-5 with one part swapped, and the figures
over seeds that their captions are made of."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

from engine.learning.experiments.result import ExperimentConfig, ExperimentResult, FigureSpec
from engine.learning.experiments.runner import RunVariant, Training, train_variants
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = [
    "check_options",
    "compare_means",
    "data_name",
    "clearly_below",
    "figure_values",
    "format_steps",
    "mean",
    "swapped_lenet5",
    "train_registered",
]


def check_options(config: ExperimentConfig, accepted: Iterable[str]) -> None:
    """UserInputError for an option this experiment does not have."""
    accepted = tuple(accepted)
    for key in config.options:
        if key not in accepted:
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "the experiment {name} has no option {option}; its options: {options}"),
                name=config.name, option=repr(key), options=", ".join(accepted) or "none"))


def swapped_lenet5(classes: int, activation=None, pooling=None):
    """The zoo's LeNet-5 with each activation replaced by a new ``activation()`` and each pooling layer by
    ``pooling(kernel_size=2, stride=2)`` (None keeps the zoo's: tanh, average pooling). Only those modules
    change, so every variant has the same convolutions and dense layers, and from one seed the same weights."""
    from torch import nn

    from engine.models.zoo import get_model

    network = get_model("lenet5", num_classes=classes)
    for name, module in list(network.named_children()):
        if activation is not None and isinstance(module, nn.Tanh):
            setattr(network, name, activation())
        elif pooling is not None and isinstance(module, nn.AvgPool2d):
            setattr(network, name, pooling(kernel_size=2, stride=2))
    return network


def figure_values(result: ExperimentResult, variant: str, key: str, missing: float = math.nan) -> list[float]:
    """The figure ``key`` of every finished run of ``variant`` (NaN replaced by ``missing``)."""
    values = [run.figures.get(key, math.nan) for run in result.runs_of(variant) if run.status == "finished"]
    return [v if math.isfinite(v) else missing for v in values]


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def clearly_below(low: list[float], high: list[float]) -> bool:
    """Every value of ``low`` is below every value of ``high``, with at least two seeds each: the seeds' ranges
    do not overlap (one seed cannot tell a difference from chance)."""
    return len(low) >= 2 and len(high) >= 2 and max(low) < min(high)


def format_steps(values: list[float], steps: int) -> str:
    """Mean steps over the seeds, or ``>N`` when a seed never reached the threshold in its ``N`` steps."""
    if not values:
        return "—"
    if any(v > steps for v in values):
        return f">{steps}"
    return f"{mean(values):.0f}"


def data_name(data: str):
    """The data set's name for a caption (a ``Text``: the window shows it in Korean)."""
    names = {"digits": QT_TRANSLATE_NOOP("engine", "the digits"), "cifar10": QT_TRANSLATE_NOOP("engine", "CIFAR-10"),
             "mnist": QT_TRANSLATE_NOOP("engine", "MNIST")}
    return text(names[data]) if data in names else data


def compare_means(first: list[float], second: list[float]) -> int:
    """-1 when every seed of ``first`` is below every seed of ``second``, 1 when above, 0 when they overlap (no
    clear difference)."""
    if clearly_below(first, second):
        return -1
    if clearly_below(second, first):
        return 1
    return 0


def train_registered(config: ExperimentConfig, variants: Sequence[RunVariant], training: Training,
                     figures: Sequence[FigureSpec], device, should_stop: Callable[[], bool],
                     run_stopped: Callable[[str], bool]):
    """:func:`train_variants` under the title and question the registry gives ``config.name``: the whole ``run``
    of an experiment that only trains its variants."""
    from engine.learning.experiments.registry import get_experiment

    experiment = get_experiment(config.name)
    return (yield from train_variants(config, variants, training, title=experiment.title,
                                      question=experiment.question, figures=figures, device=device,
                                      should_stop=should_stop, run_stopped=run_stopped))
