"""Displayed equals computed, third part: the experiments, the augmentation captions, the training panel's live
plots, the 1×1 and Inception pages, the diagram's boxes and the layer table's looks.

As in tests/display_checks.py: each ``check_…(request)`` builds the real view, reads what it shows (plot items'
data, bars, table cells, labels, scene texts) and compares it with figures computed here from the result file,
the engine's analysis or hand arithmetic, never with the view's own variables. tests/gui/test_displayed_more.py
runs them on the real code; tests/gui/test_breakages.py runs them against one-line mutations.
"""

from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path

import numpy as np

# The unit each kind of figure is written with in the experiment view's table (FigureSpec kinds).
_UNITS = {"fraction": " %", "ms": " ms", "ratio": "×", "seconds": " s", "count": "", "steps": ""}
_FIGURE = re.compile(r"^(?P<mean>[\d,]+(?:\.\d+)?)(?: ± (?P<half>[\d,]+(?:\.\d+)?))?(?P<unit> %| ms|×| s)?"
                     r"(?: \((?P<measured>\d+) of (?P<seeds>\d+) seeds\))?$")


# ---------------------------------------------------------------- helpers


def _resolution(number: str) -> float:
    """Half a unit of the last digit written: how far a value may be from the one it was rounded to."""
    decimals = len(number.partition(".")[2])
    return 0.5 * 10.0 ** -decimals + 1e-9


def _plain(number: str) -> float:
    return float(number.replace(",", ""))


def _raw_runs(content: dict, variant: str) -> list[dict]:
    return [run for run in content["runs"] if run["variant"] == variant]


def _raw_figures(content: dict, variant: str, key: str) -> np.ndarray:
    """A figure of every seed of ``variant`` as the file has it (null: not measured)."""
    values = [run["figures"].get(key) for run in _raw_runs(content, variant)]
    return np.array([math.nan if value is None else float(value) for value in values])


def _legend_entries(text: str) -> dict[tuple[str, bool], str]:
    """The experiment legend's entries: (colour, dashed) → the variant's name as shown (without its number)."""
    entries = re.findall(r"color:(#[0-9a-f]{6})'>(━━|╍╍)</b>&nbsp;([^<]+)</span>", text)
    return {(colour, glyph == "╍╍"): re.sub(r"^\d+\. ", "", html.unescape(name)) for colour, glyph, name in entries}


def _pen_key(item) -> tuple[str, bool]:
    from PySide6.QtCore import Qt

    pen = item.opts["pen"]
    return pen.color().name(), pen.style() == Qt.PenStyle.DashLine


def _data(item) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getData()
    return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)


# ---------------------------------------------------------------- experiments


