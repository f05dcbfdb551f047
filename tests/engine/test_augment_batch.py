"""Training's augmentation switch: the augmentation page's methods applied to whole batches, each toggled on its
own, refused where they would change a digit's label, and a few augmented images of the batch sent to the panel."""

from __future__ import annotations

import time

import pytest
import torch

from engine.data.augmentation import (
    METHODS,
    _batch_warp,
    augment_batch,
    check_methods,
    methods_for,
)
from engine.data.datasets import make_dataset
from engine.learning.training import TrainConfig, cpu_training_threads, run_training
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError


def _digits(count: int = 16) -> torch.Tensor:
    data = make_dataset("digits", "train", channels=1, size=32)
    return torch.stack([data[i][0] for i in range(count)])


def test_every_method_keeps_shape_dtype_and_device_and_changes_the_batch():
    images = _digits()
    for method in METHODS:
        out = augment_batch(images, [method], torch.Generator().manual_seed(0))
        assert out.shape == images.shape and out.dtype == images.dtype
        assert not torch.equal(out, images), method
        assert 0 <= float(out.min()) and float(out.max()) <= 1
    as_bytes = (images * 255).round().to(torch.uint8)
    assert augment_batch(as_bytes, ["rotation"]).dtype == torch.uint8
    assert augment_batch(images, []) is images


def test_the_same_generator_seed_gives_the_same_batch_and_each_image_its_own_draw():
    images = _digits(1).repeat(8, 1, 1, 1)
    first = augment_batch(images, ["crop", "rotation"], torch.Generator().manual_seed(3))
    again = augment_batch(images, ["crop", "rotation"], torch.Generator().manual_seed(3))
    assert torch.equal(first, again)
    assert len({tuple(image.flatten().tolist()) for image in first}) == 8  # eight copies, eight augmentations


def test_mirroring_flips_about_half_the_images_exactly():
    images = _digits(64)
    out = augment_batch(images, ["mirror"], torch.Generator().manual_seed(0))
    flipped = [torch.allclose(o, i.flip(-1), atol=1e-6) for o, i in zip(out, images, strict=True)]
    kept = [torch.allclose(o, i, atol=1e-6) for o, i in zip(out, images, strict=True)]
    assert all(f or k for f, k in zip(flipped, kept, strict=True))
    assert 16 <= sum(flipped) <= 48


def test_colour_shifts_each_channel_by_one_offset_within_the_pages_range():
    images = torch.full((32, 3, 8, 8), 128, dtype=torch.uint8)
    shift = augment_batch(images, ["colour"], torch.Generator().manual_seed(0)).int() - 128
    per_channel = shift.flatten(2)
    assert (per_channel == per_channel[..., :1]).all()  # one offset per channel of an image
    assert int(shift.abs().max()) <= 50 and len(shift.unique()) > 10


def test_rotation_turns_the_image_about_its_centre():
    # A bright bar across the middle: rotated, its ink stays centred and mostly inside the image.
    images = torch.zeros(16, 1, 32, 32)
    images[:, :, 15:17, 4:28] = 1
    out = augment_batch(images, ["rotation"], torch.Generator().manual_seed(1))
    ink = out.sum(dim=(1, 2, 3))
    assert torch.allclose(ink, images.sum(dim=(1, 2, 3)), rtol=0.15)
    ys, xs = torch.meshgrid(torch.arange(32.0), torch.arange(32.0), indexing="ij")
    centre_y = (out[:, 0] * ys).sum(dim=(1, 2)) / ink
    centre_x = (out[:, 0] * xs).sum(dim=(1, 2)) / ink
    assert torch.allclose(centre_y, torch.full_like(centre_y, 15.5), atol=0.5)
    assert torch.allclose(centre_x, torch.full_like(centre_x, 15.5), atol=0.5)
    assert (out[:, 0, 15:17, 4:28].mean(dim=(1, 2)) < 0.999).all()  # and it did turn


