"""Immutable messages that cross the boundary between the GUI thread and the engine thread.

Only frozen dataclasses of plain values and numpy arrays live here, never tensors or Qt objects, so a
message can be read on either thread without locks (DESIGN.md, house rule 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = [
    "Request",
    "Event",
    "SetDevice",
    "Analyze",
    "DescribeZoo",
    "DescribeInception",
    "InceptionReady",
    "EngineStateChanged",
    "DeviceReady",
    "AnalysisReady",
    "ZooReady",
    "ZooEntry",
    "RequestFailed",
    "WeightsStatus",
    "InspectImage",
    "DownloadWeights",
    "LayerMaps",
    "Prediction",
    "FeatureMapsReady",
    "GradCamReady",
    "ImageRefused",
    "WeightsRefused",
    "WeightsDownloadProgress",
    "WeightsDownloaded",
]


# ---------------------------------------------------------------- requests (GUI -> engine)


@dataclass(frozen=True)
class Request:
    """Base of every request. ``channel`` groups requests where only the newest one matters."""

    @property
    def channel(self) -> str | None:
        """Requests on the same channel replace each other while waiting (latest wins); None queues."""
        return None

    @property
    def interleave(self) -> bool:
        """True for quick requests (an analysis, an image's feature maps, a stop button) that the engine
        serves between two batches of a long job, such as a training run, instead of after it."""
        return False


@dataclass(frozen=True)
class SetDevice(Request):
    """Choose the compute device: ``"auto"`` (CUDA, then MPS, then CPU), ``"cuda"``, ``"mps"`` or ``"cpu"``."""

    preference: str = "auto"


@dataclass(frozen=True)
class Analyze(Request):
    """Layer analysis of one zoo model; ``input_shape`` (C, H, W) of None means the model's own.

    ``slot`` names who asks (a page, a panel): a newer request from the same slot replaces a waiting one,
    requests from different slots are all served.
    """

    model: str
    input_shape: tuple[int, int, int] | None = None
    slot: str = "main"

    @property
    def channel(self) -> str | None:
        return f"analyze:{self.slot}"

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True)
class DescribeZoo(Request):
    """One summary row for every model in the zoo (the overview page)."""


@dataclass(frozen=True)
class DescribeInception(Request):
    """Every GoogLeNet Inception module, naive and with 1×1 reductions (the Inception page)."""

    @property
    def interleave(self) -> bool:
        return True


# ---------------------------------------------------------------- events (engine -> GUI)


@dataclass(frozen=True)
class Event:
    """Base of every event. Events with the same non-None ``coalesce_key`` may be thinned to the newest."""

    @property
    def coalesce_key(self) -> str | None:
        return None


@dataclass(frozen=True)
class EngineStateChanged(Event):
    """``state`` is one of ``starting``, ``idle``, ``busy``, ``stopped``; ``detail`` says what it is busy with."""

    state: str
    detail: str = ""

    @property
    def coalesce_key(self) -> str | None:
        return "engine-state"


@dataclass(frozen=True)
class DeviceReady(Event):
    """The device now in use. ``kind`` is ``cuda``, ``mps`` or ``cpu``; ``name`` is for people (a GPU's name)."""

    kind: str
    name: str
    available: tuple[str, ...] = ("cpu",)
    torch_version: str = ""


@dataclass(frozen=True)
class AnalysisReady(Event):
    """The layer analysis of ``model`` at ``input_shape`` (an ``engine.analysis.Analysis``, itself frozen)."""

    model: str
    input_shape: tuple[int, int, int]
    analysis: object


@dataclass(frozen=True)
class ZooEntry:
    """One model's line on the overview page; every figure comes from ``engine.analysis``."""

    name: str
    title: str
    section: str
    year: int
    input_shape: tuple[int, int, int]
    depth: int
    params: int
    macs: int
    top1: float | None
    authors: str
    paper: str
    ideas_en: tuple[str, ...]
    ideas_ko: tuple[str, ...]


@dataclass(frozen=True)
class ZooReady(Event):
    entries: tuple[ZooEntry, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class InceptionReady(Event):
    """``breakdowns``: ``engine.cost.InceptionBreakdown`` per module, in GoogLeNet's order (frozen)."""

    breakdowns: tuple = ()


@dataclass(frozen=True)
class RequestFailed(Event):
    """A request that could not be served; ``message`` is a sentence for people, already specific."""

    request: str
    message: str


# ---------------------------------------------------------------- feature maps of one image (issue 4)


@dataclass(frozen=True)
class WeightsStatus:
    """Where a model's weights came from: ``kind`` is ``shipped`` (resources/weights), ``cache`` (torchvision's
    published weights in the user's torch hub cache), ``file`` (a file the user picked) or ``random`` (none
    found: the predictions mean nothing). ``detail`` says what the weights are (``digits, epoch 12``,
    ``ResNet18_Weights.IMAGENET1K_V1``); ``downloadable`` is True when torchvision publishes weights for the
    model (``download_bytes`` long) that are not in the cache; ``problem`` says why a file that should have
    given weights could not (damaged), empty when none."""

    kind: str
    path: str = ""
    detail: str = ""
    downloadable: bool = False
    download_bytes: int = 0
    problem: str = ""


@dataclass(frozen=True, eq=False)
class InspectImage(Request):
    """Run ``model`` on one image: every layer's maps, top-5 and Grad-CAM.

    The image is the file at ``path`` (decoded on the engine thread) or ``pixels`` (``uint8`` (H, W, 3), e.g.
    pasted), called ``name`` in captions. ``cam_class`` picks Grad-CAM's class (None: the top one);
    ``weights_file`` a state-dict file to use instead of the model's own weights. ``request_id`` comes back in
    the events. Latest wins per ``slot``, and it is served between the batches of a training run.
    """

    model: str
    path: str = ""
    pixels: np.ndarray | None = None
    name: str = ""
    cam_class: int | None = None
    weights_file: str = ""
    request_id: int = 0
    slot: str = "features"

    @property
    def channel(self) -> str | None:
        return f"inspect:{self.slot}"

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True)
class DownloadWeights(Request):
    """Download torchvision's published weights of ``model`` into the user's torch hub cache (online only)."""

    model: str

    @property
    def channel(self) -> str | None:
        return f"download:{self.model}"


@dataclass(frozen=True, eq=False)
class LayerMaps:
    """One row of ``engine.analysis.analyze(model).rows`` (``index``, ``name``, ``kind``, ``op``) with its output
    for the image: ``shape`` is the full per-sample output shape, ``maps`` the first channels, downsampled for
    display: ``float32`` (C, H, W); a vector is laid out row by row in one map, NaN past its end."""

    index: int
    name: str
    kind: str
    op: str
    shape: tuple[int, ...]
    maps: np.ndarray


@dataclass(frozen=True)
class Prediction:
    """One of the top classes: output ``index``, its ``name`` and softmax ``probability`` (0..1)."""

    index: int
    name: str
    probability: float


@dataclass(frozen=True, eq=False)
class FeatureMapsReady(Event):
    """One image through one model.

    ``crop`` is the image as the model takes it before normalisation (``uint8`` (H, W, 3), or (H, W) for a
    one-channel model); ``model_input`` the normalised tensor it gets (``float32`` (C, H, W)), with ``mean``
    and ``std`` (empty: not normalised). ``notes`` say what ``engine.images`` did to the file on the way;
    ``inverted`` is True when a dark-on-light image was inverted for a digit network. ``filters`` are the
    first convolution's weights, (C_out, kh, kw, 1 or 3) in [0, 1] (None without one), named
    ``filters_layer``. ``cam_layer`` is the layer Grad-CAM will look at.
    """

    model: str
    source: str
    name: str
    notes: tuple[str, ...]
    original_size: tuple[int, int]
    crop: np.ndarray
    model_input: np.ndarray
    mean: tuple[float, ...]
    std: tuple[float, ...]
    layers: tuple[LayerMaps, ...]
    predictions: tuple[Prediction, ...]
    filters: np.ndarray | None
    filters_layer: str
    weights: WeightsStatus
    cam_layer: str
    inverted: bool = False
    request_id: int = 0
    slot: str = "features"


@dataclass(frozen=True, eq=False)
class GradCamReady(Event):
    """Grad-CAM of class ``class_index`` (``class_name``) at ``layer``: ``cam`` is ``float32`` (H, W) in [0, 1],
    the size of ``FeatureMapsReady.crop``; all zeros when nothing in the image speaks for the class."""

    model: str
    class_index: int
    class_name: str
    layer: str
    cam: np.ndarray
    request_id: int = 0
    slot: str = "features"


@dataclass(frozen=True)
class ImageRefused(Event):
    """The image at ``source`` cannot be shown; ``message`` says why (``engine.images``)."""

    source: str
    message: str
    request_id: int = 0
    slot: str = "features"


@dataclass(frozen=True)
class WeightsRefused(Event):
    """The weights file at ``path`` does not fit ``model``; the model ran with its own weights instead."""

    model: str
    path: str
    message: str
    slot: str = "features"


@dataclass(frozen=True)
class WeightsDownloadProgress(Event):
    model: str
    done: int
    total: int

    @property
    def coalesce_key(self) -> str | None:
        return f"download:{self.model}"


@dataclass(frozen=True)
class WeightsDownloaded(Event):
    """torchvision's weights of ``model`` are now in the cache at ``path``: ask again to use them."""

    model: str
    path: str
