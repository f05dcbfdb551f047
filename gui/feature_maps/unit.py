"""How one unit of a feature map is computed: the input window, the filter, their products and the sums.

Shows a ``UnitExplained`` answer's ``UnitComputation`` (``engine.inspection.units``): for every input
channel the filter reads (the three that contribute most, when there are more), the window of the input,
the filter's weights and their element-wise products, each as a small grid (with its numbers when the
grid is small enough to read, LeNet-5's 5×5); then the sum over all channels, plus the bias, and the
rows applied after the convolution (batch norm, activation) down to the value in the feature map. Arrow
buttons step the unit across the map: the window slides by the stride.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from engine.runtime import events as ev
from gui.widgets.painted_text import PaintedTexts
from gui.widgets.text import ACCENT, LanguageAware, scaled_font, text_label

__all__ = ["UnitComputationView", "shown_channels"]

_DETAILED = 3  # input channels drawn one by one; more are summarised
_NUMBERS_UP_TO = 7  # kernel side up to which every cell gets its number
_INK = QColor("#212529")


def shown_channels(channel_sums: np.ndarray) -> list[int]:
    """The input channels drawn in detail: all of them up to three, else the three largest contributions."""
    if len(channel_sums) <= _DETAILED:
        return list(range(len(channel_sums)))
    return sorted(np.argsort(-np.abs(channel_sums))[:_DETAILED].tolist())


def _number(value: float) -> str:
    return f"{value:.3g}" if abs(value) >= 1e-3 or value == 0 else f"{value:.1e}"


class _Arithmetic(QWidget):
    """Rows of ``window × filter = products → sum``, one per channel shown, as coloured grids."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._work: ev.UnitComputation | None = None
        self.painted = PaintedTexts()
        self._channels: list[int] = []
        self._labels = ("", "", "")
        self._cells: list[tuple[QRectF, int, int, int]] = []
        self._channel_painted = 0  # where each drawn cell is: (rect, channel, i, j)
        self.cell_text = lambda channel, i, j: ""  # the hover text of a cell, set by the view (translated)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    def set_work(self, work: ev.UnitComputation | None, labels: tuple[str, str, str]) -> None:
        self._work, self._labels = work, labels
        self._channels = [] if work is None else shown_channels(work.channel_sums)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 320)

    def paintEvent(self, event) -> None:  # noqa: ARG002 - Qt's signature
        self._cells = []
        self.painted.clear()
        if self._work is None:
            return
        work, painter = self._work, QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height()
        rows = len(self._channels)
        kh, kw = work.kernel
        label_width = metrics.horizontalAdvance("C 000") + 8
        sign_width = metrics.horizontalAdvance(" = ") + 6
        sum_width = metrics.horizontalAdvance("Σ -0.000e-00") + 8
        usable_w = self.width() - label_width - 3 * sign_width - sum_width
        usable_h = self.height() - line * (rows + 1)
        cell = max(2.0, min(usable_w / (3 * kw), usable_h / max(rows * kh, 1), 64.0))
        top = line + 2
        painter.setPen(_INK)
        for column, text in enumerate(self._labels):
            x = label_width + column * (kw * cell + sign_width)
            self.painted.draw(painter, QRectF(x, 0, kw * cell + sign_width, line), Qt.AlignmentFlag.AlignLeft, text)
        scales = [float(np.abs(array).max()) or 1.0 for array in (work.patch, work.weights, work.products)]
        for channel in self._channels:
            painter.setPen(_INK)
            self.painted.draw(painter, QRectF(0, top, label_width, kh * cell), Qt.AlignmentFlag.AlignVCenter,
                              f"C{channel}")
            x = label_width
            self._channel_painted = channel
            for index, array in enumerate((work.patch, work.weights, work.products)):
                self._grid(painter, array[channel], x, top, cell, scales[index], work, index == 0)
                x += kw * cell
                sign = ("×", "=", "→")[index]
                painter.setPen(_INK)
                self.painted.draw(painter, QRectF(x, top, sign_width, kh * cell), Qt.AlignmentFlag.AlignCenter, sign)
                x += sign_width
            self.painted.draw(painter, QRectF(x, top, sum_width, kh * cell), Qt.AlignmentFlag.AlignVCenter,
                              "Σ " + _number(float(work.channel_sums[channel])))
            top += kh * cell + line
        painter.end()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            point = event.pos()
            cell = next((c for c in self._cells if c[0].contains(point.x(), point.y())), None)
            if cell is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.cell_text(*cell[1:]), self)
            return True
        return super().event(event)

    def _grid(self, painter: QPainter, values: np.ndarray, left: float, top: float, cell: float, scale: float,
              work: ev.UnitComputation, is_patch: bool) -> None:
        kh, kw = values.shape
        font = scaled_font(self, 0.8)
        painter.setFont(font)
        numbers = kh <= _NUMBERS_UP_TO and cell >= painter.fontMetrics().horizontalAdvance("-0.00") + 4
        for i in range(kh):
            for j in range(kw):
                value = float(values[i, j])
                share = max(-1.0, min(1.0, value / scale))
                # Diverging: red for positive, blue for negative, white for zero (a projector keeps the sign).
                colour = QColor(255, int(255 * (1 - share)), int(255 * (1 - share))) if share >= 0 else QColor(
                    int(255 * (1 + share)), int(255 * (1 + share)), 255)
                rect = QRectF(left + j * cell, top + i * cell, cell, cell)
                self._cells.append((rect, self._channel_painted, i, j))
                padding = is_patch and not work.inside[i, j]
                painter.fillRect(rect, QColor("#dee2e6") if padding else colour)
                if numbers:
                    painter.setPen(_INK)
                    self.painted.draw(painter, rect, Qt.AlignmentFlag.AlignCenter, f"{value:.2f}")
        painter.setPen(QPen(_INK, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(left, top, kw * cell, kh * cell))
        painter.setFont(self.font())


class UnitComputationView(LanguageAware, QWidget):
    """One convolution unit worked out; ``step_requested(dy, dx)`` asks to move the unit by one position."""

    step_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event: ev.UnitExplained | None = None
        self.title = text_label(self, 1.1, bold=True)
        self.arithmetic = _Arithmetic(self)
        self.arithmetic.setFont(scaled_font(self, 1.0))
        self.arithmetic.cell_text = self._cell_text
        self.summary = text_label(self, 1.05)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.step_label = QLabel(self)
        self.step_buttons = {}
        steps = QHBoxLayout()
        steps.addWidget(self.step_label)
        for key, (dy, dx) in {"←": (0, -1), "→": (0, 1), "↑": (-1, 0), "↓": (1, 0)}.items():
            button = QPushButton(key, self)
            button.setFont(scaled_font(self, 1.2, bold=True))
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("←") * 3)
            button.clicked.connect(lambda _checked=False, dy=dy, dx=dx: self.step_requested.emit(dy, dx))
            self.step_buttons[key] = button
            steps.addWidget(button)
        steps.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(steps)
        layout.addWidget(self.arithmetic, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def set_explanation(self, event: ev.UnitExplained | None) -> None:
        """Show ``event``'s unit (None: the hint to click one)."""
        self._event = event
        self._show()

    def shown_sum(self) -> float | None:
        """The total (sum of products plus bias) on screen, None when no unit is worked out."""
        work = None if self._event is None else self._event.computation
        return None if work is None else work.total

    def retranslate(self) -> None:
        self.step_label.setText(self.tr("Step the unit:"))
        self._show()

    def _show(self) -> None:
        event = self._event
        work = None if event is None else event.computation
        for button in self.step_buttons.values():
            button.setEnabled(event is not None)
        if event is None:
            self.title.setText(self.tr("Click a pixel of a feature map to see what that unit sees and how it is "
                                       "computed."))
            self.arithmetic.set_work(None, ("", "", ""))
            self.summary.setText("")
            return
        where = f"({event.channel}, {event.y}, {event.x})"
        if work is None:
            self.title.setText(self.tr("Unit {unit} of {layer} = {value}").format(
                unit=where, layer=event.layer_name, value=_number(event.value)))
            self.arithmetic.set_work(None, ("", "", ""))
            self.summary.setText(self.tr("Only a convolution's units (and the norms and activations right after "
                                         "one) are worked out here; pick a convolution layer."))
            return
        kh, kw = work.kernel
        self.title.setText(self.tr("How unit {unit} of {layer} is computed: a {size} window of {channels} "
                                   "input channels, stride {stride}, padding {padding}").format(
            unit=where, layer=event.layer_name, size=f"{kh}×{kw}", channels=work.in_channels,
            stride=work.stride[0], padding=work.padding[0]))
        self.arithmetic.set_work(work, (self.tr("input window"), self.tr("filter weights"), self.tr("products")))
        self.summary.setText(self._summary_text(event, work))

    def _cell_text(self, channel: int, i: int, j: int) -> str:
        """Hover text of a window cell: the input value, the weight and their product, in full."""
        work = None if self._event is None else self._event.computation
        if work is None:
            return ""
        return self.tr("Channel {channel}, row {i}, column {j}: input {value} × weight {weight} = {product}").format(
            channel=channel, i=i, j=j, value=f"{work.patch[channel, i, j]:.6g}",
            weight=f"{work.weights[channel, i, j]:.6g}", product=f"{work.products[channel, i, j]:.6g}")

    def _summary_text(self, event: ev.UnitExplained, work: ev.UnitComputation) -> str:
        shown = shown_channels(work.channel_sums)
        parts = []
        if len(shown) < work.in_channels:
            rest = float(np.sum(work.channel_sums)) - float(np.sum(work.channel_sums[shown]))
            parts.append(self.tr("The other {count} channels add {sum}.").format(
                count=work.in_channels - len(shown), sum=_number(rest)))
        parts.append(self.tr("Sum of all {count} products {sum} + bias {bias} = <b>{total}</b> (the network: "
                             "{network}).").format(
            count=work.patch.size, sum=_number(work.total - work.bias), bias=_number(work.bias),
            total=f"{work.total:.6g}", network=f"{work.conv_value:.6g}"))
        for name, op, value in work.after:
            parts.append(self.tr("{op} ({name}) → <b>{value}</b>").format(op=op, name=name, value=f"{value:.6g}"))
        parts.append(self.tr("Value in the feature map: <span style='color:{colour}'><b>{value}</b></span>").format(
            colour=ACCENT, value=f"{event.value:.6g}"))
        if not work.inside.all():
            parts.append(self.tr("Grey cells lie in the zero padding outside the map."))
        if max(work.kernel) > _NUMBERS_UP_TO or len(shown) < work.in_channels:
            parts.append(self.tr("Point at a cell to read its numbers."))
        return "<br>".join(parts)
