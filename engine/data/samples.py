"""Real samples of the data sets on this computer, one row per class, for the data-set page.

Read from the same files training reads (:mod:`engine.data.datasets`), the test split, first images of each class in
file order: the same pictures every time. Nothing is downloaded here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from engine.data.datasets import DATASET_NAMES, default_data_root, load_embedded_digits
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = ["dataset_samples", "dataset_samples_events"]

_MOST_PER_CLASS = 32


def dataset_samples(name: str, per_class: int = 8, data_root: str | Path | None = None) -> ev.DatasetSamplesReady:
    """Up to ``per_class`` test images of every class of data set ``name``.

    Parameters
    ----------
    name : str
        ``digits`` (embedded), ``mnist``, ``cifar10`` or ``cifar100``.
    per_class : int
        1 to 32.
    data_root : str or Path, optional
        Where torchvision's data sets are; the app's data folder when not given.

    Returns
    -------
    DatasetSamplesReady
        ``images`` ``uint8`` (classes, per_class, H, W, 3), gray sets repeated over three channels.

    Raises
    ------
    UserInputError
        For an unknown name or count, or a data set that is not on this computer (the message says how to get
        it) or cannot be read.
    """
    if name not in DATASET_NAMES:
        raise UserInputError(f"Unknown data set {name!r}; use one of {', '.join(DATASET_NAMES)}.")
    if not 1 <= per_class <= _MOST_PER_CLASS:
        raise UserInputError(f"Samples per class must be 1 to {_MOST_PER_CLASS}, not {per_class}.")
    if name == "digits":
        digits = load_embedded_digits()
        images, labels, classes = digits.test_images, digits.test_labels, [str(d) for d in range(10)]
    else:
        from engine.data.datasets import make_dataset

        root = Path(data_root) if data_root else default_data_root()
        # make_dataset checks the files are there (never downloading) and reads them as training does.
        dataset = make_dataset(name, "test", channels=3 if name != "mnist" else 1, size=32 if name != "mnist" else 28,
                               root=root)
        images, labels = _raw_arrays(dataset)
        classes = list(dataset.classes)
    return _grid(name, images, np.asarray(labels), classes, per_class)


def dataset_samples_events(worker, request: ev.ShowDatasetSamples) -> Iterator[ev.Event]:
    """Serve ``ShowDatasetSamples``; a data set that is not here gets an empty grid and the reason."""
    try:
        yield dataset_samples(request.name, request.per_class, request.data_root or None)
    except UserInputError as error:
        yield ev.DatasetSamplesReady(request.name, (), np.zeros((0, 0, 1, 1, 3), np.uint8), (), str(error))


def _raw_arrays(dataset) -> tuple[np.ndarray, np.ndarray]:
    """The stored pixels and labels under an ``AdaptedDataset`` (before resizing), as numpy."""
    base = dataset._base  # noqa: SLF001 - the data layer's own wrapper: its stored pixels, unadapted
    if hasattr(base, "tensors"):  # CIFAR: (N, 3, 32, 32) uint8
        images, labels = base.tensors
        return images.numpy().transpose(0, 2, 3, 1), labels.numpy()
    return base.data.numpy(), base.targets.numpy()  # torchvision's MNIST: (N, 28, 28)


def _grid(name: str, images: np.ndarray, labels: np.ndarray, classes: list[str],
          per_class: int) -> ev.DatasetSamplesReady:
    if images.ndim == 3:
        images = np.repeat(images[..., None], 3, axis=-1)
    height, width = images.shape[1:3]
    grid = np.zeros((len(classes), per_class, height, width, 3), np.uint8)
    counts = []
    for row in range(len(classes)):
        members = np.flatnonzero(labels == row)[:per_class]
        grid[row, : len(members)] = images[members]
        counts.append(len(members))
    if not any(counts):
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "The {name} files hold no test images."), name=name))
    grid.setflags(write=False)
    return ev.DatasetSamplesReady(name, tuple(classes), grid, tuple(counts))
