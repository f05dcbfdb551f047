"""The cost of a convolution, with and without a 1×1 bottleneck, and the cost of Inception modules.

The lecture's argument for 1×1 convolutions is arithmetic: a 5×5 convolution from 28×28×192 to 28×28×32
costs (28×28×32) × (5×5×192) = 120,422,400 multiplications; a 1×1 convolution down to 16 channels first
brings it to 12,443,648. Everything here is exact Python integers, so no setting overflows.

Convention (the same as ``engine.models.analysis``): a convolution costs one multiply-add per output element
per input element its filter touches, ``H_out × W_out × C_out × k × k × C_in``; a bias adds one parameter
per output channel and no multiplication. Tests check every figure against the analysis of real modules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cache

from engine.runtime.errors import UserInputError
from engine.text.numbers import exact, rounded

__all__ = [
    "MAX_VALUE",
    "PADDINGS",
    "PRESETS",
    "LECTURE_SETTING",
    "ConvStage",
    "BottleneckSetting",
    "BottleneckCost",
    "conv_stage",
    "bottleneck_cost",
    "parse_setting",
    "problem_message",
    "cost_output",
    "format_ratio",
    "BranchStep",
    "InceptionBranch",
    "InceptionDesign",
    "InceptionBreakdown",
    "GOOGLENET_MODULES",
    "inception_breakdown",
    "inception_breakdowns",
]

MAX_VALUE = 1_000_000
"""Largest accepted height, width, channel count or filter size: beyond it a setting is absurd, not big."""

PADDINGS = ("same", "none")
"""``same``: the filter is padded so the output keeps the input's height and width (as in Inception);
``none``: no padding, the output shrinks to ``H - k + 1``."""


# ---------------------------------------------------------------- one convolution


@dataclass(frozen=True)
class ConvStage:
    """One convolution with a ``kernel``×``kernel`` filter, stride 1, with a bias, and its exact cost."""

    kernel: int
    in_channels: int
    out_channels: int
    in_height: int
    in_width: int
    out_height: int
    out_width: int

    @property
    def macs(self) -> int:
        """Multiply-adds: one per output element per input element the filter touches."""
        return self.outputs * self.kernel * self.kernel * self.in_channels

    @property
    def outputs(self) -> int:
        """Values in the output volume (each gets one bias, and one comparison from a ReLU after it)."""
        return self.out_height * self.out_width * self.out_channels

    @property
    def weights(self) -> int:
        return self.kernel * self.kernel * self.in_channels * self.out_channels

    @property
    def biases(self) -> int:
        return self.out_channels

    @property
    def params(self) -> int:
        return self.weights + self.biases

    @property
    def output_shape(self) -> tuple[int, int, int]:
        """(C, H, W) of the output, the analysis's order."""
        return (self.out_channels, self.out_height, self.out_width)

    def macs_formula(self, times: str = "×") -> str:
        """The lecture's form with the numbers substituted: ``(28×28×32) × (5×5×192)``."""
        out = times.join(str(v) for v in (self.out_height, self.out_width, self.out_channels))
        filt = times.join(str(v) for v in (self.kernel, self.kernel, self.in_channels))
        return f"({out}) {times} ({filt})"

    def params_formula(self, times: str = "×") -> str:
        """Weights plus biases with the numbers substituted: ``5×5×192×32 + 32``."""
        weights = times.join(str(v) for v in (self.kernel, self.kernel, self.in_channels, self.out_channels))
        return f"{weights} + {self.biases}"


def conv_stage(height: int, width: int, in_channels: int, out_channels: int, kernel: int,
               padding: str = "same") -> ConvStage:
    """The convolution of a ``height``×``width``×``in_channels`` input with ``out_channels`` filters.

    Parameters
    ----------
    height, width, in_channels, out_channels, kernel : int
        Positive sizes; ``kernel`` is the filter's side.
    padding : {"same", "none"}
        ``same`` keeps the height and width; ``none`` shrinks them by ``kernel - 1``.

    Returns
    -------
    ConvStage
    """
    shrink = 0 if padding == "same" else kernel - 1
    return ConvStage(kernel, in_channels, out_channels, height, width, height - shrink, width - shrink)


# ---------------------------------------------------------------- the bottleneck comparison


