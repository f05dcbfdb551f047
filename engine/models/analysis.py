"""Layer analysis: a model and an input shape -> one row per layer and the graph's edges.

``analyze`` traces the model with torch.fx (torchvision's ``NodePathTracer``, so row names are the
names ``torchvision.models.feature_extraction.create_feature_extractor`` accepts: ``layer1.0.conv1``,
``layer1.0.add``, ``layer1.0.relu_1`` for a module's second call) and runs the graph on a zero input to
record every shape. A model built on the meta device (zoo names always are) costs no memory and no
arithmetic, so even VGG-16 is analysed in milliseconds; norms, activations and dropout are not run, as
they keep their input's shape. A model that torch.fx cannot trace (Python control flow on tensor
values) falls back to forward hooks on its leaf modules: rows in call order, ``sequence`` edges only, no
function rows.

Rows: the input (row 0), every leaf module call, and the function calls that matter for drawing --
``add`` (residual merges), ``cat`` (concatenation), ``flatten`` and functional activations. Other
functions (indexing, padding, ``size``) are not rows; edges pass through them.

Edges: a shortcut into an ``add`` row is the input path that rejoins the main path soonest (the main
path being the input with the most ancestors). Its edges are ``projection`` when a row on it has
weights (a 1x1 convolution + batch norm), else one ``skip`` edge from the fork to the ``add`` (an
identity, possibly subsampled and zero-padded as in ResNet option A). Any other row feeding two or more
rows sends ``branch`` edges (Inception); everything else is ``sequence``.

Receptive fields (``rf_size``, ``rf_jump``, ``rf_start`` on every row) come from
``engine.models.receptive``, computed on the same traced graph, so ResNet's shortcuts (including the
option-A slice, which is not a row) and Inception's branches count.

Counting convention:

- params: every parameter tensor counted once (a module called twice owns its parameters at its first
  row); the totals are exactly the module's unique parameters.
- MACs (multiply-adds, one sample): convolution = output elements x (C_in / groups) x kh x kw;
  dense layer = output elements x in_features. Everything else counts 0: biases, batch norm, pooling,
  activations, additions and concatenation are element-wise and together add well under 1% for the
  zoo. This is the convention of torchvision's ``weights.meta["_ops"]`` (GMACs) and of the lecture's
  cost arithmetic ((28x28x32) x (5x5x192) for a 5x5 convolution), and the totals agree with ``_ops``
  within 1% for alexnet, vgg16, resnet18/34/50 and googlenet.
"""

from __future__ import annotations

import functools
import math
import operator
import threading
from dataclasses import asdict, dataclass, replace
from typing import NamedTuple

import torch
from torch import fx, nn
from torch.nn import functional
from torchvision.models.feature_extraction import NodePathTracer

from engine.models.hooks import run_watching_leaves
from engine.models.paper import WEIGHTED_KINDS, paper_depth, paper_names
from engine.models.receptive import Field, chain_fields, graph_fields
from engine.models.zoo import get_info, get_model
from engine.runtime.errors import UserInputError

__all__ = ["LayerInfo", "Edge", "Analysis", "TRACING", "analyze", "analysis_to_dict"]


@dataclass(frozen=True)
class LayerInfo:
    """One row of the analysis, in forward (topological) order.

    Shapes are per sample, without the batch dimension: (C, H, W) for images, (F,) for vectors.
    """

    index: int                      # position in forward order; row 0 is the input
    name: str                       # qualified name: module "layer1.0.conv1", function call "layer1.0.add"
    kind: str                       # input|conv|linear|pool|norm|act|dropout|add|concat|flatten|other
    op: str                         # class or function name: "Conv2d", "MaxPool2d", "ReLU", "add", "cat", ...
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    kernel: tuple[int, int] | None  # conv and pool only
    stride: tuple[int, int] | None
    padding: tuple[int, int] | None
    groups: int                     # 1 except grouped convolutions
    params: int                     # parameters owned by this layer (each shared tensor counted once overall)
    trainable: int                  # of which requires_grad
    macs: int                       # multiply-adds for one sample (convention in the module docstring)
    paper_name: str = ""            # the layer's name in its paper: "C1", "conv3_2", "inception (4c) #3×3"
    # Receptive field (engine.models.receptive), (height, width): input pixels one unit sees, distance in
    # input pixels between neighbouring units (None for dense layers, which are not a grid), and the input
    # coordinate where unit 0's field starts (negative inside the padding). None where it cannot be told.
    rf_size: tuple[int, int] | None = None
    rf_jump: tuple[int, int] | None = None
    rf_start: tuple[int, int] | None = None


