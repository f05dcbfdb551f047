"""Occlusion sensitivity (Zeiler and Fergus, 2014): cover part of the image, see how much the class score drops.

A grey square -- the image's own mean colour, so it adds no new edge or colour of its own beyond its border --
slides over the image; at each place the network runs on the covered image, and the drop of the class's
probability is credited to every pixel the square covered (averaged where squares overlap). Unlike Grad-CAM
it needs no gradient and makes no assumption on the activations, so it reads the same for a tanh network
(LeNet-5) as for a ReLU one. It costs one forward pass per position: the square and its step are chosen so a
small digit network gets a fine map (169 positions) and an ImageNet network a coarse, affordable one (49).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch
from torch import Tensor, nn
from torch.nn import functional

from engine.runtime.errors import UserInputError

__all__ = ["occlusion_map", "occlusion_window", "mass_share"]


def occlusion_window(size: int) -> tuple[int, int]:
    """(patch, stride) in pixels for a square input of ``size``: 8 and 2 on LeNet-5's 32, 32 and 32 on 224."""
    if size <= 64:
        patch = max(size // 4, 1)
        return patch, max(patch // 4, 1)
    patch = size // 7
    return patch, patch


def occlusion_map(model: nn.Module, batch_tensor: Tensor, class_index: int, patch: int | None = None,
                  stride: int | None = None, batch_size: int = 64,
                  should_stop: Callable[[], bool] | None = None) -> np.ndarray | None:
    """The drop in ``class_index``'s probability when each part of the image is covered.

    Parameters
    ----------
    model : nn.Module
        A classifier whose output is the class scores (runs in eval mode, without gradients; modes restored).
    batch_tensor : Tensor
        (N, C, H, W), as the model takes it (normalised); only the first sample is used.
    class_index : int
        The class to explain.
    patch, stride : int, optional
        The grey square's side and step in pixels; :func:`occlusion_window` of the input's size by default.
    batch_size : int
        Covered images run at once.
    should_stop : callable, optional
        Polled between batches; the map is abandoned (None) when it returns True.

    Returns
    -------
    numpy.ndarray or None
        ``float32`` (H, W): the mean drop of the probability (0 to 1) over the squares that covered each pixel;
        negative where covering raised it. None when stopped.

    Raises
    ------
    UserInputError
        When the square does not fit the image or the class is not one of the model's outputs.
    """
    image = batch_tensor[:1]
    height, width = image.shape[2:]
    default_patch, default_stride = occlusion_window(min(height, width))
    patch, stride = patch or default_patch, stride or default_stride
    if not 1 <= patch <= min(height, width) or stride < 1:
        raise UserInputError(f"an occlusion square of {patch} pixels (step {stride}) does not fit a {height}x{width} "
                             "image")
    tops = _starts(height, patch, stride)
    lefts = _starts(width, patch, stride)
    grey = image.mean(dim=(2, 3), keepdim=True)  # the image's mean colour, channel by channel
    modes = {module: module.training for module in model.modules()}
    model.eval()
    try:
        with torch.no_grad():
            base = functional.softmax(model(image).reshape(1, -1), dim=1)[0]
            if not 0 <= class_index < base.shape[0]:
                raise UserInputError(f"class {class_index} is not one of the model's {base.shape[0]} outputs")
            places = [(top, left) for top in tops for left in lefts]
            drops: list[Tensor] = []
            for start in range(0, len(places), batch_size):
                if should_stop is not None and should_stop():
                    return None
                chunk = places[start:start + batch_size]
                covered = image.repeat(len(chunk), 1, 1, 1)
                for i, (top, left) in enumerate(chunk):
                    covered[i, :, top:top + patch, left:left + patch] = grey[0]
                scores = functional.softmax(model(covered).reshape(len(chunk), -1), dim=1)[:, class_index]
                drops.append(base[class_index] - scores)
    finally:
        for module, training in modes.items():
            module.training = training
    drop = torch.cat(drops).float().cpu().numpy()
    total = np.zeros((height, width), dtype=np.float64)
    count = np.zeros((height, width), dtype=np.float64)
    for value, (top, left) in zip(drop, places, strict=True):
        total[top:top + patch, left:left + patch] += value
        count[top:top + patch, left:left + patch] += 1
    return (total / np.maximum(count, 1)).astype(np.float32)


def mass_share(attribution: np.ndarray, mask: np.ndarray) -> float:
    """The share of an attribution's positive mass that lies inside ``mask`` (a boolean image), 0 to 1."""
    positive = np.clip(np.asarray(attribution, dtype=np.float64), 0.0, None)
    total = positive.sum()
    return float(positive[np.asarray(mask, dtype=bool)].sum() / total) if total > 0 else 0.0


def _starts(size: int, patch: int, stride: int) -> list[int]:
    """Where squares start along one side: every ``stride``, the last one flush with the edge."""
    starts = list(range(0, size - patch + 1, stride))
    if starts[-1] != size - patch:
        starts.append(size - patch)
    return starts
