"""engine.data.datasets: the embedded digits, loaders reading files written here in torchvision's formats, the
catalogue. Nothing is downloaded."""

import hashlib
import pickle
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from torch.utils.data import DataLoader
from torchvision.transforms import v2

from engine.data.datasets import (
    CATALOGUE,
    DATASET_NAMES,
    DIGITS_FILE,
    default_data_root,
    load_embedded_digits,
    make_dataset,
)
from engine.runtime.errors import UserInputError

DIGITS_SHA256 = "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22"


def _write_idx(path: Path, array: np.ndarray) -> None:
    """The IDX format of MNIST's raw files: zero, zero, type 0x08 (unsigned byte), rank, then the sizes."""
    header = struct.pack(">BBBB", 0, 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    path.write_bytes(header + array.astype(np.uint8).tobytes())


def _write_mnist(root: Path) -> None:
    raw = root / "MNIST" / "raw"
    raw.mkdir(parents=True)
    for prefix, count in (("train", 6), ("t10k", 4)):
        shades = np.arange(count) * 40 + 10
        images = np.broadcast_to(shades[:, None, None], (count, 28, 28))
        _write_idx(raw / f"{prefix}-images-idx3-ubyte", images)
        _write_idx(raw / f"{prefix}-labels-idx1-ubyte", np.arange(count) % 10)


def _write_pickle(path: Path, content: dict) -> None:
    path.write_bytes(pickle.dumps(content))


def _cifar_batch(count: int, first_label: int, labels_key: str) -> dict:
    """``count`` one-colour images (red 10 × label, green 100, blue 200) as rows of 3,072 bytes: R, G, B."""
    labels = [(first_label + k) % 10 for k in range(count)]
    red = np.repeat(np.array(labels)[:, None] * 10, 1024, axis=1)
    data = np.concatenate([red, np.full((count, 1024), 100), np.full((count, 1024), 200)], axis=1)
    return {"data": data.astype(np.uint8), labels_key: labels}


def _write_cifar10(root: Path) -> Path:
    folder = root / "cifar-10-batches-py"
    folder.mkdir(parents=True)
    for number in range(1, 6):
        _write_pickle(folder / f"data_batch_{number}", _cifar_batch(2, 2 * number, "labels"))
    _write_pickle(folder / "test_batch", _cifar_batch(3, 0, "labels"))
    names = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
    _write_pickle(folder / "batches.meta", {"label_names": names})
    return folder


def test_embedded_digits_file_is_the_recorded_one():
    assert hashlib.sha256(DIGITS_FILE.read_bytes()).hexdigest() == DIGITS_SHA256


def test_embedded_digits_split_is_stratified_fixed_and_complete():
    digits = load_embedded_digits()
    assert digits.train_images.shape == (1438, 8, 8) and digits.test_images.shape == (359, 8, 8)
    assert digits.train_images.dtype == np.uint8 and digits.train_images.max() == 255
    assert set(np.unique(digits.train_labels)) == set(range(10)) == set(np.unique(digits.test_labels))
    assert np.bincount(digits.test_labels).tolist() == [36, 36, 35, 37, 36, 36, 36, 36, 35, 36]
    rows = np.concatenate([digits.train_rows, digits.test_rows])
    assert sorted(rows.tolist()) == list(range(1797))
    again = load_embedded_digits.__wrapped__()  # a fresh read, not the cached object
    assert np.array_equal(again.test_rows, digits.test_rows)
    assert np.array_equal(again.train_images, digits.train_images)
    assert not digits.train_images.flags.writeable and not digits.test_labels.flags.writeable


def test_digits_for_lenet_are_one_channel_32_by_32_in_unit_range():
    dataset = make_dataset("digits", "train", channels=1, size=32)
    image, label = dataset[0]
    assert len(dataset) == 1438 and dataset.classes == tuple("0123456789")
    assert image.shape == (1, 32, 32) and image.dtype == torch.float32
    assert 0.0 <= image.min() and image.max() <= 1.0
    digits = load_embedded_digits()
    assert label == digits.train_labels[0]
    # Enlarged with nearest-neighbour: every 4×4 block is one pixel of the 8×8 digit.
    assert np.array_equal(np.rint(image[0, ::4, ::4].numpy() * 255), digits.train_images[0])


def test_digits_for_an_imagenet_model_are_three_channel_224():
    image, _ = make_dataset("digits", "test", channels=3, size=224)[5]
    assert image.shape == (3, 224, 224)
    assert torch.equal(image[0], image[1]) and torch.equal(image[1], image[2])
    assert len(make_dataset("digits", "test", channels=3, size=224)) == 359


def test_data_loader_batches_plain_tensors():
    images, labels = next(iter(DataLoader(make_dataset(channels=1, size=32), batch_size=16)))
    assert type(images) is torch.Tensor and images.shape == (16, 1, 32, 32)
    assert labels.dtype == torch.int64


def test_augmentation_runs_on_the_adapted_uint8_image():
    plain = make_dataset("digits", "train", channels=1, size=32)[3][0]
    flip = v2.RandomHorizontalFlip(p=1.0)
    flipped = make_dataset("digits", "train", channels=1, size=32, augment=flip)[3][0]
    assert torch.equal(flipped, plain.flip(-1))


def test_mnist_reads_raw_idx_files_from_the_data_folder(tmp_path):
    _write_mnist(tmp_path)
    train = make_dataset("mnist", "train", channels=1, size=32, root=tmp_path)
    test = make_dataset("mnist", "test", channels=3, size=28, root=tmp_path)
    assert (len(train), len(test)) == (6, 4)
    image, label = train[2]
    assert image.shape == (1, 32, 32) and label == 2
    assert torch.allclose(image, torch.full_like(image, 90 / 255))
    assert test[3][0].shape == (3, 28, 28)
    assert train.classes[0].startswith("0")


def test_cifar10_reads_pickled_batches_in_torchvisions_layout(tmp_path):
    _write_cifar10(tmp_path)
    train = make_dataset("cifar10", "train", channels=3, size=32, root=tmp_path)
    test = make_dataset("cifar10", "test", channels=1, size=64, root=tmp_path)
    assert (len(train), len(test)) == (10, 3)
    assert train.classes[3] == "cat"
    image, label = train[4]  # the first image of data_batch_3: label 6
    assert label == 6 and image.shape == (3, 32, 32)
    assert np.allclose(image[:, 5, 5].numpy() * 255, [60, 100, 200], atol=0.5)
    assert test[0][0].shape == (1, 64, 64)


def test_cifar100_reads_its_fine_labels(tmp_path):
    folder = tmp_path / "cifar-100-python"
    folder.mkdir()
    _write_pickle(folder / "train", _cifar_batch(4, 7, "fine_labels"))
    _write_pickle(folder / "test", _cifar_batch(2, 1, "fine_labels"))
    _write_pickle(folder / "meta", {"fine_label_names": [f"class {k}" for k in range(100)]})
    train = make_dataset("cifar100", "train", channels=3, size=32, root=tmp_path)
    assert len(train) == 4 and len(train.classes) == 100
    assert [train[k][1] for k in range(4)] == [7, 8, 9, 0]


@pytest.mark.parametrize(("name", "expected"), [
    ("mnist", r"MNIST is not in .*MNIST.raw \(missing train-images-idx3-ubyte, "),
    ("cifar10", r"CIFAR-10 is not in .*cifar-10-batches-py \(missing data_batch_1, "),
    ("cifar100", r"CIFAR-100 is not in .*cifar-100-python \(missing train, test, meta\)"),
])
def test_missing_data_set_says_where_it_was_expected_and_how_to_get_it(tmp_path, name, expected):
    with pytest.raises(UserInputError, match=expected + ".*allow downloading it"):
        make_dataset(name, "train", channels=1, size=32, root=tmp_path)


def test_damaged_cifar_batch_is_refused(tmp_path):
    folder = _write_cifar10(tmp_path)
    (folder / "data_batch_2").write_bytes(b"not a pickle")
    with pytest.raises(UserInputError, match="CIFAR-10 files in .* cannot be read"):
        make_dataset("cifar10", "train", channels=3, size=32, root=tmp_path)


def test_damaged_mnist_file_is_refused(tmp_path):
    _write_mnist(tmp_path)
    (tmp_path / "MNIST" / "raw" / "t10k-images-idx3-ubyte").write_bytes(b"\xff" * 16)
    with pytest.raises(UserInputError, match="MNIST files in .* cannot be read"):
        make_dataset("mnist", "test", channels=1, size=32, root=tmp_path)


def _write_class_folders(root: Path, per_class: int) -> None:
    for index, name in enumerate(("cat", "dog")):
        (root / name).mkdir(parents=True)
        for k in range(per_class):
            Image.new("RGB", (40, 30), (200 * index, 20 * k, 0)).save(root / name / f"{k} 사진.png")
    (root / "cat" / "notes.txt").write_text("not an image")


def test_image_folder_without_splits_is_split_a_fifth_per_class(tmp_path):
    _write_class_folders(tmp_path, per_class=5)
    train = make_dataset(f"folder:{tmp_path}", "train", channels=3, size=24)
    test = make_dataset(f"folder:{tmp_path}", "test", channels=3, size=24)
    assert (len(train), len(test)) == (8, 2) and train.classes == ("cat", "dog")
    assert sorted(test[k][1] for k in range(2)) == [0, 1]
    image, label = train[7]
    assert image.shape == (3, 24, 24) and label == 1
    assert image[0].mean() == pytest.approx(200 / 255, abs=1e-3)


def test_image_folder_with_train_and_val_uses_them(tmp_path):
    _write_class_folders(tmp_path / "train", per_class=3)
    _write_class_folders(tmp_path / "val", per_class=1)
    assert len(make_dataset(f"folder:{tmp_path}", "train", channels=1, size=16)) == 6
    assert len(make_dataset(f"folder:{tmp_path}", "test", channels=1, size=16)) == 2


def test_bad_image_folders_are_refused(tmp_path):
    with pytest.raises(UserInputError, match="does not exist"):
        make_dataset(f"folder:{tmp_path / 'nowhere'}", "train", channels=3, size=32)
    (tmp_path / "loose.png").write_bytes(b"x")
    with pytest.raises(UserInputError, match="one sub-folder of images per class"):
        make_dataset(f"folder:{tmp_path}", "train", channels=3, size=32)
    (tmp_path / "train" / "a").mkdir(parents=True)
    with pytest.raises(UserInputError, match="no test or val folder"):
        make_dataset(f"folder:{tmp_path}", "test", channels=3, size=32)


@pytest.mark.parametrize(("options", "expected"), [
    ({"name": "imagenet"}, "Unknown data set 'imagenet'; use one of digits, mnist, cifar10, cifar100"),
    ({"split": "validation"}, "Unknown split 'validation'"),
    ({"channels": 2}, "1 or 3 input channels, not 2"),
    ({"size": 0}, "Input size 0 is out of range"),
])
def test_bad_options_are_refused(options, expected):
    with pytest.raises(UserInputError, match=expected):
        make_dataset(**{"name": "digits", "split": "train", "channels": 1, "size": 32, **options})


def test_default_data_root_is_in_the_users_cache():
    assert default_data_root() == Path.home() / ".cache" / "cnn-casebook" / "data"


def _entry(name: str):
    return next(entry for entry in CATALOGUE if entry.name.startswith(name))


def test_split_sets_count_both_splits_as_published():
    # Each pinned to its publisher: LeCun et al. (MNIST: 60,000 training + 10,000 test), Krizhevsky 2009
    # (CIFAR: 50,000 + 10,000), Alpaydin & Kaynak 1998 (UCI optdigits: 3,823 + 1,797).
    assert _entry("MNIST").splits == (60_000, 10_000) and _entry("MNIST").images == 70_000
    assert _entry("CIFAR-10").splits == _entry("CIFAR-100").splits == (50_000, 10_000)
    assert _entry("UCI handwritten digits").splits == (3_823, 1_797)
    assert _entry("UCI handwritten digits").classes == 10 and _entry("UCI handwritten digits").loader == "digits"
    for entry in CATALOGUE:
        assert not entry.splits or sum(entry.splits) == entry.images, entry.name


def test_the_uci_row_describes_the_digits_the_app_ships():
    digits = load_embedded_digits()
    shipped = len(digits.train_labels) + len(digits.test_labels)
    assert shipped == _entry("UCI handwritten digits").splits[1] == 1_797  # scikit-learn ships the test part
    assert f"{len(digits.train_labels):,}" in _entry("UCI handwritten digits").note_en
    assert f"{len(digits.test_labels):,}" in _entry("UCI handwritten digits").note_en


def test_tiny_images_says_on_its_row_that_it_was_withdrawn():
    tiny = _entry("80 Million Tiny Images")
    assert "June 2020" in tiny.withdrawn_en and "2020년 6월" in tiny.withdrawn_ko
    assert [entry.name for entry in CATALOGUE if entry.withdrawn_en] == [tiny.name]


def test_catalogue_entries_are_complete():
    for entry in CATALOGUE:
        assert entry.description_en and entry.resolution_en and 1990 < entry.year < 2020
        assert any("\uac00" <= char <= "\ud7a3" for char in entry.description_ko + entry.resolution_ko)
        assert bool(entry.note_en) == bool(entry.note_ko)
        assert entry.loader is None or entry.loader in DATASET_NAMES


def test_importing_the_module_does_not_import_torch():
    code = "import sys, engine.data.datasets; sys.exit('torch' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[2]).returncode == 0
