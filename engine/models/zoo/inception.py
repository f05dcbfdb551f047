"""Inception (Szegedy et al., 2014, "Going Deeper with Convolutions").

``inception_module`` is GoogLeNet's module 3a on its 192x28x28 input: four branches side by side --
1x1 conv 64; 1x1 conv 96 -> 3x3 conv 128; 1x1 conv 16 -> 5x5 conv 32; 3x3 max pool (stride 1) -> 1x1
conv 32 -- concatenated into 64 + 128 + 32 + 32 = 256 channels. The 1x1 convolutions before the 3x3 and
5x5 ones are the bottlenecks that make the module affordable. ``reduce=False`` gives the paper's naive
module (figure 2a): the 1x1, 3x3 and 5x5 convolutions read all 192 input channels and the max pool passes
its 192 channels straight to the concatenation. Convolutions are followed by ReLU, as in the paper.

``googlenet`` is torchvision's GoogLeNet (with batch normalisation, without the auxiliary classifiers).
Note that torchvision's "5x5" branch uses a 3x3 kernel, a known quirk kept for its published weights;
``inception_module`` uses the paper's 5x5.
"""

from __future__ import annotations

from collections import OrderedDict

import torch
import torchvision
from torch import Tensor, nn

__all__ = ["InceptionModule", "inception_module", "inception_module_naive", "googlenet"]


def _conv_relu(in_channels: int, channels: int, kernel_size: int) -> list[tuple[str, nn.Module]]:
    conv = nn.Conv2d(in_channels, channels, kernel_size, padding=kernel_size // 2)
    size = f"{kernel_size}x{kernel_size}"
    return [(f"conv{size}", conv), (f"relu{size}", nn.ReLU(inplace=True))]


def _branch(*steps: list[tuple[str, nn.Module]]) -> nn.Sequential:
    return nn.Sequential(OrderedDict(pair for step in steps for pair in step))


class InceptionModule(nn.Module):
    """Four parallel branches (1x1, 3x3, 5x5, pool) concatenated along channels."""

    def __init__(
        self,
        in_channels: int = 192,
        ch1x1: int = 64,
        ch3x3_reduce: int = 96,
        ch3x3: int = 128,
        ch5x5_reduce: int = 16,
        ch5x5: int = 32,
        pool_proj: int = 32,
        reduce: bool = True,
    ) -> None:
        super().__init__()
        pool = [("pool", nn.MaxPool2d(kernel_size=3, stride=1, padding=1))]
        self.branch1 = _branch(_conv_relu(in_channels, ch1x1, 1))
        if reduce:
            self.branch2 = _branch(
                _conv_relu(in_channels, ch3x3_reduce, 1), _conv_relu(ch3x3_reduce, ch3x3, 3)
            )
            self.branch3 = _branch(
                _conv_relu(in_channels, ch5x5_reduce, 1), _conv_relu(ch5x5_reduce, ch5x5, 5)
            )
            self.branch4 = _branch(pool, _conv_relu(in_channels, pool_proj, 1))
        else:
            self.branch2 = _branch(_conv_relu(in_channels, ch3x3, 3))
            self.branch3 = _branch(_conv_relu(in_channels, ch5x5, 5))
            self.branch4 = _branch(pool)

    def forward(self, x: Tensor) -> Tensor:
        branches = [self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)]
        return torch.cat(branches, dim=1)


def inception_module(reduce: bool = True, **kwargs) -> InceptionModule:
    """Build GoogLeNet's Inception 3a module (192x28x28 in).

    Parameters
    ----------
    reduce : bool
        With 1x1 bottlenecks (default, 256 channels out) or the naive module (``False``).
    **kwargs
        Channel counts of :class:`InceptionModule` (``in_channels``, ``ch1x1``, ``ch3x3_reduce``, ...).

    Returns
    -------
    InceptionModule
        Randomly initialised module.
    """
    return InceptionModule(reduce=reduce, **kwargs)


def inception_module_naive(**kwargs) -> InceptionModule:
    """Build the naive Inception 3a module (no 1x1 bottlenecks); ``kwargs`` as :func:`inception_module`."""
    return InceptionModule(reduce=False, **kwargs)


def googlenet(**kwargs) -> nn.Module:
    """Build torchvision's GoogLeNet without weights or auxiliary classifiers (never downloads)."""
    options = {"aux_logits": False, "init_weights": True} | kwargs
    return torchvision.models.googlenet(weights=None, **options)
