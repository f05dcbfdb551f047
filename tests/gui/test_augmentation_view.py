"""The augmentation page with a real engine thread: six methods previewed on the user's latest image."""

from __future__ import annotations

import numpy as np
import pytest

from engine.data.augmentation import METHODS, PREVIEW_SIZE
from engine.data.images import SAMPLES_DIR
from engine.runtime import events as ev
from gui.pages.augmentation import MIRROR_SAMPLE, AugmentationView

TIMEOUT_MS = 120_000


@pytest.fixture
def view(qtbot, bridge):
    widget = AugmentationView(bridge)
    qtbot.addWidget(widget)
    widget.resize(1600, 1000)
    widget.show()
    qtbot.waitUntil(lambda: widget.preview() is not None, timeout=TIMEOUT_MS)
    return widget


def test_every_method_shows_its_examples_with_what_was_drawn(view):
    assert view.preview().name == MIRROR_SAMPLE and view.original.picture.image() is not None
    assert list(view.panels) == list(METHODS)
    for method in METHODS:
        for example in view.examples[method]:
            assert example.picture.image() is not None and example.caption.text()
    assert view.examples["mirror"][1].caption.text() == "mirrored left to right"
    assert view.examples["rotation"][0].caption.text().startswith("rotated ")
    assert view.examples["colour"][0].caption.text().startswith("R\u00a0")
    assert not view.status.isVisible()


def _preview_square(name: str):
    """The square the engine previews of a shipped photo (as ``preview_events`` makes it)."""
    import torch
    from torchvision.transforms.v2 import functional as tvf

    from engine.data.images import centre_square, load_image

    pixels = torch.from_numpy(np.array(centre_square(load_image(SAMPLES_DIR / name).pixels))).permute(2, 0, 1)
    return tvf.resize(pixels, [PREVIEW_SIZE, PREVIEW_SIZE], antialias=True)


def test_the_augmentation_pages_photo_shows_its_mirroring_and_the_cat_would_not():
    def asymmetry(name: str) -> float:
        square = _preview_square(name).float()
        return float((square - square.flip(-1)).abs().mean())

    assert asymmetry(MIRROR_SAMPLE) > 80 and asymmetry("cat.jpg") < 35  # levels of 255, on average


def test_again_draws_new_examples_of_the_same_image(qtbot, view):
    first = view.preview()
    view.again_button.click()
    qtbot.waitUntil(lambda: view.preview() is not first, timeout=TIMEOUT_MS)
    second = view.preview()
    assert second.name == first.name and second.seed != first.seed
    assert not np.array_equal(second.examples[1].pixels, first.examples[1].pixels)


def test_a_bad_image_is_reported_and_the_last_examples_stay(qtbot, view, tmp_path):
    shown = view.preview()
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    view.images.source = lambda: (str(broken), None, "broken.png")
    view.refresh()
    qtbot.waitUntil(lambda: "damaged" in view.status.text(), timeout=TIMEOUT_MS)
    assert view.preview() is shown and view.status.isVisible()


def test_an_image_dropped_on_the_window_is_previewed_where_it_is(qtbot, window, drop_files):
    window.show_section("augmentation")
    page = window.augmentation_view
    qtbot.waitUntil(lambda: page.preview() is not None, timeout=TIMEOUT_MS)
    assert drop_files(window, [SAMPLES_DIR / "rocket.jpg"])
    qtbot.waitUntil(lambda: page.preview().name == "rocket.jpg", timeout=TIMEOUT_MS)
    assert window.current_section() == "augmentation"


def test_a_caption_never_shows_a_negative_zero(view):
    """-0.3° rounds to 0: "rotated -0°" reads as a direction that is not there."""
    small = [ev.AugmentedImage("rotation", None, (-0.3,)), ev.AugmentedImage("shear", None, (-0.4, 0.2)),
             ev.AugmentedImage("colour", None, (-0.0, 3.0, -2.0)), ev.AugmentedImage("rotation", None, (-9.6,))]
    captions = [view._caption(example) for example in small]
    assert captions == ["rotated 0°", "sheared x\u00a00°, y\u00a00°", "R\u00a00  G\u00a0+3  B\u00a0-2", "rotated -10°"]
