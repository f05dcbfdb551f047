"""Transfer learning: which layers of a pretrained network a run trains, after the lecture's three cases.

Case 1, little data (``"classifier"``): every pretrained layer is frozen and only a new classifier is trained.
Case 2, more data (``"later"``): the first half of the network's depth stays frozen (generic edges and
textures) and the later half is retrained with the new classifier. Case 3, lots of data (``"all"``): the
pretrained weights are only the starting point and every layer is fine-tuned. ``"none"`` trains from random
weights.

A weight layer is a convolution or a dense layer, in forward order (the rows of :func:`engine.models.analysis.analyze`).
Any other layer with parameters, such as a batch norm, goes with the weight layer before it; while frozen it
stays in eval mode, so that its running statistics remain those of the pretraining data.

Case 2 cuts along the depth, at the boundaries of the paper's parts: a weight layer is frozen when it lies in
the first half of the paper's depth (its place on the longest path, ``engine.models.paper.depth_positions``) and so
does every other layer of its part (ResNet's conv3_x, GoogLeNet's inception (4c)), so no module is cut in two
with some branches frozen and others trained.

The run replaces the pretrained classifier by one sized for its data set (:func:`pretrained_model`): a plan
made for ``classes`` counts that new classifier's parameters, and keeps the pretrained one's as
``pretrained_head``.
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
_FREEZING = ("classifier", "later")
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
    paper_name: str = ""        # its name in the paper ("conv3_x, block 1", "inception (4c), #3×3", "fc8")


@dataclass(frozen=True)
class TransferPlan:
    """What a run with ``case`` freezes and trains of ``model``, layer by layer."""

    model: str
    case: str
    layers: tuple[WeightLayer, ...]
    classes: int | None = None  # the new classifier's size, None: the pretrained network's own
    pretrained_head: int = 0    # parameters of the classifier the pretrained network came with

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


def transfer_plan(model: str, case: str, classes: int | None = None) -> TransferPlan:
    """The layers a run of zoo model ``model`` with ``case`` (one of ``TRANSFERS``) freezes and trains, with a
    new ``classes``-way classifier (None: the pretrained one)."""
    from engine.models.analysis import analyze

    return plan_of(analyze(model), case, classes)


def plan_of(analysis: Analysis, case: str, classes: int | None = None) -> TransferPlan:
    """:func:`transfer_plan` from a model's analysis (which the window gets from the engine thread).

    Parameters
    ----------
    analysis : Analysis
        The pretrained network's analysis, with its own classifier.
    case : str
        One of ``TRANSFERS``.
    classes : int, optional
        Classes of the data set the run trains on: the last dense layer is counted at that size, as
        :func:`pretrained_model` builds it. None keeps the pretrained classifier.
    """
    from engine.models.paper import depth_positions, paper_parts

    check_transfer(case)
    if classes is not None and classes < 1:
        raise UserInputError(f"a classifier needs at least one class, got {classes}")
    groups: list[tuple[LayerInfo, list[LayerInfo]]] = []
    for row in analysis.rows:
        if row.kind in _WEIGHT_KINDS:
            groups.append((row, []))
        elif row.params and groups:
            groups[-1][1].append(row)
    inputs: list[list[int]] = [[] for _ in analysis.rows]
    for edge in analysis.edges:
        inputs[edge.dst].append(edge.src)
    place = depth_positions([row.kind for row in analysis.rows], inputs)
    frozen = _frozen(case, groups, place, analysis.paper_depth, paper_parts)
    head_row, head_followers = groups[-1]
    pretrained_head = head_row.params + sum(f.params for f in head_followers)
    layers = []
    for index, (row, followers) in enumerate(groups):
        params = row.params + sum(f.params for f in followers)
        if index == len(groups) - 1 and classes is not None:
            params = _resized_head(row, classes)
        layers.append(WeightLayer(row.name, params, tuple(f.name for f in followers), index in frozen,
                                  row.paper_name))
    return TransferPlan(analysis.model, case, tuple(layers), classes, pretrained_head)


def _frozen(case: str, groups, place: list[int], depth: int, paper_parts) -> set[int]:
    """Indices (into ``groups``) of the weight layers ``case`` freezes."""
    if case == "classifier":
        return set(range(len(groups) - 1))
    if case != "later":
        return set()
    half = depth // 2
    part_of = [(paper_parts(row.paper_name) or (row.name,))[0] for row, _ in groups]
    # A part is frozen only when every weight layer of it lies in the first half of the depth.
    late_parts = {part for (row, _), part in zip(groups, part_of, strict=True) if place[row.index] > half}
    return {index for index, part in enumerate(part_of) if part not in late_parts}


def _resized_head(row: LayerInfo, classes: int) -> int:
    """Parameters of the dense layer ``row`` rebuilt with ``classes`` outputs (bias kept if it had one)."""
    features, outputs = row.input_shape[-1], row.output_shape[-1]
    bias = row.params - features * outputs == outputs
    return features * classes + (classes if bias else 0)


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
    if case not in _FREEZING:
        return []
    frozen = [model.get_submodule(module) for module in transfer_plan(name, case).frozen_modules()]
    for module in frozen:
        for parameter in module.parameters():
            parameter.requires_grad_(False)
    return frozen
