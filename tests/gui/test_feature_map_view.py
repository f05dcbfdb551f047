"""The feature-map view with a real engine thread: images in, maps, top-5 and Grad-CAM out, bad files refused."""

from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog

import engine.models.weights as weights
from engine.data.images import SAMPLES_DIR, sample_images
from engine.models.zoo import get_model
from gui.feature_maps.view import FeatureMapView

DIGITS = sorted(SAMPLES_DIR.glob("digit_*.png"))
TIMEOUT_MS = 60_000


def _settled(view: FeatureMapView, name: str | None = None) -> bool:
    return not view.is_busy() and view.shown_image() is not None and name in (None, view.shown_image())


@pytest.fixture
def view(qtbot, bridge):
    """The view on LeNet-5, showing its default sample digit."""
    view = FeatureMapView(bridge)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    view.set_model("lenet5")
    qtbot.waitUntil(lambda: _settled(view), timeout=TIMEOUT_MS)
    return view


def _open(qtbot, view: FeatureMapView, path: Path) -> None:
    view.open_paths([str(path)])
    qtbot.waitUntil(lambda: _settled(view, path.name), timeout=TIMEOUT_MS)


def _bomb(path: Path) -> Path:
    """A tiny PNG whose header claims 20000×20000 pixels."""
    Image.new("L", (1, 1)).save(path)
    data = bytearray(path.read_bytes())
    data[16:24] = struct.pack(">II", 20000, 20000)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    path.write_bytes(bytes(data))
    return path


def test_the_page_is_never_empty(view):
    assert view.shown_image().startswith("digit_")
    assert view.recent.count() == len(sample_images())  # every shipped sample, to click on
    assert view.grid.image.image is not None and view.input_panel.image.image.shape == (32, 32)
    assert "Random weights" in view.weights_label.text() or "ship with the app" in view.weights_label.text()


def test_an_opened_image_shows_its_maps_top5_filters_and_grad_cam(qtbot, view):
    _open(qtbot, view, DIGITS[3])
    view.select_layer(1)
    assert "C1 · conv1 (Conv2d), output 28×28×6" in view.layer_label.text()  # the paper's name first
    mosaic = view.grid.image.image
    assert mosaic.shape == (2 * 28 + 1, 3 * 28 + 2)  # six 28×28 maps in 2 rows of 3, one-pixel gaps
    assert np.nanmin(mosaic) == 0 and np.nanmax(mosaic) == 1
    assert len(view.top_classes._predictions) == 5
    cam = view.cam_overlay.image  # its values are tested with the shipped weights in tests/engine
    assert cam.shape == view.input_panel.image.image.shape == (32, 32) and 0 <= cam.min() <= cam.max() <= 1
    assert view.filters_panel.image.image is not None and "6 of 5×5×1" in view.filters_title.text()
    assert view.recent.item(0).text() == DIGITS[3].name and not view.recent.item(0).icon().isNull()


@pytest.mark.parametrize(("make", "expected"), [
    (lambda d: d / "empty.png", "is empty"),
    (lambda d: d / "notes.png", "not an image file"),
    (lambda d: d / "cut.png", "damaged"),
    (lambda d: _bomb(d / "bomb.png"), "decompression bomb"),
])
def test_a_bad_file_gets_a_message_and_the_image_stays(qtbot, view, tmp_path, make, expected):
    _open(qtbot, view, DIGITS[8])
    before = view.grid.image.image.copy()
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "notes.png").write_text("shopping list")
    (tmp_path / "cut.png").write_bytes(DIGITS[1].read_bytes()[:60])
    bad = make(tmp_path)
    view.open_paths([str(bad)])
    qtbot.waitUntil(lambda: bool(view.messages()) and not view.is_busy(), timeout=TIMEOUT_MS)
    assert expected in view.messages()[-1] and bad.name in view.messages()[-1]
    assert view.message_label.isVisible() and expected in view.message_label.text()
    assert view.shown_image() == DIGITS[8].name
    assert np.array_equal(view.grid.image.image, before, equal_nan=True)


def test_the_strip_shows_a_picture_of_every_sample(qtbot, view):
    placeholder = view._unseen_icon.cacheKey()

    def pictured() -> bool:
        return all(view.recent.item(i).icon().cacheKey() != placeholder for i in range(view.recent.count()))

    qtbot.waitUntil(pictured, timeout=TIMEOUT_MS)
    rocket = next(view.recent.item(i) for i in range(view.recent.count()) if view.recent.item(i).text() == "rocket.jpg")
    assert max(rocket.icon().availableSizes()[0].toTuple()) == 72