def _check_figure_text(shown: str, values: np.ndarray, kind: str, where: str) -> None:
    """A table cell or bar word against the seeds' values read from the file: the mean and half the range, to the
    digits written, the kind's unit, and how many seeds measured it when not all did."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        assert shown == ("not reached" if kind == "steps" else "—"), where
        return
    match = _FIGURE.match(shown)
    assert match, f"{where}: {shown!r}"
    scale = 100.0 if kind == "fraction" else 1.0
    mean, half = scale * finite.mean(), scale * (finite.max() - finite.min()) / 2
    assert abs(_plain(match["mean"]) - mean) <= _resolution(match["mean"]), (where, shown, mean)
    if match["half"]:
        assert abs(_plain(match["half"]) - half) <= _resolution(match["half"]), (where, shown, half)
    else:  # no ± only where the seeds agree to the digits written
        assert half <= _resolution(match["mean"]) or finite.size == 1, (where, shown, half)
    assert (match["unit"] or "") == _UNITS[kind], (where, shown)
    if finite.size < values.size:
        assert (int(match["measured"]), int(match["seeds"])) == (finite.size, values.size), (where, shown)
    else:
        assert match["measured"] is None, (where, shown)


def check_experiment_plots(request, names=None) -> None:
    """Every shipped experiment result shown in the real view: each variant's mean curve and its band (lowest and
    highest seed) are the file's curves averaged here by a plain loop, in %, where fractions are; the bars and
    whiskers of every figure the bar list offers, the table's cells, the status line's seeds and steps and the
    caption are the file's."""
    import pyqtgraph as pg

    from engine.learning.experiments.registry import EXPERIMENTS, get_experiment
    from engine.learning.experiments.result import load_result
    from gui.experiments.view import VARIANT_COLOURS, ExperimentView
    from gui.i18n import localized

    qtbot, bridge = request.getfixturevalue("qtbot"), request.getfixturevalue("recording_bridge")
    for name in names or list(EXPERIMENTS):
        experiment = get_experiment(name)
        path = Path(experiment.shipped)
        content = json.loads(path.read_text(encoding="utf-8"))
        view = ExperimentView(name, bridge)
        qtbot.addWidget(view)
        view.resize(1400, 900)
        view.show()  # shows the shipped result
        variants = {v["label"]: v["key"] for v in content["variants"]}
        kinds = {f["key"]: f["kind"] for f in content["figures"]}
        legend = _legend_entries(view.legend.text())
        assert sorted(legend.values()) == sorted(variants), name

        # Curves: the mean line (a PlotDataItem) and the band's two edges (PlotCurveItems of the same colour).
        y_key, x_key = content["y_curve"], content["x_curve"]
        base = y_key.removesuffix("_smoothed")
        fraction = kinds.get(base) == "fraction" or base in ("train_error", "test_error")
        scale = 100.0 if fraction else 1.0
        assert view.curve_plot.getAxis("left").labelText == ("%" if fraction else ""), name
        means = [item for item in view.curve_plot.items if isinstance(item, pg.PlotDataItem)]
        edges = [item for item in view.curve_plot.items
                 if isinstance(item, pg.PlotCurveItem) and not isinstance(item.parentItem(), pg.PlotDataItem)]
        assert len(means) == len(variants) and len(edges) == 2 * len(variants), name
        ticks = view.curve_plot.getAxis("bottom")._tickLevels
        for item in means:
            key = variants[legend[_pen_key(item)]]
            runs = _raw_runs(content, key)
            length = min(min(len(run["curves"][x_key]), len(run["curves"][y_key])) for run in runs)
            expected = {"mean": [], "low": [], "high": []}
            for point in range(length):
                values = [float(run["curves"][y_key][point]) for run in runs]
                expected["mean"].append(scale * sum(values) / len(values))
                expected["low"].append(scale * min(values))
                expected["high"].append(scale * max(values))
            x, y = _data(item)
            np.testing.assert_allclose(y, expected["mean"], rtol=1e-9, err_msg=f"{name} {key}")
            raw_x = [float(v) for v in runs[0]["curves"][x_key][:length]]
            if ticks:  # batch sizes drawn on a log scale: each point sits at the tick that names its batch size
                labels = {round(position, 9): label for position, label in ticks[0]}
                assert [labels.get(round(v, 9)) for v in x] == [f"{v:g}" for v in raw_x], name
            else:
                np.testing.assert_array_equal(x, raw_x)
            colour = item.opts["pen"].color()
            band = [edge for edge in edges if edge.opts["pen"].color().rgb() == colour.rgb()] \
                if len(variants) <= len(VARIANT_COLOURS) else []
            if band:  # (more variants than colours: the colours repeat, the bands are not told apart by them)
                assert len(band) == 2, (name, key)
                shown = sorted((_data(edge)[1] for edge in band), key=lambda values: values.sum())
                np.testing.assert_allclose(shown[0], expected["low"], rtol=1e-9, err_msg=f"{name} {key} low")
                np.testing.assert_allclose(shown[1], expected["high"], rtol=1e-9, err_msg=f"{name} {key} high")
                assert np.all(np.asarray(shown[1]) >= np.asarray(shown[0]))

        # Bars: every figure the list offers, one bar per variant in the file's order.
        combo = view.bar_figure_combo
        labels = {f["label"]: f for f in content["figures"]}
        assert [combo.itemText(i) for i in range(combo.count())] == [f["label"] for f in content["figures"]], name
        for index in range(combo.count()):
            combo.setCurrentIndex(index)
            figure = labels[combo.itemText(index)]
            bars = [item for item in view.bar_plot.items if isinstance(item, pg.BarGraphItem)]
            whiskers = [item for item in view.bar_plot.items if isinstance(item, pg.ErrorBarItem)]
            words = [item for item in view.bar_plot.items if isinstance(item, pg.TextItem)]
            assert len(bars) == len(whiskers) == 1 and len(words) == len(variants), name
            factor = 100.0 if figure["kind"] == "fraction" else 1.0
            for position, variant in enumerate(content["variants"]):
                values = factor * _raw_figures(content, variant["key"], figure["key"])
                finite = values[np.isfinite(values)]
                at = list(np.asarray(bars[0].opts["x"])).index(position)
                height = float(np.asarray(bars[0].opts["height"])[at])
                top, bottom = (float(np.asarray(whiskers[0].opts[side])[at]) for side in ("top", "bottom"))
                word = words[position].textItem.toPlainText()
                where = f"{name} {figure['key']} {variant['key']}"
                if finite.size:
                    mean = float(finite.mean())
                    assert math.isclose(height, mean, rel_tol=1e-9), where
                    assert math.isclose(top, finite.max() - mean, rel_tol=1e-9, abs_tol=1e-9), where
                    assert math.isclose(bottom, mean - finite.min(), rel_tol=1e-9, abs_tol=1e-9), where
                    assert word == "", where
                else:  # nothing measured: a word where the bar would be, no bar
                    assert height == 0 and word, where
                    _check_figure_text(word, values / factor, figure["kind"], where)
            assert view.bar_plot.getAxis("left").labelText == ("%" if figure["kind"] == "fraction" else ""), name

        # The table: a row per variant (its name after the line's glyph), a column per figure.
        table = view.table
        headers = [table.horizontalHeaderItem(i).text().replace("\n", " ") for i in range(table.columnCount())]
        assert headers == ["Variant", *(f["label"] for f in content["figures"])], name
        assert table.rowCount() == len(variants)
        for row, variant in enumerate(content["variants"]):
            assert re.sub(r"^\S+ (\d+\. )?", "", table.item(row, 0).text()) == variant["label"], name
            for column, figure in enumerate(content["figures"], start=1):
                _check_figure_text(table.item(row, column).text(), _raw_figures(content, variant["key"], figure["key"]),
                                   figure["kind"], f"{name} table {variant['key']} {figure['key']}")

        # The status line: the file's seeds and steps; the note: the seeds the curves average; the caption.
        config = content["config"]
        status = view.status_label.text()
        assert f"{config['seeds']} seeds × {config['steps']:,} " in status, (name, status)
        assert content["device"] in status, (name, status)
        seeds = max(len(_raw_runs(content, v["key"])) for v in content["variants"])
        assert f"the mean of {seeds} seeds" in view.note_label.text(), name
        assert view.caption_text() == localized(experiment.caption(load_result(path))) != "", name


