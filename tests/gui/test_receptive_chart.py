"""The receptive-field chart of a model page, and VGG's argument beside it, from the analysis."""

from __future__ import annotations

import numpy as np

from engine.models.analysis import analyze
from gui.widgets.receptive_chart import ReceptiveFieldView, charted_rows


def _view(qtbot, name: str, argument: bool = False) -> ReceptiveFieldView:
    view = ReceptiveFieldView(argument=argument)
    qtbot.addWidget(view)
    view.set_analysis(analyze(name))
    return view


def test_vgg16_chart_and_argument_come_from_its_layers(qtbot):
    view = _view(qtbot, "vgg16", argument=True)
    x, y = view._curve.getData()
    rows = charted_rows(analyze("vgg16"))
    assert len(rows) == 18 and rows[-1].name == "features.30"  # 13 convolutions, 5 max pools
    assert np.array_equal(y, [row.rf_size[0] for row in rows]) and y[-1] == 212 and y[-2] == 196
    assert view._input_line.value() == 224 and not view._whole_line.isVisible()
    text = view.argument_label.text()
    assert "5×5" in text and "<b>18C²</b>" in text and "<b>25C²</b>" in text
    assert "<b>27C²</b>" in text and "<b>49C²</b>" in text and "4,718,592" in text
    assert "212×212" in view.caption.text()


def test_a_deep_resnet_sees_past_its_input(qtbot):
    view = _view(qtbot, "resnet50")
    assert view._whole_line.isVisible() and "as wide as the whole 224×224" in view.caption.text()
    assert view.argument_label.text() == ""


def test_lenet_never_sees_its_whole_input_from_one_unit_of_a_convolution(qtbot):
    view = _view(qtbot, "lenet5")
    assert list(view._curve.getData()[1]) == [5, 6, 14, 16] and view._input_line.value() == 32
    assert "No layer's field covers the whole 32×32 input" in view.caption.text()


def test_a_point_and_the_page_selection_follow_each_other(qtbot):
    view = _view(qtbot, "alexnet")
    rows = charted_rows(analyze("alexnet"))
    with qtbot.waitSignal(view.layer_selected) as selected:
        view._on_points_clicked(view._curve, [view._curve.scatter.points()[4]])
    assert selected.args == [rows[4].index]
    view.select_layer(rows[-1].index)
    assert list(view._marker.getData()[1]) == [195]
    view.select_layer(0)  # the input: not drawn
    assert view._marker.getData()[0] is None or len(view._marker.getData()[0]) == 0
