"""Transfer learning: which layers of a pretrained network a run trains, after the lecture's three cases.

Case 1, little data (``"classifier"``): every pretrained layer is frozen and only a new classifier is trained.
Case 2, more data (``"later"``): the first half of the weight layers stays frozen (generic edges and textures)
and the later half is retrained with the new classifier. Case 3, lots of data (``"all"``): the pretrained
weights are only the starting point and every layer is fine-tuned. ``"none"`` trains from random weights.

A weight layer is a convolution or a dense layer, in forward order (the rows of :func:`engine.models.analysis.analyze`).
Any other layer with parameters, such as a batch norm, goes with the weight layer before it; while frozen it
stays in eval mode, so that its running statistics remain those of the pretraining data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.models.checkpoints import SHIPPED_FILES
from engine.models.zoo import get_info
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

if TYPE_CHECKING:  # torch is imported on first use: the window imports this module at start-up
    from torch import nn

    from engine.models.analysis import Analysis, LayerInfo
    from engine.models.weights import LoadedModel

TRANSFERS = ("none", "classifier", "later", "all")
# How many of a network's weight layers each case freezes, from the input on; the others freeze none.
_FROZEN_LAYERS = {"classifier": lambda layers: layers - 1, "later": lambda layers: layers // 2}
# SGD with momentum at this rate, as in PyTorch's transfer-learning tutorial: small enough that fine-tuning does not
# wash out what the pretrained layers know.
FINE_TUNING_LR = 0.001
_WEIGHT_KINDS = ("conv", "linear")


@dataclass(frozen=True)
class WeightLayer:
    """A convolution or dense layer, with the parameterised layers that go with it (its batch norm)."""

    name: str
    params: int                 # its own and its followers' parameters
    followers: tuple[str, ...]  # row names of those followers
    frozen: bool


@dataclass(frozen=True)
class TransferPlan:
    """What a run with ``case`` freezes and trains of ``model``, layer by layer."""

    model: str
    case: str
    layers: tuple[WeightLayer, ...]

    @property
    def params(self) -> int:
        return sum(layer.params for layer in self.layers)

    @property
    def trained_params(self) -> int:
        return sum(layer.params for layer in self.layers if not layer.frozen)

    @property
    def frozen_layers(self) -> int:
        return sum(layer.frozen for layer in self.layers)

    def frozen_modules(self) -> list[str]:
        """Module names of every frozen row: the weight layers and their followers."""
        return [name for layer in self.layers if layer.frozen for name in (layer.name, *layer.followers)]


def has_pretrained_source(name: str) -> bool:
    """True when ``name`` has pretrained weights somewhere: shipped with the app or published by torchvision."""
    info = get_info(name)
    return info.name in SHIPPED_FILES or info.torchvision_weights is not None


def transfer_plan(model: str, case: str) -> TransferPlan:
    """The layers a run of zoo model ``model`` with ``case`` (one of ``TRANSFERS``) freezes and trains."""
    from engine.models.analysis import analyze

    return plan_of(analyze(model), case)


def plan_of(analysis: Analysis, case: str) -> TransferPlan:
    """:func:`transfer_plan` from a model's analysis (which the window gets from the engine thread)."""
    check_transfer(case)
    groups: list[tuple[LayerInfo, list[LayerInfo]]] = []
    for row in analysis.rows:
        if row.kind in _WEIGHT_KINDS:
            groups.append((row, []))
        elif row.params and groups:
            groups[-1][1].append(row)
    frozen = _FROZEN_LAYERS[case](len(groups)) if case in _FROZEN_LAYERS else 0
    layers = tuple(WeightLayer(row.name, row.params + sum(f.params for f in followers),
                               tuple(f.name for f in followers), index < frozen)
                   for index, (row, followers) in enumerate(groups))
    return TransferPlan(analysis.model, case, layers)


def pretrained_on_disk(name: str) -> bool:
    """True when pretrained weights of ``name`` are on this computer: shipped, or in torchvision's cache."""
    from engine.models.weights import cache_path, shipped_path

    info = get_info(name)
    return any(path is not None and path.is_file() for path in (shipped_path(info.name), cache_path(info.name)))


def check_transfer(case: str) -> None:
    if case not in TRANSFERS:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "unknown transfer case {given}; use one of {names}"),
                                  given=repr(case), names=", ".join(TRANSFERS)))


def pretrained_model(name: str, classes: int) -> LoadedModel:
    """``name`` with its pretrained weights and a new, randomly initialised last layer for ``classes`` classes.

    Raises
    ------
    UserInputError
        When no pretrained weights for ``name`` are on this computer.
    """
    from torch import nn

    from engine.models.analysis import analyze
    from engine.models.weights import load_model

    loaded = load_model(name)
    if loaded.status.kind == "random":
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "no pretrained weights for {model} are on this computer: download them once on its "
                      "feature-map page (online), or train from scratch"), model=get_info(name).title))
    model = loaded.module
    head_name = [row.name for row in analyze(name).rows if row.kind == "linear"][-1]
    head = model.get_submodule(head_name)
    parent, _, attribute = head_name.rpartition(".")
    setattr(model.get_submodule(parent) if parent else model, attribute,
            nn.Linear(head.in_features, classes, bias=head.bias is not None))
    return loaded


def freeze(model: nn.Module, name: str, case: str) -> list[nn.Module]:
    """Stop gradients to the layers that ``case`` freezes in zoo model ``name``, built as ``model``.

    Returns
    -------
    list of nn.Module
        The frozen modules, for the trainer to keep in eval mode; empty when the case freezes nothing.
    """
    if case not in _FROZEN_LAYERS:
        return []
    frozen = [model.get_submodule(module) for module in transfer_plan(name, case).frozen_modules()]
    for module in frozen:
        for parameter in module.parameters():
            parameter.requires_grad_(False)
    return frozen
