"""engine.data.augmentation: the lecture's six methods on one image, with the parameters each example was drawn with."""

from __future__ import annotations

import queue
import time

import numpy as np
import pytest
import torch

from engine.data.augmentation import EXAMPLES, METHODS, PREVIEW_SIZE, augment
from engine.data.images import SAMPLES_DIR
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from engine.runtime.worker import EngineWorker


def _image() -> torch.Tensor:
    """A picture with a left/right and an up/down: a ramp with a bright square in the top-left corner."""
    image = torch.linspace(0, 200, 64).repeat(3, 64, 1).to(torch.uint8)
    image[:, 4:20, 4:20] = 255
    return image


def test_mirroring_flips_left_to_right():
    image = _image()
    mirrored, parameters = augment(image, "mirror")
    assert parameters == () and torch.equal(mirrored, image.flip(-1))


def test_a_crop_keeps_the_share_it_says_and_the_size():
    torch.manual_seed(0)
    for _ in range(20):
        cropped, (area, ratio) = augment(_image(), "crop")
        assert cropped.shape == (3, 64, 64) and cropped.dtype == torch.uint8
        assert 0.2 <= area <= 1.0 and 0.7 <= ratio <= 1.4


def test_rotation_and_shear_stay_within_their_ranges_and_change_the_image():
    torch.manual_seed(1)
    rotated, (angle,) = augment(_image(), "rotation")
    sheared, (x, y) = augment(_image(), "shear")
    assert -30 <= angle <= 30 and -30 <= x <= 30 and -10 <= y <= 10
    assert not torch.equal(rotated, _image()) and not torch.equal(sheared, _image())


def test_colour_shifting_adds_the_offsets_it_reports():
    torch.manual_seed(2)
    image = _image()
    shifted, offsets = augment(image, "colour")
    expected = (image.to(torch.int16) + torch.tensor(offsets, dtype=torch.int16)[:, None, None]).clamp(0, 255)
    assert torch.equal(shifted.to(torch.int16), expected) and all(-50 <= o <= 50 for o in offsets)


def test_local_warping_moves_pixels_but_keeps_the_picture():
    torch.manual_seed(3)
    warped, _ = augment(_image(), "warp")
    difference = (warped.float() - _image().float()).abs().mean()
    assert 0 < difference < 60


def test_a_warp_moves_pixels_visibly_and_by_the_shift_it_reports():
    """Each pixel of a 224×224 picture carries its own coordinates, so where it lands measures the shift. The
    old default (torchvision's ElasticTransform at alpha 400, sigma 12) moved pixels by about 3 px: on a ~100 px
    thumbnail the warp looked like the original."""
    ys, xs = torch.meshgrid(torch.arange(224), torch.arange(224), indexing="ij")
    image = torch.stack([xs + 16, ys + 16, torch.full_like(xs, 128)]).to(torch.uint8)  # 0 = filled from outside
    inside = torch.zeros(224, 224, dtype=torch.bool)
    inside[24:-24, 24:-24] = True  # the blur's border makes the edge move more than the picture does
    torch.manual_seed(4)
    for _ in range(5):
        warped, (mean, largest) = augment(image, "warp")
        landed = inside & (warped[0] >= 16) & (warped[1] >= 16)
        shift = ((warped[0].float() - 16 - xs) ** 2 + (warped[1].float() - 16 - ys) ** 2).sqrt()[landed]
        assert 5 <= mean <= 9 and largest > mean
        assert 4 <= float(shift.mean()) and 0.7 * mean <= float(shift.mean()) <= 1.1 * mean


def test_an_unknown_method_is_refused():
    with pytest.raises(UserInputError, match="unknown augmentation 'blur'"):
        augment(_image(), "blur")


def _preview(request: ev.Request) -> ev.Event:
    events: queue.Queue = queue.Queue()
    worker = EngineWorker(events.put, device="cpu")
    worker.start()
    try:
        worker.submit(request)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            event = events.get(timeout=120)
            if isinstance(event, ev.AugmentationsReady | ev.ImageRefused | ev.RequestFailed):
                return event
        raise AssertionError("no preview")
    finally:
        worker.stop()


def test_the_engine_previews_every_method_and_the_seed_decides_the_examples():
    request = ev.PreviewAugmentations(path=str(SAMPLES_DIR / "cat.jpg"), seed=7, request_id=5)
    first, again = _preview(request), _preview(request)
    assert isinstance(first, ev.AugmentationsReady) and (first.name, first.seed, first.request_id) == ("cat.jpg", 7, 5)
    assert first.original.shape == (PREVIEW_SIZE, PREVIEW_SIZE, 3) and first.original.dtype == np.uint8
    assert [e.method for e in first.examples] == ["mirror"] + [m for m in METHODS[1:] for _ in range(EXAMPLES)]
    assert np.array_equal(first.examples[0].pixels, first.original[:, ::-1])
    assert all(np.array_equal(a.pixels, b.pixels) for a, b in zip(first.examples, again.examples, strict=True))
    other = _preview(ev.PreviewAugmentations(path=str(SAMPLES_DIR / "cat.jpg"), seed=8))
    assert not np.array_equal(first.examples[1].pixels, other.examples[1].pixels)


def test_a_bad_image_is_refused_in_an_answer_to_its_request(tmp_path):
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    refused = _preview(ev.PreviewAugmentations(path=str(path), request_id=2))
    assert isinstance(refused, ev.ImageRefused) and refused.request_id == 2
    assert "is empty" in refused.message
