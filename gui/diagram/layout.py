"""Where a network diagram puts things: volumes, links, skip arcs and groups, from the layer analysis.

Pure Python (no Qt), so the layout is tested fast and the view only paints what it is given. Two steps:

``build_structure(rows, edges)`` turns an ``engine.models.analysis`` result into what is drawn, independent of
any collapsing: *boxes* (a layer with the activations, batch norm and dropout that follow it folded in,
as the lecture's slides draw them), the main data flow between boxes, *shortcuts* (residual connections:
an identity, a zero-padded identity where the shape changes, or a projection through weighted layers)
and *groups* (a module such as ``layer1``, ``layer1.0`` or ``inception3a``, or a stage of a plain
``Sequential`` ending at a pooling layer, as VGG's five stages).

``lay_out(structure, collapsed, words, metrics)`` places it left to right in scene units (pixels at zoom
1): a chain of volumes on one line, parallel branches (Inception) in lanes stacked one above the other
between the fork and the join, shortcuts as arcs over what they bypass, expanded groups as frames and
collapsed groups as one volume. A graph that is not made of chains and parallel branches falls back to
one line in forward order with arcs for the edges that jump, so any model is drawn.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from engine.models.paper import SEPARATOR, paper_parts
from engine.text.numbers import shape_text

_NUMBERED_PART = re.compile(r"(stage|block) (\d+)")  # engine.models.paper's words for He et al.'s parts

__all__ = [
    "Words", "TextMetrics", "Box", "Shortcut", "Group", "Structure", "Node", "Link", "Arc", "Frame", "Diagram",
    "build_structure", "lay_out", "lay_out_to_fit", "fit_scale", "collapse_levels", "default_collapsed",
    "volume_size", "op_title", "GAP", "ADD_SIZE", "TEXT_PAD", "STACK",
]

_FOLDED_KINDS = ("act", "dropout")       # always drawn inside the layer they follow
_WEIGHTED = ("conv", "linear")
_ACTIVATIONS = {"relu": "ReLU", "relu6": "ReLU6", "leakyrelu": "leaky ReLU", "tanh": "tanh",
                "sigmoid": "sigmoid", "gelu": "GELU", "silu": "SiLU", "elu": "ELU", "softmax": "softmax"}
_NORMS = {"localresponsenorm": "LRN", "layernorm": "LN", "groupnorm": "GN"}

GAP = 18.0           # between neighbouring slots; links and arc legs run in it
LANE_GAP = 12.0      # between parallel lanes
ARC_CLEARANCE = 10.0
ARC_ROOM = 12.0      # more gap where an arc's leg runs: the leg is GAP / 2 + 6 from the texts on either side
FRAME_PAD = 8.0
ADD_SIZE = 24.0      # the diameter of an addition's circle
STACK = 8.0          # a collapsed group is drawn as a stack of volumes, this far down and left
TEXT_PAD = 4.0
BAND_GAP = 30.0      # between the bands of a wrapped drawing; the flow returns through it


@dataclass(frozen=True)
class Words:
    """The words a diagram writes; the view passes translated ones, tests use these English defaults."""

    input: str = "input"
    conv: str = "conv"
    max_pool: str = "max pool"
    avg_pool: str = "avg pool"
    global_avg_pool: str = "global avg pool"
    global_max_pool: str = "global max pool"
    fc: str = "fc"
    flatten: str = "flatten"
    concat: str = "concat"
    dropout: str = "dropout"
    stage: str = "stage {n}"
    blocks: str = "{n} blocks"
    layers: str = "{n} layers"
    branches: str = "{n} branches"
    features: str = "features"      # torchvision's module names, where the paper gives the part no name
    classifier: str = "classifier"
    block: str = "block {n}"        # the paper's numbered parts ("stage 1, block 2"), in the interface's language


@dataclass(frozen=True)
class TextMetrics:
    """How wide a text is and how tall a line is, in scene units. The view measures with its font."""

    line_height: float = 17.0
    char_width: float = 7.5
    measure: Callable[[str], float] | None = None
    measure_bold: Callable[[str], float] | None = None  # a group's title is drawn bold: wider than measured plain

    def width(self, text: str) -> float:
        if self.measure is not None:
            return self.measure(text)
        # East Asian characters are about twice as wide as Latin ones.
        return sum(self.char_width * (1.9 if ord(ch) >= 0x2E80 else 1.0) for ch in text)

    def bold_width(self, text: str) -> float:
        if self.measure_bold is not None:
            return self.measure_bold(text)
        return self.width(text) * 1.1  # a bold Latin face is about a tenth wider


# ---------------------------------------------------------------- structure (what is drawn)


@dataclass(frozen=True)
class Box:
    """One volume: a layer's row first, then the rows folded into it (activation, batch norm, dropout)."""

    id: int
    rows: tuple[int, ...]
    kind: str
    on_arc: bool  # on a projection shortcut: drawn on its arc, not on the main line

    @property
    def row(self) -> int:
        return self.rows[0]


@dataclass(frozen=True)
class Shortcut:
    """A residual connection from the ``fork`` box into the ``add`` box.

    ``kind``: ``identity``; ``padded`` (an identity that is subsampled and zero-padded because the shape
    changes, ResNet option A); ``projection`` (through the weighted boxes ``via``, option B).
    """

    fork: int
    add: int
    kind: str
    via: tuple[int, ...]


@dataclass(frozen=True)
class Group:
    """Boxes that collapse into one volume: a module (``name``) or the ``stage``-th stage of a Sequential."""

    id: str
    name: str
    stage: int                 # 1, 2, ... for a pooling-delimited stage; 0 for a module
    depth: int                 # 0 for the outermost groups
    parent: str | None
    children: tuple[str, ...]
    boxes: tuple[int, ...]     # every box inside, in forward order, shortcut boxes included
    output: int                # the box whose output leaves the group
    weighted: int              # convolution and dense rows inside, on the main path (not a shortcut's projection)
    branches: int              # the most parallel inputs merged inside (Inception: 4), else 0
    paper: tuple[str, ...] = ()  # the levels of the paper name its rows share: ("conv3_x", "block 1")


@dataclass(frozen=True)
class Structure:
    """What a model's diagram is made of, before any collapsing or placing (see ``build_structure``)."""

    rows: tuple
    boxes: tuple[Box, ...]
    box_of_row: tuple[int, ...]
    flow: tuple[tuple[int, int], ...]   # main data flow between boxes (shortcuts excluded), forward order
    shortcuts: tuple[Shortcut, ...]
    groups: tuple[Group, ...]           # outer groups before the groups they contain




