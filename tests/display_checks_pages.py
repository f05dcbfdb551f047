"""What the class sees on the transfer, depth, feature-map and model pages, against figures computed here.

Like ``tests/display_checks.py`` (whose helpers it uses): each ``check_…(request)`` builds the real view, reads
what it shows (pixels of the painted bars, the data of the plotted curves, the image the map grid shows, the
fact sheet's text) and compares it with the torch module, the shipped file or a forward pass computed in the
check itself, never with the view's own variables. tests/gui/test_displayed_pages.py runs them on the real
code; tests/gui/test_breakages.py on one-line mutations of it, where they must fail.
"""

from __future__ import annotations

import json
import math
import re

import numpy as np
from display_checks import TIMEOUT_MS, lenet5_page_on_digit, qimage_pixels

# ---------------------------------------------------------------- transfer learning

# The lecture's three cases on ResNet-18, by hand: case 1 trains only the new classifier; case 2 freezes the
# first half of the depth, cut between the paper's stages (conv1, conv2_x = layer1 and conv3_x = layer2: 9 of
# the 18 weighted layers, and layer2's projection shortcut); case 3 trains everything.
_RESNET18_FROZEN = {"classifier": lambda name: name != "fc",
                    "later": lambda name: name.split(".")[0] in ("conv1", "layer1", "layer2"),
                    "all": lambda name: False}
_FROZEN_RGB, _TRAINED_RGB = (0x9a, 0xa5, 0xb1), (0xe8, 0x59, 0x0c)  # grey, orange: the page's two colours


def _weight_layers(model) -> list[tuple[str, int]]:
    """Each convolution and dense module of ``model`` in order, with its parameters and those of the batch
    norm right after it (the bar of a layer counts both)."""
    from torch import nn

    named = list(model.named_modules())
    layers = []
    for position, (name, module) in enumerate(named):
        if isinstance(module, nn.Conv2d | nn.Linear):
            params = sum(p.numel() for p in module.parameters(recurse=False))
            follower = named[position + 1][1] if position + 1 < len(named) else None
            if isinstance(follower, nn.BatchNorm2d):
                params += sum(p.numel() for p in follower.parameters())
            layers.append((name, params))
    return layers


def _bar_in_column(pixels: np.ndarray, x: int, foot: int) -> tuple[str | None, int]:
    """The colour ("frozen", "trained") of the bar painted in pixel column ``x`` over row ``foot``, and its height
    above that row in pixels: the run of one of the two colours upwards from there (a row a little above
    the bars' common foot, where the axis blends in: the same for every bar, so a line through the heights
    absorbs it)."""
    column = pixels[:foot + 1, x, :].astype(int)
    for kind, rgb in (("frozen", _FROZEN_RGB), ("trained", _TRAINED_RGB)):
        matches = np.abs(column - rgb).max(axis=1) <= 6
        if not matches[-1]:
            continue
        top, gap = foot, 0
        for row in range(foot, -1, -1):  # the scale's decade lines cross the bars: a gap of a few rows is allowed
            if matches[row]:
                top, gap = row, 0
            else:
                gap += 1
                if gap > 3:
                    break
        return kind, foot - top + 1
    return None, 0


