"""Each model's default training recipe per data set: optimiser, learning rate, batch size, schedule.

An experiment is only as fair as its recipes, and a first run from the command line or the training panel
should show what the network can do. So the command line (``python main.py train``), the training panel and
the experiments all start from :func:`recipe_for`; an option given explicitly still wins.

Where each recipe comes from:

- **LeNet-5 on the embedded digits**: SGD with momentum 0.9, learning rate 0.02 on a cosine schedule, batches of
  8. Measured (tests/engine/test_training.py): 95.3–96.7 % test accuracy after 3 epochs over seeds 0–7, where
  the former default (Adam 0.001, batches of 32, constant) reached 93.9 %.
- **The CIFAR-style plain and residual networks** (``plainN``, ``resnetN``): He et al. (2016), section 4.2: SGD
  with momentum 0.9, learning rate 0.1, weight decay 1e-4, batches of 128, the rate divided by 10 twice
  (``step``: at half and three quarters of the epochs, where the paper did it at 32k and 48k of 64k steps).
  On the digits (and anything but CIFAR) the plain-versus-residual sweep's (``engine.learning.depth``): the
  same SGD and weight decay, batches of 64 and a cosine schedule, which suits a few hundred steps.
- **Everything else** (AlexNet, VGG, GoogLeNet, NiN at their ImageNet sizes, and any model on MNIST, CIFAR or a
  folder without its own entry): Adam at 0.001, batches of 32, constant rate — a recipe that trains every
  network of the zoo without tuning, kept from before recipes existed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["GENERAL", "RECIPES", "Recipe", "recipe_for"]


@dataclass(frozen=True)
class Recipe:
    """What a run starts from unless told otherwise (``TrainConfig``'s fields of the same names)."""

    optimizer: str
    lr: float
    batch_size: int
    schedule: str
    weight_decay: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


GENERAL = Recipe(optimizer="adam", lr=0.001, batch_size=32, schedule="constant")
_LENET_DIGITS = Recipe(optimizer="sgd", lr=0.02, batch_size=8, schedule="cosine")
_DEPTH_DIGITS = Recipe(optimizer="sgd", lr=0.1, batch_size=64, schedule="cosine", weight_decay=1e-4)
_HE_CIFAR = Recipe(optimizer="sgd", lr=0.1, batch_size=128, schedule="step", weight_decay=1e-4)

RECIPES: dict[tuple[str, str], Recipe] = {
    ("lenet5", "digits"): _LENET_DIGITS,
}
"""Recipes for one model on one data set; the CIFAR networks' are found by family (see :func:`recipe_for`)."""


def recipe_for(model: str, dataset: str) -> Recipe:
    """The default recipe of ``model`` (a zoo name) on ``dataset`` (``digits``, ``cifar10``, ``folder:...``)."""
    from engine.models.zoo import get_info

    info = get_info(model)
    if (info.name, dataset) in RECIPES:
        return RECIPES[(info.name, dataset)]
    if info.builder == "resnet.cifar_resnet":  # plainN and resnetN, whatever N
        return _HE_CIFAR if dataset.startswith("cifar") else _DEPTH_DIGITS
    return GENERAL
