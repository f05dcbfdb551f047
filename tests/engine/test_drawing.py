"""The drawing pad's preprocessing: a drawing becomes what the embedded digits are, and LeNet-5 reads it."""

import numpy as np
import pytest
import torch

from engine.data.datasets import load_embedded_digits
from engine.data.digit_strokes import DIGIT_STROKES, partial_strokes
from engine.data.drawing import BITMAP_SIDE, digit_from_ink, digit_from_photo, digit_from_strokes
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
