"""Data for training and for the data-set page: the embedded digits, torchvision's sets, and the catalogue.

The embedded default is the UCI "Optical Recognition of Handwritten Digits" set as scikit-learn ships it
(1,797 real handwritten digits by 13 writers, 8×8 pixels, CC BY 4.0; see ``resources/LICENSES.md``), so
that training works offline. MNIST, CIFAR-10 and CIFAR-100 come from the user's data folder, downloaded
there by torchvision on request. Any folder in torchvision's ImageFolder layout works too. Every sample is
adapted to the model's input (channels and size) here, in the data layer, so that the models stay as their
papers describe them.

Torch is imported inside the functions that need it, so that importing this module stays cheap.
"""

from __future__ import annotations

import gzip
import logging
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from engine.data.images import IMAGE_SUFFIXES, load_image
from engine.resources import RESOURCES_DIR
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = [
    "CATALOGUE",
    "DATASET_NAMES",
    "DIGITS_FILE",
    "SPLIT_SEED",
    "TEST_FRACTION",
    "AdaptedDataset",
    "DataSetFacts",
    "DigitSet",
    "default_data_root",
    "load_embedded_digits",
    "make_dataset",
]

_log = logging.getLogger(__name__)
DIGITS_FILE = RESOURCES_DIR / "data" / "digits.csv.gz"
SPLIT_SEED = 0
TEST_FRACTION = 0.2
DATASET_NAMES = ("digits", "mnist", "cifar10", "cifar100")
_FOLDER_PREFIX = "folder:"
_SPLITS = ("train", "test")
_SIZES = range(8, 1025)
_MAX_SKIPPED_IN_A_ROW = 20  # so many unreadable files one after another: the folder, not a file, is bad


@dataclass(frozen=True)
class DigitSet:
    """The embedded handwritten digits, split once and for all into training and test images.

    The split is stratified: each digit keeps the same share (``TEST_FRACTION``) in the test set, drawn
    with a fixed seed (``SPLIT_SEED``), so every run and every machine sees the same split. The writers of the
    digits are not recorded in the file, so one writer's digits can fall on both sides of the split.

    Attributes
    ----------
    train_images, test_images : numpy.ndarray
        Read-only ``uint8`` arrays of shape ``(n, 8, 8)``, ink bright on black, 0..255 (the file's 0..16
        counts of inked pixels per 4×4 block, scaled).
    train_labels, test_labels : numpy.ndarray
        Read-only ``int64`` arrays of shape ``(n,)``, the digits 0..9.
    train_rows, test_rows : numpy.ndarray
        Read-only row numbers of each image in ``DIGITS_FILE``, in increasing order, to trace any sample back.
    """

    train_images: np.ndarray
    train_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray
    train_rows: np.ndarray
    test_rows: np.ndarray


@dataclass(frozen=True)
class DataSetFacts:
    """One of the lecture's data sets, with the figures the lecture gives.

    Attributes
    ----------
    name : str
        The data set's usual name.
    images : int
        Number of images, as the lecture gives it (canonical where the lecture gives none; see ``note_en``).
    classes : int
        Number of categories, as the lecture gives it (canonical where the lecture gives none).
    year : int
        Year of first publication.
    resolution_en, resolution_ko : str
        What the images look like in size and colour.
    description_en, description_ko : str
        What the data set is and what it is used for.
    note_en, note_ko : str
        The canonical figures where the lecture rounds or differs; empty when the lecture's are exact.
    loader : str or None
        The name :func:`make_dataset` accepts for it, or None when the app cannot train on it.
    splits : tuple of int
        Training and test images where the set comes split (their sum is ``images``); empty otherwise.
    withdrawn_en, withdrawn_ko : str
        When and why its authors withdrew it, shown on its row; empty for a set still distributed.
    """

    name: str
    images: int
    classes: int
    year: int
    resolution_en: str
    resolution_ko: str
    description_en: str
    description_ko: str
    note_en: str
    note_ko: str
    loader: str | None
    splits: tuple[int, ...] = ()
    withdrawn_en: str = ""
    withdrawn_ko: str = ""


