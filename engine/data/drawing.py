"""A digit drawn by hand, made the way the embedded training digits were made.

The embedded digits (UCI "Optical Recognition of Handwritten Digits", see :mod:`engine.data.datasets`) were
scanned, each digit's bounding box scaled into a 32×32 bitmap, and the bitmap cut into 4×4 blocks whose ink
pixels were counted: an 8×8 image of counts 0..16. The data layer stretches those counts to 0..255 and enlarges
the 8×8 image with nearest-neighbour to the model's input (``make_dataset``). A drawing that skipped these steps
(thin strokes, off centre, a small digit in a corner of the pad) looks nothing like what LeNet-5 learned, so a
drawing goes through the same steps here: :func:`digit_from_strokes` for the strokes of the drawing pad,
:func:`digit_from_ink` for a picture of ink (light on dark).

A model trained on MNIST learned other digits: LeCun's. Each NIST digit (bilevel) was scaled to fit a 20×20 box,
keeping its aspect ratio (the scaling's anti-aliasing leaves grey edges), and placed in a 28×28 image so that its
centre of mass (of the grey levels) sits at the image's centre. :func:`mnist_from_strokes` and
:func:`mnist_from_ink` do the same; the feature-map view uses them when the model's weights say they were trained
on MNIST (the checkpoint's ``dataset``, carried as ``WeightsStatus.dataset``).

Pure numpy and Pillow: the GUI thread calls it on every stroke update, which costs well under a millisecond.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

__all__ = ["BITMAP_SIDE", "BLOCK", "MNIST_BOX", "MNIST_PEN_WIDTH", "MNIST_SIDE", "DrawnDigit", "MnistDigit",
           "PEN_WIDTH", "digit_from_ink", "digit_from_photo", "digit_from_strokes", "mnist_from_ink",
           "mnist_from_strokes"]

BITMAP_SIDE = 32  # the UCI digits' normalised bitmap
BLOCK = 4  # 4×4 blocks of it are counted: 8×8 counts of 0..16
# The stroke width in bitmap pixels. The embedded digits average 4.9 ink pixels per 4×4 block; with 3.5 the stroke
# scripts of tests/digit_strokes.py average 4.2 and LeNet-5 reads all ten (2.5: 2.2 and six of ten; 3.0: eight).
PEN_WIDTH = 3.5
_COUNTS_SIDE = BITMAP_SIDE // BLOCK
_INK_THRESHOLD = 128
MNIST_SIDE = 28  # LeCun's MNIST: 28×28 images ...
MNIST_BOX = 20  # ... each digit scaled to fit 20×20, aspect kept
# The pen of the drawing pad for an MNIST model, in pixels of the 20×20 box: MNIST's strokes are two to three
# pixels wide.
MNIST_PEN_WIDTH = 2.5
_MNIST_DRAW_SCALE = 8  # strokes are drawn 8 times larger, bilevel like NIST's scans, then scaled down


@dataclass(frozen=True, eq=False)
class DrawnDigit:
    """A drawing as the embedded digits were made.

    Attributes
    ----------
    bitmap : numpy.ndarray
        ``bool`` (32, 32): the digit's bounding box scaled into the normalised bitmap, True where there is ink.
    counts : numpy.ndarray
        ``uint8`` (8, 8): ink pixels in each 4×4 block of ``bitmap``, 0 to 16, as in the UCI file.
    pixels : numpy.ndarray
        ``uint8`` (side, side, 3): ``counts`` stretched to 0..255 and enlarged with nearest-neighbour, light on
        dark, what ``make_dataset("digits", ...)`` gives a model; RGB so that it goes wherever an image goes.
    empty : bool
        True when there is no ink at all (``pixels`` is then black).
    """

    bitmap: np.ndarray
    counts: np.ndarray
    pixels: np.ndarray
    empty: bool


def digit_from_strokes(strokes: Sequence[np.ndarray], side: int = BITMAP_SIDE,
                       pen_width: float = PEN_WIDTH) -> DrawnDigit:
    """The embedded digits' preprocessing of a drawing given as strokes.

    Parameters
    ----------
    strokes : sequence of numpy.ndarray
        Each an ``(n, 2)`` array of ``(x, y)`` points (any unit, y down) the pen went through; a stroke of one
        point is a dot.
    side : int
        Side of the ``pixels`` returned, a multiple of 8 (32 for LeNet-5).
    pen_width : float
        Stroke width in pixels of the 32×32 bitmap. The strokes are drawn after scaling, so a digit drawn small
        or large gets the same stroke width, as a scanned digit normalised to 32×32 roughly does.

    Returns
    -------
    DrawnDigit
    """
    _check_side(side)
    points = [np.asarray(stroke, dtype=np.float64).reshape(-1, 2) for stroke in strokes]
    points = [stroke for stroke in points if len(stroke) and np.isfinite(stroke).all()]
    if not points:
        return _digit(np.zeros((BITMAP_SIDE, BITMAP_SIDE), dtype=bool), side)
    every = np.concatenate(points)
    low, high = every.min(axis=0), every.max(axis=0)
    extent = float((high - low).max())
    # The centre lines fill the bitmap less half a pen on each side, so that the ink touches its edges, as the
    # normalised UCI digits do; the longer side sets the scale and the shorter one is centred.
    room = BITMAP_SIDE - pen_width
    scale = room / extent if extent > 0 else 0.0
    offset = (BITMAP_SIDE - (high - low) * scale) / 2
    picture = Image.new("L", (BITMAP_SIDE, BITMAP_SIDE), 0)
    draw = ImageDraw.Draw(picture)
    radius = pen_width / 2
    for stroke in points:
        placed = (stroke - low) * scale + offset
        if len(placed) > 1:
            draw.line([tuple(point) for point in placed], fill=255, width=max(1, round(pen_width)), joint="curve")
        for x, y in (placed[0], placed[-1]) if len(placed) > 1 else placed:
            # Round ends (and dots), as a pen leaves them; Pillow's lines end square.
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    return _digit(np.asarray(picture) >= _INK_THRESHOLD, side)


def digit_from_ink(ink: np.ndarray, side: int = BITMAP_SIDE) -> DrawnDigit:
    """The embedded digits' preprocessing of a picture of a digit: light ink on a dark background.

    Parameters
    ----------
    ink : numpy.ndarray
        ``uint8`` (H, W): values of 128 and more are ink.
    side : int
        Side of the ``pixels`` returned, a multiple of 8.

    Returns
    -------
    DrawnDigit
        The ink's bounding box scaled (longer side to 32, aspect kept, centred) into the bitmap, then counted.
    """
    _check_side(side)
    mask = np.asarray(ink) >= _INK_THRESHOLD
    if mask.ndim != 2:
        raise ValueError(f"ink must be one channel (H, W), not of shape {mask.shape}")
    rows, columns = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if not len(rows):
        return _digit(np.zeros((BITMAP_SIDE, BITMAP_SIDE), dtype=bool), side)
    box = mask[rows[0]:rows[-1] + 1, columns[0]:columns[-1] + 1]
    height, width = box.shape
    scale = BITMAP_SIDE / max(height, width)
    new_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    scaled = Image.fromarray(box.astype(np.uint8) * 255).resize(new_size, Image.Resampling.BILINEAR)
    bitmap = np.zeros((BITMAP_SIDE, BITMAP_SIDE), dtype=bool)
    top, left = (BITMAP_SIDE - new_size[1]) // 2, (BITMAP_SIDE - new_size[0]) // 2
    bitmap[top:top + new_size[1], left:left + new_size[0]] = np.asarray(scaled) >= _INK_THRESHOLD
    return _digit(bitmap, side)


def digit_from_photo(pixels: np.ndarray, side: int = BITMAP_SIDE, mnist: bool = False) -> DrawnDigit | MnistDigit:
    """A digit written on paper and held to the camera, made like the training digits.

    Parameters
    ----------
    pixels : numpy.ndarray
        ``uint8`` (H, W, 3) RGB: a frame with dark ink on light paper (or light on dark).
    side : int
        Side of the ``pixels`` returned, a multiple of 8 (not used with ``mnist``: 28).
    mnist : bool
        Made as MNIST's digits (:func:`mnist_from_ink`), for a model trained on MNIST.

    Returns
    -------
    DrawnDigit or MnistDigit
        The frame turned grey, inverted when its border is light (paper), thresholded at Otsu's level (the one
        that best splits ink from paper, whatever the lighting), ink touching the frame's edge dropped, then
        :func:`digit_from_ink` (or :func:`mnist_from_ink`).
    """
    gray = np.asarray(pixels, dtype=np.float32)
    if gray.ndim == 3:
        gray = gray @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    gray = gray.astype(np.uint8)
    border = np.concatenate([gray[:2].ravel(), gray[-2:].ravel(), gray[:, :2].ravel(), gray[:, -2:].ravel()])
    if border.mean() > 127.5:
        gray = 255 - gray
    if int(gray.max()) - int(gray.min()) < 32:  # an even picture (a blank page, a covered lens) has no ink
        gray = np.zeros_like(gray)
    else:
        gray = _without_border_blobs(gray > _otsu(gray))
    return mnist_from_ink(gray) if mnist else digit_from_ink(gray, side)


@dataclass(frozen=True, eq=False)
class MnistDigit:
    """A digit made as LeCun made MNIST's.

    Attributes
    ----------
    pixels : numpy.ndarray
        ``uint8`` (28, 28, 3): light on dark, RGB so that it goes wherever an image goes (the engine resizes it
        to the model's input as it resizes MNIST's images for training).
    centre : tuple of float
        The ink's centre of mass ``(y, x)`` in ``pixels``, grey levels as weights: (13.5, 13.5) up to the half
        pixel a whole-pixel shift leaves.
    empty : bool
        True when there is no ink (``pixels`` is then black).
    """

    pixels: np.ndarray
    centre: tuple[float, float]
    empty: bool


def mnist_from_strokes(strokes: Sequence[np.ndarray], pen_width: float = MNIST_PEN_WIDTH) -> MnistDigit:
    """LeCun's MNIST preprocessing of a drawing given as strokes (see :func:`mnist_from_ink`).

    Parameters
    ----------
    strokes : sequence of numpy.ndarray
        Each an ``(n, 2)`` array of ``(x, y)`` points (any unit, y down); a stroke of one point is a dot.
    pen_width : float
        Stroke width in pixels of the 20×20 box the digit is scaled into: the same however large it was drawn.
    """
    points = [np.asarray(stroke, dtype=np.float64).reshape(-1, 2) for stroke in strokes]
    points = [stroke for stroke in points if len(stroke) and np.isfinite(stroke).all()]
    if not points:
        return _mnist(np.zeros((MNIST_SIDE, MNIST_SIDE), dtype=np.float64))
    every = np.concatenate(points)
    low, high = every.min(axis=0), every.max(axis=0)
    extent = float((high - low).max())
    # Drawn bilevel at 8 times the box, the pen included in the box as a scan's ink is.
    width = pen_width * _MNIST_DRAW_SCALE
    room = MNIST_BOX * _MNIST_DRAW_SCALE - width
    scale = room / extent if extent > 0 else 0.0
    size = np.ceil((high - low) * scale + width).astype(int) + 2
    picture = Image.new("L", (int(size[0]), int(size[1])), 0)
    draw = ImageDraw.Draw(picture)
    radius = width / 2
    for stroke in points:
        placed = (stroke - low) * scale + radius + 1
        if len(placed) > 1:
            draw.line([tuple(point) for point in placed], fill=255, width=max(1, round(width)), joint="curve")
        for x, y in (placed[0], placed[-1]) if len(placed) > 1 else placed:
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    return mnist_from_ink(np.asarray(picture))


def mnist_from_ink(ink: np.ndarray) -> MnistDigit:
    """LeCun's MNIST preprocessing of a picture of a digit (light ink on dark).

    Parameters
    ----------
    ink : numpy.ndarray
        ``uint8`` (H, W): values of 128 and more are ink (made bilevel, as NIST's scans were).

    Returns
    -------
    MnistDigit
        The ink's bounding box scaled to fit 20×20 with its aspect ratio kept (anti-aliased: grey edges), then
        placed in 28×28 and shifted by whole pixels so that its centre of mass is at the centre.
    """
    mask = np.asarray(ink) >= _INK_THRESHOLD
    if mask.ndim != 2:
        raise ValueError(f"ink must be one channel (H, W), not of shape {mask.shape}")
    rows, columns = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if not len(rows):
        return _mnist(np.zeros((MNIST_SIDE, MNIST_SIDE), dtype=np.float64))
    box = mask[rows[0]:rows[-1] + 1, columns[0]:columns[-1] + 1]
    height, width = box.shape
    scale = MNIST_BOX / max(height, width)
    new_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    # Area averaging when shrinking (anti-aliasing, the grey edges of MNIST's digits), bilinear when enlarging.
    method = Image.Resampling.BOX if scale < 1 else Image.Resampling.BILINEAR
    scaled = np.asarray(Image.fromarray(box.astype(np.uint8) * 255).resize(new_size, method), dtype=np.float64)
    placed = np.zeros((MNIST_SIDE, MNIST_SIDE), dtype=np.float64)
    top, left = (MNIST_SIDE - new_size[1]) // 2, (MNIST_SIDE - new_size[0]) // 2
    placed[top:top + new_size[1], left:left + new_size[0]] = scaled
    centre = _centre_of_mass(placed)
    middle = (MNIST_SIDE - 1) / 2
    return _mnist(_shifted(placed, round(middle - centre[0]), round(middle - centre[1])))


def _centre_of_mass(picture: np.ndarray) -> tuple[float, float]:
    total = picture.sum()
    ys, xs = np.indices(picture.shape)
    return float((ys * picture).sum() / total), float((xs * picture).sum() / total)


def _shifted(picture: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """``picture`` moved by whole pixels, what leaves the frame dropped and what comes in black."""
    moved = np.zeros_like(picture)
    height, width = picture.shape
    source = picture[max(0, -dy):height - max(0, dy), max(0, -dx):width - max(0, dx)]
    moved[max(0, dy):max(0, dy) + source.shape[0], max(0, dx):max(0, dx) + source.shape[1]] = source
    return moved


def _mnist(picture: np.ndarray) -> MnistDigit:
    gray = np.clip(np.rint(picture), 0, 255).astype(np.uint8)
    pixels = np.repeat(gray[..., None], 3, axis=2)
    pixels.setflags(write=False)
    empty = not gray.any()
    centre = (float("nan"), float("nan")) if empty else _centre_of_mass(gray.astype(np.float64))
    return MnistDigit(pixels, centre, empty)


def _without_border_blobs(mask: np.ndarray) -> np.ndarray:
    """Ink that touches the frame's edge is not the digit (a table's edge, a shadow, a finger): dropped, so that
    the crop to the ink is the crop to the digit. Uses OpenCV's connected components (it reads the camera)."""
    import cv2

    count, labels = cv2.connectedComponents(mask.astype(np.uint8), connectivity=8)
    edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    keep = np.ones(count, dtype=bool)
    keep[edge] = False
    keep[0] = False  # the background
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def _otsu(gray: np.ndarray) -> int:
    """Otsu's threshold of an 8-bit picture: the level that maximises the variance between the two classes."""
    counts = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(counts)
    mean = np.cumsum(counts * levels)
    total, total_mean = weight[-1], mean[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mean * weight - mean * total) ** 2 / (weight * (total - weight))
    return int(np.nanargmax(np.where(np.isfinite(between), between, np.nan)))


def _digit(bitmap: np.ndarray, side: int) -> DrawnDigit:
    counts = bitmap.reshape(_COUNTS_SIDE, BLOCK, _COUNTS_SIDE, BLOCK).sum(axis=(1, 3)).astype(np.uint8)
    # The same stretch as load_embedded_digits: count * 255 / 16, rounded.
    gray = np.rint(counts * (255 / (BLOCK * BLOCK))).astype(np.uint8)
    enlarged = np.repeat(np.repeat(gray, side // _COUNTS_SIDE, axis=0), side // _COUNTS_SIDE, axis=1)
    pixels = np.repeat(enlarged[..., None], 3, axis=2)
    for array in (bitmap, counts, pixels):
        array.setflags(write=False)
    return DrawnDigit(bitmap, counts, pixels, not bitmap.any())


def _check_side(side: int) -> None:
    if side < _COUNTS_SIDE or side % _COUNTS_SIDE:
        raise ValueError(f"side must be a positive multiple of {_COUNTS_SIDE}, not {side}")
