"""Network in Network (Lin, Chen and Yan, 2013): an "mlpconv" block, a spatial convolution followed by
two 1x1 convolutions, each with a ReLU -- a small multilayer perceptron applied at every pixel.

The default block takes the 192x28x28 tensor of the lecture's 1x1 and Inception examples, applies a 3x3
convolution with 192 filters and then 1x1 convolutions with 160 and 96 filters (the widths of NiN's
first CIFAR-10 block): the 1x1 layers shrink the channels (192 -> 160 -> 96) and each adds a
non-linearity, at no change of the spatial size. The 1x1 layers are named ``cccp1`` and ``cccp2``
("cascaded cross-channel parametric pooling", the paper's name for them).
"""

from __future__ import annotations

from collections import OrderedDict

from torch import nn

__all__ = ["NiNBlock", "nin_block"]


class NiNBlock(nn.Sequential):
    """3x3 convolution -> ReLU -> 1x1 convolution -> ReLU -> 1x1 convolution -> ReLU."""

    def __init__(self, in_channels: int = 192, channels: tuple[int, int, int] = (192, 160, 96)) -> None:
        spatial, first, second = channels
        super().__init__(
            OrderedDict(
                conv=nn.Conv2d(in_channels, spatial, kernel_size=3, padding=1),
                relu=nn.ReLU(inplace=True),
                cccp1=nn.Conv2d(spatial, first, kernel_size=1),
                relu1=nn.ReLU(inplace=True),
                cccp2=nn.Conv2d(first, second, kernel_size=1),
                relu2=nn.ReLU(inplace=True),
            )
        )


def nin_block(in_channels: int = 192, channels: tuple[int, int, int] = (192, 160, 96)) -> NiNBlock:
    """Build an mlpconv block.

    Parameters
    ----------
    in_channels : int
        Channels of the input (192 by default).
    channels : tuple of int
        Filters of the 3x3 convolution and of the two 1x1 convolutions.

    Returns
    -------
    NiNBlock
        Randomly initialised block; it keeps the spatial size.
    """
    return NiNBlock(in_channels=in_channels, channels=channels)
