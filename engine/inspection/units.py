"""One unit of a feature map: what it sees (receptive fields) and how it is computed.

The **theoretical receptive field** of a unit is the part of the input that can change it at all, from the
layer's geometry (``engine.models.receptive``, on every row of the analysis). The **effective receptive
field** (Luo, Li, Urtasun and Zemel, "Understanding the Effective Receptive Field in Deep Convolutional
Neural Networks", 2016) is how much each input pixel does change it: the magnitude of the unit's gradient
with respect to the input, here for the image on screen. It lies inside the theoretical one and is usually
much smaller, a bump in its middle.

For a convolution (or a norm or activation right after one) the unit's value is worked out on its own: the
input window of every channel the filter reads, the filter's weights, their products, each channel's sum,
the total plus the bias, then the rows applied after it -- and set beside what the network computed, so the
arithmetic can be checked on screen.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Iterator

import numpy as np
import torch
from torch import Tensor, nn
from torch.nn import functional

from engine.data.images import image_of
from engine.inspection.features import full_outputs, page_model, preprocess
from engine.models.receptive import Field
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError

__all__ = ["explain_unit", "unit_events"]

_AFTER_CONV = ("norm", "act")  # rows that keep a convolution's grid, applied to its output unit by unit


def unit_events(worker, request: ev.InspectUnit) -> Iterator[ev.Event]:
    """Serve an ``InspectUnit`` request with one ``UnitExplained`` (or ``ImageRefused`` for a bad image)."""
    loaded, rows, edges = page_model(worker, request.model, request.weights_file)
    if worker.superseded(request):
        return
    try:
        image = image_of(worker, request)
    except UserInputError as error:
        yield ev.ImageRefused(request.path or request.name, str(error))
        return
    batch, _, _ = preprocess(image.pixels, loaded.preprocessing)
    yield explain_unit(loaded.name, loaded.module, rows, batch.to(worker.device), request.layer, *request.unit,
                       captures=worker.owned(_Captures), edges=edges)


def explain_unit(model_name: str, module: nn.Module, rows: tuple, batch: Tensor, layer: int, channel: int, y: int,
                 x: int, captures: _Captures | None = None, edges: tuple = ()) -> ev.UnitExplained:
    """Receptive fields and computation of one unit for the first image of ``batch``.

    Parameters
    ----------
    model_name : str
        Named in the answer.
    module : nn.Module
        The network (its modes are restored).
    rows : tuple of LayerInfo
        ``engine.models.analysis.analyze(module, batch.shape[1:]).rows``.
    batch : Tensor
        The preprocessed image, (1, C, H, W), on the module's device.
    layer : int
        Row index.
    channel, y, x : int
        The unit in the row's full-size output (for a vector output: ``channel`` is the unit, y = x = 0).
    captures : optional
        Where the captures of the rows are kept between calls (the worker's); made afresh when None.
    edges : tuple of Edge, optional
        The analysis' edges. With them, a unit of a concatenation gets the field of the branch its channel
        comes from (Inception's 1×1 branch sees less than its 5×5 one); without, the layer's (the largest).

    Returns
    -------
    UnitExplained

    Raises
    ------
    UserInputError
        For a row or a unit outside the layer.
    """
    if not 0 < layer < len(rows):
        raise UserInputError(f"there is no layer {layer}: pick one of 1 to {len(rows) - 1}")
    row = rows[layer]
    shape = row.output_shape
    spatial = len(shape) == 3
    if not (0 <= channel < shape[0] and (0 <= y < shape[1] and 0 <= x < shape[2] if spatial else y == x == 0)):
        raise UserInputError(f"{row.name} has no unit ({channel}, {y}, {x}); its output is {shape}")
    chain = _conv_chain(rows, layer)
    conv = module.get_submodule(chain[0].name) if chain else None
    if not isinstance(conv, nn.Conv2d) or isinstance(conv.padding, str) or conv.padding_mode != "zeros":
        chain, conv = [], None
    conv_input: list[Tensor] = []
    hook = conv.register_forward_hook(lambda _m, args, _out: conv_input.append(args[0])) if conv else None
    try:
        names = tuple(dict.fromkeys(["input", *(r.name for r in chain), row.name]))
        outputs = (captures or _Captures()).get(module, names)(batch[:1], grad=True)
    finally:
        if hook is not None:
            hook.remove()
    unit = (0, channel, y, x) if spatial else (0, channel)
    output = outputs[row.name]
    (gradient,) = torch.autograd.grad(output[unit], outputs["input"])
    effective = gradient[0].detach().abs().sum(dim=0).float()
    peak = float(effective.max())
    effective = (effective / peak if peak > 0 else torch.zeros_like(effective)).cpu().numpy()
    height, width = batch.shape[2:]
    seen = _branch_of(rows, edges, row, channel) if row.kind == "concat" else row
    box = None
    if seen.rf_size is not None:
        box = Field(seen.rf_size, seen.rf_jump, seen.rf_start).box(y, x, height, width)
    computation = None
    if conv is not None and conv_input:
        computation = _computation(conv, chain, outputs, conv_input[-1].detach(), channel, y, x)
    return ev.UnitExplained(
        model=model_name, layer=layer, layer_name=row.name, channel=channel, y=y, x=x,
        value=float(output[unit].detach()), rf_size=seen.rf_size, box=box, effective=_read_only(effective),
        computation=computation,
    )


def _branch_of(rows: tuple, edges: tuple, row, channel: int):
    """The input row of concatenation ``row`` that gives it ``channel`` (inputs in order, channels stacked);
    ``row`` itself when the edges do not say."""
    offset = 0
    for edge in edges:
        if edge.dst != row.index:
            continue
        source = rows[edge.src]
        width = source.output_shape[0] if len(source.output_shape) == 3 else 0
        if offset <= channel < offset + width:
            return source
        offset += width
    return row


class _Captures:
    """The last few captures made for units of one model (owned by the worker): stepping a unit across a
    layer's map, or going back to a layer, reuses its traced graph instead of tracing the model again."""

    _KEPT = 3

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple[int, tuple[str, ...]], tuple[weakref.ref, object]] = OrderedDict()

    def get(self, module: nn.Module, names: tuple[str, ...]):
        # Only this model's: a capture holds its model's layers, and a model the page let go must be freed.
        for key in [key for key, (owner, _) in self._entries.items() if owner() is not module]:
            del self._entries[key]
        key = (id(module), names)
        kept = self._entries.get(key)
        if kept is None:
            while len(self._entries) >= self._KEPT:
                self._entries.popitem(last=False)
            kept = self._entries[key] = (weakref.ref(module), full_outputs(module, names))
        self._entries.move_to_end(key)
        return kept[1]


def _conv_chain(rows: tuple, layer: int) -> list:
    """The convolution row that computes row ``layer``'s units, then the norms and activations up to it.

    Walks back over rows of the same shape while they are norms or activations (a conv's batch norm and ReLU
    come right after it, in every zoo model); empty when no convolution starts the chain.
    """
    chain = [rows[layer]]
    while chain[0].kind in _AFTER_CONV and chain[0].index > 1:
        before = rows[chain[0].index - 1]
        if before.output_shape != chain[0].input_shape:
            return []
        chain.insert(0, before)
    return chain if chain[0].kind == "conv" else []


def _computation(conv: nn.Conv2d, chain: list, outputs: dict, conv_input: Tensor, channel: int, y: int,
                 x: int) -> ev.UnitComputation:
    kh, kw = conv.kernel_size
    (sh, sw), (ph, pw), (dh, dw) = conv.stride, conv.padding, conv.dilation
    per_group = conv.in_channels // conv.groups
    group = channel // (conv.out_channels // conv.groups)
    with torch.no_grad():
        padded = functional.pad(conv_input[0, group * per_group:(group + 1) * per_group], (pw, pw, ph, ph))
        top, left = y * sh, x * sw  # in the padded map
        patch = padded[:, top:top + dh * (kh - 1) + 1:dh, left:left + dw * (kw - 1) + 1:dw].double().cpu()
        weights = conv.weight[channel].detach().double().cpu()
        products = patch * weights
        channel_sums = products.sum(dim=(1, 2))
        bias = float(conv.bias[channel]) if conv.bias is not None else 0.0
        total = float(channel_sums.sum()) + bias
    height, width = conv_input.shape[2:]
    rows_in = (np.arange(kh) * dh + top - ph)[:, None]
    columns_in = (np.arange(kw) * dw + left - pw)[None, :]
    inside = (rows_in >= 0) & (rows_in < height) & (columns_in >= 0) & (columns_in < width)
    after = tuple((r.name, r.op, float(outputs[r.name][0, channel, y, x].detach())) for r in chain[1:])
    return ev.UnitComputation(
        layer=chain[0].name, in_channels=per_group, kernel=(kh, kw), stride=(sh, sw), padding=(ph, pw),
        top=top - ph, left=left - pw, patch=_read_only(patch.float().numpy()),
        weights=_read_only(weights.float().numpy()), products=_read_only(products.float().numpy()),
        channel_sums=_read_only(channel_sums.float().numpy()), bias=bias, total=total,
        conv_value=float(outputs[chain[0].name][0, channel, y, x].detach()), after=after,
        inside=_read_only(inside),
    )


def _read_only(array: np.ndarray) -> np.ndarray:
    array = np.ascontiguousarray(array)
    array.setflags(write=False)
    return array