@dataclass(frozen=True)
class BottleneckSetting:
    """An input ``height``×``width``×``in_channels`` turned into ``out_channels`` by a ``kernel``×``kernel``
    convolution, directly or through a 1×1 convolution down to ``bottleneck`` channels first."""

    height: int
    width: int
    in_channels: int
    out_channels: int
    kernel: int
    bottleneck: int
    padding: str = "same"

    def problem(self) -> str | None:
        """Why this combination is refused, as a key, or None when it is fine.

        ``"bottleneck_wider"``: the 1×1 reduction would widen the input instead of shrinking it;
        ``"filter_larger"``: without padding, the filter does not fit in the image;
        ``"even_same"``: an even filter cannot be padded equally on both sides to keep the size (a 4×4
        filter needs 3 pixels of padding: torch puts 1 before and 2 after), so "same" takes odd filters only.
        """
        if self.bottleneck > self.in_channels:
            return "bottleneck_wider"
        if self.padding == "none" and self.kernel > min(self.height, self.width):
            return "filter_larger"
        if self.padding == "same" and self.kernel % 2 == 0:
            return "even_same"
        return None


LECTURE_SETTING = BottleneckSetting(height=28, width=28, in_channels=192, out_channels=32, kernel=5,
                                    bottleneck=16)

# The channel numbers of three branches of GoogLeNet (Szegedy et al. 2015, table 1); a test checks them
# against torchvision's modules.
PRESETS: dict[str, BottleneckSetting] = {
    "lecture": LECTURE_SETTING,
    "inception3a_3x3": BottleneckSetting(28, 28, 192, 128, 3, 96),
    "inception4a_5x5": BottleneckSetting(14, 14, 480, 48, 5, 16),
    "inception5b_3x3": BottleneckSetting(7, 7, 832, 384, 3, 192),
}


@dataclass(frozen=True)
class BottleneckCost:
    """Both designs for one setting: ``direct`` k×k, or ``reduce`` (1×1) followed by ``conv`` (k×k)."""

    setting: BottleneckSetting
    direct: ConvStage
    reduce: ConvStage
    conv: ConvStage

    @property
    def bottleneck_macs(self) -> int:
        return self.reduce.macs + self.conv.macs

    @property
    def bottleneck_params(self) -> int:
        return self.reduce.params + self.conv.params

    @property
    def macs_ratio(self) -> float:
        """How many times fewer multiplications the bottleneck needs (``direct / bottleneck``)."""
        return self.direct.macs / self.bottleneck_macs

    @property
    def params_ratio(self) -> float:
        return self.direct.params / self.bottleneck_params


_PROBLEM_MESSAGES = {
    "bottleneck_wider": "the bottleneck ({b} channels) must not be wider than the input ({c} channels): "
                        "a 1x1 reduction shrinks the channels",
    "filter_larger": "the {k}x{k} filter is larger than the {h}x{w} image and there is no padding",
    "even_same": "an even {k}x{k} filter cannot keep the size with equal padding on both sides (it needs "
                 "{pad} pixels, split unevenly); use an odd filter size such as {odd}",
}


def problem_message(setting: BottleneckSetting) -> str | None:
    """The reason ``setting`` is refused as one English line (the command line's), or None."""
    key = setting.problem()
    if key is None:
        return None
    return _PROBLEM_MESSAGES[key].format(b=setting.bottleneck, c=setting.in_channels, k=setting.kernel,
                                         h=setting.height, w=setting.width, pad=setting.kernel - 1,
                                         odd=setting.kernel - 1)


def bottleneck_cost(setting: BottleneckSetting) -> BottleneckCost:
    """Both designs' stages and exact costs.

    Raises
    ------
    UserInputError
        When ``setting.problem()`` refuses the combination.
    """
    message = problem_message(setting)
    if message is not None:
        raise UserInputError(message)
    s = setting
    direct = conv_stage(s.height, s.width, s.in_channels, s.out_channels, s.kernel, s.padding)
    reduce = conv_stage(s.height, s.width, s.in_channels, s.bottleneck, 1)
    conv = conv_stage(s.height, s.width, s.bottleneck, s.out_channels, s.kernel, s.padding)
    return BottleneckCost(setting, direct, reduce, conv)


# ---------------------------------------------------------------- numbers for people


def format_ratio(ratio: float) -> str:
    """``9.7×`` (two decimals below 2, so a small saving still shows)."""
    return f"{ratio:.2f}×" if ratio < 2 else f"{ratio:.1f}×"


# ---------------------------------------------------------------- the command line


_WHOLE = re.compile(r"[+]?[0-9]{1,7}")


def _positive(option: str, text: str) -> int:
    text = text.strip()
    if _WHOLE.fullmatch(text) is None or not 1 <= int(text) <= MAX_VALUE:
        raise UserInputError(f"{option} must be a whole number from 1 to {MAX_VALUE:,} (got {text!r})")
    return int(text)