def volume_size(shape: tuple[int, ...]) -> tuple[float, float, float]:
    """(depth, height, slant) of a volume: depth follows the channels, height the spatial size on a log
    scale (so 224×224×64 and 7×7×512 both read), slant (the receding width) the width.

    A vector (a dense layer's output) is a thin bar whose height follows its length on a log scale.
    """
    if len(shape) >= 2:
        channels, height = shape[0], shape[1]
        width = shape[2] if len(shape) >= 3 else 1
        depth = min(max(3.0 + 2.2 * math.sqrt(channels), 5.0), 100.0)
        return depth, 10.0 + 11.0 * math.log2(max(height, 1)), 0.3 * (6.0 + 11.0 * math.log2(max(width, 1)))
    if len(shape) == 1:
        return 9.0, 14.0 + 8.0 * math.log2(max(shape[0], 1)), 4.0
    return 9.0, 14.0, 4.0


def op_title(row, words: Words = Words()) -> str:  # noqa: B008 - Words is frozen
    """What a row does, as the slides write it: "conv 11×11, s=4", "max pool 3×3, s=2", "fc 4096"."""
    op = row.op.lower()
    if row.kind == "input":
        return words.input
    if row.kind == "conv":
        return words.conv + _window(row) + (f", g={row.groups}" if row.groups > 1 else "")
    if row.kind == "pool":
        spatial = row.output_shape[1:]
        if op.startswith("adaptive"):
            is_max = "max" in op
            if spatial and all(size == 1 for size in spatial):
                return words.global_max_pool if is_max else words.global_avg_pool
            return (words.max_pool if is_max else words.avg_pool) + " → " + "×".join(map(str, spatial))
        return (words.max_pool if "max" in op else words.avg_pool) + _window(row)
    if row.kind == "linear":
        return f"{words.fc} {row.output_shape[-1]}"
    if row.kind == "norm":
        return "BN" if op.startswith("batchnorm") else _NORMS.get(op, row.op)
    if row.kind == "act":
        return _ACTIVATIONS.get(op, row.op)
    return {"flatten": words.flatten, "concat": words.concat, "dropout": words.dropout, "add": "+"}.get(
        row.kind, row.op)


def _window(row) -> str:
    if row.kernel is None:
        return ""
    text = f" {row.kernel[0]}×{row.kernel[1]}"
    if row.stride and row.stride != (1, 1):
        text += f", s={row.stride[0]}" if row.stride[0] == row.stride[1] else f", s={row.stride[0]}×{row.stride[1]}"
    return text


def build_structure(rows, edges) -> Structure:
    """Boxes, main flow, shortcuts and groups of an analysis (``Analysis.rows`` and ``Analysis.edges``)."""
    inputs: list[list[int]] = [[] for _ in rows]
    consumers: list[list[int]] = [[] for _ in rows]
    for edge in edges:
        inputs[edge.dst].append(edge.src)
        consumers[edge.src].append(edge.dst)
    box_rows, box_of_row = _fold(rows, inputs, consumers)
    links: dict[tuple[int, int], str] = {}
    for edge in edges:
        pair = (box_of_row[edge.src], box_of_row[edge.dst])
        if pair[0] != pair[1]:
            links.setdefault(pair, edge.kind)
    adds = {b for b, members in enumerate(box_rows) if rows[members[0]].kind == "add"}
    on_arc = {dst for (_, dst), kind in links.items() if kind == "projection" and dst not in adds}
    boxes = tuple(Box(b, tuple(members), rows[members[0]].kind, b in on_arc) for b, members in enumerate(box_rows))
    shortcuts = _shortcuts(rows, boxes, links, adds, on_arc)
    flow = tuple(sorted(pair for pair, kind in links.items() if kind in ("sequence", "branch")
                        and pair[0] not in on_arc and pair[1] not in on_arc))
    groups = _groups(rows, boxes, flow)
    return Structure(tuple(rows), boxes, tuple(box_of_row), flow, shortcuts, groups)


def _fold(rows, inputs, consumers) -> tuple[list[list[int]], list[int]]:
    """Rows into boxes: an activation or dropout, or a norm right after a weighted layer (batch norm),
    joins the box of its one input when it is that input's only consumer."""
    box_rows: list[list[int]] = []
    box_of_row: list[int] = []
    for row in rows:
        srcs = inputs[row.index]
        folds = row.kind in _FOLDED_KINDS or (row.kind == "norm" and len(srcs) == 1
                                              and rows[srcs[0]].kind in _WEIGHTED)
        if folds and len(srcs) == 1 and len(consumers[srcs[0]]) == 1:
            box = box_of_row[srcs[0]]
            box_rows[box].append(row.index)
        else:
            box = len(box_rows)
            box_rows.append([row.index])
        box_of_row.append(box)
    return box_rows, box_of_row


def _shortcuts(rows, boxes, links, adds, on_arc) -> tuple[Shortcut, ...]:
    """Each skip or projection path into an addition, traced back through its boxes to the fork."""
    into: dict[int, list[tuple[int, str]]] = {}
    for (src, dst), kind in links.items():
        into.setdefault(dst, []).append((src, kind))
    found = []
    for add in sorted(adds):
        for src, kind in into.get(add, ()):
            if kind not in ("skip", "projection"):
                continue
            via: list[int] = []
            while src in on_arc:
                via.insert(0, src)
                src = next(s for s, k in into[src] if k == "projection")
            if kind == "skip":
                fork_shape = rows[boxes[src].rows[-1]].output_shape
                kind = "identity" if fork_shape == rows[boxes[add].row].output_shape else "padded"
            found.append(Shortcut(src, add, kind, tuple(via)))
    return tuple(found)


