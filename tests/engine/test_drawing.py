"""The drawing pad's preprocessing: a drawing becomes what the embedded digits are, and LeNet-5 reads it."""

import numpy as np
import pytest
import torch

from engine.data.datasets import load_embedded_digits
from engine.data.digit_strokes import DIGIT_STROKES, partial_strokes
from engine.data.drawing import (
    BITMAP_SIDE,
    MNIST_SIDE,
    digit_from_ink,
    digit_from_photo,
    digit_from_strokes,
    mnist_from_ink,
    mnist_from_strokes,
)
from engine.inspection.features import preprocess
from engine.models.weights import load_model


def test_a_drawing_fills_the_bitmap_whatever_its_size_and_place():
    one = digit_from_strokes([np.array([[10.0, 10.0], [10.0, 30.0]])])
    big = digit_from_strokes([np.array([[500.0, 100.0], [500.0, 900.0]])])
    assert np.array_equal(one.bitmap, big.bitmap)  # scaled and centred: size and place do not matter
    rows = np.flatnonzero(one.bitmap.any(axis=1))
    assert rows[0] == 0 and rows[-1] == BITMAP_SIDE - 1  # the longer side fills the 32 pixels, as in UCI
    columns = np.flatnonzero(one.bitmap.any(axis=0))
    assert abs((columns[0] + columns[-1]) / 2 - (BITMAP_SIDE - 1) / 2) <= 1  # the shorter side is centred


def test_counts_are_the_ink_of_each_block_stretched_like_the_embedded_digits():
    digit = digit_from_strokes(DIGIT_STROKES[8])
    assert digit.counts.shape == (8, 8) and digit.counts.max() <= 16
    assert digit.counts.sum() == digit.bitmap.sum()
    gray = np.rint(digit.counts * (255 / 16)).astype(np.uint8)
    assert np.array_equal(digit.pixels[::4, ::4, 0], gray)
    assert np.array_equal(digit.pixels[..., 0], np.kron(gray, np.ones((4, 4), dtype=np.uint8)))
    assert digit.pixels.shape == (32, 32, 3) and not digit.empty
    # The values a stretched count can take are the embedded digits' own values.
    assert set(np.unique(digit.pixels)) <= set(np.unique(load_embedded_digits().train_images))


def test_nothing_drawn_is_black_and_empty():
    for digit in (digit_from_strokes([]), digit_from_strokes([np.zeros((0, 2))]),
                  digit_from_ink(np.zeros((50, 40), dtype=np.uint8))):
        assert digit.empty and not digit.pixels.any()


def test_a_dot_is_ink():
    digit = digit_from_strokes([np.array([[3.0, 4.0]])])
    assert not digit.empty and digit.bitmap.sum() > 0


def test_ink_from_a_picture_is_cropped_and_scaled_like_strokes():
    ink = np.zeros((200, 300), dtype=np.uint8)
    ink[40:160, 140:152] = 255  # an upright bar, off centre
    digit = digit_from_ink(ink, side=64)
    rows, columns = np.flatnonzero(digit.bitmap.any(axis=1)), np.flatnonzero(digit.bitmap.any(axis=0))
    assert (rows[0], rows[-1]) == (0, BITMAP_SIDE - 1)
    assert abs((columns[0] + columns[-1]) / 2 - (BITMAP_SIDE - 1) / 2) <= 1
    assert digit.pixels.shape == (64, 64, 3)


def test_bad_sides_are_refused():
    with pytest.raises(ValueError):
        digit_from_strokes([], side=30)
    with pytest.raises(ValueError):
        digit_from_ink(np.zeros((4, 4, 3), dtype=np.uint8))


def test_the_shipped_lenet5_reads_the_ten_scripted_digits():
    loaded = load_model("lenet5")
    right = 0
    for digit, strokes in DIGIT_STROKES.items():
        drawn = digit_from_strokes([np.array(stroke) * 300 for stroke in strokes])
        batch, crop, inverted = preprocess(drawn.pixels, loaded.preprocessing)
        # The network gets this (to one grey level: the grey conversion of equal R, G, B rounds down).
        assert not inverted and np.abs(crop.astype(int) - drawn.pixels[..., 0]).max() <= 1
        with torch.no_grad():
            right += int(loaded.module(batch).argmax()) == digit
    assert right >= 9


def test_a_partial_script_keeps_the_first_points_in_order():
    strokes = DIGIT_STROKES[4]
    assert partial_strokes(strokes, 1.0) == strokes
    half = partial_strokes(strokes, 0.5)
    assert half[0] == strokes[0][:len(half[0])] and sum(map(len, half)) == round(sum(map(len, strokes)) / 2)
    assert partial_strokes(strokes, 0.0) == [strokes[0][:1]]