@dataclass(frozen=True)
class Edge:
    """A data-flow edge between two rows. ``kind``: sequence | branch | skip | projection.

    ``skip`` is an identity shortcut into an ``add`` row (possibly zero-padded, ResNet option A);
    ``projection`` marks every edge on a shortcut path that has weights (1x1 conv + norm, option B);
    ``branch`` leaves a row that feeds several rows in parallel (Inception); the rest are ``sequence``.
    """

    src: int
    dst: int
    kind: str


@dataclass(frozen=True)
class Analysis:
    model: str
    input_shape: tuple[int, ...]
    rows: tuple[LayerInfo, ...]
    edges: tuple[Edge, ...]
    params: int          # unique parameters of the whole module (exact)
    trainable: int
    macs: int            # sum over rows
    paper_depth: int     # the papers' depth: layers with parameters on the longest path (engine.models.paper)
    weighted_modules: int  # convolution and dense modules, shortcuts and parallel branches included


_MODULE_KINDS = (
    ((nn.Conv1d, nn.Conv2d, nn.Conv3d), "conv"),
    ((nn.Linear,), "linear"),
    (
        (
            nn.MaxPool1d, nn.MaxPool2d, nn.MaxPool3d, nn.AvgPool1d, nn.AvgPool2d, nn.AvgPool3d,
            nn.AdaptiveAvgPool1d, nn.AdaptiveAvgPool2d, nn.AdaptiveAvgPool3d,
            nn.AdaptiveMaxPool1d, nn.AdaptiveMaxPool2d, nn.AdaptiveMaxPool3d,
        ),
        "pool",
    ),
    (
        (
            nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d, nn.LocalResponseNorm, nn.GroupNorm,
            nn.LayerNorm, nn.InstanceNorm1d, nn.InstanceNorm2d, nn.InstanceNorm3d,
        ),
        "norm",
    ),
    (
        (
            nn.ReLU, nn.ReLU6, nn.LeakyReLU, nn.PReLU, nn.ELU, nn.GELU, nn.SiLU, nn.Hardswish, nn.Sigmoid,
            nn.Tanh, nn.Softmax,
        ),
        "act",
    ),
    ((nn.Dropout, nn.Dropout1d, nn.Dropout2d, nn.Dropout3d, nn.AlphaDropout), "dropout"),
    ((nn.Flatten,), "flatten"),
)
# Function calls that become rows: target -> (kind, op).
_FUNCTIONS = {
    operator.add: ("add", "add"),
    torch.add: ("add", "add"),
    torch.cat: ("concat", "cat"),
    torch.concat: ("concat", "cat"),
    torch.flatten: ("flatten", "flatten"),
    functional.relu: ("act", "relu"),
    torch.relu: ("act", "relu"),
    torch.sigmoid: ("act", "sigmoid"),
    torch.tanh: ("act", "tanh"),
}
_METHODS = {
    "add": ("add", "add"),
    "add_": ("add", "add"),
    "flatten": ("flatten", "flatten"),
    "relu": ("act", "relu"),
    "relu_": ("act", "relu"),
    "sigmoid": ("act", "sigmoid"),
    "tanh": ("act", "tanh"),
}
_WINDOWED = (nn.Conv2d, nn.MaxPool2d, nn.AvgPool2d)
# Kinds whose modules give back their input's shape: the shape pass does not run them (see _ShapeRecorder).
_SHAPE_KEEPING = ("norm", "act", "dropout")


class _Layer(NamedTuple):
    """A row before numbering: what ran, on which shapes, and which module (None for functions)."""

    name: str
    kind: str
    op: str
    module: nn.Module | None
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    field: Field | None = None


def analyze(model: nn.Module | str, input_shape: tuple[int, ...] | None = None, **options) -> Analysis:
    """Rows, edges and totals of a model for one input shape.

    Parameters
    ----------
    model : nn.Module or str
        A module, or a zoo name (built on the meta device; results are cached per name, shape and options).
    input_shape : tuple of int, optional
        Per-sample shape, (C, H, W) for images. Defaults to the zoo entry's own; required for a module.
    **options
        Builder options for a zoo name, e.g. ``shortcut="B"`` or ``two_gpu=True`` (hashable values).

    Returns
    -------
    Analysis

    Raises
    ------
    UserInputError
        For an unknown zoo name, a malformed shape, or a shape the model cannot take (too small, wrong
        number of channels); the message names the model, the layer and torch's reason.
    """
    if isinstance(model, str):
        info = get_info(model)
        shape = info.input_shape if input_shape is None else _checked_shape(input_shape)
        return _analyze_zoo(info.name, shape, tuple(sorted(options.items())))
    if options:
        raise TypeError("options apply to zoo names only; build the module with them instead")
    if input_shape is None:
        raise TypeError("input_shape is required when analysing a module")
    return _analyze_module(model, type(model).__name__, _checked_shape(input_shape))


