"""engine.inspection.features: every layer's maps, filters, Grad-CAM, preprocessing, and their engine handlers."""

from __future__ import annotations

import hashlib
import queue
import time

import numpy as np
import pytest
import torch
from PIL import Image
from torch import nn
from torch.nn import functional

import engine.models.weights as weights
from engine.data.images import SAMPLES_DIR, load_image
from engine.inspection.features import (
    POINTWISE_LAYER,
    POINTWISE_MODEL,
    cam_layer_of,
    first_layer_filters,
    grad_cam,
    layer_activations,
    preprocess,
)
from engine.models.analysis import analyze
from engine.models.weights import Preprocessing, load_model, shipped_path
from engine.models.zoo import get_model
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from engine.runtime.worker import EngineWorker

DIGITS = sorted(SAMPLES_DIR.glob("digit_*.png"))


def _collect(events: queue.Queue, until, timeout: float = 120.0) -> list[ev.Event]:
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            seen.append(events.get(timeout=0.1))
        except queue.Empty:
            continue
        if until(seen):
            return seen
        if isinstance(seen[-1], ev.RequestFailed):  # fails at once rather than after the whole timeout
            raise AssertionError(f"the engine failed: {seen[-1].message}")
    raise AssertionError(f"timed out; saw {[type(e).__name__ for e in seen]}")


@pytest.fixture
def engine():
    """A running engine thread on the CPU and the queue its events arrive in."""
    events: queue.Queue = queue.Queue()
    worker = EngineWorker(events.put, device="cpu")
    worker.start()
    yield worker, events
    worker.stop()


def _last_of(kind, seen):
    return [event for event in seen if isinstance(event, kind)]


# ---------------------------------------------------------------- layer_activations


def test_every_row_of_the_analysis_is_captured_within_the_limits():
    model = get_model("resnet20")
    batch = torch.rand(2, 3, 32, 32)
    maps = layer_activations(model, batch, max_channels=8, max_size=16)
    rows = analyze("resnet20").rows
    assert list(maps) == [row.name for row in rows]
    for row in rows:
        array = maps[row.name]
        assert array.dtype == np.float32 and not array.flags.writeable
        assert array.ndim == 3 and array.shape[0] <= 8 and max(array.shape[1:]) <= 16, (row.name, array.shape)
    assert maps["layer1.0.conv1"].shape == (8, 16, 16)  # 32×32 average-pooled by 2
    assert np.allclose(maps["input"][:, :16, :16], batch[0].reshape(3, 16, 2, 16, 2).mean(dim=(2, 4)).numpy(),
                       atol=1e-6)
    assert maps["layer1.0.add"].shape == (8, 16, 16)  # function rows (the residual sum) too


def test_a_layer_with_more_channels_is_pooled_further_to_stay_within_the_values_shown():
    model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.Conv2d(4, 16, 3, padding=1)).eval()
    batch = torch.rand(1, 3, 32, 32)
    maps = layer_activations(model, batch, max_channels=16, max_size=32, max_values=4 * 32 * 32)
    with torch.no_grad():
        first = model[0](batch)[0].numpy()
    assert maps["0"].shape == (4, 32, 32) and np.array_equal(maps["0"], first)  # within the budget: as computed
    assert maps["1"].shape == (16, 16, 16)  # four times the channels: half the side


def test_a_vector_is_laid_out_as_one_map_padded_with_nan():
    model = get_model("lenet5").eval()
    batch = torch.rand(1, 1, 32, 32)
    maps = layer_activations(model, batch, layer_names=["fc3", "fc1"])
    assert list(maps) == ["fc3", "fc1"]
    with torch.no_grad():
        logits = model(batch)[0].numpy()
    assert maps["fc3"].shape == (1, 3, 4)  # 10 values in rows of 4
    assert np.allclose(maps["fc3"].ravel()[:10], logits, atol=1e-6) and np.isnan(maps["fc3"].ravel()[10:]).all()
    assert maps["fc1"].shape == (1, 11, 11)  # 120 values


def test_capture_leaves_the_model_as_it_was():
    model = get_model("resnet20").train()
    running_mean = model.bn1.running_mean.clone()
    layer_activations(model, torch.rand(4, 3, 32, 32))
    assert model.training and all(m.training for m in model.modules())
    assert model.relu.inplace and model.layer1[0].relu1.inplace
    assert torch.equal(model.bn1.running_mean, running_mean)  # ran in eval mode: no batch statistics updated
    assert not any(m._forward_hooks for m in model.modules())


