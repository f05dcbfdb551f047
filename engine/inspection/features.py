"""Activations and Grad-CAM for one image, and the engine-thread handlers that serve the feature-map page.

Layers are the rows of :func:`engine.models.analysis.analyze`, so the page's layer slider and the diagram count the
same rows. Their outputs are taken with torchvision's feature extraction (a torch.fx graph that returns every
row's tensor, function rows such as a ResNet's ``add`` included), or with forward hooks, removed in
``finally``, for a model that torch.fx cannot trace. While capturing, in-place activations are switched to
out-of-place, because an in-place ReLU would overwrite the batch norm output that was captured before it.

Grad-CAM (Selvaraju et al., 2017): the gradient of the class score with respect to the last layer that still
has a spatial map, averaged over the map, weights that layer's channels; the weighted sum, through a ReLU and
scaled to the input's size, shows where the image speaks for the class. The map is min-max scaled, as
pytorch-grad-cam does: 0 is its weakest cell and 1 its strongest, so a map whose cells are all positive shows
no floor. It assumes non-negative (ReLU) activations; a tanh network (LeNet-5) carries signed activations on
the background as well, and its map lights the background beside the strokes -- occlusion sensitivity
(``engine.inspection.occlusion``), computed after it for every image, does not depend on the activation.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import sys
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor, nn
from torch.nn import functional
from torchvision.transforms.v2 import functional as tvf

from engine.data.images import LoadedImage, centre_square, image_or_refusal
from engine.inspection.occlusion import occlusion_map, occlusion_window
from engine.models.analysis import TRACING, analyze
from engine.models.hooks import run_watching_leaves
from engine.models.weights import LoadedModel, Preprocessing, cache_path, download_weights, load_model
from engine.models.zoo import get_info
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = [
    "MAX_CHANNELS_SHOWN",
    "MAX_MAP_SIZE",
    "MAX_VALUES_SHOWN",
    "POINTWISE_LAYER",
    "POINTWISE_MODEL",
    "cam_layer_of",
    "download_weights_events",
    "full_outputs",
    "page_model",
    "first_layer_filters",
    "grad_cam",
    "inspect_image_events",
    "layer_activations",
    "pointwise_example_events",
    "preprocess",
]

# The page shows at most this many channel maps of a layer, each at most MAX_MAP_SIZE pixels a side, and at most
# MAX_VALUES_SHOWN values in all: a 16×16 grid of 56×56 maps (ResNet's first stage), or 8×8 maps of 112×112 (its
# stem, sent as computed), about what a grid on the screen can show; few enough to send all of VGG-16 at once.
MAX_CHANNELS_SHOWN = 256
MAX_MAP_SIZE = 112
MAX_VALUES_SHOWN = 256 * 56 * 56
_SHOWN = (MAX_CHANNELS_SHOWN, MAX_MAP_SIZE, MAX_VALUES_SHOWN)
# The NiN page's example: GoogLeNet's 1×1 convolution that takes maxpool2's 192 channels to 16 for the 5×5 branch.
POINTWISE_MODEL, POINTWISE_INPUT, POINTWISE_LAYER = "googlenet", "maxpool2", "inception3a.branch3.0"
_Shrink = tuple[int, int, int | None]  # max_channels, max_size, max_values: see layer_activations
_KEPT_MODELS = 2  # VGG-16 alone is half a gigabyte: keep the model on screen and the one before it
_CAM_KINDS = ("conv", "act", "norm", "add", "concat")
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's malloc.h


# ---------------------------------------------------------------- public functions


def layer_activations(model: nn.Module, batch_tensor: Tensor, layer_names: Sequence[str] | None = None,
                      max_channels: int = 64, max_size: int = 64,
                      max_values: int | None = None) -> dict[str, np.ndarray]:
    """Every (or the named) layer's output for the first sample of a batch, downsampled for display.

    Parameters
    ----------
    model : nn.Module
        Any module; it runs in eval mode without gradients, and its modes and in-place flags are restored.
    batch_tensor : Tensor
        A batch on the model's device, e.g. (N, C, H, W).
    layer_names : sequence of str, optional
        Row names of ``engine.models.analysis.analyze(model, batch_tensor.shape[1:])`` (``"input"``, ``"conv1"``,
        ``"layer1.0.add"``...); all rows when None.
    max_channels, max_size : int
        At most this many channels (the first ones), each average-pooled to at most ``max_size`` pixels a side (a last
        row or column that does not fill a pooling window is left out).
    max_values : int, optional
        At most this many values per layer, channels times pixels: the maps of a layer with many channels are
        pooled further. No limit when None.

    Returns
    -------
    dict of str to numpy.ndarray
        In row order: read-only ``float32`` arrays (C, H, W). A vector (a dense layer's output) becomes one map
        laid out row by row, NaN past its end, at most ``max_size`` × ``max_size`` values.

    Raises
    ------
    UserInputError
        For a layer name that is not a row of the model's analysis.
    """
    structure = _structure(model)
    shape = tuple(batch_tensor.shape[1:])
    names = list(layer_names) if layer_names is not None else _row_names(model, shape, structure)
    outputs = _capture(model, names, (max_channels, max_size, max_values), structure=structure)(batch_tensor)
    return {name: _for_display(outputs[name]) for name in names}


def first_layer_filters(model: nn.Module) -> np.ndarray:
    """The first convolution's filters as images.

    Returns
    -------
    numpy.ndarray
        ``float32`` (C_out, kh, kw, 3 or 1) in [0, 1], 0.5 meaning a zero weight: all filters share one scale
        (the largest absolute weight), so a strong filter looks strong. Filters that read other than 1 or 3
        channels are averaged over them.

    Raises
    ------
    UserInputError
        When the model has no 2-D convolution.
    """
    conv = next((m for m in model.modules() if isinstance(m, nn.Conv2d)), None)
    if conv is None:
        raise UserInputError(f"{type(model).__name__} has no convolution whose filters could be shown")
    weight = conv.weight.detach().float().cpu()
    if weight.shape[1] not in (1, 3):
        weight = weight.mean(dim=1, keepdim=True)
    scale = float(weight.abs().max()) or 1.0
    return (weight.permute(0, 2, 3, 1) / (2 * scale) + 0.5).numpy().astype(np.float32)


def grad_cam(model: nn.Module, batch_tensor: Tensor, layer: str, class_index: int | None = None,
             output_layer: str | None = None) -> tuple[np.ndarray, int]:
    """Grad-CAM of one class for the first sample of a batch.

    Parameters
    ----------
    model : nn.Module
        A classifier (runs in eval mode; its modes are restored).
    batch_tensor : Tensor
        (N, C, H, W) on the model's device.
    layer : str
        A row name with a spatial output, usually :func:`cam_layer_of`'s.
    class_index : int, optional
        The class to explain; the top class when None or out of range.
    output_layer : str, optional
        The row whose output holds the class scores; the last row when None.

    Returns
    -------
    cam : numpy.ndarray
        ``float32`` (H, W), the input's size, min-max scaled to [0, 1]; all zeros when the map is flat
        (nothing speaks for the class more in one place than another).
    class_index : int
        The class explained.

    Raises
    ------
    UserInputError
        When ``layer`` has no spatial map (a dense layer, or a map of one pixel).
    """
    output_layer = output_layer or _row_names(model, tuple(batch_tensor.shape[1:]))[-1]
    outputs = _capture(model, [layer, output_layer], shrink=None)(batch_tensor[:1], grad=True)
    scores = outputs[output_layer].reshape(1, -1)
    if class_index is None or not 0 <= class_index < scores.shape[1]:
        class_index = int(scores.argmax())
    activation = outputs[layer]
    if activation.dim() != 4 or activation.shape[2] * activation.shape[3] < 2:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "Grad-CAM needs a layer with a spatial map; {layer} gives {shape}: choose a convolution or "
                      "pooling layer before the network flattens its maps"),
            layer=layer, shape="x".join(map(str, activation.shape[1:]))))
    (gradient,) = torch.autograd.grad(scores[0, class_index], activation)
    return _weighted_map(activation, gradient, tuple(batch_tensor.shape[2:])), class_index


def _weighted_map(activation: Tensor, gradient: Tensor, size: tuple[int, int]) -> np.ndarray:
    """Grad-CAM's map from a layer's activation and the class score's gradient there, at ``size``, in [0, 1]."""
    with torch.no_grad():
        weights = gradient.mean(dim=(2, 3), keepdim=True)
        cam = functional.relu((weights * activation).sum(dim=1, keepdim=True))
        cam = functional.interpolate(cam, size=size, mode="bilinear", align_corners=False)
        low, high = float(cam.min()), float(cam.max())
        cam = (cam - low) / (high - low) if high > low else torch.zeros_like(cam)
    return cam[0, 0].float().cpu().numpy()


def _activation_before(rows, layer: str) -> str:
    """The activation function (lower case: "relu", "tanh") of the last activation row up to ``layer``."""
    names = [row.name for row in rows]
    upto = rows[:names.index(layer) + 1] if layer in names else rows
    return next((row.op.lower() for row in reversed(upto) if row.kind == "act"), "")


def cam_layer_of(rows) -> str:
    """The row Grad-CAM looks at: the last one that still has a spatial map (before global pooling)."""
    spatial = [row for row in rows if row.kind in _CAM_KINDS and len(row.output_shape) == 3
               and row.output_shape[1] * row.output_shape[2] > 1]
    if not spatial:
        raise UserInputError("this model has no layer with a spatial map to explain")
    return spatial[-1].name


def preprocess(pixels: np.ndarray, preprocessing: Preprocessing) -> tuple[Tensor, np.ndarray, bool]:
    """An RGB image as a model takes it.

    Parameters
    ----------
    pixels : numpy.ndarray
        ``uint8`` (H, W, 3).
    preprocessing : Preprocessing
        Channels, resize, crop and normalisation of the model.

    Returns
    -------
    batch : Tensor
        ``float32`` (1, C, crop, crop) on the CPU, normalised.
    crop : numpy.ndarray
        ``uint8`` (crop, crop, 3) or (crop, crop) for one channel: what the model sees, before normalisation.
    inverted : bool
        True when a one-channel image was dark on light and was inverted: the digit networks learn light
        strokes on a dark background (the embedded digits, MNIST), and a digit drawn on paper is the opposite.
    """
    image = torch.from_numpy(np.array(centre_square(pixels), dtype=np.uint8)).permute(2, 0, 1)  # a writable copy
    if preprocessing.channels == 1:
        image = tvf.rgb_to_grayscale(image)
    image = tvf.resize(image, [preprocessing.resize] * 2, interpolation=tvf.InterpolationMode.BILINEAR,
                       antialias=True)
    image = tvf.center_crop(image, [preprocessing.crop])
    inverted = preprocessing.channels == 1 and _light_background(image[0])
    if inverted:
        image = 255 - image
    batch = image.float().div(255.0)
    if preprocessing.mean:
        batch = tvf.normalize(batch, list(preprocessing.mean), list(preprocessing.std))
    crop = image.permute(1, 2, 0).numpy()
    return batch[None], crop[..., 0] if preprocessing.channels == 1 else crop, inverted


# ---------------------------------------------------------------- engine-thread handlers


def inspect_image_events(worker, request: ev.InspectImage) -> Iterator[ev.Event]:
    """Serve an ``InspectImage`` request: feature maps and top-5 first, then Grad-CAM.

    Gives up as soon as a newer request from the same sender waits (latest wins). A bad image ends in
    ``ImageRefused``; a weights file that does not fit in ``WeightsRefused``, then the model's own weights.
    """
    _check_takes_images(request.model)
    frames_before = worker.owned(FramesServed).count(request.sender)
    try:
        prepared = worker.owned(_Models).get(request.model, request.weights_file, worker.device)
    except UserInputError as error:
        if not request.weights_file:
            raise
        yield ev.WeightsRefused(request.model, request.weights_file, str(error))
        prepared = worker.owned(_Models).get(request.model, "", worker.device)
    if worker.superseded(request):
        return
    image = yield from image_or_refusal(worker, request)
    if image is None:
        return
    if worker.superseded(request):
        return
    batch, crop, inverted = preprocess(image.pixels, prepared.loaded.preprocessing)
    batch = batch.to(worker.device)
    maps = _feature_maps(prepared, request, image, batch, crop, inverted)
    yield maps
    if _outrun(worker, request, frames_before):
        return
    cam, index = grad_cam(prepared.loaded.module, batch, prepared.cam_layer, request.cam_class,
                          prepared.rows[-1].name)
    yield ev.GradCamReady(maps.model, index, prepared.loaded.classes[index], prepared.cam_layer, _read_only(cam),
                          _activation_before(prepared.rows, prepared.cam_layer))
    if _outrun(worker, request, frames_before):
        return
    size = min(batch.shape[2:])
    patch, stride = occlusion_window(size)

    def between_batches() -> bool:
        # One forward pass per covered image: give up for a newer image or a stop. Interleaved requests are not
        # served from here: they would run inside the occlusion's no_grad (and Grad-CAM needs gradients).
        return worker.stopping or _outrun(worker, request, frames_before)

    drop = occlusion_map(prepared.loaded.module, batch, index, patch, stride, batch_size=64 if size <= 64 else 4,
                         should_stop=between_batches)
    if drop is not None:
        yield ev.OcclusionReady(maps.model, index, prepared.loaded.classes[index], patch, stride, _read_only(drop))


def _outrun(worker, request: ev.InspectImage, frames_before: int) -> bool:
    """A newer image or a live frame from the same view waits, or a frame of it has been served since this image
    came (frames are served between its steps): this image's Grad-CAM and occlusion would come too late to be
    seen, as the view shows the newer one."""
    return (worker.superseded(request) or worker.waiting(("InspectFrame", request.sender))
            or worker.owned(FramesServed).count(request.sender) != frames_before)


class FramesServed:
    """How many live frames (``InspectFrame``) of each sender the engine has served (owned by the worker)."""

    def __init__(self) -> None:
        self._counts: dict[int, int] = {}

    def count(self, sender: int) -> int:
        return self._counts.get(sender, 0)

    def add(self, sender: int) -> None:
        self._counts[sender] = self.count(sender) + 1


def _feature_maps(prepared: _Prepared, request: ev.InspectImage, image: LoadedImage, batch: Tensor,
                  crop: np.ndarray, inverted: bool) -> ev.FeatureMapsReady:
    """Every row's maps and the top-5 of one preprocessed image, from a single forward pass."""
    outputs = prepared.capture(batch)
    scores = outputs[f"raw:{prepared.rows[-1].name}"].reshape(1, -1)
    layers = tuple(ev.LayerMaps(row.index, row.name, row.kind, row.op, row.output_shape,
                                _for_display(outputs[row.name]), row.paper_name) for row in prepared.rows)
    loaded = prepared.loaded
    return ev.FeatureMapsReady(
        model=loaded.name, source=image.source, name=image.name, notes=image.notes,
        original_size=image.original_size, crop=_read_only(crop), model_input=_read_only(batch[0].cpu().numpy()),
        mean=loaded.preprocessing.mean, std=loaded.preprocessing.std, layers=layers,
        predictions=_top(scores, loaded.classes), filters=prepared.filters, filters_layer=prepared.filters_layer,
        weights=loaded.status, cam_layer=prepared.cam_layer, inverted=inverted,
    )


def download_weights_events(worker, request: ev.DownloadWeights) -> Iterator[ev.Event]:
    """Serve a ``DownloadWeights`` request: progress after every chunk, then ``WeightsDownloaded``."""
    for done, total in download_weights(request.model):
        yield ev.WeightsDownloadProgress(request.model, done, total)
    worker.owned(_Models).forget(request.model)  # the next image is run with the downloaded weights
    yield ev.WeightsDownloaded(request.model, str(cache_path(request.model)))


def pointwise_example_events(worker, request: ev.ExplainPointwise) -> Iterator[ev.Event]:
    """Serve ``ExplainPointwise`` with GoogLeNet's 1×1 bottleneck in front of inception 3a's 5×5 branch: 192
    channels to 16, the lecture's cost example. One pixel's weighted sum is worked out on its own, beside what
    the convolution gave there."""
    prepared = worker.owned(_Models).get(POINTWISE_MODEL, "", worker.device)
    if worker.superseded(request):
        return
    image = yield from image_or_refusal(worker, request)
    if image is None:
        return
    module = prepared.loaded.module
    batch, _, _ = preprocess(image.pixels, prepared.loaded.preprocessing)
    names = [POINTWISE_INPUT, f"{POINTWISE_LAYER}.conv", f"{POINTWISE_LAYER}.relu"]
    captured = _capture(module, names, _SHOWN)(batch.to(worker.device))
    inputs, convolved, outputs = (_for_display(captured[name]) for name in names)
    channel = int(outputs.reshape(len(outputs), -1).max(axis=1).argmax())
    row, column = (int(i) for i in np.unravel_index(outputs[channel].argmax(), outputs[channel].shape))
    conv = module.get_submodule(f"{POINTWISE_LAYER}.conv")
    weights = _read_only(conv.weight[channel, :, 0, 0].detach().float().cpu().numpy())
    pixel = _read_only(inputs[:, row, column].copy())
    weighted_sum = float(np.dot(weights.astype(np.float64), pixel.astype(np.float64)))
    if conv.bias is not None:
        weighted_sum += float(conv.bias[channel])
    yield ev.PointwiseExampleReady(
        POINTWISE_MODEL, POINTWISE_LAYER, image.name, prepared.loaded.status, inputs, outputs, channel, row, column,
        pixel, weights, weighted_sum, float(convolved[channel, row, column]), float(outputs[channel, row, column]),
        float(np.mean(outputs == 0)))


def page_model(worker, name: str, weights_file: str = "") -> tuple[LoadedModel, tuple, tuple]:
    """The model ``name`` as the feature-map page runs it (built once, kept by the worker), its analysis' rows
    and edges.

    Raises
    ------
    UserInputError
        For a model that takes feature maps rather than an image, or a weights file that does not fit.
    """
    _check_takes_images(name)
    prepared = worker.owned(_Models).get(name, weights_file, worker.device)
    return prepared.loaded, prepared.rows, prepared.edges


def full_outputs(model: nn.Module, names: Sequence[str]) -> Callable[..., dict[str, Tensor]]:
    """A capture of the named rows' whole outputs, made as the page's is (in-place operations off).

    Call it as ``capture(batch, grad=False)``; with ``grad``, gradients flow back to ``outputs["input"]``
    (include ``"input"`` in ``names``). Not kept in the page's own cache (a few captures per model), so that
    asking for many different rows never evicts the page's capture; the caller keeps it as long as it wants.
    """
    return _Capture(model, list(names), shrink=None)


# ---------------------------------------------------------------- models kept on the engine thread


@dataclass(frozen=True)
class _Prepared:
    """A loaded model with what every image needs: its rows, its capture, its filters and Grad-CAM layer."""

    loaded: LoadedModel
    rows: tuple
    capture: _Capture
    filters: np.ndarray | None
    filters_layer: str
    cam_layer: str
    edges: tuple = ()


class _Models:
    """Models built for the pages, newest last: built once, reused for every image (owned by the worker)."""

    def __init__(self, size: int = _KEPT_MODELS) -> None:
        self._size = size
        self._entries: OrderedDict[tuple, _Prepared] = OrderedDict()

    def get(self, name: str, weights_file: str, device) -> _Prepared:
        key = (get_info(name).name, weights_file, str(device))
        kept = self._entries.get(key)
        if kept is not None and kept.loaded.status.kind == "random" and _weights_now_on_disk(key[0]):
            del self._entries[key]  # fetched since (Prepare for class, a download): rebuild with them
        if key not in self._entries:
            while len(self._entries) >= self._size:
                self._entries.popitem(last=False)
            self._entries[key] = _prepare(load_model(name, weights_file or None), device)
        self._entries.move_to_end(key)
        return self._entries[key]

    def forget(self, name: str) -> None:
        for key in [key for key in self._entries if key[0] == get_info(name).name]:
            del self._entries[key]


def _weights_now_on_disk(name: str) -> bool:
    cached = cache_path(name)
    return cached is not None and cached.is_file()


def _prepare(loaded: LoadedModel, device) -> _Prepared:
    module = loaded.module.to(device)
    preprocessing = loaded.preprocessing
    # The real module at the real input size: the rows are those of analyze(name) (the diagram's), with the
    # shapes of this input and of this output layer (a checkpoint may have its own classes).
    analysis = analyze(module, (preprocessing.channels, preprocessing.crop, preprocessing.crop))
    rows = analysis.rows
    conv = next(((name, m) for name, m in module.named_modules() if isinstance(m, nn.Conv2d)), None)
    filters = first_layer_filters(module) if conv else None
    capture = _capture(module, [row.name for row in rows], _SHOWN, [rows[-1].name])
    return _Prepared(loaded, rows, capture,
                     None if filters is None else _read_only(filters), conv[0] if conv else "", cam_layer_of(rows),
                     analysis.edges)


def _check_takes_images(name: str) -> None:
    info = get_info(name)
    channels, height, width = info.input_shape
    if channels not in (1, 3):
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{model} takes {channels} feature maps of {height}×{width}, not an image; pick a whole network "
            "to see an image's feature maps"), model=info.title, channels=channels, height=height, width=width))


