"""Decoding and checking the user's image files: the one place in the app that opens them.

Every image leaves here as 8-bit RGB pixels, upright, on a white background, at most ``MAX_SIDE`` pixels on
its long side, together with notes that say what was converted on the way. A file that cannot be shown is
refused with a :class:`~engine.runtime.errors.UserInputError` whose one-sentence message names the file and the
problem. Files are only ever opened for reading.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from engine.resources import RESOURCES_DIR
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = [
    "image_of",
    "image_or_refusal",
    "centre_square",
    "IMAGE_SUFFIXES",
    "MAX_PIXELS",
    "MAX_SIDE",
    "SAMPLES_DIR",
    "LoadedImage",
    "collect_images",
    "load_image",
    "pasted_image",
    "sample_images",
    "thumbnail_events",
]

# Above this an image is refused as a possible decompression bomb (450 MB as 8-bit RGB). A 108-megapixel phone
# photo (12000×9000) passes. Pillow warns from 89.5 million pixels and refuses by itself above 179 million.
MAX_PIXELS = 150_000_000
# Larger images are shrunk on load: no network here looks at more than 4096 pixels, and the view stays fast.
MAX_SIDE = 4096
IMAGE_SUFFIXES = frozenset(
    {".png", ".apng", ".jpg", ".jpeg", ".jpe", ".jfif", ".gif", ".webp", ".bmp", ".dib", ".tif", ".tiff",
     ".ppm", ".pgm", ".pbm", ".pnm", ".tga", ".ico"}
)
SAMPLES_DIR = RESOURCES_DIR / "samples"

# Raster formats decoded in-process only (Pillow would hand EPS files to Ghostscript); JPEG covers MPO.
_FORMATS = ("PNG", "JPEG", "GIF", "WEBP", "BMP", "DIB", "TIFF", "PPM", "TGA", "ICO")
_ALPHA_MODES = frozenset({"LA", "La", "PA", "RGBA", "RGBa"})
_SIXTEEN_BIT_MODES = frozenset({"I;16", "I;16L", "I;16B", "I;16N"})
_MODE_NOTES = {  # what converting each colour mode to RGB is called in an image's notes
    "1": QT_TRANSLATE_NOOP("engine", "converted from 1-bit black and white"),
    "L": QT_TRANSLATE_NOOP("engine", "converted from grayscale"),
    "P": QT_TRANSLATE_NOOP("engine", "converted from palette"),
    "CMYK": QT_TRANSLATE_NOOP("engine", "converted from CMYK"),
    "YCbCr": QT_TRANSLATE_NOOP("engine", "converted from YCbCr"),
    "LAB": QT_TRANSLATE_NOOP("engine", "converted from Lab"),
    "HSV": QT_TRANSLATE_NOOP("engine", "converted from HSV"),
}
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError)


@dataclass(frozen=True)
class LoadedImage:
    """An image ready for the networks: what was read, from where, and what was done to it.

    Attributes
    ----------
    pixels : numpy.ndarray
        Read-only ``uint8`` array of shape ``(height, width, 3)``, RGB.
    source : str
        The path the image was read from.
    name : str
        The file name, for captions.
    original_size : tuple of int
        ``(width, height)`` as stored in the file, before rotation or downscaling.
    original_mode : str
        Pillow's mode of the file, e.g. ``"RGB"``, ``"CMYK"``, ``"I;16"``.
    notes : tuple of str
        One short sentence per conversion done, e.g. ``"converted from CMYK"``; empty when none was needed.
    """

    pixels: np.ndarray
    source: str
    name: str
    original_size: tuple[int, int]
    original_mode: str
    notes: tuple[str, ...]


def load_image(path: str | Path) -> LoadedImage:
    """Decode one image file into upright 8-bit RGB pixels.

    Parameters
    ----------
    path : str or Path
        The file to read. It is opened read-only and never changed.

    Returns
    -------
    LoadedImage
        The pixels and what was done to them: the first frame of an animation, EXIF orientation applied,
        transparency flattened on white, 16- and 32-bit values scaled to 8 bits, images longer than
        ``MAX_SIDE`` downscaled.

    Raises
    ------
    UserInputError
        When the path is missing, a folder or empty, or the file is not a readable image, is damaged, has more
        than ``MAX_PIXELS`` pixels or a colour mode that has no RGB equivalent.
    """
    path = Path(path)
    _check_path(path)
    name = path.name
    try:
        # Pillow's bomb warning (and any other) is recorded here so that none escapes; _decode applies our own
        # limit, below the one at which Pillow raises by itself.
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            with Image.open(path, formats=_FORMATS) as image:
                return _decode(image, path)
    except UserInputError:
        raise
    except UnidentifiedImageError:
        claimed = _claimed_format(path)
        if claimed:
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "{name} starts like a {format} file but is damaged and cannot be read."),
                name=name, format=claimed)) from None
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} is not an image file this app can read; use {formats}."),
            name=name, formats="PNG, JPEG, GIF, WebP, BMP, TIFF, PPM, TGA, ICO")) from None
    except Image.DecompressionBombError:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} has more than {pixels} million pixels, far above the limit of {limit} million; it "
            "is refused as a possible decompression bomb."),
            name=name, pixels=f"{2 * Image.MAX_IMAGE_PIXELS / 1e6:.0f}", limit=f"{MAX_PIXELS / 1e6:.0f}")) from None
    except PermissionError:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{name} cannot be read: permission denied."),
                                  name=name)) from None
    except MemoryError:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} is too large to decode in the memory available."), name=name)) from None
    except _DECODE_ERRORS as error:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} is damaged or incomplete and cannot be decoded ({error})."),
            name=name, error=error)) from None


def collect_images(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Expand dropped paths into the image files among them.

    Parameters
    ----------
    paths : iterable of str or Path
        Files and folders, e.g. from a drop. A folder contributes the files directly inside it (not those in
        its sub-folders), in name order.

    Returns
    -------
    images : list of Path
        Files whose suffix is in ``IMAGE_SUFFIXES``, each once, in the order given. They are not decoded
        here; :func:`load_image` may still refuse one.
    skipped : list of str
        One line per entry left out, saying which and why.
    """
    images: list[Path] = []
    skipped: list[str] = []
    for entry in map(Path, paths):
        if entry.is_dir():
            for child in sorted(entry.iterdir()):
                if child.is_dir():
                    skipped.append(text(QT_TRANSLATE_NOOP("engine", "{path}: a folder inside a folder is not "
                                                                    "searched"), path=child))
                else:
                    _keep_if_image(child, images, skipped)
        elif entry.exists():
            _keep_if_image(entry, images, skipped)
        else:
            skipped.append(text(QT_TRANSLATE_NOOP("engine", "{path}: does not exist"), path=entry))
    return images, skipped