class AdaptedDataset:
    """A map-style torch data set whose samples fit one model's input.

    Each sample is ``(image, label)``: ``image`` a ``float32`` tensor of shape ``(channels, size, size)`` with
    values in [0, 1], ``label`` an ``int``. ``torch.utils.data.DataLoader`` takes it as it is.

    Attributes
    ----------
    name : str
        The name it was made from, e.g. ``"digits"`` or ``"folder:/data/pets"``.
    split : str
        ``"train"`` or ``"test"``.
    classes : tuple of str
        Class names; a label is an index into it.
    skipped : dict
        For a folder of the user's images: files that could not be read, path -> the reason. Such a file is
        skipped (the next readable image of the set takes its place in the batch) rather than ending a run in
        the middle of an epoch; the trainer writes them into the run's log.
    """

    def __init__(self, name: str, split: str, classes: Sequence[str], base: Any, transform: Callable,
                 indices: Sequence[int] | None = None, skip_unreadable: bool = False) -> None:
        self.name = name
        self.split = split
        self.classes = tuple(classes)
        self._base = base
        self._transform = transform
        self._indices = indices
        self._skip_unreadable = skip_unreadable
        self.skipped: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._base) if self._indices is None else len(self._indices)

    def labels(self) -> np.ndarray:
        """Every sample's label (``int64``, in sample order), read without decoding the images where the base
        data set keeps its labels apart (the digits, torchvision's sets, a folder's list of files)."""
        base = self._base
        if hasattr(base, "tensors"):
            labels = np.asarray(base.tensors[1])
        elif hasattr(base, "targets"):
            labels = np.asarray(base.targets)
        elif hasattr(base, "samples"):
            labels = np.asarray([label for _, label in base.samples])
        else:
            labels = np.asarray([int(base[i][1]) for i in range(len(base))])
        labels = labels.astype(np.int64)
        return labels if self._indices is None else labels[np.asarray(self._indices, dtype=np.int64)]

    def __getitem__(self, index: int) -> tuple[Any, int]:
        if not self._skip_unreadable:
            image, label = self._base[index if self._indices is None else self._indices[index]]
            return self._transform(image), int(label)
        size = len(self)
        for attempt in range(min(size, _MAX_SKIPPED_IN_A_ROW)):
            position = (index + attempt) % size
            row = position if self._indices is None else self._indices[position]
            try:
                image, label = self._base[row]
            except UserInputError as error:
                self.skipped[str(self._base.samples[row][0])] = str(error)
                continue
            return self._transform(image), int(label)
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{count} image files of {name} in a row cannot be read, so training stopped; check the "
            "folder (the files are named in the run's log.txt)."), count=len(self.skipped), name=self.name))


def default_data_root() -> Path:
    """The user's data folder, where torchvision's data sets are downloaded to and read from.

    Returns
    -------
    Path
        ``~/.cache/cnn-casebook/data``; it is not created here.
    """
    return Path.home() / ".cache" / "cnn-casebook" / "data"


@cache
def load_embedded_digits() -> DigitSet:
    """Read the embedded handwritten digits and split them into training and test sets.

    Returns
    -------
    DigitSet
        1,797 digits: 1,438 for training and 359 for testing (a fifth of each digit, rounded). The same
        object is returned on every call; its arrays are read-only.

    Raises
    ------
    UserInputError
        When ``DIGITS_FILE`` is missing or damaged, i.e. the installation is broken.
    """
    try:
        with gzip.open(DIGITS_FILE, "rt") as file:
            table = np.loadtxt(file, delimiter=",", dtype=np.int64, ndmin=2)
    except (OSError, ValueError, EOFError) as error:
        raise UserInputError(f"The embedded digit set {DIGITS_FILE} cannot be read ({error}); "
                             "reinstall the app.") from None
    images = np.rint(table[:, :64].reshape(-1, 8, 8) * (255 / 16)).astype(np.uint8)
    labels = table[:, 64]
    train_rows, test_rows = _stratified_split(labels, TEST_FRACTION, SPLIT_SEED)
    arrays = [images[train_rows], labels[train_rows], images[test_rows], labels[test_rows]]
    arrays += [train_rows, test_rows]
    for array in arrays:
        array.setflags(write=False)
    return DigitSet(*arrays)