def test_an_in_place_relu_does_not_overwrite_the_captured_batch_norm():
    model = get_model("resnet20")
    maps = layer_activations(model, torch.rand(1, 3, 32, 32), layer_names=["bn1", "relu"], max_size=32)
    assert maps["bn1"].min() < 0 <= maps["relu"].min()
    assert np.allclose(np.maximum(maps["bn1"], 0), maps["relu"][: maps["bn1"].shape[0]])


def test_a_residual_sum_in_place_changes_none_of_the_captured_maps():
    model = get_model("resnet20")
    names = ["relu", "layer1.0.bn2", "layer1.0.add", "layer1.0.relu2"]
    maps = layer_activations(model, torch.rand(1, 3, 32, 32), layer_names=names, max_size=32)
    assert np.allclose(maps["layer1.0.bn2"] + maps["relu"], maps["layer1.0.add"], atol=1e-6)  # out += identity
    assert np.allclose(np.maximum(maps["layer1.0.add"], 0), maps["layer1.0.relu2"])
    assert maps["layer1.0.add"].min() < 0


class _Untraceable(nn.Module):
    """torch.fx cannot follow Python control flow on a tensor's value: capture falls back to hooks."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.act = nn.ReLU(inplace=True)

    def forward(self, x):
        x = self.conv(x)
        if x.sum() > 0:
            x = -x
        return self.act(x)


def test_a_model_that_cannot_be_traced_is_captured_with_hooks_that_are_removed():
    model = _Untraceable()
    batch = torch.rand(1, 1, 10, 10)
    maps = layer_activations(model, batch, max_size=8)
    assert list(maps) == ["input", "conv", "act"]
    assert maps["conv"].shape == (4, 8, 8) and maps["act"].min() >= 0
    assert not model.conv._forward_hooks and not model.act._forward_hooks and model.act.inplace


# ---------------------------------------------------------------- filters and Grad-CAM


def test_first_layer_filters_are_images_in_zero_to_one():
    filters = first_layer_filters(get_model("resnet18"))
    assert filters.shape == (64, 7, 7, 3) and filters.dtype == np.float32
    assert filters.min() >= 0 and filters.max() <= 1 and np.isclose(min(1 - filters.max(), filters.min()), 0)
    lenet = get_model("lenet5")
    weight = lenet.conv1.weight.detach()
    expected = 0.5 + weight.permute(0, 2, 3, 1) / (2 * weight.abs().max())  # one scale; zero is mid-gray
    assert np.allclose(first_layer_filters(lenet), expected.numpy())


def test_maps_are_average_pooled_by_any_factor_and_kept_to_64_channels_and_pixels_by_default():
    """The grid's maps: at most 64 channels of at most 64×64 by default (a 65×65 map is halved), and a map
    shrunk by a factor of three is its 3×3 average pooling, as by two."""
    conv = nn.Conv2d(1, 70, 3, padding=1)
    with torch.no_grad():
        batch = torch.rand(1, 1, 65, 65)
        full = conv(batch)
        maps = layer_activations(nn.Sequential(conv), batch)
        assert maps["0"].shape == (64, 32, 32)
        np.testing.assert_allclose(maps["0"], functional.avg_pool2d(full[:, :64], 2)[0].numpy(), rtol=1e-5, atol=1e-6)
        batch = torch.rand(1, 1, 96, 96)
        thirds = layer_activations(nn.Sequential(conv), batch, max_size=32)["0"]
        assert thirds.shape == (64, 32, 32)
        np.testing.assert_allclose(thirds, functional.avg_pool2d(conv(batch)[:, :64], 3)[0].numpy(),
                                   rtol=1e-5, atol=1e-6)


def test_filters_reading_other_than_one_or_three_channels_are_averaged_over_them():
    """A first layer reading 2 channels has no colour picture: each filter is its channels' mean, on one scale."""
    conv = nn.Conv2d(2, 3, 2, bias=False)
    with torch.no_grad():
        conv.weight.copy_(torch.arange(24, dtype=torch.float32).reshape(3, 2, 2, 2) - 12)
    mean = conv.weight.detach().mean(dim=1, keepdim=True)
    expected = 0.5 + mean.permute(0, 2, 3, 1) / (2 * mean.abs().max())
    filters = first_layer_filters(nn.Sequential(conv, nn.ReLU()))
    assert filters.shape == (3, 2, 2, 1)
    assert np.allclose(filters, expected.numpy())


