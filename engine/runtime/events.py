"""Immutable messages that cross the boundary between the GUI thread and the engine thread.

Only frozen dataclasses of plain values and numpy arrays live here, never tensors or Qt objects, so a
message can be read on either thread without locks (docs/ARCHITECTURE.md, house rule 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:  # annotations only: the window starts without loading numpy
    import numpy as np

__all__ = [
    "Request",
    "Event",
    "RequestDone",
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
    "MakeThumbnails",
    "ThumbnailReady",
    "ImageRequest",
    "ExplainPointwise",
    "InspectImage",
    "DownloadWeights",
    "LayerMaps",
    "Prediction",
    "FeatureMapsReady",
    "GradCamReady",
    "OcclusionReady",
    "ImageRefused",
    "WeightsRefused",
    "WeightsDownloadProgress",
    "WeightsDownloaded",
    "PointwiseExampleReady",
    "InspectUnit",
    "UnitComputation",
    "UnitExplained",
    "PreviewAugmentations",
    "AugmentedImage",
    "AugmentationsReady",
    "StartTraining",
    "PauseTraining",
    "ResumeTraining",
    "StopTraining",
    "ListRuns",
    "LoadRun",
    "TrainingStarted",
    "TrainingProgress",
    "TrainingEpoch",
    "TrainingProbe",
    "TrainingPaused",
    "CheckpointSaved",
    "TrainingFinished",
    "TrainingFailed",
    "RunSummary",
    "RunsListed",
    "RunMetrics",
    "RunLoaded",
    "StartDepthSweep",
    "StopDepthSweep",
    "DepthSweepStarted",
    "DepthRunProgress",
    "DepthRunFinished",
    "DepthSweepFinished",
    "StartExperiment",
    "StopExperiment",
    "ExperimentStarted",
    "ExperimentRunProgress",
    "ExperimentRunFinished",
    "ExperimentFinished",
    "TrainingAugmented",
    "PreparationItem",
    "PageWeights",
    "Readiness",
    "CheckReadiness",
    "ReadinessReady",
    "StartPreparation",
    "CancelPreparation",
    "PreparationProgress",
    "ItemPrepared",
    "ItemFailed",
    "PreparationFinished",
    "ShowDatasetSamples",
    "DatasetSamplesReady",
    "InspectFrame",
    "FrameMapsReady",
]


# ---------------------------------------------------------------- requests (GUI -> engine)


@dataclass(frozen=True)
class Request:
    """Base of every request (docs/ARCHITECTURE.md, "Requests and replies").

    ``request_id`` is given by the bridge when the request is sent; every event that answers it, a failure
    included, carries it back, so the answer reaches whoever asked. ``sender`` numbers who asked: a request
    kind that is ``latest_wins`` replaces a waiting request of the same kind from the same sender.
    """

    request_id: int = field(default=0, kw_only=True)
    sender: int = field(default=0, kw_only=True)

    latest_wins: ClassVar[bool] = False

    @property
    def channel(self) -> tuple | None:
        """Requests on the same channel replace each other while waiting (latest wins); None queues."""
        return (type(self).__name__, self.sender) if self.latest_wins else None

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
    """Layer analysis of one zoo model; ``input_shape`` (C, H, W) of None means the model's own. Latest wins."""

    model: str
    input_shape: tuple[int, int, int] | None = None

    latest_wins: ClassVar[bool] = True

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
    """Base of every event. ``request_id`` is the request it answers (the worker sets it), 0 for what every
    view may want (the device, the engine's state). Events with the same non-None ``coalesce_key`` may be
    thinned to the newest."""

    request_id: int = field(default=0, kw_only=True)

    prompt: ClassVar[bool] = False  # delivered as soon as it comes, not at the bridge's next tick

    @property
    def coalesce_key(self) -> str | None:
        return None


@dataclass(frozen=True)
class RequestDone(Event):
    """The engine has finished with request ``request_id`` (served, failed or replaced by a newer one): no
    more events will answer it, so the bridge forgets who asked."""


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
    """The layer analysis of ``model`` at ``input_shape`` (an ``engine.models.analysis.Analysis``, itself frozen)."""

    model: str
    input_shape: tuple[int, int, int]
    analysis: object


