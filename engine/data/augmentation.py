"""Data augmentation as the lecture lists it, previewed on one image: mirroring, random cropping, rotation,
shearing, local warping and colour shifting.

Each example is drawn with parameters sampled here (not hidden inside a random transform), so the page can
say what was done: the angle, the share of the image kept, the colour offsets. The same seed gives the same
examples; the page's "Again" button asks with a new one. torch is imported on first use: the window reads
the names below while it is built, before the engine has loaded torch.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from engine.data.images import centre_square, image_or_refusal
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

if TYPE_CHECKING:
    import torch

__all__ = ["METHODS", "EXAMPLES", "PREVIEW_SIZE", "augment", "preview_events", "DIGIT_SETS", "methods_for",
           "check_methods", "augment_batch"]

METHODS = ("mirror", "crop", "rotation", "shear", "warp", "colour")  # the lecture's order
EXAMPLES = 4
PREVIEW_SIZE = 224  # what an ImageNet network is trained on
_MAX_ANGLE = 30.0  # degrees: rotation, and shear on x (y gets a third of it)
_CROP_AREA = (0.25, 1.0)  # share of the image a random crop keeps
_CROP_RATIO = (3 / 4, 4 / 3)
_WARP_SIGMA = 12.0  # pixels: how far apart the bends are (a Gaussian blur of random shifts)
# Pixels (of 224): the average shift a warp is scaled to. Torchvision's ElasticTransform at alpha 400, sigma 12
# moved pixels by about 3 px on average, which a ~100 px thumbnail does not show; 5-9 px bends the rocket and
# the flag visibly and still keeps the picture recognisable.
_WARP_MEAN_SHIFT = (5.0, 9.0)
_MAX_OFFSET = 50  # colour shift: each channel moves by up to this many levels of 255


def augment(image: torch.Tensor, method: str) -> tuple[torch.Tensor, tuple[float, ...]]:
    """One random example of ``method`` on ``image`` (``uint8`` (3, H, W)), from torch's random generator.

    Returns
    -------
    tuple
        The augmented ``uint8`` (3, H, W) image and the parameters drawn: mirror ``()``; crop ``(area share,
        aspect ratio)``; rotation ``(degrees,)``; shear ``(x degrees, y degrees)``; warp ``(average shift,
        largest shift)`` in pixels; colour ``(red, green, blue offsets)``.
    """
    import torch
    from torchvision.transforms import v2
    from torchvision.transforms.v2 import functional as tvf

    height, width = image.shape[-2:]
    if method == "mirror":
        return tvf.horizontal_flip(image), ()
    if method == "crop":
        area = _uniform(*_CROP_AREA)
        ratio = float(np.exp(_uniform(*np.log(_CROP_RATIO))))
        crop_h = min(height, round((area * height * width / ratio) ** 0.5))
        crop_w = min(width, round((area * height * width * ratio) ** 0.5))
        top = int(torch.randint(0, height - crop_h + 1, ()))
        left = int(torch.randint(0, width - crop_w + 1, ()))
        cropped = tvf.resized_crop(image, top, left, crop_h, crop_w, [height, width], antialias=True)
        return cropped, (crop_h * crop_w / (height * width), crop_w / crop_h)
    if method == "rotation":
        angle = _uniform(-_MAX_ANGLE, _MAX_ANGLE)
        return tvf.rotate(image, angle, interpolation=v2.InterpolationMode.BILINEAR), (angle,)
    if method == "shear":
        shear = (_uniform(-_MAX_ANGLE, _MAX_ANGLE), _uniform(-_MAX_ANGLE / 3, _MAX_ANGLE / 3))
        sheared = tvf.affine(image, angle=0.0, translate=[0.0, 0.0], scale=1.0, shear=list(shear),
                             interpolation=v2.InterpolationMode.BILINEAR)
        return sheared, shear
    if method == "warp":
        displacement = _warp_field(height, width)
        shift = displacement * torch.tensor([width / 2, height / 2])  # grid units (-1..1) to pixels
        lengths = shift.norm(dim=-1)
        warped = tvf.elastic(image, displacement, interpolation=v2.InterpolationMode.BILINEAR)
        return warped, (float(lengths.mean()), float(lengths.max()))
    if method == "colour":
        offsets = torch.randint(-_MAX_OFFSET, _MAX_OFFSET + 1, (3,))
        shifted = (image.to(torch.int16) + offsets[:, None, None]).clamp(0, 255).to(torch.uint8)
        return shifted, tuple(float(offset) for offset in offsets)
    raise UserInputError(f"unknown augmentation {method!r}; use one of {', '.join(METHODS)}")


def preview_events(worker, request: ev.PreviewAugmentations) -> Iterator[ev.Event]:
    """Serve ``PreviewAugmentations``: the image's centre square at ``PREVIEW_SIZE``, and ``EXAMPLES`` random
    examples of every method but mirroring (one: it has nothing random)."""
    import torch
    from torchvision.transforms.v2 import functional as tvf


    image = yield from image_or_refusal(worker, request)
    if image is None:
        return
    if worker.superseded(request):
        return
    pixels = torch.from_numpy(np.array(centre_square(image.pixels), dtype=np.uint8)).permute(2, 0, 1)
    square = tvf.resize(pixels, [PREVIEW_SIZE, PREVIEW_SIZE], antialias=True)
    examples = []
    with torch.random.fork_rng(devices=[]):  # the seed decides the examples; the app's other random draws are kept
        torch.manual_seed(request.seed)
        for method in METHODS:
            for _ in range(1 if method == "mirror" else EXAMPLES):
                augmented, parameters = augment(square, method)
                examples.append(ev.AugmentedImage(method, _pixels(augmented), parameters))
    yield ev.AugmentationsReady(image.name, _pixels(square), tuple(examples), request.seed)


def _warp_field(height: int, width: int) -> torch.Tensor:
    """A smooth random displacement field, as torchvision's ElasticTransform draws it (uniform shifts blurred
    with a Gaussian of ``_WARP_SIGMA``), scaled so its average shift is a strength drawn from ``_WARP_MEAN_SHIFT``
    pixels: the strength is what the page reports, not an alpha whose effect depends on the blur.

    Returns
    -------
    torch.Tensor
        ``(1, height, width, 2)`` shifts in grid units (-1..1 across the image), as ``tvf.elastic`` takes them.
    """
    import torch
    from torchvision.transforms.v2 import functional as tvf

    kernel = int(8 * _WARP_SIGMA + 1) | 1  # odd, as gaussian_blur needs
    noise = torch.rand(1, 2, height, width) * 2 - 1
    field = tvf.gaussian_blur(noise, [kernel, kernel], [_WARP_SIGMA, _WARP_SIGMA])  # (1, 2, H, W): x then y
    pixels = field.permute(0, 2, 3, 1)
    strength = _uniform(*_WARP_MEAN_SHIFT)
    pixels = pixels * (strength / pixels.norm(dim=-1).mean().clamp_min(1e-6))
    return pixels / torch.tensor([width / 2, height / 2])


def _uniform(low: float, high: float) -> float:
    import torch

    return float(low + (high - low) * torch.rand(()))


def _pixels(image: torch.Tensor) -> np.ndarray:
    array = np.ascontiguousarray(image.permute(1, 2, 0).numpy())
    array.setflags(write=False)
    return array


# ---------------------------------------------------------------- whole batches, for training

DIGIT_SETS = ("digits", "mnist")
"""Data sets of handwritten digits: gray, and a digit's left and right are part of what it is."""

