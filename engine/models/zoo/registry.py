"""The zoo's registry: model name -> builder and facts (paper, year, input, key ideas in English and Korean).

Modelled on torchvision's ``list_models`` / ``get_model``. Importing this module does not import torch:
each entry names its builder as ``"<family module>.<function>"`` inside ``engine.models.zoo``, resolved only when
a model is built, so the GUI can list the zoo before torch has loaded. ``get_model`` never downloads
weights (torchvision builders get ``weights=None``); ``top1`` reads the published accuracy from
torchvision's weight metadata, which ships with torchvision.

Besides the fixed names, ``plainN`` and ``resnetN`` build the CIFAR-10 networks of He et al. (2016) for
any depth ``N = 6n + 2``; ``list_models`` shows the depths the paper reports. ``resnet50`` is
torchvision's ImageNet ResNet-50 (fixed names win over the pattern).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass

from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = ["MAX_CIFAR_DEPTH", "ModelInfo", "SECTIONS", "list_models", "get_info", "get_model", "top1"]

MAX_CIFAR_DEPTH = 1202  # the deepest CIFAR network of He et al. (2016); the depth sweep stops there too
SECTIONS = ("lenet", "alexnet", "vgg", "resnet", "nin", "inception")


@dataclass(frozen=True)
class ModelInfo:
    """Facts about one zoo model; figures (params, MACs) are not here, they come from ``engine.models.analysis``.

    ``section`` is the lecture page the model belongs to (one of ``SECTIONS``); ``input_shape`` is
    (C, H, W); ``ideas_en`` / ``ideas_ko`` are the key ideas the lecture draws from it, the first one
    being the headline. ``builder`` is ``"<module>.<function>"`` inside ``engine.models.zoo`` and ``options``
    its default keyword arguments. ``torchvision_weights`` names published ImageNet weights, if any;
    ``trained_instead`` names a zoo model of the same family that has trained weights, for a model of which
    none exist.
    """

    name: str
    title: str
    family: str
    section: str
    year: int
    authors: str
    paper: str
    input_shape: tuple[int, int, int]
    ideas_en: tuple[str, ...]
    ideas_ko: tuple[str, ...]
    builder: str
    options: tuple[tuple[str, object], ...] = ()
    torchvision_weights: str | None = None
    trained_instead: str | None = None


_LECUN = dict(
    authors="Y. LeCun, L. Bottou, Y. Bengio, P. Haffner",
    paper="Gradient-Based Learning Applied to Document Recognition",
)
_KRIZHEVSKY = dict(
    authors="A. Krizhevsky, I. Sutskever, G. E. Hinton",
    paper="ImageNet Classification with Deep Convolutional Neural Networks",
)
_SIMONYAN = dict(
    authors="K. Simonyan, A. Zisserman",
    paper="Very Deep Convolutional Networks for Large-Scale Image Recognition",
)
_HE = dict(authors="K. He, X. Zhang, S. Ren, J. Sun", paper="Deep Residual Learning for Image Recognition")
_LIN = dict(authors="M. Lin, Q. Chen, S. Yan", paper="Network In Network")
_SZEGEDY = dict(
    authors="C. Szegedy, W. Liu, Y. Jia, P. Sermanet, S. Reed, et al.", paper="Going Deeper with Convolutions"
)

_SKIP = (
    "Skip connections add a block's input to its output",
    "스킵 연결(shortcut)이 블록의 입력을 출력에 더한다",
)
_PROJECTION = (
    "A 1×1 projection matches the shapes where the stride changes them",
    "스트라이드로 차원이 바뀌는 곳에서는 1×1 프로젝션으로 차원을 맞춘다",
)
_DEGRADATION = (
    "Goes deep without the degradation of plain networks",
    "plain 네트워크처럼 깊어질수록 오차가 커지는 문제(degradation)가 없다",
)
_VGG_STAGES = (
    "Only 3×3 convolutions and 2×2 max pooling with stride 2",
    "3×3 합성곱과 2×2 맥스 풀링(스트라이드 2)만 사용한다",
)
_VGG_DOUBLING = ("Channels double at every stage", "단계마다 채널 수가 2배씩 늘어난다")
_DENSE_HEAVY = ("Many parameters, most of them in the dense layers", "변수가 많고, 대부분 완전 연결층에 있다")
_CIFAR_SHORTCUTS = (
    "Shortcut A pads zeros where the channels double; B uses a 1×1 projection",
    "채널이 2배가 되는 곳에서 A는 0으로 채우고, B는 1×1 프로젝션을 쓴다",
)
_PLAIN_IDEAS = (
    ("The same stack as the ResNet, without shortcuts", "ResNet과 같은 층 구성에 스킵 연결만 없다"),
    (
        "Training error grows as layers are added (degradation)",
        "층을 쌓을수록 훈련 오차가 오히려 커진다 (degradation)",
    ),
)
_CIFAR_SHOWN = {"plain": (20, 32, 44, 56), "resnet": (20, 32, 44, 56, 110)}
_CIFAR_NAME = re.compile(r"(plain|resnet)(\d+)")


def _ideas(*pairs: tuple[str, str]) -> dict[str, tuple[str, ...]]:
    """Key ideas given as (English, Korean) pairs, split into the two fields of ``ModelInfo``."""
    return {"ideas_en": tuple(en for en, _ in pairs), "ideas_ko": tuple(ko for _, ko in pairs)}


_FIXED = (
    ModelInfo(
        name="lenet5", title="LeNet-5", family="LeNet", section="lenet", year=1998, **_LECUN,
        input_shape=(1, 32, 32), builder="lenet.lenet5",
        **_ideas(
            (
                "Average pooling halves the feature maps",
                "평균 풀링(average pooling)으로 특징 맵을 절반으로 줄인다",
            ),
            (
                "tanh activations, a sigmoid-shaped squashing function from before ReLU (the paper scales it: "
                "1.7159·tanh(2a/3))",
                "ReLU 이전의 tanh 활성화 함수: 시그모이드 모양으로 값을 눌러 주는 함수 (논문은 1.7159·tanh(2a/3)로 "
                "크기를 조정)",
            ),
            ("Few parameters", "변수 수가 적다"),
        ),
    ),
    ModelInfo(
        name="alexnet2012", title="AlexNet (2012)", family="AlexNet", section="alexnet", year=2012,
        **_KRIZHEVSKY, input_shape=(3, 227, 227), builder="alexnet.alexnet2012", trained_instead="alexnet",
        **_ideas(
            ("Max pooling (overlapping 3×3 windows, stride 2)", "맥스 풀링 (3×3 창이 겹치도록 스트라이드 2)"),
            (
                "ReLU activations train faster than sigmoid/tanh",
                "ReLU 활성화 함수는 시그모이드/tanh보다 빠르게 훈련된다",
            ),
            _DENSE_HEAVY,
            (
                "Dropout and local response normalisation; drawn as one tower (the paper's two-GPU network "
                "is the next variant)",
                "드롭아웃과 국소 응답 정규화(LRN); 여기서는 한 줄기로 그렸다 (논문의 두 GPU 네트워크는 다음 "
                "변형)",
            ),
        ),
    ),
    ModelInfo(
        name="alexnet2012_2gpu", title="AlexNet (2012, two GPUs)", family="AlexNet", section="alexnet",
        year=2012, **_KRIZHEVSKY, input_shape=(3, 227, 227), builder="alexnet.alexnet2012",
        options=(("two_gpu", True),), trained_instead="alexnet",
        **_ideas(
            (
                "As the paper trained it, split over two GPUs: conv2, conv4 and conv5 see only the maps on "
                "their own GPU (grouped convolutions, groups=2)",
                "논문에서 훈련한 그대로 두 GPU에 나눈 네트워크: conv2, conv4, conv5는 자기 GPU에 있는 맵만 본다 "
                "(그룹 합성곱, groups=2)",
            ),
            (
                "Grouping halves the weights of conv2, conv4 and conv5: fewer parameters than one tower "
                "(the slide's 60M)",
                "그룹으로 나누면 conv2, conv4, conv5의 가중치가 절반이 된다: 한 줄기 네트워크보다 변수가 "
                "적다 (슬라이드의 60M)",
            ),
            _DENSE_HEAVY,
        ),
    ),
    ModelInfo(
        name="alexnet", title="AlexNet (torchvision)", family="AlexNet", section="alexnet", year=2014,
        authors="A. Krizhevsky", paper="One weird trick for parallelizing convolutional neural networks",
        input_shape=(3, 224, 224), builder="alexnet.alexnet",
        torchvision_weights="AlexNet_Weights.IMAGENET1K_V1",
        **_ideas(
            ("AlexNet's single-GPU variant, without LRN", "AlexNet의 단일 GPU 변형 (LRN 없음)"),
            ("Max pooling and ReLU", "맥스 풀링과 ReLU"),
            _DENSE_HEAVY,
        ),
    ),
    ModelInfo(
        name="vgg16", title="VGG-16", family="VGG", section="vgg", year=2014, **_SIMONYAN,
        input_shape=(3, 224, 224), builder="vgg.vgg16", torchvision_weights="VGG16_Weights.IMAGENET1K_V1",
        **_ideas(_VGG_STAGES, _VGG_DOUBLING, ("Many parameters to train", "훈련시킬 변수가 많다")),
    ),
    ModelInfo(
        name="vgg16_bn", title="VGG-16 (BN)", family="VGG", section="vgg", year=2014, **_SIMONYAN,
        input_shape=(3, 224, 224), builder="vgg.vgg16_bn",
        torchvision_weights="VGG16_BN_Weights.IMAGENET1K_V1",
        **_ideas(
            (
                "VGG-16 with batch normalisation after every convolution",
                "모든 합성곱 뒤에 배치 정규화를 넣은 VGG-16",
            ),
            _VGG_STAGES,
            _VGG_DOUBLING,
        ),
    ),
    ModelInfo(
        name="resnet18", title="ResNet-18", family="ResNet", section="resnet", year=2015, **_HE,
        input_shape=(3, 224, 224), builder="resnet.resnet18",
        torchvision_weights="ResNet18_Weights.IMAGENET1K_V1",
        **_ideas(_SKIP, _PROJECTION, _DEGRADATION),
    ),
    ModelInfo(
        name="resnet34", title="ResNet-34", family="ResNet", section="resnet", year=2015, **_HE,
        input_shape=(3, 224, 224), builder="resnet.resnet34",
        torchvision_weights="ResNet34_Weights.IMAGENET1K_V1",
        **_ideas(_SKIP, _PROJECTION, _DEGRADATION),
    ),
    ModelInfo(
        name="resnet50", title="ResNet-50", family="ResNet", section="resnet", year=2015, **_HE,
        input_shape=(3, 224, 224), builder="resnet.resnet50",
        torchvision_weights="ResNet50_Weights.IMAGENET1K_V1",
        **_ideas(
            (
                "Bottleneck blocks: a 1×1 convolution reduces, a 3×3 convolves, a 1×1 expands",
                "병목(bottleneck) 블록: 1×1로 줄이고, 3×3 합성곱 후, 1×1로 다시 늘린다",
            ),
            _SKIP,
            _PROJECTION,
        ),
    ),
)
_FIXED_AFTER_CIFAR = (
    ModelInfo(
        name="nin_block", title="NiN block (mlpconv)", family="NiN", section="nin", year=2013, **_LIN,
        input_shape=(192, 28, 28), builder="nin.nin_block",
        **_ideas(
            ("1×1 convolutions reduce the number of channels", "1×1 합성곱으로 채널 수를 줄인다"),
            (
                "Each 1×1 convolution adds a non-linearity: a small MLP at every pixel",
                "1×1 합성곱마다 비선형성이 더해진다: 픽셀마다 작은 MLP",
            ),
        ),
    ),
    ModelInfo(
        name="inception_module_naive", title="Inception 3a (naive)", family="Inception", section="inception",
        year=2014, **_SZEGEDY, input_shape=(192, 28, 28), builder="inception.inception_module_naive",
        **_ideas(
            ("Every filter size and pooling side by side", "모든 필터 크기와 풀링을 나란히 적용한다"),
            (
                "Without 1×1 bottlenecks the 5×5 convolution is costly",
                "1×1 병목이 없으면 5×5 합성곱의 계산 비용이 크다",
            ),
            ("The pooled channels pile up in the output", "풀링한 채널이 그대로 출력에 쌓인다"),
        ),
    ),
    ModelInfo(
        name="inception_module", title="Inception 3a", family="Inception", section="inception", year=2014,
        **_SZEGEDY, input_shape=(192, 28, 28), builder="inception.inception_module",
        **_ideas(
            (
                "Every filter size and pooling side by side; the network learns the mix",
                "필터 크기나 풀링을 정하지 않고 전부 적용해 그 조합을 스스로 학습한다",
            ),
            (
                "1×1 bottlenecks before the 3×3 and 5×5 convolutions cut the cost",
                "3×3, 5×5 합성곱 앞의 1×1 병목이 계산 비용을 줄인다",
            ),
        ),
    ),
    ModelInfo(
        name="googlenet", title="GoogLeNet", family="Inception", section="inception", year=2014, **_SZEGEDY,
        input_shape=(3, 224, 224), builder="inception.googlenet",
        torchvision_weights="GoogLeNet_Weights.IMAGENET1K_V1",
        **_ideas(
            ("Inception modules stacked", "Inception 모듈을 쌓은 네트워크"),
            ("1×1 bottlenecks keep the cost low", "1×1 병목으로 계산 비용을 낮게 유지한다"),
            ("Global average pooling instead of large dense layers", "큰 완전 연결층 대신 전역 평균 풀링"),
        ),
    ),
)
_BY_NAME = {info.name: info for info in _FIXED + _FIXED_AFTER_CIFAR}


def _cifar_info(kind: str, depth: int) -> ModelInfo:
    plain = kind == "plain"
    return ModelInfo(
        name=f"{kind}{depth}", title=f"{'Plain' if plain else 'ResNet'}-{depth}",
        family="Plain (CIFAR)" if plain else "ResNet (CIFAR)", section="resnet", year=2015, **_HE,
        input_shape=(3, 32, 32), builder="resnet.cifar_resnet", options=(("depth", depth), ("plain", plain)),
        **(_ideas(*_PLAIN_IDEAS) if plain else _ideas(_SKIP, _CIFAR_SHORTCUTS, _DEGRADATION)),
    )


def _accepted() -> str:
    return f"{', '.join(_BY_NAME)}, and plainN or resnetN with N = 6n+2 (e.g. resnet20, resnet110)"


def get_info(name: str) -> ModelInfo:
    """Facts about a zoo model.

    Parameters
    ----------
    name : str
        A name from :func:`list_models` (case-insensitive), or ``plainN`` / ``resnetN`` with ``N = 6n + 2``.

    Returns
    -------
    ModelInfo

    Raises
    ------
    UserInputError
        For a name the zoo does not know; the message lists the accepted names.
    """
    key = name.strip().lower()
    if key in _BY_NAME:
        return _BY_NAME[key]
    match = _CIFAR_NAME.fullmatch(key)
    if match and len(match[2]) > len(str(MAX_CIFAR_DEPTH)) or match and int(match[2]) > MAX_CIFAR_DEPTH:
        # Refused before anything is built: resnet20000 would take minutes and gigabytes to analyse.
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} is deeper than the deepest network of the paper ({maximum} layers); use a depth "
            "6n+2 from 8 to {maximum}, e.g. resnet110."), name=name.strip(), maximum=f"{MAX_CIFAR_DEPTH:,}"))
    if match and int(match[2]) >= 8 and (int(match[2]) - 2) % 6 == 0:
        return _cifar_info(match[1], int(match[2]))
    raise UserInputError(f"unknown model '{name}'; accepted: {_accepted()}")


def list_models(section: str | None = None) -> list[str]:
    """Model names in lecture order, optionally only those of one lecture ``section`` (see ``SECTIONS``)."""
    if section is not None and section not in SECTIONS:
        raise UserInputError(f"unknown section '{section}'; accepted: {', '.join(SECTIONS)}")
    cifar = [f"{kind}{depth}" for kind, depths in _CIFAR_SHOWN.items() for depth in depths]
    names = [info.name for info in _FIXED] + cifar + [info.name for info in _FIXED_AFTER_CIFAR]
    return [name for name in names if section is None or get_info(name).section == section]


def get_model(name: str, **kwargs):
    """Build a zoo model with random weights (nothing is downloaded).

    Parameters
    ----------
    name : str
        A zoo name (see :func:`get_info`).
    **kwargs
        Options of the builder, overriding the entry's defaults: ``activation`` (lenet5), ``two_gpu``
        (alexnet2012), ``shortcut`` ("A" or "B", resnetN), ``width`` (plainN and resnetN), ``reduce``
        (inception_module), ``num_classes``...

    Returns
    -------
    torch.nn.Module
        Built on torch's current default device (``with torch.device("meta"):`` builds without memory).
    """
    info = get_info(name)
    module_name, function_name = info.builder.split(".")
    builder = getattr(importlib.import_module(f"engine.models.zoo.{module_name}"), function_name)
    return builder(**(dict(info.options) | kwargs))


def top1(name: str) -> float | None:
    """Published ImageNet-1K top-1 accuracy (%) of the model's torchvision weights; None without weights."""
    weights = get_info(name).torchvision_weights
    if weights is None:
        return None
    from torchvision.models import get_weight

    return float(get_weight(weights).meta["_metrics"]["ImageNet-1K"]["acc@1"])