@dataclass(frozen=True)
class ZooEntry:
    """One model's line on the overview page; every figure comes from ``engine.models.analysis``."""

    name: str
    title: str
    section: str
    year: int
    input_shape: tuple[int, int, int]
    paper_depth: int        # the depth the paper quotes: layers with parameters on the longest path
    weighted_modules: int   # convolution and dense modules, projection shortcuts and parallel branches too
    params: int
    macs: int
    top1: float | None
    authors: str
    paper: str
    ideas_en: tuple[str, ...]
    ideas_ko: tuple[str, ...]
    top1_version: str = ""  # the torchvision weights version ``top1`` belongs to ("V1")
    weights_figures: tuple = ()  # engine.models.accuracy.WeightsFigure per published version (frozen)
    paper_figure: object = None  # engine.models.accuracy.PaperFigure: what the paper itself reports, or None


@dataclass(frozen=True)
class ZooReady(Event):
    entries: tuple[ZooEntry, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class InceptionReady(Event):
    """``breakdowns``: ``engine.inspection.cost.InceptionBreakdown`` per module, in GoogLeNet's order (frozen)."""

    breakdowns: tuple = ()


@dataclass(frozen=True)
class RequestFailed(Event):
    """A request that could not be served; ``message`` is a sentence for people, already specific. ``request``
    names the request's kind, for the log and the status bar (answers are matched by ``request_id``)."""

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
    given weights could not (damaged), empty when none; ``dataset`` names what a checkpoint was trained on."""

    kind: str
    path: str = ""
    detail: str = ""
    downloadable: bool = False
    download_bytes: int = 0
    problem: str = ""
    dataset: str = ""  # the data set a checkpoint was trained on ("digits", "mnist"); empty when not recorded


@dataclass(frozen=True, eq=False)
class InspectImage(Request):
    """Run ``model`` on one image: every layer's maps, top-5 and Grad-CAM.

    The image is the file at ``path`` (decoded on the engine thread) or ``pixels`` (``uint8`` (H, W, 3), e.g.
    pasted), called ``name`` in captions. ``cam_class`` picks Grad-CAM's class (None: the top one);
    ``weights_file`` a state-dict file to use instead of the model's own weights. Latest wins, and it is
    served between the batches of a training run.
    """

    model: str
    path: str = ""
    pixels: np.ndarray | None = None
    name: str = ""
    cam_class: int | None = None
    weights_file: str = ""

    latest_wins: ClassVar[bool] = True

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True)
class DownloadWeights(Request):
    """Download torchvision's published weights of ``model`` into the user's torch hub cache (online only)."""

    model: str

    @property
    def channel(self) -> tuple | None:
        return ("DownloadWeights", self.model)  # one download per file, whoever asks


@dataclass(frozen=True, eq=False)
class LayerMaps:
    """One row of ``engine.models.analysis.analyze(model).rows`` (``index``, ``name``, ``kind``, ``op``) with its output
    for the image: ``shape`` is the full per-sample output shape, ``maps`` the first channels, downsampled for
    display: ``float32`` (C, H, W); a vector is laid out row by row in one map, NaN past its end."""

    index: int
    name: str
    kind: str
    op: str
    shape: tuple[int, ...]
    maps: np.ndarray
    paper_name: str = ""  # the row's name in its paper ("C3", "conv5_3"), as in the analysis


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
    and ``std`` (empty: not normalised). ``notes`` say what ``engine.data.images`` did to the file on the way;
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


@dataclass(frozen=True, eq=False)
class GradCamReady(Event):
    """Grad-CAM of class ``class_index`` (``class_name``) at ``layer``: ``cam`` is ``float32`` (H, W) in [0, 1],
    the size of ``FeatureMapsReady.crop``; all zeros when nothing in the image speaks for the class."""

    model: str
    class_index: int
    class_name: str
    layer: str
    cam: np.ndarray
    activation: str = ""  # the activation at ``layer`` ("relu", "tanh"): Grad-CAM assumes a non-negative one


@dataclass(frozen=True)
class OcclusionReady(Event):
    """Occlusion sensitivity of class ``class_index``: ``drop`` is ``float32`` (H, W), the size of
    ``FeatureMapsReady.crop``, the mean drop of the class's probability when a ``patch``-pixel grey square
    (moved by ``stride``) covered each pixel; negative where covering raised it (``engine.inspection.occlusion``)."""

    model: str
    class_index: int
    class_name: str
    patch: int
    stride: int
    drop: np.ndarray


@dataclass(frozen=True)
class ImageRefused(Event):
    """The image at ``source`` cannot be shown; ``message`` says why (``engine.data.images``)."""

    source: str
    message: str


@dataclass(frozen=True)
class WeightsRefused(Event):
    """The weights file at ``path`` does not fit ``model``; the model ran with its own weights instead."""

    model: str
    path: str
    message: str


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


@dataclass(frozen=True)
class MakeThumbnails(Request):
    """Small pictures of image files for the recent strip, at most ``size`` pixels a side. Every request is
    served (none replaces another); served between the batches of a training run."""

    paths: tuple[str, ...]
    size: int = 96

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True, eq=False)
class ThumbnailReady(Event):
    """The picture of ``path`` (``uint8`` (H, W, 3)); a file that cannot be read gets none."""

    path: str
    pixels: np.ndarray


@dataclass(frozen=True, eq=False)
class ImageRequest(Request):
    """Run one image given as in :class:`InspectImage` (``path``, or ``pixels`` called ``name``) through a page's
    demonstration. Latest wins; served between the batches of a training run."""

    path: str = ""
    pixels: np.ndarray | None = None
    name: str = ""

    latest_wins: ClassVar[bool] = True

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True, eq=False)
class ExplainPointwise(ImageRequest):
    """Run the image up to a 1×1 convolution of a real network and show that it is a fully connected layer
    applied at every pixel (the NiN page). Latest wins."""


@dataclass(frozen=True, eq=False)
class PointwiseExampleReady(Event):
    """A 1×1 convolution (``layer`` of ``model``: a convolution, batch norm and ReLU) on one image.

    ``inputs`` are the maps it gets (``float32`` (C_in, H, W)), ``outputs`` what comes out after the batch
    norm and ReLU (C_out, H, W). At the pixel (``row``, ``column``) of output channel ``channel``, the
    weighted sum of that pixel's ``pixel_inputs`` (C_in values) with the filter's ``filter_weights`` (C_in
    values), computed on its own, is ``weighted_sum``; the convolution gave ``conv_value`` there, and
    ``output_value`` after the batch norm and ReLU. ``zeroed`` is the fraction of outputs the ReLU set to 0.
    """

    model: str
    layer: str
    name: str
    weights: WeightsStatus
    inputs: np.ndarray
    outputs: np.ndarray
    channel: int
    row: int
    column: int
    pixel_inputs: np.ndarray
    filter_weights: np.ndarray
    weighted_sum: float
    conv_value: float
    output_value: float
    zeroed: float


@dataclass(frozen=True, eq=False)
class InspectUnit(Request):
    """One unit of one layer on one image (the image as in :class:`InspectImage`): what it sees and how it is
    computed. ``layer`` is a row index of ``engine.models.analysis.analyze(model).rows``; ``unit`` is
    (channel, y, x) in that row's full-size output (for a vector: (unit, 0, 0)). Latest wins (stepping the unit
    across the map sends one request per step); served between the batches of a training run."""

    model: str
    layer: int
    unit: tuple[int, int, int]
    path: str = ""
    pixels: np.ndarray | None = None
    name: str = ""
    weights_file: str = ""

    latest_wins: ClassVar[bool] = True

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True, eq=False)
class UnitComputation:
    """How a convolution computes one output value, worked out on its own beside what the network gave.

    The convolution ``layer`` (a row name; its ``kernel``, ``stride``, ``padding``) reads the input window whose
    top-left corner is (``top``, ``left``) in its input map (negative: inside the zero padding). ``patch`` are
    the window's values of the input channels its filter reads (``float32`` (C, kh, kw), zeros in the padding),
    ``weights`` the filter (same shape), ``products`` their element-wise products and ``channel_sums`` each
    channel's sum of products (C,). ``total`` is their sum plus ``bias`` (float64 arithmetic), ``conv_value``
    what the convolution gave. ``after`` are the rows applied next up to the clicked one (batch norm,
    activation) as (name, op, value) -- the last value is the one in the feature map. ``inside`` (bool
    (kh, kw)) is False where the window lies in the padding.
    """

    layer: str
    in_channels: int
    kernel: tuple[int, int]
    stride: tuple[int, int]
    padding: tuple[int, int]
    top: int
    left: int
    patch: np.ndarray
    weights: np.ndarray
    products: np.ndarray
    channel_sums: np.ndarray
    bias: float
    total: float
    conv_value: float
    after: tuple[tuple[str, str, float], ...]
    inside: np.ndarray


@dataclass(frozen=True, eq=False)
class UnitExplained(Event):
    """The answer to :class:`InspectUnit`.

    ``value`` is the unit's output. Its theoretical receptive field is ``rf_size`` (height, width) pixels of
    the model's input (for a concatenation, that of the branch its channel comes from), of which ``box`` =
    (top, left, bottom, right; bottom and right exclusive) lies inside the image. ``effective`` is its
    effective receptive field (Luo et al., 2016): the magnitude of the unit's gradient with respect to every
    input pixel (summed over the input channels), ``float32`` (H, W) scaled to a peak of 1 (all zeros when
    the gradient is zero). ``computation`` works the unit out when its layer is a convolution, or an
    activation or norm right after one; None otherwise.
    """

    model: str
    layer: int
    layer_name: str
    channel: int
    y: int
    x: int
    value: float
    rf_size: tuple[int, int] | None
    box: tuple[int, int, int, int] | None
    effective: np.ndarray
    computation: UnitComputation | None


@dataclass(frozen=True, eq=False)
class PreviewAugmentations(ImageRequest):
    """Random examples of each augmentation method on the image (the augmentation page), drawn from ``seed``.
    Latest wins."""

    seed: int = 0


@dataclass(frozen=True, eq=False)
class AugmentedImage:
    """One example: ``method`` (``engine.data.augmentation.METHODS``), its ``pixels`` (``uint8`` (H, W, 3)) and the
    ``parameters`` drawn for it (see ``engine.data.augmentation.augment``)."""

    method: str
    pixels: np.ndarray
    parameters: tuple[float, ...]


@dataclass(frozen=True, eq=False)
class AugmentationsReady(Event):
    """The image ``name`` as the examples start from (``original``: its centre square, ``uint8`` (H, W, 3)) and
    the ``examples``, method by method in the lecture's order."""

    name: str
    original: np.ndarray
    examples: tuple[AugmentedImage, ...]
    seed: int


