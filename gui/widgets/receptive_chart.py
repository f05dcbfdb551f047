"""Receptive field against depth: how many input pixels one unit of each convolution and pooling layer sees,
with the input's size drawn across, so the layer where a unit starts to see the whole image stands out.

On the VGG page the same tab sets out VGG's argument on VGG-16's own layers (``stacked_convolutions``):
stacked 3×3 convolutions see as much as one larger filter, with fewer weights and more non-linearities.
Every number comes from the analysis (``engine.models.receptive``).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from engine.models.receptive import Stack, stacked_convolutions
from engine.text.numbers import exact
from gui.widgets.plots import CONV_COLOUR, DIRECT_COLOUR, REDUCE_COLOUR, SELECTED_COLOUR, style_axes
from gui.widgets.text import LanguageAware, scaled_font, text_label

__all__ = ["ReceptiveFieldView", "charted_rows"]

_KINDS = ("conv", "pool")


def charted_rows(analysis) -> list:
    """The rows the chart draws: convolutions and poolings with a receptive field on a grid, in order; an
    adaptive pooling that changes nothing (VGG's 7×7 to 7×7) is left out."""
    return [row for row in analysis.rows if row.kind in _KINDS and row.rf_jump is not None
            and len(row.output_shape) == 3 and not (row.kernel is None and row.input_shape == row.output_shape)]


class ReceptiveFieldView(LanguageAware, QWidget):
    """The receptive-field chart of one analysis, and VGG's argument when ``argument`` is on.

    A click on a point emits ``layer_selected`` with its analysis row; :meth:`select_layer` marks a row's point.
    """

    layer_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None, argument: bool = False) -> None:
        super().__init__(parent)
        self._analysis = None
        self._rows: list = []
        self._selected: int | None = None
        self._argument = argument
        self.stack: Stack | None = None
        self.title = text_label(self, 1.5, bold=True)
        self.caption = text_label(self, 1.2)
        self.argument_label = text_label(self, 1.2)
        self.argument_label.setTextFormat(Qt.TextFormat.RichText)
        self.argument_label.setVisible(argument)
        self.argument_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.plot = pg.PlotWidget(background="w")
        style_axes(self.plot, self, 1.1, left_width=56)
        self.plot.setMouseEnabled(False, False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self._curve = self.plot.plot([], [], pen=pg.mkPen(CONV_COLOUR, width=3), symbol="o", symbolSize=9,
                                     symbolBrush=CONV_COLOUR, symbolPen=None)
        self._pools = self.plot.plot([], [], pen=None, symbol="s", symbolSize=11, symbolBrush=REDUCE_COLOUR,
                                     symbolPen=None)
        input_pen = QPen(QColor(DIRECT_COLOUR), 2.5, Qt.PenStyle.DashLine)
        input_pen.setCosmetic(True)
        self._marker = self.plot.plot([], [], pen=None, symbol="o", symbolSize=17, symbolBrush=None,
                                      symbolPen=pg.mkPen(SELECTED_COLOUR, width=3.5))
        for points in (self._curve, self._pools):
            points.sigPointsClicked.connect(self._on_points_clicked)
        self._input_line = pg.InfiniteLine(angle=0, pen=input_pen, movable=False)
        self._input_text = pg.TextItem(color=DIRECT_COLOUR, anchor=(0, 1))
        self._input_text.setFont(scaled_font(self, 1.15, bold=True))
        self._whole_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#868e96", width=1.5), movable=False)
        for item in (self._input_line, self._input_text, self._whole_line):
            self.plot.addItem(item)
        body = QHBoxLayout()
        body.addWidget(self.plot, 3)
        body.addWidget(self.argument_label, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        layout.addWidget(self.caption)
        self.retranslate()

    def set_analysis(self, analysis) -> None:
        """Draw ``analysis`` (an ``engine.models.analysis.Analysis``; None clears)."""
        self._analysis = analysis
        self.stack = None if analysis is None or not self._argument else stacked_convolutions(analysis.rows)
        self._show()

    def select_layer(self, row: int | None) -> None:
        """Mark row ``row``'s point (a row the chart does not draw marks nothing)."""
        self._selected = row
        self._show_marker()

    def _show_marker(self) -> None:
        index = next((i for i, row in enumerate(self._rows) if row.index == self._selected), None)
        if index is None:
            self._marker.setData([], [])
        else:
            self._marker.setData([index + 1.0], [float(self._rows[index].rf_size[0])])

    def _on_points_clicked(self, _item, points, _event=None) -> None:
        if len(points):
            index = int(round(points[0].pos().x())) - 1
            if 0 <= index < len(self._rows):
                self.select_layer(self._rows[index].index)
                self.layer_selected.emit(self._rows[index].index)

    def retranslate(self) -> None:
        self.plot.setLabel("left", self.tr("receptive field (pixels)"))
        self.plot.setLabel("bottom", self.tr("convolution and pooling layers, in order"))
        self._show()

    def _show(self) -> None:
        analysis = self._analysis
        rows = self._rows = [] if analysis is None else charted_rows(analysis)
        self._show_marker()
        if not rows:
            self._curve.setData([], [])
            self._pools.setData([], [])
            for item in (self._input_line, self._input_text, self._whole_line):
                item.setVisible(False)
            self.title.setText(self.tr("Receptive field against depth"))
            self.caption.setText(self.tr("This model has no convolution or pooling on an image grid.")
                                 if analysis is not None else "")
            self.argument_label.setText("")
            return
        x = np.arange(1, len(rows) + 1, dtype=float)
        sizes = np.array([row.rf_size[0] for row in rows], dtype=float)
        self._curve.setData(x, sizes)
        pools = [i for i, row in enumerate(rows) if row.kind == "pool"]
        self._pools.setData(x[pools], sizes[pools])
        side = analysis.input_shape[1]
        self._input_line.setPos(side)
        self._input_text.setText(self.tr("input: {size} pixels").format(size=side))
        self._input_text.setPos(1, side)
        self._input_line.setVisible(True)
        self._input_text.setVisible(True)
        whole = next((i for i, row in enumerate(rows) if row.rf_size[0] >= side), None)
        self._whole_line.setVisible(whole is not None)
        if whole is not None:
            self._whole_line.setPos(x[whole])
        self.plot.setYRange(0, max(float(sizes.max()), side) * 1.08, padding=0)
        self.plot.setXRange(0.5, len(rows) + 0.5, padding=0)
        self.title.setText(self.tr("Receptive field against depth: {model}").format(model=analysis.model))
        last = rows[-1]
        text = self.tr("One unit of {layer}, the last of these layers, sees {size}×{size} input pixels; "
                       "neighbouring units are {jump} pixels apart.").format(
            layer=last.name, size=last.rf_size[0], jump=last.rf_jump[0])
        if whole is not None:
            text += " " + self.tr("From {layer} (grey line) on, one unit's field is as wide as the whole "
                                  "{side}×{side} input.").format(layer=rows[whole].name, side=side)
        else:
            text += " " + self.tr("No layer's field covers the whole {side}×{side} input.").format(side=side)
        self.caption.setText(text + " " + self.tr("Squares: pooling layers."))
        self._show_argument()

    def _show_argument(self) -> None:
        stack = self.stack
        if not self._argument:
            return
        if stack is None:
            self.argument_label.setText("")
            return
        c2 = stack.channels * stack.channels
        lines = [self.tr("<b>Why stack 3×3 filters?</b> On {layers} ({channels} channels in and out, "
                         "stride 1):").format(layers=", ".join(stack.layers), channels=stack.channels)]
        for count in range(1, len(stack.sizes)):
            size = stack.sizes[count]
            lines.append(self.tr("{count} stacked {k}×{k}: see {size}×{size} with {weights} weights "
                                 "(<b>{factor}C²</b>); one {size}×{size} filter: {single} (<b>{single_factor}C²"
                                 "</b>).").format(
                count=count + 1, k=stack.kernel, size=size, weights=exact(stack.weights[count]),
                factor=stack.weights[count] // c2, single=exact(stack.single[count]),
                single_factor=stack.single[count] // c2))
        lines.append(self.tr("And every stacked layer adds a ReLU: {count} non-linearities instead of one.").format(
            count=len(stack.sizes)))
        self.argument_label.setText("<br><br>".join(lines))