def make_dataset(name: str = "digits", split: str = "train", *, channels: int, size: int,
                 root: str | Path | None = None, augment: Callable | None = None) -> AdaptedDataset:
    """A data set whose samples are adapted to a model's input.

    Parameters
    ----------
    name : str
        ``"digits"`` (embedded, works offline), ``"mnist"``, ``"cifar10"``, ``"cifar100"`` (torchvision's,
        in ``root``), or ``"folder:PATH"``: an ImageFolder layout (one sub-folder of images per class). If
        PATH holds ``train`` and ``test`` (or ``val``) sub-folders, those are the splits; otherwise PATH's
        images are split like the digits: a stratified fifth, with a fixed seed, for testing.
    split : str
        ``"train"`` or ``"test"``.
    channels : int
        1 (grayscale) or 3 (RGB): colour images are turned gray, gray ones repeated over three channels.
    size : int
        Side of the square input, 8 to 1024: the shorter side is resized to it, then the centre cropped. The
        8×8 digits are enlarged with nearest-neighbour, so that a pixel of the data stays a visible square.
    root : str or Path, optional
        Folder holding torchvision's data sets; :func:`default_data_root` when not given.
    augment : callable, optional
        Applied to each ``uint8`` image tensor of shape ``(channels, size, size)`` before it is scaled to
        [0, 1], e.g. a torchvision ``v2`` pipeline; pass it for the training split only.

    Returns
    -------
    AdaptedDataset
        Samples ``(float32 tensor (channels, size, size) in [0, 1], int label)``.

    Raises
    ------
    UserInputError
        For an unknown name or split, a bad channel count or size, or a data set that is missing (fetch it
        first: ``engine.models.prepare.fetch_dataset``) or cannot be read; the message says which file or
        folder was expected and how to get it.
    """
    _check_options(name, split, channels, size)
    transform = _adapter(channels, size, augment, nearest=name == "digits")
    if name == "digits":
        return _digits_dataset(split, transform)
    if name.startswith(_FOLDER_PREFIX):
        return _folder_dataset(name, split, transform)
    data_root = Path(root) if root is not None else default_data_root()
    if name == "mnist":
        return _mnist_dataset(split, transform, data_root)
    return _cifar_dataset(name, split, transform, data_root)


def _check_options(name: str, split: str, channels: int, size: int) -> None:
    if name not in DATASET_NAMES and not name.startswith(_FOLDER_PREFIX):
        names = ", ".join(DATASET_NAMES)
        raise UserInputError(f"Unknown data set {name!r}; use one of {names} or folder:PATH.")
    if split not in _SPLITS:
        raise UserInputError(f"Unknown split {split!r}; use train or test.")
    if channels not in (1, 3):
        raise UserInputError(f"A model takes 1 or 3 input channels, not {channels}.")
    if size not in _SIZES:
        limits = f"{_SIZES.start} to {_SIZES.stop - 1}"
        raise UserInputError(f"Input size {size} is out of range; use {limits} pixels.")


def _adapter(channels: int, size: int, augment: Callable | None, nearest: bool) -> Callable:
    import torch
    from torchvision.transforms import v2

    interpolation = v2.InterpolationMode.NEAREST_EXACT if nearest else v2.InterpolationMode.BILINEAR
    steps = [
        v2.ToImage(),
        v2.Grayscale(1) if channels == 1 else v2.RGB(),
        v2.Resize(size, interpolation=interpolation, antialias=True),
        v2.CenterCrop(size),
    ]
    if augment is not None:
        steps.append(augment)
    steps += [v2.ToDtype(torch.float32, scale=True), v2.ToPureTensor()]
    return v2.Compose(steps)


