"""What the class sees, read off the widgets and compared with figures the check computes itself.

Each ``check_…(request)`` builds the real view, reads what it shows (table cells, bars, overlay pixels, texts)
and compares it with the engine's analysis or result computed here, or with hand arithmetic, never with the
view's own variables. The display tests (tests/gui/test_displayed.py) run them as they are; the breakage test
(tests/gui/test_breakages.py) runs them against one-line mutations of the app and expects them to fail.
Fixtures are taken from ``request`` so that both can call the same function.
"""

from __future__ import annotations

import ast
import inspect
import math

import numpy as np

TIMEOUT_MS = 120_000
# Texts of the training panel that are the same in Korean: an optimiser's name and devices' names.
SAME_IN_KOREAN = {"Adam", "CPU", "CUDA GPU", "Apple MPS"}


# ---------------------------------------------------------------- helpers


def qimage_pixels(image) -> np.ndarray:
    """A QImage as ``uint8`` (H, W, 3) RGB pixels."""
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    height, width = image.height(), image.width()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return raw.reshape(height, image.bytesPerLine())[:, :width * 3].reshape(height, width, 3).copy()


def tr_literals(module, qualname: str) -> list[str]:
    """The literal texts of every ``self.tr("…")`` call in function ``qualname`` ("Class.method") as written in
    ``module``'s file (read from the file, so that a function replaced at run time is still read as shipped)."""
    node = ast.parse(inspect.getsource(module))
    for name in qualname.split("."):
        node = next(child for child in node.body
                    if isinstance(child, ast.ClassDef | ast.FunctionDef) and child.name == name)
    return [call.args[0].value for call in ast.walk(node)
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "tr"
            and isinstance(call.func.value, ast.Name) and call.func.value.id == "self"
            and call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)]


def widget_texts(root) -> list[str]:
    """Every text ``root`` and its children show: labels, buttons, group titles, tab texts, combo items, table
    headers and cells, window titles, and the axis labels and titles of pyqtgraph plots."""
    import pyqtgraph as pg
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabBar,
        QTabWidget,
        QWidget,
    )

    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isWindow() and widget.windowTitle():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            top = QModelIndex()
            try:
                columns = model.columnCount(top)
            except TypeError:  # a list model: PySide keeps its columnCount private
                columns = 1
            headers = (model.headerData(i, Qt.Orientation.Horizontal) for i in range(columns))
            texts.extend(str(header) for header in headers if header is not None)
            for row in range(min(model.rowCount(top), 200)):
                for column in range(columns):
                    value = model.data(model.index(row, column, top))
                    if value is not None:
                        texts.append(str(value))
        elif isinstance(widget, pg.PlotWidget):
            item = widget.getPlotItem()
            texts.append(item.titleLabel.text or "")
            for name in ("left", "bottom", "right", "top"):
                axis = item.getAxis(name)
                if axis.isVisible():
                    texts.append(axis.labelText or "")
    return [text for text in texts if text]


