"""engine.data.images: every kind of file a lecturer may drop, made here by the test itself."""

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from engine.data.images import MAX_PIXELS, MAX_SIDE, SAMPLES_DIR, collect_images, load_image, sample_images
from engine.runtime.errors import UserInputError

RED = (255, 0, 0)


def _png_claiming_size(path: Path, width: int, height: int) -> Path:
    """A tiny PNG whose header claims another size: a decompression bomb without the memory."""
    Image.new("L", (1, 1)).save(path)
    data = bytearray(path.read_bytes())
    data[16:24] = struct.pack(">II", width, height)  # IHDR's width and height, after signature, length, type
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))  # Pillow checks IHDR's checksum
    path.write_bytes(bytes(data))
    return path


def _noise(size=(64, 48), mode="RGB") -> Image.Image:
    channels = len(Image.new(mode, (1, 1)).getbands())
    values = np.random.default_rng(0).integers(0, 256, (size[1], size[0], channels), dtype=np.uint8)
    return Image.fromarray(values.squeeze(), mode=mode)


def _close(pixel, expected, tolerance=6):
    return all(abs(int(a) - int(b)) <= tolerance for a, b in zip(pixel, expected, strict=True))


def test_plain_rgb_png_is_read_as_is_with_no_notes(tmp_path):
    path = tmp_path / "plain.png"
    _noise().save(path)
    loaded = load_image(path)
    assert loaded.pixels.shape == (48, 64, 3) and loaded.pixels.dtype == np.uint8
    assert np.array_equal(loaded.pixels, np.asarray(_noise()))
    assert loaded.notes == ()
    assert (loaded.name, loaded.source, loaded.original_size, loaded.original_mode) == (
        "plain.png", str(path), (64, 48), "RGB")
    assert not loaded.pixels.flags.writeable


@pytest.mark.parametrize("name", ["고양이 사진.png", "with spaces (1).PNG", "dots.in.name.png"])
def test_odd_file_names_load(tmp_path, name):
    Image.new("RGB", (5, 3), RED).save(tmp_path / name, format="PNG")
    loaded = load_image(str(tmp_path / name))
    assert loaded.name == name and loaded.pixels.shape == (3, 5, 3)