def _groups(rows, boxes, flow) -> tuple[Group, ...]:
    """Modules and Sequential stages that hold two or more boxes and sit in the flow as one piece."""
    succ: dict[int, set[int]] = {}
    pred: dict[int, set[int]] = {}
    for a, b in flow:
        succ.setdefault(a, set()).add(b)
        pred.setdefault(b, set()).add(a)
    members: dict[str, list[int]] = {}
    for box in boxes:
        parts = rows[box.row].name.split(".")
        for depth in range(1, len(parts)):
            members.setdefault(".".join(parts[:depth]), []).append(box.id)
    candidates: list[tuple[str, str, int, list[int]]] = []  # (id, name, stage, boxes)
    for name, ids in members.items():
        stages = _stages(rows, boxes, name, ids)
        if stages:
            candidates += [(f"{name}#{n}", name, n, part) for n, part in enumerate(stages, 1) if len(part) >= 2]
        elif len(ids) >= 2:
            candidates.append((name, name, 0, ids))
    main = sorted(box.id for box in boxes if not box.on_arc)
    kept: dict[frozenset, tuple[str, str, int, list[int]]] = {}
    for candidate in sorted(candidates, key=lambda c: c[0].count(".")):  # outer names first
        ids = candidate[3]
        inside = {b for b in ids if not boxes[b].on_arc}
        if len(ids) >= 2 and _is_one_piece(inside, main, succ, pred) and frozenset(ids) not in kept:
            kept[frozenset(ids)] = candidate
    return _nested(rows, boxes, list(kept.values()), pred)


def _stages(rows, boxes, name: str, ids: list[int]) -> list[list[int]] | None:
    """A Sequential of plain layers (``features.0``, ``features.1``, ...) cut after each pooling layer,
    or None when it is not one or has a single stage."""
    pattern = re.compile(re.escape(name) + r"\.\d+")
    if not all(pattern.fullmatch(rows[boxes[b].row].name) for b in ids):
        return None
    stages: list[list[int]] = [[]]
    for b in ids:
        stages[-1].append(b)
        if boxes[b].kind == "pool":
            stages.append([])
    stages = [stage for stage in stages if stage]
    return stages if len(stages) >= 2 else None


def _shared_parts(names: list[str]) -> tuple[str, ...]:
    """The leading levels that every paper name in ``names`` has (``engine.models.paper.paper_parts``)."""
    split = [paper_parts(name) for name in names]
    shared: list[str] = []
    for level in zip(*split, strict=False):
        if len(set(level)) != 1:
            break
        shared.append(level[0])
    return tuple(shared)


def _is_one_piece(inside: set[int], main: list[int], succ, pred) -> bool:
    """True when the boxes are contiguous in forward order and every flow into (out of) them comes from
    (goes to) a box that feeds (is fed by) nothing but them: not one lane among parallel ones."""
    if not inside:
        return False
    span = [b for b in main if min(inside) <= b <= max(inside)]
    if len(span) != len(inside):
        return False
    for b in inside:
        for a in pred.get(b, ()):
            if a not in inside and not succ[a] <= inside:
                return False
        for c in succ.get(b, ()):
            if c not in inside and not pred[c] <= inside:
                return False
    return True


def _nested(rows, boxes, kept, pred) -> tuple[Group, ...]:
    """The kept candidates as groups, each under the smallest other group that holds it."""
    sets = [frozenset(c[3]) for c in kept]
    parents: list[int | None] = []
    for i, ids in enumerate(sets):
        holders = [j for j, other in enumerate(sets) if j != i and ids < other]
        parents.append(min(holders, key=lambda j: len(sets[j])) if holders else None)

    def depth(i: int) -> int:
        return 0 if parents[i] is None else 1 + depth(parents[i])

    groups = []
    for i, (group_id, name, stage, ids) in enumerate(kept):
        main = [b for b in ids if not boxes[b].on_arc]
        merged = max((len(pred.get(b, ())) for b in main), default=0)
        groups.append(Group(
            id=group_id, name=name, stage=stage, depth=depth(i),
            parent=None if parents[i] is None else kept[parents[i]][0],
            children=tuple(kept[j][0] for j in range(len(kept)) if parents[j] == i),
            boxes=tuple(sorted(ids)), output=max(main),
            # As the papers count a block's layers: a projection on the shortcut's arc is not one of them.
            weighted=sum(rows[r].kind in _WEIGHTED for b in ids if not boxes[b].on_arc for r in boxes[b].rows),
            branches=merged if merged > 1 else 0,
            paper=_shared_parts([rows[r].paper_name for b in ids for r in boxes[b].rows]),
        ))
    return tuple(sorted(groups, key=lambda g: (g.boxes[0], -len(g.boxes))))


def collapse_levels(structure: Structure) -> list[frozenset[str]]:
    """Collapsed-group sets from everything expanded to every outermost group collapsed.

    Level d collapses the groups at depth d and the innermost groups above it, so ResNet goes
    layers → blocks → stages.
    """
    deepest = max((g.depth for g in structure.groups), default=-1)
    levels = [frozenset()]
    for level in range(deepest, -1, -1):
        levels.append(frozenset(g.id for g in structure.groups
                                if g.depth == level or (g.depth < level and not g.children)))
    return levels


def default_collapsed(structure: Structure, size: tuple[float, float], words: Words = Words(),  # noqa: B008
                      metrics: TextMetrics = TextMetrics(), readable: float = 0.8,  # noqa: B008
                      max_scale: float = 1.6) -> frozenset[str]:
    """The most expanded level that fits ``size`` at a scale of at least ``readable`` (wrapping the
    drawing into bands where that helps), else the most collapsed level."""
    levels = collapse_levels(structure)
    for collapsed in levels[:-1]:
        if any(scale >= readable for _, scale in _candidates(structure, size, collapsed, words, metrics,
                                                             max_scale)):
            return collapsed
    return levels[-1]


def fit_scale(diagram: Diagram, size: tuple[float, float]) -> float:
    """The zoom at which ``diagram`` just fits a ``size`` (width, height) window."""
    x0, y0, x1, y1 = diagram.bounds
    return min(size[0] / max(x1 - x0, 1.0), size[1] / max(y1 - y0, 1.0))


def lay_out_to_fit(structure: Structure, size: tuple[float, float], collapsed: frozenset[str] = frozenset(),
                   words: Words = Words(), metrics: TextMetrics = TextMetrics(),  # noqa: B008
                   max_scale: float = 1.6, min_scale: float = 0.0) -> Diagram:
    """The layout that is drawn largest in ``size``: wrapped into bands, its labels cut into short lines
    (for a wide drawing) or not (for a tall one, such as an Inception module's lanes). Fewer bands and
    short lines win unless another layout is at least 5% larger (zoom capped at ``max_scale``).

    A view never draws below ``min_scale`` (its labels would be unreadable): when no layout fits at that
    scale the view scrolls, and then the largest layout that scrolls only downwards wins — a drawing that
    runs off the side hides where the data comes in or goes out (ResNet-18 at 200 % zoom: "input" was cut)."""
    candidates = list(_candidates(structure, size, collapsed, words, metrics, max_scale,
                                  every_band=min_scale > 0))
    best, best_scale = None, 0.0
    for diagram, scale in candidates:
        if best is None or scale > best_scale * 1.05:
            best, best_scale = diagram, scale
    if best_scale < min_scale:
        across = [(diagram, scale) for diagram, scale in candidates
                  if (diagram.bounds[2] - diagram.bounds[0]) * min_scale <= size[0]]
        if across:
            best = max(across, key=lambda candidate: candidate[1])[0]  # the first of equals: fewer bands
    return best


