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
from engine.runtime.errors import UserInputError

if TYPE_CHECKING:
    import torch

__all__ = ["METHODS", "EXAMPLES", "PREVIEW_SIZE", "augment", "preview_events"]

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
