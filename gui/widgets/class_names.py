"""Korean names of the data sets' classes (CIFAR-10, CIFAR-100, MNIST), for the data-set page's sample rows.

The class names come from the data sets' own files (torchvision's ``classes``, CIFAR's ``batches.meta`` and
``meta``), in English; a name not listed here is shown as it is.
"""

from __future__ import annotations

from gui.i18n import current_language

__all__ = ["CLASS_NAMES_KO", "class_name"]

_DIGITS_KO = ("영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구")
_DIGITS_EN = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

CLASS_NAMES_KO = {
    # CIFAR-10
    "airplane": "비행기", "automobile": "자동차", "bird": "새", "cat": "고양이", "deer": "사슴", "dog": "개",
    "frog": "개구리", "horse": "말", "ship": "배", "truck": "트럭",
    # CIFAR-100 (fine labels)
    "apple": "사과", "aquarium_fish": "관상어", "baby": "아기", "bear": "곰", "beaver": "비버", "bed": "침대",
    "bee": "벌", "beetle": "딱정벌레", "bicycle": "자전거", "bottle": "병", "bowl": "그릇", "boy": "소년",
    "bridge": "다리", "bus": "버스", "butterfly": "나비", "camel": "낙타", "can": "캔", "castle": "성",
    "caterpillar": "애벌레", "cattle": "소", "chair": "의자", "chimpanzee": "침팬지", "clock": "시계",
    "cloud": "구름", "cockroach": "바퀴벌레", "couch": "소파", "crab": "게", "crocodile": "악어", "cup": "컵",
    "dinosaur": "공룡", "dolphin": "돌고래", "elephant": "코끼리", "flatfish": "넙치", "forest": "숲",
    "fox": "여우", "girl": "소녀", "hamster": "햄스터", "house": "집", "kangaroo": "캥거루",
    "keyboard": "키보드", "lamp": "램프", "lawn_mower": "잔디깎이", "leopard": "표범", "lion": "사자",
    "lizard": "도마뱀", "lobster": "바닷가재", "man": "남자", "maple_tree": "단풍나무", "motorcycle": "오토바이",
    "mountain": "산", "mouse": "생쥐", "mushroom": "버섯", "oak_tree": "참나무", "orange": "오렌지",
    "orchid": "난초", "otter": "수달", "palm_tree": "야자나무", "pear": "배(과일)", "pickup_truck": "픽업트럭",
    "pine_tree": "소나무", "plain": "평원", "plate": "접시", "poppy": "양귀비", "porcupine": "호저",
    "possum": "주머니쥐", "rabbit": "토끼", "raccoon": "너구리", "ray": "가오리", "road": "도로",
    "rocket": "로켓", "rose": "장미", "sea": "바다", "seal": "물범", "shark": "상어", "shrew": "땃쥐",
    "skunk": "스컹크", "skyscraper": "고층 건물", "snail": "달팽이", "snake": "뱀", "spider": "거미",
    "squirrel": "다람쥐", "streetcar": "노면 전차", "sunflower": "해바라기", "sweet_pepper": "피망",
    "table": "탁자", "tank": "탱크", "telephone": "전화기", "television": "텔레비전", "tiger": "호랑이",
    "tractor": "트랙터", "train": "기차", "trout": "송어", "tulip": "튤립", "turtle": "거북",
    "wardrobe": "옷장", "whale": "고래", "willow_tree": "버드나무", "wolf": "늑대", "woman": "여자",
    "worm": "벌레",
    # MNIST (torchvision names its classes "0 - zero" ... "9 - nine")
    **{f"{digit} - {word}": f"{digit} - {_DIGITS_KO[digit]}" for digit, word in enumerate(_DIGITS_EN)},
}


def class_name(name: str) -> str:
    """``name`` in the interface language (CIFAR's underscores as spaces in English)."""
    if current_language() == "ko":
        return CLASS_NAMES_KO.get(name, name)
    return name.replace("_", " ")
