"""The 1×1 bottleneck widget and the "where the cost goes" chart."""

from __future__ import annotations

import random

import pyqtgraph as pg
import pytest
import torch
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QApplication
from torch import nn

from engine.inspection.cost import PRESETS, BottleneckSetting
from engine.models.analysis import analyze
from engine.models.zoo import get_info
from gui.pages.cost import CostView
from gui.widgets.cost_chart import CostDistributionView

EVEN_SAME = "ignore:Using padding='same' with even kernel"


@pytest.fixture
def view(qtbot):
    widget = CostView()
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.show()
    return widget


def _type_setting(view: CostView, setting: BottleneckSetting) -> None:
    """Set every input as a user would, one value at a time through the spin boxes."""
    view.inputs["bottleneck"].spin.setValue(1)  # never wider than the input on the way
    for name in ("height", "width", "in_channels", "out_channels", "kernel", "bottleneck"):
        view.inputs[name].spin.setValue(getattr(setting, name))
    (view.padding_none if setting.padding == "none" else view.padding_same).setChecked(True)


def test_opens_on_the_lecture_example(view):
    assert view.preset_combo.currentData() == "lecture"
    assert "(28×28×32) × (5×5×192)" in view.direct_formula.text()
    assert view.direct_total.text() == "= 120,422,400"
    assert view.direct_rounded.text() == "≈ 120.4M multiply-adds"
    assert "(28×28×16) × (1×1×192)</span> = 2,408,448" in view.bottleneck_formula.text()
    assert "(28×28×32) × (5×5×16)</span> = 10,035,200" in view.bottleneck_formula.text()
    assert view.bottleneck_total.text() == "= 12,443,648"
    assert view.bottleneck_rounded.text() == "≈ 12.4M multiply-adds"
    assert "9.7× fewer multiply-adds" in view.ratio.text()
    assert view.direct_params.text().endswith("= 153,632")
    assert view.bottleneck_params.text().endswith("= 15,920")
    assert not view.refusal.isVisible()


@pytest.mark.filterwarnings(EVEN_SAME)
def test_figures_on_screen_equal_the_analysis_of_real_modules(view):
    rng = random.Random(7)
    for _ in range(12):
        cin = rng.randint(1, 64)
        setting = BottleneckSetting(rng.randint(8, 32), rng.randint(8, 32), cin, rng.randint(1, 64),
                                    rng.choice((1, 2, 3, 5, 7)), rng.randint(1, cin),
                                    rng.choice(("same", "none")))
        _type_setting(view, setting)
        assert view.setting() == setting
        padding = "same" if setting.padding == "same" else 0
        with torch.device("meta"):
            direct = nn.Sequential(nn.Conv2d(cin, setting.out_channels, setting.kernel, padding=padding))
            bottleneck = nn.Sequential(nn.Conv2d(cin, setting.bottleneck, 1),
                                       nn.Conv2d(setting.bottleneck, setting.out_channels, setting.kernel,
                                                 padding=padding))
        shape = (cin, setting.height, setting.width)
        direct_macs, bottleneck_macs = analyze(direct, shape).macs, analyze(bottleneck, shape).macs
        assert view.direct_total.text() == f"= {direct_macs:,}"
        assert view.bottleneck_total.text() == f"= {bottleneck_macs:,}"
        assert view.direct_params.text().endswith(f"= {analyze(direct, shape).params:,}")
        assert view.bottleneck_params.text().endswith(f"= {analyze(bottleneck, shape).params:,}")
        assert view.chart.direct_bar.opts["height"][0] == direct_macs


def test_spin_boxes_refuse_zero_negative_and_text(view):
    for number_input in view.inputs.values():
        spin = number_input.spin
        assert spin.minimum() == 1
        assert spin.validate("abc", 0)[0] == QValidator.State.Invalid
        assert spin.validate("-3", 0)[0] != QValidator.State.Acceptable
        assert spin.validate("0", 0)[0] != QValidator.State.Acceptable


