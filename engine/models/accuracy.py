"""ImageNet accuracy as published, each figure with where it comes from.

Two sources that must not be mixed up. torchvision measures every weights version it publishes on the
ILSVRC-2012 validation set with one centre crop (``weights.meta["_metrics"]``, read here, never typed in):
the app loads the ``IMAGENET1K_V1`` weights, and a later version may score higher with the same network
(ResNet-50: V1 76.1 %, V2 80.9 %, trained with a newer recipe). The papers report their own figures, often as
errors, often top-5, and often averaged over 10 or more crops: those are written down here from the papers'
tables, with the protocol, and shown beside torchvision's, never in place of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.models.zoo import get_info

__all__ = ["PaperFigure", "WeightsFigure", "PAPER_FIGURES", "torchvision_figures", "paper_figure"]


@dataclass(frozen=True)
class WeightsFigure:
    """torchvision's single-crop ILSVRC-2012 validation accuracy of one weights version."""

    version: str          # "V1", "V2"
    top1: float           # per cent
    top5: float
    loaded: bool          # the version the app loads


@dataclass(frozen=True)
class PaperFigure:
    """An accuracy a paper reports for the network, as the paper measured it."""

    metric: str           # "top-1" or "top-5"
    accuracy: float       # per cent (100 minus the paper's error)
    protocol_en: str      # data split, crops, table
    protocol_ko: str


# From the papers' tables (errors turned into accuracies: 100 - error).
PAPER_FIGURES: dict[str, PaperFigure] = {
    # Krizhevsky et al. 2012, Table 2: one CNN, ILSVRC-2012 validation, top-1 error 40.7 %, top-5 18.2 %.
    "alexnet2012": PaperFigure("top-1", 59.3, "paper, Table 2: one CNN, ILSVRC-2012 validation, 10 patches",
                               "논문 표 2: CNN 1개, ILSVRC-2012 검증 세트, 패치 10개"),
    # Simonyan & Zisserman 2015, Table 4: configuration D, multi-scale evaluation, top-1 error 24.8 %.
    "vgg16": PaperFigure("top-1", 75.2, "paper, Table 4: configuration D, validation, multi-scale dense",
                         "논문 표 4: 구성 D, 검증 세트, 여러 크기 조밀(dense) 평가"),
    # He et al. 2016, Table 2 (10-crop testing, validation): ResNet-18 top-1 error 27.88 %.
    "resnet18": PaperFigure("top-1", 72.12, "paper, Table 2: validation, 10 crops",
                            "논문 표 2: 검증 세트, 크롭 10개"),
    # He et al. 2016, Table 3 (10-crop testing): ResNet-34 with projections where shapes change (B) 24.52 %.
    "resnet34": PaperFigure("top-1", 75.48, "paper, Table 3: option B, validation, 10 crops",
                            "논문 표 3: 옵션 B, 검증 세트, 크롭 10개"),
    # He et al. 2016, Table 3: ResNet-50 22.85 %.
    "resnet50": PaperFigure("top-1", 77.15, "paper, Table 3: validation, 10 crops",
                            "논문 표 3: 검증 세트, 크롭 10개"),
    # Szegedy et al. 2015, Table 5: one model, one crop, top-5 error 10.07 % (the paper gives no top-1).
    "googlenet": PaperFigure("top-5", 89.93, "paper, Table 5: one model, one crop, validation; no top-1 given",
                             "논문 표 5: 모델 1개, 크롭 1개, 검증 세트; top-1은 밝히지 않음"),
}


def torchvision_figures(name: str) -> tuple[WeightsFigure, ...]:
    """Every ImageNet weights version torchvision publishes for zoo model ``name`` (empty: none)."""
    loaded = get_info(name).torchvision_weights
    if loaded is None:
        return ()
    from torchvision.models import get_weight

    enum = type(get_weight(loaded))
    figures = []
    for weights in enum:
        metrics = weights.meta.get("_metrics", {}).get("ImageNet-1K", {})
        top1, top5 = metrics.get("acc@1"), metrics.get("acc@5")
        if top1 is None or top1 != top1:  # NaN: feature-only weights (VGG's IMAGENET1K_FEATURES)
            continue
        version = weights.name.removeprefix("IMAGENET1K_")
        figures.append(WeightsFigure(version, float(top1), float(top5), f"{enum.__name__}.{weights.name}" == loaded))
    return tuple(figures)


def paper_figure(name: str) -> PaperFigure | None:
    """The accuracy the model's paper reports, or None when it reports none for this network."""
    return PAPER_FIGURES.get(get_info(name).name)
