"""The case-studies overview: every zoo model side by side, and their size and cost on a log scale."""

from __future__ import annotations

import math
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.text.numbers import exact, rounded, shape_text
from gui.i18n import current_language
from gui.widgets.text import LanguageAware, PageHeader, scaled_font
from gui.widgets.zoom import zoom_factor

__all__ = ["OverviewView"]

_PARAMS_COLOUR = "#1f6feb"
_MACS_COLOUR = "#e8710a"
_BARS_WIDTH = 220  # pixels at 100 %: the chart's room for its bars beside the names


class _SortItem(QTableWidgetItem):
    """A cell that shows text but sorts by a number (so 61.7K sorts below 138.4M)."""

    def __init__(self, text: str, key: float) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.key < getattr(other, "key", 0)


class OverviewView(LanguageAware, QWidget):
    """Table (sortable) and horizontal log-scale bar chart of parameters and multiply-adds per model."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple = ()
        self.header = PageHeader(self)
        self.answer = QLabel(self)
        self.answer.setWordWrap(True)
        self.answer.setFont(scaled_font(self, 1.1))
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        # The chart (pyqtgraph, numpy) is built just after the page's first paint: the window, whose first
        # page this usually is, appears without waiting for them.
        self.plot = None

        # The title sits in a wrapping label: a plot title would force the chart wider than its pane.
        self.chart_title = QLabel(self)
        self.chart_title.setWordWrap(True)
        self.chart_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_title.setFont(scaled_font(self, 1.15, bold=True))
        self.chart = chart = QWidget(self)
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_title)
        self._chart_layout = chart_layout
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(chart)
        splitter.setSizes([1400, 600])  # the chart's share; its minimum width keeps its names whole
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.answer)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.plot is None:
            QTimer.singleShot(0, self, self.build_chart)

    def build_chart(self) -> None:
        """The log-scale chart, once (the page builds it after its first paint)."""
        if self.plot is not None:
            return
        import pyqtgraph as pg

        from gui.widgets.plots import style_axes

        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=True, y=False, alpha=0.3)
        self.params_bars = pg.BarGraphItem(x0=[], y=[], height=0.38, width=[], brush=_PARAMS_COLOUR)
        self.macs_bars = pg.BarGraphItem(x0=[], y=[], height=0.38, width=[], brush=_MACS_COLOUR)
        self.plot.addItem(self.params_bars)
        self.plot.addItem(self.macs_bars)
        # Labels at every thousandfold, unlabelled ticks at every tenfold: readable on a narrow chart.
        self.plot.getAxis("bottom").setTicks([[(k, _power_label(k)) for k in range(0, 13, 3)],
                                              [(k, "") for k in range(0, 13)]])
        style_axes(self.plot, self, 1.0)
        self._chart_layout.addWidget(self.plot, 1)
        self._fill_chart()

    def set_entries(self, entries) -> None:
        """All ``ZooEntry`` rows, in lecture order."""
        self._entries = tuple(entries)
        self._fill_table()
        self._fill_chart()

    def retranslate(self) -> None:
        self.header.set_texts(self.tr("Case studies"), self.tr("Q. Why study many different cases?"))
        self.answer.setText(self.tr(
            "Each classic network answered a problem of its time: few parameters (LeNet-5), depth and "
            "ReLU on GPUs (AlexNet), a simple recipe of 3×3 convolutions (VGG-16), training very deep "
            "networks with shortcuts (ResNet), and cheap width with 1×1 convolutions (Inception). Their "
            "ideas are the building blocks of every network since. Depths, parameters and multiply-adds are "
            "measured on the real models; accuracies are as published: torchvision's, on one centre crop of "
            "the ILSVRC-2012 validation set for the weights version the app loads (V1), and beside it the "
            "paper's own figure, which may be top-5 or averaged over several crops (hover for how)."))
        # The legend lives in the title: inside the plot it would cover the longest bars.
        title = self.tr("Parameters and multiply-adds per image (log scale)")
        params, macs = self.tr("Parameters"), self.tr("Multiply-adds")
        self.chart_title.setText(
            f"{escape(title)}<br><span style='color:{_PARAMS_COLOUR}'>■</span> {escape(params)} &nbsp; "
            f"<span style='color:{_MACS_COLOUR}'>■</span> {escape(macs)}")
        self._fill_table()

    # ------------------------------------------------------------ drawing

    def _columns(self) -> list[str]:
        # Two-line heads: the table must leave room for the chart beside it.
        return [self.tr("Model"), self.tr("Year"), self.tr("Depth\n(paper)"),
                self.tr("Parameters"),
                self.tr("Multiply-adds"), self.tr("Input"), self.tr("ImageNet top-1\n(torchvision, 1 crop)"),
                self.tr("Paper's own\nfigure"), self.tr("Key idea")]

    def _fill_table(self) -> None:
        korean = current_language() == "ko"
        self.table.setSortingEnabled(False)
        self.table.clear()
        self.table.setColumnCount(len(self._columns()))
        self.table.setHorizontalHeaderLabels(self._columns())
        self.table.setRowCount(len(self._entries))
        for row, e in enumerate(self._entries):
            h, w = e.input_shape[1:]
            cells = [
                _SortItem(e.title, row),
                _SortItem(str(e.year), e.year),
                _SortItem(str(e.paper_depth), e.paper_depth),
                _SortItem(exact(e.params), e.params),
                _SortItem(rounded(e.macs), e.macs),
                _SortItem(shape_text(e.input_shape), h * w * e.input_shape[0]),
                _SortItem("" if e.top1 is None else f"{e.top1:.1f}% ({e.top1_version})",
                          -1 if e.top1 is None else e.top1),
                _SortItem("" if e.paper_figure is None else f"{e.paper_figure.accuracy:.1f}% {e.paper_figure.metric}",
                          -1 if e.paper_figure is None else e.paper_figure.accuracy),
                _SortItem((e.ideas_ko if korean else e.ideas_en)[0], row),
            ]
            cells[-1].setToolTip(cells[-1].text())  # the full idea; the cell may be elided
            cells[2].setToolTip(self.tr("{modules} convolution and dense modules in all").format(
                modules=e.weighted_modules))
            cells[6].setToolTip(self._versions_text(e))
            if e.paper_figure is not None:
                cells[7].setToolTip(e.paper_figure.protocol_ko if korean else e.paper_figure.protocol_en)
            for column, item in enumerate(cells):
                if 1 <= column <= 7:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeaderItem(2).setToolTip(self.tr(
            "The depth the paper quotes: layers with parameters on the longest path from input to output. "
            "Counting every convolution and dense module one by one, ResNet's 1×1 projection shortcuts and each "
            "parallel branch of an Inception module included, gives more: hover over a depth, or see the "
            "model's fact sheet."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(self._columns()) - 1, QHeaderView.ResizeMode.Stretch)

    def _versions_text(self, entry) -> str:
        """Every torchvision weights version's top-1 and top-5, the one the app loads marked."""
        lines = [self.tr("{version}: top-1 {top1:.1f}%, top-5 {top5:.1f}%").format(
            version=f.version, top1=f.top1, top5=f.top5) + (self.tr(" (loaded here)") if f.loaded else "")
            for f in entry.weights_figures]
        return "\n".join(lines)

    def _fill_chart(self) -> None:
        if self.plot is None or not self._entries:
            return
        import numpy as np

        n = len(self._entries)
        y = np.arange(n, dtype=float)[::-1]  # first model at the top
        params = np.array([math.log10(max(e.params, 1)) for e in self._entries])
        macs = np.array([math.log10(max(e.macs, 1)) for e in self._entries])
        self.params_bars.setOpts(x0=np.zeros(n), y=y + 0.2, width=params)
        self.macs_bars.setOpts(x0=np.zeros(n), y=y - 0.2, width=macs)
        left = self.plot.getAxis("left")
        left.setTicks([[(float(y[i]), e.title) for i, e in enumerate(self._entries)]])
        # The names' room, measured in the axis's own tick font (the app's zoom included), and kept at the next
        # zoom step (zoom.py scales _casebook_width); the pane is never narrower than the names and some bars:
        # a narrow pane squeezed the axis and cut the names ("LeNe").
        font = left.style.get("tickFont") or scaled_font(self, 1.0)
        metrics = QFontMetrics(font)
        width = max((metrics.horizontalAdvance(e.title) for e in self._entries), default=40) + 24
        left._casebook_width = width / zoom_factor()
        left.setWidth(width)
        self.chart.setMinimumWidth(width + round(_BARS_WIDTH * zoom_factor()))
        self.plot.setYRange(-0.7, n - 0.3, padding=0)
        self.plot.setXRange(0, max([*params, *macs, 1.0]) + 0.3, padding=0)


def _power_label(exponent: int) -> str:
    """10**6 -> "1M": axis ticks of a log scale."""
    return ("1", "10", "100")[exponent % 3] + ("", "K", "M", "G", "T")[exponent // 3]