def test_the_warp_is_the_pages_field_scaled_to_the_image():
    """Torchvision's elastic field (uniform noise blurred with the page's sigma, scaled to the image) whose average
    shift is the page's strength, 5-9 px of 224, in pixels of this image."""
    from torchvision.transforms.v2 import functional as tvf

    for size in (32, 224):
        mine = _batch_warp(2, size, size, torch.Generator().manual_seed(5))
        noise = torch.rand(2, 2, size, size, generator=torch.Generator().manual_seed(5)) * 2 - 1
        sigma = 12.0 * size / 224
        kernel = int(8 * sigma + 1) | 1
        field = tvf.gaussian_blur(noise, [kernel, kernel], [sigma, sigma]).permute(0, 2, 3, 1)
        pixels = mine * size / 2  # grid units (-1..1 across the image) to pixels
        shifts = pixels.norm(dim=-1).mean(dim=(1, 2))
        assert ((shifts >= 5 * size / 224 - 1e-4) & (shifts <= 9 * size / 224 + 1e-4)).all(), shifts
        for image in range(2):  # the page's field, only scaled
            scale = pixels[image].norm() / field[image].norm()
            assert torch.allclose(pixels[image], field[image] * scale, rtol=1e-4, atol=1e-4)


def test_a_batch_is_augmented_quickly():
    images = torch.rand(64, 1, 32, 32)
    generator = torch.Generator().manual_seed(0)
    threads = torch.get_num_threads()
    torch.set_num_threads(cpu_training_threads())  # as a training run has it
    try:
        augment_batch(images, METHODS, generator)
        started = time.perf_counter()
        for _ in range(5):
            augment_batch(images, METHODS, generator)
        seconds = (time.perf_counter() - started) / 5
    finally:
        torch.set_num_threads(threads)
    # Measured 13 ms a batch on two shared cores (load 6); a LeNet-5 step on the same batch takes about as long.
    assert seconds < 0.1


def test_digits_take_only_the_methods_that_keep_their_labels():
    assert methods_for("digits") == methods_for("mnist") == ("crop", "rotation", "shear", "warp")
    assert methods_for("cifar10") == METHODS
    with pytest.raises(UserInputError, match="a mirrored 2 is not a 2"):
        check_methods(["mirror"], "digits")
    with pytest.raises(UserInputError, match="gray"):
        check_methods("crop,colour", "mnist")
    with pytest.raises(UserInputError, match="unknown augmentation 'blur'.*mirror, crop, rotation, shear, warp"):
        check_methods("crop,blur", "cifar10")
    assert check_methods("colour, mirror,crop", "cifar10") == ("mirror", "crop", "colour")  # the lecture's order


def test_train_config_takes_the_methods_as_a_switch_a_string_or_a_list():
    assert TrainConfig(augment=True).augment == ("crop", "rotation", "shear", "warp")
    assert TrainConfig(dataset="cifar10", augment=True).augment == METHODS
    assert TrainConfig(augment=False).augment == ()
    assert TrainConfig(augment="rotation,crop").validate().augment == ("rotation", "crop")
    assert TrainConfig(augment=["warp"]).augment == ("warp",)
    with pytest.raises(UserInputError, match="mirrored 2"):
        TrainConfig(augment="mirror").validate()


def test_an_augmented_run_shows_a_few_images_of_the_batch_it_trains_on(tmp_path):
    config = TrainConfig(model="lenet5", dataset="digits", batch_size=512, device="cpu", epochs=2,
                         augment="rotation,shear", out_dir=str(tmp_path))
    events = list(run_training(config))
    shown = [e for e in events if isinstance(e, ev.TrainingAugmented)]
    assert len(shown) >= 2  # the first batch of each epoch
    first = shown[0]
    assert first.methods == ("rotation", "shear")
    assert first.originals.shape == first.augmented.shape == (6, 32, 32)
    assert first.augmented.dtype == first.originals.dtype == "uint8" and not first.augmented.flags.writeable
    assert (first.augmented != first.originals).any(axis=(1, 2)).all()
    plain = TrainConfig(model="lenet5", dataset="digits", batch_size=512, device="cpu", epochs=1,
                        out_dir=str(tmp_path / "plain"))
    assert not [e for e in run_training(plain) if isinstance(e, ev.TrainingAugmented)]