def analysis_to_dict(analysis: Analysis) -> dict:
    """The analysis as plain JSON types: totals, ``layers`` (one dict per row) and ``edges``."""
    return {
        "model": analysis.model,
        "input_shape": list(analysis.input_shape),
        "params": analysis.params,
        "trainable": analysis.trainable,
        "macs": analysis.macs,
        "paper_depth": analysis.paper_depth,
        "weighted_modules": analysis.weighted_modules,
        "layers": [
            {key: list(value) if isinstance(value, tuple) else value for key, value in asdict(row).items()}
            for row in analysis.rows
        ],
        "edges": [asdict(edge) for edge in analysis.edges],
    }


def _checked_shape(shape) -> tuple[int, ...]:
    try:
        dims = tuple(operator.index(size) for size in shape)
    except TypeError:
        dims = ()
    if not dims or min(dims) < 1:
        raise UserInputError(f"input shape must be positive whole sizes such as (3, 224, 224), got {shape!r}")
    return dims


# torch.fx patches nn.Module.__call__ and torch's functions for every thread while it traces: a model built or
# run on another thread at that moment goes through the tracer and fails ("module is not installed as a
# submodule"). The depth page asks for a parameter count on the GUI thread while the engine thread analyses the
# zoo, so analyses run one at a time (reentrant: an analysis of the zoo analyses a module).
_ANALYSING = threading.RLock()
TRACING = _ANALYSING  # for other modules that trace with torch.fx (the feature extractor)


@functools.lru_cache(maxsize=64)
def _analyze_zoo(name: str, shape: tuple[int, ...], options: tuple[tuple[str, object], ...]) -> Analysis:
    # The meta device gives shapes without memory or arithmetic: VGG-16 would otherwise allocate 550 MB.
    with _ANALYSING, torch.device("meta"):
        model = get_model(name, **dict(options))
    return _analyze_module(model, name, shape)


def _analyze_module(model: nn.Module, label: str, shape: tuple[int, ...]) -> Analysis:
    with _ANALYSING:
        return _analysis_of(model, label, shape)


def _analysis_of(model: nn.Module, label: str, shape: tuple[int, ...]) -> Analysis:
    modes = {module: module.training for module in model.modules()}
    # Eval mode: batch norm on one sample must not need batch statistics, and dropout is a pass-through.
    model.eval()
    try:
        example = _example(model, shape)
        with torch.no_grad():
            traced = _traced_layers(model, example, label)
            layers, inputs = traced if traced is not None else _hooked_layers(model, example, label)
    finally:
        for module, training in modes.items():
            module.training = training
    rows = _numbered(layers)
    kinds = [row.kind for row in rows]
    names = paper_names(model, [row.name for row in rows], kinds, inputs)
    rows = tuple(replace(row, paper_name=name) for row, name in zip(rows, names, strict=True))
    return Analysis(
        model=label,
        input_shape=shape,
        rows=rows,
        edges=_edges(rows, inputs),
        params=sum(p.numel() for p in model.parameters()),
        trainable=sum(p.numel() for p in model.parameters() if p.requires_grad),
        macs=sum(row.macs for row in rows),
        paper_depth=paper_depth(kinds, inputs),
        weighted_modules=sum(kind in WEIGHTED_KINDS for kind in kinds),
    )


def _example(model: nn.Module, shape: tuple[int, ...]) -> torch.Tensor:
    """A zero batch of one on the model's device and in its float type; on meta when it has no tensors."""
    tensor = next(model.parameters(), None)
    if tensor is None:
        tensor = next(model.buffers(), None)
    if tensor is None:
        return torch.zeros((1, *shape), device="meta")
    dtype = tensor.dtype if tensor.is_floating_point() else torch.get_default_dtype()
    return torch.zeros((1, *shape), device=tensor.device, dtype=dtype)