def thumbnail_events(worker, request: ev.MakeThumbnails) -> Iterator[ev.ThumbnailReady]:
    """Serve ``MakeThumbnails``: one ``ThumbnailReady`` per readable file, in order; unreadable ones are left out
    (opening one says why)."""
    for path in request.paths:
        try:
            image = Image.fromarray(load_image(path).pixels)
        except UserInputError:
            continue
        image.thumbnail((request.size, request.size), Image.Resampling.BILINEAR)
        pixels = np.asarray(image)
        pixels.setflags(write=False)
        yield ev.ThumbnailReady(str(path), pixels)


def pasted_image(pixels: np.ndarray, name: str) -> LoadedImage:
    """Pixels from the clipboard (``uint8`` (H, W, 3)), checked and downscaled as a file would be."""
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] != 3 or 0 in pixels.shape:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "the pasted image must be 8-bit RGB pixels")))
    height, width = pixels.shape[:2]
    notes = []
    if max(width, height) > MAX_SIDE:
        shrunk = Image.fromarray(pixels)
        shrunk.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BILINEAR)
        notes.append(_downscaled((width, height), shrunk.size))
        pixels = np.asarray(shrunk)
    return LoadedImage(pixels, "", name, (width, height), "RGB", tuple(notes))


def centre_square(pixels: np.ndarray) -> np.ndarray:
    """The centre square of ``pixels`` (H, W, ...), as wide as the shorter side: all that "resize the shorter side,
    then crop the centre" keeps. Cropping first keeps a 1×4096 strip from being resized to 256×1,048,576 (1.6 GB)
    on the way to a 224×224 input."""
    height, width = pixels.shape[:2]
    side = min(height, width)
    top, left = (height - side) // 2, (width - side) // 2
    return pixels[top:top + side, left:left + side]


