"""Checkpoint files: a model's weights with what is needed to use them again (model, classes, input).

One format for the trainer's checkpoints, the weights that ship in resources/weights/ and a user's own
state-dict files. Loading never runs code from the file (``torch.load(weights_only=True)``) and a damaged or
foreign file is refused with a sentence, not a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from engine.resources import RESOURCES_DIR
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = ["Checkpoint", "save_checkpoint", "load_checkpoint", "SHIPPED_FILES", "SHIPPED_WEIGHTS", "FORMAT"]

FORMAT = "cnn-casebook-checkpoint/1"
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


def load_checkpoint(path: str | Path) -> Checkpoint:
    """Read a checkpoint written by :func:`save_checkpoint`.

    Raises
    ------
    UserInputError
        The file is missing, unreadable, damaged, or not a CNN Casebook checkpoint.
    """
    import torch

    path = Path(path)
    if not path.is_file():
        raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} does not exist or is not a file"), path=path))
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:  # noqa: BLE001 - arbitrary bytes fail in many ways; each means "not readable"
        reason = (str(error).splitlines() or [type(error).__name__])[0][:120]
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} is not a readable checkpoint (damaged or not a torch file): {reason}"),
            name=path.name, reason=reason)) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} is not a CNN Casebook checkpoint; a bare state dict can be loaded onto a model from "
            "the model's page instead"), name=path.name))
    try:
        return Checkpoint(
            model=str(payload["model"]),
            state_dict=dict(payload["state_dict"]),
            classes=tuple(str(c) for c in payload["classes"]),
            input_shape=tuple(int(d) for d in payload["input_shape"]),
            mean=tuple(float(m) for m in payload.get("mean", ())),
            std=tuple(float(s) for s in payload.get("std", ())),
            dataset=str(payload.get("dataset", "")),
            epoch=int(payload.get("epoch", 0)),
            metrics=dict(payload.get("metrics", {})),
            config=dict(payload.get("config", {})),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{name} is a damaged CNN Casebook checkpoint (missing {error})"),
            name=path.name, error=error)) from None
