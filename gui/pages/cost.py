"""What a convolution costs: the 1×1 bottleneck widget, and where the cost goes in a whole network.

``CostView`` is the lecture's Inception cost problem with every number adjustable: both computations as
formulas with the numbers substituted, their exact products, the ratio, the parameters, a bar chart split
by stage and a sketch of the volumes. The arithmetic is ``engine.inspection.cost`` (pure integers, no torch).
Where the cost goes in a whole network is ``gui.widgets.cost_chart``.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise
from math import ceil

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.inspection.cost import (
    PRESETS,
    BottleneckCost,
    BottleneckSetting,
    bottleneck_cost,
    format_ratio,
)
from engine.text.numbers import exact, rounded
from gui.widgets.painted_text import PaintedTexts
from gui.widgets.plots import CONV_COLOUR, DIRECT_COLOUR, REDUCE_COLOUR, CountAxis, style_axes
from gui.widgets.reflow import ReflowLayout, StackingReflowLayout
from gui.widgets.text import LanguageAware, PageHeader, scaled_font, text_label
from gui.widgets.zoom import set_fixed_width

__all__ = ["CostView"]

_INPUT_COLOUR = "#868e96"
_REFUSED_STYLE = "QSpinBox { border: 3px solid #c92a2a; }"
_SKETCH_PAD = 4  # pixels around a text of the volumes' sketch
_SKETCH_GAP = 6  # pixels between two shape labels side by side
_ARROW_LIFT = 6  # pixels between an arrow's line and its kernel label
_FACE_MIN = 50  # the tallest box's front face at its smallest, in pixels
_PANEL_WIDTH = 330  # pixels at 100 %: a result panel's widest formula, "(28×28×32) × (5×5×192)", whole

# Widget limits: wide enough for every network in the zoo, small enough for a slider to be usable.
_RANGES = {"height": 512, "width": 512, "in_channels": 4096, "out_channels": 4096, "kernel": 15,
           "bottleneck": 4096}


class _NumberInput(QWidget):
    """A spin box and a slider that move together; the spin box's range is the validator."""

    value_changed = Signal(int)

    def __init__(self, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setFont(scaled_font(self, 1.25))
        self.spin = QSpinBox(self)
        self.spin.setRange(1, maximum)
        self.spin.setGroupSeparatorShown(True)
        self.spin.setFont(scaled_font(self, 1.5, bold=True))
        self.spin.setMinimumWidth(130)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(1, maximum)
        self.spin.valueChanged.connect(self.slider.setValue)
        self.slider.valueChanged.connect(self.spin.setValue)
        self.spin.valueChanged.connect(self.value_changed)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.label, 0, 0)
        layout.addWidget(self.spin, 0, 1)
        layout.addWidget(self.slider, 1, 0, 1, 2)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: int) -> None:
        self.spin.setValue(value)

    def set_refused(self, refused: bool) -> None:
        self.spin.setStyleSheet(_REFUSED_STYLE if refused else "")