def _digits_dataset(split: str, transform: Callable) -> AdaptedDataset:
    from torch.utils.data import TensorDataset

    digits = load_embedded_digits()
    images, labels = (digits.train_images, digits.train_labels) if split == "train" else (
        digits.test_images, digits.test_labels)
    base = TensorDataset(*_tensors(images[:, None], labels))
    return AdaptedDataset("digits", split, [str(digit) for digit in range(10)], base, transform)


def _mnist_dataset(split: str, transform: Callable, root: Path) -> AdaptedDataset:
    from torchvision.datasets import MNIST

    folder = root / "MNIST" / "raw"
    files = [Path(url).stem for url, _ in MNIST.resources]  # the unpacked names: train-images-idx3-ubyte ...
    _check_present("MNIST", folder, files)
    try:
        base = MNIST(str(root), train=split == "train")
    except (OSError, RuntimeError, ValueError, AssertionError) as error:
        raise _unreadable("MNIST", folder, error) from None
    return AdaptedDataset("mnist", split, base.classes, base, transform)


def _cifar_dataset(name: str, split: str, transform: Callable, root: Path) -> AdaptedDataset:
    from torch.utils.data import TensorDataset
    from torchvision.datasets import CIFAR10, CIFAR100

    source = CIFAR10 if name == "cifar10" else CIFAR100
    title = "CIFAR-10" if name == "cifar10" else "CIFAR-100"
    folder = root / source.base_folder
    files = [file for file, _ in source.train_list + source.test_list] + [source.meta["filename"]]
    _check_present(title, folder, files)
    # The files are read here rather than by torchvision's class, which would also demand the MD5 sums of the
    # official files: this way a user's own copy, or a test's small files in the same format, can be read.
    batches = [file for file, _ in (source.train_list if split == "train" else source.test_list)]
    labels_key = "labels" if name == "cifar10" else "fine_labels"
    try:
        entries = [_unpickle(folder / batch) for batch in batches]
        images = np.vstack([entry["data"] for entry in entries]).reshape(-1, 3, 32, 32)
        labels = np.concatenate([np.asarray(entry[labels_key], dtype=np.int64) for entry in entries])
        classes = _unpickle(folder / source.meta["filename"])[source.meta["key"]]
    except (OSError, ValueError, KeyError, TypeError, EOFError, pickle.UnpicklingError) as error:
        raise _unreadable(title, folder, error) from None
    if len(images) != len(labels):
        raise _unreadable(title, folder, f"{len(images)} images but {len(labels)} labels")
    return AdaptedDataset(name, split, classes, TensorDataset(*_tensors(images, labels)), transform)


def _folder_dataset(name: str, split: str, transform: Callable) -> AdaptedDataset:
    from torchvision.datasets import ImageFolder
    from torchvision.datasets.folder import find_classes

    path = Path(name[len(_FOLDER_PREFIX):]).expanduser()
    if not path.is_dir():
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "The image folder {path} does not exist."), path=path))
    has_splits = (path / "train").is_dir()
    folder = path
    if has_splits:
        names = ["train"] if split == "train" else ["test", "val"]
        folder = next((path / sub for sub in names if (path / sub).is_dir()), None)
        if folder is None:
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "{path} has a train folder but no test or val folder beside it."), path=path))
    try:
        base = ImageFolder(str(folder), loader=_load_pixels, is_valid_file=_is_image_file)
    except (FileNotFoundError, NotADirectoryError, PermissionError) as error:
        _log.warning("%s is not an image folder: %s", folder, error)
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{folder} is not an image folder with one sub-folder of images per class (none of its "
            "sub-folders holds an image, or it cannot be read)."), folder=folder)) from None
    _check_classes(folder, base)
    if has_splits and split == "test":
        try:
            train_classes = find_classes(str(path / "train"))[0]
        except OSError:
            train_classes = []
        if list(base.classes) != list(train_classes):
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "The train and test folders of {path} hold different classes; give both the same "
                "class sub-folders."), path=path))
    indices = None
    if not has_splits:
        train_rows, test_rows = _stratified_split(np.asarray(base.targets), TEST_FRACTION, SPLIT_SEED)
        if len(test_rows) == 0 or len(train_rows) == 0:
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "{folder} has too few images ({count}) to set a fifth of each class aside for testing; "
                "put at least 3 images in each class folder, or give it train and test folders."),
                folder=folder, count=len(base.targets)))
        indices = (train_rows if split == "train" else test_rows).tolist()
    return AdaptedDataset(name, split, base.classes, base, transform, indices, skip_unreadable=True)


