"""Why shortcuts? Plain against residual networks as depth grows (He et al. 2016, Fig. 6), on the generic runner.

The zoo's CIFAR-style networks ``plainN`` and ``resnetN`` (``N = 6n + 2`` weighted layers, option A shortcuts by
default), each depth both plain and residual, trained side by side from several seeds: a plain network and its
residual twin have the same layers, so from one seed they start from identical weights, and every run of a seed
sees the same batches. The recipe is the plain-versus-residual sweep's (``engine.learning.depth``, also
``engine.learning.recipes`` for these networks on the digits): SGD with momentum 0.9 at 0.1 on a cosine
schedule, weight decay 1e-4, batches of 64, width 8; the 8×8 digits enlarged to 16×16.

Besides the training error, every run records the gradient norm of each weighted layer (the main path's
convolutions in forward order, then the dense layer) at step 1, every ``gradient_every`` steps and at the last
step: curves ``gradient_steps`` (one entry per snapshot) and ``gradient_norms`` (snapshot-major, ``layers``
entries per snapshot; ``layers`` is a figure of the run).

``python main.py depth`` and the ResNet page's panel keep their own single-seed sweep (``engine.learning.depth``);
this is the same comparison with seeds, as the other experiments run.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

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
from engine.learning.recipes import recipe_for
from engine.learning.training import check_whole
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, Text, UserInputError, text

__all__ = ["DEFAULTS", "GradientNorms", "caption", "run", "validate", "variants"]

DEFAULTS = {"seeds": 3, "steps": 200, "data": "digits", "batch_size": recipe_for("resnet20", "digits").batch_size,
            "options": {"depths": [20, 56], "width": 8, "shortcut": "A", "gradient_every": 25}}
_OPTIONS = ("depths", "width", "shortcut", "gradient_every")
_FIGURES = (
    FigureSpec("train_error", QT_TRANSLATE_NOOP("engine", "Training error"), "fraction"),
    FigureSpec("test_error", QT_TRANSLATE_NOOP("engine", "Test error"), "fraction"),
    FigureSpec("params", QT_TRANSLATE_NOOP("engine", "Parameters"), "count"),
    FigureSpec("macs", QT_TRANSLATE_NOOP("engine", "Multiply-adds"), "count"),
    FigureSpec("seconds", QT_TRANSLATE_NOOP("engine", "Seconds"), "seconds"),
)
_MAX_DEPTHS = 8
_MAX_DEPTH = 1202
_MAX_WIDTH = 256


def _option(config: ExperimentConfig, key: str):
    return config.options.get(key, DEFAULTS["options"][key])


def depths(config: ExperimentConfig) -> list[int]:
    return sorted(int(d) for d in _option(config, "depths"))


class GradientNorms:
    """The gradient norm of each weighted layer at step 1, every ``every`` steps and at the last step."""

    def __init__(self, network, every: int, last: int) -> None:
        from torch import nn

        convolutions = [module.weight for name, module in network.named_modules()
                        if isinstance(module, nn.Conv2d) and "downsample" not in name]
        self.layers = [*convolutions, network.fc.weight]  # projection shortcuts left out: plain and residual align
        self.every, self.last = every, last
        self.steps: list[float] = []
        self.norms: list[np.ndarray] = []

    def after_backward(self, step: int) -> None:
        import torch

        if step == 1 or step % self.every == 0 or step == self.last:
            norms = torch.stack([torch.linalg.vector_norm(layer.grad) for layer in self.layers])
            self.steps.append(float(step))
            self.norms.append(norms.detach().cpu().numpy().astype(np.float64))

    def curves(self) -> dict[str, np.ndarray]:
        norms = np.concatenate(self.norms) if self.norms else np.zeros(0)
        return {"gradient_steps": np.array(self.steps), "gradient_norms": norms}

    def release(self) -> None:
        self.layers = []


def variants(config: ExperimentConfig) -> list[RunVariant]:
    """Plain networks shallow to deep, then residual ones."""
    from engine.models.zoo import get_info, get_model

    width, shortcut = int(_option(config, "width")), str(_option(config, "shortcut"))
    every = int(_option(config, "gradient_every"))
    result = []
    for kind in ("plain", "resnet"):
        for depth in depths(config):
            name = f"{kind}{depth}"
            options = dict(shortcut=shortcut, width=width)

            def build(classes, name=name, options=options):
                return get_model(name, num_classes=classes, **options)

            def recorder(network, every=every, last=config.steps):
                return GradientNorms(network, every, last)

            result.append(RunVariant(name, get_info(name).title, build, zoo=(name, options), recorder=recorder,
                                     figures={"layers": float(depth)}))
    return result


def validate(config: ExperimentConfig) -> None:
    check_options(config, _OPTIONS)
    given = _option(config, "depths")
    if not isinstance(given, (list, tuple)) or not 1 <= len(given) <= _MAX_DEPTHS:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "give 1 to {most} depths, e.g. 20,32,44,56; got {count}"),
            most=_MAX_DEPTHS, count=len(given) if isinstance(given, (list, tuple)) else repr(given)))
    for depth in given:
        check_whole(text(QT_TRANSLATE_NOOP("engine", "depth")), depth, _MAX_DEPTH, minimum=8)
        if (depth - 2) % 6:
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "depth must be 6n+2 (8, 14, 20, 26, 32, ...), got {depth}"), depth=depth))
    if len(set(given)) != len(given):
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "each depth once, please; got {depths}"),
                                  depths=", ".join(map(str, given))))
    check_whole("width", _option(config, "width"), _MAX_WIDTH)
    check_whole("gradient_every", _option(config, "gradient_every"), 1_000_000)
    if _option(config, "shortcut") not in ("A", "B"):
        raise UserInputError(f"shortcut must be one of A, B, got {_option(config, 'shortcut')!r}")


def training(config: ExperimentConfig) -> Training:
    recipe = recipe_for("resnet20", config.data)
    return Training(channels=3, size=16 if config.data in ("digits", "mnist") else 32, optimizer=recipe.optimizer,
                    lr=recipe.lr, schedule=recipe.schedule, weight_decay=recipe.weight_decay)


def run(config: ExperimentConfig, device, should_stop, run_stopped) -> Iterator[ev.Event]:
    return (yield from train_registered(config, variants(config), training(config), _FIGURES, device, should_stop,
                                        run_stopped))


def caption(result: ExperimentResult) -> Text:
    """How the smoothed training error changes from the shallowest to the deepest network of each kind."""
    chosen = depths(result.config)
    shallow, deep = chosen[0], chosen[-1]
    errors = {key: figure_values(result, key, "train_error")
              for key in (f"plain{shallow}", f"plain{deep}", f"resnet{shallow}", f"resnet{deep}")}
    if len(chosen) < 2 or not all(errors.values()):
        return text(QT_TRANSLATE_NOOP("engine", "No comparison yet: it needs two depths with finished runs."))
    values: dict[str, object] = dict(data=data_name(result.config.data), steps=result.config.steps,
                                     seeds=len(errors[f"plain{deep}"]), shallow=shallow, deep=deep)
    for kind in ("plain", "resnet"):
        low, high = errors[f"{kind}{shallow}"], errors[f"{kind}{deep}"]
        values[f"{kind}_shallow"] = f"{100 * mean(low):.1f} %"
        values[f"{kind}_deep"] = f"{100 * mean(high):.1f} %"
        values[f"{kind}_verdict"] = _verdict(compare_means(high, low))
    return text(QT_TRANSLATE_NOOP(
        "engine", "On {data} after {steps} steps (mean of {seeds} seeds), the smoothed training error of the plain "
        "networks went from {plain_shallow} at {shallow} layers to {plain_deep} at {deep} ({plain_verdict}), and "
        "of the residual networks from {resnet_shallow} to {resnet_deep} ({resnet_verdict})."), **values)


def _verdict(order: int) -> Text:
    if order > 0:
        return text(QT_TRANSLATE_NOOP("engine", "deeper was worse in every seed"))
    if order < 0:
        return text(QT_TRANSLATE_NOOP("engine", "deeper was better in every seed"))
    return text(QT_TRANSLATE_NOOP("engine", "no clear change over the seeds"))
