"""LeNet-5 as the lecture draws it: two convolution + average-pooling stages, then three dense layers.

LeCun et al. (1998) used a scaled tanh, connected C3 to only some of S2's maps and had trainable
subsampling layers. The lecture's version keeps the shapes (1x32x32 -> 6x28x28 -> 6x14x14 -> 16x10x10
-> 16x5x5 -> 120 -> 84 -> 10) with full connectivity and plain average pooling, which gives the
61,706 parameters usually quoted. The default activation is tanh (what the paper used and what trains
well); ``activation="sigmoid"`` gives the variant the lecture slide names.
"""

from __future__ import annotations

from collections import OrderedDict

from torch import nn

from engine.runtime.errors import UserInputError

__all__ = ["LeNet5", "lenet5", "ACTIVATIONS"]

ACTIVATIONS = {"tanh": nn.Tanh, "sigmoid": nn.Sigmoid}


class LeNet5(nn.Sequential):
    """LeNet-5 for 1x32x32 images, layers named after their role (``conv1``, ``pool1``, ``fc1``...)."""

    def __init__(self, num_classes: int = 10, activation: str = "tanh") -> None:
        if activation not in ACTIVATIONS:
            raise UserInputError(
                f"LeNet-5 activation must be one of {', '.join(ACTIVATIONS)}, got '{activation}'"
            )
        act = ACTIVATIONS[activation]
        super().__init__(
            OrderedDict(
                conv1=nn.Conv2d(1, 6, kernel_size=5),
                act1=act(),
                pool1=nn.AvgPool2d(kernel_size=2, stride=2),
                conv2=nn.Conv2d(6, 16, kernel_size=5),
                act2=act(),
                pool2=nn.AvgPool2d(kernel_size=2, stride=2),
                flatten=nn.Flatten(),
                fc1=nn.Linear(16 * 5 * 5, 120),
                act3=act(),
                fc2=nn.Linear(120, 84),
                act4=act(),
                fc3=nn.Linear(84, num_classes),
            )
        )


def lenet5(num_classes: int = 10, activation: str = "tanh") -> LeNet5:
    """Build LeNet-5 (lecture version).

    Parameters
    ----------
    num_classes : int
        Size of the output layer (10 digits).
    activation : str
        ``"tanh"`` (default) or ``"sigmoid"``.

    Returns
    -------
    LeNet5
        Randomly initialised network expecting 1x32x32 inputs.
    """
    return LeNet5(num_classes=num_classes, activation=activation)
