"""Where each model's weights come from, offline first, and how each model wants its images.

In this order:

1. a state-dict file the user picked (a bare state dict or a CNN Casebook checkpoint);
2. weights that ship with the app in ``resources/weights/`` (LeNet-5, trained on the embedded handwritten
   digits: ``SHIPPED_FILES``);
3. torchvision's published ImageNet weights from the user's torch hub cache
   (``torch.hub.get_dir()/checkpoints/<file name of the weights' URL>``): the very file torchvision reads and
   writes, so weights that any torchvision program downloaded are found. They are downloaded into that cache
   only on request (:func:`download_weights`), never as a side effect;
4. otherwise the model keeps its random initial weights, and :class:`~engine.runtime.events.WeightsStatus` says so,
   so the page can say it plainly.

Files are read with ``torch.load(weights_only=True)``: no code from a file ever runs.
"""

from __future__ import annotations

import importlib
import inspect
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import torch
from torch import nn

from engine.data.downloads import RemoteFile, fetch, sha256_prefix_of
from engine.models.checkpoints import (
    FORMAT,
    SHIPPED_FILES,
    SHIPPED_WEIGHTS,
    UNREADABLE_WEIGHTS,
    Checkpoint,
    load_checkpoint,
    read_torch_file,
)
from engine.models.zoo import get_info, get_model
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text
from engine.runtime.events import WeightsStatus

__all__ = [
    "CIFAR10_CLASSES",
    "SHIPPED_FILES",
    "WEIGHTS_MIRROR_VARIABLE",
    "LoadedModel",
    "Preprocessing",
    "cache_path",
    "download_weights",
    "load_model",
    "load_state_file",
    "shipped_path",
    "weights_file",
    "weights_url",
]

# The CIFAR-10 classes in torchvision's label order: the outputs of a CIFAR network before any checkpoint names
# them (torchvision only knows them once the data set has been downloaded).
CIFAR10_CLASSES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
# ImageNet's normalisation and class names for ImageNet-sized models without published weights (alexnet2012):
# read from these weights' metadata, which ships with torchvision.
_IMAGENET_REFERENCE = "ResNet18_Weights.IMAGENET1K_V1"
# Set to a base URL, it replaces https://download.pytorch.org/models/ for every weights file (same file names).
WEIGHTS_MIRROR_VARIABLE = "CASEBOOK_WEIGHTS_URL"
# GoogLeNet's published weights expect ``transform_input=True``: the network re-normalises its ImageNet-
# normalised input to (x - 0.5) / 0.5. Normalising that way in the first place is the same arithmetic and keeps
# the module exactly the one the analysis describes.
_SELF_NORMALISING = {"googlenet": ((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))}


@dataclass(frozen=True)
class Preprocessing:
    """How a model wants its images: ``channels`` (1 or 3), the shorter side resized to ``resize`` pixels
    (bilinear, antialiased), the centre ``crop`` × ``crop`` kept, then ``(x - mean) / std`` per channel on
    values in [0, 1] (``mean``/``std`` empty: no normalisation)."""

    channels: int
    resize: int
    crop: int
    mean: tuple[float, ...] = ()
    std: tuple[float, ...] = ()


@dataclass(frozen=True)
class LoadedModel:
    """A zoo model in eval mode with its weights, the names of its outputs and its preprocessing.

    Stays on the engine thread (it holds a module); only ``status`` and plain values leave it.
    """

    name: str
    module: nn.Module
    status: WeightsStatus
    classes: tuple[str, ...]
    preprocessing: Preprocessing


def weights_url(name: str) -> str | None:
    """The URL of torchvision's published weights for zoo model ``name``; None when there are none."""
    weights = _torchvision_weights(name)
    return None if weights is None else weights.url


def cache_path(name: str) -> Path | None:
    """Where torchvision keeps (or would keep) the published weights of ``name``; None when there are none."""
    url = weights_url(name)
    if url is None:
        return None
    return Path(torch.hub.get_dir()) / "checkpoints" / Path(urlparse(url).path).name