def test_a_folder_mixing_images_and_other_files(qtbot, view, tmp_path):
    folder = tmp_path / "수업 자료"
    folder.mkdir()
    for path in DIGITS[5:7]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "readme.txt").write_text("hi")
    _open(qtbot, view, folder / DIGITS[5].name)
    view.open_paths([str(folder)])
    qtbot.waitUntil(lambda: _settled(view, DIGITS[5].name), timeout=TIMEOUT_MS)
    assert [view.recent.item(i).text() for i in range(2)] == [DIGITS[5].name, DIGITS[6].name]
    assert "readme.txt" in view.messages()[0]


def test_a_folder_without_images_says_so(view, tmp_path):
    (tmp_path / "notes.txt").write_text("hi")
    shown = view.shown_image()
    view.open_paths([str(tmp_path)])
    assert "none of these is an image" in view.messages()[-1]
    assert view.shown_image() == shown


def test_a_module_that_takes_feature_maps_is_explained_and_the_image_stays(view):
    shown = view.shown_image()
    view.set_model("inception_module")
    assert not view.is_busy() and view.shown_image() == shown
    assert view.messages() == ["Inception 3a takes 192 feature maps, not an image: pick a whole network to see "
                               "an image flow through it."]
    assert view.weights_label.text() == ""


def test_the_slider_reports_the_users_moves_and_select_layer_shows_the_pages_choice(qtbot, view):
    with qtbot.waitSignal(view.layer_changed) as moved:
        view.layer_slider.setValue(4)
    assert moved.args == [4] and view.current_layer() == 4
    assert "conv2 (Conv2d)" in view.layer_label.text()
    assert view.grid.image.image.shape == (4 * 10 + 3, 4 * 10 + 3)  # sixteen 10×10 maps
    with qtbot.assertNotEmitted(view.layer_changed):  # the page owns the selection: no echo back to it
        view.select_layer(2)
    assert view.layer_slider.value() == 2 and view.current_layer() == 2
    assert view.layer_names()[2] in view.layer_label.text()
    view.select_layer(999)
    assert view.layer_slider.value() == view.layer_slider.maximum() == len(view.layer_names()) - 1


def test_a_layer_chosen_before_the_maps_arrive_is_kept(qtbot, bridge):
    view = FeatureMapView(bridge)
    qtbot.addWidget(view)
    view.show()
    view.select_layer(5)
    view.set_model("lenet5")
    qtbot.waitUntil(lambda: _settled(view), timeout=TIMEOUT_MS)
    assert view.layer_slider.value() == 5 and view.layer_names()[5] == "act2"


def test_clicking_a_map_enlarges_it(qtbot, view):
    view.select_layer(1)
    tile = view.grid.image.mapToScene(QPointF(28 + 1 + 14, 14))  # the second map's centre
    where = view.grid.mapFromScene(tile)
    with qtbot.waitSignal(view.grid.map_clicked) as clicked:
        qtbot.mouseClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert clicked.args == [1]
    assert view.enlarged_caption.text() == "Map 2 of 6 in conv1"
    assert np.array_equal(view.enlarged_panel.image.image, view.grid.image.image[:28, 29:57])


def test_one_scale_for_the_layer_keeps_maps_comparable(view):
    view.select_layer(1)
    view.scale_combo.setCurrentIndex(1)
    tiles = [view.grid.image.image[:28, c * 29:c * 29 + 28] for c in range(3)]
    assert max(np.nanmax(t) for t in tiles + [view.grid.image.image]) == 1.0
    assert sum(np.isclose(np.nanmax(t), 1.0) for t in tiles) <= 2  # not every map stretched to full range
    view.scale_combo.setCurrentIndex(0)
    assert all(np.isclose(np.nanmax(t), 1.0) for t in tiles)


def test_a_pasted_image_is_sent_as_pixels(qtbot, view):
    QGuiApplication.clipboard().setImage(QImage(str(DIGITS[2])))
    view.open_clipboard_image()
    qtbot.waitUntil(lambda: _settled(view, "Pasted image"), timeout=TIMEOUT_MS)
    QGuiApplication.clipboard().clear()
    view.open_clipboard_image()
    assert view.messages() == ["The clipboard holds no image."] and view.shown_image() == "Pasted image"


