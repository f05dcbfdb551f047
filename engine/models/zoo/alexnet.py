"""AlexNet: the 2012 paper's network and torchvision's single-GPU variant.

``alexnet2012`` follows Krizhevsky, Sutskever and Hinton (2012) at 3x227x227 (the size that makes the
paper's arithmetic work; the paper says 224): conv 96@11x11/4 -> ReLU -> LRN -> max pool 3/2 ->
conv 256@5x5 -> ReLU -> LRN -> pool -> conv 384@3x3 -> conv 384@3x3 -> conv 256@3x3 -> pool ->
fc 4096 -> fc 4096 -> fc 1000, dropout after the first two dense layers (as in the paper and Caffe's
reference model). ``two_gpu=True`` reproduces the paper's split over two GPUs: conv2, conv4 and conv5
only see the half of the previous maps on their own GPU (``groups=2``), which removes 1.4M weights.

``alexnet`` is torchvision's model, the 64/192/384/256/256-channel variant from Krizhevsky (2014),
"One weird trick for parallelizing convolutional neural networks", without LRN; it is the one with
published ImageNet weights.
"""

from __future__ import annotations

from collections import OrderedDict

import torchvision
from torch import nn

__all__ = ["AlexNet2012", "alexnet2012", "alexnet"]


def _lrn() -> nn.LocalResponseNorm:
    # Section 3.3 of the paper: k = 2, n = 5, alpha = 1e-4, beta = 0.75.
    return nn.LocalResponseNorm(size=5, alpha=1e-4, beta=0.75, k=2.0)


class AlexNet2012(nn.Sequential):
    """The 2012 AlexNet with layers named as in the paper (``conv1`` ... ``fc8``)."""

    def __init__(self, num_classes: int = 1000, two_gpu: bool = False, dropout: float = 0.5) -> None:
        groups = 2 if two_gpu else 1
        super().__init__(
            OrderedDict(
                conv1=nn.Conv2d(3, 96, kernel_size=11, stride=4),
                relu1=nn.ReLU(inplace=True),
                norm1=_lrn(),
                pool1=nn.MaxPool2d(kernel_size=3, stride=2),
                conv2=nn.Conv2d(96, 256, kernel_size=5, padding=2, groups=groups),
                relu2=nn.ReLU(inplace=True),
                norm2=_lrn(),
                pool2=nn.MaxPool2d(kernel_size=3, stride=2),
                conv3=nn.Conv2d(256, 384, kernel_size=3, padding=1),
                relu3=nn.ReLU(inplace=True),
                conv4=nn.Conv2d(384, 384, kernel_size=3, padding=1, groups=groups),
                relu4=nn.ReLU(inplace=True),
                conv5=nn.Conv2d(384, 256, kernel_size=3, padding=1, groups=groups),
                relu5=nn.ReLU(inplace=True),
                pool5=nn.MaxPool2d(kernel_size=3, stride=2),
                flatten=nn.Flatten(),
                fc6=nn.Linear(256 * 6 * 6, 4096),
                relu6=nn.ReLU(inplace=True),
                drop6=nn.Dropout(dropout),
                fc7=nn.Linear(4096, 4096),
                relu7=nn.ReLU(inplace=True),
                drop7=nn.Dropout(dropout),
                fc8=nn.Linear(4096, num_classes),
            )
        )


def alexnet2012(num_classes: int = 1000, two_gpu: bool = False, dropout: float = 0.5) -> AlexNet2012:
    """Build the 2012 paper's AlexNet for 3x227x227 inputs.

    Parameters
    ----------
    num_classes : int
        Size of the output layer.
    two_gpu : bool
        Use grouped convolutions (``groups=2``) on conv2, conv4 and conv5, as the paper's two-GPU split.
    dropout : float
        Dropout probability after fc6 and fc7.

    Returns
    -------
    AlexNet2012
        Randomly initialised network.
    """
    return AlexNet2012(num_classes=num_classes, two_gpu=two_gpu, dropout=dropout)


def alexnet(**kwargs) -> nn.Module:
    """Build torchvision's AlexNet without weights (never downloads); ``kwargs`` go to torchvision."""
    return torchvision.models.alexnet(weights=None, **kwargs)