def shipped_path(name: str) -> Path | None:
    """The shipped weights file of ``name`` (it may be missing in a checkout); None when none is planned."""
    file = SHIPPED_FILES.get(get_info(name).name)
    return None if file is None else SHIPPED_WEIGHTS / file


def load_model(name: str, weights_file: str | Path | None = None) -> LoadedModel:
    """Build zoo model ``name`` with the best weights available offline (see the module docstring).

    Parameters
    ----------
    name : str
        A zoo name.
    weights_file : str or Path, optional
        A state-dict file the user picked; it wins over every other source.

    Returns
    -------
    LoadedModel
        On the CPU, in eval mode. A damaged cache or shipped file does not fail: the model falls back to random
        weights and ``status.problem`` says what was wrong.

    Raises
    ------
    UserInputError
        For an unknown name, or a ``weights_file`` that cannot be read or does not fit the model (the message
        names the file, and the layers that do not match).
    """
    info = get_info(name)
    if weights_file:
        return _from_user_file(info.name, Path(weights_file))
    shipped = shipped_path(info.name)
    problem = ""
    if shipped is not None and shipped.is_file():
        try:
            return _from_checkpoint(info.name, load_checkpoint(shipped), WeightsStatus("shipped", str(shipped)))
        except UserInputError as error:
            problem = str(error)
    cached = cache_path(info.name)
    if cached is not None and cached.is_file():
        try:
            return _from_cache(info.name, cached)
        except UserInputError as error:
            problem = str(error)
    module = _built(info.name)
    status = WeightsStatus("random", downloadable=cached is not None, download_bytes=_download_size(info.name),
                           problem=problem)
    return LoadedModel(info.name, module, status, _default_classes(info.name, _outputs(module)),
                       _default_preprocessing(info.name))


def load_state_file(model: nn.Module, path: str | Path) -> Checkpoint | None:
    """Load the weights in ``path`` onto ``model`` (in place).

    Parameters
    ----------
    model : nn.Module
        The module to receive the weights.
    path : str or Path
        A bare state dict (``torch.save(model.state_dict(), path)``), a dict holding one under
        ``"state_dict"``, or a CNN Casebook checkpoint.

    Returns
    -------
    Checkpoint or None
        The checkpoint when the file is one (its classes and preprocessing apply), else None.

    Raises
    ------
    UserInputError
        When the file cannot be read, holds no state dict, or its keys or shapes do not match ``model``.
    """
    path = Path(path)
    state, checkpoint = _state_in(read_torch_file(path, UNREADABLE_WEIGHTS), path)
    _load_fitting(model, state, path.name, checkpoint.model if checkpoint else "")
    return checkpoint


def download_weights(name: str, should_stop=lambda: False) -> Iterator[tuple[int, int]]:
    """Download torchvision's published weights of ``name`` into the torch hub cache.

    A generator: it yields ``(bytes done, bytes in all)`` (0 when the server does not say) after every
    chunk, so the caller can show progress and stop it between chunks. The download itself is
    :func:`engine.data.downloads.fetch` (the one place that downloads): written next to its place as ``.partial``,
    checked against the SHA-256 prefix in its name (torchvision's convention) and only then renamed into place;
    a stopped or broken-off download keeps only its ``.partial``, from which the next attempt resumes.

    Raises
    ------
    UserInputError
        When the model has no published weights, the network cannot be reached, or the file is damaged.
    """
    remote = weights_file(name)
    if remote is None:
        raise UserInputError(f"torchvision publishes no weights for {get_info(name).title}")
    for progress in fetch(remote, should_stop):
        yield progress.done, progress.total


def weights_file(name: str) -> RemoteFile | None:
    """Zoo model ``name``'s published weights as a file to fetch (URL, place in the cache, size, SHA-256
    prefix); None when torchvision publishes none. ``CASEBOOK_WEIGHTS_URL`` replaces the folder of the URL
    (a mirror, or a test's local server)."""
    url = weights_url(name)
    target = cache_path(name)
    if url is None or target is None:
        return None
    mirror = os.environ.get(WEIGHTS_MIRROR_VARIABLE, "")
    if mirror:
        url = mirror.rstrip("/") + "/" + target.name
    return RemoteFile(url, target, _download_size(name), sha256_prefix_of(target.name))


