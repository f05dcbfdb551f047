"""Receptive fields: which input pixels each unit of each layer can see.

Follows Araujo, Norris and Sim, "Computing Receptive Fields of Convolutional Neural Networks" (Distill,
2019). On each axis a layer's field is three whole numbers:

- ``size`` r: how many input pixels one unit sees;
- ``jump`` j: the distance in input pixels between two neighbouring units (the product of the strides);
- ``start`` u: the input coordinate of the first pixel seen by unit 0 (negative where padding lies
  before the image).

Unit ``i`` then sees input pixels ``u + i*j`` to ``u + i*j + r - 1``. A window of kernel ``k``, stride
``s``, padding ``p`` and dilation ``d`` on a field (r, j, u) gives::

    r' = r + (d*(k - 1)) * j        j' = j * s        u' = u - p * j

(the forward form of the paper's recursion). Element-wise layers (norms, activations, dropout) keep the
field; a slice ``x[..., a::b]`` moves the start by ``a*j`` and multiplies the jump by ``b``; zero padding
moves the start back.

Several paths (ResNet's shortcuts, Inception's branches, any ``add`` or ``cat``): each path gives a field
for the same unit; they must have the same jump (otherwise neighbouring units would not be evenly spaced
and the field is not defined: None). The unit then sees the **union** of what its paths see: from the
smallest start to the largest end. The paper's alignment assumption is that the paths are centred on the
same pixel; where they are (all the zoo's networks, whose paddings keep each branch centred) the union's
size is the largest path's size, the rule the paper states. Where they are not, the union is still what
the unit's gradient can reach, which is what the tests check.

A dense layer, or a flatten, sees everything its input's units see together: its field has the span of
all of them, and no jump (``None``), as it is not a grid. Sizes are not clipped to the input: a unit of
ResNet-50's last stage has a field larger than the 224-pixel image, the published convention; clip with
:meth:`Field.box` to draw it.

Torch is imported inside the functions that walk a model, so the GUI can use :class:`Field` and
:func:`stacked_convolutions` on an analysis' rows without loading it.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from torch import fx, nn

__all__ = ["Field", "Stack", "graph_fields", "chain_fields", "module_field", "stacked_convolutions"]


@dataclass(frozen=True)
class Field:
    """Receptive field of a layer's units, (height, width) on each tuple.

    ``jump`` is None for layers without a spatial grid (dense layers): their one "unit" sees ``size``
    pixels from ``start``.
    """

    size: tuple[int, int]
    jump: tuple[int, int] | None
    start: tuple[int, int]

    def box(self, y: int, x: int, height: int | None = None, width: int | None = None) -> tuple[int, int, int, int]:
        """Input pixels seen by unit (y, x) as (top, left, bottom, right), bottom/right exclusive.

        With ``height`` and ``width`` the box is clipped to the image (the padding is not part of it).
        """
        jump = self.jump or (0, 0)
        top, left = self.start[0] + y * jump[0], self.start[1] + x * jump[1]
        bottom, right = top + self.size[0], left + self.size[1]
        if height is not None:
            top, bottom = max(top, 0), min(bottom, height)
        if width is not None:
            left, right = max(left, 0), min(right, width)
        return top, left, bottom, right

    def center(self, y: int, x: int) -> tuple[float, float]:
        """Input coordinates of the centre of unit (y, x)'s field (a half pixel for even sizes)."""
        top, left, bottom, right = self.box(y, x)
        return (top + bottom - 1) / 2, (left + right - 1) / 2


_INPUT = Field((1, 1), (1, 1), (0, 0))


def _window(field: Field, kernel, stride, padding, dilation=(1, 1)) -> Field:
    if field.jump is None:
        return None
    size = tuple(r + d * (k - 1) * j for r, k, d, j in zip(field.size, kernel, dilation, field.jump, strict=True))
    jump = tuple(j * s for j, s in zip(field.jump, stride, strict=True))
    start = tuple(u - p * j for u, p, j in zip(field.start, padding, field.jump, strict=True))
    return Field(size, jump, start)


def _global(field: Field | None, grid: tuple[int, int]) -> Field | None:
    """What a unit connected to every unit of a ``grid`` of fields sees (a dense layer, a flatten)."""
    if field is None or field.jump is None:
        return field
    size = tuple(r + (n - 1) * j for r, n, j in zip(field.size, grid, field.jump, strict=True))
    return Field(size, None, field.start)


def _union(fields: list[Field | None]) -> Field | None:
    """Several paths into one unit: the span of all of them; None where they are undefined or misaligned."""
    if not fields or any(field is None for field in fields):
        return None
    jumps = {field.jump for field in fields}
    if len(jumps) != 1:
        return None
    start = tuple(min(field.start[axis] for field in fields) for axis in (0, 1))
    end = tuple(max(field.start[axis] + field.size[axis] for field in fields) for axis in (0, 1))
    return Field(tuple(e - s for s, e in zip(start, end, strict=True)), jumps.pop(), start)