# ---------------------------------------------------------------- the diagram


def _hooked_shapes(model: str) -> dict[str, tuple[int, ...]]:
    """Every torch module's output shape (without the batch) for one input of the model's size, by forward
    hooks on a meta-device copy."""
    import torch

    from engine.models.zoo import get_info, get_model

    with torch.device("meta"):
        module = get_model(model)
    shapes: dict[str, tuple[int, ...]] = {}
    for name, child in module.named_modules():
        child.register_forward_hook(
            lambda _m, _i, output, name=name: shapes.__setitem__(name, tuple(output.shape[1:])))
    module(torch.zeros((1, *get_info(model).input_shape), device="meta"))
    return shapes


def _shape_as_slides_write_it(shape: tuple[int, ...]) -> str:
    """(C, H, W) as the slides write it, height × width × channels ("55×55×96"); a vector as its length."""
    if len(shape) == 3:
        return f"{shape[1]}×{shape[2]}×{shape[0]}"
    assert len(shape) == 1, shape
    return str(shape[0])


def _pair(value) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else tuple(value)


def check_diagram_boxes(request, models=("lenet5", "alexnet2012", "alexnet", "vgg16")) -> None:
    """The diagram, every group open: each box named after a paper's layer (C1, conv1, conv5_3, fc6) says under
    its volume the output shape of that torch module, measured here by a forward hook ("55×55×96" for AlexNet's
    conv1), and above it the module's own operation (kernel, stride, units); every convolution and dense module
    of the network has its box, once."""
    import torch
    from PySide6.QtWidgets import QGraphicsPolygonItem, QGraphicsSimpleTextItem
    from torch import nn

    from engine.models.analysis import analyze
    from engine.models.zoo import get_model
    from gui.diagram.view import DiagramView

    qtbot = request.getfixturevalue("qtbot")
    view = DiagramView()
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    for model in models:
        analysis = analyze(model)
        view.set_analysis(analysis, frozenset())  # every group open
        shapes = _hooked_shapes(model)
        with torch.device("meta"):
            modules = dict(get_model(model).named_modules())
        by_paper = {row.paper_name: row.name for row in analysis.rows
                    if row.paper_name and row.kind in ("conv", "linear", "pool")}
        weighted = {name for name, module in modules.items() if isinstance(module, nn.Conv2d | nn.Linear)}
        seen: list[str] = []
        for item in view.scene().items():
            children = item.childItems()
            faces = [child for child in children if isinstance(child, QGraphicsPolygonItem)]
            texts = [child for child in children if isinstance(child, QGraphicsSimpleTextItem)]
            if not faces or not texts:
                continue
            top = min(face.mapRectToParent(face.boundingRect()).top() for face in faces)
            bottom = max(face.mapRectToParent(face.boundingRect()).bottom() for face in faces)
            above = [t.text() for t in sorted(texts, key=lambda t: t.pos().y()) if t.pos().y() < top]
            below = [t.text() for t in sorted(texts, key=lambda t: t.pos().y()) if t.pos().y() >= bottom]
            if not above or above[0] not in by_paper:
                continue
            name = by_paper[above[0]]
            module, where = modules[name], f"{model} {above[0]} ({name})"
            seen.append(name)
            assert below == [_shape_as_slides_write_it(shapes[name])], (where, below, shapes[name])
            operation = [part for line in above[1:] for part in line.split(" · ")[0].split(", ")]
            if isinstance(module, nn.Conv2d | nn.MaxPool2d | nn.AvgPool2d):
                kernel, stride = _pair(module.kernel_size), _pair(module.stride)
                what = "conv" if isinstance(module, nn.Conv2d) else \
                    "max pool" if isinstance(module, nn.MaxPool2d) else "avg pool"
                assert operation[0] == f"{what} {kernel[0]}×{kernel[1]}", (where, operation)
                assert (f"s={stride[0]}" in operation) == (stride != (1, 1)), (where, operation)
            elif isinstance(module, nn.Linear):
                assert operation[0] == f"fc {module.out_features}", (where, operation)
        assert sorted(n for n in seen if n in weighted) == sorted(weighted), model
    # The lecture's figure, pinned: AlexNet's first layer gives 55×55×96 (Krizhevsky et al., 2012).
    if "alexnet2012" in models:
        view.set_analysis(analyze("alexnet2012"), frozenset())
        texts = {item.text() for item in view.scene().items() if isinstance(item, QGraphicsSimpleTextItem)}
        assert "55×55×96" in texts