def test_a_model_without_a_convolution_is_refused_with_its_name():
    with pytest.raises(UserInputError, match="^Sequential has no convolution whose filters could be shown$"):
        first_layer_filters(nn.Sequential(nn.Flatten(), nn.Linear(4, 2)))


class _Spotter(nn.Module):
    """A classifier whose class-1 evidence is the input's brightness: its Grad-CAM is the image itself."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 1, 1, bias=False)
        nn.init.ones_(self.conv.weight)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(1, 2, bias=False)
        with torch.no_grad():
            self.fc.weight.copy_(torch.tensor([[-1.0], [1.0]]))

    def forward(self, x):
        return self.fc(self.flatten(self.pool(self.conv(x))))


def test_grad_cam_points_at_the_evidence_at_the_input_size():
    image = torch.zeros(1, 1, 16, 24)
    image[0, 0, 2:6, 15:21] = 1.0
    cam, index = grad_cam(_Spotter(), image, "conv", class_index=1)
    assert index == 1 and cam.shape == (16, 24)
    assert cam.max() == 1.0 and cam[3, 17] == 1.0 and cam[12, 4] == 0.0
    empty, _ = grad_cam(_Spotter(), image, "conv", class_index=0)  # nothing speaks for class 0
    assert not empty.any()


def test_grad_cam_is_min_max_scaled_and_refuses_a_layer_without_a_spatial_map():
    image = torch.full((1, 1, 16, 24), 0.5)  # every cell positive: a peak-only scaling would show a floor of 0.5
    image[0, 0, 2:6, 15:21] = 1.0
    cam, _ = grad_cam(_Spotter(), image, "conv", class_index=1)
    assert cam.min() == 0.0 and cam.max() == 1.0
    with pytest.raises(UserInputError, match="^Grad-CAM needs a layer with a spatial map; flatten gives 1: choose a "
                                             "convolution or pooling layer before the network flattens its maps$"):
        grad_cam(_Spotter(), image, "flatten", class_index=1)


def test_a_digit_is_inverted_when_its_two_pixel_frame_is_lighter_than_mid_grey():
    """Dark strokes on light paper are inverted for the digit networks; what decides is the mean of the image's
    outer two rows and columns against 127.5, nothing further in."""
    from engine.inspection.features import _light_background

    def framed(frame: int, inside: int = 0) -> torch.Tensor:
        gray = torch.full((10, 10), inside, dtype=torch.uint8)
        gray[:2], gray[-2:], gray[:, :2], gray[:, -2:] = frame, frame, frame, frame
        return gray

    assert _light_background(framed(130))  # a third row or column counted in would bring the mean under 127.5
    assert not _light_background(framed(127, inside=255))
    assert _light_background(framed(128)) and not _light_background(framed(127))
    halves = framed(127)
    halves[:, 5:] = torch.where(halves[:, 5:] == 127, 128, 0).to(torch.uint8)  # the frame's mean is 127.5 exactly
    assert not _light_background(halves)


def test_the_grad_cam_caption_names_the_activation_before_its_layer():
    """"Where it looked, after tanh": the last activation up to the layer Grad-CAM looks at; the network's last one
    when the layer is not a row; none in a network without one."""
    from engine.inspection.features import _activation_before

    rows = analyze(nn.Sequential(nn.Conv2d(1, 2, 3), nn.Tanh(), nn.Conv2d(2, 2, 3), nn.ReLU()), (1, 8, 8)).rows
    assert [_activation_before(rows, layer) for layer in ("0", "1", "2", "3", "nowhere")] == [
        "", "tanh", "tanh", "relu", "relu"]
    assert _activation_before(analyze(nn.Sequential(nn.Conv2d(1, 2, 3)), (1, 8, 8)).rows, "0") == ""


class _Tall(nn.Module):
    """Brightness pooled to a 2×1 map (top half, bottom half); class 1's evidence is both halves."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 1, 1, bias=False)
        nn.init.ones_(self.conv.weight)
        self.pool = nn.AdaptiveAvgPool2d((2, 1))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2, 2, bias=False))
        with torch.no_grad():
            self.head[1].weight.copy_(torch.tensor([[0.0, 0.0], [1.0, 1.0]]))

    def forward(self, x):
        return self.head(self.pool(self.conv(x)))