def test_a_bottleneck_wider_than_the_input_is_refused_with_a_reason(view):
    view.inputs["bottleneck"].spin.setValue(300)
    assert view.refusal.isVisible()
    assert "300" in view.refusal.text() and "192" in view.refusal.text()
    assert not view.results.isVisible()
    assert view.current_cost() is None
    assert view.inputs["bottleneck"].spin.styleSheet()
    view.inputs["in_channels"].spin.setValue(512)
    assert not view.refusal.isVisible()
    assert view.results.isVisible()
    assert view.current_cost().setting.bottleneck == 300
    assert not view.inputs["bottleneck"].spin.styleSheet()


def test_a_filter_larger_than_the_image_without_padding_is_refused(view):
    view.inputs["height"].spin.setValue(4)
    assert not view.refusal.isVisible()  # same padding: the filter runs over the padded border
    view.padding_none.setChecked(True)
    assert view.refusal.isVisible()
    assert "5×5" in view.refusal.text() and "4×28" in view.refusal.text()
    view.inputs["kernel"].spin.setValue(3)
    assert not view.refusal.isVisible()
    assert view.current_cost().direct.output_shape == (32, 2, 26)


def test_presets_and_sliders_move_the_numbers(view):
    index = view.preset_combo.findData("inception4a_5x5")
    view.preset_combo.activated.emit(index)
    assert view.setting() == PRESETS["inception4a_5x5"]
    assert view.preset_combo.currentData() == "inception4a_5x5"
    view.inputs["out_channels"].slider.setValue(64)
    assert view.inputs["out_channels"].spin.value() == 64
    assert view.preset_combo.currentData() is None  # "Custom"
    assert view.direct_total.text() == f"= {14 * 14 * 64 * 5 * 5 * 480:,}"


def test_language_change_resets_the_texts(view):
    view.header.title.setText("")
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert view.header.title.text() == "The 1×1 bottleneck: what a convolution costs"


# ---------------------------------------------------------------- where the cost goes


@pytest.fixture
def distribution(qtbot):
    widget = CostDistributionView()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def test_vgg16_cost_sits_in_the_convolutions(distribution):
    analysis = analyze("vgg16")
    distribution.set_analysis(analysis)
    rows = distribution.shown_rows()
    macs = [r.macs for r in rows]
    assert macs == sorted(macs, reverse=True)
    assert len(rows) == 16 and rows[0].kind == "conv"
    assert sum(macs) == analysis.macs
    assert "15,470,264,320" in distribution.caption.text()


def test_alexnet_parameters_sit_in_the_fully_connected_layers(distribution):
    distribution.set_analysis(analyze("alexnet"))
    distribution.measure_params.setChecked(True)
    top = distribution.shown_rows()[0]
    assert top.kind == "linear" and top.params == 9216 * 4096 + 4096


