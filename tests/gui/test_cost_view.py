"""The 1×1 bottleneck widget and the "where the cost goes" chart."""

from __future__ import annotations

import random

import pytest
import torch
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QApplication
from torch import nn

from engine.inspection.cost import PRESETS, BottleneckSetting
from engine.models.analysis import analyze
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