def _candidates(structure, size, collapsed, words, metrics, max_scale, max_bands: int = 4,
                every_band: bool = False):
    """(diagram, zoom to fit) for 1, 2, ... bands, short lines and not; stops where more bands cannot
    help (every layout already limited by the height, unless ``every_band``, or nowhere left to cut)."""
    placer = _Placer(structure, collapsed, words, metrics)
    for bands in range(1, max_bands + 1):
        tall = True
        for short_lines in (True, False):
            diagram = placer.diagram(bands, short_lines)
            x0, y0, x1, y1 = diagram.bounds
            tall = tall and size[1] / max(y1 - y0, 1.0) <= size[0] / max(x1 - x0, 1.0)
            yield diagram, min(fit_scale(diagram, size), max_scale)
        if (tall and not every_band) or diagram.bands < bands:
            return


# ---------------------------------------------------------------- placement

@dataclass(frozen=True)
class Node:
    """A placed volume: a box, or a collapsed group (``kind == "group"``), or a tag on a projection arc.

    ``x, y``: the centre of the volume's drawing (front face plus its receding slant); ``rect``: its slot
    with the labels (x0, y0, x1, y1). ``title`` is the operation ("conv 11×11, s=4") or a group's name,
    ``notes`` the folded layers ("BN", "ReLU") or a group's contents ("3 blocks"), ``shape`` the output
    ("55×55×96"). ``band`` is the band of a wrapped drawing it sits in; ``short_lines``: its labels are
    cut into short lines (one per folded layer, the title at its commas) rather than kept on one line each.
    """

    key: str
    kind: str
    rows: tuple[int, ...]
    row: int
    group: str | None
    x: float
    y: float
    depth: float
    height: float
    slant: float
    title: str
    notes: tuple[str, ...]
    shape: str
    on_arc: bool
    band: int
    short_lines: bool
    rect: tuple[float, float, float, float]
    label: str = ""  # the layer's name in its paper ("conv3_2", "C1"), the first line above it

    @property
    def left(self) -> float:
        return self.x - (self.depth + self.slant) / 2

    @property
    def right(self) -> float:
        return self.x + (self.depth + self.slant) / 2

    @property
    def title_lines(self) -> tuple[str, ...]:
        """The title in short lines, cut after its commas ("conv 11×11" / "s=4"); else the title and the
        folded layers on one line ("conv 1×1 · ReLU")."""
        label = (self.label,) if self.label else ()
        if self.short_lines:
            return label + (tuple(self.title.split(", ")) if self.title else ())
        line = " · ".join(t for t in (self.title, *self.notes) if t)
        return label + ((line,) if line else ())

    @property
    def note_lines(self) -> tuple[str, ...]:
        """The folded layers, one a line in short lines (an addition's, below it, always so)."""
        return self.notes if self.short_lines or self.kind == "add" else ()

    @property
    def above(self) -> tuple[str, ...]:
        """Lines written above the volume (an addition has none: its arcs come down there)."""
        return () if self.kind == "add" else self.title_lines + self.note_lines

    @property
    def below(self) -> tuple[str, ...]:
        if self.kind == "add":
            return self.note_lines
        return (self.shape,) if self.shape and not self.on_arc else ()


@dataclass(frozen=True)
class Link:
    """Data flow from node ``src`` to node ``dst`` along ``points``; the arrow head is at the last point."""

    src: str
    dst: str
    kind: str  # sequence | branch | wrap (from the end of one band to the start of the next)
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Arc:
    """A shortcut drawn over what it bypasses: up, across, down. ``kind``: identity | padded | projection |
    flow (an edge that jumps in the fallback line). ``via``: the node keys drawn on it."""

    src: str
    dst: str
    kind: str
    points: tuple[tuple[float, float], ...]
    via: tuple[str, ...]


@dataclass(frozen=True)
class Frame:
    """An expanded group: a frame around its nodes (one per band it spans), titled at its top left."""

    group: str
    title: str
    rect: tuple[float, float, float, float]
    depth: int


@dataclass(frozen=True)
class Diagram:
    """A placed drawing in scene units: ``bounds`` is (x0, y0, x1, y1) around everything but the legend."""

    nodes: tuple[Node, ...]   # forward order, shortcut nodes included
    links: tuple[Link, ...]
    arcs: tuple[Arc, ...]
    frames: tuple[Frame, ...]  # outer frames first
    bounds: tuple[float, float, float, float]
    collapsed: frozenset[str]
    bands: int

    def node(self, key: str) -> Node:
        return next(n for n in self.nodes if n.key == key)

    def node_of_row(self, row: int) -> Node | None:
        return next((n for n in self.nodes if row in n.rows), None)


@dataclass(eq=False)
class _Lanes:
    """Parallel lanes between a fork and its join; each lane is a list of items (unit keys or _Lanes).
    Placing them records where they went: ``x`` (left), ``width`` and each lane's centre line ``ys``."""

    lanes: list[list]
    x: float = 0.0
    width: float = 0.0
    ys: list[float] = field(default_factory=list)


class _NotSeriesParallelError(Exception):
    """The flow is not chains and parallel lanes: branches that never meet, or that cross."""


