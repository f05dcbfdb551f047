"""Network in Network: a 1×1 convolution is one fully connected layer applied at every pixel.

The page draws the lecture's example, 28×28×192 → 28×28×32, as a 192 → 32 layer reading one pixel's
channels and writing the same pixel's output channels, with the optional ReLU that makes it non-linear, and
gives its cost and parameters from ``engine.inspection.cost`` (pure integers, checked against real modules in tests).
Below, GoogLeNet's own 1×1 bottleneck runs on the current image, and one pixel's weighted sum is worked out
beside the value the convolution gave.
"""

from __future__ import annotations

from math import ceil
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from engine.inspection.cost import ConvStage, conv_stage
from engine.runtime import events as ev
from engine.text.numbers import exact, rounded
from gui.i18n import localized
from gui.widgets.images import ImageDemo
from gui.widgets.map_grid import MapGrid
from gui.widgets.painted_text import PaintedTexts
from gui.widgets.plots import REDUCE_COLOUR
from gui.widgets.reflow import ReflowLayout
from gui.widgets.text import (
    ACCENT,
    ERROR_STYLE,
    GOOD_STYLE,
    NOTICE_STYLE,
    LanguageAware,
    PageHeader,
    scaled_font,
    text_label,
)

__all__ = ["NinView"]

_INPUT_COLOUR = QColor("#868e96")
_PIXEL_COLOUR = QColor("#f59f00")
_RELU_COLOUR = QColor("#c2255c")
_NODES_SHOWN = 7  # a column of nodes stands for all channels; more dots would only be noise
_NODE_RADIUS = 9
_RELU_BELOW = 22  # the ReLU band reaches this far past its first and last node
_SKETCH_MARGIN = 8  # pixels above the title and around the caption
_GAP = 12  # pixels between two labels of the sketch's row
_FACE_MIN = 100  # a volume's front face at its smallest: its nodes (18 px each) still apart
_PANEL_WIDTH = 320  # pixels at 100 %: a figure panel side by side, its formula "(28×28×32) × (1×1×192)" whole


class _SketchLayout(NamedTuple):
    """Where everything of the sketch goes at one width and face size: ``texts`` are (key, text, font, rect,
    flags), ``height`` is what the whole sketch takes."""

    fronts: tuple[QRectF, QRectF]
    node_x: tuple[float, float]
    relu_x: float
    centre: float
    spread: float
    texts: tuple[tuple[str, str, QFont, QRectF, Qt.AlignmentFlag], ...]
    height: float


