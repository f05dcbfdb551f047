"""The papers' own words for a network: its depth and the name each layer has in its paper.

``paper_depth`` counts what the papers count: the layers with parameters on the longest path from the
input to the output. Szegedy et al. say it outright ("22 layers deep when counting only layers with
parameters"), He et al. count the same way (ResNet-18 has 18 along its main path; the 1×1 projection
shortcuts beside it are not counted), and so do LeNet-5 (5), AlexNet (8), VGG-16 (16) and the CIFAR
networks (6n + 2). The number of convolution and dense *modules* is a different figure (ResNet-18: 21,
GoogLeNet: 58, since shortcuts and parallel branches count too); ``engine.models.analysis`` keeps it as
``weighted_modules``.

``paper_names`` gives each row of an analysis the name its paper uses -- LeNet-5's C1, S2, C3, S4, C5,
F6 and output; AlexNet's conv1-conv5 and fc6-fc8; VGG's conv1_1 ... conv5_3 and fc6-fc8; ResNet's conv1
and conv2_x ... conv5_x with the block number; GoogLeNet's inception (3a) ... (5b) with the branch as
the paper's table heads it (#1×1, #3×3 reduce, ...). The family is recognised by the module's class, so
a trained copy of a zoo model gets the same names as the zoo's own. Activations, normalisation and
dropout take the name of the layer they follow (they belong to it in the papers' tables); a model of no
known family keeps its module names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # torch is not imported for the names alone: the window draws diagrams before it loads torch
    from torch import nn

__all__ = ["paper_depth", "depth_positions", "paper_names", "paper_parts", "WEIGHTED_KINDS", "SEPARATOR"]

WEIGHTED_KINDS = ("conv", "linear")
# Between the levels of a name, outermost first: "conv3_x, block 1, shortcut", "inception (4c), #3×3".
SEPARATOR = ", "
# Rows that belong to the layer before them (their single input) rather than having a name of their own.
_FOLLOWERS = ("act", "norm", "dropout", "other")


def paper_depth(kinds: Sequence[str], inputs: Sequence[Sequence[int]]) -> int:
    """Layers with parameters on the longest input-to-output path.

    Parameters
    ----------
    kinds : sequence of str
        Each row's kind, in topological order (``engine.models.analysis.LayerInfo.kind``).
    inputs : sequence of sequence of int
        The rows feeding each row (earlier indices).

    Returns
    -------
    int
        The depth the papers quote (ResNet-18: 18, GoogLeNet: 22).
    """
    return max(depth_positions(kinds, inputs), default=0)


def paper_names(model: nn.Module, names: Sequence[str], kinds: Sequence[str],
                inputs: Sequence[Sequence[int]]) -> tuple[str, ...]:
    """The paper's name of every row (see the module docstring); the module name where there is none.

    Parameters
    ----------
    model : nn.Module
        The analysed module (its class says which paper names it).
    names, kinds : sequence of str
        Each row's qualified module name and kind, in forward order; row 0 is the input.
    inputs : sequence of sequence of int
        The rows feeding each row.

    Returns
    -------
    tuple of str
        One name per row.
    """
    namer = _namer(model)
    pairs = zip(names, kinds, strict=True)
    anchors: list[str | None] = [None if namer is None else namer(name, kind) for name, kind in pairs]
    if namer is not None:
        _sequential_names(model, names, kinds, anchors)
    result: list[str] = []
    for index, (name, kind) in enumerate(zip(names, kinds, strict=True)):
        own = anchors[index]
        if own is None and kind in _FOLLOWERS and len(inputs[index]) == 1 and namer is not None:
            own = result[inputs[index][0]]
        result.append("input" if index == 0 else own or name)
    return tuple(result)


def _namer(model: nn.Module):
    """The function naming a row of this model's family (None for an unknown family)."""
    from torchvision.models import VGG, AlexNet, GoogLeNet, ResNet

    from engine.models.zoo.alexnet import AlexNet2012
    from engine.models.zoo.inception import InceptionModule
    from engine.models.zoo.lenet import LeNet5
    from engine.models.zoo.nin import NiNBlock
    from engine.models.zoo.resnet import CifarResNet

    table = (
        (LeNet5, _lenet), (AlexNet2012, _alexnet2012), (ResNet, _resnet), (CifarResNet, _cifar),
        (GoogLeNet, _googlenet), (InceptionModule, _inception_module), (NiNBlock, _nin),
        # Sequential families: names are given in order by _sequential_names.
        (AlexNet, _no_anchor), (VGG, _no_anchor),
    )
    return next((namer for cls, namer in table if isinstance(model, cls)), None)