class _ShapeRecorder(fx.Interpreter):
    """Runs a traced graph and keeps each tensor result's per-sample shape; remembers a failing node."""

    def __init__(self, root: nn.Module, graph: fx.Graph) -> None:
        super().__init__(root, graph=graph)
        self.extra_traceback = False  # keep torch's own message, which is shown to people
        self.shapes: dict[fx.Node, tuple[int, ...]] = {}
        self.failed: fx.Node | None = None

    def call_module(self, target: str, args, kwargs):
        module = self.fetch_attr(target)
        if args and isinstance(args[0], torch.Tensor):
            _check_width(module, args[0])
            # Batch norm on the meta device runs through Python decompositions, most of the time of a
            # ResNet's analysis; its output has its input's shape, so the input stands in for it.
            if _module_kind(module) in _SHAPE_KEEPING:
                return args[0]
        return super().call_module(target, args, kwargs)

    def run_node(self, node: fx.Node):
        try:
            result = super().run_node(node)
        except Exception:
            self.failed = node
            raise
        if isinstance(result, torch.Tensor):
            self.shapes[node] = tuple(result.shape[1:])
        return result


def _check_width(module: nn.Module, tensor: torch.Tensor) -> None:
    """Say plainly when channels or features do not match (torch's meta kernels say it tersely)."""
    if isinstance(module, nn.Conv1d | nn.Conv2d | nn.Conv3d) and tensor.shape[1] != module.in_channels:
        raise RuntimeError(f"it expects {module.in_channels} input channels, got {tensor.shape[1]}")
    if isinstance(module, nn.Linear) and tensor.shape[-1] != module.in_features:
        raise RuntimeError(f"it expects {module.in_features} input features, got {tensor.shape[-1]}")


def _traced_layers(model: nn.Module, example: torch.Tensor, label: str):
    """Layers and each layer's input layers from torch.fx, or None when the model cannot be traced."""
    tracer = NodePathTracer()
    try:
        graph = tracer.trace(model)
    except Exception:  # fx raises TraceError, TypeError, RuntimeError... for code it cannot follow
        return None
    recorder = _ShapeRecorder(model, graph)
    try:
        recorder.run(example)
    except (RuntimeError, ValueError) as error:
        layer = tracer.node_to_qualname.get(recorder.failed)
        raise _misfit(label, tuple(example.shape[1:]), layer, error) from None
    shapes = recorder.shapes
    fields = graph_fields(graph, model, shapes)
    layers: list[_Layer] = []
    index_of: dict[fx.Node, int] = {}
    sources: dict[fx.Node, tuple[int, ...]] = {}
    inputs: list[tuple[int, ...]] = []
    for node in graph.nodes:
        layer = _layer_of(node, model, shapes, tracer.node_to_qualname)
        if layer is not None:
            layer = layer._replace(field=fields.get(node))
        if layer is None:
            sources[node] = _sources(node.all_input_nodes, index_of, sources)
            continue
        index_of[node] = len(layers)
        layers.append(layer)
        inputs.append(_sources(node.all_input_nodes, index_of, sources))
    return layers, inputs


def _sources(nodes, index_of: dict, sources: dict) -> tuple[int, ...]:
    """The layers that feed ``nodes``, looking through nodes that are not layers."""
    found: dict[int, None] = {}
    for node in nodes:
        found.update(dict.fromkeys((index_of[node],) if node in index_of else sources.get(node, ())))
    return tuple(found)


def _layer_of(node: fx.Node, model: nn.Module, shapes: dict, qualnames: dict) -> _Layer | None:
    if node not in shapes:
        return None
    name = qualnames.get(node, node.name)
    if node.op == "placeholder":
        return _Layer("input", "input", "input", None, shapes[node], shapes[node])
    in_shape = next((shapes[arg] for arg in node.all_input_nodes if arg in shapes), ())
    if node.op == "call_module":
        module = model.get_submodule(node.target)
        return _Layer(name, _module_kind(module), type(module).__name__, module, in_shape, shapes[node])
    table = _FUNCTIONS if node.op == "call_function" else _METHODS if node.op == "call_method" else {}
    if node.target not in table:
        return None
    kind, op = table[node.target]
    return _Layer(name, kind, op, None, in_shape, shapes[node])


def _module_kind(module: nn.Module) -> str:
    return next((kind for classes, kind in _MODULE_KINDS if isinstance(module, classes)), "other")


def _hooked_layers(model: nn.Module, example: torch.Tensor, label: str):
    """Leaf-module calls in order, recorded with forward hooks; each layer's input is the previous one."""
    layers = [_Layer("input", "input", "input", None, tuple(example.shape[1:]), tuple(example.shape[1:]))]

    def record(call_name: str, module: nn.Module, args, output) -> None:
        in_shape = tuple(args[0].shape[1:]) if args and isinstance(args[0], torch.Tensor) else ()
        out_shape = tuple(output.shape[1:]) if isinstance(output, torch.Tensor) else ()
        layers.append(_Layer(call_name, _module_kind(module), type(module).__name__, module, in_shape, out_shape))

    try:
        run_watching_leaves(model, example, record)
    except (RuntimeError, ValueError) as error:
        raise _misfit(label, tuple(example.shape[1:]), None, error) from None
    fields = chain_fields(
        [layer.module for layer in layers], [(layer.input_shape, layer.output_shape) for layer in layers]
    )
    layers = [layer._replace(field=field) for layer, field in zip(layers, fields, strict=True)]
    return layers, [()] + [(index,) for index in range(len(layers) - 1)]