# ---------------------------------------------------------------- training (engine.learning: training, runs)


@dataclass(frozen=True)
class StartTraining(Request):
    """Train a model; ``config`` is an ``engine.learning.training.TrainConfig`` (frozen). A long job: the engine serves
    quick requests, Pause/Resume/StopTraining among them, between its batches."""

    config: object

    latest_wins: ClassVar[bool] = True


@dataclass(frozen=True)
class _TrainingControl(Request):
    @property
    def channel(self) -> tuple | None:
        return ("TrainingControl", self.sender)  # pause, resume and stop replace each other: the last click wins

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True)
class PauseTraining(_TrainingControl):
    """Hold the running training run after its current batch."""


@dataclass(frozen=True)
class ResumeTraining(_TrainingControl):
    """Let a paused training run go on."""


@dataclass(frozen=True)
class StopTraining(_TrainingControl):
    """End the running training run after its current batch; its files stay intact."""


@dataclass(frozen=True)
class ListRuns(Request):
    """The training runs saved in ``folder`` (answered by ``RunsListed``)."""

    folder: str

    latest_wins: ClassVar[bool] = True

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True)
class LoadRun(Request):
    """The metrics of the saved run in the folder ``path`` (answered by ``RunLoaded``)."""

    path: str

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True)
class TrainingStarted(Event):
    """A run has begun; ``config`` is its ``engine.learning.training.TrainConfig``; epochs count from 1, steps from 1.

    ``first_epoch`` is above 1 when the run resumes a checkpoint; ``label`` names the run for people.
    """

    run_id: str
    run_dir: str
    label: str
    config: object
    classes: tuple[str, ...]
    device: str
    first_epoch: int
    epochs: int
    steps_per_epoch: int
    train_images: int
    test_images: int