def check_transfer_bars(request) -> None:
    """The transfer page's strip for ResNet-18 and 10 classes: one bar per weight layer of the torch module, its
    height linear in the logarithm of that layer's parameters, grey where the case freezes the layer by the
    lecture's rule and orange where it trains it; the figures under it are the module's own counts."""
    import torch
    from PySide6.QtCore import Qt

    from engine.models.zoo import get_model
    from engine.text.numbers import exact
    from gui.pages.transfer import CASES, TransferLearningView

    qtbot, bridge = request.getfixturevalue("qtbot"), request.getfixturevalue("bridge")
    view = TransferLearningView(bridge)
    qtbot.addWidget(view)
    view.resize(1600, 1000)
    view.show()
    qtbot.waitUntil(lambda: view.plan() is not None, timeout=TIMEOUT_MS)
    assert view.model_combo.currentData() == "resnet18" and view.classes_box.value() == 10
    with torch.device("meta"):
        layers = _weight_layers(get_model("resnet18", num_classes=10))
    assert len(layers) == 21 and layers[-1] == ("fc", 512 * 10 + 10)
    total = sum(params for _, params in layers)
    for index, case in enumerate(CASES):
        qtbot.mouseClick(view.case_buttons[index], Qt.MouseButton.LeftButton)
        pixels = qimage_pixels(view.strip.grab().toImage())
        rects = view.strip.bar_rects()  # where to look; what is there is read from the pixels
        assert len(rects) == len(layers), case
        shown = [_bar_in_column(pixels, int(rect.left() + 3), int(rect.bottom()) - 3) for rect in rects]
        frozen = [_RESNET18_FROZEN[case](name) for name, _ in layers]
        assert [kind == "frozen" for kind, _ in shown] == frozen, case
        # Heights on a log scale: a straight line through (log10 params, height) for every bar.
        logs = np.log10([params for _, params in layers])
        heights = np.array([height for _, height in shown], dtype=float)
        slope, intercept = np.polyfit(logs, heights, 1)
        assert slope > 20, (case, slope)  # at least 20 pixels a decade: the differences are visible
        assert np.abs(heights - (slope * logs + intercept)).max() <= 2.5, (case, heights)
        trained = sum(params for (name, params), off in zip(layers, frozen, strict=True) if not off)
        text = view.figures.text()
        assert f"Trained: {exact(trained)} of {exact(total)} parameters" in text, (case, text)
        assert f"in {frozen.count(False)} of {len(layers)} layers" in text, (case, text)
        assert f"Frozen: {exact(total - trained)} parameters" in text, (case, text)


# ---------------------------------------------------------------- plain against residual networks


def _trailing_mean(errors: list[float], window: int) -> np.ndarray:
    """Entry t: the mean of errors t - window + 1 .. t (of 1 .. t at the start), by a plain loop."""
    return np.array([np.mean(errors[max(0, t - window + 1):t + 1]) for t in range(len(errors))])


def _run_of_title(title: str) -> tuple[str, int]:
    match = re.fullmatch(r"(Plain|ResNet)-(\d+)", title)
    assert match, title
    return ("plain" if match[1] == "Plain" else "residual"), int(match[2])