class _CostChart(pg.PlotWidget):
    """Two bars, direct and with the bottleneck, the second stacked by stage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w", axisItems={"left": CountAxis("left")})
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.showGrid(x=False, y=True, alpha=0.3)
        self.legend = self.addLegend(offset=(-10, 10), labelTextSize="14pt", labelTextColor="k",
                                     brush=pg.mkBrush(255, 255, 255, 220))
        self.direct_bar = pg.BarGraphItem(x=[0], height=[0], width=0.6, brush=DIRECT_COLOUR)
        self.reduce_bar = pg.BarGraphItem(x=[1], height=[0], width=0.6, brush=REDUCE_COLOUR)
        self.conv_bar = pg.BarGraphItem(x=[1], y0=[0], height=[0], width=0.6, brush=CONV_COLOUR)
        for bar in (self.direct_bar, self.reduce_bar, self.conv_bar):
            self.addItem(bar)
        self.direct_text = pg.TextItem(anchor=(0.5, 1.0), color="k")
        self.bottleneck_text = pg.TextItem(anchor=(0.5, 1.0), color="k")
        for text in (self.direct_text, self.bottleneck_text):
            text.setFont(scaled_font(self, 1.6, bold=True))
            self.addItem(text)
        style_axes(self, self, 1.2)
        self.getAxis("left").setWidth(90)  # room for "120.4M" before the first layout pass measures it
        self.setXRange(-0.6, 1.6, padding=0)
        self._tallest = 0.0
        # The bars' value labels stay under the legend: the y range keeps the legend's and a label's height free
        # above the tallest bar, in pixels, at any size and zoom (a fixed 15 % ran "120.4M" into the legend at 200 %).
        self.getPlotItem().vb.sigResized.connect(self._fit_range)

    def set_labels(self, direct: str, bottleneck: str, reduce: str, conv: str) -> None:
        self.getAxis("bottom").setTicks([[(0, direct), (1, bottleneck)]])
        self.legend.clear()
        self.legend.addItem(self.reduce_bar, reduce)
        self.legend.addItem(self.conv_bar, conv)

    def set_cost(self, cost: BottleneckCost) -> None:
        direct, reduce, conv = cost.direct.macs, cost.reduce.macs, cost.conv.macs
        self.direct_bar.setOpts(height=[direct])
        self.reduce_bar.setOpts(height=[reduce])
        self.conv_bar.setOpts(y0=[reduce], height=[conv])
        self._tallest = float(max(direct, reduce + conv))
        self.direct_text.setText(rounded(direct))
        self.direct_text.setPos(0, direct)
        self.bottleneck_text.setText(rounded(reduce + conv))
        self.bottleneck_text.setPos(1, reduce + conv)
        self._fit_range()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the app's zoom: the labels' height changed
            self._fit_range()
            self.updateGeometry()  # and their width: the least width below

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Room for the bars' value labels side by side, each inside the plot, and for the legend: the x range's
        2.2 bar spacings each as wide as the wider label and a gap, with the left axis beside them. Stacked under
        the volumes at 250 % the chart was squeezed to a 362 px plot and "120.4M" (253 px) stuck out at its left."""
        hint = super().minimumSizeHint()
        label = max(text.textItem.boundingRect().width() for text in (self.direct_text, self.bottleneck_text))
        if label <= 0:
            return hint
        plot = max(2.2 * (label + 8), self.legend.boundingRect().width() + 20)
        axis = self.getAxis("left").width()
        # Its height: what _fit_range keeps free above the bars, bars at least three labels tall, the bar names.
        tall = max(text.textItem.boundingRect().height() for text in (self.direct_text, self.bottleneck_text))
        above = 10 + self.legend.boundingRect().height() + 4 + tall
        bottom = self.getAxis("bottom")
        font = bottom.style.get("tickFont") or self.font()
        offset = bottom.style.get("tickTextOffset", [5, 2])  # pyqtgraph's (x, y) offsets; the bottom axis: y
        names = QFontMetricsF(font).height() + offset[1] + abs(bottom.style.get("tickLength", 5)) + 10
        height = above + 3 * tall + max(bottom.height(), names) + 20
        return QSize(max(hint.width(), ceil(plot + axis + 20)), max(hint.height(), ceil(height)))

    def _fit_range(self, *_args) -> None:
        """A y range whose top leaves, above the tallest bar, the legend's height (below its 10-pixel offset),
        a gap, and the bar's value label; at most 0.6 of the plot, so a very short chart still shows its bars."""
        if self._tallest <= 0:
            return
        box = self.getPlotItem().vb
        label = max(text.textItem.boundingRect().height() for text in (self.direct_text, self.bottleneck_text))
        above = 10 + self.legend.boundingRect().height() + 4 + label
        share = 0.3 if box.height() <= 0 else min(0.6, above / box.height())
        self.setYRange(0, self._tallest / (1 - share), padding=0)