class _Placer:
    """Lays out one collapsed state of a structure; ``diagram(bands, short_lines)`` places it.

    Units are what the flow is drawn between: a box (``"b12"``) or a collapsed group (``"g:layer1"``).
    """

    def __init__(self, structure: Structure, collapsed: frozenset[str], words: Words, metrics: TextMetrics):
        self.s, self.words, self.m = structure, words, metrics
        self.collapsed = frozenset(collapsed) & {g.id for g in structure.groups}
        self._group = {g.id: g for g in structure.groups}
        self._innermost = {}
        for group in sorted(structure.groups, key=lambda g: g.depth):
            self._innermost.update(dict.fromkeys(group.boxes, group.id))
        self.rep = {b.id: self._unit_of(b.id) for b in structure.boxes}
        self.order: dict[str, int] = {}
        for box in structure.boxes:
            if not box.on_arc:
                key = self.rep[box.id]
                self.order[key] = min(self.order.get(key, box.id), box.id)
        self.succ: dict[str, list[str]] = {k: [] for k in self.order}
        self.pred: dict[str, list[str]] = {k: [] for k in self.order}
        for a, b in structure.flow:
            ka, kb = self.rep[a], self.rep[b]
            if ka != kb and kb not in self.succ[ka]:
                self.succ[ka].append(kb)
                self.pred[kb].append(ka)
        for key in self.succ:
            self.succ[key].sort(key=self.order.get)
        self.expanded = [g for g in structure.groups if g.id not in self.collapsed and not self._hidden(g.id)]
        self._expanded_boxes = {g.id: set(g.boxes) for g in self.expanded}
        self.shortcuts = [cut for cut in structure.shortcuts if self._shown(cut)]
        # The units an arc's leg leaves from or comes down beside (a collapsed block's, not an addition's: an arc
        # lands on the circle): the gap after them is wider, so the leg keeps ARC_ROOM / 2 more from the texts.
        self._legs_after = {self.rep[cut.fork] for cut in self.shortcuts} | {
            self.rep[cut.add] for cut in self.shortcuts if not self.rep[cut.add].startswith("b")
            or structure.boxes[int(self.rep[cut.add][1:])].kind != "add"}
        self.short_lines = True
        self._extents: dict[tuple[str, bool], tuple[float, float, float]] = {}
        self._sizes: dict[tuple[int, bool], tuple[float, float, float]] = {}
        self._gaps: dict[tuple[int, int], float] = {}
        self.items = self._structure()
        self.plain_line = all(isinstance(item, str) for item in self.items) and any(
            len(self.succ[k]) > 1 or len(self.pred[k]) > 1 for k in self.order)

    # ------------------------------------------------ units

    def _ancestors(self, group_id: str | None) -> list[str]:
        chain = []
        while group_id is not None:
            chain.append(group_id)
            group_id = self._group[group_id].parent
        return chain

    def _hidden(self, group_id: str) -> bool:
        return any(a in self.collapsed for a in self._ancestors(self._group[group_id].parent))

    def _unit_of(self, box: int) -> str:
        collapsed = [g for g in self._ancestors(self._innermost.get(box)) if g in self.collapsed]
        return f"g:{collapsed[-1]}" if collapsed else f"b{box}"

    def _members(self, key: str) -> tuple[int, ...]:
        return self._group[key[2:]].boxes if key.startswith("g:") else (int(key[1:]),)

    def _shown(self, cut: Shortcut) -> bool:
        """A shortcut is drawn unless it is inside one unit or its block is collapsed into a larger one
        (then the group's block count tells it)."""
        fork, end = self.rep[cut.fork], self.rep[cut.add]
        return fork != end and (not end.startswith("g:") or end[2:] == self._innermost.get(cut.add))

    # ------------------------------------------------ the visible flow as chains and parallel lanes

    def _structure(self) -> list:
        keys = sorted(self.order, key=self.order.get)
        position = {k: i for i, k in enumerate(keys)}
        masks: dict[str, int] = {}
        for key in reversed(keys):
            mask = 0
            for s in self.succ[key]:
                mask |= masks[s] | 1 << position[s]
            masks[key] = mask
        try:
            items = self._series(keys[0], None, masks, position, keys) if keys else []
        except _NotSeriesParallelError:
            return keys
        placed = list(_flatten(items))
        if len(placed) != len(keys) or set(placed) != set(keys):
            return keys  # not chains and parallel lanes: one line, the jumps drawn as arcs
        return items

    def _series(self, start: str, stop: str | None, masks, position, keys) -> list:
        items: list = []
        node = start
        while node is not None and node != stop:
            items.append(node)
            following = self.succ[node]
            if len(following) <= 1:
                node = following[0] if following else None
                continue
            common = -1
            for s in following:
                common &= masks[s] | 1 << position[s]
            if common <= 0:
                raise _NotSeriesParallelError  # the branches never meet again
            join = keys[(common & -common).bit_length() - 1]
            lanes = [self._series(s, join, masks, position, keys) if s != join else [] for s in following]
            items.append(_Lanes(lanes))
            node = join
        return items

    # ------------------------------------------------ texts and sizes

    def _texts(self, key: str) -> tuple[str, str, tuple[str, ...], str, tuple[int, ...], int]:
        """(kind, title, notes, shape, rows, row) of a unit."""
        rows = self.s.rows
        if key.startswith("g:"):
            group = self._group[key[2:]]
            if group.children:
                note = self.words.blocks.format(n=len(group.children))
            elif group.branches:
                note = self.words.branches.format(n=group.branches)
            else:
                note = self.words.layers.format(n=group.weighted)
            out = self.s.boxes[group.output]
            all_rows = tuple(r for b in group.boxes for r in self.s.boxes[b].rows)
            return ("group", self._group_title(group), (note,), shape_text(rows[out.rows[-1]].output_shape),
                    all_rows, out.row)
        box = self.s.boxes[int(key[1:])]
        title = "" if box.kind == "add" else op_title(rows[box.row], self.words)
        notes = tuple(op_title(rows[r], self.words) for r in box.rows[1:])
        shape = "" if box.kind == "add" else shape_text(rows[box.rows[-1]].output_shape)
        return box.kind, title, notes, shape, box.rows, box.row

    def _paper_part(self, part: str) -> str:
        """A level of a paper name in the interface's language: "stage 1" and "block 2" are words of ours
        (the engine names He et al.'s parts in English); conv2_x and inception (4c) are the papers' own."""
        match = _NUMBERED_PART.fullmatch(part)
        if match is None:
            return part
        return (self.words.stage if match[1] == "stage" else self.words.block).format(n=match[2])

    def _group_title(self, group: Group) -> str:
        # The paper's name for the part (conv3_x; block 1 inside it; inception (4c)), else a stage number
        # or the module's name.
        parent = self._group[group.parent].paper if group.parent else ()
        if len(group.paper) > len(parent):
            return SEPARATOR.join(self._paper_part(part) for part in group.paper[len(parent):])
        if group.stage:
            return self.words.stage.format(n=group.stage)
        return {"features": self.words.features, "classifier": self.words.classifier}.get(group.name, group.name)

    def _label(self, key: str) -> str:
        """A box's paper name, less the levels its innermost group's title already says."""
        if not key.startswith("b") or self._on_arc(key):
            return ""
        box = self.s.boxes[int(key[1:])]
        if box.kind not in ("conv", "linear", "pool", "concat"):  # the others follow a named layer
            return ""
        shared = max((len(g.paper) for g in self._group.values() if box.id in g.boxes), default=0)
        parts = paper_parts(self.s.rows[box.row].paper_name)
        return SEPARATOR.join(parts[shared:]) if len(parts) > shared else ""

    def _on_arc(self, key: str) -> bool:
        return key.startswith("b") and self.s.boxes[int(key[1:])].on_arc

    def _volume(self, key: str) -> tuple[float, float, float]:
        if self._on_arc(key):
            return 0.0, 0.0, 0.0
        if key.startswith("b") and self.s.boxes[int(key[1:])].kind == "add":
            return ADD_SIZE, ADD_SIZE, 0.0
        box = self.s.boxes[self._group[key[2:]].output if key.startswith("g:") else int(key[1:])]
        return volume_size(self.s.rows[box.rows[-1]].output_shape)

    def _node(self, key: str, x: float, y: float, band: int) -> Node:
        kind, title, notes, shape, rows, row = self._texts(key)
        depth, height, slant = self._volume(key)
        width, up, down = self._extent(key)
        return Node(key, kind, rows, row, key[2:] if key.startswith("g:") else None, x, y, depth, height, slant,
                    title, notes, shape, self._on_arc(key), band, self.short_lines,
                    (x - width / 2, y - up, x + width / 2, y + down), self._label(key))

    def _extent(self, key: str) -> tuple[float, float, float]:
        """(width, up, down) of a unit's slot around its centre line."""
        cached = (key, self.short_lines)
        if cached not in self._extents:
            probe = self._node_unplaced(key)
            line = self.m.line_height
            texts = probe.above + probe.below
            if probe.on_arc:  # a tag on the arc, not a volume: the arc must stay low
                half = line * len(texts) / 2 + TEXT_PAD
                self._extents[cached] = (max(self.m.width(t) for t in texts) + 2 * TEXT_PAD, half, half)
            else:
                stack = STACK if probe.kind == "group" else 0.0
                widths = [self.m.width(t) for t in texts]
                if probe.kind == "group" and probe.above:  # its title, drawn bold (DiagramView._add_labels)
                    widths[0] = self.m.bold_width(texts[0])
                width = max([probe.depth + probe.slant + 2 * stack] + widths)
                up = probe.height / 2 + probe.slant + TEXT_PAD + line * len(probe.above)
                down = probe.height / 2 + stack + TEXT_PAD + line * len(probe.below)
                self._extents[cached] = (width, up, down)
        return self._extents[cached]

    def _node_unplaced(self, key: str) -> Node:
        kind, title, notes, shape, rows, row = self._texts(key)
        depth, height, slant = self._volume(key)
        return Node(key, kind, rows, row, None, 0.0, 0.0, depth, height, slant, title, notes, shape,
                    self._on_arc(key), 0, self.short_lines, (0.0, 0.0, 0.0, 0.0), self._label(key))

    def _measure(self, item) -> tuple[float, float, float]:
        if isinstance(item, str):
            return self._extent(item)
        cached = (id(item), self.short_lines)
        if cached not in self._sizes:
            sizes = [self._measure_series(lane) for lane in item.lanes]
            total = sum(up + down for _, up, down in sizes) + LANE_GAP * (len(sizes) - 1)
            self._sizes[cached] = (max(w for w, _, _ in sizes), total / 2, total / 2)
        return self._sizes[cached]

    def _measure_series(self, items: list) -> tuple[float, float, float]:
        if not items:
            return 0.0, self.m.line_height / 2, self.m.line_height / 2
        sizes = [self._measure(item) for item in items]
        width = sum(w for w, _, _ in sizes) + sum(self._gap(a, b) for a, b in zip(items, items[1:], strict=False))
        return width, max(up for _, up, _ in sizes), max(down for _, _, down in sizes)

    def _frames_of(self, item, last: bool) -> set[str]:
        """Expanded groups that hold the first (or last) unit of an item."""
        while not isinstance(item, str):
            lanes = [lane for lane in item.lanes if lane]
            if not lanes:
                return set()
            item = lanes[0][-1 if last else 0]
        boxes = set(self._members(item))
        return {gid for gid, inside in self._expanded_boxes.items() if boxes <= inside}

    def _gap(self, a, b) -> float:
        pair = (id(a), id(b))
        if pair not in self._gaps:
            # Room for the frames that close after ``a`` and open before ``b``.
            crossing = self._frames_of(a, last=True) ^ self._frames_of(b, last=False)
            legs = ARC_ROOM if isinstance(a, str) and a in self._legs_after else 0.0
            self._gaps[pair] = GAP + FRAME_PAD * len(crossing) + legs
        return self._gaps[pair]

    # ------------------------------------------------ wrapping into bands

    def _bands(self, count: int) -> list[list]:
        """The top-level series cut into ``count`` bands of about equal width (fewer if it cannot be cut):
        only between two units, and never under a shortcut unless its fork ends the band."""
        items = self.items
        if count <= 1 or self.plain_line or len(items) < 2:
            return [items]
        index = {}
        for i, item in enumerate(items):
            index.update(dict.fromkeys(_flatten([item]), i))
        spans = [(index[self.rep[c.fork]], index[self.rep[c.add]]) for c in self.shortcuts]
        ends, x = [], 0.0
        for i, item in enumerate(items):
            x += self._measure(item)[0]
            ends.append(x)
            if i + 1 < len(items):
                x += self._gap(item, items[i + 1])
        allowed = [i for i in range(len(items) - 1) if isinstance(items[i], str) and isinstance(items[i + 1], str)
                   and not any(a < i < b for a, b in spans)]
        cuts: list[int] = []
        for k in range(1, count):
            target = ends[-1] * k / count
            options = [i for i in allowed if not cuts or i > cuts[-1]]
            if not options:
                break
            cuts.append(min(options, key=lambda i: abs(ends[i] - target)))
        bounds = [0, *(i + 1 for i in sorted(set(cuts))), len(items)]
        return [items[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]

    # ------------------------------------------------ placing

    def diagram(self, bands: int = 1, short_lines: bool = True) -> Diagram:
        self.short_lines = short_lines
        self.nodes: dict[str, Node] = {}
        self.links: list[Link] = []
        self.arcs: list[Arc] = []
        pieces = self._bands(bands)
        for band, piece in enumerate(pieces):
            self._place_series(piece, 0.0, 0.0, band)
            if not self.plain_line:
                self._link_series(piece, [])
        if self.plain_line:
            self._link_neighbours(self.items)
        self._place_arcs(pieces)
        frames = self._frames()
        frames = self._stack(len(pieces), frames)
        self._wrap_links(pieces)
        rects = [n.rect for n in self.nodes.values()] + [f.rect for f in frames] + [_rect_of(a.points)
                                                                                  for a in self.arcs]
        bounds = (min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects),
                  max(r[3] for r in rects)) if rects else (0.0, 0.0, 0.0, 0.0)
        nodes = tuple(sorted(self.nodes.values(), key=lambda n: (min(self._members(n.key)), n.key)))
        return Diagram(nodes, tuple(self.links), tuple(self.arcs), tuple(frames), bounds, self.collapsed,
                       len(pieces))

    def _place_series(self, items: list, x: float, cy: float, band: int) -> None:
        for i, item in enumerate(items):
            width, _, _ = self._measure(item)
            if isinstance(item, str):
                self.nodes[item] = self._node(item, x + width / 2, cy, band)
            else:
                self._place_lanes(item, x, cy, width, band)
            x += width + (self._gap(item, items[i + 1]) if i + 1 < len(items) else 0.0)

    def _place_lanes(self, lanes: _Lanes, x: float, cy: float, width: float, band: int) -> None:
        _, up, _ = self._measure(lanes)
        top = cy - up
        ys = []
        for lane in lanes.lanes:
            lane_width, lane_up, lane_down = self._measure_series(lane)
            lane_y = top + lane_up
            self._place_series(lane, x + (width - lane_width) / 2, lane_y, band)
            ys.append(lane_y)
            top = lane_y + lane_down + LANE_GAP
        lanes.x, lanes.width, lanes.ys = x, width, ys

    # ------------------------------------------------ links

    def _link_series(self, items: list, exits: list) -> list:
        """Connect ``exits`` (flows arriving: (src, points)) through ``items``; returns the flows leaving."""
        for item in items:
            if isinstance(item, str):
                node = self.nodes[item]
                for src, points in exits:
                    self._connect(src, points, node)
                exits = [(item, [(node.right, node.y)])]
            else:
                bus = item.x - GAP / 2
                leaving = []
                for lane, lane_y in zip(item.lanes, item.ys, strict=True):
                    arriving = [(src, points + [(bus, points[-1][1]), (bus, lane_y)]) for src, points in exits]
                    leaving += self._link_series(lane, arriving)
                exits = leaving
        return exits

    def _connect(self, src: str, points: list, node: Node) -> None:
        x, y = points[-1]
        if abs(y - node.y) > 0.5:
            bus = node.rect[0] - GAP / 2
            points = points + [(bus, y), (bus, node.y)]
        points = points + [(node.left, node.y)]
        kind = "branch" if len(self.succ.get(src, ())) > 1 else "sequence"
        self.links.append(Link(src, node.key, kind, _simplified(points)))

    def _link_neighbours(self, keys: list[str]) -> None:
        """On the fallback line, only an edge between neighbours is a straight link (the rest are arcs)."""
        for a, b in zip(keys, keys[1:], strict=False):
            if b in self.succ[a]:
                self._connect(a, [(self.nodes[a].right, self.nodes[a].y)], self.nodes[b])

    def _outside(self, key: str, side: int) -> float:
        """x in the gap beside a node (side -1: left, +1: right), clear of the frames around it."""
        node = self.nodes[key]
        frames = len(self._frames_of(key, last=side > 0))
        edge = node.rect[2] if side > 0 else node.rect[0]
        return edge + side * (GAP / 2 + FRAME_PAD * frames)

    def _wrap_links(self, pieces: list[list]) -> None:
        """From the last unit of each band down to the first unit of the next, through the gap between."""
        for upper, lower in zip(pieces, pieces[1:], strict=False):
            a, b = self.nodes[upper[-1]], self.nodes[lower[0]]
            middle = (self._band_box[a.band][3] + self._band_box[b.band][1]) / 2
            right, left = self._outside(a.key, 1), self._outside(b.key, -1)
            points = [(a.right, a.y), (right, a.y), (right, middle), (left, middle), (left, b.y), (b.left, b.y)]
            self.links.append(Link(a.key, b.key, "wrap", _simplified(points)))

    # ------------------------------------------------ shortcuts

    def _leg_x(self, node: Node) -> float:
        """Where an arc's leg runs beside ``node``, on its right: halfway to the next unit on its line (the gap
        there has ARC_ROOM more), else just outside the node and its frames."""
        following = [n.rect[0] for n in self.nodes.values() if n.band == node.band and not n.on_arc
                     and n.rect[0] >= node.rect[2] and n.rect[1] <= node.y <= n.rect[3]]
        if following:
            return (node.rect[2] + min(following)) / 2
        return self._outside(node.key, 1) + ARC_ROOM / 2

    def _place_arcs(self, pieces: list[list]) -> None:
        first_of_band = [piece[0] for piece in pieces]
        jobs = []
        for cut in self.shortcuts:
            fork, end = self.nodes[self.rep[cut.fork]], self.nodes[self.rep[cut.add]]
            at_add = end.kind == "add"
            if fork.band == end.band:
                start = (self._leg_x(fork), fork.y)
            else:  # the fork ends the band above: the shortcut leaves from where the flow re-enters
                first = self.nodes[first_of_band[end.band]]
                start = (self._outside(first.key, -1) + 5.0, first.y)
            stop = end.x if at_add else self._leg_x(end)
            jobs.append((start, stop, cut.kind, fork.key, end, at_add, cut.via if at_add else ()))
        if self.plain_line:
            keys = self.items
            for src, dst in ((a, b) for a in keys for b in self.succ[a]):
                if keys.index(dst) != keys.index(src) + 1:
                    node = self.nodes[src]
                    jobs.append(((node.rect[2] + GAP / 2, node.y), self.nodes[dst].x, "flow", src,
                                 self.nodes[dst], True, ()))
        obstacles: list[tuple[int, float, float, float]] = []  # (band, x0, x1, top) of arcs placed
        for (x0, y0), x1, kind, fork, end, at_add, via in sorted(jobs, key=lambda j: j[1] - j[0][0]):
            inside = [n.rect[1] for n in self.nodes.values()  # an addition is where it lands, not an obstacle
                      if n.band == end.band and x0 < n.x < x1 and not (at_add and n.key == end.key) and not n.on_arc]
            inside += [top for band, a, b, top in obstacles if band == end.band and x0 <= a and b <= x1]
            peak = min(inside + [end.y - end.height / 2]) - ARC_CLEARANCE
            via_keys = tuple(f"b{b}" for b in via)
            top = peak
            if via_keys:
                sizes = [self._extent(k) for k in via_keys]
                peak -= max(down for _, _, down in sizes) + 2
                top = peak - max(up for _, up, _ in sizes) - 2
                x = (x0 + x1) / 2 - (sum(w for w, _, _ in sizes) + GAP * (len(sizes) - 1)) / 2
                for key, (width, _, _) in zip(via_keys, sizes, strict=True):
                    self.nodes[key] = self._node(key, x + width / 2, peak, end.band)
                    x += width + GAP
            y1 = end.y - end.height / 2 if at_add else end.y
            self.arcs.append(Arc(fork, end.key, kind, ((x0, y0), (x0, peak), (x1, peak), (x1, y1)), via_keys))
            obstacles.append((end.band, x0, x1, top))

    # ------------------------------------------------ frames and bands

    def _frames(self) -> list[tuple[int, Frame]]:
        """(band, frame) for each expanded group in each band it spans, inner frames measured first."""
        rects: dict[tuple[str, int], tuple[float, float, float, float]] = {}
        line = self.m.line_height
        arc_tops = [(set(self._members(arc.dst)), self.nodes[arc.dst].band,
                     min([_rect_of(arc.points)[1]] + [self.nodes[k].rect[1] for k in arc.via])) for arc in self.arcs]
        for group in sorted(self.expanded, key=lambda g: -g.depth):
            boxes = self._expanded_boxes[group.id]
            by_band: dict[int, list] = {}
            for node in self.nodes.values():
                if set(self._members(node.key)) <= boxes:
                    by_band.setdefault(node.band, []).append(node.rect)
            for child in group.children:
                for (gid, band), rect in rects.items():
                    if gid == child:
                        by_band.setdefault(band, []).append(rect)
            for band, parts in by_band.items():
                tops = [r[1] for r in parts] + [top for members, b, top in arc_tops if b == band and members <= boxes]
                rects[group.id, band] = (min(r[0] for r in parts) - FRAME_PAD, min(tops) - FRAME_PAD - line,
                                         max(r[2] for r in parts) + FRAME_PAD, max(r[3] for r in parts) + FRAME_PAD)
        return [(band, Frame(group.id, self._group_title(group), rects[group.id, band], group.depth))
                for group in self.expanded for band in range(len(self.items) + 1) if (group.id, band) in rects]

    def _stack(self, count: int, frames: list[tuple[int, Frame]]) -> list[Frame]:
        """Move each band below the one above it; returns the frames, moved."""
        boxes: list[list[tuple[float, float, float, float]]] = [[] for _ in range(count)]
        for node in self.nodes.values():
            boxes[node.band].append(node.rect)
        for band, frame in frames:
            boxes[band].append(frame.rect)
        for arc in self.arcs:
            boxes[self.nodes[arc.dst].band].append(_rect_of(arc.points))
        shifts, bottom = [], None
        for rects in boxes:
            top = min(r[1] for r in rects)
            shift = 0.0 if bottom is None else bottom + BAND_GAP - top
            shifts.append(shift)
            bottom = max(r[3] for r in rects) + shift
        self._band_box = [(min(r[0] for r in rects), min(r[1] for r in rects) + dy,
                           max(r[2] for r in rects), max(r[3] for r in rects) + dy)
                          for rects, dy in zip(boxes, shifts, strict=True)]
        self.links = [replace(link, points=_moved(link.points, shifts[self.nodes[link.dst].band]))
                      for link in self.links]
        self.nodes = {k: _moved_node(n, shifts[n.band]) for k, n in self.nodes.items()}
        self.arcs = [replace(arc, points=_moved(arc.points, shifts[self.nodes[arc.dst].band]))
                     for arc in self.arcs]
        return [Frame(f.group, f.title, _moved_rect(f.rect, shifts[band]), f.depth) for band, f in frames]