def parse_setting(hw: str, cin: str, cout: str, k: str, bottleneck: str, padding: str = "same"
                  ) -> BottleneckSetting:
    """A setting from the command line's strings; ``hw`` is ``H`` or ``HxW``.

    Raises
    ------
    UserInputError
        One line naming the bad value and what is accepted.
    """
    parts = re.split(r"[x×X]", hw.strip())
    if len(parts) > 2:
        raise UserInputError(f"--hw must be H or HxW, e.g. 28 or 28x32 (got {hw!r})")
    height = _positive("--hw", parts[0])
    width = _positive("--hw", parts[-1])
    if padding not in PADDINGS:
        raise UserInputError(f"padding must be one of {', '.join(PADDINGS)} (got {padding!r})")
    setting = BottleneckSetting(height, width, _positive("--cin", cin), _positive("--cout", cout),
                                _positive("--k", k), _positive("--bottleneck", bottleneck), padding)
    message = problem_message(setting)
    if message is not None:
        raise UserInputError(message)
    return setting


def _stage_json(stage: ConvStage) -> dict:
    return {
        "kernel": stage.kernel,
        "input_shape": [stage.in_channels, stage.in_height, stage.in_width],
        "output_shape": list(stage.output_shape),
        "macs": stage.macs,
        "macs_formula": stage.macs_formula("x"),
        "weights": stage.weights,
        "biases": stage.biases,
        "params": stage.params,
    }


def _as_json(cost: BottleneckCost) -> str:
    return json.dumps({
        "setting": asdict(cost.setting),
        "direct": _stage_json(cost.direct),
        "bottleneck": {
            "reduce": _stage_json(cost.reduce),
            "conv": _stage_json(cost.conv),
            "macs": cost.bottleneck_macs,
            "params": cost.bottleneck_params,
        },
        "ratio": {"macs": cost.macs_ratio, "params": cost.params_ratio},
    }, indent=2)


def _as_text(cost: BottleneckCost) -> str:
    s, k = cost.setting, cost.setting.kernel
    total = cost.bottleneck_macs
    width = max(len(st.macs_formula("x")) for st in (cost.direct, cost.reduce, cost.conv))
    figure = max(len(exact(v)) for v in (cost.direct.macs, total))

    def row(label: str, formula: str, value: int) -> str:
        return f"  {label:<12}{formula:<{width}} = {exact(value):>{figure}}  ({rounded(value)})"

    return "\n".join([
        f"{s.height}x{s.width}x{s.in_channels} -> {cost.direct.out_height}x{cost.direct.out_width}x"
        f"{s.out_channels}, {k}x{k} filter, padding {s.padding}; multiply-adds:",
        f"Direct {k}x{k} convolution",
        row(f"{k}x{k} conv", cost.direct.macs_formula("x"), cost.direct.macs),
        f"  parameters  {cost.direct.params_formula('x')} = {exact(cost.direct.params)}",
        f"With a 1x1 bottleneck of {s.bottleneck} channels",
        row("1x1 reduce", cost.reduce.macs_formula("x"), cost.reduce.macs),
        row(f"{k}x{k} conv", cost.conv.macs_formula("x"), cost.conv.macs),
        row("total", "", total),
        f"  parameters  {cost.reduce.params_formula('x')} + {cost.conv.params_formula('x')} = "
        f"{exact(cost.bottleneck_params)}",
        f"The bottleneck needs {_compared(cost.macs_ratio, 'multiply-adds')} "
        f"and {_compared(cost.params_ratio, 'parameters')}.",
    ])


def _compared(ratio: float, unit: str) -> str:
    """``direct / bottleneck`` in words: "9.7x fewer multiply-adds", or "1.24x more" when it costs more."""
    if ratio >= 1:
        return f"{format_ratio(ratio).replace('×', 'x')} fewer {unit}"
    return f"{format_ratio(1 / ratio).replace('×', 'x')} more {unit}"


def cost_output(hw: str, cin: str, cout: str, k: str, bottleneck: str, as_json: bool = False) -> str:
    """What ``python main.py cost`` prints: both costs, the ratio and the parameters.

    Parameters
    ----------
    hw, cin, cout, k, bottleneck : str
        The command line's values as typed (``hw`` is ``H`` or ``HxW``, the output's size).
    as_json : bool
        Machine-readable output instead of text.

    Raises
    ------
    UserInputError
        A value or a combination the arithmetic refuses, with the reason.
    """
    cost = bottleneck_cost(parse_setting(hw, cin, cout, k, bottleneck))
    return _as_json(cost) if as_json else _as_text(cost)


# ---------------------------------------------------------------- Inception modules


GOOGLENET_MODULES = ("3a", "3b", "4a", "4b", "4c", "4d", "4e", "5a", "5b")
"""GoogLeNet's nine Inception modules in forward order (torchvision's ``inception3a`` ... ``inception5b``)."""

_BRANCH_KEYS = ("1x1", "3x3", "5x5", "pool")


@dataclass(frozen=True)
class BranchStep:
    """One measured layer of a branch: ``op`` is ``"conv"`` or ``"pool"``; ``row`` is its analysis row."""

    op: str
    kernel: int
    in_channels: int
    out_channels: int
    macs: int
    params: int
    row: int