_NOT_FOR_DIGITS = {
    "mirror": QT_TRANSLATE_NOOP(
        "engine", "mirroring changes what a digit is (a mirrored 2 is not a 2), so it is refused on {data}; "
        "label-preserving methods for digits: {methods}"),
    "colour": QT_TRANSLATE_NOOP(
        "engine", "the digits are gray, so colour shifting has no colour to shift on {data}; label-preserving "
        "methods for digits: {methods}"),
}


def methods_for(dataset: str) -> tuple[str, ...]:
    """The lecture's methods that keep the label of ``dataset``'s images and make sense on them.

    Digits (``DIGIT_SETS``) take cropping, rotation, shearing and warping: a mirrored digit is another digit
    or none, and gray digits have no colour to shift. Photos (CIFAR, a folder of images) take all six.
    """
    return tuple(m for m in METHODS if m not in _NOT_FOR_DIGITS) if dataset in DIGIT_SETS else METHODS


def check_methods(methods, dataset: str) -> tuple[str, ...]:
    """``methods`` (names, or one comma-separated string) checked for ``dataset``, in the lecture's order.

    Raises
    ------
    UserInputError
        For a name that is not one of ``METHODS`` (the message lists them), or a method that does not keep a
        digit's label (mirroring) or has nothing to act on (colour shifting on gray digits).
    """
    if isinstance(methods, str):
        methods = [m.strip() for m in methods.split(",") if m.strip()]
    names = [str(m) for m in methods]
    for name in names:
        if name not in METHODS:
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "unknown augmentation {given}; the lecture's methods are {methods} (several: "
                "crop,rotation)"), given=repr(name), methods=", ".join(METHODS)))
        if dataset in DIGIT_SETS and name in _NOT_FOR_DIGITS:
            raise UserInputError(text(_NOT_FOR_DIGITS[name], data=dataset, methods=", ".join(methods_for(dataset))))
    return tuple(m for m in METHODS if m in names)