def _misfit(label: str, shape: tuple[int, ...], layer: str | None, error: Exception) -> UserInputError:
    where = f" at layer '{layer}'" if layer else ""
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return UserInputError(f"input {'x'.join(map(str, shape))} does not fit {label}{where}: {reason}")


def _numbered(layers: list[_Layer]) -> tuple[LayerInfo, ...]:
    seen: set[int] = set()
    rows = []
    for index, layer in enumerate(layers):
        module = layer.module
        owned = [] if module is None else [p for p in module.parameters() if id(p) not in seen]
        seen.update(id(p) for p in owned)
        windowed = isinstance(module, _WINDOWED)
        rows.append(
            LayerInfo(
                index=index,
                name=layer.name,
                kind=layer.kind,
                op=layer.op,
                input_shape=layer.input_shape,
                output_shape=layer.output_shape,
                kernel=_pair(module.kernel_size) if windowed else None,
                stride=_pair(module.stride) if windowed else None,
                padding=_pair(module.padding) if windowed else None,
                groups=module.groups if isinstance(module, nn.Conv2d | nn.Conv1d | nn.Conv3d) else 1,
                params=sum(p.numel() for p in owned),
                trainable=sum(p.numel() for p in owned if p.requires_grad),
                macs=_macs(module, layer.output_shape),
                rf_size=None if layer.field is None else layer.field.size,
                rf_jump=None if layer.field is None else layer.field.jump,
                rf_start=None if layer.field is None else layer.field.start,
            )
        )
    return tuple(rows)


def _pair(value) -> tuple[int, int] | None:
    if isinstance(value, str):  # padding="same" / "valid"
        return None
    return (value, value) if isinstance(value, int) else tuple(value)


def _macs(module: nn.Module | None, output_shape: tuple[int, ...]) -> int:
    if isinstance(module, nn.Conv1d | nn.Conv2d | nn.Conv3d):
        return math.prod(output_shape) * (module.in_channels // module.groups) * math.prod(module.kernel_size)
    if isinstance(module, nn.Linear):
        return math.prod(output_shape) * module.in_features
    return 0


def _edges(rows: tuple[LayerInfo, ...], inputs: list[tuple[int, ...]]) -> tuple[Edge, ...]:
    kinds = _shortcut_kinds(rows, inputs)
    plain = [(src, dst) for dst, srcs in enumerate(inputs) for src in srcs if (src, dst) not in kinds]
    fan_out: dict[int, int] = {}
    for src, _ in plain:
        fan_out[src] = fan_out.get(src, 0) + 1
    for src, dst in plain:
        kinds[src, dst] = "branch" if fan_out[src] > 1 else "sequence"
    return tuple(Edge(src, dst, kinds[src, dst]) for dst, srcs in enumerate(inputs) for src in srcs)


def _shortcut_kinds(rows: tuple[LayerInfo, ...], inputs: list[tuple[int, ...]]) -> dict[tuple[int, int], str]:
    """``skip`` / ``projection`` for the edges of every shortcut path into an ``add`` row."""
    ancestors = []  # bit i set: row i is upstream
    for srcs in inputs:
        ancestors.append(functools.reduce(operator.or_, (ancestors[s] | 1 << s for s in srcs), 0))
    kinds: dict[tuple[int, int], str] = {}
    for dst, srcs in enumerate(inputs):
        if rows[dst].kind != "add" or len(srcs) < 2:
            continue
        main = max(srcs, key=lambda s: ancestors[s].bit_count())
        for src in srcs:
            path = _path_to_main(src, ancestors[main], inputs) if src != main else None
            if path is None:
                continue
            kind = "projection" if any(rows[r].params for r in path[1:]) else "skip"
            hops = [*path, dst]
            kinds.update(dict.fromkeys(zip(hops, hops[1:], strict=False), kind))
    return kinds


def _path_to_main(row: int, main_ancestors: int, inputs: list[tuple[int, ...]]) -> list[int] | None:
    """Rows from the fork on the main path to ``row``, following single inputs; None if it never rejoins."""
    path = [row]
    while not main_ancestors >> path[0] & 1:
        if len(inputs[path[0]]) != 1:
            return None
        path.insert(0, inputs[path[0]][0])
    return path