# ---------------------------------------------------------------- sources


def _from_user_file(name: str, path: Path) -> LoadedModel:
    state, checkpoint = _state_in(read_torch_file(path, UNREADABLE_WEIGHTS), path)
    module = _built(name, **(_options_of(name, checkpoint) if checkpoint else {}))
    _load_fitting(module, state, path.name, checkpoint.model if checkpoint else "")
    if checkpoint is not None:
        return _described(name, module, checkpoint, WeightsStatus("file", str(path), _detail(checkpoint),
                                                                     dataset=checkpoint.dataset))
    return LoadedModel(name, module, WeightsStatus("file", str(path)), _default_classes(name, _outputs(module)),
                       _default_preprocessing(name))


def _state_in(payload, path: Path) -> tuple[dict, Checkpoint | None]:
    """The state dict in a loaded file, and the checkpoint around it when the file is one."""
    if isinstance(payload, dict) and payload.get("format") == FORMAT:
        checkpoint = load_checkpoint(path)
        return checkpoint.state_dict, checkpoint
    if isinstance(payload, dict) and isinstance(payload.get("state_dict"), dict):
        return payload["state_dict"], None
    if isinstance(payload, dict) and payload and all(isinstance(v, torch.Tensor) for v in payload.values()):
        return payload, None
    raise UserInputError(text(QT_TRANSLATE_NOOP(
        "engine", "{name} holds no state dict (a mapping of layer names to tensors)"), name=path.name))


def _from_checkpoint(name: str, checkpoint: Checkpoint, status: WeightsStatus) -> LoadedModel:
    module = _built(name, **_options_of(name, checkpoint))
    _load_fitting(module, checkpoint.state_dict, Path(status.path).name, checkpoint.model)
    status = WeightsStatus(status.kind, status.path, _detail(checkpoint), dataset=checkpoint.dataset)
    return _described(name, module, checkpoint, status)


def _from_cache(name: str, path: Path) -> LoadedModel:
    module = _built(name)
    state = read_torch_file(path, UNREADABLE_WEIGHTS)
    if not isinstance(state, dict):
        raise UserInputError(f"the cached weights {path} hold no state dict; delete the file to download again")
    _load_fitting(module, state, path.name, "")
    status = WeightsStatus("cache", str(path), get_info(name).torchvision_weights)
    categories = _torchvision_weights(name).meta["categories"]
    return LoadedModel(name, module, status, tuple(categories), _default_preprocessing(name))


def _described(name: str, module: nn.Module, checkpoint: Checkpoint, status: WeightsStatus) -> LoadedModel:
    """A model loaded from a checkpoint: its classes and input come from the checkpoint when it names them."""
    default = _default_preprocessing(name)
    channels, size = (checkpoint.input_shape[0], checkpoint.input_shape[-1]) if checkpoint.input_shape else (
        default.channels, default.crop)
    same_size = size == default.crop
    preprocessing = Preprocessing(channels, default.resize if same_size else size, size,
                                  tuple(checkpoint.mean), tuple(checkpoint.std))
    classes = checkpoint.classes or _default_classes(name, _outputs(module))
    return LoadedModel(name, module, status, tuple(classes), preprocessing)


def _options_of(name: str, checkpoint: Checkpoint) -> dict:
    """Builder options a checkpoint records in its config (LeNet-5's ``activation``...) and its class count
    (a model fine-tuned on its own classes has another output layer)."""
    module_name, function_name = get_info(name).builder.split(".")
    builder = getattr(importlib.import_module(f"engine.models.zoo.{module_name}"), function_name)
    accepted = set(inspect.signature(builder).parameters) - {"num_classes", "kwargs"}
    options = {key: value for key, value in checkpoint.config.items() if key in accepted}
    return options | ({"num_classes": len(checkpoint.classes)} if checkpoint.classes else {})