def _no_anchor(name: str, kind: str) -> str | None:
    return None


_LENET = {"conv1": "C1", "pool1": "S2", "conv2": "C3", "pool2": "S4", "flatten": "flatten", "fc1": "C5",
          "fc2": "F6", "fc3": "output"}


def _lenet(name: str, kind: str) -> str | None:
    return _LENET.get(name)


def _alexnet2012(name: str, kind: str) -> str | None:
    # The module names are the paper's (conv1 ... fc8; pool1, pool2, pool5 as in Caffe's reference model).
    return name if kind in (*WEIGHTED_KINDS, "pool", "flatten") else None


def _sequential_names(model: nn.Module, names, kinds, anchors: list[str | None]) -> None:
    """VGG and torchvision's AlexNet, whose modules are numbered: name convolutions and pools by stage."""
    from torchvision.models import VGG, AlexNet

    if isinstance(model, VGG):
        stage, within, dense = 1, 0, 6
        for index, (name, kind) in enumerate(zip(names, kinds, strict=True)):
            if kind == "conv":
                within += 1
                anchors[index] = f"conv{stage}_{within}"
            elif kind == "pool" and name.startswith("features"):
                anchors[index] = f"pool{stage}"
                stage, within = stage + 1, 0
            elif kind == "linear":
                anchors[index], dense = f"fc{dense}", dense + 1
            elif kind == "pool":
                anchors[index] = "adaptive avg pool (torchvision)"
            elif kind == "flatten":
                anchors[index] = "flatten"
    elif isinstance(model, AlexNet):
        conv, dense = 0, 6
        for index, (name, kind) in enumerate(zip(names, kinds, strict=True)):
            if kind == "conv":
                conv += 1
                anchors[index] = f"conv{conv}"
            elif kind == "pool" and name.startswith("features"):
                anchors[index] = f"pool{conv}"
            elif kind == "linear":
                anchors[index], dense = f"fc{dense}", dense + 1
            elif kind == "pool":
                anchors[index] = "adaptive avg pool (torchvision)"
            elif kind == "flatten":
                anchors[index] = "flatten"
            elif kind == "dropout":
                anchors[index] = f"dropout (before fc{dense})"


_RESNET_ROW = re.compile(r"layer(\d+)\.(\d+)\.(conv|bn|downsample|add|relu)\d*(?:\.\d+)?(?:_\d+)?")


def _resnet(name: str, kind: str) -> str | None:
    """He et al. Table 1: conv1, then conv2_x ... conv5_x (the max pool opens conv2_x), average pool, fc."""
    top = {"conv1": "conv1", "maxpool": f"conv2_x{SEPARATOR}max pool", "avgpool": "average pool", "flatten": "flatten",
           "fc": "fc"}
    if name in top:
        return top[name]
    return _block_name(name, kind, lambda stage: f"conv{stage + 1}_x")


def _cifar(name: str, kind: str) -> str | None:
    """He et al. section 4.2: a 3×3 convolution, three stages of n blocks (32×32, 16×16, 8×8 maps), fc."""
    top = {"conv1": "conv1", "avgpool": "average pool", "flatten": "flatten", "fc": "fc"}
    if name in top:
        return top[name]
    return _block_name(name, kind, lambda stage: f"stage {stage}")