def sample_images() -> list[Path]:
    """The sample images shipped with the app, in name order (photographs and handwritten digits).

    Returns
    -------
    list of Path
        Image files in ``SAMPLES_DIR``; their sources and licences are in ``resources/LICENSES.md``.
    """
    images, _ = collect_images([SAMPLES_DIR])
    return images


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{path} is a folder, not an image file; open the images inside it instead."), path=path))
    if not path.exists():
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} does not exist."), path=path))
    if path.stat().st_size == 0:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{name} is empty (0 bytes)."), name=path.name))


def _decode(image: Image.Image, path: Path) -> LoadedImage:
    width, height = image.size
    stored_mode = image.mode
    if width * height > MAX_PIXELS:
        raise UserInputError(_too_many_pixels(path.name, width, height))
    notes = []
    frames = getattr(image, "n_frames", 1)
    if frames > 1:
        notes.append(text(QT_TRANSLATE_NOOP("engine", "first frame of {frames}"), frames=frames))
    if image.format == "JPEG" and max(width, height) > MAX_SIDE:
        # The JPEG decoder can scale by 1/2, 1/4 or 1/8 while decoding, never below the size asked for: far
        # less memory and time for a huge photo that is downscaled below anyway.
        scale = MAX_SIDE / max(width, height)
        image.draft(image.mode, (max(1, round(width * scale)), max(1, round(height * scale))))
    image.load()
    orientation = image.getexif().get(0x0112, 1)
    upright = image
    if orientation in range(2, 9):
        upright = ImageOps.exif_transpose(image)
        notes.append(text(QT_TRANSLATE_NOOP("engine", "turned upright per its EXIF orientation ({orientation})"),
                          orientation=orientation))
    rgb = _to_rgb(upright, notes)
    if max(width, height) > MAX_SIDE:
        # Bilinear: Pillow widens the filter when shrinking, so it still averages every pixel, at half the
        # time of Lanczos; the networks resize the image again anyway.
        rgb.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BILINEAR)
        shown = (height, width) if orientation in range(5, 9) else (width, height)
        notes.append(_downscaled(shown, rgb.size))
    pixels = np.array(rgb, dtype=np.uint8)
    pixels.setflags(write=False)
    return LoadedImage(pixels, str(path), path.name, (width, height), stored_mode, tuple(notes))


def _downscaled(size: tuple[int, int], new_size: tuple[int, int]) -> str:
    return text(QT_TRANSLATE_NOOP("engine", "downscaled from {width}×{height} to {new_width}×{new_height}"),
                width=size[0], height=size[1], new_width=new_size[0], new_height=new_size[1])


def _to_rgb(image: Image.Image, notes: list[str]) -> Image.Image:
    mode = image.mode
    if mode == "RGB":
        return image
    if mode in _SIXTEEN_BIT_MODES:
        notes.append(text(QT_TRANSLATE_NOOP("engine", "16-bit values scaled to 8-bit")))
        # 65535 / 257 = 255 exactly: the full 16-bit range maps onto the full 8-bit range.
        gray = np.rint(np.asarray(image).astype(np.float64) / 257.0)
        return Image.fromarray(gray.astype(np.uint8)).convert("RGB")
    if mode in ("I", "F"):
        return _stretch_to_rgb(image, notes)
    if mode in _ALPHA_MODES or (mode == "P" and "transparency" in image.info):
        return _flatten_on_white(image, notes)
    notes.append(text(_MODE_NOTES[mode]) if mode in _MODE_NOTES else text(
        QT_TRANSLATE_NOOP("engine", "converted from {mode}"), mode=mode))
    try:
        return image.convert("RGB")
    except ValueError:
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "The colour mode {mode} cannot be converted to RGB."),
                                  mode=mode)) from None