def _detail(checkpoint: Checkpoint) -> str:
    """What the checkpoint was trained on, e.g. ``digits, epoch 12``."""
    epoch = f"epoch {checkpoint.epoch}" if checkpoint.epoch else ""
    return ", ".join(part for part in (checkpoint.dataset or checkpoint.model, epoch) if part)


# ---------------------------------------------------------------- helpers


def _torchvision_weights(name: str):
    reference = get_info(name).torchvision_weights
    if reference is None:
        return None
    from torchvision.models import get_weight

    return get_weight(reference)


def _built(name: str, **options) -> nn.Module:
    return get_model(name, **options).eval()


def _outputs(module: nn.Module) -> int:
    last = [m for m in module.modules() if isinstance(m, nn.Linear | nn.Conv2d)][-1]
    return last.out_features if isinstance(last, nn.Linear) else last.out_channels


def _default_classes(name: str, outputs: int) -> tuple[str, ...]:
    info = get_info(name)
    if outputs == 1000:
        from torchvision.models import get_weight

        return tuple(get_weight(info.torchvision_weights or _IMAGENET_REFERENCE).meta["categories"])
    if info.input_shape[0] == 1 and outputs == 10:
        return tuple(str(digit) for digit in range(10))
    if info.input_shape[1:] == (32, 32) and outputs == 10:
        return CIFAR10_CLASSES
    return tuple(f"class {index}" for index in range(outputs))


def _default_preprocessing(name: str) -> Preprocessing:
    info = get_info(name)
    channels, _, size = info.input_shape
    if channels == 3 and size >= 64:
        from torchvision.models import get_weight

        transform = get_weight(info.torchvision_weights or _IMAGENET_REFERENCE).transforms()
        mean, std = _SELF_NORMALISING.get(info.name, (tuple(transform.mean), tuple(transform.std)))
        # The published ratio of resize to crop (256 / 224) carries over to other crop sizes (227 for 2012).
        resize = round(size * transform.resize_size[0] / transform.crop_size[0])
        return Preprocessing(3, resize, size, tuple(mean), tuple(std))
    return Preprocessing(channels, size, size)


def _load_fitting(model: nn.Module, state: dict, file_name: str, trained_for: str) -> None:
    """``model.load_state_dict(state)``, or a sentence naming the layers that do not fit."""
    state = {key: value for key, value in state.items() if not _absent_branch(model, key)}
    own = model.state_dict()
    missing = [key for key in own if key not in state]
    unexpected = [key for key in state if key not in own]
    reshaped = [key for key in own if key in state and tuple(state[key].shape) != tuple(own[key].shape)]
    if missing or unexpected or reshaped:
        problems = []
        if missing:
            problems.append(f"{len(missing)} weights missing (e.g. {missing[0]})")
        if unexpected:
            problems.append(f"{len(unexpected)} unknown (e.g. {unexpected[0]})")
        if reshaped:
            key = reshaped[0]
            problems.append(f"{len(reshaped)} of another shape (e.g. {key}: file "
                            f"{_shape(state[key])}, model {_shape(own[key])})")
        values = dict(name=file_name, model=type(model).__name__, problems="; ".join(problems), origin=trained_for)
        if trained_for:
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "{name} does not fit {model} (it was saved from {origin}): {problems}"), **values))
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{name} does not fit {model}: {problems}"), **values))
    model.load_state_dict(state)


def _absent_branch(model: nn.Module, key: str) -> bool:
    # torchvision's GoogLeNet weights carry the auxiliary classifiers, which the zoo's model leaves out
    # (attribute set to None): their keys are dropped rather than refused.
    head = key.split(".", 1)[0]
    return hasattr(model, head) and getattr(model, head) is None


def _shape(tensor) -> str:
    return "×".join(map(str, tensor.shape)) or "scalar"


def _download_size(name: str) -> int:
    """Size in bytes of the published weights of ``name`` as torchvision's metadata gives it (0 if none)."""
    weights = _torchvision_weights(name)
    megabytes = weights.meta.get("_file_size", 0) if weights is not None else 0
    return math.ceil(megabytes * 1024 * 1024)
