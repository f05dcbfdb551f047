"""The Inception explorer: GoogLeNet's modules, naive or with 1×1 reductions, as measured by the engine."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from engine.inspection.cost import GOOGLENET_MODULES, inception_breakdowns
from gui.pages.inception import InceptionView


@pytest.fixture
def view(qtbot):
    widget = InceptionView()
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    return widget


def _column(view: InceptionView, column: int) -> list[str]:
    return [view.table.item(row, column).text() for row in range(5)]


def test_asks_for_its_data_when_first_shown(view, qtbot):
    with qtbot.waitSignal(view.breakdowns_wanted):
        view.show()
    assert view.current_breakdown() is None
    assert view.summary.text() == "Measuring GoogLeNet's Inception modules…"


def test_module_3a_with_reductions(view):
    view.show()
    view.set_breakdowns(inception_breakdowns())
    combo = view.module_combo
    assert [combo.itemData(i) for i in range(combo.count())] == list(GOOGLENET_MODULES)
    assert view.module_combo.currentText() == "Inception 3a (28×28×192 in)"
    assert _column(view, 2) == ["64", "128", "32", "32", "256"]
    assert _column(view, 3)[2] == "12,443,648"  # the lecture's 5×5 branch with its 16-channel bottleneck
    assert _column(view, 1)[2] == "1×1 conv 16 → 5×5 conv 32"
    assert _column(view, 1)[4] == "concatenated: 28×28×256"
    assert view.summary.text().startswith("Output 28×28×256: 128.0M multiply-adds")
    assert "303.5M → 128.0M" in view.change.text()


def test_the_reductions_toggle_shows_the_naive_module(view):
    view.show()
    view.set_breakdowns(inception_breakdowns())
    view.reductions_check.setChecked(False)
    assert _column(view, 2) == ["64", "128", "32", "192", "416"]
    assert _column(view, 3)[2] == "120,422,400"
    assert _column(view, 1)[3] == "3×3 max pool"
    assert view.current_design() is view.current_breakdown().naive
    naive_heights = list(view.naive_bars.opts["height"])
    assert naive_heights == [b.macs for b in view.current_breakdown().naive.branches]


def test_picking_another_module(view):
    view.show()
    view.set_breakdowns(inception_breakdowns())
    view.module_combo.setCurrentIndex(GOOGLENET_MODULES.index("5b"))
    assert view.current_breakdown().module == "5b"
    assert _column(view, 2)[4] == "1,024"
    assert view.summary.text().startswith("Output 7×7×1024")


def test_clicking_a_branch_selects_it(view, qtbot):
    view.show()
    view.set_breakdowns(inception_breakdowns())
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.branch_selected) as blocker:
        qtbot.mouseClick(view.sketch, Qt.MouseButton.LeftButton,
                         pos=QPoint(int(view.sketch.width() * 0.6), view.sketch.height() // 2))
    assert blocker.args == ["3a", 2]
    assert view.table.selectionModel().selectedRows()[0].row() == 2
    with qtbot.waitSignal(view.branch_selected) as blocker:
        view.table.cellClicked.emit(3, 0)
    assert blocker.args == ["3a", 3]
    view.select_branch(None)
    assert not view.table.selectionModel().selectedRows()


def _legend_over_bars(view: InceptionView) -> list[str]:
    """Bars (in scene coordinates) that the chart's legend covers."""
    from PySide6.QtCore import QRectF

    box = view.chart.getPlotItem().vb
    legend = view.legend.sceneBoundingRect()
    covered = []
    for bars in (view.naive_bars, view.reduced_bars):
        width = bars.opts["width"]
        for x, height in zip(bars.opts["x"], bars.opts["height"], strict=True):
            rect = box.mapViewToScene(QRectF(x - width / 2, 0, width, height)).boundingRect()
            if rect.intersects(legend):
                covered.append(f"bar at {x:.1f} ({height:,.0f})")
    return covered


def test_the_legend_covers_no_bar_on_any_module_at_a_small_or_large_chart(view, qtbot):
    """At 1366×768 the legend sat on the 3×3 branch's bar."""
    from PySide6.QtWidgets import QApplication

    view.show()
    view.set_breakdowns(inception_breakdowns())
    for width, height in ((1000, 700), (1600, 900)):
        view.resize(width, max(height, view.minimumSizeHint().height()))  # a page scrolls rather than squeezes
        size = (width, height)
        for index in range(view.module_combo.count()):
            view.module_combo.setCurrentIndex(index)
            for reductions in (True, False):
                view.reductions_check.setChecked(reductions)
                QApplication.processEvents()
                assert _legend_over_bars(view) == [], (size, view.module_combo.currentText(), reductions)


def test_the_module_drawing_keeps_its_box_texts_whole_and_the_page_reflows_at_150_percent(view, qtbot):
    """At 150 % on a 1366-pixel screen the drawing (a fixed 560×420 minimum) cut "3×3 max pool" in its box and
    the table beside it cut its columns; the drawing now goes above the figures."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from gui.widgets.text import scaled_font
    from gui.widgets.zoom import app_zoom

    view.show()
    view.set_breakdowns(inception_breakdowns())
    view.reductions_check.setChecked(True)
    page_width = 1366 - 300
    try:
        app_zoom().set_percent(150)
        QApplication.processEvents()
        view.resize(page_width, 2000)
        QApplication.processEvents()
        sketch = view.sketch
        box = sketch.width() / 4 * 0.84
        metrics = QFontMetrics(scaled_font(sketch, 1.15, bold=True))
        assert metrics.horizontalAdvance("3×3 max pool") <= box
        assert not view.body.in_a_row(page_width) and view.minimumSizeHint().width() <= page_width
    finally:
        app_zoom().reset()