@dataclass(frozen=True, eq=False)
class TrainingProgress(Event):
    """After every batch. ``phase`` is ``train`` or ``test`` (the evaluation after each epoch); ``done`` and
    ``total`` count the batches of the whole run (training and testing together).

    ``steps``, ``losses``, ``smoothed`` and ``lrs`` are the run's whole per-step history so far (read-only
    arrays that the engine never changes again), so a view that only sees the newest event draws every step.
    """

    run_id: str
    phase: str
    epoch: int
    done: int
    total: int
    images_per_second: float
    seconds_left: float
    steps: np.ndarray
    losses: np.ndarray
    smoothed: np.ndarray
    lrs: np.ndarray

    @property
    def coalesce_key(self) -> str | None:
        return f"training-progress:{self.run_id}"


@dataclass(frozen=True)
class TrainingEpoch(Event):
    """One epoch's figures: losses are mean cross-entropy, accuracies fractions in [0, 1]; ``lr`` at its end."""

    run_id: str
    epoch: int
    step: int
    train_loss: float
    train_accuracy: float
    test_loss: float
    test_accuracy: float
    lr: float
    seconds: float


@dataclass(frozen=True, eq=False)
class TrainingProbe(Event):
    """What the network makes of one test image now: ``image`` (H, W) or (H, W, 3) in [0, 1]; ``maps`` pairs
    a layer's name with its output (C, h, w); ``filters`` is the first convolution's (C_out, kh, kw, 1 or 3)
    in [0, 1], 0.5 meaning a zero weight."""

    run_id: str
    step: int
    label: str
    prediction: str
    image: np.ndarray
    maps: tuple[tuple[str, np.ndarray], ...]
    filters: np.ndarray | None

    @property
    def coalesce_key(self) -> str | None:
        return f"training-probe:{self.run_id}"