def test_grad_cam_of_a_two_pixel_map_is_brought_to_the_picture_as_torch_resizes_images():
    """A 2×1 map still points somewhere (a 1×1 one does not); it is brought to the picture's size by bilinear
    interpolation between pixel centres (``align_corners=False``), so the top quarter is all top half's value
    and the change is in the middle, where the halves meet."""
    image = torch.full((1, 1, 16, 8), 0.25)
    image[0, 0, :8] = 1.0
    cam, index = grad_cam(_Tall(), image, "pool", class_index=1)
    low = torch.tensor([[[[1.0], [0.25]]]])  # the pooled halves, each weighted by its gradient's mean (1)
    expected = functional.interpolate(low, size=(16, 8), mode="bilinear", align_corners=False)[0, 0]
    expected = (expected - expected.min()) / (expected.max() - expected.min())
    assert index == 1 and cam.shape == (16, 8)
    np.testing.assert_allclose(cam, expected.numpy(), atol=1e-6)
    assert cam[:4].min() == 1.0 and cam[12:].max() == 0.0


def test_grad_cam_looks_at_the_last_spatial_layer():
    assert cam_layer_of(analyze("resnet18").rows) == "layer4.1.relu_1"
    assert cam_layer_of(analyze("vgg16").rows) == "features.29"
    assert cam_layer_of(analyze("lenet5").rows) == "act2"


# ---------------------------------------------------------------- preprocessing


def test_an_imagenet_model_takes_the_resized_centre_crop():
    pixels = load_image(SAMPLES_DIR / "cat.jpg").pixels  # 451×300
    batch, crop, inverted = preprocess(pixels, Preprocessing(3, 256, 224, (0.5, 0.5, 0.5), (0.25, 0.25, 0.25)))
    assert batch.shape == (1, 3, 224, 224) and crop.shape == (224, 224, 3) and crop.dtype == np.uint8
    assert not inverted
    assert torch.allclose(batch[0], (torch.from_numpy(crop).permute(2, 0, 1) / 255 - 0.5) / 0.25, atol=1e-6)


def test_a_long_strip_is_cropped_before_it_is_resized(monkeypatch):
    import engine.inspection.features as features

    sizes, resize = [], features.tvf.resize

    def spy(image, size, **options):
        sizes.append(size)
        return resize(image, size, **options)

    monkeypatch.setattr(features.tvf, "resize", spy)
    strip = np.random.default_rng(0).integers(0, 256, (1, 4096, 3), dtype=np.uint8)  # would be 256×1,048,576
    batch, crop, _ = preprocess(strip, Preprocessing(3, 256, 224, (0.5, 0.5, 0.5), (0.25, 0.25, 0.25)))
    assert sizes == [[256, 256]] and crop.shape == (224, 224, 3)
    assert (crop == strip[0, 2047]).all()  # the strip's middle pixel, all that the centre square holds


def test_a_digit_drawn_dark_on_paper_is_inverted_for_lenet():
    paper = np.full((60, 40, 3), 250, np.uint8)
    paper[15:45, 18:22] = 10  # a dark "1"
    batch, crop, inverted = preprocess(paper, Preprocessing(1, 32, 32))
    assert inverted and crop.shape == (32, 32) and batch.shape == (1, 1, 32, 32)
    assert crop[0, 0] < 10 and crop[16, 16] > 200
    _, _, shipped_inverted = preprocess(load_image(DIGITS[0]).pixels, Preprocessing(1, 32, 32))
    assert not shipped_inverted  # the shipped digits are light on dark already


# ---------------------------------------------------------------- the shipped LeNet-5


def test_lenet5_with_the_shipped_weights_reads_every_shipped_digit():
    loaded = load_model("lenet5")
    assert loaded.status.kind == "shipped" and loaded.status.path == str(shipped_path("lenet5"))
    read = []
    for path in DIGITS:
        batch, _, _ = preprocess(load_image(path).pixels, loaded.preprocessing)
        with torch.no_grad():
            read.append(loaded.classes[int(loaded.module(batch).argmax())])
    assert read == [path.stem[-1] for path in DIGITS] == list("0123456789")


