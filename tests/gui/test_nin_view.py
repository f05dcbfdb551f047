"""The Network-in-Network page: a 1×1 convolution as a fully connected layer at every pixel."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from engine.analysis import analyze
from gui.nin_view import NinView


@pytest.fixture
def view(qtbot):
    widget = NinView()
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.show()
    return widget


def _measured(size: int, cin: int, cout: int):
    with torch.device("meta"):
        return analyze(nn.Sequential(nn.Conv2d(cin, cout, 1)), (cin, size, size))


def test_the_lecture_example(view):
    measured = _measured(28, 192, 32)
    assert view.cost_formula.text() == f"(28×28×32) × (1×1×192) = {measured.macs:,}" == \
        "(28×28×32) × (1×1×192) = 4,816,896"
    assert view.cost_total.text() == "≈ 4.8M multiplications"
    assert view.per_pixel.text() == "= 784 pixels × (192 × 32) multiplications per pixel"
    assert view.params_formula.text() == f"1×1×192×32 + 32 = {measured.params:,}"
    assert view.params_note.text() == "6,144 weights and 32 biases, shared by every pixel"


def test_changing_the_numbers_follows_the_module(view):
    view.size_spin.setValue(14)
    view.in_spin.setValue(480)
    view.out_spin.setValue(1000)
    measured = _measured(14, 480, 1000)
    assert view.cost_formula.text().endswith(f"= {measured.macs:,}")
    assert view.params_formula.text().endswith(f"= {measured.params:,}")
    assert view.stage().output_shape == measured.rows[-1].output_shape


def test_the_relu_toggle_explains_the_non_linearity(view):
    assert view.relu_check.isChecked()
    assert "25,088 comparisons" in view.relu_note.text()
    view.relu_check.setChecked(False)
    assert "linear" in view.relu_note.text() and "comparisons" not in view.relu_note.text()


def test_the_live_example_is_honestly_missing(view):
    assert view.live_status.isVisible()
    assert view.live_status.text().startswith("Not built yet")