# ---------------------------------------------------------------- images


def _light_background(gray: Tensor) -> bool:
    border = torch.cat([gray[:2].flatten(), gray[-2:].flatten(), gray[:, :2].flatten(), gray[:, -2:].flatten()])
    return float(border.float().mean()) > 127.5


def _top(scores: Tensor, classes: Sequence[str], k: int = 5) -> tuple[ev.Prediction, ...]:
    probabilities = torch.softmax(scores.detach().float()[0], dim=0)
    values, indices = probabilities.topk(min(k, probabilities.numel()))
    return tuple(ev.Prediction(int(i), classes[int(i)] if int(i) < len(classes) else str(int(i)), float(p))
                 for p, i in zip(values.tolist(), indices.tolist(), strict=True))


def _read_only(array: np.ndarray) -> np.ndarray:
    array = np.ascontiguousarray(array)
    array.setflags(write=False)
    return array


# ---------------------------------------------------------------- capture


class _Capture:
    """Runs a model and returns the named rows' outputs (``"input"`` is the input itself).

    In-place operations are switched off while it runs (a ReLU after a batch norm then writes a new tensor
    rather than over the norm's output), so every output can be kept as it is, without a copy, and gradients
    can flow back to them (Grad-CAM). With ``shrink=(max_channels, max_size, max_values)``, every output is cut to the
    first sample's first channels and average-pooled the moment it is computed, inside the forward. The rows
    in ``raw`` are also returned whole, under ``"raw:" + name``.
    """

    def __init__(self, model: nn.Module, names: Sequence[str], shrink: _Shrink | None,
                 raw: Sequence[str] = ()) -> None:
        _reuse_freed_memory()
        self._model = weakref.ref(model)
        self._modules = tuple(model.modules())  # looked up once: walking the tree costs 1% of a forward
        self._in_place = tuple(m for m in self._modules if getattr(m, "inplace", False) is True)
        self.names, self._shrink, self._raw = tuple(names), shrink, tuple(raw)
        wanted = [name for name in self.names if name != "input"]
        self._graph = _feature_extractor(model, wanted, shrink, self._raw)
        if self._graph is None:
            _check_leaf_names(model, wanted)

    def __call__(self, batch: Tensor, grad: bool = False) -> dict[str, Tensor]:
        model = self._model()
        # Without gradients, inference mode: views (every kept map is one) then carry no autograd bookkeeping.
        no_grad = torch.set_grad_enabled(True) if grad else torch.inference_mode()
        with _eval_mode(self._modules), _out_of_place(self._in_place), no_grad:
            if grad:
                batch = batch.detach().requires_grad_(True)  # a graph even for a model without trainable weights
            if self._graph is not None:
                if self._graph.training:
                    self._graph.eval()  # switches to the eval graph; its modules are the model's
                outputs = self._graph(batch)
            else:
                outputs = _hooked(model, self.names, batch, self._shrink, self._raw)
        if "input" not in self.names:
            return outputs
        return {"input": _shrunk(batch, *self._shrink) if self._shrink else batch, **outputs}