# ---------------------------------------------------------------- the engine thread


def test_an_image_gets_maps_top5_then_grad_cam_and_the_latest_request_wins():
    events: queue.Queue = queue.Queue()
    worker = EngineWorker(events.put, device="cpu")
    for request_id, path in enumerate(DIGITS[:3], start=1):  # all waiting before the thread runs: one sender
        worker.submit(ev.InspectImage("lenet5", path=str(path), request_id=request_id))
    worker.start()
    try:
        seen = _collect(events, lambda s: bool(_last_of(ev.GradCamReady, s)))
    finally:
        worker.stop()
    (maps,) = _last_of(ev.FeatureMapsReady, seen)
    assert (maps.request_id, maps.name, maps.model) == (3, DIGITS[2].name, "lenet5")
    assert [layer.name for layer in maps.layers] == [row.name for row in analyze("lenet5").rows]
    assert [layer.index for layer in maps.layers] == list(range(len(maps.layers)))
    assert maps.layers[1].shape == (6, 28, 28) and maps.layers[1].maps.shape == (6, 28, 28)
    assert maps.crop.shape == (32, 32) and maps.model_input.shape == (1, 32, 32)
    assert len(maps.predictions) == 5 and maps.predictions[0].name == "2"
    assert maps.predictions[0].probability > 0.5
    assert maps.filters.shape == (6, 5, 5, 1) and maps.filters_layer == "conv1"
    assert maps.weights.kind == "shipped" and maps.cam_layer == "act2"
    # what the page writes beside each map (its kind, torch class and the paper's name: "C1") and under the
    # picture (its size, the normalisation, whether it was inverted)
    rows = analyze("lenet5").rows
    assert [(layer.kind, layer.op, layer.paper_name) for layer in maps.layers] == [
        (row.kind, row.op, row.paper_name) for row in rows]
    assert maps.layers[1].paper_name == "C1"
    assert maps.original_size == Image.open(DIGITS[2]).size and maps.notes == ("converted from grayscale",)
    preprocessing = load_model("lenet5").preprocessing
    assert (maps.mean, maps.std) == (preprocessing.mean, preprocessing.std)
    assert maps.inverted is False
    (cam,) = _last_of(ev.GradCamReady, seen)
    assert cam.request_id == 3 and cam.class_name == "2" and cam.activation == "tanh"
    assert cam.cam.shape == maps.crop.shape and cam.cam.max() == 1.0 and cam.cam.min() == 0.0


def test_occlusion_follows_grad_cam_for_the_same_class(engine):
    worker, events = engine
    worker.submit(ev.InspectImage("lenet5", path=str(DIGITS[4])))
    seen = _collect(events, lambda s: bool(_last_of(ev.OcclusionReady, s)))
    (cam,) = _last_of(ev.GradCamReady, seen)
    (occlusion,) = _last_of(ev.OcclusionReady, seen)
    assert (occlusion.class_index, occlusion.class_name) == (cam.class_index, "4")
    assert (occlusion.patch, occlusion.stride) == (8, 2) and occlusion.drop.shape == (32, 32)
    assert occlusion.drop.max() > 0


def test_a_new_image_during_occlusion_abandons_it_and_gets_its_own_grad_cam(engine):
    worker, events = engine
    worker.submit(ev.InspectImage("lenet5", path=str(DIGITS[0]), request_id=1))
    _collect(events, lambda s: bool(_last_of(ev.GradCamReady, s)))
    worker.submit(ev.InspectImage("lenet5", path=str(DIGITS[3]), request_id=2))  # while occlusion 1 runs
    seen = _collect(events, lambda s: bool([e for e in _last_of(ev.OcclusionReady, s) if e.request_id == 2]))
    assert not _last_of(ev.RequestFailed, seen)
    assert [e.request_id for e in _last_of(ev.GradCamReady, seen)] == [2]


def test_grad_cam_of_a_chosen_class(engine):
    worker, events = engine
    worker.submit(ev.InspectImage("lenet5", path=str(DIGITS[7]), cam_class=1))
    seen = _collect(events, lambda s: bool(_last_of(ev.GradCamReady, s)))
    (cam,) = _last_of(ev.GradCamReady, seen)
    assert (cam.class_index, cam.class_name) == (1, "1")