def augment_batch(images: torch.Tensor, methods, generator: torch.Generator | None = None) -> torch.Tensor:
    """The chosen methods applied to every image of a batch, each image with its own random parameters.

    The parameters are drawn as :func:`augment` draws them for the page (the same ranges, the lecture's order:
    mirror, crop, rotation, shear, warp, colour), except that mirroring flips half of the images (a flip of
    all of them would only mirror the data set). The geometric methods are composed into one sampling grid,
    so an image is resampled once, whatever the methods; the warp is scaled to the image so that it looks as
    it does on the page's 224×224 preview.

    Parameters
    ----------
    images : torch.Tensor
        ``(B, C, H, W)``: ``uint8`` (0..255) or floating point (0..1, what the data sets give), on any device.
    methods : iterable of str
        Names from ``METHODS``; empty returns ``images`` unchanged.
    generator : torch.Generator, optional
        A CPU generator the parameters are drawn from (torch's global one when None).

    Returns
    -------
    torch.Tensor
        A new batch of the same shape, dtype and device.
    """
    import torch
    from torch.nn import functional

    methods = tuple(methods)
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        raise UserInputError(f"unknown augmentation {unknown[0]!r}; use one of {', '.join(METHODS)}")
    if not methods:
        return images
    count, channels, height, width = images.shape
    floating = images.dtype.is_floating_point
    batch = images if floating else images.float() / 255
    geometric = [m for m in methods if m != "colour"]
    if geometric:
        transform = _batch_geometry(geometric, count, height, width, generator)
        grid = _identity_grid(count, height, width)
        if "warp" in geometric:
            grid = grid + _batch_warp(count, height, width, generator)
        grid = grid @ transform[:, :2, :2].transpose(1, 2)[:, None] + transform[:, None, None, :2, 2]
        batch = functional.grid_sample(batch, grid.to(batch.device, batch.dtype), mode="bilinear",
                                       padding_mode="zeros", align_corners=False)
    if "colour" in methods:
        offsets = torch.randint(-_MAX_OFFSET, _MAX_OFFSET + 1, (count, channels, 1, 1), generator=generator)
        batch = batch + offsets.to(batch.device, batch.dtype) / 255
    batch = batch.clamp(0, 1)
    return batch if floating else (batch * 255).round().to(images.dtype)


def _draw(count: int, low: float, high: float, generator) -> torch.Tensor:
    import torch

    return low + (high - low) * torch.rand(count, generator=generator, dtype=torch.float64)