def _reuse_freed_memory() -> None:
    """Let glibc keep freed memory for reuse rather than give it back to the system at once (Linux only).

    A capture leaves tens of megabytes of maps beside the forward pass (25 MB for ResNet-18). With glibc's
    defaults that memory goes back to the kernel after each image and is faulted in again for the next one,
    which costs a fifth of a forward pass on the CPU; kept, it costs nothing. Blocks above 64 MiB still get
    their own mapping, and more than 256 MiB free at the top of the heap is still given back.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # another C library (musl): nothing to tune
        return
    mallopt(_M_MMAP_THRESHOLD, 64 << 20)
    mallopt(_M_TRIM_THRESHOLD, 256 << 20)


def _check_leaf_names(model: nn.Module, names: list[str]) -> None:
    known = {name for name, module in model.named_modules() if not any(module.children())}
    unknown = [name for name in names if name.rsplit("_", 1)[0] not in known and name not in known]
    if unknown:
        raise UserInputError(f"{type(model).__name__} has no layer named {unknown[0]!r}")


_CAPTURES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_ROWS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _structure(model: nn.Module) -> tuple[int, ...]:
    """Which modules make up ``model`` now: a key that changes when one of them is replaced."""
    return tuple(map(id, model.modules()))


def _capture(model: nn.Module, names: Sequence[str], shrink: _Shrink | None,
             raw: Sequence[str] = (), structure: tuple[int, ...] | None = None) -> _Capture:
    """The model's capture of ``names``, made once; remade when the model's modules have been replaced."""
    key = (tuple(names), shrink, tuple(raw), structure or _structure(model))
    kept = _CAPTURES.setdefault(model, {})
    if key not in kept:
        if len(kept) > 4:  # the page's capture, Grad-CAM's, and a few a caller asked for
            kept.clear()
        kept[key] = _Capture(model, names, shrink, raw)
    return kept[key]


def _row_names(model: nn.Module, shape: tuple[int, ...], structure: tuple[int, ...] | None = None) -> list[str]:
    key = (shape, structure or _structure(model))
    kept = _ROWS.setdefault(model, {})
    if key not in kept:
        kept.clear()
        with _eval_mode(model.modules()):
            kept[key] = [row.name for row in analyze(model, shape).rows]
    return kept[key]


def _feature_extractor(model: nn.Module, names: list[str], shrink: _Shrink | None, raw: Sequence[str]):
    """torchvision's feature extractor for ``names``, adapted as :class:`_Capture` says; None if untraceable."""
    from torchvision.models.feature_extraction import create_feature_extractor, get_graph_node_names

    with TRACING, _eval_mode(model.modules()):  # one trace at a time (engine.models.analysis says why)
        try:
            extractor = create_feature_extractor(model, return_nodes={name: name for name in names})
        except Exception:  # noqa: BLE001 - torch.fx raises many kinds for code it cannot follow
            try:
                known = set(get_graph_node_names(model)[1])
            except Exception:  # noqa: BLE001 - untraceable: hooks will do
                return None
            unknown = [name for name in names if name not in known]
            raise UserInputError(f"{type(model).__name__} has no layer named {unknown[0]!r}") from None
    for graph in (extractor.train_graph, extractor.eval_graph):
        _out_of_place_calls(graph)
        if shrink:
            _shrink_outputs(graph, shrink, raw)
    extractor.recompile()
    return extractor