# ---------------------------------------------------------------- the 1×1 and Inception pages


def _numbers(text: str) -> list[int]:
    """The whole numbers written in ``text`` ("28×28×32", "120,422,400"), in order."""
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]


def _conv_counts(in_channels: int, out_channels: int, kernel: int, height: int, width: int) -> tuple[int, int]:
    """Parameters and multiply-adds of a real ``nn.Conv2d`` (same padding, with its bias) on ``height``×``width``:
    the parameters counted on the module, the multiply-adds by the textbook formula on its measured output."""
    import torch
    from torch import nn

    with torch.device("meta"):
        conv = nn.Conv2d(in_channels, out_channels, kernel, padding=kernel // 2)
        out = conv(torch.zeros(1, in_channels, height, width))
    params = sum(p.numel() for p in conv.parameters())
    return params, math.prod(out.shape[1:]) * in_channels * kernel * kernel


def check_nin_figures(request) -> None:
    """The Network-in-Network page: its multiply-adds, parameters (weights and biases) and the ReLU's comparisons
    are those of a real 1×1 ``nn.Conv2d`` of the size set, for the page's example and one more setting."""
    from engine.text.numbers import rounded
    from gui.pages.nin import NinView

    qtbot, bridge = request.getfixturevalue("qtbot"), request.getfixturevalue("recording_bridge")
    view = NinView(bridge)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    for size, cin, cout in ((None, None, None), (14, 480, 64)):
        if size:
            view.size_spin.setValue(size)
            view.in_spin.setValue(cin)
            view.out_spin.setValue(cout)
        size, cin, cout = view.size_spin.value(), view.in_spin.value(), view.out_spin.value()
        params, macs = _conv_counts(cin, cout, 1, size, size)
        assert macs == size * size * cout * cin  # the lecture's form, once by hand
        cost = _numbers(view.cost_formula.text())
        assert cost == [size, size, cout, 1, 1, cin, macs], (view.cost_formula.text(), macs)
        assert view.cost_total.text() == f"≈ {rounded(macs)} multiply-adds"
        assert _numbers(view.per_pixel.text()) == [size * size, cin, cout]
        assert _numbers(view.params_formula.text()) == [1, 1, cin, cout, cout, params]
        assert _numbers(view.params_note.text()) == [cin * cout, cout]
        view.relu_check.setChecked(True)
        assert _numbers(view.relu_note.text()) == [size * size * cout]  # one comparison per output value


def check_bottleneck_figures(request) -> None:
    """The 1×1 cost page's figures ("= 120,422,400" for the lecture's 5×5 on 28×28×192 → 32): the totals, the
    rounded totals and the parameters are those of real ``nn.Conv2d`` modules of the setting."""
    from display_checks import cost_page_settings

    from engine.text.numbers import rounded

    for view, s in cost_page_settings(request):
        lecture = s.in_channels == 192
        assert s.padding == "same"
        direct_params, direct_macs = _conv_counts(s.in_channels, s.out_channels, s.kernel, s.height, s.width)
        reduce_params, reduce_macs = _conv_counts(s.in_channels, s.bottleneck, 1, s.height, s.width)
        conv_params, conv_macs = _conv_counts(s.bottleneck, s.out_channels, s.kernel, s.height, s.width)
        if lecture:  # the deck's headline
            assert view.direct_total.text() == "= 120,422,400" == f"= {direct_macs:,}"
        assert view.direct_total.text() == f"= {direct_macs:,}"
        assert view.bottleneck_total.text() == f"= {reduce_macs + conv_macs:,}"
        assert view.direct_rounded.text() == f"≈ {rounded(direct_macs)} multiply-adds"
        assert view.bottleneck_rounded.text() == f"≈ {rounded(reduce_macs + conv_macs)} multiply-adds"
        assert _numbers(view.direct_params.text())[-1] == direct_params
        assert _numbers(view.bottleneck_params.text())[-1] == reduce_params + conv_params
        assert _numbers(view.direct_formula.text())[-6:] == [s.height, s.width, s.out_channels, s.kernel, s.kernel,
                                                             s.in_channels]


def _googlenet_modules() -> dict[str, tuple[tuple[int, int, int], dict[str, int]]]:
    """Each Inception module of torchvision's GoogLeNet: its input (C, H, W), by a forward hook, and its channel
    numbers read off its convolutions."""
    import torch

    from engine.models.zoo import get_model

    with torch.device("meta"):
        net = get_model("googlenet")
    found: dict[str, tuple] = {}
    for name, module in net.named_children():
        if name.startswith("inception"):
            module.register_forward_pre_hook(
                lambda m, args, name=name: found.__setitem__(name.removeprefix("inception"), (
                    tuple(args[0].shape[1:]), {
                        "1x1": m.branch1.conv.out_channels, "3x3_reduce": m.branch2[0].conv.out_channels,
                        "3x3": m.branch2[1].conv.out_channels, "5x5_reduce": m.branch3[0].conv.out_channels,
                        "5x5": m.branch3[1].conv.out_channels, "pool_proj": m.branch4[1].conv.out_channels})))
    net.eval()(torch.zeros(1, 3, 224, 224, device="meta"))
    return found


def _branches_by_hand(shape, ch: dict[str, int], reduced: bool) -> list[tuple[int, int, int]]:
    """(output channels, multiply-adds, parameters) of the four branches, the paper's 5×5 filters, biases kept,
    pooling costing no multiplications."""
    cin, h, w = shape
    one = _conv_counts(cin, ch["1x1"], 1, h, w)
    if reduced:
        steps = [[(cin, ch["1x1"], 1)], [(cin, ch["3x3_reduce"], 1), (ch["3x3_reduce"], ch["3x3"], 3)],
                 [(cin, ch["5x5_reduce"], 1), (ch["5x5_reduce"], ch["5x5"], 5)], [(cin, ch["pool_proj"], 1)]]
    else:
        steps = [[(cin, ch["1x1"], 1)], [(cin, ch["3x3"], 3)], [(cin, ch["5x5"], 5)], []]
    branches = []
    for branch in steps:
        counts = [_conv_counts(a, b, k, h, w) for a, b, k in branch]
        out = branch[-1][1] if branch else cin  # the naive pool passes its input's channels on
        branches.append((out, sum(c[1] for c in counts), sum(c[0] for c in counts)))
    assert branches[0][1:] == (one[1], one[0])
    return branches


def check_inception_figures(request, modules=None) -> None:
    """The Inception page, every module of GoogLeNet, naive and reduced: each branch's output channels,
    multiplications and parameters in the table, the totals, the summary and the change, and the two bars of
    each branch, against real ``nn.Conv2d`` modules of the channel numbers read off torchvision's GoogLeNet."""
    import pyqtgraph as pg

    from engine.inspection.cost import inception_breakdowns
    from engine.text.numbers import rounded
    from gui.pages.inception import InceptionView

    qtbot = request.getfixturevalue("qtbot")
    view = InceptionView()
    qtbot.addWidget(view)
    view.resize(1600, 1000)
    view.show()
    view.set_breakdowns(inception_breakdowns())
    googlenet = _googlenet_modules()
    combo = view.module_combo
    assert combo.count() == len(googlenet) == 9
    for index in range(combo.count()):
        name = re.match(r"Inception (\w+) \((\d+)×(\d+)×(\d+) in\)", combo.itemText(index))
        assert name, combo.itemText(index)
        module = name[1]
        if modules and module not in modules:
            continue
        shape, channels = googlenet[module]
        assert (int(name[4]), int(name[2]), int(name[3])) == shape
        combo.setCurrentIndex(index)
        by_design = {}
        for reduced in (False, True):
            view.reductions_check.setChecked(reduced)
            expected = _branches_by_hand(shape, channels, reduced)
            by_design[reduced] = expected
            table = view.table
            for row, (out, macs, params) in enumerate(expected):
                shown = [table.item(row, column).text() for column in (2, 3, 4)]
                assert shown == [f"{out:,}", f"{macs:,}", f"{params:,}"], (module, reduced, row, shown)
            total = [sum(b[i] for b in expected) for i in range(3)]
            assert [table.item(4, column).text() for column in (2, 3, 4)] == [f"{t:,}" for t in total], module
            assert view.summary.text() == (f"Output {shape[1]}×{shape[2]}×{total[0]}: {rounded(total[1])} "
                                           f"multiply-adds, {total[2]:,} parameters"), module
            if module == "3a" and not reduced:  # the deck's headline: the naive 5×5 branch
                assert table.item(2, 3).text() == "120,422,400"
        naive_macs = sum(b[1] for b in by_design[False])
        reduced_macs = sum(b[1] for b in by_design[True])
        change = _numbers(view.change.text().replace(rounded(naive_macs), "").replace(rounded(reduced_macs), ""))
        assert rounded(naive_macs) in view.change.text() and rounded(reduced_macs) in view.change.text(), module
        assert change[-2:] == [sum(b[2] for b in by_design[False]), sum(b[2] for b in by_design[True])], module
        bars = {round(float(x), 3): float(h) for item in view.chart.getPlotItem().items
                if isinstance(item, pg.BarGraphItem) for x, h in zip(item.opts["x"], item.opts["height"], strict=True)}
        for branch in range(4):
            assert bars[round(branch - 0.2, 3)] == by_design[False][branch][1], (module, branch)  # naive: left
            assert bars[round(branch + 0.2, 3)] == by_design[True][branch][1], (module, branch)


# ---------------------------------------------------------------- the training panel


_TINY_RUN: dict[str, Path] = {}  # the tiny run's folder, trained once a session (see check_training_plots)


def check_training_plots(request, reopen: bool = False) -> None:
    """The training panel after a tiny real run (LeNet-5 on the digits, a step schedule, started from the panel
    on the engine thread): each step's loss (faint), its smoothed loss (bold) and the learning rate, and each
    epoch's accuracies and losses (dashed: training, solid: test), as the plots' items hold them, are the run's
    own figures read here from its ``metrics.csv``; the smoothed curve is the losses' bias-corrected moving
    average computed here.

    With ``reopen`` (the breakage tests), a run already trained in this session is opened from its folder
    instead, which draws through the same code; one is trained first if there is none yet.
    """
    import csv

    import pyqtgraph as pg
    from PySide6.QtCore import Qt

    from engine.learning.training import _SMOOTHING, TrainConfig
    from gui.panels.training import TrainingView

    qtbot, tmp_path = request.getfixturevalue("qtbot"), request.getfixturevalue("tmp_path")
    bridge = request.getfixturevalue("bridge")
    view = TrainingView(bridge, runs_folder=tmp_path / "runs")
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    if reopen and "folder" in _TINY_RUN:
        view.open_run(_TINY_RUN["folder"])
        qtbot.waitUntil(lambda: view.runs_list.count() >= 1 and any(
            item.getData()[0] is not None for item in view.epoch_loss_plot.items if isinstance(item, pg.PlotDataItem)),
            timeout=60_000)
    else:
        view.set_options(TrainConfig(model="lenet5", dataset="digits", batch_size=512, device="cpu", epochs=3,
                                     schedule="step", lr=0.1, optimizer="sgd", out_dir=str(tmp_path / "runs")))
        view.start()
        qtbot.waitUntil(lambda: view.state() == "running", timeout=60_000)
        qtbot.waitUntil(lambda: view.state() == "idle", timeout=120_000)
        (folder,) = (tmp_path / "runs").iterdir()
        _TINY_RUN.setdefault("folder", folder)
    metrics = _TINY_RUN["folder"] / "metrics.csv" if reopen else next((tmp_path / "runs").glob("*/metrics.csv"))
    with metrics.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    steps = [row for row in rows if row["kind"] == "step"]
    epochs = [row for row in rows if row["kind"] == "epoch"]
    assert len(epochs) == 3 and len(steps) >= 6

    def column(table, key):
        return np.array([float(row[key]) for row in table])

    def curves(plot):
        return [item for item in plot.items if isinstance(item, pg.PlotDataItem)]

    step_x, losses, lrs = column(steps, "step"), column(steps, "loss"), column(steps, "lr")
    assert len(np.unique(lrs)) >= 2  # the step schedule: the rate curve has something to show
    smoothed, average = [], 0.0
    for count, loss in enumerate(losses, start=1):
        average = _SMOOTHING * average + (1 - _SMOOTHING) * loss
        smoothed.append(average / (1 - _SMOOTHING ** count))
    np.testing.assert_allclose(column(steps, "smoothed_loss"), smoothed, rtol=1e-9)

    loss_items = curves(view.loss_plot)
    assert len(loss_items) == 2
    faint = [item for item in loss_items if item.opts["pen"].color().alpha() < 255]
    bold = [item for item in loss_items if item.opts["pen"].color().alpha() == 255]
    assert len(faint) == len(bold) == 1
    for item, expected in ((faint[0], losses), (bold[0], smoothed)):
        x, y = _data(item)
        np.testing.assert_array_equal(x, step_x)
        np.testing.assert_allclose(y, expected, rtol=1e-9)
    (rate,) = curves(view.lr_plot)
    x, y = _data(rate)
    np.testing.assert_array_equal(x, step_x)
    np.testing.assert_allclose(y, lrs, rtol=1e-12)

    epoch_x = column(epochs, "epoch")
    assert list(epoch_x) == [1, 2, 3]
    for plot, what in ((view.accuracy_plot, "accuracy"), (view.epoch_loss_plot, "loss")):
        items = curves(plot)
        assert len(items) == 2
        for item in items:
            dashed = item.opts["pen"].style() == Qt.PenStyle.DashLine
            x, y = _data(item)
            np.testing.assert_array_equal(x, epoch_x)
            np.testing.assert_allclose(y, column(epochs, f"{'train' if dashed else 'test'}_{what}"), rtol=1e-9,
                                       err_msg=f"{what} {'training' if dashed else 'test'}")
    assert "solid: test · dashed: training" in view.key_label.text()


# ---------------------------------------------------------------- the augmentation page's captions


def _best_fit(shown: np.ndarray, candidates) -> tuple[object, float]:
    """The candidate (parameter, image) whose image is nearest ``shown`` (mean absolute difference), and that
    difference."""
    scored = [(float(np.abs(image.astype(np.int16) - shown.astype(np.int16)).mean()), parameter)
              for parameter, image in candidates]
    difference, parameter = min(scored, key=lambda pair: pair[0])
    return parameter, difference


_MEASURED = 2  # rotations and shears measured on their pictures (of four each): a fit costs ~25 transforms


_NOTHING_DRAWN = (r"rotated [+-]?0°|sheared x\u00a0[+-]?0°, y\u00a0[+-]?0°"
                  r"|R\u00a0[+-]?0  G\u00a0[+-]?0  B\u00a0[+-]?0")


def check_augmentation_captions(request) -> None:
    """Each example's caption says what its picture shows, measured on the picture: the rotation's angle is the
    one that, redone here with torchvision over a grid of angles (coarse, then fine), best matches the picture;
    the same for the shear's two angles (the first two examples of each); the colour offsets written give the
    picture exactly; the mirror's picture is the mirror image and its first slot, captioned "original", the
    original. No other slot shows the original. (Crop and warp: the caption's form only.)"""
    import torch
    from display_checks import qimage_pixels
    from torchvision.transforms import v2
    from torchvision.transforms.v2 import functional as tvf

    from engine.data.augmentation import METHODS
    from gui.pages.augmentation import AugmentationView

    qtbot, bridge = request.getfixturevalue("qtbot"), request.getfixturevalue("bridge")
    view = AugmentationView(bridge)
    qtbot.addWidget(view)
    view.resize(1600, 1000)
    view.show()
    qtbot.waitUntil(lambda: view.preview() is not None and view.examples["colour"][0].caption.text() != "",
                    timeout=120_000)
    original = qimage_pixels(view.original.picture.image())
    tensor = torch.from_numpy(original.copy()).permute(2, 0, 1)

    def as_pixels(image) -> np.ndarray:
        return image.permute(1, 2, 0).numpy()

    def rotated(angle: float) -> np.ndarray:
        return as_pixels(tvf.rotate(tensor, angle, interpolation=v2.InterpolationMode.BILINEAR))

    def sheared(x: float, y: float) -> np.ndarray:
        return as_pixels(tvf.affine(tensor, angle=0.0, translate=[0.0, 0.0], scale=1.0, shear=[x, y],
                                    interpolation=v2.InterpolationMode.BILINEAR))

    degrees = r"([+-]?\d+|0)°"
    for method in METHODS:
        for index, slot in enumerate(view.examples[method]):
            caption, shown = slot.caption.text(), qimage_pixels(slot.picture.image())
            where = f"{method} {index}: {caption!r}"
            if method == "mirror" and index == 0:
                assert caption == "original", where
                np.testing.assert_array_equal(shown, original)
                continue
            # Not the original, unless what was drawn rounds to nothing ("rotated 0°": the page's random seed drew
            # 0.01° in one run of 150, and the picture is then the original to a grey level).
            if not re.fullmatch(_NOTHING_DRAWN, caption):
                assert np.abs(shown.astype(np.int16) - original.astype(np.int16)).mean() > 1.0, where
            if method == "mirror":
                assert caption == "mirrored left to right", where
                np.testing.assert_array_equal(shown, original[:, ::-1])
            elif method == "rotation":
                match = re.fullmatch(r"rotated " + degrees, caption)
                assert match, where
                said = int(match[1])
                if index >= _MEASURED:
                    continue
                coarse, _ = _best_fit(shown, ((said + k / 2, rotated(said + k / 2)) for k in range(-3, 4)))
                measured, difference = _best_fit(shown, ((coarse + k / 10, rotated(coarse + k / 10))
                                                         for k in range(-4, 5)))
                assert abs(measured - said) <= 0.6, (where, measured, difference)  # to 0.05° of the true angle
                far = float(np.abs(rotated(said + 5).astype(np.int16) - shown.astype(np.int16)).mean())
                assert far > 4 * difference + 1.0, (where, far, difference)  # the measure tells 5° apart
            elif method == "shear":
                match = re.fullmatch(r"sheared x\u00a0" + degrees + r", y\u00a0" + degrees, caption)
                assert match, where
                said = (int(match[1]), int(match[2]))
                if index >= _MEASURED:
                    continue
                grid = [(said[0] + dx / 2, said[1] + dy / 2) for dx in range(-2, 3) for dy in range(-2, 3)]
                coarse, _ = _best_fit(shown, ((s, sheared(*s)) for s in grid))
                grid = [(coarse[0] + dx / 4, coarse[1] + dy / 4) for dx in range(-1, 2) for dy in range(-1, 2)]
                measured, difference = _best_fit(shown, ((s, sheared(*s)) for s in grid))
                assert max(abs(m - s) for m, s in zip(measured, said, strict=True)) <= 0.75, (where, measured)
                far = float(np.abs(sheared(said[0] + 5, said[1]).astype(np.int16) - shown.astype(np.int16)).mean())
                assert far > 2 * difference + 1.0, (where, measured, difference, far)
            elif method == "colour":
                match = re.fullmatch(r"R\u00a0([+-]?\d+)  G\u00a0([+-]?\d+)  B\u00a0([+-]?\d+)", caption)
                assert match, where
                offsets = np.array([int(match[i]) for i in (1, 2, 3)], dtype=np.int16)
                np.testing.assert_array_equal(shown, np.clip(original.astype(np.int16) + offsets, 0, 255))
            elif method == "crop":
                match = re.fullmatch(r"(\d+)% kept", caption)
                assert match and 0 < int(match[1]) < 100, where
            elif method == "warp":
                match = re.fullmatch(r"moved (\d+) px on average", caption)
                assert match and int(match[1]) >= 0, where


# ---------------------------------------------------------------- the layer table's looks


def _row_background(pixels: np.ndarray, top: int, height: int) -> tuple[int, ...]:
    """The colour most of a row's band is painted in: its background (the text covers a small part)."""
    band = pixels[top + 1:top + height - 1].reshape(-1, 3)
    colours, counts = np.unique(band, axis=0, return_counts=True)
    return tuple(int(v) for v in colours[counts.argmax()])


def check_layer_table_looks(request) -> None:
    """What the layer table looks like beyond its figures: rows alternate their background (a long table read
    across a room), no row numbers beside the "#" column (they would count from 1 where it counts from 0), the
    last column reaches the table's right edge, and after a switch to Korean the header says the Korean titles
    with each column as wide as a table built in Korean makes it."""
    from display_checks import qimage_pixels
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from engine.models.analysis import analyze
    from gui.i18n import set_language
    from gui.widgets.layer_table import LayerTableView

    qtbot = request.getfixturevalue("qtbot")
    rows = analyze("alexnet").rows

    def table() -> LayerTableView:
        view = LayerTableView()
        qtbot.addWidget(view)
        view.resize(1500, 600)
        view.layer_model.set_rows(rows)
        view.show()
        QApplication.processEvents()
        return view

    view = table()
    pixels = qimage_pixels(view.viewport().grab().toImage())
    scale = pixels.shape[0] / view.viewport().height()
    backgrounds = [_row_background(pixels, round(view.rowViewportPosition(r) * scale),
                                   round(view.rowHeight(r) * scale)) for r in range(6)]
    assert backgrounds[0] != backgrounds[1] and backgrounds[0] == backgrounds[2] == backgrounds[4], backgrounds
    assert backgrounds[1] == backgrounds[3] == backgrounds[5]
    assert not view.verticalHeader().isVisible() and view.viewport().geometry().left() <= 2 * view.frameWidth()
    last = view.model().columnCount() - 1
    assert view.columnViewportPosition(last) + view.columnWidth(last) == view.viewport().width()
    header = view.horizontalHeader()
    english = [view.model().headerData(i, Qt.Orientation.Horizontal) for i in range(last + 1)]
    try:
        set_language("ko")
        view.layer_model.retranslate()  # as the model page does on a switch
        QApplication.processEvents()
        korean = [view.model().headerData(i, Qt.Orientation.Horizontal) for i in range(last + 1)]
        assert sum(a != b for a, b in zip(english, korean, strict=True)) >= 7, korean
        fresh = table()
        assert [fresh.model().headerData(i, Qt.Orientation.Horizontal) for i in range(last + 1)] == korean
        assert [header.sectionSize(i) for i in range(last)] == \
            [fresh.horizontalHeader().sectionSize(i) for i in range(last)]
        metrics = header.fontMetrics()
        assert all(header.sectionSize(i) >= metrics.horizontalAdvance(korean[i]) for i in range(last + 1))
    finally:
        set_language("en")
        QApplication.processEvents()