def _batch_geometry(methods, count: int, height: int, width: int, generator) -> torch.Tensor:
    """``(B, 3, 3)`` affine maps from an output pixel to the input pixel it is read from, in normalised
    coordinates (-1..1): mirror, crop, rotation and shear composed in the lecture's order."""
    import torch

    # Built in centred pixel units (isotropic, so a rotation stays a rotation on a non-square image), then
    # brought to grid_sample's normalised coordinates.
    total = torch.eye(3, dtype=torch.float64).repeat(count, 1, 1)
    for method in methods:
        step = torch.eye(3, dtype=torch.float64).repeat(count, 1, 1)
        if method == "mirror":
            flips = torch.rand(count, generator=generator) < 0.5
            step[:, 0, 0] = torch.where(flips, -1.0, 1.0).double()
        elif method == "crop":
            area = _draw(count, *_CROP_AREA, generator) * height * width
            ratio = torch.exp(_draw(count, *np.log(_CROP_RATIO), generator))
            crop_h = torch.sqrt(area / ratio).clamp(max=height)
            crop_w = torch.sqrt(area * ratio).clamp(max=width)
            top = _draw(count, 0, 1, generator) * (height - crop_h)
            left = _draw(count, 0, 1, generator) * (width - crop_w)
            step[:, 0, 0], step[:, 1, 1] = crop_w / width, crop_h / height
            step[:, 0, 2], step[:, 1, 2] = left + crop_w / 2 - width / 2, top + crop_h / 2 - height / 2
        elif method == "rotation":
            angle = torch.deg2rad(_draw(count, -_MAX_ANGLE, _MAX_ANGLE, generator))
            step[:, 0, 0], step[:, 0, 1] = torch.cos(angle), -torch.sin(angle)
            step[:, 1, 0], step[:, 1, 1] = torch.sin(angle), torch.cos(angle)
        elif method == "shear":
            step[:, 0, 1] = torch.tan(torch.deg2rad(_draw(count, -_MAX_ANGLE, _MAX_ANGLE, generator)))
            step[:, 1, 0] = torch.tan(torch.deg2rad(_draw(count, -_MAX_ANGLE / 3, _MAX_ANGLE / 3, generator)))
        total = total @ step  # the first method applied reads from the image: its map goes on the left
    to_pixels = torch.diag(torch.tensor([width / 2, height / 2, 1.0], dtype=torch.float64))
    return (torch.linalg.inv(to_pixels) @ total @ to_pixels).float()


def _identity_grid(count: int, height: int, width: int) -> torch.Tensor:
    """``(B, H, W, 2)``: each output pixel's centre as (x, y) in -1..1 (``align_corners=False``)."""
    import torch

    ys = (torch.arange(height, dtype=torch.float32) * 2 + 1) / height - 1
    xs = (torch.arange(width, dtype=torch.float32) * 2 + 1) / width - 1
    grid = torch.stack(torch.meshgrid(xs, ys, indexing="xy"), dim=-1)
    return grid.expand(count, height, width, 2)


def _batch_warp(count: int, height: int, width: int, generator) -> torch.Tensor:
    """``(B, H, W, 2)`` smooth random displacements in normalised coordinates, drawn as the page's
    (:func:`_warp_field`: uniform noise, Gaussian-blurred) with sigma and each image's average shift scaled by the
    image's size over the page's, so that the displacement relative to the image is the page's."""
    import torch
    from torch.nn import functional

    scale = min(height, width) / PREVIEW_SIZE
    sigma = _WARP_SIGMA * scale
    noise = torch.rand(count, 2, height, width, generator=generator) * 2 - 1
    if sigma > 0:
        # torchvision's blur (an odd kernel of 8 sigma + 1, reflected edges), done as two 1-D passes: the same
        # result at a fraction of the work of its 2-D kernel.
        half = min(int(8 * sigma + 1) // 2, height - 1, width - 1)
        taps = torch.exp(-0.5 * (torch.arange(-half, half + 1, dtype=torch.float32) / sigma) ** 2)
        taps = (taps / taps.sum()).repeat(2, 1, 1, 1)
        noise = functional.conv2d(functional.pad(noise, (half, half, 0, 0), mode="reflect"),
                                  taps.reshape(2, 1, 1, -1), groups=2)
        noise = functional.conv2d(functional.pad(noise, (0, 0, half, half), mode="reflect"),
                                  taps.reshape(2, 1, -1, 1), groups=2)
    low, high = _WARP_MEAN_SHIFT
    strength = (low + (high - low) * torch.rand(count, generator=generator)) * scale  # pixels of this image
    pixels = noise.permute(0, 2, 3, 1)
    pixels = pixels * (strength / pixels.norm(dim=-1).mean(dim=(1, 2)).clamp_min(1e-6)).reshape(-1, 1, 1, 1)
    return pixels / torch.tensor([width / 2, height / 2])