class _PointwiseSketch(QWidget):
    """Input volume → one pixel's channels → fully connected layer (→ ReLU) → the output pixel's channels.

    Laid out from its fonts' metrics (``_layout``): the title and the caption wrap at the sketch's width, the
    labels under the volumes, node columns and ReLU stay inside the sketch and clear of each other, and the
    sketch asks for the room that takes (``minimumSizeHint``). With fixed text bands, at 200 % zoom
    "28×28×192" was cut at the bottom and the caption at both sides.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.painted = PaintedTexts()
        self._stage: ConvStage | None = None
        self._relu = False
        self._texts = {"input": "", "output": "", "layer": "", "shared": "", "relu": "ReLU"}
        self._minimum: tuple[tuple, QSize] | None = None

    def set_state(self, stage: ConvStage, relu: bool, texts: dict[str, str]) -> None:
        self._stage, self._relu, self._texts = stage, relu, texts
        self.updateGeometry()  # the texts set the room the sketch needs
        self.update()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:  # the app's zoom
            self.updateGeometry()
        super().changeEvent(event)

    # ------------------------------------------------------------ layout

    def _fonts(self) -> dict[str, QFont]:
        return {"layer": scaled_font(self, 1.45, bold=True), "shared": scaled_font(self, 1.5, bold=True),
                "volume": scaled_font(self, 1.4), "count": scaled_font(self, 1.25, bold=True)}

    def _layout(self, w: float, face: float) -> _SketchLayout:
        """Everything at width ``w`` with volumes' front faces ``face`` pixels high."""
        s, fonts = self._stage, self._fonts()
        wrap = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        texts = []

        def band(key: str, y: float) -> float:  # a wrapped line (or more) across the sketch; returns its bottom
            needed = QFontMetricsF(fonts[key]).boundingRect(QRectF(0, 0, w, 1e6), wrap, self._texts[key])
            texts.append((key, self._texts[key], fonts[key], QRectF(0, y, w, needed.height()), wrap))
            return y + needed.height()

        top = band("layer", _SKETCH_MARGIN) + _SKETCH_MARGIN + face * 0.3
        channels = max(s.in_channels, s.out_channels)
        skew = face * 0.3
        fronts = (QRectF(w * 0.03, top, max(w * 0.14 * s.in_channels / channels, 4.0), face),
                  QRectF(0, top, max(w * 0.14 * s.out_channels / channels, 4.0), face))
        fronts[1].moveRight(w * 0.95 - skew)
        node_x = (w * 0.36, w * (0.56 if self._relu else 0.62))
        relu_x, centre, spread = w * 0.68, top + face / 2, face * 0.9
        last_node = centre + spread / 2
        row = [(fronts[0].left() + (fronts[0].width() + skew) / 2, fronts[0].bottom() + 6, "volume",
                self._texts["input"]),
               (node_x[0], last_node + _NODE_RADIUS + 4, "count", exact(s.in_channels)),
               (node_x[1], last_node + _NODE_RADIUS + 4, "count", exact(s.out_channels)),
               (fronts[1].left() + (fronts[1].width() + skew) / 2, fronts[1].bottom() + 6, "volume",
                self._texts["output"])]
        if self._relu:
            row.append((relu_x, last_node + _RELU_BELOW + 4, "count", self._texts["relu"]))
        bottom = top + face
        for x, y, font, text in row:  # centred under what it names, but never past the sketch's sides
            metrics = QFontMetricsF(fonts[font])
            width = metrics.horizontalAdvance(text) + 4
            left = min(max(x - width / 2, 0.0), w - width)
            texts.append((font, text, fonts[font], QRectF(left, y, width, metrics.height()),
                          Qt.AlignmentFlag.AlignCenter))
            bottom = max(bottom, y + metrics.height())
        height = band("shared", bottom + _SKETCH_MARGIN) + _SKETCH_MARGIN
        return _SketchLayout(fronts, node_x, relu_x, centre, spread, tuple(texts), height)

    def _face(self, w: float, h: float) -> float:
        """The largest face whose layout fits height ``h`` (at least 4 px). Searched, not extrapolated: the height
        grows with the face at two rates (the row of labels below starts at the larger of face + 6 and 0.95 face
        + the ReLU's room), and a straight line through faces 0 and 100 cut the caption by 6 px at 250 %."""
        low, high = 4.0, max(h, 4.0)
        for _ in range(14):  # to within h / 16,000: under a pixel
            middle = (low + high) / 2
            low, high = (middle, high) if self._layout(w, middle).height <= h else (low, middle)
        return low

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The narrowest width at which the row of labels fits side by side inside the sketch (and the title's
        and the caption's longest words fit), and the height at that width with the smallest faces."""
        if self._stage is None:
            return QSize(400, 200)
        key = (self.font().toString(), tuple(self._texts.items()), self._relu, self._stage)
        if self._minimum is None or self._minimum[0] != key:
            width = next((w for w in range(300, 6000, 10) if self._fits(self._layout(w, _FACE_MIN), w)), 6000)
            self._minimum = key, QSize(width, ceil(self._layout(width, _FACE_MIN).height))
        return self._minimum[1]

    def sizeHint(self) -> QSize:
        hint = self.minimumSizeHint()
        return QSize(hint.width(), hint.height() + 60)

    @staticmethod
    def _fits(layout: _SketchLayout, w: float) -> bool:
        rects = [rect for _, _, _, rect, _ in layout.texts]
        wrapped = [QFontMetricsF(font).boundingRect(rect, flags, text).width()
                   for _, text, font, rect, flags in layout.texts[:1]]
        clear = all(not a.adjusted(-_GAP / 2, 0, _GAP / 2, 0).intersects(b)
                    for i, a in enumerate(rects) for b in rects[i + 1:])
        return clear and all(r.left() >= 0 and r.right() <= w for r in rects) and all(x <= w for x in wrapped) \
            and all(QFontMetricsF(font).horizontalAdvance(word) <= w
                    for _, text, font, _, _ in layout.texts for word in text.split())

    # ------------------------------------------------------------ painting

    def paintEvent(self, event) -> None:  # noqa: ARG002 - Qt's signature
        self.painted.clear()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if self._stage is not None:
            self._draw(painter)
        painter.end()

    def _draw(self, painter: QPainter) -> None:
        s = self._stage
        w = self.width()
        layout = self._layout(w, self._face(w, self.height()))
        in_pixel = self._volume(painter, layout.fronts[0], _INPUT_COLOUR)
        out_pixel = self._volume(painter, layout.fronts[1], QColor(REDUCE_COLOUR))
        in_pixel = QPointF(in_pixel.right(), in_pixel.center().y())
        out_pixel = QPointF(out_pixel.left(), out_pixel.center().y())
        inputs = self._nodes(painter, layout.node_x[0], layout.centre, layout.spread, s.in_channels,
                             _INPUT_COLOUR)
        outputs = self._nodes(painter, layout.node_x[1], layout.centre, layout.spread, s.out_channels,
                              QColor(REDUCE_COLOUR))
        painter.setPen(QPen(QColor(ACCENT), 1.2))
        for a in inputs:
            for b in outputs:
                painter.drawLine(a + QPointF(_NODE_RADIUS, 0), b - QPointF(_NODE_RADIUS, 0))
        painter.setPen(QPen(_PIXEL_COLOUR, 2, Qt.PenStyle.DashLine))
        for a in inputs:
            painter.drawLine(in_pixel, a - QPointF(_NODE_RADIUS, 0))
        if self._relu:
            outputs = self._relu_band(painter, layout.relu_x, outputs)
        painter.setPen(QPen(_PIXEL_COLOUR, 2, Qt.PenStyle.DashLine))
        for b in outputs:
            painter.drawLine(b + QPointF(_NODE_RADIUS, 0), out_pixel)
        for key, text, font, rect, flags in layout.texts:
            painter.setPen(QColor(ACCENT) if key == "shared" else QColor("#212529"))
            painter.setFont(font)
            self.painted.draw(painter, rect, flags, text)

    @staticmethod
    def _volume(painter: QPainter, front: QRectF, colour: QColor) -> QRectF:
        """A box (thickness = channels) with one pixel's channels highlighted; returns that pixel's rect."""
        skew = front.height() * 0.3
        up = QPointF(skew, -skew)
        painter.setPen(QPen(colour.darker(150), 1.5))
        painter.setBrush(colour.lighter(135))
        painter.drawPolygon([front.topLeft(), front.topRight(), front.topRight() + up, front.topLeft() + up])
        painter.setBrush(colour.darker(115))
        painter.drawPolygon([front.topRight(), front.bottomRight(), front.bottomRight() + up,
                             front.topRight() + up])
        painter.setBrush(colour)
        painter.drawRect(front)
        pixel = QRectF(front.left(), front.top() + front.height() * 0.45, front.width(),
                       front.height() * 0.08)
        painter.setPen(QPen(_PIXEL_COLOUR.darker(130), 1.5))
        painter.setBrush(_PIXEL_COLOUR)
        painter.drawRect(pixel)
        return pixel

    def _nodes(self, painter: QPainter, x: float, centre: float, spread: float, count: int,
               colour: QColor) -> list[QPointF]:
        """A column of up to ``_NODES_SHOWN`` nodes ``spread`` apart at most, around ``centre``, with a gap
        marked "⋮" when there are more channels."""
        shown = min(count, _NODES_SHOWN)
        step = spread / max(_NODES_SHOWN - 1, 1)
        first = centre - step * (shown - 1) / 2
        points = [QPointF(x, first + i * step) for i in range(shown)]
        painter.setPen(QPen(colour.darker(150), 1.5))
        painter.setBrush(colour)
        for i, point in enumerate(points):
            if count > shown and i == shown - 2:  # "⋮" drawn as three dots: a glyph's line box is taller than a step
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#212529"))
                for dy in (-1, 0, 1):
                    painter.drawEllipse(QPointF(x, point.y() + dy * min(step / 3, 6.0)), 2.2, 2.2)
                painter.setPen(QPen(colour.darker(150), 1.5))
                painter.setBrush(colour)
                continue
            painter.drawEllipse(point, _NODE_RADIUS, _NODE_RADIUS)
        return [p for i, p in enumerate(points) if not (count > shown and i == shown - 2)]

    @staticmethod
    def _relu_band(painter: QPainter, x: float, outputs: list[QPointF]) -> list[QPointF]:
        """A ReLU on each output value (one band across the column); returns where the values leave it."""
        band = QRectF(x - 40, outputs[0].y() - _RELU_BELOW, 80, outputs[-1].y() - outputs[0].y() + 2 * _RELU_BELOW)
        leaving = [QPointF(band.right() - _NODE_RADIUS, p.y()) for p in outputs]
        painter.setPen(QPen(_RELU_COLOUR, 1.5))
        for point in outputs:
            painter.drawLine(point + QPointF(_NODE_RADIUS, 0), QPointF(band.left(), point.y()))
        painter.setPen(QPen(_RELU_COLOUR, 3))
        painter.setBrush(QColor("#fff0f6"))
        painter.drawRoundedRect(band, 10, 10)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for point in outputs:
            curve = QPainterPath(QPointF(band.left() + 14, point.y() + 8))
            curve.lineTo(QPointF(band.center().x(), point.y() + 8))
            curve.lineTo(QPointF(band.right() - 14, point.y() - 10))
            painter.drawPath(curve)
        return leaving


class PointwiseExample(LanguageAware, QFrame):
    """GoogLeNet's own 1×1 bottleneck on the user's latest image (a shipped photo before any): the maps it
    gets, the maps it gives, and one pixel's weighted sum worked out beside the convolution's value.

    ``images.source`` gives the user's latest image; the example is asked for when the panel is on screen and
    that image has changed (``refresh``).
    """

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images = ImageDemo(bridge.client(self), lambda path, pixels, name: ev.ExplainPointwise(
            path=path, pixels=pixels, name=name), ev.PointwiseExampleReady, self._on_example_ready, self._on_problem)
        self._event: ev.PointwiseExampleReady | None = None
        self._problem = ""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = text_label(self, 1.3, bold=True)
        self.input_caption, self.output_caption = text_label(self, 1.1), text_label(self, 1.1)
        self.input_grid, self.output_grid = MapGrid(self), MapGrid(self)
        self.arrow = text_label(self, 1.2, bold=True)
        self.arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.check = text_label(self, 1.2)
        self.status = text_label(self, 1.1)
        row = QHBoxLayout()  # the maps in, the convolution, the maps out; the worked pixel beside them
        for caption, grid in ((self.input_caption, self.input_grid), (None, self.arrow),
                              (self.output_caption, self.output_grid)):
            column = QVBoxLayout()
            if caption is not None:
                column.addWidget(caption)
            column.addWidget(grid, 1)
            row.addLayout(column, 0 if caption is None else 3)
        texts = QVBoxLayout()
        texts.addWidget(self.check)
        texts.addWidget(self.status)
        texts.addStretch(1)
        row.addLayout(texts, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(row, 1)
        self.setMinimumHeight(300)
        self.retranslate()

    def refresh(self) -> None:
        """Ask for the example on the user's latest image, if the panel is on screen and it has changed."""
        if self.images.refresh(self.isVisible()):
            self._problem = ""
            self._show_status()

    def example(self) -> ev.PointwiseExampleReady | None:
        """The example on screen (None before the first)."""
        return self._event

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def _on_example_ready(self, event: ev.PointwiseExampleReady) -> None:
        self._event, self._problem = event, ""
        self.input_grid.set_maps(event.inputs, per_channel=True)
        self.output_grid.set_maps(event.outputs, per_channel=True)
        self.output_grid.mark(event.channel)
        self._show_texts()

    def _on_problem(self, message: str) -> None:
        self._problem = message
        self._show_status()

    def retranslate(self) -> None:
        self._show_texts()

    def _show_texts(self) -> None:
        e = self._event
        if e is None:
            self.title.setText(self.tr("Live: GoogLeNet's own 1×1 convolution on an image"))
            self._show_status()
            return
        c_in, height, width = e.inputs.shape
        c_out = len(e.outputs)
        self.title.setText(self.tr("Live: GoogLeNet's own 1×1 convolution ({layer}) on “{name}”").format(
            layer=e.layer, name=e.name))
        self.input_caption.setText(self.tr("What it gets: {c}×{h}×{w} maps").format(c=c_in, h=height, w=width))
        self.output_caption.setText(self.tr("What it gives: {c}×{h}×{w} maps (outlined: channel {k})").format(
            c=c_out, h=height, w=width, k=e.channel + 1))
        self.arrow.setText(self.tr("1×1 convolution\n{out} filters of 1×1×{c}\n+ batch norm + ReLU\n⟶").format(
            out=c_out, c=c_in))
        self.check.setText(self.tr(
            "Channel {k}, pixel (row {row}, column {column}): that pixel's {c} input values weighted by the "
            "filter's {c} weights add up to {sum}; the convolution gave {conv} there. After batch norm and ReLU: "
            "{out}. The ReLU set {zeroed} of the {total} outputs to 0.").format(
                k=e.channel + 1, row=e.row + 1, column=e.column + 1, c=c_in, sum=_value(e.weighted_sum),
                conv=_value(e.conv_value), out=_value(e.output_value), zeroed=f"{e.zeroed:.0%}",
                total=exact(e.outputs.size)))
        self._show_status()

    def _show_status(self) -> None:
        e = self._event
        if self._problem:
            text, style = localized(self._problem), ERROR_STYLE
        elif e is None or self.images.pending:
            text, style = self.tr("Running GoogLeNet on the image…"), NOTICE_STYLE
        elif e.weights.kind == "random":
            text, style = self.tr(
                "GoogLeNet has random weights here: its ImageNet weights are not in the torch cache (the "
                "Inception section's Feature maps tab can download them). The arithmetic is the same; the maps "
                "show less of the image."), NOTICE_STYLE
        else:
            text, style = self.tr("GoogLeNet with its trained weights ({detail}).").format(
                detail=e.weights.detail), GOOD_STYLE
        self.status.setText(text)
        self.status.setStyleSheet(style)


def _value(number: float) -> str:
    return f"{number:.4g}"


class NinView(LanguageAware, QWidget):
    """The Network-in-Network page: the 1×1 convolution as a per-pixel fully connected layer, then GoogLeNet's
    own 1×1 convolution on the current image."""

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = PageHeader(self)
        self.size_label, self.size_spin = self._number(512, 28)
        self.in_label, self.in_spin = self._number(4096, 192)
        self.out_label, self.out_spin = self._number(4096, 32)
        self.relu_check = QCheckBox(self)
        self.relu_check.setFont(scaled_font(self, 1.3))
        self.relu_check.setChecked(True)
        self.relu_check.toggled.connect(self._on_value_changed)
        # The inputs in a row, or one under another when the row does not fit (200 % zoom, a narrow window).
        self.controls = controls = ReflowLayout()
        for label, spin in ((self.size_label, self.size_spin), (self.in_label, self.in_spin),
                            (self.out_label, self.out_spin)):
            pair = QWidget(self)
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 16, 0)
            pair_layout.addWidget(label)
            pair_layout.addWidget(spin)
            pair_layout.addStretch(1)
            controls.add(pair, 0, 0)
        controls.add(self.relu_check, 0, 1)

        self.sketch = _PointwiseSketch(self)
        self.cost_title = text_label(self, 1.4, bold=True)
        self.cost_formula = text_label(self, 1.6)
        self.cost_total = text_label(self, 2.2, bold=True)
        self.per_pixel = text_label(self, 1.3)
        self.params_title = text_label(self, 1.4, bold=True)
        self.params_formula = text_label(self, 1.6)
        self.params_note = text_label(self, 1.3)
        self.relu_note = text_label(self, 1.3)
        self.figures = figures = ReflowLayout()  # side by side, or one under another when they would be squeezed
        figures.add(self._panel(self.cost_title, self.cost_formula, self.cost_total, self.per_pixel), _PANEL_WIDTH)
        figures.add(self._panel(self.params_title, self.params_formula, self.params_note), _PANEL_WIDTH)
        figures.add(self._panel(self.relu_note), _PANEL_WIDTH)
        self.live = PointwiseExample(bridge, self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(controls)
        layout.addWidget(self.sketch, 1)
        layout.addLayout(figures)
        layout.addWidget(self.live, 1)
        for spin in (self.size_spin, self.in_spin, self.out_spin):
            spin.valueChanged.connect(self._on_value_changed)
        self.retranslate()

    # ------------------------------------------------------------ inputs

    def stage(self) -> ConvStage:
        """The 1×1 convolution on screen."""
        size = self.size_spin.value()
        return conv_stage(size, size, self.in_spin.value(), self.out_spin.value(), 1)

    # ------------------------------------------------------------ events

    def _on_value_changed(self, *_) -> None:
        self._show()

    def retranslate(self) -> None:
        self.header.set_texts(
            self.tr("Network in Network: the 1×1 convolution"),
            self.tr("Q. A 1×1 filter sees a single pixel. What is it good for? "
                    "It changes the number of channels and, with a ReLU, adds a non-linearity."))
        self.size_label.setText(self.tr("Height and width"))
        self.in_label.setText(self.tr("Input channels"))
        self.out_label.setText(self.tr("Output channels"))
        self.relu_check.setText(self.tr("ReLU after the 1×1 convolution"))
        self.cost_title.setText(self.tr("Cost"))
        self.params_title.setText(self.tr("Parameters"))
        self._show()

    # ------------------------------------------------------------ drawing

    def _number(self, maximum: int, value: int) -> tuple[QLabel, QSpinBox]:
        label = QLabel(self)
        label.setFont(scaled_font(self, 1.3))
        spin = QSpinBox(self)
        spin.setRange(1, maximum)
        spin.setValue(value)
        spin.setGroupSeparatorShown(True)
        spin.setFont(scaled_font(self, 1.5, bold=True))
        spin.setMinimumWidth(120)
        return label, spin

    def _panel(self, *labels: QLabel) -> QFrame:
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        for label in labels:
            layout.addWidget(label)
        layout.addStretch(1)
        return frame

    def _show(self) -> None:
        s = self.stage()
        relu = self.relu_check.isChecked()
        pixels = s.out_height * s.out_width
        volume = "{0}×{1}×{2}"
        self.sketch.set_state(s, relu, {
            "input": volume.format(s.in_height, s.in_width, s.in_channels),
            "output": volume.format(s.out_height, s.out_width, s.out_channels),
            "layer": self.tr("One fully connected layer: {0} → {1}").format(exact(s.in_channels),
                                                                             exact(s.out_channels)),
            "shared": self.tr("The same weights at each of the {0}×{1} = {2} pixels").format(
                s.out_height, s.out_width, exact(pixels)),
            "relu": "ReLU",
        })
        self.cost_formula.setText(f"{s.macs_formula()} = {exact(s.macs)}")
        self.cost_total.setText(self.tr("≈ {0} multiply-adds").format(rounded(s.macs)))
        self.per_pixel.setText(self.tr("= {0} pixels × ({1} × {2}) multiply-adds per pixel").format(
            exact(pixels), exact(s.in_channels), exact(s.out_channels)))
        self.params_formula.setText(f"{s.params_formula()} = {exact(s.params)}")
        self.params_note.setText(self.tr("{0} weights and {1} biases, shared by every pixel").format(
            exact(s.weights), exact(s.biases)))
        if relu:
            self.relu_note.setText(self.tr(
                "With the ReLU, each pixel's channels go through a small neural layer with a non-linearity: "
                "a network inside the network. It adds no parameters, only {0} comparisons.").format(
                    exact(s.outputs)))
        else:
            self.relu_note.setText(self.tr(
                "Without an activation the 1×1 convolution is linear: each output channel is a weighted sum "
                "of the input channels at the same pixel, and two in a row are still one linear map."))