def _block_name(name: str, kind: str, stage_name) -> str | None:
    match = _RESNET_ROW.fullmatch(name)
    if match is None:
        return None
    stage, block, part = int(match[1]), int(match[2]) + 1, match[3]
    # The paper's Table 1 lists a block's layers without names of their own: the block is the name.
    prefix = f"{stage_name(stage)}{SEPARATOR}block {block}"
    if part == "downsample":
        return f"{prefix}{SEPARATOR}shortcut"
    if part in ("conv", "add"):
        return prefix
    return None


_GOOGLENET_TOP = {
    "conv1.conv": "conv 7×7/2", "maxpool1": "max pool 1", "conv2.conv": "conv 3×3 reduce",
    "conv3.conv": "conv 3×3", "maxpool2": "max pool 2", "maxpool3": "max pool 3", "maxpool4": "max pool 4",
    "avgpool": "avg pool", "flatten": "flatten", "dropout": "dropout (40%)", "fc": "linear",
}
# Branch -> the paper's column heads in Table 1 (Szegedy et al. 2014).
_GOOGLENET_BRANCH = {
    ("branch1", ""): "#1×1", ("branch2", "0"): "#3×3 reduce", ("branch2", "1"): "#3×3",
    ("branch3", "0"): "#5×5 reduce", ("branch3", "1"): "#5×5", ("branch4", "0"): "pool",
    ("branch4", "1"): "pool proj",
}
_INCEPTION_ROW = re.compile(r"inception(\d[a-e])\.(?:(cat)|(branch\d)(?:\.(\d))?\.?(conv|bn|relu)?)")


def _googlenet(name: str, kind: str) -> str | None:
    if name in _GOOGLENET_TOP:
        return _GOOGLENET_TOP[name]
    match = _INCEPTION_ROW.fullmatch(name)
    if match is None:
        return None
    module = f"inception ({match[1]})"
    if match[2]:
        return module
    if kind in _FOLLOWERS and match[5]:  # a branch's batch norm or ReLU: named after its convolution
        return None
    return f"{module}{SEPARATOR}{_GOOGLENET_BRANCH.get((match[3], match[4] or ''), match[3])}"


_MODULE_3A = {
    "branch1.conv1x1": "#1×1", "branch2.conv1x1": "#3×3 reduce", "branch2.conv3x3": "#3×3",
    "branch3.conv1x1": "#5×5 reduce", "branch3.conv5x5": "#5×5", "branch4.pool": "pool",
    "branch4.conv1x1": "pool proj", "cat": "",
}


def _inception_module(name: str, kind: str) -> str | None:
    if name not in _MODULE_3A:
        return None
    return f"inception (3a){SEPARATOR}{_MODULE_3A[name]}" if _MODULE_3A[name] else "inception (3a)"


def _nin(name: str, kind: str) -> str | None:
    # Lin et al. call the block "mlpconv" and its 1×1 layers cccp (Caffe's name in their released model).
    return {"conv": f"mlpconv{SEPARATOR}conv", "cccp1": f"mlpconv{SEPARATOR}cccp1",
            "cccp2": f"mlpconv{SEPARATOR}cccp2"}.get(name)


def paper_parts(name: str) -> tuple[str, ...]:
    """A paper name's levels, outermost first: "conv3_x, block 1" -> ("conv3_x", "block 1")."""
    return tuple(name.split(SEPARATOR)) if name else ()


def depth_positions(kinds: Sequence[str], inputs: Sequence[Sequence[int]]) -> list[int]:
    """Each row's place along the depth: layers with parameters on the longest path up to and including it."""
    longest: list[int] = []
    for kind, sources in zip(kinds, inputs, strict=True):
        longest.append(max((longest[s] for s in sources), default=0) + (kind in WEIGHTED_KINDS))
    return longest