def check_depth_plots(request) -> None:
    """The depth page on the shipped sweep: each legend's curve is its run's training error smoothed over the
    sweep's window (recomputed here from the steps' errors in the JSON file), in per cent; the final errors
    against depth are the file's (training as the last smoothed value); the gradient norms are the file's
    snapshots, at initialisation and at the step the page names; the table's figures are the file's."""
    from PySide6.QtCore import Qt

    from engine.learning.depth import SHIPPED_RESULT
    from engine.text.numbers import exact
    from gui.pages.depth import KIND_COLOURS, DepthView

    qtbot = request.getfixturevalue("qtbot")
    monkeypatch, tmp_path = request.getfixturevalue("monkeypatch"), request.getfixturevalue("tmp_path")
    import gui.pages.depth

    monkeypatch.setattr(gui.pages.depth, "default_depth_folder", lambda: tmp_path)
    view = DepthView(request.getfixturevalue("recording_bridge"))
    qtbot.addWidget(view)
    view.resize(1920, 1000)
    view.show()
    qtbot.waitUntil(lambda: view.table.rowCount() == 8, timeout=TIMEOUT_MS)

    saved = json.loads(SHIPPED_RESULT.read_text(encoding="utf-8"))
    window = saved["config"]["window"]
    runs = {(run["kind"], run["depth"]): run for run in saved["runs"]}
    assert len(runs) == 8

    # Training error against steps, one curve per legend entry.
    legend = {label.text: sample.item for sample, label in view.curve_legend.items}
    assert len(legend) == 8
    for title, curve in legend.items():
        kind, depth = _run_of_title(title)
        run = runs[kind, depth]
        x, y = curve.getData()
        np.testing.assert_array_equal(x, np.arange(1, len(run["errors"]) + 1))
        np.testing.assert_allclose(y, 100 * _trailing_mean(run["errors"], window), rtol=1e-9, atol=1e-9)
        style = curve.opts["pen"].style()
        assert style == (Qt.PenStyle.DashLine if kind == "plain" else Qt.PenStyle.SolidLine), title

    # Final errors against depth: four lines, told apart by colour (kind) and dot (square: test).
    depths = sorted(saved["config"]["depths"])
    lines = view.depth_plot.listDataItems()
    assert len(lines) == 4
    for line in lines:
        colour = line.opts["pen"].color().name()
        kind = next(k for k, c in KIND_COLOURS.items() if c == colour)
        split = "test" if line.opts["symbol"] == "s" else "train"
        x, y = line.getData()
        assert list(x) == depths
        if split == "train":
            expected = [100 * _trailing_mean(runs[kind, d]["errors"], window)[-1] for d in depths]
            np.testing.assert_allclose(expected, [100 * runs[kind, d]["train_error"] for d in depths], atol=1e-3)
        else:
            expected = [100 * runs[kind, d]["test_error"] for d in depths]
        np.testing.assert_allclose(y, expected, rtol=1e-9, atol=1e-9, err_msg=f"{kind} {split}")

    # Gradient norms per layer of the deepest pair: at initialisation, and at the step the label names.
    step_label = view.gradient_step_label.text()
    step = int(re.search(r"step (\d+)", step_label)[1])
    gradient_lines = view.gradient_plot.listDataItems()
    assert len(gradient_lines) == 4
    deepest = max(depths)
    seen = set()
    for line in gradient_lines:
        pen = line.opts["pen"]
        colour = pen.color().name()
        kind = next(k for k, c in KIND_COLOURS.items() if c == colour)
        run = runs[kind, deepest]
        faint = pen.color().alpha() < 255
        snapshot = 0 if faint else run["gradient_steps"].index(step)
        x, y = line.getData()
        np.testing.assert_array_equal(x, np.arange(1, deepest + 1))
        np.testing.assert_allclose(y, np.log10(run["gradient_norms"][snapshot]), rtol=1e-9)  # a log axis
        seen.add((kind, faint))
    assert len(seen) == 4

    # The table: title, parameters, final training and test errors, seconds.
    for row in range(view.table.rowCount()):
        kind, depth = _run_of_title(view.table.item(row, 0).text())
        run = runs[kind, depth]
        cells = [view.table.item(row, column).text() for column in range(1, 5)]
        assert cells == [exact(run["params"]), f"{100 * run['train_error']:.1f}%",
                         f"{100 * run['test_error']:.1f}%", f"{run['seconds']:.1f}"], (kind, depth)


# ---------------------------------------------------------------- the feature grid


def _cells(mosaic: np.ndarray) -> list[np.ndarray]:
    """The maps of a mosaic in reading order, cut at its gaps (rows and columns that are wholly transparent)."""
    def spans(blank: np.ndarray) -> list[tuple[int, int]]:
        found, start = [], None
        for position, empty in enumerate([*blank, True]):
            if not empty and start is None:
                start = position
            elif empty and start is not None:
                found.append((start, position))
                start = None
        return found

    drawn = ~np.isnan(mosaic)
    rows, columns = spans(~drawn.any(axis=1)), spans(~drawn.any(axis=0))
    cells = [mosaic[top:bottom, left:right] for top, bottom in rows for left, right in columns]
    return [cell for cell in cells if not np.isnan(cell).all()]


def check_feature_grid(request) -> None:
    """The feature-map page's grid for the shipped LeNet-5 and a sample digit: for conv1, pool1 and conv2, one
    cell per channel in reading order, each the map that a forward hook on that torch module gives, scaled to
    [0, 1] on its own range (the default) or on the layer's; the enlarged map is the selected channel's."""
    import torch

    view, loaded, batch, _ = lenet5_page_on_digit(request, 5)
    names = ("conv1", "pool1", "conv2")
    expected: dict[str, np.ndarray] = {}
    modules = dict(loaded.module.named_modules())
    handles = [modules[name].register_forward_hook(
        lambda module, args, output, name=name: expected.__setitem__(name, output[0].detach().numpy().copy()))
        for name in names]
    with torch.no_grad():
        loaded.module.eval()(batch)
    for handle in handles:
        handle.remove()

    for name in names:
        view.select_layer(view.layer_names().index(name))
        maps = expected[name].astype(np.float64)
        for scale, axes in ((0, (1, 2)), (1, None)):  # each map on its own range, then on the layer's
            view.scale_combo.setCurrentIndex(scale)
            low = maps.min(axis=axes, keepdims=True)
            scaled = (maps - low) / (maps.max(axis=axes, keepdims=True) - low)
            mosaic = view.grid.image.image
            cells = _cells(mosaic)
            assert len(cells) == len(maps), (name, len(cells))
            for channel, (cell, want) in enumerate(zip(cells, scaled, strict=True)):
                assert cell.shape == want.shape, (name, channel)
                np.testing.assert_allclose(cell, want, atol=1e-5, err_msg=f"{name} map {channel}")
            assert np.nanmax(mosaic) == 1.0 and np.count_nonzero(np.nan_to_num(mosaic)) > mosaic.size // 4
            # The mosaic is drawn as it is: at the origin of the grid's view, one unit a pixel, not turned.
            image = view.grid.image
            assert (image.pos().x(), image.pos().y()) == (0.0, 0.0)
            assert (image.width(), image.height()) == (mosaic.shape[1], mosaic.shape[0])
            np.testing.assert_allclose(view.enlarged_panel.image.image, scaled[0], atol=1e-5)
    view.scale_combo.setCurrentIndex(0)