@dataclass(frozen=True)
class TrainingPaused(Event):
    """The run has stopped between two batches (``paused`` True) or goes on again (False)."""

    run_id: str
    paused: bool


@dataclass(frozen=True)
class CheckpointSaved(Event):
    """``path`` was written (atomically) after ``epoch``; ``best`` when it is the best test accuracy so far."""

    run_id: str
    path: str
    epoch: int
    best: bool


@dataclass(frozen=True)
class TrainingFinished(Event):
    """The run ended normally or was stopped (``stopped``); its files are complete either way."""

    run_id: str
    run_dir: str
    stopped: bool
    epochs_done: int
    test_accuracy: float | None
    best_test_accuracy: float | None
    seconds: float


@dataclass(frozen=True)
class TrainingFailed(Event):
    """The run could not go on. ``reason`` is ``diverged`` (loss NaN or infinite) or ``out_of_memory``;
    ``message`` is a sentence for people; ``checkpoint`` the last good one kept ("" if none)."""

    run_id: str
    run_dir: str
    reason: str
    message: str
    checkpoint: str


@dataclass(frozen=True)
class RunSummary:
    """One saved run in a runs folder, for a list to choose from.

    ``status`` is what the run's files say (``running``, ``finished``, ``stopped``, ``failed``), or
    ``interrupted`` (it says running but no process records it any more), or ``damaged`` (its files cannot be
    read; ``problem`` says why). ``problem`` also holds why a run stopped or failed, when its files say.
    """

    run_id: str
    path: str
    label: str
    model: str
    dataset: str
    status: str
    epochs_done: int
    epochs: int
    best_test_accuracy: float | None
    problem: str = ""


@dataclass(frozen=True)
class RunsListed(Event):
    folder: str
    runs: tuple[RunSummary, ...]


@dataclass(frozen=True, eq=False)
class RunMetrics:
    """A run's curves as saved: per step (``steps``, ``losses``, ``smoothed``, ``lrs``) and per epoch
    (``epochs`` and the rest, accuracies as fractions); all read-only numpy arrays."""

    run_id: str
    path: str
    label: str
    steps: np.ndarray
    losses: np.ndarray
    smoothed: np.ndarray
    lrs: np.ndarray
    epochs: np.ndarray
    train_loss: np.ndarray
    train_accuracy: np.ndarray
    test_loss: np.ndarray
    test_accuracy: np.ndarray


@dataclass(frozen=True)
class RunLoaded(Event):
    metrics: RunMetrics


# ---------------------------------------------------------------- plain against residual (engine/learning/depth.py)


@dataclass(frozen=True)
class StartDepthSweep(Request):
    """Train plain and residual networks side by side; ``config`` is an ``engine.learning.depth.DepthConfig`` (frozen).
    A long job: the engine serves quick requests, ``StopDepthSweep`` among them, between its steps."""

    config: object

    latest_wins: ClassVar[bool] = True


@dataclass(frozen=True)
class StopDepthSweep(Request):
    """End the running sweep after its current step, or only the run ``run`` (a zoo name, e.g. ``plain56``)."""

    run: str = ""

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True)
class DepthSweepStarted(Event):
    """``runs``: an ``engine.learning.depth.DepthRun`` per network, before its first step (its parameters known)."""

    config: object
    runs: tuple
    device: str
    train_images: int
    test_images: int


