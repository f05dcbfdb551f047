"""ResNets: torchvision's ImageNet models and the CIFAR-10 networks of He et al. (2016), section 4.2.

The CIFAR networks take 3x32x32 images: a 3x3 convolution with 16 filters, then three stages of ``n``
blocks of two 3x3 convolutions with 16, 32 and 64 filters on 32x32, 16x16 and 8x8 maps (the first
convolution of stages 2 and 3 has stride 2), global average pooling and a 10-way dense layer:
``6n + 2`` weighted layers. Every convolution is followed by batch normalisation.

``plain=True`` gives the same stack without shortcuts, the "plain" network the paper compares against.
Where a stage changes the shape, the shortcut must change it too:

- option ``"A"`` (the paper's choice on CIFAR, the default): take every second pixel and pad the new
  channels with zeros -- no parameters, so a plain net and its residual twin have the same count;
- option ``"B"``: a 1x1 convolution with stride 2 plus batch normalisation (a "projection").
"""

from __future__ import annotations

import torchvision
from torch import Tensor, nn
from torch.nn import functional

from engine.runtime.errors import UserInputError

__all__ = [
    "CifarResNet", "BasicBlock", "ZeroPadShortcut", "SHORTCUTS", "cifar_resnet", "blocks_per_stage",
    "resnet18", "resnet34", "resnet50",
]

SHORTCUTS = ("A", "B")


class ZeroPadShortcut(nn.Module):
    """Option A shortcut: subsample by ``stride`` and append ``extra_channels`` zero channels."""

    def __init__(self, stride: int, extra_channels: int) -> None:
        super().__init__()
        self.stride = stride
        self.extra_channels = extra_channels

    def forward(self, x: Tensor) -> Tensor:
        x = x[:, :, :: self.stride, :: self.stride]
        return functional.pad(x, (0, 0, 0, 0, 0, self.extra_channels))


class BasicBlock(nn.Module):
    """Two 3x3 convolutions with batch normalisation; ``residual`` adds the shortcut before the last ReLU."""

    def __init__(self, in_channels: int, channels: int, stride: int, residual: bool, shortcut: str) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, channels, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.relu1 = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)
        self.relu2 = nn.ReLU(inplace=True)
        self.residual = residual
        self.downsample = None
        if residual and (stride != 1 or in_channels != channels):
            self.downsample = _shortcut(in_channels, channels, stride, shortcut)

    def forward(self, x: Tensor) -> Tensor:
        out = self.relu1(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.residual:
            out = out + (x if self.downsample is None else self.downsample(x))
        return self.relu2(out)


def _shortcut(in_channels: int, channels: int, stride: int, shortcut: str) -> nn.Module:
    if shortcut == "A":
        return ZeroPadShortcut(stride, channels - in_channels)
    return nn.Sequential(
        nn.Conv2d(in_channels, channels, 1, stride=stride, bias=False),
        nn.BatchNorm2d(channels),
    )


class CifarResNet(nn.Module):
    """The CIFAR-10 ResNet (or plain network) with ``6n + 2`` weighted layers."""

    def __init__(self, depth: int, plain: bool = False, shortcut: str = "A", num_classes: int = 10,
                 width: int = 16) -> None:
        super().__init__()
        blocks = blocks_per_stage(depth)
        if shortcut not in SHORTCUTS:
            raise UserInputError(f"shortcut must be one of {', '.join(SHORTCUTS)}, got '{shortcut}'")
        if isinstance(width, bool) or not isinstance(width, int) or width < 1:
            raise UserInputError(f"width must be a whole number of channels of at least 1, got {width!r}")
        self.conv1 = nn.Conv2d(3, width, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.relu = nn.ReLU(inplace=True)
        stages = []
        in_channels = width
        for stage, channels in enumerate((width, 2 * width, 4 * width)):
            layers = []
            for block in range(blocks):
                stride = 2 if stage > 0 and block == 0 else 1
                layers.append(BasicBlock(in_channels, channels, stride, not plain, shortcut))
                in_channels = channels
            stages.append(nn.Sequential(*layers))
        self.layer1, self.layer2, self.layer3 = stages
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(4 * width, num_classes)
        for module in self.modules():
            # He initialisation, the paper's own ("Delving deep into rectifiers", 2015). Meta tensors (built
            # for analysis) hold no values, and drawing them goes through slow Python fallbacks.
            if isinstance(module, nn.Conv2d) and not module.weight.is_meta:
                nn.init.kaiming_normal_(module.weight, mode="fan_out", nonlinearity="relu")

    def forward(self, x: Tensor) -> Tensor:
        x = self.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        return self.fc(self.flatten(self.avgpool(x)))


def blocks_per_stage(depth: int) -> int:
    """Blocks per stage ``n`` of a CIFAR network with ``depth = 6n + 2`` layers; UserInputError otherwise."""
    if depth < 8 or (depth - 2) % 6:
        raise UserInputError(f"CIFAR ResNet depth must be 6n+2 with n >= 1 (8, 14, 20, ...), got {depth}")
    return (depth - 2) // 6


def cifar_resnet(depth: int, plain: bool = False, shortcut: str = "A", num_classes: int = 10,
                 width: int = 16) -> CifarResNet:
    """Build a CIFAR-10 ResNet or plain network.

    Parameters
    ----------
    depth : int
        Weighted layers, ``6n + 2`` (20, 32, 44, 56, 110, ...).
    plain : bool
        Leave out the shortcuts.
    shortcut : str
        ``"A"`` zero-padded identity (default) or ``"B"`` projection where the shape changes.
    num_classes : int
        Size of the output layer.
    width : int
        Filters of the first stage (the paper's 16); the later stages have twice and four times as many.

    Returns
    -------
    CifarResNet
        Randomly initialised network expecting 3x32x32 inputs.
    """
    return CifarResNet(depth, plain=plain, shortcut=shortcut, num_classes=num_classes, width=width)


def resnet18(**kwargs) -> nn.Module:
    """Build torchvision's ResNet-18 without weights (never downloads); ``kwargs`` go to torchvision."""
    return torchvision.models.resnet18(weights=None, **kwargs)


def resnet34(**kwargs) -> nn.Module:
    """Build torchvision's ResNet-34 without weights (never downloads); ``kwargs`` go to torchvision."""
    return torchvision.models.resnet34(weights=None, **kwargs)


def resnet50(**kwargs) -> nn.Module:
    """Build torchvision's ResNet-50 without weights (never downloads); ``kwargs`` go to torchvision."""
    return torchvision.models.resnet50(weights=None, **kwargs)
