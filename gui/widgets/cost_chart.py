"""Where the cost goes: a model's weighted layers sorted by multiply-accumulates or parameters (every model
page's second tab); a clicked bar selects its layer in the rest of the page."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from engine.text.numbers import exact, rounded
from gui.widgets.plots import CONV_COLOUR, DIRECT_COLOUR, SELECTED_COLOUR, CountAxis, style_axes
from gui.widgets.text import LanguageAware, scaled_font

__all__ = ["CostDistributionView"]


class CostDistributionView(LanguageAware, QWidget):
    """Where the cost goes: a model's weighted layers sorted by multiply-adds or parameters.

    Passive: give it an ``engine.models.analysis.Analysis`` with :meth:`set_analysis`; a click on a bar emits
    ``layer_selected`` with the analysis row's index, and :meth:`select_layer` highlights a row's bar. The
    chart is built when the view is first shown (every model page has one, behind a tab).
    """

    layer_selected = Signal(int)

    _SHOWN = 20  # more bars than this are unreadable on a projector; the rest are summed in the caption

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._analysis = None
        self._rows: list = []        # the bars, largest first
        self._total = 0              # of all the layers, the bars' and the rest's
        self._selected: int | None = None
        self.title = QLabel(self)
        self.title.setFont(scaled_font(self, 1.6, bold=True))
        self.title.setWordWrap(True)  # a long model name at a large zoom takes two lines
        self.measure_label = QLabel(self)
        self.measure_label.setFont(scaled_font(self, 1.2))
        self.measure_macs = QRadioButton(self)
        self.measure_params = QRadioButton(self)
        for button in (self.measure_macs, self.measure_params):
            button.setFont(scaled_font(self, 1.2))
        self.measure_group = QButtonGroup(self)
        self.measure_group.addButton(self.measure_macs)
        self.measure_group.addButton(self.measure_params)
        self.measure_macs.setChecked(True)
        self.measure_group.buttonToggled.connect(self._on_measure_changed)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setFont(scaled_font(self, 1.35))
        self.plot: pg.PlotWidget | None = None

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.measure_label)
        top.addWidget(self.measure_macs)
        top.addWidget(self.measure_params)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self.caption)
        self.retranslate()

    def showEvent(self, event) -> None:
        if self.plot is None:
            self._build_chart()
            self._draw()
        super().showEvent(event)

    def _build_chart(self) -> None:
        self.plot = pg.PlotWidget(self, background="w", axisItems={"bottom": CountAxis("bottom")})
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=False, alpha=0.3)
        self.plot.getViewBox().invertY(True)  # largest on top
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], brush=DIRECT_COLOUR)
        self.highlight = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], brush=SELECTED_COLOUR,
                                         pen=pg.mkPen("k", width=2))
        self.plot.addItem(self.bars)
        self.plot.addItem(self.highlight)
        self.values = [pg.TextItem(anchor=(0, 0.5), color="k") for _ in range(self._SHOWN)]
        for text in self.values:
            text.setFont(scaled_font(self, 1.1))
            self.plot.addItem(text)
        style_axes(self.plot, self, 1.2)
        self.plot.scene().sigMouseClicked.connect(self._on_plot_clicked)
        self.plot.getViewBox().sigResized.connect(self._fit_range)
        self._layout.addWidget(self.plot, 1)

    # ------------------------------------------------------------ inputs

    def set_analysis(self, analysis) -> None:
        """Show ``analysis`` (an ``engine.models.analysis.Analysis``); None clears the chart."""
        self._analysis = analysis
        self._selected = None
        self._fill()

    def select_layer(self, index: int) -> None:
        """Highlight the bar of analysis row ``index`` (nothing when that row has no bar)."""
        self._selected = index
        if self.plot is not None:
            self._show_highlight()

    def shown_rows(self) -> list:
        """The analysis rows that have a bar, top to bottom."""
        return list(self._rows)

    # ------------------------------------------------------------ events

    def _on_measure_changed(self, *_) -> None:
        self._fill()

    def _on_plot_clicked(self, event) -> None:
        if not self._rows:
            return
        point = self.plot.getViewBox().mapSceneToView(event.scenePos())
        position = round(point.y())
        if 0 <= position < len(self._rows) and 0 <= point.x():
            self.select_layer(self._rows[position].index)
            self.layer_selected.emit(self._rows[position].index)

    def retranslate(self) -> None:
        self.measure_label.setText(self.tr("Sort by:"))
        self.measure_macs.setText(self.tr("Multiply-adds"))
        self.measure_params.setText(self.tr("Parameters"))
        self._fill()

    # ------------------------------------------------------------ drawing

    def _measure(self, row) -> int:
        return row.params if self.measure_params.isChecked() else row.macs

    def _fill(self) -> None:
        by_params = self.measure_params.isChecked()
        weighted = [] if self._analysis is None else sorted(
            (r for r in self._analysis.rows if self._measure(r) > 0), key=self._measure, reverse=True)
        total = sum(self._measure(r) for r in weighted)
        self._rows, self._total = weighted[:self._SHOWN], total
        if self._analysis is None:
            self.title.setText(self.tr("Where the cost goes"))
            self.caption.setText(self.tr("Waiting for the layer analysis…"))
        else:
            self.title.setText(self.tr("Where the cost goes: {0}").format(_title(self._analysis.model)))
            self.caption.setText(self._caption(by_params, total, len(weighted),
                                               sum(self._measure(r) for r in self._rows)))
        if self.plot is not None:
            self._draw()

    def _draw(self) -> None:
        by_params = self.measure_params.isChecked()
        values = [self._measure(r) for r in self._rows]
        total = self._total or 1
        self.bars.setOpts(x0=np.zeros(len(values)), y=np.arange(len(values), dtype=float),
                          width=np.array(values, dtype=float),
                          brush=CONV_COLOUR if by_params else DIRECT_COLOUR)
        # The paper's name first, the torch module second (ResNet's block names repeat for its two convolutions).
        names = [f"{r.paper_name} ({r.name})" if r.paper_name and r.paper_name != r.name else f"{r.name} ({r.op})"
                 for r in self._rows]
        axis = self.plot.getAxis("left")
        axis.setTicks([list(enumerate(names))])
        # pyqtgraph widens an axis only after a paint that did not fit (dropping labels): size it now.
        metrics = QFontMetrics(axis.style["tickFont"] or self.font())
        axis.setWidth(max((metrics.horizontalAdvance(n) for n in names), default=40) + 20)
        for i, text in enumerate(self.values):
            text.setVisible(i < len(values))
            if i < len(values):
                text.setText(f" {rounded(values[i])} ({100 * values[i] / total:.1f}%)")
                text.setPos(float(values[i]), float(i))
        if values:
            self._fit_range()
            self.plot.setYRange(-0.6, len(values) - 0.4, padding=0)
        self._show_highlight()

    def _fit_range(self, *_) -> None:
        """Room right of the longest bar for its value label, whatever the chart's width and the app's zoom."""
        values = [self._measure(r) for r in self._rows]
        if self.plot is None or not values:
            return
        metrics = QFontMetrics(self.values[0].textItem.font())
        text = max(metrics.horizontalAdvance(v.textItem.toPlainText()) for v in self.values[:len(values)]) + 16
        width = self.plot.getViewBox().width()
        share = min(text / width, 0.8) if width > 80 else 0.3
        self.plot.setXRange(0, max(values) / (1 - share), padding=0)

    def _caption(self, by_params: bool, total: int, layers: int, shown: int) -> str:
        if layers <= self._SHOWN:
            if by_params:
                return self.tr("{0} parameters in {1} layers").format(exact(total), layers)
            return self.tr("{0} multiply-adds in {1} layers").format(exact(total), layers)
        share = 100 * shown / total
        if by_params:
            return self.tr("{0} parameters in {1} layers; the largest {2} hold {3:.0f}% of them.").format(
                exact(total), layers, self._SHOWN, share)
        return self.tr("{0} multiply-adds in {1} layers; the largest {2} do {3:.0f}% of them.").format(
            exact(total), layers, self._SHOWN, share)

    def _show_highlight(self) -> None:
        positions = [i for i, r in enumerate(self._rows) if r.index == self._selected]
        values = [float(self._measure(self._rows[i])) for i in positions]
        self.highlight.setOpts(x0=[0.0] * len(positions), y=[float(p) for p in positions], width=values)


def _title(model: str) -> str:
    """A zoo model's title ("VGG-16"), not its registry id; other analyses keep their label."""
    from engine.models.zoo import get_info
    from engine.runtime.errors import UserInputError

    try:
        return get_info(model).title
    except UserInputError:
        return model