@dataclass(frozen=True, eq=False)
class DepthRunProgress(Event):
    """After each step of one run: ``run`` is its whole record so far (a read-only ``DepthRun``)."""

    run: object

    @property
    def coalesce_key(self) -> str | None:
        return f"depth-progress:{self.run.model}"


@dataclass(frozen=True, eq=False)
class DepthRunFinished(Event):
    """One run has ended (``run.status``: finished, stopped or diverged), with its test error when measured."""

    run: object


@dataclass(frozen=True, eq=False)
class DepthSweepFinished(Event):
    """The sweep has ended (``stopped`` when cut short) and its ``DepthResult`` is saved at ``path``."""

    result: object
    path: str
    stopped: bool


# ---------------------------------------------------------------- preparing for class (issue 14)


@dataclass(frozen=True)
class PreparationItem:
    """One line of the checklist: ``key`` (a zoo name for weights, ``mnist``, ``cifar10``, ``cifar100``),
    ``kind`` (``weights`` or ``data``), ``title`` for people, ``size`` in bytes to download (as published),
    ``present`` when it is on this computer, ``fetched`` bytes of an interrupted download waiting to be resumed,
    ``path`` where it goes and ``pages`` the lecture sections that use it."""

    key: str
    kind: str
    title: str
    size: int
    present: bool
    fetched: int = 0
    path: str = ""
    pages: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """``present``, ``partial`` (a download to resume) or ``missing``."""
        return "present" if self.present else "partial" if self.fetched else "missing"


@dataclass(frozen=True)
class PageWeights:
    """What the feature-map page of zoo model ``model`` (in lecture section ``section``) shows: ``weights`` is
    ``shipped``, ``cache`` (torchvision's, prepared) or ``random``; ``item`` the checklist key that gives it
    trained weights (empty when none is published)."""

    section: str
    model: str
    title: str
    weights: str
    item: str = ""


@dataclass(frozen=True)
class Readiness:
    """The offline readiness report: the checklist, every page's weights, and the data sets the training panel
    can use now (``digits`` always)."""

    items: tuple[PreparationItem, ...]
    pages: tuple[PageWeights, ...]
    training_sets: tuple[str, ...]

    @property
    def missing_bytes(self) -> int:
        return sum(item.size - min(item.fetched, item.size) for item in self.items if not item.present)


@dataclass(frozen=True)
class CheckReadiness(Request):
    """Look, offline, at what is on this computer (answered by ``ReadinessReady``); ``data_root`` empty: the
    app's data folder."""

    data_root: str = ""

    latest_wins: ClassVar[bool] = True

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True)
class ReadinessReady(Event):
    readiness: Readiness


@dataclass(frozen=True)
class StartPreparation(Request):
    """Fetch the checklist items ``keys`` (in this order) that are not yet here; a long job, stopped by
    ``CancelPreparation`` between two chunks."""

    keys: tuple[str, ...]
    data_root: str = ""

    latest_wins: ClassVar[bool] = True


@dataclass(frozen=True)
class CancelPreparation(Request):
    """Stop the running preparation after its current chunk; what was fetched stays."""

    latest_wins: ClassVar[bool] = True

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True)
class PreparationProgress(Event):
    """Item ``key``: ``done`` of ``total`` bytes at ``rate`` bytes a second, ``seconds_left`` (None: unknown);
    ``stage`` is ``download`` or ``unpack``. ``overall_*``: the same for every item of the run together."""

    key: str
    done: int
    total: int
    rate: float
    seconds_left: float | None
    overall_done: int
    overall_total: int
    overall_seconds_left: float | None
    stage: str = "download"

    @property
    def coalesce_key(self) -> str | None:
        return f"prepare:{self.key}"


@dataclass(frozen=True)
class ItemPrepared(Event):
    """Item ``key`` is on this computer now, verified, at ``path``."""

    key: str
    path: str


@dataclass(frozen=True)
class ItemFailed(Event):
    """Item ``key`` could not be fetched; ``message`` says why and what to do."""

    key: str
    message: str


@dataclass(frozen=True)
class PreparationFinished(Event):
    """The run ended: ``cancelled`` by the user or not; ``prepared`` and ``failed`` keys; the new report."""

    cancelled: bool
    prepared: tuple[str, ...]
    failed: tuple[str, ...]
    readiness: Readiness


