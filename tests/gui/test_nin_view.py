"""The Network-in-Network page: a 1×1 convolution as a fully connected layer at every pixel."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from engine.data.images import SAMPLES_DIR
from engine.models.analysis import analyze
from gui.pages.nin import NinView

TIMEOUT_MS = 120_000


@pytest.fixture
def view(qtbot, bridge):
    widget = NinView(bridge)
    qtbot.addWidget(widget)
    widget.resize(1600, 1000)
    widget.show()
    return widget


def _measured(size: int, cin: int, cout: int):
    with torch.device("meta"):
        return analyze(nn.Sequential(nn.Conv2d(cin, cout, 1)), (cin, size, size))


def test_the_lecture_example(view):
    measured = _measured(28, 192, 32)
    assert view.cost_formula.text() == f"(28×28×32) × (1×1×192) = {measured.macs:,}" == \
        "(28×28×32) × (1×1×192) = 4,816,896"
    assert view.cost_total.text() == "≈ 4.8M multiply-adds"
    assert view.per_pixel.text() == "= 784 pixels × (192 × 32) multiply-adds per pixel"
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


def test_the_live_example_runs_googlenets_own_1x1_on_the_sample_photo(qtbot, view):
    live = view.live
    qtbot.waitUntil(lambda: live.example() is not None, timeout=TIMEOUT_MS)
    example = live.example()
    assert example.name == "cat.jpg" and "inception3a.branch3.0" in live.title.text()
    assert live.input_caption.text().startswith("What it gets: 192×28×28")
    assert live.output_caption.text().startswith("What it gives: 16×28×28")
    assert f"{example.weighted_sum:.4g}" in live.check.text() and f"{example.conv_value:.4g}" in live.check.text()
    assert live.input_grid.image.image is not None and live.output_grid.highlight.isVisible()


def test_the_live_example_follows_the_users_image_and_reports_a_bad_one(qtbot, view, tmp_path):
    live = view.live
    qtbot.waitUntil(lambda: live.example() is not None, timeout=TIMEOUT_MS)
    pixels = np.full((64, 64, 3), 200, dtype=np.uint8)
    pixels[16:48, 16:48] = 20
    live.images.source = lambda: ("", pixels, "pasted square")
    live.refresh()
    qtbot.waitUntil(lambda: live.example().name == "pasted square", timeout=TIMEOUT_MS)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a picture")
    live.images.source = lambda: (str(broken), None, "broken.jpg")
    live.refresh()
    qtbot.waitUntil(lambda: "not an image file" in live.status.text(), timeout=TIMEOUT_MS)
    assert live.example().name == "pasted square"  # the last good example stays on screen


def test_the_page_shows_the_photo_dropped_on_the_window(qtbot, window, drop_files):
    window.show_section("nin")
    live = window.nin_view.live
    qtbot.waitUntil(lambda: live.example() is not None, timeout=TIMEOUT_MS)
    assert drop_files(window, [SAMPLES_DIR / "rocket.jpg"])
    qtbot.waitUntil(lambda: live.example().name == "rocket.jpg", timeout=TIMEOUT_MS)


def test_at_200_percent_the_inputs_and_figures_reflow_rather_than_scroll_sideways(qtbot, view):
    """At 200 % on 1920×1080 the row of three number inputs and the three figure panels made the page wider
    than the window: it scrolled sideways and squeezed the panels."""
    from PySide6.QtWidgets import QApplication

    from gui.widgets.zoom import app_zoom

    page_width = 1920 - 330
    try:
        app_zoom().set_percent(200)
        QApplication.processEvents()
        view.resize(page_width, 2400)
        QApplication.processEvents()
        assert view.minimumSizeHint().width() <= page_width
        assert not view.controls.in_a_row(page_width) and not view.figures.in_a_row(page_width)
        for label in (view.cost_formula, view.cost_total, view.params_formula):
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    finally:
        app_zoom().reset()
    QApplication.processEvents()
    view.resize(1600, 1000)
    QApplication.processEvents()
    assert view.controls.in_a_row(view.width()) and view.figures.in_a_row(view.width())  # 100 %: in rows


def _settle_layout() -> None:
    """Every layout request posted so far, and those they post, served: a timed wait measured a stale layout
    on a loaded machine."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


def test_the_sketch_keeps_its_texts_whole_and_apart_at_every_zoom(qtbot, view):
    """At 200 % the sketch cut "28×28×192" at its bottom and "The same weights at each of the 28×28 = 784
    pixels" at both sides (fixed bands of text, a fixed 900×260 minimum): it is laid out from its fonts now,
    its caption wraps, and it asks for the room its texts take."""
    from painted_text import widget_faults

    from gui.widgets.painted_text import painted_texts
    from gui.widgets.zoom import app_zoom

    try:
        for percent in (100, 150, 200, 250):
            app_zoom().set_percent(percent)
            for width in (1920 - 330, 1000):  # the page beside the navigation at 200 %, a narrow window
                _settle_layout()
                # as a page's scroll area gives it: the height its layout needs at that width, no more
                view.resize(width, max(view.heightForWidth(width), view.minimumSizeHint().height()))
                _settle_layout()
                texts = {text for text, _ in painted_texts(view.sketch)}
                assert {"28×28×192", "28×28×32", "192", "32", "ReLU",
                        "The same weights at each of the 28×28 = 784 pixels"} <= texts, percent
                assert not widget_faults(view.sketch), (percent, width, widget_faults(view.sketch))
    finally:
        app_zoom().reset()


def test_the_sketch_s_volumes_grow_to_fill_its_height_and_never_past_it(view):
    """The faces are as large as the height allows and the caption below them stays inside: the height grows with
    the faces at two rates, and the old straight-line estimate cut the caption by 6 px at 250 % (by 21 px at a
    997 px high sketch at 100 %), which the zoom walk above caught only in some suite orders."""
    from gui.widgets.zoom import app_zoom

    sketch = view.sketch
    try:
        for percent in (100, 250):
            app_zoom().set_percent(percent)
            for relu in (False, True):
                sketch._relu = relu
                for w, h in ((1000, 700), (1120, 997), (1590, 1300)):
                    face = sketch._face(w, h)
                    assert h - 1 <= sketch._layout(w, face).height <= h, (percent, relu, w, h)
    finally:
        app_zoom().reset()