def test_clicking_a_bar_selects_its_layer(distribution, qtbot):
    distribution.set_analysis(analyze("googlenet"))
    rows = distribution.shown_rows()
    assert len(rows) == 20 and "the largest 20" in distribution.caption.text()
    qtbot.waitExposed(distribution)
    view_box = distribution.plot.getViewBox()
    point = distribution.plot.mapFromScene(view_box.mapViewToScene(QPointF(rows[2].macs / 4, 2)))
    with qtbot.waitSignal(distribution.layer_selected) as blocker:
        qtbot.mouseClick(distribution.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [rows[2].index]
    assert list(distribution.highlight.opts["y"]) == [2.0]


def test_select_layer_highlights_only_layers_with_a_bar(distribution):
    distribution.set_analysis(analyze("vgg16"))
    target = distribution.shown_rows()[5]
    distribution.select_layer(target.index)
    assert list(distribution.highlight.opts["y"]) == [5.0]
    distribution.select_layer(0)  # the input row has no bar
    assert len(distribution.highlight.opts["y"]) == 0



def test_the_chart_is_built_when_first_shown_with_what_it_was_given(qtbot):
    widget = CostDistributionView()
    qtbot.addWidget(widget)
    widget.set_analysis(analyze("vgg16"))
    target = widget.shown_rows()[3]
    widget.select_layer(target.index)
    assert widget.plot is None and "15,470,264,320" in widget.caption.text()  # a hidden tab costs no chart
    widget.show()
    assert len(widget.bars.opts["width"]) == 16 and list(widget.highlight.opts["y"]) == [3.0]


def test_at_200_percent_the_setting_goes_above_the_results_and_nothing_scrolls_sideways(qtbot):
    """At 200 % on 1920×1080 the page was wider than the window: it scrolled sideways and squeezed the result
    panels until "(28×28×32) × (5×5×192)" was cut. It reflows instead: the setting above the results."""
    from gui.widgets.zoom import app_zoom

    page_width = 1920 - 330  # the page's share at 200 % beside the navigation
    view = CostView()
    qtbot.addWidget(view)
    view.show()
    try:
        for percent, side_by_side in ((100, True), (200, False)):
            app_zoom().set_percent(percent)
            QApplication.processEvents()
            view.resize(page_width, max(view.heightForWidth(page_width), view.minimumSizeHint().height()))
            QApplication.processEvents()
            assert view.body.in_a_row(page_width) is side_by_side, percent
            assert view.panels.in_a_row(view.results.width()), percent  # the two results stay side by side
            assert view.minimumSizeHint().width() <= page_width, percent
            for label in (view.direct_formula, view.direct_total, view.bottleneck_total):
                assert label.width() >= label.sizeHint().width() or label.wordWrap(), (percent, label.text())
                assert label.height() >= label.heightForWidth(label.width()), (percent, label.text())
    finally:
        app_zoom().reset()


def test_the_volumes_sketch_keeps_its_texts_whole_and_apart_at_every_zoom(qtbot):
    """At 200 % the sketch's arrow label "5×5" ran into the row's title and the shape labels ("28×28×192") were
    cut at the bottom of each row: its texts are laid out from its fonts, and it asks for the room they take."""
    from painted_text import widget_faults

    from gui.widgets.painted_text import painted_texts
    from gui.widgets.zoom import app_zoom

    page_width = 1920 - 330  # the page's share at 200 % beside the navigation
    view = CostView()
    qtbot.addWidget(view)
    view.show()
    try:
        for percent in (100, 150, 200, 250):
            app_zoom().set_percent(percent)
            for width in (page_width, 1000):
                QApplication.processEvents()
                view.resize(width, max(view.heightForWidth(width), view.minimumSizeHint().height()))
                QApplication.processEvents()
                texts = {text for text, _ in painted_texts(view.sketch)}
                assert {"Direct", "With bottleneck", "5×5", "1×1", "28×28×192", "28×28×16"} <= texts, percent
                assert not widget_faults(view.sketch), (percent, width, widget_faults(view.sketch))
    finally:
        app_zoom().reset()


# ---------------------------------------------------------------- what the cost chart draws


def _expected_bars(analysis, by_params: bool) -> list:
    """The rows the chart must draw, worked out here: the layers with a non-zero figure, largest first (ties in
    the analysis's order), at most 20."""
    figure = (lambda r: r.params) if by_params else (lambda r: r.macs)
    weighted = [r for r in analysis.rows if figure(r) > 0]
    return sorted(weighted, key=lambda r: -figure(r))[:20], sum(figure(r) for r in weighted), len(weighted)


# ResNet-18's conv1 and fc have no paper name of their own: the axis names them by their torch class. ResNet-20
# has exactly 20 layers with multiply-adds: all of them have a bar, and the caption says so.
@pytest.mark.parametrize("model", ["vgg16", "googlenet", "resnet18", "resnet20"])
@pytest.mark.parametrize("by_params", [False, True], ids=["macs", "params"])
def test_the_cost_charts_bars_labels_and_caption_are_the_analysis(distribution, qtbot, model, by_params):
    """Every bar's length and place, its name on the axis, its value label (rounded, share of the total) and
    where that label sits, the colour of the measure, the caption and the title: as worked out from the
    analysis in this test, for a model with fewer than 20 weighted layers and one with more."""
    from engine.text.numbers import exact, rounded
    from gui.widgets.plots import CONV_COLOUR, DIRECT_COLOUR

    analysis = analyze(model)
    distribution.set_analysis(analysis)
    distribution.measure_params.setChecked(by_params)
    qtbot.waitExposed(distribution)
    QApplication.processEvents()
    rows, total, layers = _expected_bars(analysis, by_params)
    values = [r.params if by_params else r.macs for r in rows]
    assert [r.index for r in distribution.shown_rows()] == [r.index for r in rows]

    bars = distribution.bars.opts
    assert list(bars["width"]) == values and list(bars["x0"]) == [0.0] * len(values)
    assert list(bars["y"]) == [float(i) for i in range(len(values))]
    assert pg.mkBrush(bars["brush"]).color().name() == (CONV_COLOUR if by_params else DIRECT_COLOUR)

    names = [f"{r.paper_name} ({r.name})" if r.paper_name and r.paper_name != r.name else f"{r.name} ({r.op})"
             for r in rows]
    axis = distribution.plot.getAxis("left")
    assert axis._tickLevels == [list(enumerate(names))]
    # Room on the axis for the longest name in the axis's own font, and a margin.
    from PySide6.QtGui import QFontMetrics

    assert axis.width() >= max(QFontMetrics(axis.style["tickFont"]).horizontalAdvance(n) for n in names) + 10

    view_box = distribution.plot.getViewBox()
    right_edge = view_box.sceneBoundingRect().right()
    for i, label in enumerate(distribution.values):
        if i >= len(values):
            assert not label.isVisible()
            continue
        assert label.isVisible()
        assert label.textItem.toPlainText() == f" {rounded(values[i])} ({100 * values[i] / total:.1f}%)"
        assert (label.pos().x(), label.pos().y()) == (values[i], i)
        assert label.sceneBoundingRect().right() <= right_edge + 1, (i, label.textItem.toPlainText())
        # Black, just right of its bar's end, centred on the bar.
        bar_end = view_box.mapViewToScene(QPointF(values[i], i))
        box = label.sceneBoundingRect()
        assert abs(box.left() - bar_end.x()) <= 1 and abs(box.center().y() - bar_end.y()) <= 1, i
        assert label.color.name() == "#000000"
    (left, right), (top, bottom) = view_box.viewRange()
    assert left == 0 and right > max(values) and (top, bottom) == (-0.6, len(values) - 0.4)

    unit = "parameters" if by_params else "multiply-adds"
    assert model != "resnet20" or by_params or layers == 20  # the case at the limit is the one tested
    if layers <= 20:
        assert distribution.caption.text() == f"{exact(total)} {unit} in {layers} layers"
    else:
        verb = "hold" if by_params else "do"
        share = 100 * sum(values) / total
        assert distribution.caption.text() == (
            f"{exact(total)} {unit} in {layers} layers; the largest 20 {verb} {share:.0f}% of them.")
    assert distribution.title.text() == f"Where the cost goes: {get_info(model).title}"
    assert [distribution.measure_label.text(), distribution.measure_macs.text(),
            distribution.measure_params.text()] == ["Sort by:", "Multiply-adds", "Parameters"]

    distribution.select_layer(rows[1].index)
    highlight = distribution.highlight.opts
    assert (list(highlight["x0"]), list(highlight["y"]), list(highlight["width"])) == ([0.0], [1.0], [values[1]])
    # The selected bar drawn over its own bar: as tall, yellow, outlined in black two pixels wide.
    from gui.widgets.plots import SELECTED_COLOUR

    assert bars["height"] == highlight["height"] == 0.7
    assert pg.mkBrush(highlight["brush"]).color().name() == SELECTED_COLOUR
    pen = pg.mkPen(highlight["pen"])
    assert (pen.color().name(), pen.width()) == ("#000000", 2)


def test_the_cost_chart_without_an_analysis_says_it_waits(distribution):
    distribution.set_analysis(analyze("vgg16"))
    distribution.set_analysis(None)
    assert distribution.title.text() == "Where the cost goes"
    assert distribution.caption.text() == "Waiting for the layer analysis…"
    assert distribution.shown_rows() == [] and len(distribution.bars.opts["width"]) == 0
    assert not any(label.isVisible() for label in distribution.values)


def test_a_click_selects_the_bar_under_it_and_nothing_beside_the_bars(distribution, qtbot):
    """The top bar is clickable; a click below the last bar or left of the bars' start (on the names) selects
    nothing."""
    distribution.set_analysis(analyze("googlenet"))
    rows = distribution.shown_rows()
    qtbot.waitExposed(distribution)
    view_box = distribution.plot.getViewBox()
    right = view_box.viewRange()[0][1]

    def click(x: float, y: float) -> None:
        point = distribution.plot.mapFromScene(view_box.mapViewToScene(QPointF(x, y)))
        qtbot.mouseClick(distribution.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)

    with qtbot.waitSignal(distribution.layer_selected) as blocker:
        click(rows[0].macs / 2, 0.1)
    assert blocker.args == [rows[0].index] and list(distribution.highlight.opts["y"]) == [0.0]
    with qtbot.assertNotEmitted(distribution.layer_selected):
        click(rows[-1].macs / 2, len(rows) - 0.45)  # under the last bar: rounds to a row that has no bar
        click(-0.02 * right, 2)  # on the names, left of where the bars start
    assert list(distribution.highlight.opts["y"]) == [0.0]


def test_the_cost_charts_type_scale_for_the_projector(distribution):
    """The title bold at 1.6 times the window's font and wrapped (a long model name at a large zoom), the caption
    at 1.35 and wrapped, the measure's choice at 1.2, the bars' values at 1.1."""
    base = distribution.font().pointSizeF()

    def scale(widget) -> float:
        return round(widget.font().pointSizeF() / base, 2)

    assert (scale(distribution.title), distribution.title.font().bold(), distribution.title.wordWrap()) == (
        1.6, True, True)
    assert (scale(distribution.caption), distribution.caption.wordWrap()) == (1.35, True)
    assert [scale(w) for w in (distribution.measure_label, distribution.measure_macs,
                               distribution.measure_params)] == [1.2, 1.2, 1.2]
    assert {round(label.textItem.font().pointSizeF() / base, 2) for label in distribution.values} == {1.1}
    distribution.set_analysis(analyze("alexnet"))
    axis = distribution.plot.getAxis("left")
    assert round(axis.style["tickFont"].pointSizeF() / base, 2) == 1.2


def test_the_cost_chart_opens_on_multiply_adds_white_with_counts_on_its_axis(distribution):
    distribution.set_analysis(analyze("vgg16"))
    assert distribution.measure_macs.isChecked() and not distribution.measure_params.isChecked()
    assert distribution.plot.backgroundBrush().color().name() == "#ffffff"
    # the lecture's way of writing counts under the bars: 15.5G, not 1.55e10
    assert distribution.plot.getAxis("bottom").tickStrings([0, 1.5e9, 1.547e10], 1, 1e9) == ["0", "1.5G", "15.5G"]
    plot, view_box = distribution.plot.getPlotItem(), distribution.plot.getViewBox()
    # Nothing for a click in a lecture to open or drag: no context menu, no panning or zooming.
    assert not plot.menuEnabled() and view_box.state["mouseEnabled"] == [False, False]
    # Faint vertical lines to read the bars' lengths against, none across them.
    grid = plot.ctrl
    assert (grid.xGridCheck.isChecked(), grid.yGridCheck.isChecked(), grid.gridAlphaSlider.value()) == (
        True, False, int(0.3 * grid.gridAlphaSlider.maximum()))
    # The largest bar on top: row 0 above row 1 on the screen.
    top, second = (view_box.mapViewToScene(QPointF(0, row)).y() for row in (0, 1))
    assert top < second