class _VolumesSketch(QWidget):
    """Input → 1×1 → k×k → output as boxes: thickness follows channels, face follows height and width.

    Each row is laid out from its fonts' metrics: its title, then the arrows' kernel labels above the arrows'
    line, the boxes, and the shape labels under the boxes, none on another; the boxes take what height is left
    and the sketch asks for rows with room for all of them (``minimumSizeHint``). With fixed offsets, at 200 %
    zoom the arrow's "5×5" ran into the row's title and the shape labels were cut at the row's bottom.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.painted = PaintedTexts()
        self._cost: BottleneckCost | None = None
        self._row_titles = ("", "")

    def set_cost(self, cost: BottleneckCost, direct_title: str, bottleneck_title: str) -> None:
        self._cost = cost
        self._row_titles = (direct_title, bottleneck_title)
        self.updateGeometry()  # the shapes' labels and the titles set the room the sketch needs
        self.update()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:  # the app's zoom
            self.updateGeometry()
        super().changeEvent(event)

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        """The rows' titles, the shapes' labels, the arrows' kernel labels."""
        return scaled_font(self, 1.35, bold=True), scaled_font(self, 1.1), scaled_font(self, 1.3, bold=True)

    def _rows(self):
        """Each row: its title, its volumes (channels, height, width, colour) and its arrows (text, colour)."""
        c = self._cost
        s = c.setting
        k = s.kernel
        return (
            (self._row_titles[0], [(s.in_channels, s.height, s.width, _INPUT_COLOUR),
                                   (s.out_channels, c.direct.out_height, c.direct.out_width, DIRECT_COLOUR)],
             [(f"{k}×{k}", DIRECT_COLOUR)]),
            (self._row_titles[1], [(s.in_channels, s.height, s.width, _INPUT_COLOUR),
                                   (s.bottleneck, s.height, s.width, REDUCE_COLOUR),
                                   (s.out_channels, c.conv.out_height, c.conv.out_width, CONV_COLOUR)],
             [("1×1", REDUCE_COLOUR), (f"{k}×{k}", CONV_COLOUR)]))

    def _bands(self) -> tuple[float, float, float]:
        """A row's title band, the band its arrows' labels take above the arrows' line, and the band under
        the boxes for their shape labels, in pixels."""
        title_font, label_font, arrow_font = (QFontMetricsF(font) for font in self._fonts())
        # a title's own height: Korean comes from a fallback font whose lines are taller than the app font's
        title = max([title_font.height()] + [title_font.boundingRect(text).height() for text in self._row_titles])
        return title + 2 * _SKETCH_PAD, arrow_font.height() + _ARROW_LIFT, label_font.height() + 2 * _SKETCH_PAD

    def _face(self, row_height: float, slot: float) -> float:
        """The largest front face (the tallest box's) a row of ``row_height`` holds under its title: a box
        reaches 0.75 of it above and below the arrows' line, the kernel labels their band above the line."""
        title, arrow, below = self._bands()
        room = row_height - title - below
        face = room / 1.5 if room >= 2 * arrow else (room - arrow) / 0.75
        return max(4.0, min(face, slot * 0.8))  # wider than a slot, a box would cover the arrows

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Rows with room for their texts and boxes of ``_FACE_MIN``, three slots as wide as the widest shape
        label, a title's width."""
        if self._cost is None:
            return QSize(300, 200)
        title_font, label_font, arrow_font = self._fonts()
        labels = [f"{h}×{w}×{d}" for _, volumes, _ in self._rows() for d, h, w, _ in volumes]
        slot = max(QFontMetricsF(label_font).horizontalAdvance(text) for text in labels) + 2 * _SKETCH_GAP
        arrows = max(QFontMetricsF(arrow_font).horizontalAdvance(text) for _, _, a in self._rows() for text, _ in a)
        titles = max(QFontMetricsF(title_font).horizontalAdvance(t) for t in self._row_titles) + 2 * _SKETCH_PAD
        title, arrow, below = self._bands()
        row = title + max(arrow, 0.75 * _FACE_MIN) + 0.75 * _FACE_MIN + below
        return QSize(ceil(max(3 * slot, titles, 3 * (arrows + 2 * _SKETCH_GAP))), ceil(2 * row))

    def sizeHint(self) -> QSize:
        hint = self.minimumSizeHint()
        return QSize(max(hint.width(), 420), hint.height() + 80)

    def paintEvent(self, event) -> None:  # noqa: ARG002 - Qt's signature
        self.painted.clear()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if self._cost is None:
            painter.end()
            return
        s = self._cost.setting
        channels = max(s.in_channels, s.out_channels, s.bottleneck)
        spatial = max(s.height, s.width)
        row_height = self.height() / 2
        for row, (title, volumes, arrows) in enumerate(self._rows()):
            self._draw_row(painter, QRectF(0, row * row_height, self.width(), row_height), title, volumes,
                           arrows, channels, spatial)
        painter.end()

    def _draw_row(self, painter: QPainter, area: QRectF, title: str, volumes, arrows, channels: int,
                  spatial: int) -> None:
        title_font, label_font, arrow_font = self._fonts()
        title_band, arrow_band, below = self._bands()
        painter.setFont(title_font)
        painter.setPen(QColor("#212529"))
        self.painted.draw(painter, QRectF(area.left() + _SKETCH_PAD, area.top() + _SKETCH_PAD,
                                          area.width() - 2 * _SKETCH_PAD, title_band - 2 * _SKETCH_PAD),
                          Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        slot = area.width() / 3  # three slots per row, so both rows line their boxes up
        face_max = self._face(area.height(), slot)
        thick_max = slot * 0.45
        centre_y = area.top() + title_band + max(arrow_band, 0.75 * face_max)
        x_positions = [slot * 0.5, slot * 1.5, slot * 2.5] if len(volumes) == 3 else [slot * 0.5, slot * 2.5]
        right_edges = []
        label_height = below - 2 * _SKETCH_PAD
        for (depth, height, width, colour), x in zip(volumes, x_positions, strict=True):
            face_h = max(6.0, face_max * height / spatial)
            skew = max(4.0, face_max * 0.5 * width / spatial)
            thick = max(3.0, thick_max * depth / channels)
            left = x - (thick + skew) / 2
            top = centre_y - face_h / 2 + skew / 2
            _draw_box(painter, QRectF(left, top, thick, face_h), skew, QColor(colour))
            right_edges.append((left, left + thick + skew))
            painter.setFont(label_font)
            painter.setPen(QColor("#212529"))
            label_rect = QRectF(x - slot / 2, top + face_h + _SKETCH_PAD, slot, label_height)
            self.painted.draw(painter, label_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                              f"{height}×{width}×{depth}")
        for (text, colour), ((_, start), (end, _)) in zip(arrows, pairwise(right_edges), strict=True):
            start_point, end_point = QPointF(start + 6, centre_y), QPointF(end - 6, centre_y)
            if _draw_arrow(painter, start_point, end_point, QColor(colour)):
                painter.setFont(arrow_font)
                # the kernel's label centred on the arrow, in the band above its line, never past the slots
                label = QRectF(start_point.x() - slot / 2, centre_y - arrow_band,
                               end_point.x() - start_point.x() + slot, arrow_band - _ARROW_LIFT)
                self.painted.draw(painter, label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                                  text)


def _draw_box(painter: QPainter, front: QRectF, skew: float, colour: QColor) -> None:
    """A cuboid: ``front`` face, and top and side faces receding by ``skew`` up and to the right."""
    up = QPointF(skew, -skew)
    top = QPolygonF([front.topLeft(), front.topRight(), front.topRight() + up, front.topLeft() + up])
    side = QPolygonF([front.topRight(), front.bottomRight(), front.bottomRight() + up, front.topRight() + up])
    painter.setPen(QPen(colour.darker(150), 1.5))
    painter.setBrush(colour.lighter(135))
    painter.drawPolygon(top)
    painter.setBrush(colour.darker(115))
    painter.drawPolygon(side)
    painter.setBrush(colour)
    painter.drawRect(front)


def _draw_arrow(painter: QPainter, start: QPointF, end: QPointF, colour: QColor) -> bool:
    """An arrow from ``start`` to ``end``; False (nothing drawn) when the two are too close for one."""
    if end.x() - start.x() < 12:
        return False
    painter.setPen(QPen(colour, 3))
    painter.drawLine(start, end - QPointF(8, 0))
    head = QPainterPath(end)
    head.lineTo(end + QPointF(-12, -7))
    head.lineTo(end + QPointF(-12, 7))
    head.closeSubpath()
    painter.fillPath(head, colour)
    return True


def _coloured(colour: str, text: str) -> str:
    return f"<span style='color:{colour}'>{escape(text)}</span>"


def _formula_html(colour: str, formula: str, value: int) -> str:
    return f"{_coloured(colour, formula)} = {exact(value)}"


class CostView(LanguageAware, QWidget):
    """The 1×1 bottleneck cost widget: change any number and watch both costs move."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cost: BottleneckCost | None = None
        self.header = PageHeader(self)

        self.preset_label = QLabel(self)
        self.preset_label.setFont(scaled_font(self, 1.25))
        self.preset_combo = QComboBox(self)
        self.preset_combo.setFont(scaled_font(self, 1.2))
        self.preset_combo.addItem("", None)  # "Custom", named in retranslate
        for key in PRESETS:
            self.preset_combo.addItem("", key)
        self.preset_combo.activated.connect(self._on_preset_chosen)
        self.inputs = {name: _NumberInput(maximum, self) for name, maximum in _RANGES.items()}
        self.padding_label = QLabel(self)
        self.padding_label.setFont(scaled_font(self, 1.25))
        self.padding_same = QRadioButton(self)
        self.padding_none = QRadioButton(self)
        for button in (self.padding_same, self.padding_none):
            button.setFont(scaled_font(self, 1.15))
        self.padding_group = QButtonGroup(self)
        self.padding_group.addButton(self.padding_same)
        self.padding_group.addButton(self.padding_none)
        self.padding_same.setChecked(True)

        self.controls = QGroupBox(self)
        self.controls.setFont(scaled_font(self, 1.2, bold=True))
        controls = QVBoxLayout(self.controls)
        controls.addWidget(self.preset_label)
        controls.addWidget(self.preset_combo)
        for number_input in self.inputs.values():
            controls.addWidget(number_input)
        controls.addWidget(self.padding_label)
        controls.addWidget(self.padding_same)
        controls.addWidget(self.padding_none)
        controls.addStretch(1)
        set_fixed_width(self.controls, 400)

        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.setFont(scaled_font(self, 1.6, bold=True))
        self.refusal.setStyleSheet("color: #c92a2a; background: #fff0f0; padding: 10px; border-radius: 4px;")
        self.refusal.hide()

        self.direct_title = self._label(1.4, bold=True, colour=DIRECT_COLOUR)
        self.direct_formula = self._label(1.5)
        self.direct_total = self._label(2.6, bold=True)
        self.direct_rounded = self._label(1.5)
        self.direct_params = self._label(1.3)
        self.bottleneck_title = self._label(1.4, bold=True, colour=CONV_COLOUR)
        self.bottleneck_formula = self._label(1.5)
        self.bottleneck_total = self._label(2.6, bold=True)
        self.bottleneck_rounded = self._label(1.5)
        self.bottleneck_params = self._label(1.3)
        self.ratio = self._label(2.0, bold=True)
        self.ratio.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ratio.setStyleSheet("color: #2b8a3e;")

        # Side by side when each panel gets _PANEL_WIDTH, else one above the other (200 % zoom, a narrow window).
        self.panels = panels = ReflowLayout()
        panels.add(self._panel(self.direct_title, self.direct_formula, self.direct_total,
                               self.direct_rounded, self.direct_params), _PANEL_WIDTH)
        panels.add(self._panel(self.bottleneck_title, self.bottleneck_formula, self.bottleneck_total,
                               self.bottleneck_rounded, self.bottleneck_params), _PANEL_WIDTH)
        self.chart = _CostChart(self)
        self.sketch = _VolumesSketch(self)
        # The chart beside the volumes, or above them when the two would squeeze the chart's labels (250 %).
        self.pictures = pictures = ReflowLayout()
        pictures.add(self.chart)
        pictures.add(self.sketch)
        self.results = QWidget(self)  # hidden while the setting is refused: no stale or empty figures
        results = QVBoxLayout(self.results)
        results.setContentsMargins(0, 0, 0, 0)
        results.addLayout(panels)
        results.addWidget(self.ratio)
        results.addLayout(pictures, 1)
        right_side = QWidget(self)
        right = QVBoxLayout(right_side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.refusal)
        right.addWidget(self.results, 1)
        right.addStretch(0)
        # The setting beside the results, or above them when the two do not fit side by side; stacked, the page
        # is as narrow as its widest part (the results' row width only decides the arrangement).
        self.body = body = StackingReflowLayout()
        body.add(self.controls)
        body.add(right_side, 2 * _PANEL_WIDTH + 8)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

        self.set_setting(PRESETS["lecture"])
        for number_input in self.inputs.values():
            number_input.value_changed.connect(self._on_value_changed)
        self.padding_group.buttonToggled.connect(self._on_value_changed)
        self.retranslate()

    # ------------------------------------------------------------ inputs

    def setting(self) -> BottleneckSetting:
        """The setting the inputs show now (possibly one that is refused)."""
        values = {name: number_input.value() for name, number_input in self.inputs.items()}
        return BottleneckSetting(**values, padding="none" if self.padding_none.isChecked() else "same")

    def set_setting(self, setting: BottleneckSetting) -> None:
        """Show ``setting`` (values beyond the widget's ranges are clamped to them)."""
        for number_input in self.inputs.values():
            number_input.blockSignals(True)
        for name, number_input in self.inputs.items():
            number_input.set_value(getattr(setting, name))
        self.padding_group.blockSignals(True)
        (self.padding_none if setting.padding == "none" else self.padding_same).setChecked(True)
        self.padding_group.blockSignals(False)
        for number_input in self.inputs.values():
            number_input.blockSignals(False)
        self._on_value_changed()

    def current_cost(self) -> BottleneckCost | None:
        """The figures on screen, or None while the setting is refused."""
        return self._cost

    # ------------------------------------------------------------ events

    def _on_preset_chosen(self, index: int) -> None:
        key = self.preset_combo.itemData(index)
        if key is not None:
            self.set_setting(PRESETS[key])

    def _on_value_changed(self, *_) -> None:
        setting = self.setting()
        problem = setting.problem()
        self.inputs["bottleneck"].set_refused(problem == "bottleneck_wider")
        self.inputs["in_channels"].set_refused(problem == "bottleneck_wider")
        self.inputs["kernel"].set_refused(problem in ("filter_larger", "even_same"))
        self._cost = None if problem else bottleneck_cost(setting)
        matching = [key for key, preset in PRESETS.items() if preset == setting]
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(matching[0]) if matching else 0)
        self._show()

    def retranslate(self) -> None:
        self.header.set_texts(
            self.tr("The 1×1 bottleneck: what a convolution costs"),
            self.tr("Q. How many multiplications does a 5×5 convolution from 28×28×192 to 28×28×32 need? "
                    "And with a 1×1 convolution down to 16 channels first?"))
        self.controls.setTitle(self.tr("Setting"))
        self.preset_label.setText(self.tr("Preset"))
        preset_names = {
            None: self.tr("Custom"),
            "lecture": self.tr("Lecture: 5×5, 192 → 32 through 16"),
            "inception3a_3x3": self.tr("Inception 3a, 3×3 branch: 192 → 128 through 96"),
            "inception4a_5x5": self.tr("Inception 4a, 5×5 branch: 480 → 48 through 16"),
            "inception5b_3x3": self.tr("Inception 5b, 3×3 branch: 832 → 384 through 192"),
        }
        for index in range(self.preset_combo.count()):
            self.preset_combo.setItemText(index, preset_names[self.preset_combo.itemData(index)])
        labels = {
            "height": self.tr("Height"),
            "width": self.tr("Width"),
            "in_channels": self.tr("Input channels"),
            "out_channels": self.tr("Output channels"),
            "kernel": self.tr("Filter size"),
            "bottleneck": self.tr("Bottleneck channels"),
        }
        for name, number_input in self.inputs.items():
            number_input.label.setText(labels[name])
        self.padding_label.setText(self.tr("Padding"))
        self.padding_same.setText(self.tr("Same (output keeps height and width)"))
        self.padding_none.setText(self.tr("None (output shrinks by filter size − 1)"))
        self._show()

    # ------------------------------------------------------------ drawing

    def _label(self, factor: float, bold: bool = False, colour: str | None = None) -> QLabel:
        label = text_label(self, factor, bold)
        if colour:
            label.setStyleSheet(f"color: {colour};")
        return label

    def _panel(self, *labels: QLabel) -> QFrame:
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(frame)
        for label in labels:
            layout.addWidget(label)
        return frame

    def _show(self) -> None:
        setting, cost = self.setting(), self._cost
        k = setting.kernel
        self.direct_title.setText(self.tr("Direct {0}×{0} convolution").format(k))
        self.bottleneck_title.setText(
            self.tr("With a 1×1 bottleneck of {0} channels").format(exact(setting.bottleneck)))
        self.refusal.setVisible(cost is None)
        self.refusal.setText(self._refusal_text(setting))
        self.results.setVisible(cost is not None)
        self.chart.set_labels(self.tr("Direct"), self.tr("With bottleneck"), self.tr("1×1 reduction"),
                              self.tr("{0}×{0} convolution").format(k))
        if cost is None:
            return
        self.chart.set_cost(cost)
        self.chart.updateGeometry()  # its labels' width: its least width
        self.sketch.set_cost(cost, self.tr("Direct"), self.tr("With bottleneck"))
        self.direct_formula.setText(_coloured(DIRECT_COLOUR, cost.direct.macs_formula()))
        self.bottleneck_formula.setText(
            _formula_html(REDUCE_COLOUR, cost.reduce.macs_formula(), cost.reduce.macs) + "<br>+ "
            + _formula_html(CONV_COLOUR, cost.conv.macs_formula(), cost.conv.macs))
        self.direct_total.setText(f"= {exact(cost.direct.macs)}")
        self.bottleneck_total.setText(f"= {exact(cost.bottleneck_macs)}")
        about = self.tr("≈ {0} multiply-adds")
        self.direct_rounded.setText(about.format(rounded(cost.direct.macs)))
        self.bottleneck_rounded.setText(about.format(rounded(cost.bottleneck_macs)))
        params = self.tr("Parameters: {0} = {1}")
        self.direct_params.setText(params.format(cost.direct.params_formula(), exact(cost.direct.params)))
        self.bottleneck_params.setText(params.format(
            f"{cost.reduce.params_formula()} + {cost.conv.params_formula()}", exact(cost.bottleneck_params)))
        self.ratio.setText(self._ratio_text(cost))

    def _ratio_text(self, cost: BottleneckCost) -> str:
        if cost.macs_ratio >= 1:
            macs = self.tr("The bottleneck needs {0} fewer multiply-adds").format(
                format_ratio(cost.macs_ratio))
        else:
            macs = self.tr("The bottleneck needs {0} more multiply-adds").format(
                format_ratio(1 / cost.macs_ratio))
        if cost.params_ratio >= 1:
            params = self.tr("{0} fewer parameters").format(format_ratio(cost.params_ratio))
        else:
            params = self.tr("{0} more parameters").format(format_ratio(1 / cost.params_ratio))
        return f"{macs} · {params}"

    def _refusal_text(self, setting: BottleneckSetting) -> str:
        problem = setting.problem()
        if problem == "bottleneck_wider":
            return self.tr("Refused: the bottleneck ({0} channels) is wider than the input ({1} channels). "
                           "A 1×1 reduction must shrink the channels.").format(
                               exact(setting.bottleneck), exact(setting.in_channels))
        if problem == "filter_larger":
            return self.tr("Refused: the {0}×{0} filter is larger than the {1}×{2} image and there is no "
                           "padding. Choose a smaller filter or same padding.").format(
                               setting.kernel, setting.height, setting.width)
        if problem == "even_same":
            return self.tr("Refused: an even {0}×{0} filter cannot keep the size with equal padding on both sides "
                           "(it needs {1} pixels, which do not split evenly). Choose an odd filter size or no "
                           "padding.").format(setting.kernel, setting.kernel - 1)
        return ""
