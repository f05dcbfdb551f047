"""Live frames: what the live view shows of each frame, and nothing more, from one forward pass.

An ``InspectImage`` sends every row's maps, then runs Grad-CAM (a second forward pass with a backward one) and
occlusion (dozens of forward passes). On a live feed that work was done for every frame before the next one
could start, and ResNet-18 then showed a quarter of the frames its plain forward pass could (``python main.py
bench live``). A frame shows one layer's maps, the input and the top-5, so an ``InspectFrame`` computes only
those: the model's own forward pass with the one row on screen taken out and shrunk for display, and the
scores. When the view asks for Grad-CAM (``explain``, about once a second), the same pass runs with gradients and
the class score's gradient is taken back only to the Grad-CAM layer, which costs a fraction of a second pass.
Everything else (every layer to browse, Grad-CAM on demand, occlusion) is for a frozen frame, which the view
sends as an ordinary ``InspectImage``.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Iterator

import numpy as np
import torch

from engine.data.images import pasted_image
from engine.inspection.features import (
    _SHOWN,
    FramesServed,
    _activation_before,
    _Capture,
    _check_takes_images,
    _for_display,
    _Models,
    _Prepared,
    _read_only,
    _top,
    _weighted_map,
    preprocess,
)
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError

__all__ = ["inspect_frame_events"]

_KEPT_CAPTURES = 8  # a capture per row shown (and per Grad-CAM or not): a slider dragged while live reuses them
_NOT_COMPUTED = np.empty((0, 0, 0), dtype=np.float32)
_NOT_COMPUTED.setflags(write=False)


def inspect_frame_events(worker, request: ev.InspectFrame) -> Iterator[ev.Event]:
    """Serve an ``InspectFrame``: the maps of one row, the top-5, and Grad-CAM when asked, as one
    ``FrameMapsReady``.

    A newer frame waiting does not stop this one: the live view sends the next frame while this one is served
    (pipelining), and giving up for it would leave the screen without any frame. A weights file that does not
    fit was reported by the ``InspectImage`` that set the model; frames then use the model's own weights.
    """
    _check_takes_images(request.model)
    models = worker.owned(_Models)
    try:
        prepared = models.get(request.model, request.weights_file, worker.device)
    except UserInputError:
        if not request.weights_file:
            raise
        prepared = models.get(request.model, "", worker.device)
    image = pasted_image(request.pixels, request.name)
    with _leaving_a_core(worker.device):
        answer = _frame_maps(worker, request, prepared, image)
    yield answer  # the threads restored first: the worker may serve other requests while the event goes out


@contextlib.contextmanager
def _leaving_a_core(device):
    """On the CPU, torch's threads less one while a frame is served, the core left to the GUI thread, which paints
    every frame (the rule a training run follows, ``engine.learning.training.cpu_training_threads``). With every
    core, torch's threads wait at each operation for a core the GUI holds: measured on two shared cores, LeNet-5's
    forward ran 20 to 100 times slower with two threads than with one, ResNet-18's 5 times."""
    if device is None or device.type != "cpu":
        yield
        return
    previous = torch.get_num_threads()
    torch.set_num_threads(max(1, previous - 1))
    try:
        yield
    finally:
        torch.set_num_threads(previous)


def _frame_maps(worker, request: ev.InspectFrame, prepared: _Prepared, image) -> ev.FrameMapsReady:
    batch, crop, inverted = preprocess(image.pixels, prepared.loaded.preprocessing)
    batch = batch.to(worker.device)
    rows = prepared.rows
    row = min(max(request.layer, 0), len(rows) - 1)
    shown, last, cam_layer = rows[row].name, rows[-1].name, prepared.cam_layer
    captures = worker.owned(_FrameCaptures)
    cam = None
    if request.explain:
        outputs = captures.get(prepared, (shown, cam_layer, last), (cam_layer, last))(batch, grad=True)
        scores = outputs[f"raw:{last}"].reshape(1, -1)
        index = int(scores.argmax())
        activation = outputs[f"raw:{cam_layer}"]
        (gradient,) = torch.autograd.grad(scores[0, index], activation)
        cam = ev.GradCamReady(prepared.loaded.name, index, prepared.loaded.classes[index], cam_layer,
                              _read_only(_weighted_map(activation, gradient, tuple(batch.shape[2:]))),
                              _activation_before(rows, cam_layer))
    else:
        outputs = captures.get(prepared, (shown, last), (last,))(batch)
        scores = outputs[f"raw:{last}"].reshape(1, -1)
    maps = _for_display(outputs[shown])
    layers = tuple(ev.LayerMaps(r.index, r.name, r.kind, r.op, r.output_shape, maps if i == row else _NOT_COMPUTED,
                                r.paper_name) for i, r in enumerate(rows))
    loaded = prepared.loaded
    worker.owned(FramesServed).add(request.sender)  # a still image of this view now waits in vain for its extras
    return ev.FrameMapsReady(
        model=loaded.name, source="", name=image.name, notes=image.notes, original_size=image.original_size,
        crop=_read_only(crop), model_input=_read_only(batch[0].detach().cpu().numpy()),
        mean=loaded.preprocessing.mean, std=loaded.preprocessing.std, layers=layers,
        predictions=_top(scores, loaded.classes), filters=prepared.filters, filters_layer=prepared.filters_layer,
        weights=loaded.status, cam_layer=cam_layer, inverted=inverted, computed=row, cam=cam,
    )


class _FrameCaptures:
    """The captures live frames use, newest last (owned by the worker): building one traces the model (tens of
    milliseconds), so a row shown again, or Grad-CAM's turn, finds its capture made."""

    def __init__(self) -> None:
        self._kept: OrderedDict[tuple, _Capture] = OrderedDict()

    def get(self, prepared: _Prepared, names: tuple[str, ...], raw: tuple[str, ...]) -> _Capture:
        module = prepared.loaded.module
        key = (id(module), tuple(dict.fromkeys(names)), raw)
        capture = self._kept.get(key)
        if capture is None or capture._model() is not module:  # noqa: SLF001 - a model rebuilt since
            while len(self._kept) >= _KEPT_CAPTURES:
                self._kept.popitem(last=False)
            capture = self._kept[key] = _Capture(module, key[1], _SHOWN, raw)
        self._kept.move_to_end(key)
        return capture