def test_a_digit_photographed_on_paper_is_read_like_a_drawn_one():
    cv2 = pytest.importorskip("cv2")
    loaded = load_model("lenet5")
    right = 0
    for digit in range(10):
        photo = np.full((240, 320, 3), (200, 190, 170), dtype=np.uint8)  # paper under warm light
        photo[:, :40] = (120, 110, 100)  # the edge of the table
        cv2.putText(photo, str(digit), (130, 190), cv2.FONT_HERSHEY_SIMPLEX, 6, (40, 40, 60), 14)
        drawn = digit_from_photo(photo)
        batch, _, inverted = preprocess(drawn.pixels, loaded.preprocessing)
        with torch.no_grad():
            right += int(loaded.module(batch).argmax()) == digit
        assert not inverted and not drawn.empty
    assert right >= 8
    assert digit_from_photo(np.full((60, 80, 3), 180, dtype=np.uint8)).empty  # a blank page


# ---------------------------------------------------------------- MNIST (LeCun's preprocessing)


def _ink_box(picture: np.ndarray) -> tuple[int, int]:
    rows, columns = np.flatnonzero(picture.any(axis=1)), np.flatnonzero(picture.any(axis=0))
    return int(rows[-1] - rows[0] + 1), int(columns[-1] - columns[0] + 1)


@pytest.mark.parametrize("top, left", [(5, 7), (300, 20), (150, 560)])
def test_an_offset_digit_is_fitted_to_20x20_with_its_aspect_and_centred_by_its_centre_of_mass(top, left):
    # A "7"-like shape twice as tall as wide, anywhere on a large dark page.
    ink = np.zeros((480, 640), dtype=np.uint8)
    ink[top:top + 12, left:left + 60] = 255  # the bar
    ink[top:top + 120, left + 45:left + 60] = 255  # the stem, at the right
    digit = mnist_from_ink(ink)
    gray = digit.pixels[..., 0]
    assert digit.pixels.shape == (MNIST_SIDE, MNIST_SIDE, 3) and not digit.empty
    assert _ink_box(gray >= 128) == (20, 10)  # the longer side fills the 20×20 box; the aspect (2:1) is kept
    assert 0 < np.count_nonzero((gray > 0) & (gray < 255))  # grey edges from the anti-aliased scaling
    # The centre of mass is at the image's centre, up to the half pixel a whole-pixel shift leaves.
    y, x = digit.centre
    assert abs(y - 13.5) <= 0.5 and abs(x - 13.5) <= 0.5
    # The stem is at the right of the shape, so the centre of mass is right of the box's middle: the box sits
    # left of centre, which centring by the bounding box alone would not do.
    columns = np.flatnonzero(gray.any(axis=0))
    assert (columns[0] + columns[-1]) / 2 < 13.5 - 1
    # Wherever it was on the page, the same picture comes out.
    assert np.array_equal(digit.pixels, mnist_from_ink(np.roll(ink, (7, -3), axis=(0, 1))).pixels)


def test_strokes_drawn_anywhere_and_at_any_size_give_the_same_mnist_digit():
    strokes = DIGIT_STROKES[2]
    digit = mnist_from_strokes(strokes)
    moved = mnist_from_strokes([np.asarray(stroke) * 3.0 + (40.0, -12.0) for stroke in strokes])
    assert np.abs(digit.pixels.astype(int) - moved.pixels).max() <= 1
    assert max(_ink_box(digit.pixels[..., 0] >= 128)) in (19, 20)
    y, x = digit.centre
    assert abs(y - 13.5) <= 0.5 and abs(x - 13.5) <= 0.5
    assert mnist_from_strokes([]).empty and not mnist_from_strokes([]).pixels.any()


def test_digit_mode_makes_an_mnist_digit_of_a_photo_for_an_mnist_model():
    page = np.full((240, 320, 3), 200, dtype=np.uint8)
    page[30:100, 40:52] = 30  # a dark "1" on light paper, up in a corner
    digit = digit_from_photo(page, mnist=True)
    assert digit.pixels.shape == (MNIST_SIDE, MNIST_SIDE, 3)
    assert _ink_box(digit.pixels[..., 0] >= 128)[0] == 20
    assert abs(digit.centre[0] - 13.5) <= 0.5 and abs(digit.centre[1] - 13.5) <= 0.5