def _check_classes(folder: Path, base) -> None:
    """Refuse a folder of one class: a network that can only answer one thing learns nothing (100 % at once)."""
    if len(base.classes) < 2:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{folder} has only one class folder; a network needs at least two classes to tell apart. Put "
            "each class's images in a sub-folder of their own."), folder=folder))


def _stratified_split(labels: np.ndarray, test_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    test_parts = []
    for label in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == label))
        test_parts.append(members[: round(len(members) * test_fraction)])
    test = np.sort(np.concatenate(test_parts))
    train = np.setdiff1d(np.arange(len(labels)), test)
    return train, test


def _tensors(images: np.ndarray, labels: np.ndarray) -> tuple[Any, Any]:
    import torch

    # Copies: torch wants writable memory, and the DigitSet's arrays stay read-only.
    images = torch.from_numpy(np.array(images, dtype=np.uint8))
    return images, torch.from_numpy(np.array(labels, dtype=np.int64))


def _unpickle(path: Path) -> dict:
    # The same format and trust as torchvision's own CIFAR reader: files in the user's own data folder.
    with path.open("rb") as file:
        return pickle.load(file, encoding="latin1")


def _load_pixels(path: str) -> np.ndarray:
    # Through engine.data.images like every user file; a writable copy, since torch refuses read-only memory.
    return load_image(path).pixels.copy()


def _is_image_file(path: str) -> bool:
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def _check_present(title: str, folder: Path, files: Sequence[str]) -> None:
    """Data sets are fetched beforehand (``prepare``, or ``train --download``): here they are only read."""
    missing = [file for file in files if not (folder / file).is_file()]
    if missing:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{title} is not in {folder} (missing {files}); allow downloading it (needs the internet) or "
            "copy torchvision's {title} files there."), title=title, folder=folder, files=", ".join(missing)))


def _unreadable(title: str, folder: Path, error: object) -> UserInputError:
    return UserInputError(text(QT_TRANSLATE_NOOP(
        "engine", "The {title} files in {folder} cannot be read ({error}); delete them and download the data set "
        "again."), title=title, folder=folder, error=error))