def test_a_weights_file_is_loaded_or_refused(qtbot, view, tmp_path, monkeypatch):
    good, bad = tmp_path / "mine.pt", tmp_path / "other.pt"
    torch.save(get_model("lenet5").state_dict(), good)
    torch.save(get_model("resnet20").state_dict(), bad)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(bad), ""))
    view.weights_file_button.click()
    qtbot.waitUntil(lambda: bool(view.messages()) and not view.is_busy(), timeout=TIMEOUT_MS)
    assert "other.pt does not fit" in view.messages()[-1]
    assert not view.default_weights_button.isVisible()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(good), ""))
    view.weights_file_button.click()
    qtbot.waitUntil(lambda: "mine.pt" in view.weights_label.text(), timeout=TIMEOUT_MS)
    assert view.default_weights_button.isVisible()
    view.default_weights_button.click()
    qtbot.waitUntil(lambda: "mine.pt" not in view.weights_label.text() and not view.is_busy(),
                    timeout=TIMEOUT_MS)


def test_random_weights_are_said_plainly_and_can_be_downloaded(qtbot, view, tmp_path, monkeypatch):
    model = get_model("resnet18")
    torch.nn.init.constant_(model.fc.bias, 0.0)
    state = tmp_path / "state.pth"
    torch.save(model.state_dict(), state)
    served = tmp_path / f"resnet18-{hashlib.sha256(state.read_bytes()).hexdigest()[:8]}.pth"
    state.rename(served)
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(tmp_path / "hub"))  # an empty cache: offline
    monkeypatch.setattr(weights, "weights_url", lambda name: served.as_uri() if name == "resnet18" else None)
    view.set_model("resnet18")
    qtbot.waitUntil(lambda: _settled(view, "cat.jpg"), timeout=TIMEOUT_MS)  # a photo for a photo network
    assert "Random weights" in view.weights_label.text() and "mean nothing" in view.weights_label.text()
    assert view.download_button.isVisible() and view.download_button.text() == "Download weights (47 MB)"
    view.download_button.click()
    qtbot.waitUntil(lambda: "torch cache" in view.weights_label.text(), timeout=TIMEOUT_MS)
    assert "ResNet18_Weights.IMAGENET1K_V1" in view.weights_label.text()
    assert not view.download_button.isVisible()
    assert (tmp_path / "hub" / "checkpoints" / served.name).is_file()


def test_render_command_writes_a_png_and_refuses_a_bad_file(tmp_path, capsys):
    from main import main

    out = tmp_path / "lenet.png"
    assert main(["render", "features", "--model", "lenet5", "--image", str(DIGITS[0]), "--layer", "conv2",
                 "--size", "1280x800", "--out", str(out)]) == 0
    assert QImage(str(out)).size().width() == 1280
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff broken")
    capsys.readouterr()
    assert main(["render", "features", "--model", "lenet5", "--image", str(bad), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.jpg" in err
    assert main(["render", "features", "--model", "lenet5", "--image", str(DIGITS[0]), "--layer", "nope",
                 "--out", str(out)]) == 2
    assert "unknown layer 'nope'" in capsys.readouterr().err


# The lead wires the window: drops anywhere -> window.feature_view.open_paths, and the page's model -> set_model.
def test_a_drop_on_the_main_window_ends_with_maps_shown(qtbot, window, drop_files):
    view = window.feature_view
    assert drop_files(window, [DIGITS[9]])
    qtbot.waitUntil(lambda: _settled(view, DIGITS[9].name), timeout=TIMEOUT_MS)
    assert view.grid.image.image is not None and view.top_classes._predictions


def test_a_model_with_no_trained_weights_says_so_and_offers_its_trained_sibling(qtbot, view):
    view.set_model("alexnet2012_2gpu")
    qtbot.waitUntil(lambda: _settled(view) and "No trained weights exist" in view.weights_label.text(),
                    timeout=TIMEOUT_MS)
    assert "AlexNet (torchvision)" in view.weights_label.text()
    assert view.instead_button.isVisible() and view.instead_button.text() == "Show AlexNet (torchvision)"
    with qtbot.waitSignal(view.model_requested) as requested:
        view.instead_button.click()
    assert requested.args == ["alexnet"]


def test_occlusion_is_offered_beside_grad_cam_and_the_tanh_map_is_explained(qtbot, view):
    qtbot.waitUntil(lambda: view.occlusion() is not None, timeout=TIMEOUT_MS)
    assert view.cam_check.isChecked() and not view.occlusion_check.isChecked()
    note = view.attribution_note.text()
    assert "weakest cell" in note and "units are tanh" in note and "Grad-CAM assumes non-negative" in note
    view.occlusion_check.setChecked(True)  # one overlay at a time
    assert not view.cam_check.isChecked() and view.cam_overlay.isVisible()
    assert "Zeiler and Fergus" in view.attribution_note.text() and "8×8" in view.attribution_note.text()
    assert view.occlusion().drop.shape == (32, 32)