def _shrink_outputs(graph, shrink: _Shrink, raw: Sequence[str]) -> None:
    output = next(node for node in graph.nodes if node.op == "output")
    returned = dict(output.args[0])
    for name, node in list(returned.items()):
        with graph.inserting_after(node):  # shrunk at once, so that the full-size output is freed as usual
            returned[name] = graph.call_function(_shrunk, (node, *shrink))
        if name in raw:
            returned[f"raw:{name}"] = node
    output.args = (returned,)


def _out_of_place_calls(graph) -> None:
    for node in graph.nodes:
        if node.kwargs.get("inplace"):  # F.relu(x, inplace=True)
            node.kwargs = {**node.kwargs, "inplace": False}
        elif node.op == "call_method" and _in_place_method(node.target):  # x.relu_(), x.add_(y)
            node.target = node.target[:-1]


def _in_place_method(name: str) -> bool:
    return name.endswith("_") and not name.startswith("_") and hasattr(Tensor, name[:-1])


def _hooked(model: nn.Module, names: Sequence[str], batch: Tensor, shrink: _Shrink | None,
            raw: Sequence[str]) -> dict[str, Tensor]:
    """Leaf-module outputs by row name (a module's second call is ``name_1``), with hooks removed after."""
    wanted = set(names)
    outputs: dict[str, Tensor] = {}

    def record(call_name: str, module, args, output) -> None:
        if call_name in wanted and isinstance(output, Tensor):
            # Copied now: an in-place operation inside the model's own code must not change it.
            outputs[call_name] = (_shrunk(output, *shrink) if shrink else output).clone()
            if call_name in raw:
                outputs[f"raw:{call_name}"] = output.clone()

    run_watching_leaves(model, batch, record)
    return outputs