CATALOGUE = (
    DataSetFacts(
        name="ImageNet",
        images=14_197_122,
        classes=20_000,
        year=2009,
        resolution_en="Full-size colour photographs of varying size, often around 400×350 pixels; the "
                      "classic networks see 224×224 crops of them.",
        resolution_ko="크기가 제각각인 고화질 컬러 사진(대개 400×350 픽셀 안팎)이며, 고전 CNN은 여기서 잘라 "
                      "낸 224×224 영역을 입력으로 받습니다.",
        description_en="Photographs collected from the web and sorted by people into the noun categories of "
                       "WordNet. Its yearly competition (ILSVRC) is where AlexNet, VGG, GoogLeNet and ResNet "
                       "made their names, and its trained weights are the usual start for transfer learning.",
        description_ko="웹에서 모은 사진을 사람이 WordNet의 명사 범주별로 분류한 데이터 세트입니다. 해마다 "
                       "열린 대회(ILSVRC)에서 AlexNet, VGG, GoogLeNet, ResNet이 이름을 알렸고, 여기서 훈련한 "
                       "가중치는 전이 학습의 출발점으로 널리 쓰입니다.",
        note_en="The lecture rounds the categories to 20,000 and gives no image count: the full ImageNet has "
                "21,841 categories and about 14.2 million images. The ILSVRC subset the zoo's networks were "
                "trained on has 1,000 categories and about 1.28 million training images.",
        note_ko="강의는 범주 수를 2만 개로 어림하고 이미지 수는 밝히지 않습니다. 전체 ImageNet은 21,841개 "
                "범주, 약 1,420만 장의 이미지로 이루어져 있으며, 이 앱의 모델들이 훈련된 ILSVRC 부분 집합은 "
                "1,000개 범주, 훈련 이미지 약 128만 장입니다.",
        loader=None,
    ),
    DataSetFacts(
        name="80 Million Tiny Images",
        images=80_000_000,
        classes=75_062,
        year=2008,
        resolution_en="32×32 colour thumbnails.",
        resolution_ko="32×32 크기의 작은 컬러 이미지.",
        description_en="Images found automatically by web searches for 75,062 English nouns and shrunk to "
                       "32×32 pixels, with the search word as a noisy label. CIFAR-10 and CIFAR-100 are "
                       "small, hand-checked subsets of it.",
        description_ko="영어 명사 75,062개로 웹을 자동 검색해 모은 이미지를 32×32 픽셀로 줄인 데이터 세트로, "
                       "검색어가 곧 (부정확할 수 있는) 레이블입니다. CIFAR-10과 CIFAR-100은 여기서 일부를 "
                       "골라 사람이 확인한 것입니다.",
        note_en="79,302,017 images exactly.",
        note_ko="정확히는 79,302,017장입니다.",
        loader=None,
        withdrawn_en="Withdrawn by its authors in June 2020: some of its automatically gathered images and "
                     "labels are offensive. It is no longer distributed.",
        withdrawn_ko="자동으로 수집된 이미지와 레이블 일부가 모욕적이라는 문제가 드러나 저자들이 2020년 6월에 "
                     "공개를 철회했습니다. 지금은 배포되지 않습니다.",
    ),
    DataSetFacts(
        name="CIFAR-10",
        images=60_000,
        classes=10,
        year=2009,
        resolution_en="32×32 colour images.",
        resolution_ko="32×32 컬러 이미지.",
        description_en="Ten classes (airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck) "
                       "of 6,000 images each: 50,000 for training and 10,000 for testing. Small enough to "
                       "train a network on in minutes, which makes it the classic first benchmark.",
        description_ko="비행기, 자동차, 새, 고양이, 사슴, 개, 개구리, 말, 배, 트럭의 10개 클래스에 "
                       "클래스마다 6,000장씩, 훈련용 50,000장과 테스트용 10,000장으로 나뉩니다. 몇 분 만에 "
                       "훈련시킬 수 있을 만큼 작아서 가장 먼저 쓰는 벤치마크입니다.",
        note_en="",
        note_ko="",
        loader="cifar10",
        splits=(50_000, 10_000),
    ),
    DataSetFacts(
        name="CIFAR-100",
        images=60_000,
        classes=100,
        year=2009,
        resolution_en="32×32 colour images.",
        resolution_ko="32×32 컬러 이미지.",
        description_en="The same kind of images as CIFAR-10 spread evenly over 100 classes, grouped into 20 "
                       "superclasses: 600 images a class, 500 for training and 100 for testing. Ten times "
                       "the classes with a tenth of the examples each makes it much harder.",
        description_ko="CIFAR-10과 같은 종류의 이미지를 100개 클래스(20개 상위 클래스로 묶임)에 고르게 나눈 "
                       "데이터 세트로, 클래스마다 600장(훈련 500장, 테스트 100장)입니다. 클래스는 10배, "
                       "클래스당 예제는 10분의 1이라 훨씬 어렵습니다.",
        note_en="",
        note_ko="",
        loader="cifar100",
        splits=(50_000, 10_000),
    ),
    DataSetFacts(
        name="COCO (Common Objects in Context)",
        images=200_000,
        classes=80,
        year=2014,
        resolution_en="Colour photographs of everyday scenes, typically about 640×480 pixels.",
        resolution_ko="일상 장면을 찍은 컬러 사진으로, 대개 640×480 픽셀 정도입니다.",
        description_en="Everyday scenes with many objects in their natural context; every object is outlined "
                       "and named, and each image has five captions. It is the benchmark for detection and "
                       "segmentation rather than for one label per image.",
        description_ko="여러 물체가 자연스러운 맥락 속에 함께 있는 일상 장면 사진으로, 물체마다 윤곽과 "
                       "이름이 표시되어 있고 이미지마다 설명 문장이 다섯 개씩 붙어 있습니다. 이미지 하나에 "
                       "레이블 하나를 붙이는 분류보다 검출과 분할의 벤치마크로 쓰입니다.",
        note_en="About 330,000 images in all, more than 200,000 of them labelled, with 1.5 million outlined "
                "objects in 80 object categories.",
        note_ko="전체 약 33만 장 가운데 20만 장 이상에 레이블이 있으며, 80개 물체 범주에 걸쳐 150만 개의 "
                "물체 윤곽이 표시되어 있습니다.",
        loader=None,
    ),
    DataSetFacts(
        name="Open Images",
        images=9_000_000,
        classes=600,
        year=2016,
        resolution_en="Colour photographs of varying size from Flickr.",
        resolution_ko="Flickr에서 모은 크기가 제각각인 컬러 사진.",
        description_en="About nine million Flickr photographs shared under Creative Commons licences, "
                       "annotated by Google with image-level labels, boxes around objects, outlines and "
                       "relationships between objects.",
        description_ko="크리에이티브 커먼즈 라이선스로 공유된 Flickr 사진 약 900만 장에 Google이 이미지 단위 "
                       "레이블, 물체를 둘러싼 상자, 윤곽, 물체 사이의 관계를 표시한 데이터 세트입니다.",
        note_en="The lecture gives no class count: the 600 here are the object classes with boxes (about 16 "
                "million boxes); image-level labels cover nearly 20,000 classes.",
        note_ko="강의는 클래스 수를 밝히지 않습니다. 여기 적은 600개는 상자가 표시된 물체 클래스(상자 약 "
                "1,600만 개)이며, 이미지 단위 레이블은 2만 개 가까운 클래스에 걸쳐 있습니다.",
        loader=None,
    ),
    DataSetFacts(
        name="Caltech-101",
        images=9_000,
        classes=101,
        year=2004,
        resolution_en="Colour photographs of about 300×200 pixels, the object usually centred.",
        resolution_ko="약 300×200 픽셀의 컬러 사진으로, 대개 물체가 가운데에 있습니다.",
        description_en="Pictures of objects in 101 categories, from airplanes to wrenches, with 40 to 800 "
                       "images per category: an early benchmark for recognising many kinds of objects from "
                       "few examples.",
        description_ko="비행기부터 렌치까지 101개 범주의 물체 사진으로, 범주마다 40~800장이 있습니다. 적은 "
                       "예제로 여러 종류의 물체를 알아보는 문제의 초기 벤치마크입니다.",
        note_en="9,146 images exactly, in the 101 categories plus one background category.",
        note_ko="정확히는 9,146장이며, 101개 범주 외에 배경 범주가 하나 더 있습니다.",
        loader=None,
    ),
    DataSetFacts(
        name="Caltech-256",
        images=30_000,
        classes=256,
        year=2007,
        resolution_en="Colour photographs of varying size.",
        resolution_ko="크기가 제각각인 컬러 사진.",
        description_en="Caltech-101's successor: 256 object categories with at least 80 images each, with "
                       "more variety in pose and background.",
        description_ko="Caltech-101의 후속으로, 256개 물체 범주에 범주마다 80장 이상이 있으며 자세와 배경이 "
                       "더 다양합니다.",
        note_en="30,607 images exactly, in the 256 categories plus one clutter category.",
        note_ko="정확히는 30,607장이며, 256개 범주 외에 잡동사니(clutter) 범주가 하나 더 있습니다.",
        loader=None,
    ),
    DataSetFacts(
        name="Stanford Dogs",
        images=20_000,
        classes=120,
        year=2011,
        resolution_en="Colour photographs of varying size.",
        resolution_ko="크기가 제각각인 컬러 사진.",
        description_en="Dogs of 120 breeds taken from ImageNet, each with a box around the dog: fine-grained "
                       "recognition, where classes differ in small details.",
        description_ko="ImageNet에서 가져온 120개 견종의 개 사진으로, 사진마다 개를 둘러싼 상자가 표시되어 "
                       "있습니다. 클래스끼리 작은 차이로만 구별되는 세밀한 분류 문제입니다.",
        note_en="20,580 images exactly.",
        note_ko="정확히는 20,580장입니다.",
        loader=None,
    ),
    DataSetFacts(
        name="MNIST",
        images=70_000,
        classes=10,
        year=1998,
        resolution_en="28×28 grayscale images, the digit centred.",
        resolution_ko="28×28 흑백 이미지로, 숫자가 가운데에 있습니다.",
        description_en="Handwritten digits 0 to 9 written by American Census Bureau employees and "
                       "high-school students, size-normalised and centred. LeNet-5 was measured on it, and "
                       "it is still the first data set most people train a network on.",
        description_ko="미국 인구조사국 직원과 고등학생이 쓴 0~9 손글씨 숫자를 크기를 맞추고 가운데로 옮긴 "
                       "데이터 세트입니다. LeNet-5의 성능을 잰 데이터이며, 지금도 대부분의 사람이 처음 "
                       "신경망을 훈련시켜 보는 데이터입니다.",
        note_en="The lecture's 60,000 is the training set; with the 10,000 test images there are 70,000 in all "
                "(CIFAR's 60,000 count both splits too).",
        note_ko="강의의 60,000장은 훈련용이며, 테스트용 10,000장을 더하면 모두 70,000장입니다 (CIFAR의 "
                "60,000장도 두 부분을 합한 수입니다).",
        loader="mnist",
        splits=(60_000, 10_000),
    ),
    DataSetFacts(
        name="UCI handwritten digits (Optical Recognition of Handwritten Digits)",
        images=5_620,
        classes=10,
        year=1998,
        resolution_en="8×8 grayscale, each pixel 0 to 16: the count of ink pixels in a 4×4 block of a 32×32 "
                      "bitmap.",
        resolution_ko="8×8 흑백 이미지로, 픽셀마다 0~16의 값(32×32 비트맵을 4×4 블록으로 나눠 잉크 픽셀을 센 "
                      "수)을 가집니다.",
        description_en="Handwritten digits 0 to 9 by 43 writers, collected by E. Alpaydin and C. Kaynak: 3,823 "
                       "training images by 30 writers and 1,797 test images by 13 others. The app trains on it "
                       "offline: it ships the 1,797 images as scikit-learn does.",
        description_ko="E. Alpaydin과 C. Kaynak이 43명에게서 모은 0~9 손글씨 숫자로, 30명이 쓴 훈련용 3,823장과 "
                       "다른 13명이 쓴 테스트용 1,797장으로 나뉩니다. 이 앱은 scikit-learn처럼 1,797장을 함께 "
                       "배포하여 오프라인에서 훈련합니다.",
        note_en="The app's 1,797 digits (13 writers) are split here into 1,438 for training and 359 for "
                "testing, a fifth of each digit; LeNet-5's shipped weights were trained on them.",
        note_ko="앱에 들어 있는 1,797장(13명)은 숫자마다 5분의 1씩 떼어 훈련용 1,438장과 테스트용 359장으로 "
                "나누어 쓰며, 함께 배포하는 LeNet-5 가중치도 이것으로 훈련했습니다.",
        loader="digits",
        splits=(3_823, 1_797),
    ),
)
