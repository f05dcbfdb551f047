"""Checkpoint files: a model's weights with what is needed to use them again (model, classes, input).

One format for the trainer's checkpoints, the weights that ship in resources/weights/ and a user's own
state-dict files. Loading never runs code from the file (``torch.load(weights_only=True)``) and a damaged or
foreign file is refused with a sentence, not a traceback.
"""

from __future__ import annotations

import logging
import math
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from engine.resources import RESOURCES_DIR
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = ["Checkpoint", "save_checkpoint", "load_checkpoint", "SHIPPED_FILES", "SHIPPED_WEIGHTS", "FORMAT"]

_log = logging.getLogger(__name__)
FORMAT = "cnn-casebook-checkpoint/1"
_MAX_SIDE = 4096    # pixels of an input side: far above any zoo model's
_MAX_EPOCH = 10**6
SHIPPED_WEIGHTS = RESOURCES_DIR / "weights"
# Weights that ship with the app, per zoo model, inside SHIPPED_WEIGHTS (see resources/LICENSES.md).
SHIPPED_FILES = {"lenet5": "lenet5_digits.pt"}


@dataclass(frozen=True)
class Checkpoint:
    """Weights of a zoo model and how to feed it.

    ``state_dict`` maps parameter names to CPU tensors (it stays on the engine thread; never put a
    Checkpoint in an event). ``classes`` names the outputs; ``input_shape`` is (C, H, W);
    ``mean``/``std`` are the per-channel normalisation applied after scaling pixels to [0, 1] (empty: none).
    """

    model: str
    state_dict: dict
    classes: tuple[str, ...]
    input_shape: tuple[int, int, int]
    mean: tuple[float, ...] = ()
    std: tuple[float, ...] = ()
    dataset: str = ""
    epoch: int = 0
    metrics: dict = field(default_factory=dict)
    config: dict = field(default_factory=dict)


def save_checkpoint(checkpoint: Checkpoint, path: str | Path) -> Path:
    """Write ``checkpoint`` atomically (a temporary file renamed into place), so a crash never leaves half a file."""
    import torch

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "format": FORMAT,
        "model": checkpoint.model,
        "state_dict": {k: v.detach().cpu() for k, v in checkpoint.state_dict.items()},
        "classes": list(checkpoint.classes),
        "input_shape": list(checkpoint.input_shape),
        "mean": list(checkpoint.mean),
        "std": list(checkpoint.std),
        "dataset": checkpoint.dataset,
        "epoch": checkpoint.epoch,
        "metrics": dict(checkpoint.metrics),
        "config": dict(checkpoint.config),
    }
    temporary = path.with_name(path.name + ".partial")
    torch.save(payload, temporary)
    temporary.replace(path)
    return path


UNREADABLE_CHECKPOINT = QT_TRANSLATE_NOOP(
    "engine", "{name} is not a readable checkpoint: it is damaged or not a file saved by torch (the details are in "
    "the log).")
UNREADABLE_WEIGHTS = QT_TRANSLATE_NOOP(
    "engine", "{name} is not a readable weights file: it is damaged or not a file saved by torch (the details are "
    "in the log).")


def read_torch_file(path: Path, unreadable: str):
    """What ``torch.load`` reads from ``path`` (weights only, on the CPU), or one sentence: that the file is
    missing, or ``unreadable`` (a template with ``{name}``). torch's own words and warnings go to the log: they
    are long and about its internals."""
    import torch

    if not path.is_file():
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} does not exist or is not a file."), path=path))
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            payload = torch.load(path, map_location="cpu", weights_only=True)
        for warning in caught:
            _log.warning("torch.load(%s): %s", path, warning.message)
    except Exception as error:  # noqa: BLE001 - arbitrary bytes make the unpickler raise any kind (KeyError...)
        _log.warning("torch.load(%s) failed: %s: %s", path, type(error).__name__, error)
        raise UserInputError(text(unreadable, name=path.name)) from None
    return payload