def _pair(value) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else tuple(value)


def _padding(module: nn.Module) -> tuple[int, int]:
    padding = module.padding
    if padding == "valid":
        return 0, 0
    if padding == "same":  # torch pads total // 2 before (and the rest after)
        return tuple(d * (k - 1) // 2 for k, d in zip(_pair(module.kernel_size), _pair(module.dilation), strict=True))
    return _pair(padding)


def module_field(module: nn.Module, field: Field | None, in_shape: tuple[int, ...],
                 out_shape: tuple[int, ...]) -> Field | None:
    """The field after ``module`` given the field of its input; None where it cannot be told.

    Parameters
    ----------
    module : nn.Module
        The layer.
    field : Field or None
        Its input's field.
    in_shape, out_shape : tuple of int
        Per-sample shapes, (C, H, W) for maps.

    Returns
    -------
    Field or None
    """
    from torch import nn

    if field is None:
        return None
    if isinstance(module, nn.Conv2d):
        return _window(field, _pair(module.kernel_size), _pair(module.stride), _padding(module),
                       _pair(module.dilation))
    if isinstance(module, nn.MaxPool2d):
        return _window(field, _pair(module.kernel_size), _pair(module.stride or module.kernel_size),
                       _pair(module.padding), _pair(module.dilation))
    if isinstance(module, nn.AvgPool2d):
        return _window(field, _pair(module.kernel_size), _pair(module.stride or module.kernel_size),
                       _pair(module.padding))
    if isinstance(module, nn.AdaptiveAvgPool2d | nn.AdaptiveMaxPool2d):
        return _adaptive(field, in_shape, out_shape)
    if isinstance(module, nn.Linear | nn.Flatten):
        return _global(field, tuple(in_shape[1:3])) if len(in_shape) == 3 else field
    return _same_grid(field, in_shape, out_shape)


def _adaptive(field: Field, in_shape: tuple[int, ...], out_shape: tuple[int, ...]) -> Field | None:
    if len(in_shape) != 3 or len(out_shape) != 3:
        return None
    # torch's adaptive windows are even (kernel = stride = n / out) only when out divides n; the zoo's
    # are all of this kind (7 -> 7 is the identity, 7 -> 1 the global pooling).
    if any(n % m for n, m in zip(in_shape[1:], out_shape[1:], strict=True)):
        return None
    window = tuple(n // m for n, m in zip(in_shape[1:], out_shape[1:], strict=True))
    return _window(field, window, window, (0, 0))


def _same_grid(field: Field | None, in_shape: tuple[int, ...], out_shape: tuple[int, ...]) -> Field | None:
    """Element-wise and channel-wise layers keep the field; other unknown layers make it unknown."""
    if field is not None and field.jump is None:
        return field if len(out_shape) < 3 else None
    return field if len(in_shape) == 3 and len(out_shape) == 3 and in_shape[1:] == out_shape[1:] else None


def chain_fields(modules: list[nn.Module | None], shapes: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> list:
    """Fields of a chain of layers (the forward-hook fallback of the analysis: each row feeds the next).

    ``modules[0]`` is the input (None). A layer whose input shape is not its predecessor's output shape
    was fed by code the hooks did not see: its field and those after it are unknown (None).
    """
    fields: list[Field | None] = [_INPUT]
    for index in range(1, len(modules)):
        in_shape, out_shape = shapes[index]
        previous = fields[-1] if shapes[index - 1][1] == in_shape else None
        fields.append(module_field(modules[index], previous, in_shape, out_shape))
    return fields


def graph_fields(graph: fx.Graph, model: nn.Module, shapes: dict[fx.Node, tuple[int, ...]]) -> dict:
    """The field of every tensor-valued node of a traced graph.

    Parameters
    ----------
    graph : fx.Graph
        The traced forward.
    model : nn.Module
        The module traced (for its layers' geometry).
    shapes : dict
        Per-sample shape of every tensor-valued node, as recorded by running the graph.

    Returns
    -------
    dict
        fx.Node -> Field or None (unknown).
    """
    fields: dict[fx.Node, Field | None] = {}
    for node in graph.nodes:
        if node not in shapes:
            continue
        if node.op == "placeholder":
            fields[node] = _INPUT if len(shapes[node]) == 3 else None
            continue
        feeding = [arg for arg in node.all_input_nodes if arg in shapes]
        in_shape = shapes[feeding[0]] if feeding else ()
        if node.op == "call_module":
            field = fields.get(feeding[0]) if feeding else None
            fields[node] = module_field(model.get_submodule(node.target), field, in_shape, shapes[node])
        else:
            fields[node] = _function_field(node, feeding, fields, shapes)
    return fields


def _function_field(node: fx.Node, feeding: list[fx.Node], fields: dict, shapes: dict) -> Field | None:
    import torch
    from torch.nn import functional

    out_shape = shapes[node]
    if not feeding:
        return None
    first = fields.get(feeding[0])
    in_shape = shapes[feeding[0]]
    if node.target is operator.getitem:
        return _sliced(first, node.args[1], in_shape, out_shape)
    if node.target is functional.pad:
        return _padded(first, node.args[1] if len(node.args) > 1 else node.kwargs.get("pad"), in_shape, out_shape)
    if node.target in (torch.flatten, "flatten"):
        return _global(first, tuple(in_shape[1:3])) if len(in_shape) == 3 else first
    if len(feeding) > 1:
        # add, cat, mul...: each input is a path into the same unit, when they share the output's grid.
        if all(len(shapes[arg]) == 3 and shapes[arg][1:] == out_shape[1:] for arg in feeding):
            return _union([fields.get(arg) for arg in feeding])
        return None
    return _same_grid(first, in_shape, out_shape)


def _sliced(field: Field | None, index, in_shape: tuple[int, ...], out_shape: tuple[int, ...]) -> Field | None:
    """``x[:, :, a::b, c::d]`` (ResNet's option-A shortcut takes every second pixel)."""
    index = index if isinstance(index, tuple) else (index,)
    if field is None or field.jump is None or len(in_shape) != 3 or len(out_shape) != 3:
        return None
    if not all(isinstance(item, slice) for item in index) or len(index) > 4:
        return None
    spatial = list(index[2:4]) + [slice(None)] * (4 - max(len(index), 2))
    starts, steps = [], []
    for item, n in zip(spatial[:2], in_shape[1:], strict=True):
        start, stop, step = item.indices(n)
        if step < 1:
            return None
        starts.append(start)
        steps.append(step)
    start = tuple(u + a * j for u, a, j in zip(field.start, starts, field.jump, strict=True))
    jump = tuple(j * b for j, b in zip(field.jump, steps, strict=True))
    return Field(field.size, jump, start)


def _padded(field: Field | None, pad, in_shape: tuple[int, ...], out_shape: tuple[int, ...]) -> Field | None:
    """``functional.pad``: padding before the rows or columns moves unit 0 back by that many units."""
    if field is None or field.jump is None or pad is None or len(in_shape) != 3 or len(out_shape) != 3:
        return None
    pad = list(pad) + [0] * (4 - len(pad))
    if any(not isinstance(amount, int) for amount in pad[:4]):
        return None
    before = (pad[2], pad[0])  # pad lists the last dimension first: (left, right, top, bottom, ...)
    start = tuple(u - p * j for u, p, j in zip(field.start, before, field.jump, strict=True))
    return Field(field.size, field.jump, start)


@dataclass(frozen=True)
class Stack:
    """Stacked stride-1 convolutions with ``channels`` in and out: VGG's argument, on a network's own layers.

    ``layers`` are the stacked rows' names, ``kernel`` their (square) kernel side. ``sizes[i]`` is the
    field of the first ``i + 1`` layers measured in pixels of the stack's input (from the analysis' fields:
    ``(r - r_before) / j_before + 1``); ``weights[i]`` their weights (no biases); ``single[i]`` the weights
    of the one ``sizes[i]`` × ``sizes[i]`` convolution that would see as much.
    """

    layers: tuple[str, ...]
    kernel: int
    channels: int
    sizes: tuple[int, ...]
    weights: tuple[int, ...]
    single: tuple[int, ...]


def stacked_convolutions(rows, count: int = 3) -> Stack | None:
    """The first run of ``count`` convolutions in a row (norms and activations between them allowed) with the
    same square kernel, stride 1, one grid and the same number of channels in and out; None if there is none.

    Parameters
    ----------
    rows : sequence of LayerInfo
        An analysis' rows (with their receptive fields).
    count : int
        How many stacked layers (VGG's argument: three 3×3 against one 7×7).
    """
    run: list = []
    for row in rows:
        if row.kind in ("norm", "act"):
            continue
        fits = (row.kind == "conv" and row.kernel is not None and row.kernel[0] == row.kernel[1] > 1
                and row.stride == (1, 1) and row.groups == 1 and row.rf_size is not None
                and row.input_shape[0] == row.output_shape[0] and row.input_shape[1:] == row.output_shape[1:])
        if fits and run and (row.kernel != run[0].kernel or row.output_shape != run[0].output_shape):
            run = []
        run = [*run, row] if fits else []
        if len(run) == count:
            break
    if len(run) < count:
        return None
    before = rows[run[0].index - 1]
    while before.kind in ("norm", "act"):  # the field of the stack's input
        before = rows[before.index - 1]
    size0, jump0 = before.rf_size[0], before.rf_jump[0] if before.rf_jump else 1
    channels, kernel = run[0].output_shape[0], run[0].kernel[0]
    sizes = tuple((row.rf_size[0] - size0) // jump0 + 1 for row in run)
    per_layer = kernel * kernel * channels * channels
    return Stack(
        layers=tuple(row.name for row in run), kernel=kernel, channels=channels, sizes=sizes,
        weights=tuple(per_layer * (i + 1) for i in range(count)),
        single=tuple(size * size * channels * channels for size in sizes),
    )