# ---------------------------------------------------------------- the fact sheets

_FACT_MODELS = (("lenet", "lenet5"), ("alexnet", "alexnet"), ("vgg", "vgg16"), ("resnet", "resnet18"))


def _by_hand(count: int) -> str:
    """A count with one decimal and K, M or G, by division (the models here have none at a half)."""
    for unit, size in (("G", 1e9), ("M", 1e6), ("K", 1e3)):
        if count >= size:
            return f"{count / size:.1f}{unit}"
    return str(count)


def _hand_macs(module, output) -> int:
    """Multiply-adds of one call of a convolution or dense module, by the textbook formulas; 0 for others."""
    from torch import nn

    if isinstance(module, nn.Conv2d):
        return output[0].numel() * (module.in_channels // module.groups) * math.prod(module.kernel_size)
    if isinstance(module, nn.Linear):
        return output[0].numel() * module.in_features
    return 0


def check_fact_sheets(request) -> None:
    """Each model page's fact sheet: input, weighted modules, parameters and multiply-adds per image are those
    of the torch module itself (counted by hooks on a meta-device forward pass), written exactly and rounded."""
    import torch
    from PySide6.QtGui import QTextDocument
    from torch import nn

    from engine.models.overview import zoo_entry
    from engine.models.zoo import get_info, get_model
    from engine.text.numbers import exact
    from gui.pages.model_page import ModelPageView

    qtbot, bridge = request.getfixturevalue("qtbot"), request.getfixturevalue("recording_bridge")
    for section, name in _FACT_MODELS:
        page = ModelPageView(section, bridge)
        qtbot.addWidget(page)
        page.set_entries([zoo_entry(name)])
        document = QTextDocument()
        document.setHtml(page.facts.text())
        facts = dict(re.findall(r"^(.+?)\t(.+)$", document.toPlainText(), flags=re.MULTILINE))
        if not facts:  # Qt writes a table's cells one a line
            lines = document.toPlainText().splitlines()
            facts = {label: value for label, value in zip(lines, lines[1:], strict=False)}

        shape = get_info(name).input_shape
        macs: list[int] = []
        handle = nn.modules.module.register_module_forward_hook(
            lambda module, args, output, macs=macs: macs.append(_hand_macs(module, output)))
        try:
            with torch.device("meta"):
                model = get_model(name)
                model.eval()(torch.zeros(1, *shape))
        finally:
            handle.remove()
        params = sum(p.numel() for p in model.parameters())
        weighted = sum(isinstance(m, nn.Conv2d | nn.Linear) for m in model.modules())
        assert facts.get("Input") == f"{shape[1]}×{shape[2]}×{shape[0]}", (name, facts)
        assert facts.get("Conv + dense modules") == str(weighted), (name, facts)
        assert facts.get("Parameters") == f"{exact(params)} ({_by_hand(params)})", (name, facts)
        assert facts.get("Multiply-adds per image") == f"{exact(sum(macs))} ({_by_hand(sum(macs))})", (name, facts)
        page.close()


# ---------------------------------------------------------------- the layer table's other columns


def _kernel_by_hand(module) -> str:
    from torch.nn.modules.utils import _pair

    (k0, k1), (s, _), (p, _) = _pair(module.kernel_size), _pair(module.stride), _pair(module.padding)
    text = f"{k0}×{k1}" + (f", s={s}" if s != 1 else "") + (f", p={p}" if p != 0 else "")
    groups = getattr(module, "groups", 1)
    return text + (f", g={groups}" if groups > 1 else "")


def check_layer_table_columns(request, model: str = "alexnet") -> None:
    """The layer table's number, paper name, kernel and receptive-field columns and its tooltips, for AlexNet
    (one chain of layers): kernel, stride, padding and groups read off each torch module, and the receptive field
    by the recursion of Araujo et al. (r += (k − 1)·j, j ·= s, u −= p·j) walked here over the modules; a flatten
    sees the span of all its input's units. Then a module with a 1×7 kernel: the table does not make it square.
    ``model`` may be another one-chain network (AlexNet as trained on two GPUs: its groups)."""
    import torch
    from PySide6.QtCore import Qt
    from torch import nn

    from engine.models.analysis import analyze
    from engine.models.zoo import get_model
    from engine.text.numbers import shape_text
    from gui.widgets.layer_table import LayerTableView

    qtbot = request.getfixturevalue("qtbot")
    view = LayerTableView()
    qtbot.addWidget(view)
    view.layer_model.set_rows(rows := analyze(model).rows)
    table = view.model()  # what the view shows
    with torch.device("meta"):
        modules = dict(get_model(model).named_modules())
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    size, jump, start = 1, 1, 0
    for number, row in enumerate(rows):
        module = modules.get(row.name)
        shown = [table.data(table.index(number, column)) for column in range(table.columnCount())]
        kernel = ""
        if isinstance(module, nn.Conv2d | nn.MaxPool2d):
            kernel = _kernel_by_hand(module)
            k, s, p = (module.kernel_size, module.stride, module.padding)
            k, s, p = (v if isinstance(v, int) else v[0] for v in (k, s, p))
            size, jump, start = size + (k - 1) * jump, jump * s, start - p * jump
        elif row.kind == "flatten":  # torch.flatten(x, 1) in AlexNet's forward: a call, not a module
            size, jump = (row.input_shape[-1] - 1) * jump + size, None
        assert shown[0] == str(number), row.name
        assert shown[1] == (row.paper_name or row.name) and shown[2] == row.name, row.name
        shape = row.output_shape  # as the slides write it: height × width × channels; a vector its length
        assert shown[4] == (f"{shape[1]}×{shape[2]}×{shape[0]}" if len(shape) == 3 else str(shape[0])), row.name
        assert shown[5] == kernel, row.name
        assert shown[8] == str(size), row.name
        tip = table.data(table.index(number, 8), Qt.ItemDataRole.ToolTipRole)
        first, *rest = tip.split("\n")
        assert first == f"{row.op}: {shape_text(row.input_shape)} → {shape_text(row.output_shape)}", row.name
        if jump is None:
            assert rest == [f"Receptive field: {size}×{size} input pixels (everything the units before it see)."]
        else:
            assert rest == [f"Receptive field: {size}×{size} pixels, units {jump} pixels apart, the first starting "
                            f"at ({start}, {start})."], row.name
        assert "\n" not in table.data(table.index(number, 4), Qt.ItemDataRole.ToolTipRole)  # the field: column 8
        for column in range(table.columnCount()):  # numbers to the right, so that their digits line up
            alignment = table.data(table.index(number, column), Qt.ItemDataRole.TextAlignmentRole)
            assert (alignment == right) == (column in (0, 6, 7, 8)), (row.name, column)
    grouped = [number for number, row in enumerate(rows) if row.groups > 1]
    assert bool(grouped) == model.endswith("2gpu")
    assert all(table.data(table.index(number, 5)).endswith(f", g={rows[number].groups}") for number in grouped)

    with torch.device("meta"):
        oblong = nn.Sequential(nn.Conv2d(3, 8, (1, 7)), nn.ReLU())
    view.layer_model.set_rows(analyze(oblong, (3, 16, 16)).rows)
    assert table.data(table.index(1, 5)) == "1×7"
    assert table.data(table.index(1, 8)) == "1×7"
    assert "Receptive field: 1×7 pixels" in table.data(table.index(1, 8), Qt.ItemDataRole.ToolTipRole)
