"""Why stack small filters? Two 3×3 convolutions against one 5×5, three 3×3 against one 7×7 (VGG).

Simonyan and Zisserman (2015, section 2.3): a stack of two 3×3 convolutions sees a 5×5 field, three see 7×7,
with fewer weights — with C channels in and out, 2·(3²C²) = 18C² against 25C², and 3·(3²C²) = 27C² against
49C² (plus one bias per output channel and convolution) — and a non-linearity after each convolution instead of
one. Here one small network is built four times, differing only in its middle block:

    input → 3×3 convolution to C channels, ReLU → 2×2 max pooling → [block: C → C] → 2×2 max pooling → dense

where the block is one 5×5, two 3×3, one 7×7 or three 3×3 convolutions (each padded to keep the size, each
followed by a ReLU). The digits are enlarged to 16×16 (so a 7×7 field is under half the image); CIFAR-10 is used
at 32×32. The figures: the block's parameters (counted from the built module), the whole network's parameters
and multiply-adds (``engine.models.analysis``), and the test error after training. The recipe is the general
one (``engine.learning.recipes.GENERAL``): this network is no zoo model with its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from engine.learning.experiments.common import (
    check_options,
    compare_means,
    data_name,
    figure_values,
    mean,
    train_registered,
)
from engine.learning.experiments.result import ExperimentConfig, ExperimentResult, FigureSpec
from engine.learning.experiments.runner import RunVariant, Training
from engine.learning.recipes import GENERAL
from engine.learning.training import check_whole
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, Text, text

__all__ = ["BLOCKS", "DEFAULTS", "StackedNet", "block_params", "caption", "run", "validate", "variants"]

CHANNELS = 16
BLOCKS = {"5x5": (5, 1), "3x3x2": (3, 2), "7x7": (7, 1), "3x3x3": (3, 3)}
"""Each block: (filter size, convolutions in the stack). Pairs with the same field: 5x5 / 3x3x2, 7x7 / 3x3x3."""
PAIRS = (("3x3x2", "5x5"), ("3x3x3", "7x7"))
DEFAULTS = {"seeds": 3, "steps": 400, "data": "digits", "batch_size": GENERAL.batch_size,
            "options": {"channels": CHANNELS}}
_FIGURES = (
    FigureSpec("block_params", QT_TRANSLATE_NOOP("engine", "Block parameters"), "count"),
    FigureSpec("params", QT_TRANSLATE_NOOP("engine", "Parameters"), "count"),
    FigureSpec("macs", QT_TRANSLATE_NOOP("engine", "Multiply-adds"), "count"),
    FigureSpec("test_error", QT_TRANSLATE_NOOP("engine", "Test error"), "fraction"),
    FigureSpec("train_error", QT_TRANSLATE_NOOP("engine", "Training error"), "fraction"),
    FigureSpec("seconds", QT_TRANSLATE_NOOP("engine", "Seconds"), "seconds"),
)
_LABELS = {"5x5": QT_TRANSLATE_NOOP("engine", "one 5×5"), "3x3x2": QT_TRANSLATE_NOOP("engine", "two 3×3"),
           "7x7": QT_TRANSLATE_NOOP("engine", "one 7×7"), "3x3x3": QT_TRANSLATE_NOOP("engine", "three 3×3")}
_MAX_CHANNELS = 256


def _input(data: str) -> tuple[int, int]:
    """(channels, size) of the input: the digits gray at 16×16, photos in colour at 32×32."""
    return (1, 16) if data in ("digits", "mnist") else (3, 32)


def StackedNet(block: str, channels: int, in_channels: int, size: int, classes: int):  # noqa: N802 - a builder
    """The small network with the middle block ``block`` (a key of :data:`BLOCKS`)."""
    from torch import nn

    kernel, count = BLOCKS[block]
    middle = []
    for _ in range(count):
        middle += [nn.Conv2d(channels, channels, kernel, padding=kernel // 2), nn.ReLU()]
    return nn.Sequential(
        nn.Conv2d(in_channels, channels, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Sequential(*middle), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(channels * (size // 4) ** 2, classes))


def block_params(network) -> int:
    """Weights and biases of the network's middle block (the part the variants differ in)."""
    return sum(p.numel() for p in network[3].parameters())


def variants(config: ExperimentConfig) -> list[RunVariant]:
    channels = int(config.options.get("channels", CHANNELS))
    in_channels, size = _input(config.data)

    def build(block):
        return lambda classes: StackedNet(block, channels, in_channels, size, classes)

    import torch

    result = []
    for block in BLOCKS:
        with torch.device("meta"):  # counted from the module itself, built without memory
            counted = block_params(StackedNet(block, channels, in_channels, size, 10))
        result.append(RunVariant(block, _LABELS[block], build(block), figures={"block_params": float(counted)}))
    return result


def validate(config: ExperimentConfig) -> None:
    check_options(config, ("channels",))
    check_whole(text(QT_TRANSLATE_NOOP("engine", "channels")), config.options.get("channels", CHANNELS),
                _MAX_CHANNELS)


def training(config: ExperimentConfig) -> Training:
    channels, size = _input(config.data)
    return Training(channels=channels, size=size, optimizer=GENERAL.optimizer, lr=GENERAL.lr,
                    schedule=GENERAL.schedule, weight_decay=GENERAL.weight_decay)


def run(config: ExperimentConfig, device, should_stop, run_stopped) -> Iterator[ev.Event]:
    return (yield from train_registered(config, variants(config), training(config), _FIGURES, device, should_stop,
                                        run_stopped))


def caption(result: ExperimentResult) -> Text:
    """The weights saved by each stack, and how its test error compares with the large filter's."""
    def block(key: str) -> float:
        runs = result.runs_of(key)
        return runs[0].figures.get("block_params", float("nan")) if runs else float("nan")

    values: dict[str, object] = dict(data=data_name(result.config.data),
                                     seeds=len(figure_values(result, "5x5", "test_error")))
    for (stack, large), name in zip(PAIRS, ("two", "three"), strict=True):
        values[f"{name}_share"] = f"{100 * block(stack) / block(large):.0f} %"
        ours, theirs = figure_values(result, stack, "test_error"), figure_values(result, large, "test_error")
        if not ours or not theirs:
            return text(QT_TRANSLATE_NOOP("engine", "No run has finished yet."))
        values[f"{name}_error"] = f"{100 * mean(ours):.1f} %"
        values[f"{name}_large"] = f"{100 * mean(theirs):.1f} %"
        values[f"{name}_verdict"] = _verdict(compare_means(ours, theirs))
    return text(QT_TRANSLATE_NOOP(
        "engine", "Two 3×3 convolutions have {two_share} of one 5×5's weights and three 3×3 {three_share} of one "
        "7×7's; on {data} (mean of {seeds} seeds) two 3×3 tested at {two_error} error against {two_large} "
        "({two_verdict}) and three 3×3 at {three_error} against {three_large} ({three_verdict})."), **values)


def _verdict(order: int) -> Text:
    if order < 0:
        return text(QT_TRANSLATE_NOOP("engine", "the stack better in every seed"))
    if order > 0:
        return text(QT_TRANSLATE_NOOP("engine", "the large filter better in every seed"))
    return text(QT_TRANSLATE_NOOP("engine", "no clear difference over the seeds"))