@dataclass(frozen=True)
class ShowDatasetSamples(Request):
    """Real samples of data set ``name`` (``digits``, ``mnist``, ``cifar10``, ``cifar100``), ``per_class`` of
    each class, from its test split (answered by ``DatasetSamplesReady``)."""

    name: str
    per_class: int = 8
    data_root: str = ""

    @property
    def channel(self) -> tuple | None:
        return ("ShowDatasetSamples", self.name, self.sender)  # latest wins per data set and sender

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True, eq=False)
class DatasetSamplesReady(Event):
    """``images``: ``uint8`` (classes, per_class, H, W, 3), row ``i`` the first test images of class
    ``classes[i]`` (fewer than ``per_class``: black, ``counts[i]`` says how many are real); ``message`` is
    empty, or says why there are no samples (``images`` then has no rows)."""

    name: str
    classes: tuple[str, ...]
    images: np.ndarray
    counts: tuple[int, ...]
    message: str = ""


# ---------------------------------------------------------------- experiments (engine/learning/experiments)


@dataclass(frozen=True)
class StartExperiment(Request):
    """Run one experiment; ``config`` is an ``engine.learning.experiments.result.ExperimentConfig`` (frozen). A long
    job: the engine serves quick requests, ``StopExperiment`` among them, between its steps."""

    config: object

    latest_wins: ClassVar[bool] = True


@dataclass(frozen=True)
class StopExperiment(Request):
    """End the running experiment after its current step, or only the run ``run`` (``variant/seed``)."""

    run: str = ""

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True, eq=False)
class ExperimentStarted(Event):
    """``result``: an ``ExperimentResult`` with status ``running`` and every run before its first step (its
    figures known before training, e.g. parameters, already filled in)."""

    result: object


@dataclass(frozen=True, eq=False)
class ExperimentRunProgress(Event):
    """After each step of one run: ``run`` is its whole record so far (a read-only ``ExperimentRun``)."""

    run: object

    @property
    def coalesce_key(self) -> str | None:
        return f"experiment-progress:{self.run.key}"


@dataclass(frozen=True, eq=False)
class ExperimentRunFinished(Event):
    """One run has ended (``run.status``: finished, stopped or diverged), with its final figures."""

    run: object


@dataclass(frozen=True, eq=False)
class ExperimentFinished(Event):
    """The experiment has ended (``stopped`` when cut short) and its ``ExperimentResult`` is saved at ``path``."""

    result: object
    path: str
    stopped: bool


@dataclass(frozen=True, eq=False)
class TrainingAugmented(Event):
    """A few images of the batch a run is training on, before and after its augmentation (``methods``, from
    ``engine.data.augmentation.METHODS``): ``originals`` and ``augmented`` are ``uint8`` (N, H, W) or
    (N, H, W, 3), read-only, image ``i`` of one made from image ``i`` of the other. Sent at the first batch of
    each epoch and every few seconds after, only when the run augments."""

    run_id: str
    step: int
    methods: tuple[str, ...]
    originals: np.ndarray
    augmented: np.ndarray

    @property
    def coalesce_key(self) -> str | None:
        return f"training-augmented:{self.run_id}"


@dataclass(frozen=True)
class InspectFrame(Request):
    """One live frame (``pixels``, ``uint8`` (H, W, 3)) through ``model``: only what the live view shows, the
    maps of row ``layer`` and the top-5, from one forward pass; with ``explain`` also Grad-CAM, from the same
    pass run with gradients. Answered by ``FrameMapsReady``.

    Frames of one sender replace each other while they wait in the engine's queue (the newest frame wins), but
    a newer frame does not cancel the answer to one already being served: the live view keeps a second frame
    waiting while the engine serves the first, so the engine never waits for the screen (docs/ARCHITECTURE.md,
    "Live frames").
    """

    model: str
    pixels: np.ndarray
    layer: int
    name: str = ""
    explain: bool = False
    weights_file: str = ""

    @property
    def channel(self) -> tuple | None:
        return ("InspectFrame", self.sender)

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True, eq=False)
class FrameMapsReady(FeatureMapsReady):
    """The answer to an ``InspectFrame``: a ``FeatureMapsReady`` whose ``layers`` hold every row, but only row
    ``computed`` has its maps (the others: an empty (0, 0, 0) array); ``cam`` is the frame's Grad-CAM when it
    was asked for. The bridge delivers it as soon as it comes rather than at its next tick (``prompt``)."""

    computed: int = 0
    cam: GradCamReady | None = None

    prompt: ClassVar[bool] = True
