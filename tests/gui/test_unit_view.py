"""Clicking a unit of a feature map: its receptive fields on the input and its computation, worked out."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QWidget

from engine.data.images import SAMPLES_DIR
from engine.models.analysis import analyze
from engine.runtime.events import AnalysisReady, ZooEntry
from gui.feature_maps.view import FeatureMapView
from gui.pages.model_page import ModelPageView

DIGITS = sorted(SAMPLES_DIR.glob("digit_*.png"))
TIMEOUT_MS = 60_000


@pytest.fixture
def view(qtbot, bridge):
    """The view on LeNet-5 showing a digit, at C1 (conv1)."""
    view = FeatureMapView(bridge)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    view.set_model("lenet5")
    view.open_paths([str(DIGITS[3])])
    qtbot.waitUntil(lambda: not view.is_busy() and view.shown_image() == DIGITS[3].name, timeout=TIMEOUT_MS)
    view.select_layer(1)
    return view


def _click_grid(qtbot, view, x: float, y: float) -> None:
    where = view.grid.mapFromScene(view.grid.image.mapToScene(QPointF(x, y)))
    qtbot.mouseClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_clicking_a_c1_unit_shows_its_sum_equal_to_the_map_value(qtbot, view):
    # Map 3 of six 28×28 maps (2 rows of 3, one-pixel gaps) at row 13, column 9.
    _click_grid(qtbot, view, 2 * 29 + 9 + 0.5, 13 + 0.5)
    qtbot.waitUntil(lambda: view.unit_explanation() is not None, timeout=TIMEOUT_MS)
    answer = view.unit_explanation()
    assert (answer.layer_name, answer.channel, answer.y, answer.x) == ("conv1", 2, 13, 9)
    map_value = float(view._event.layers[1].maps[2, 13, 9])  # the C1 map as sent to the page, full size
    assert view.unit_view.shown_sum() == pytest.approx(map_value, abs=1e-5)
    assert f"<b>{answer.computation.total:.6g}</b>" in view.unit_view.summary.text()
    assert view.lower_tabs.currentIndex() == 1 and view.enlarged_caption.text() == "Map 3 of 6 in conv1"
    # The 5×5 box on the input, and the effective field inside it.
    rect = view.unit_box.rect()
    assert view.unit_box.isVisible() and (rect.left(), rect.top(), rect.width(), rect.height()) == (9, 13, 5, 5)
    assert "5×5" in view.unit_caption.text()
    work = answer.computation  # every cell's numbers, in full, when pointed at
    assert view.unit_view.arithmetic.cell_text(0, 2, 3) == (
        f"Channel 0, row 2, column 3: input {work.patch[0, 2, 3]:.6g} × weight {work.weights[0, 2, 3]:.6g} = "
        f"{work.products[0, 2, 3]:.6g}")
    outside = np.ones((32, 32), bool)
    outside[13:18, 9:14] = False
    assert not answer.effective[outside].any() and not view.cam_overlay.isVisible()


def test_stepping_the_unit_slides_the_window_by_the_stride(qtbot, view):
    view.select_unit(0, 4, 4)
    qtbot.waitUntil(lambda: view.unit_explanation() is not None, timeout=TIMEOUT_MS)
    first = view.unit_explanation().computation
    qtbot.mouseClick(view.unit_view.step_buttons["→"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.unit_explanation().x == 5, timeout=TIMEOUT_MS)
    stepped = view.unit_explanation().computation
    assert (stepped.top, stepped.left) == (first.top, first.left + 1)
    assert np.array_equal(stepped.patch[0, :, :4], first.patch[0, :, 1:])  # the window slid by one pixel
    assert view.unit_view.shown_sum() == pytest.approx(float(view._event.layers[1].maps[0, 4, 5]), abs=1e-5)


def test_another_layer_clears_the_unit(qtbot, view):
    view.select_unit(1, 0, 0)
    qtbot.waitUntil(lambda: view.unit_explanation() is not None, timeout=TIMEOUT_MS)
    view.select_layer(3)
    assert view.unit_explanation() is None and not view.unit_box.isVisible()


class _LentView(QWidget):
    """Stands in for the feature-map view lent to a model page: only its signals."""

    layer_changed = Signal(int)
    unit_selected = Signal(int)

    def select_layer(self, index: int) -> None:
        self.selected = index


def test_the_page_tints_in_its_diagram_the_layers_that_feed_the_clicked_unit(qtbot, recording_bridge):
    page = ModelPageView("resnet", recording_bridge)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.set_entries([ZooEntry(name="resnet20", title="ResNet-20", section="resnet", year=2015,
                               input_shape=(3, 32, 32), paper_depth=20, weighted_modules=20, params=1, macs=1,
                               top1=None, authors="K. He",
                               paper="Deep Residual Learning", ideas_en=("a",), ideas_ko=("가",))])
    analysis = analyze("resnet20")
    page.set_analysis(AnalysisReady("resnet20", (3, 32, 32), analysis))
    lent = _LentView()
    page.lend_feature_view(lent)
    row = next(r.index for r in analysis.rows if r.name == "layer1.1.conv1")
    lent.unit_selected.emit(row)
    feeding = page.diagram.feeding_rows()
    names = {analysis.rows[i].name for i in feeding}
    assert {"input", "conv1", "layer1.0.add", "layer1.1.conv1"} <= names  # the shortcut's fork included
    assert "layer1.1.bn1" not in names and "layer2.0.conv1" not in names and max(feeding) == row
    lent.unit_selected.emit(-1)
    assert page.diagram.feeding_rows() == frozenset()
    page.table.selectRow(row)  # the receptive-field chart follows the page's selection
    assert list(page.receptive._marker.getData()[1]) == [analysis.rows[row].rf_size[0]]


def test_render_features_clicks_a_unit_and_refuses_a_bad_one(tmp_path, capsys):
    from main import main

    out = tmp_path / "unit.png"
    assert main(["render", "features", "--model", "lenet5", "--image", str(DIGITS[3]), "--layer", "conv1",
                 "--unit", "2,13,9", "--size", "1200x800", "--out", str(out)]) == 0
    assert out.stat().st_size > 10_000
    assert main(["render", "features", "--model", "lenet5", "--unit", "2,13", "--out", str(out)]) == 2
    assert main(["render", "features", "--model", "lenet5", "--layer", "conv1", "--unit", "0,40,0",
                 "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-2].startswith("main.py: --unit must look like") and "no unit" in err[-1]
