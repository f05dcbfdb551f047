"""Class names of the data sets the app trains on, in the interface language.

CIFAR-10's, CIFAR-100's and MNIST's labels come from the data sets in English; they are marked here for
translation (context ``ClassNames``) so a Korean class sees 비행기 rather than "airplane" on the top-5 list,
in the training panel and on the data sets page. The embedded digits' classes are numerals and stay as they
are. ImageNet's 1,000 class names stay in English: no reviewed Korean list of them ships with the app (see the
README).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["class_label", "CIFAR10", "CIFAR100", "MNIST"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


CIFAR10 = (
    QT_TRANSLATE_NOOP("ClassNames", "airplane"), QT_TRANSLATE_NOOP("ClassNames", "automobile"),
    QT_TRANSLATE_NOOP("ClassNames", "bird"), QT_TRANSLATE_NOOP("ClassNames", "cat"),
    QT_TRANSLATE_NOOP("ClassNames", "deer"), QT_TRANSLATE_NOOP("ClassNames", "dog"),
    QT_TRANSLATE_NOOP("ClassNames", "frog"), QT_TRANSLATE_NOOP("ClassNames", "horse"),
    QT_TRANSLATE_NOOP("ClassNames", "ship"), QT_TRANSLATE_NOOP("ClassNames", "truck"),
)

CIFAR100 = (
    QT_TRANSLATE_NOOP("ClassNames", "apple"), QT_TRANSLATE_NOOP("ClassNames", "aquarium_fish"),
    QT_TRANSLATE_NOOP("ClassNames", "baby"), QT_TRANSLATE_NOOP("ClassNames", "bear"),
    QT_TRANSLATE_NOOP("ClassNames", "beaver"), QT_TRANSLATE_NOOP("ClassNames", "bed"),
    QT_TRANSLATE_NOOP("ClassNames", "bee"), QT_TRANSLATE_NOOP("ClassNames", "beetle"),
    QT_TRANSLATE_NOOP("ClassNames", "bicycle"), QT_TRANSLATE_NOOP("ClassNames", "bottle"),
    QT_TRANSLATE_NOOP("ClassNames", "bowl"), QT_TRANSLATE_NOOP("ClassNames", "boy"),
    QT_TRANSLATE_NOOP("ClassNames", "bridge"), QT_TRANSLATE_NOOP("ClassNames", "bus"),
    QT_TRANSLATE_NOOP("ClassNames", "butterfly"), QT_TRANSLATE_NOOP("ClassNames", "camel"),
    QT_TRANSLATE_NOOP("ClassNames", "can"), QT_TRANSLATE_NOOP("ClassNames", "castle"),
    QT_TRANSLATE_NOOP("ClassNames", "caterpillar"), QT_TRANSLATE_NOOP("ClassNames", "cattle"),
    QT_TRANSLATE_NOOP("ClassNames", "chair"), QT_TRANSLATE_NOOP("ClassNames", "chimpanzee"),
    QT_TRANSLATE_NOOP("ClassNames", "clock"), QT_TRANSLATE_NOOP("ClassNames", "cloud"),
    QT_TRANSLATE_NOOP("ClassNames", "cockroach"), QT_TRANSLATE_NOOP("ClassNames", "couch"),
    QT_TRANSLATE_NOOP("ClassNames", "crab"), QT_TRANSLATE_NOOP("ClassNames", "crocodile"),
    QT_TRANSLATE_NOOP("ClassNames", "cup"), QT_TRANSLATE_NOOP("ClassNames", "dinosaur"),
    QT_TRANSLATE_NOOP("ClassNames", "dolphin"), QT_TRANSLATE_NOOP("ClassNames", "elephant"),
    QT_TRANSLATE_NOOP("ClassNames", "flatfish"), QT_TRANSLATE_NOOP("ClassNames", "forest"),
    QT_TRANSLATE_NOOP("ClassNames", "fox"), QT_TRANSLATE_NOOP("ClassNames", "girl"),
    QT_TRANSLATE_NOOP("ClassNames", "hamster"), QT_TRANSLATE_NOOP("ClassNames", "house"),
    QT_TRANSLATE_NOOP("ClassNames", "kangaroo"), QT_TRANSLATE_NOOP("ClassNames", "keyboard"),
    QT_TRANSLATE_NOOP("ClassNames", "lamp"), QT_TRANSLATE_NOOP("ClassNames", "lawn_mower"),
    QT_TRANSLATE_NOOP("ClassNames", "leopard"), QT_TRANSLATE_NOOP("ClassNames", "lion"),
    QT_TRANSLATE_NOOP("ClassNames", "lizard"), QT_TRANSLATE_NOOP("ClassNames", "lobster"),
    QT_TRANSLATE_NOOP("ClassNames", "man"), QT_TRANSLATE_NOOP("ClassNames", "maple_tree"),
    QT_TRANSLATE_NOOP("ClassNames", "motorcycle"), QT_TRANSLATE_NOOP("ClassNames", "mountain"),
    QT_TRANSLATE_NOOP("ClassNames", "mouse"), QT_TRANSLATE_NOOP("ClassNames", "mushroom"),
    QT_TRANSLATE_NOOP("ClassNames", "oak_tree"), QT_TRANSLATE_NOOP("ClassNames", "orange"),
    QT_TRANSLATE_NOOP("ClassNames", "orchid"), QT_TRANSLATE_NOOP("ClassNames", "otter"),
    QT_TRANSLATE_NOOP("ClassNames", "palm_tree"), QT_TRANSLATE_NOOP("ClassNames", "pear"),
    QT_TRANSLATE_NOOP("ClassNames", "pickup_truck"), QT_TRANSLATE_NOOP("ClassNames", "pine_tree"),
    QT_TRANSLATE_NOOP("ClassNames", "plain"), QT_TRANSLATE_NOOP("ClassNames", "plate"),
    QT_TRANSLATE_NOOP("ClassNames", "poppy"), QT_TRANSLATE_NOOP("ClassNames", "porcupine"),
    QT_TRANSLATE_NOOP("ClassNames", "possum"), QT_TRANSLATE_NOOP("ClassNames", "rabbit"),
    QT_TRANSLATE_NOOP("ClassNames", "raccoon"), QT_TRANSLATE_NOOP("ClassNames", "ray"),
    QT_TRANSLATE_NOOP("ClassNames", "road"), QT_TRANSLATE_NOOP("ClassNames", "rocket"),
    QT_TRANSLATE_NOOP("ClassNames", "rose"), QT_TRANSLATE_NOOP("ClassNames", "sea"),
    QT_TRANSLATE_NOOP("ClassNames", "seal"), QT_TRANSLATE_NOOP("ClassNames", "shark"),
    QT_TRANSLATE_NOOP("ClassNames", "shrew"), QT_TRANSLATE_NOOP("ClassNames", "skunk"),
    QT_TRANSLATE_NOOP("ClassNames", "skyscraper"), QT_TRANSLATE_NOOP("ClassNames", "snail"),
    QT_TRANSLATE_NOOP("ClassNames", "snake"), QT_TRANSLATE_NOOP("ClassNames", "spider"),
    QT_TRANSLATE_NOOP("ClassNames", "squirrel"), QT_TRANSLATE_NOOP("ClassNames", "streetcar"),
    QT_TRANSLATE_NOOP("ClassNames", "sunflower"), QT_TRANSLATE_NOOP("ClassNames", "sweet_pepper"),
    QT_TRANSLATE_NOOP("ClassNames", "table"), QT_TRANSLATE_NOOP("ClassNames", "tank"),
    QT_TRANSLATE_NOOP("ClassNames", "telephone"), QT_TRANSLATE_NOOP("ClassNames", "television"),
    QT_TRANSLATE_NOOP("ClassNames", "tiger"), QT_TRANSLATE_NOOP("ClassNames", "tractor"),
    QT_TRANSLATE_NOOP("ClassNames", "train"), QT_TRANSLATE_NOOP("ClassNames", "trout"),
    QT_TRANSLATE_NOOP("ClassNames", "tulip"),
    QT_TRANSLATE_NOOP("ClassNames", "turtle"), QT_TRANSLATE_NOOP("ClassNames", "wardrobe"),
    QT_TRANSLATE_NOOP("ClassNames", "whale"), QT_TRANSLATE_NOOP("ClassNames", "willow_tree"),
    QT_TRANSLATE_NOOP("ClassNames", "wolf"), QT_TRANSLATE_NOOP("ClassNames", "woman"),
    QT_TRANSLATE_NOOP("ClassNames", "worm"),
)
MNIST = (  # torchvision's names of its classes
    QT_TRANSLATE_NOOP("ClassNames", "0 - zero"), QT_TRANSLATE_NOOP("ClassNames", "1 - one"),
    QT_TRANSLATE_NOOP("ClassNames", "2 - two"), QT_TRANSLATE_NOOP("ClassNames", "3 - three"),
    QT_TRANSLATE_NOOP("ClassNames", "4 - four"), QT_TRANSLATE_NOOP("ClassNames", "5 - five"),
    QT_TRANSLATE_NOOP("ClassNames", "6 - six"), QT_TRANSLATE_NOOP("ClassNames", "7 - seven"),
    QT_TRANSLATE_NOOP("ClassNames", "8 - eight"), QT_TRANSLATE_NOOP("ClassNames", "9 - nine"),
)
_KNOWN = frozenset(CIFAR10 + CIFAR100 + MNIST)


def class_label(name: str) -> str:
    """A class's name as shown: a data set's translated into the interface language (CIFAR's underscores as
    spaces), any other as it is."""
    return QCoreApplication.translate("ClassNames", name).replace("_", " ") if name in _KNOWN else name