def test_pasted_pixels_are_inspected_without_a_file(engine):
    worker, events = engine
    pixels = np.asarray(Image.open(DIGITS[4]).convert("RGB"))
    worker.submit(ev.InspectImage("lenet5", pixels=pixels, name="pasted"))
    seen = _collect(events, lambda s: bool(_last_of(ev.GradCamReady, s)))
    (maps,) = _last_of(ev.FeatureMapsReady, seen)
    assert (maps.source, maps.name, maps.predictions[0].name) == ("", "pasted", "4")
    assert maps.inverted is False


def test_a_digit_drawn_dark_on_paper_is_inverted_and_read_as_the_same_digit(engine):
    worker, events = engine
    pixels = 255 - np.asarray(Image.open(DIGITS[4]).convert("RGB"))
    worker.submit(ev.InspectImage("lenet5", pixels=pixels, name="on paper"))
    seen = _collect(events, lambda s: bool(_last_of(ev.GradCamReady, s)))
    (maps,) = _last_of(ev.FeatureMapsReady, seen)
    assert maps.inverted is True and maps.predictions[0].name == "4"


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "is empty"),
    (b"just some words\n", "not an image file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "damaged"),
])
def test_a_bad_file_is_refused_with_a_message(engine, tmp_path, content, expected):
    worker, events = engine
    path = tmp_path / "사진 1.png"
    path.write_bytes(content)
    worker.submit(ev.InspectImage("lenet5", path=str(path), request_id=9))
    seen = _collect(events, lambda s: bool(_last_of(ev.ImageRefused, s)))
    (refused,) = _last_of(ev.ImageRefused, seen)
    assert refused.source == str(path) and refused.request_id == 9 and expected in refused.message
    assert not _last_of(ev.FeatureMapsReady, seen) and not _last_of(ev.RequestFailed, seen)


def test_a_model_that_takes_feature_maps_is_refused(engine):
    worker, events = engine
    worker.submit(ev.InspectImage("nin_block", path=str(DIGITS[0])))
    seen = _collect(events, lambda s: bool(_last_of(ev.RequestFailed, s)))
    assert "takes 192 feature maps of 28×28, not an image" in _last_of(ev.RequestFailed, seen)[0].message


def test_a_weights_file_that_does_not_fit_is_reported_and_the_model_still_runs(engine, tmp_path):
    worker, events = engine
    path = tmp_path / "resnet20.pt"
    torch.save(get_model("resnet20").state_dict(), path)
    worker.submit(ev.InspectImage("lenet5", path=str(DIGITS[5]), weights_file=str(path)))
    seen = _collect(events, lambda s: bool(_last_of(ev.GradCamReady, s)))
    (refused,) = _last_of(ev.WeightsRefused, seen)
    assert refused.path == str(path) and "does not fit" in refused.message
    assert _last_of(ev.FeatureMapsReady, seen)[0].weights.kind == "shipped"


def test_a_download_request_reports_progress(engine, tmp_path, monkeypatch):
    worker, events = engine
    payload = bytes(2_500_000)
    source = tmp_path / f"resnet18-{hashlib.sha256(payload).hexdigest()[:8]}.pth"
    source.write_bytes(payload)
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(tmp_path / "hub"))
    monkeypatch.setattr(weights, "weights_url", lambda name: source.as_uri())
    worker.submit(ev.DownloadWeights("resnet18"))
    seen = _collect(events, lambda s: bool(_last_of(ev.WeightsDownloaded, s)))
    progress = _last_of(ev.WeightsDownloadProgress, seen)
    assert progress[-1].done == progress[-1].total == len(payload)
    (done,) = _last_of(ev.WeightsDownloaded, seen)
    assert done.path == str(tmp_path / "hub" / "checkpoints" / source.name)


# ---------------------------------------------------------------- the NiN page's 1×1 example