def _stretch_to_rgb(image: Image.Image, notes: list[str]) -> Image.Image:
    # 32-bit integer and float images have no fixed white level: their own finite range becomes 0..255.
    values = np.asarray(image).astype(np.float64)
    finite = values[np.isfinite(values)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 0.0)
    scaled = np.zeros_like(values) if high == low else (np.nan_to_num(values, nan=low) - low) / (high - low)
    notes.append(text(QT_TRANSLATE_NOOP("engine", "32-bit values stretched from [{low}, {high}] to 8-bit"),
                      low=f"{low:g}", high=f"{high:g}"))
    gray = np.rint(np.clip(scaled, 0.0, 1.0) * 255.0).astype(np.uint8)
    return Image.fromarray(gray).convert("RGB")


def _flatten_on_white(image: Image.Image, notes: list[str]) -> Image.Image:
    if image.mode == "P":
        notes.append(text(_MODE_NOTES["P"]))
    rgba = image.convert("RGBA")
    alpha = rgba.getchannel("A")
    if alpha.getextrema()[0] == 255:
        return rgba.convert("RGB")
    notes.append(text(QT_TRANSLATE_NOOP("engine", "transparency flattened on white")))
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba.convert("RGB"), mask=alpha)
    return background


def _claimed_format(path: Path) -> str | None:
    # Pillow did not recognise the file; if its first bytes are an image signature, it is a damaged image.
    with path.open("rb") as file:
        prefix = file.read(16)
    for fmt in _FORMATS:
        accept = Image.OPEN[fmt][1]
        try:
            if accept is not None and accept(prefix):
                return fmt
        except Exception:  # noqa: BLE001 - a plugin's check can fail on a short prefix (a 1-byte file: struct.error)
            continue
    return None


def _too_many_pixels(name: str, width: int, height: int) -> str:
    return text(QT_TRANSLATE_NOOP(
        "engine", "{name} is {width}×{height} pixels ({pixels} million), more than the limit of {limit} million; "
        "it is refused as a possible decompression bomb."),
        name=name, width=width, height=height, pixels=f"{width * height / 1e6:.1f}", limit=f"{MAX_PIXELS / 1e6:.0f}")


def _keep_if_image(path: Path, images: list[Path], skipped: list[str]) -> None:
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        skipped.append(f"{path}: not an image file type ({path.suffix or 'no suffix'})")
    elif path not in images:
        images.append(path)


class _LastImage:
    """The last file decoded, for a new class or new weights on the same image (owned by the worker)."""

    def __init__(self) -> None:
        self.key: tuple | None = None
        self.image: LoadedImage | None = None


def image_of(worker, request: ev.InspectImage | ev.ImageRequest) -> LoadedImage:
    """The image a request names: its pasted pixels, or its file (the last file decoded is kept for a repeat)."""
    if request.pixels is not None:
        return pasted_image(request.pixels, request.name)
    path = Path(request.path)
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None
    last = worker.owned(_LastImage)
    if key is not None and last.key == key:
        return last.image
    image = load_image(path)
    last.key, last.image = key, image if key is not None else None
    return image


def image_or_refusal(worker, request: ev.InspectImage | ev.ImageRequest) -> Iterator[ev.Event]:
    """For a handler: ``image = yield from image_or_refusal(worker, request)`` gives the request's image, or
    yields the ``ImageRefused`` that says why there is none and gives None."""
    try:
        return image_of(worker, request)
    except UserInputError as error:
        yield ev.ImageRefused(request.path or request.name, str(error))
        return None
