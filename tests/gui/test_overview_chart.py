"""The overview's log chart: the models' names are whole beside their bars, at 100 % and after zooming in."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from engine.runtime.events import ZooEntry
from gui.pages.overview import OverviewView
from gui.widgets.zoom import app_zoom

TITLES = ("LeNet-5", "AlexNet (2012, two GPUs)", "NiN block (mlpconv)", "GoogLeNet (Inception v1)")


def _entry(title: str, index: int) -> ZooEntry:
    return ZooEntry(name=f"m{index}", title=title, section="x", year=2012, input_shape=(3, 32, 32), paper_depth=8,
                    weighted_modules=8, params=10 ** (4 + index), macs=10 ** (6 + index), top1=None, authors="",
                    paper="", ideas_en=("idea",), ideas_ko=("생각",))


def _names_fit(view: OverviewView) -> list[str]:
    axis = view.plot.getAxis("left")
    metrics = QFontMetrics(axis.style["tickFont"])
    room = axis.width() - axis.style["tickLength"] - axis.style["tickTextOffset"][0]
    return [title for title in TITLES if metrics.horizontalAdvance(title) > room]


def test_the_charts_names_are_whole_on_a_1366_pixel_screen_and_after_zooming_in(qtbot):
    """On 1366×768 the chart's pane was 200-odd pixels and its axis cut the names to "LeNe"."""
    view = OverviewView()
    qtbot.addWidget(view)
    view.resize(1366 - 270, 700)  # the page's share of a 1366-pixel window beside the navigation
    view.show()
    view.build_chart()
    view.set_entries([_entry(title, index) for index, title in enumerate(TITLES)])
    QApplication.processEvents()
    assert _names_fit(view) == []
    assert view.plot.getPlotItem().vb.width() >= 150  # and room for the bars
    try:
        app_zoom().set_percent(150)
        QApplication.processEvents()
        assert _names_fit(view) == []
    finally:
        app_zoom().reset()