def _shrunk(output: Tensor, max_channels: int, max_size: int, max_values: int | None) -> Tensor:
    """The first sample's output, cut for display and still with its batch axis: at most ``max_channels`` maps
    of at most ``max_size`` pixels a side and ``max_values`` values in all (average-pooled), or a vector's
    first ``max_size`` squared values.

    An output that needs no cut is returned as it is, neither copied (copying every layer's output costs a
    tenth of a forward pass on the CPU; the capture switches in-place operations off so nothing changes it
    later) nor viewed (a view per layer costs 1% more); the rest of a batch is let go.
    """
    if output.shape[0] > 1:
        return _shrunk(output[:1], max_channels, max_size, max_values).clone()
    if output.dtype != torch.float32:
        output = output.float()
    if output.dim() != 4:
        return output.flatten(1)[:, : max_size * max_size]
    channels, height, width = output.shape[1:]
    if max_values is not None:
        max_size = max(1, min(max_size, math.isqrt(max_values // min(channels, max_channels))))
    factor = math.ceil(max(height, width) / max_size)
    if factor == 1:
        return output if channels <= max_channels else output[:, :max_channels]
    maps = output[:, :max_channels]
    # Summing strided slices, rows first (each slice then reads whole rows) and then columns, is average pooling
    # (a last row or column that does not fill a window is left out), several times faster on the CPU than the
    # pooling kernels for these shapes.
    height, width = height // factor * factor, width // factor * factor
    rows = _sum_of(maps[..., i:height:factor, :] for i in range(factor))
    pooled = _sum_of(rows[..., j:width:factor] for j in range(factor))
    return pooled.mul_(1 / (factor * factor))


def _sum_of(parts: Iterable[Tensor]) -> Tensor:
    parts = iter(parts)
    total = next(parts) + next(parts)
    for part in parts:
        total += part
    return total


@contextlib.contextmanager
def _eval_mode(modules: Iterable[nn.Module]):
    """All ``modules`` (e.g. ``model.modules()``) in eval mode for a while."""
    training = [module for module in modules if module.training]
    for module in training:
        module.training = False
    try:
        yield
    finally:
        for module in training:
            module.training = True


@contextlib.contextmanager
def _out_of_place(modules: Iterable[nn.Module]):
    """The in-place ones of ``modules`` (e.g. ``model.modules()``) computing out of place for a while."""
    flagged = [m for m in modules if getattr(m, "inplace", False) is True]
    for module in flagged:
        module.inplace = False
    try:
        yield
    finally:
        for module in flagged:
            module.inplace = True


def _for_display(shrunk: Tensor) -> np.ndarray:
    """A :func:`_shrunk` output as a read-only numpy array (C, H, W); a vector laid out row by row, NaN after."""
    values = shrunk.numpy(force=True)[0]  # from any device; a view when it is on the CPU already
    if values.ndim == 3:
        return _read_only(values)
    width = max(1, math.ceil(math.sqrt(values.size)))
    laid_out = np.full(math.ceil(values.size / width) * width, np.nan, dtype=np.float32)
    laid_out[: values.size] = values
    return _read_only(laid_out.reshape(1, -1, width))