@dataclass(frozen=True)
class InceptionBranch:
    """One of a module's four branches (``key``: ``1x1``, ``3x3``, ``5x5`` or ``pool``), as measured."""

    key: str
    steps: tuple[BranchStep, ...]
    out_channels: int
    macs: int
    params: int


@dataclass(frozen=True)
class InceptionDesign:
    """A module naive or with 1×1 reductions: its branches, concatenated ``output_shape`` (C, H, W), totals.

    ``model`` and ``options`` name the measured analysis: ``analyze(model, input_shape, **dict(options))``.
    """

    model: str
    options: tuple[tuple[str, int], ...]
    branches: tuple[InceptionBranch, ...]
    output_shape: tuple[int, int, int]
    macs: int
    params: int


@dataclass(frozen=True)
class InceptionBreakdown:
    """GoogLeNet's module ``module`` (``"3a"`` ...) on its ``input_shape`` (C, H, W), naive and reduced.

    The channel numbers and input shapes are read from torchvision's GoogLeNet; both designs are built
    with the paper's 5×5 filters (torchvision's third branch uses 3×3, a quirk kept for its weights).
    """

    module: str
    input_shape: tuple[int, int, int]
    reduced: InceptionDesign
    naive: InceptionDesign


def _channels_of(rows, module: str) -> tuple[tuple[int, int, int], dict[str, int]]:
    """The input shape and the channel numbers of googlenet's ``inception<module>``, from its analysis."""
    convs = {r.name.removeprefix(f"inception{module}."): r for r in rows
             if r.kind == "conv" and r.name.startswith(f"inception{module}.")}
    first = convs["branch1.conv"]
    return first.input_shape, {
        "in_channels": first.input_shape[0],
        "ch1x1": first.output_shape[0],
        "ch3x3_reduce": convs["branch2.0.conv"].output_shape[0],
        "ch3x3": convs["branch2.1.conv"].output_shape[0],
        "ch5x5_reduce": convs["branch3.0.conv"].output_shape[0],
        "ch5x5": convs["branch3.1.conv"].output_shape[0],
        "pool_proj": convs["branch4.1.conv"].output_shape[0],
    }


def _design(model: str, channels: dict[str, int], input_shape: tuple[int, int, int]) -> InceptionDesign:
    from engine.models.analysis import analyze

    analysis = analyze(model, input_shape, **channels)
    branches = []
    for number, key in enumerate(_BRANCH_KEYS, start=1):
        rows = [r for r in analysis.rows if r.name.startswith(f"branch{number}.")]
        steps = tuple(BranchStep(r.kind, r.kernel[0], r.input_shape[0], r.output_shape[0], r.macs, r.params,
                                 r.index) for r in rows if r.kind in ("conv", "pool"))
        branches.append(InceptionBranch(key, steps, rows[-1].output_shape[0], sum(r.macs for r in rows),
                                        sum(r.params for r in rows)))
    return InceptionDesign(model, tuple(channels.items()), tuple(branches), analysis.rows[-1].output_shape,
                           analysis.macs, analysis.params)


@cache
def inception_breakdowns() -> tuple[InceptionBreakdown, ...]:
    """Every Inception module of GoogLeNet, naive and with 1×1 reductions, measured by the layer analysis.

    Runs on the engine thread (it imports torch); the result is frozen and cached.

    Returns
    -------
    tuple of InceptionBreakdown
        In the order of ``GOOGLENET_MODULES``.
    """
    from engine.models.analysis import analyze

    rows = analyze("googlenet").rows
    breakdowns = []
    for module in GOOGLENET_MODULES:
        input_shape, channels = _channels_of(rows, module)
        breakdowns.append(InceptionBreakdown(module, input_shape,
                                             reduced=_design("inception_module", channels, input_shape),
                                             naive=_design("inception_module_naive", channels, input_shape)))
    return tuple(breakdowns)


def inception_breakdown(module: str) -> InceptionBreakdown:
    """One module's breakdown; ``module`` is one of ``GOOGLENET_MODULES`` (``"3a"`` ... ``"5b"``).

    Raises
    ------
    UserInputError
        For an unknown module name.
    """
    if module not in GOOGLENET_MODULES:
        raise UserInputError(f"unknown Inception module {module!r}; accepted: {', '.join(GOOGLENET_MODULES)}")
    return inception_breakdowns()[GOOGLENET_MODULES.index(module)]


def inception_events(worker, request) -> Iterator:
    """Serve ``DescribeInception`` on the engine thread: every module, naive and with 1×1 reductions."""
    from engine.runtime.events import InceptionReady

    yield InceptionReady(inception_breakdowns())