def load_checkpoint(path: str | Path) -> Checkpoint:
    """Read a checkpoint written by :func:`save_checkpoint`.

    Raises
    ------
    UserInputError
        The file is missing, unreadable, damaged, or not a CNN Casebook checkpoint.
    """
    path = Path(path)
    payload = read_torch_file(path, UNREADABLE_CHECKPOINT)
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} is not a CNN Casebook checkpoint; a bare state dict can be loaded onto a model from "
            "the model's page instead."), name=path.name))
    return _checked(payload, path.name)


def _checked(payload: dict, name: str) -> Checkpoint:
    """The checkpoint in ``payload``, every field checked; UserInputError naming the first field that is wrong."""
    import torch

    def wrong(field_name: str, expected: str) -> UserInputError:
        return UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} is a damaged CNN Casebook checkpoint: its field “{field}” should hold {expected}."),
            name=name, field=field_name, expected=text(expected)))

    model = payload.get("model")
    if not isinstance(model, str) or not model:
        raise wrong("model", QT_TRANSLATE_NOOP("engine", "the name of a zoo model"))
    state = payload.get("state_dict")
    if not isinstance(state, dict) or not state or not all(
            isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in state.items()):
        raise wrong("state_dict", QT_TRANSLATE_NOOP("engine", "the model's weights, a tensor for each name"))
    for key, tensor in state.items():
        if tensor.is_floating_point() and not bool(torch.isfinite(tensor).all()):
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "{name} holds weights that are not numbers (NaN or infinite) in {tensor}: the run that "
                "saved it had diverged. Use an earlier checkpoint."), name=name, tensor=key))
    classes = payload.get("classes")
    if not isinstance(classes, (list, tuple)) or not classes or not all(isinstance(c, str) for c in classes):
        raise wrong("classes", QT_TRANSLATE_NOOP("engine", "a list of class names"))
    shape = payload.get("input_shape")
    if (not isinstance(shape, (list, tuple)) or len(shape) != 3 or not all(_whole(d) for d in shape)
            or shape[0] not in (1, 3) or not all(1 <= d <= _MAX_SIDE for d in shape[1:])):
        raise wrong("input_shape", QT_TRANSLATE_NOOP(
            "engine", "three whole numbers: 1 or 3 channels, then the height and width"))
    channels = shape[0]
    mean, std = payload.get("mean", []), payload.get("std", [])
    if not _numbers(mean) or len(mean) not in (0, channels) or not all(math.isfinite(m) for m in mean):
        raise wrong("mean", QT_TRANSLATE_NOOP("engine", "one finite number per input channel, or none"))
    if not _numbers(std) or len(std) != len(mean) or not all(math.isfinite(s) and s > 0 for s in std):
        raise wrong("std", QT_TRANSLATE_NOOP(
            "engine", "one number above zero per input channel, as many as the mean has"))
    dataset = payload.get("dataset", "")
    if not isinstance(dataset, str):
        raise wrong("dataset", QT_TRANSLATE_NOOP("engine", "the name of a data set"))
    epoch = payload.get("epoch", 0)
    if not _whole(epoch) or not 0 <= epoch <= _MAX_EPOCH:
        raise wrong("epoch", QT_TRANSLATE_NOOP("engine", "a whole number of epochs, 0 or more"))
    for field_name in ("metrics", "config"):
        if not isinstance(payload.get(field_name, {}), dict):
            raise wrong(field_name, QT_TRANSLATE_NOOP("engine", "a dictionary"))
    return Checkpoint(
        model=model, state_dict=dict(state), classes=tuple(classes), input_shape=tuple(int(d) for d in shape),
        mean=tuple(float(m) for m in mean), std=tuple(float(s) for s in std), dataset=dataset, epoch=int(epoch),
        metrics=dict(payload.get("metrics", {})), config=dict(payload.get("config", {})),
    )


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _numbers(values) -> bool:
    return isinstance(values, (list, tuple)) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