def test_the_users_file_is_never_changed(tmp_path):
    path = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    _noise().save(path, exif=exif)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_image(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(UserInputError, match="does not exist"):
        load_image(tmp_path / "nowhere.png")


def test_folder_passed_as_a_file_is_refused(tmp_path):
    with pytest.raises(UserInputError, match="is a folder"):
        load_image(tmp_path)


def test_empty_file_is_refused(tmp_path):
    (tmp_path / "empty.png").write_bytes(b"")
    with pytest.raises(UserInputError, match=r"empty.png is empty \(0 bytes\)"):
        load_image(tmp_path / "empty.png")


def test_text_renamed_as_jpeg_is_refused(tmp_path):
    (tmp_path / "notes.jpg").write_text("these are my lecture notes, not a photo\n")
    with pytest.raises(UserInputError, match="notes.jpg is not an image file this app can read"):
        load_image(tmp_path / "notes.jpg")


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_truncated_file_is_refused(tmp_path, fmt):
    path = tmp_path / f"cut.{fmt.lower()}"
    _noise((256, 256)).save(path, format=fmt)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(UserInputError, match="damaged or incomplete"):
        load_image(path)


def test_corrupt_png_is_refused(tmp_path):
    path = tmp_path / "corrupt.png"
    _noise().save(path)
    data = bytearray(path.read_bytes())
    data[40:140] = bytes(100)  # image data overwritten: the chunk's checksum no longer matches
    path.write_bytes(bytes(data))
    with pytest.raises(UserInputError, match="corrupt.png starts like a PNG file but is damaged"):
        load_image(path)


def test_decompression_bomb_is_refused_with_its_size(tmp_path):
    path = _png_claiming_size(tmp_path / "bomb.png", 13_000, 12_000)
    assert 13_000 * 12_000 > MAX_PIXELS
    expected = r"bomb.png is 13000×12000 pixels \(156.0 million\), more than the limit of 150 million"
    with pytest.raises(UserInputError, match=expected):
        load_image(path)


def test_decompression_bomb_far_above_the_limit_is_refused(tmp_path):
    path = _png_claiming_size(tmp_path / "huge.png", 60_000, 60_000)
    with pytest.raises(UserInputError, match="huge.png has more than 179 million pixels.*decompression bomb"):
        load_image(path)


def test_long_image_is_downscaled_to_the_maximum_side(tmp_path):
    Image.new("RGB", (MAX_SIDE + 904, 10), RED).save(tmp_path / "long.png")
    loaded = load_image(tmp_path / "long.png")
    assert loaded.pixels.shape == (8, MAX_SIDE, 3)
    assert loaded.original_size == (5000, 10)
    assert loaded.notes == (f"downscaled from 5000×10 to {MAX_SIDE}×8",)


def test_huge_jpeg_is_decoded_at_a_reduced_scale_then_downscaled(tmp_path):
    Image.new("L", (9000, 4500), 200).save(tmp_path / "huge.jpg", quality=50)
    loaded = load_image(tmp_path / "huge.jpg")
    assert loaded.pixels.shape == (MAX_SIDE // 2, MAX_SIDE, 3)
    assert loaded.original_size == (9000, 4500)
    assert f"downscaled from 9000×4500 to {MAX_SIDE}×{MAX_SIDE // 2}" in loaded.notes
    assert _close(loaded.pixels[100, 100], (200, 200, 200))


def test_exif_orientation_is_applied(tmp_path):
    stored = Image.new("RGB", (40, 20), (0, 0, 255))
    stored.paste(RED, (0, 0, 20, 20))  # left half red as stored
    exif = Image.Exif()
    exif[0x0112] = 6  # shown turned 90° clockwise: the stored left half is on top
    stored.save(tmp_path / "phone.jpg", exif=exif, quality=95)
    loaded = load_image(tmp_path / "phone.jpg")
    assert loaded.pixels.shape == (40, 20, 3)
    assert loaded.original_size == (40, 20)
    assert _close(loaded.pixels[5, 10], RED, 30) and _close(loaded.pixels[35, 10], (0, 0, 255), 30)
    assert loaded.notes == ("turned upright per its EXIF orientation (6)",)


def test_cmyk_jpeg_is_converted(tmp_path):
    Image.new("CMYK", (16, 16), (0, 255, 255, 0)).save(tmp_path / "print.jpg", quality=95)
    loaded = load_image(tmp_path / "print.jpg")
    assert loaded.original_mode == "CMYK"
    assert _close(loaded.pixels[8, 8], RED)
    assert loaded.notes == ("converted from CMYK",)


def test_sixteen_bit_grayscale_uses_the_full_range(tmp_path):
    values = np.array([[0, 257 * 128, 65535]], dtype=np.uint16)
    Image.fromarray(values).save(tmp_path / "scan16.png")
    loaded = load_image(tmp_path / "scan16.png")
    assert loaded.original_mode == "I;16"
    assert loaded.pixels[0, :, 0].tolist() == [0, 128, 255]
    assert np.array_equal(loaded.pixels[..., 0], loaded.pixels[..., 2])
    assert loaded.notes == ("16-bit values scaled to 8-bit",)


def test_thirty_two_bit_integer_image_is_stretched(tmp_path):
    Image.fromarray(np.array([[-1000, 0, 1000]], dtype=np.int32)).save(tmp_path / "depth.tif")
    loaded = load_image(tmp_path / "depth.tif")
    assert loaded.original_mode == "I"
    assert loaded.pixels[0, :, 1].tolist() == [0, 128, 255]
    assert loaded.notes == ("32-bit values stretched from [-1000, 1000] to 8-bit",)


def test_float_image_with_nan_is_stretched_over_its_finite_values(tmp_path):
    Image.fromarray(np.array([[0.5, np.nan, 1.5]], dtype=np.float32)).save(tmp_path / "float.tif")
    loaded = load_image(tmp_path / "float.tif")
    assert loaded.original_mode == "F"
    assert loaded.pixels[0, :, 0].tolist() == [0, 0, 255]


def test_palette_with_transparency_is_flattened_on_white(tmp_path):
    image = Image.new("P", (2, 1))
    image.putpalette([255, 0, 0, 0, 0, 255])
    image.putpixel((1, 0), 1)
    image.save(tmp_path / "icon.png", transparency=1)
    loaded = load_image(tmp_path / "icon.png")
    assert loaded.original_mode == "P"
    assert loaded.pixels[0].tolist() == [[255, 0, 0], [255, 255, 255]]
    assert loaded.notes == ("converted from palette", "transparency flattened on white")


def test_palette_without_transparency_is_converted(tmp_path):
    Image.new("RGB", (4, 4), RED).convert("P").save(tmp_path / "flat.gif")
    loaded = load_image(tmp_path / "flat.gif")
    assert loaded.pixels[0, 0].tolist() == list(RED)
    assert loaded.notes == ("converted from palette",)


def test_rgba_is_flattened_on_white(tmp_path):
    image = Image.new("RGBA", (2, 1), (255, 0, 0, 255))
    image.putpixel((1, 0), (255, 0, 0, 0))
    image.save(tmp_path / "cutout.png")
    loaded = load_image(tmp_path / "cutout.png")
    assert loaded.pixels[0].tolist() == [[255, 0, 0], [255, 255, 255]]
    assert loaded.notes == ("transparency flattened on white",)


def test_opaque_alpha_channel_needs_no_note(tmp_path):
    Image.new("RGBA", (3, 3), (0, 255, 0, 255)).save(tmp_path / "opaque.png")
    assert load_image(tmp_path / "opaque.png").notes == ()


def test_gray_with_alpha_is_flattened_on_white(tmp_path):
    image = Image.new("LA", (2, 1), (0, 255))
    image.putpixel((1, 0), (0, 0))
    image.save(tmp_path / "ink.png")
    loaded = load_image(tmp_path / "ink.png")
    assert loaded.pixels[0].tolist() == [[0, 0, 0], [255, 255, 255]]


def test_grayscale_is_converted_to_three_equal_channels(tmp_path):
    Image.new("L", (3, 2), 77).save(tmp_path / "gray.png")
    loaded = load_image(tmp_path / "gray.png")
    assert loaded.pixels.shape == (2, 3, 3) and (loaded.pixels == 77).all()
    assert loaded.notes == ("converted from grayscale",)


@pytest.mark.parametrize("suffix", ["gif", "webp", "png"])
def test_animation_shows_its_first_frame(tmp_path, suffix):
    frames = [Image.new("RGB", (8, 8), color) for color in (RED, (0, 255, 0), (0, 0, 255))]
    path = tmp_path / f"anim.{suffix}"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0, lossless=True)
    loaded = load_image(path)
    assert _close(loaded.pixels[4, 4], RED)
    assert "first frame of 3" in loaded.notes


def test_collect_images_expands_folders_and_says_what_it_skipped(tmp_path):
    folder = tmp_path / "drop"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.png", "a.JPG", "readme.txt", "사진.webp"):
        (folder / name).write_bytes(b"x")
    loose = tmp_path / "loose.tiff"
    loose.write_bytes(b"x")
    images, skipped = collect_images([folder, loose, folder / "b.png", tmp_path / "gone.png"])
    assert images == [folder / "a.JPG", folder / "b.png", folder / "사진.webp", loose]
    assert skipped == [
        f"{folder / 'readme.txt'}: not an image file type (.txt)",
        f"{folder / 'sub'}: a folder inside a folder is not searched",
        f"{tmp_path / 'gone.png'}: does not exist",
    ]


def test_shipped_samples_load_are_small_and_have_a_recorded_licence():
    samples = sample_images()
    licences = (SAMPLES_DIR.parent / "LICENSES.md").read_text(encoding="utf-8")
    assert [p.name for p in samples if p.name.startswith("digit_")] == [f"digit_{d}.png" for d in range(10)]
    assert len(samples) >= 14
    for path in samples:
        assert path.stat().st_size <= 150_000, path.name
        assert f"`{path.name}`" in licences, path.name
        loaded = load_image(path)
        assert max(loaded.pixels.shape[:2]) <= 640 and loaded.pixels.std() > 10, path.name


def test_the_centre_square_is_as_wide_as_the_shorter_side():
    from engine.data.images import centre_square

    wide = np.arange(3 * 7).reshape(3, 7)
    assert centre_square(wide).tolist() == wide[:, 2:5].tolist()
    assert centre_square(wide.T).tolist() == wide.T[2:5, :].tolist()


def test_thumbnails_of_the_readable_files_only(tmp_path):
    from engine.data.images import thumbnail_events
    from engine.runtime import events as ev

    wide = tmp_path / "wide photo.png"
    Image.new("RGB", (400, 100), (200, 30, 30)).save(wide)
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    made = list(thumbnail_events(None, ev.MakeThumbnails((str(wide), str(empty), str(tmp_path / "gone.jpg")), 72)))
    assert [t.path for t in made] == [str(wide)]
    assert made[0].pixels.shape == (18, 72, 3) and tuple(made[0].pixels[9, 36]) == (200, 30, 30)
