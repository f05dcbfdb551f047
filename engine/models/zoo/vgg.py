"""VGG-16 (Simonyan and Zisserman, 2014): thirteen 3x3 convolutions in five stages, each closed by a
2x2 max pool with stride 2 while the channels double (64 -> 128 -> 256 -> 512), then three dense layers.

torchvision's models are used as they are (they carry the published ImageNet weights); ``vgg16_bn``
adds batch normalisation after every convolution.
"""

from __future__ import annotations

import torchvision
from torch import nn

__all__ = ["vgg16", "vgg16_bn"]


def vgg16(**kwargs) -> nn.Module:
    """Build torchvision's VGG-16 without weights (never downloads); ``kwargs`` go to torchvision."""
    return torchvision.models.vgg16(weights=None, **kwargs)


def vgg16_bn(**kwargs) -> nn.Module:
    """Build torchvision's VGG-16 with batch normalisation, without weights; ``kwargs`` go to torchvision."""
    return torchvision.models.vgg16_bn(weights=None, **kwargs)