def _hand_counts(module, output_shape: tuple[int, ...]) -> tuple[int, int]:
    """Parameters and multiply-adds of one convolution or dense module, by the textbook formulas."""
    from torch import nn

    params = sum(p.numel() for p in module.parameters(recurse=False))
    if isinstance(module, nn.Conv2d):
        return params, math.prod(output_shape) * (module.in_channels // module.groups) * math.prod(module.kernel_size)
    if isinstance(module, nn.Linear):
        return params, math.prod(output_shape) * module.in_features
    raise AssertionError(f"not a convolution or dense module: {module}")


# ---------------------------------------------------------------- the checks


def check_layer_table(request, model: str = "alexnet") -> None:
    """The layer table's Parameters and Multiply-adds columns: the analysis' figures, and for every convolution
    and dense layer those of the textbook formulas applied to the torch module itself (groups included)."""
    import torch
    from PySide6.QtCore import Qt

    from engine.models.analysis import analyze
    from engine.models.zoo import get_model
    from engine.text.numbers import exact
    from gui.widgets.layer_table import LayerTableView

    qtbot = request.getfixturevalue("qtbot")
    view = LayerTableView()
    qtbot.addWidget(view)
    analysis = analyze(model)
    view.layer_model.set_rows(analysis.rows)
    table = view.layer_model
    headers = [table.headerData(i, Qt.Orientation.Horizontal) for i in range(table.columnCount())]
    assert headers == ["#", "Layer (paper)", "Module (torch)", "Kind", "Output shape", "Kernel", "Parameters",
                       "Multiply-adds", "Receptive field"]
    params_column, macs_column = headers.index("Parameters"), headers.index("Multiply-adds")
    assert table.rowCount() == len(analysis.rows)
    with torch.device("meta"):
        modules = dict(get_model(model).named_modules())
    weighted = 0
    for row in analysis.rows:
        shown_params = table.data(table.index(row.index, params_column))
        shown_macs = table.data(table.index(row.index, macs_column))
        assert table.data(table.index(row.index, 2)) == row.name
        assert shown_params == (exact(row.params) if row.params else ""), row.name
        assert shown_macs == (exact(row.macs) if row.macs else ""), row.name
        if row.kind in ("conv", "linear"):
            params, macs = _hand_counts(modules[row.name], row.output_shape)
            assert (shown_params, shown_macs) == (exact(params), exact(macs)), row.name
            weighted += 1
    assert weighted >= 5


def check_grouped_layer_table(request) -> None:
    """AlexNet as trained on two GPUs: conv2, conv4 and conv5 see half of the maps before them."""
    check_layer_table(request, "alexnet2012_2gpu")


def check_overview(request) -> None:
    """The overview's Parameters and Multiply-adds cells are each model's analysis totals."""
    from engine.models.analysis import analyze
    from engine.models.overview import zoo_entry
    from engine.models.zoo import get_info
    from engine.text.numbers import exact, rounded
    from gui.pages.overview import OverviewView

    qtbot = request.getfixturevalue("qtbot")
    view = OverviewView()
    qtbot.addWidget(view)
    names = ["lenet5", "alexnet", "vgg16", "resnet18"]
    view.set_entries([zoo_entry(name) for name in names])
    table = view.table
    headers = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
    params_column, macs_column = headers.index("Parameters"), headers.index("Multiply-adds")
    shown = {table.item(row, 0).text(): row for row in range(table.rowCount())}
    for name in names:
        analysis = analyze(name)
        row = shown[get_info(name).title]
        assert table.item(row, params_column).text() == exact(analysis.params), name
        assert table.item(row, macs_column).text() == rounded(analysis.macs), name
    # One pinned to the published figure as well: VGG-16's 15.5 G multiply-adds (Simonyan & Zisserman, 2015).
    assert table.item(shown[get_info("vgg16").title], macs_column).text() == "15.5G"


def lenet5_page_on_digit(request, index: int):
    """The feature-map page showing the shipped LeNet-5 on sample digit ``index``, all its answers in; with the
    model loaded here and the digit as the page's preprocessing makes it: ``(view, loaded, batch, crop)``."""
    from engine.data.images import SAMPLES_DIR, load_image
    from engine.inspection.features import preprocess
    from engine.models.weights import load_model
    from gui.feature_maps.view import FeatureMapView

    qtbot, bridge = request.getfixturevalue("qtbot"), request.getfixturevalue("bridge")
    path = sorted(SAMPLES_DIR.glob("digit_*.png"))[index]
    view = FeatureMapView(bridge)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    view.set_model("lenet5")
    view.open_paths([str(path)])
    qtbot.waitUntil(lambda: not view.is_busy() and view.shown_image() == path.name, timeout=TIMEOUT_MS)
    loaded = load_model("lenet5")
    batch, crop, _ = preprocess(load_image(path).pixels, loaded.preprocessing)
    return view, loaded, batch, crop


def check_grad_cam_overlay(request) -> None:
    """The feature-map page's Grad-CAM overlay: not blank, on the input picture, and equal to Grad-CAM of the
    shipped LeNet-5 computed here from the same file."""
    from PySide6.QtCore import QRectF

    from engine.inspection.features import cam_layer_of, grad_cam
    from engine.models.analysis import analyze

    view, loaded, batch, crop = lenet5_page_on_digit(request, 3)
    expected, _ = grad_cam(loaded.module.eval(), batch, cam_layer_of(analyze("lenet5").rows))
    shown = view.cam_overlay.image
    assert view.cam_check.isChecked() and view.cam_overlay.isVisible()
    assert shown is not None and shown.shape == expected.shape == crop.shape[:2]
    assert shown.max() == 1.0 and np.count_nonzero(shown) > shown.size // 10  # not blank
    np.testing.assert_allclose(shown, expected, atol=1e-5)
    assert np.unravel_index(shown.argmax(), shown.shape) == np.unravel_index(expected.argmax(), expected.shape)
    # Laid over the picture, pixel for pixel.
    overlay = view.cam_overlay.mapRectToParent(view.cam_overlay.boundingRect())
    picture = view.input_panel.image.mapRectToParent(view.input_panel.image.boundingRect())
    assert overlay == picture == QRectF(0, 0, crop.shape[1], crop.shape[0])


def check_training_view_korean(request) -> None:
    """Every text that the training panel's ``retranslate`` passes through ``self.tr`` turns Korean when the
    language does (and back)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from gui.i18n import set_language
    from gui.panels import training
    from gui.panels.training import TrainingView

    qtbot, tmp_path = request.getfixturevalue("qtbot"), request.getfixturevalue("tmp_path")
    bridge = request.getfixturevalue("recording_bridge")
    view = TrainingView(bridge, runs_folder=tmp_path / "runs")
    qtbot.addWidget(view)
    view.show()
    # Texts shown only in a state the fresh panel is not in (an image folder's name) are not looked for.
    literals = [text for text in tr_literals(training, "TrainingView.retranslate") if "{" not in text]
    assert len(literals) >= 30
    try:
        set_language("ko")
        QApplication.processEvents()
        korean = set(widget_texts(view))
        translations = {text: QCoreApplication.translate("TrainingView", text) for text in literals}
        # Names that Korean writes as English does (Adam, CPU) stay; every other text must change.
        same = {text for text, translated in translations.items() if translated == text}
        assert same <= SAME_IN_KOREAN, same
        for text, translated in translations.items():
            if translated == text:
                continue
            assert text not in korean, f"{text!r} is still English on the Korean panel"
            assert translated in korean, f"{translated!r} ({text!r}) is not on the Korean panel"
    finally:
        set_language("en")
        QApplication.processEvents()
    english = set(widget_texts(view))
    assert all(text in english for text in literals)


def check_step_schedule(request) -> None:
    """The "step" schedule: the optimiser itself steps with a tenth of the rate from half the epochs on and a
    hundredth from three quarters, and the learning-rate curve shows the same."""
    from torch.optim.optimizer import register_optimizer_step_pre_hook

    from engine.learning.training import TrainConfig, run_training
    from engine.runtime import events as ev

    tmp_path = request.getfixturevalue("tmp_path")
    used: list[float] = []
    handle = register_optimizer_step_pre_hook(
        lambda optimizer, args, kwargs: used.append(optimizer.param_groups[0]["lr"]))
    try:
        config = TrainConfig(model="lenet5", dataset="digits", batch_size=512, device="cpu", epochs=4,
                             schedule="step", lr=0.1, optimizer="sgd", out_dir=str(tmp_path / "step"))
        events = list(run_training(config))
    finally:
        handle.remove()
    # 1,438 training digits in batches of 512: two steps an epoch; milestones after epochs 2 and 3 of 4.
    expected = [0.1] * 4 + [0.01] * 2 + [0.001] * 2
    np.testing.assert_allclose(used, expected, rtol=1e-12)
    curve = [e for e in events if isinstance(e, ev.TrainingProgress)][-1].lrs
    np.testing.assert_allclose(curve, expected, rtol=1e-12)


def cost_page_settings(request):
    """The 1×1 cost page shown, set to the lecture's example (5×5, 28×28×192 → 16 → 32) and then to one more
    setting: yields (view, its setting) for each."""
    from gui.pages.cost import CostView

    qtbot = request.getfixturevalue("qtbot")
    view = CostView()
    qtbot.addWidget(view)
    view.resize(1600, 900)
    view.show()
    for values in (None, dict(in_channels=256, bottleneck=64, out_channels=128, kernel=3)):
        if values:
            view.inputs["bottleneck"].spin.setValue(1)  # never above the input channels on the way
            for name, value in values.items():
                view.inputs[name].spin.setValue(value)
        yield view, view.setting()


def check_bottleneck_bars(request) -> None:
    """The 1×1 cost chart: the direct bar and the bottleneck's two stacked bars are the multiply-adds of real
    modules analysed here, for the lecture's example and one more setting."""
    import torch
    from torch import nn

    from engine.models.analysis import analyze

    for view, s in cost_page_settings(request):
        padding = "same" if s.padding == "same" else 0
        with torch.device("meta"):
            direct = nn.Sequential(nn.Conv2d(s.in_channels, s.out_channels, s.kernel, padding=padding))
            reduce = nn.Sequential(nn.Conv2d(s.in_channels, s.bottleneck, 1))
            conv = nn.Sequential(nn.Conv2d(s.bottleneck, s.out_channels, s.kernel, padding=padding))
        direct_macs = analyze(direct, (s.in_channels, s.height, s.width)).macs
        reduce_macs = analyze(reduce, (s.in_channels, s.height, s.width)).macs
        conv_macs = analyze(conv, (s.bottleneck, s.height, s.width)).macs
        chart = view.chart
        assert chart.direct_bar.opts["height"][0] == direct_macs
        assert chart.reduce_bar.opts["height"][0] == reduce_macs
        assert chart.conv_bar.opts["y0"][0] == reduce_macs  # stacked on the reduction
        assert chart.conv_bar.opts["height"][0] == conv_macs
        assert chart.bottleneck_text.pos().y() == reduce_macs + conv_macs
        assert reduce_macs + conv_macs < direct_macs / 3  # the lecture's point, visible in the bars


def check_augmentation_examples(request) -> None:
    """Every example slot of the augmentation page differs from the original, by what was drawn: the colour
    shift by its offsets, rotation and shear by their angles (redone here with torchvision), the mirror exactly
    mirrored."""
    import torch
    from torchvision.transforms import v2
    from torchvision.transforms.v2 import functional as tvf

    from engine.data.augmentation import METHODS
    from gui.pages.augmentation import AugmentationView

    qtbot, bridge = request.getfixturevalue("qtbot"), request.getfixturevalue("bridge")
    view = AugmentationView(bridge)
    qtbot.addWidget(view)
    view.resize(1600, 1000)
    view.show()
    qtbot.waitUntil(lambda: view.preview() is not None, timeout=TIMEOUT_MS)
    preview = view.preview()
    original = preview.original.astype(np.int16)
    shown_original = qimage_pixels(view.original.picture.image())
    np.testing.assert_array_equal(shown_original, preview.original)
    tensor = torch.from_numpy(np.array(preview.original)).permute(2, 0, 1)
    for method in METHODS:
        drawn = [e for e in preview.examples if e.method == method]
        slots = view.examples[method]
        if method == "mirror":
            np.testing.assert_array_equal(qimage_pixels(slots[0].picture.image()), preview.original)
            np.testing.assert_array_equal(qimage_pixels(slots[1].picture.image()), preview.original[:, ::-1])
            continue
        assert len(slots) == len(drawn) >= 2
        for slot, example in zip(slots, drawn, strict=True):
            shown = qimage_pixels(slot.picture.image())
            assert shown.shape == preview.original.shape
            # Colour, rotation and shear are redone from their drawn amounts; crop and warp, whose drawn
            # positions the page does not report, must differ from the original visibly. (Not the redone ones:
            # the page's random seed drew a rotation of 0.01° in one run of 150, the original to a grey level.)
            if method in ("crop", "warp"):
                assert np.abs(shown.astype(np.int16) - original).mean() > 1.0, (method, example.parameters)
            if method == "colour":
                offsets = np.array(example.parameters, dtype=np.int16)
                np.testing.assert_array_equal(shown, np.clip(original + offsets, 0, 255).astype(np.uint8))
            elif method == "rotation":
                redone = tvf.rotate(tensor, example.parameters[0], interpolation=v2.InterpolationMode.BILINEAR)
                np.testing.assert_array_equal(shown, redone.permute(1, 2, 0).numpy())
            elif method == "shear":
                redone = tvf.affine(tensor, angle=0.0, translate=[0.0, 0.0], scale=1.0,
                                    shear=list(example.parameters), interpolation=v2.InterpolationMode.BILINEAR)
                np.testing.assert_array_equal(shown, redone.permute(1, 2, 0).numpy())
            elif method == "crop":
                share, ratio = example.parameters
                assert 0.0 < share < 1.0 and ratio > 0