def _rect_of(points) -> tuple[float, float, float, float]:
    return (min(x for x, _ in points), min(y for _, y in points), max(x for x, _ in points),
            max(y for _, y in points))


def _moved(points, dy: float) -> tuple[tuple[float, float], ...]:
    return tuple((x, y + dy) for x, y in points)


def _moved_rect(rect, dy: float) -> tuple[float, float, float, float]:
    return rect[0], rect[1] + dy, rect[2], rect[3] + dy


def _moved_node(node: Node, dy: float) -> Node:
    return replace(node, y=node.y + dy, rect=_moved_rect(node.rect, dy)) if dy else node


def _flatten(items):
    for item in items:
        if isinstance(item, str):
            yield item
        else:
            for lane in item.lanes:
                yield from _flatten(lane)


def _simplified(points: list) -> tuple[tuple[float, float], ...]:
    """Drop repeated points and the middle of three collinear ones."""
    kept: list[tuple[float, float]] = []
    for point in points:
        if kept and abs(point[0] - kept[-1][0]) < 0.01 and abs(point[1] - kept[-1][1]) < 0.01:
            continue
        if len(kept) >= 2:
            (x0, y0), (x1, y1) = kept[-2], kept[-1]
            if (abs(x0 - x1) < 0.01 and abs(x1 - point[0]) < 0.01) or (
                    abs(y0 - y1) < 0.01 and abs(y1 - point[1]) < 0.01):
                kept[-1] = point
                continue
        kept.append(point)
    return tuple(kept)


def lay_out(structure: Structure, collapsed: frozenset[str] = frozenset(), words: Words = Words(),  # noqa: B008
            metrics: TextMetrics = TextMetrics(), bands: int = 1, short_lines: bool = True) -> Diagram:  # noqa: B008
    """Place a structure with the groups in ``collapsed`` drawn as one volume each.

    Parameters
    ----------
    structure : Structure
        From :func:`build_structure`.
    collapsed : frozenset of str
        Group ids shown collapsed (unknown ids are ignored).
    words : Words
        The words written on the diagram (translated by the view).
    metrics : TextMetrics
        Text sizes in scene units.
    bands : int
        Wrap the drawing into this many bands, one under the other, where it can be cut.
    short_lines : bool
        Cut labels into short lines (narrower, taller drawing) or keep one line per label.

    Returns
    -------
    Diagram
        Nodes, links, arcs and frames in scene units; the first band's main line is at y = 0.
    """
    return _Placer(structure, collapsed, words, metrics).diagram(bands, short_lines)