def test_the_pointwise_example_is_a_weighted_sum_at_one_pixel(engine):
    worker, events = engine
    worker.submit(ev.ExplainPointwise(path=str(SAMPLES_DIR / "cat.jpg"), request_id=3))
    seen = _collect(events, lambda s: bool(_last_of(ev.PointwiseExampleReady, s)))
    (example,) = _last_of(ev.PointwiseExampleReady, seen)
    conv = get_model(POINTWISE_MODEL).get_submodule(f"{POINTWISE_LAYER}.conv")
    assert (example.model, example.layer, example.name, example.request_id) == (
        "googlenet", "inception3a.branch3.0", "cat.jpg", 3)
    # The lecture's bottleneck: 28×28×192 in, 16 filters of 1×1×192, 28×28×16 out.
    assert conv.kernel_size == (1, 1) and (conv.in_channels, conv.out_channels) == (192, 16)
    assert example.inputs.shape == (192, 28, 28) and example.outputs.shape == (16, 28, 28)
    assert example.pixel_inputs.shape == example.filter_weights.shape == (192,)
    assert np.array_equal(example.pixel_inputs, example.inputs[:, example.row, example.column])
    assert example.weighted_sum == pytest.approx(example.conv_value, rel=1e-4, abs=1e-7)
    assert example.output_value == example.outputs.max() > 0  # the brightest output pixel is the one worked out
    assert 0 < example.zeroed < 1 and example.zeroed == np.mean(example.outputs == 0)
    assert example.weights.kind in ("cache", "random")


def test_the_pointwise_example_refuses_a_bad_image(engine, tmp_path):
    worker, events = engine
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    worker.submit(ev.ExplainPointwise(path=str(path), request_id=4))
    seen = _collect(events, lambda s: bool(_last_of(ev.ImageRefused, s)))
    (refused,) = _last_of(ev.ImageRefused, seen)
    assert refused.request_id == 4 and "is empty" in refused.message


def test_the_top_five_are_the_softmax_of_the_scores_largest_first_named_by_class():
    """What the page lists under the image: class index, name (the index itself past the end of the names, for
    weights with more outputs than the model's class list) and probability = softmax of the scores, by hand."""
    import math

    from engine.inspection.features import _top

    scores = [0.5, 3.0, -1.0, 2.0, 1.0, 0.0]
    classes = ["zero", "one", "two", "three"]
    total = sum(math.exp(s) for s in scores)
    predictions = _top(torch.tensor([scores]), classes)
    assert [(p.index, p.name) for p in predictions] == [(1, "one"), (3, "three"), (4, "4"), (0, "zero"), (5, "5")]
    assert [p.probability for p in predictions] == pytest.approx(
        [math.exp(scores[i]) / total for i in (1, 3, 4, 0, 5)], rel=1e-6)
    assert [p.index for p in _top(torch.tensor([[1.0, 2.0]]), ["a", "b"])] == [1, 0]  # fewer classes than five


def test_grad_cam_explains_the_first_image_of_a_batch_and_the_top_class_for_an_index_past_the_end():
    image = torch.zeros(2, 1, 16, 24)
    image[0, 0, 2:6, 15:21] = 1.0
    image[1, 0, 4:14, 1:12] = 1.0  # brighter than the first: its scores must not be read as the first's
    alone, _ = grad_cam(_Spotter(), image[:1], "conv")
    first, index = grad_cam(_Spotter(), image, "conv")
    assert index == 1 and np.array_equal(first, alone)
    _, index = grad_cam(_Spotter(), image[:1], "conv", class_index=2)  # two classes: 2 is past the end
    assert index == 1  # the top class: the image is bright, class 1's evidence


class _TwoChannels(nn.Module):
    """Two maps of one image, x and 1 - x (a 1×1 convolution), averaged and weighed 2 and 1 for class 0: Grad-CAM
    weighs each map by its own mean gradient, 2x + (1 - x) = x + 1, which min-max scales to the image itself."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 1)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(2, 1, bias=False)
        with torch.no_grad():
            self.conv.weight.copy_(torch.tensor([1.0, -1.0]).view(2, 1, 1, 1))
            self.conv.bias.copy_(torch.tensor([0.0, 1.0]))
            self.fc.weight.copy_(torch.tensor([[2.0, 1.0]]))

    def forward(self, x):
        return self.fc(self.flatten(self.pool(self.conv(x))))


def test_grad_cam_weighs_each_map_by_its_own_gradient():
    image = torch.rand(1, 1, 8, 8, generator=torch.Generator().manual_seed(0))
    cam, _ = grad_cam(_TwoChannels(), image, "conv", class_index=0)
    x = image[0, 0].numpy()
    np.testing.assert_allclose(cam, (x - x.min()) / (x.max() - x.min()), atol=1e-5)  # one weight for both: flat
