"""The Inception explorer: one GoogLeNet module, naive or with 1×1 reductions, branch by branch.

Each branch's output channels, the concatenated shape, and cost and parameters per branch and in total,
as measured by ``engine.inspection.cost.inception_breakdowns`` on the engine thread. The view is passive: it asks
with ``breakdowns_wanted`` and shows what :meth:`InceptionView.set_breakdowns` gives it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.inspection.cost import format_ratio
from engine.text.numbers import exact, rounded
from gui.widgets.painted_text import PaintedTexts
from gui.widgets.plots import CONV_COLOUR, DIRECT_COLOUR, REDUCE_COLOUR, CountAxis, style_axes
from gui.widgets.reflow import ReflowLayout
from gui.widgets.text import ACCENT, LanguageAware, PageHeader, scaled_font

__all__ = ["InceptionView"]

_KERNEL_COLOURS = {1: REDUCE_COLOUR, 3: CONV_COLOUR, 5: DIRECT_COLOUR}
_POOL_COLOUR = "#868e96"
_NAIVE_COLOUR = "#adb5bd"
_SELECTED_BACKGROUND = QColor("#fff3bf")
# The module drawing: a box's text keeps _PAD pixels from its sides and _VPAD from top and bottom; lanes keep at
# least _LANE_GAP between their boxes; the rows keep _MIN_GAPS between them (the arrows' heads need 22 px) and
# share any slack in the paper figure's proportions.
_PAD, _VPAD, _LANE_GAP, _MARGIN = 6, 4, 6, 6
_MIN_GAPS = (6, 22, 22, 22)  # concatenation - cost label - upper box - lower box - previous layer
_GAP_SHARES = (5, 13, 9, 11)
_MIN_WIDTH, _MIN_HEIGHT = 560, 420
_FIGURES_WIDTH = 600  # pixels at 100 %: the table of branches with its layers and figures whole, beside the drawing


def _shape(shape: tuple[int, int, int]) -> str:
    c, h, w = shape
    return f"{h}×{w}×{c}"


class _ModuleSketch(QWidget):
    """The module as in the paper's figure 2: previous layer, four branches, concatenation.

    ``on_branch_clicked`` is called with the branch index (0-3) a click lands in.
    """

    def __init__(self, on_branch_clicked, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_branch_clicked = on_branch_clicked
        self.painted = PaintedTexts()
        self._breakdown = None
        self._design = None
        self._selected: int | None = None
        self._texts: dict[str, str] = {}

    def set_state(self, breakdown, design, selected: int | None, texts: dict[str, str]) -> None:
        self._breakdown, self._design, self._selected, self._texts = breakdown, design, selected, texts
        self.updateGeometry()  # the texts set the room the boxes need
        self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The narrowest drawing whose lanes still hold their longest word (box texts wrap at words, the text
        never shrinks below the zoom), and the height its wrapped boxes then need. A width from each box's
        unwrapped text (0.84 of a quarter) asked 1490 px at 200 % and made the page scroll sideways."""
        lane = max([self._word_width(self._box_font(), text) for text in self._lane_texts()]
                   + [0]) + 2 * _PAD + _LANE_GAP
        label = max([QFontMetrics(self._label_font()).horizontalAdvance(text) for text in self._labels()]
                    + [0]) + 4
        wide = max([self._word_width(self._box_font(), text) for text in self._wide_texts()] + [0]) + 2 * _PAD
        width = max(_MIN_WIDTH, 4 * max(lane, label), round(wide / 0.8) + 1)
        return QSize(width, max(_MIN_HEIGHT, self._needed_height(width)))

    # ---- the layout, from the font's metrics: boxes as tall as their wrapped texts, the slack in the gaps

    def _box_font(self):
        return scaled_font(self, 1.15, bold=True)

    def _label_font(self):
        return scaled_font(self, 1.25, bold=True)

    def _lane_texts(self) -> list[str]:
        """Every text a branch's box may show: its two lines (the title wraps at words, the channels never)."""
        conv, pool = self._texts.get("conv", "{0}×{0} conv"), self._texts.get("pool", "{0}×{0} max pool")
        texts = [conv.format(5), pool.format(3)]
        if self._design is not None:
            for branch in self._design.branches:
                for step in branch.steps:
                    texts += [(pool if step.op == "pool" else conv).format(step.kernel), exact(step.out_channels)]
        return texts

    def _wide_texts(self) -> list[str]:
        texts = [self._texts.get("concat", ""), self._texts.get("previous", ""), "28×28×192"]
        if self._design is not None:
            texts += [_shape(self._design.output_shape), _shape(self._breakdown.input_shape)]
        return texts

    def _labels(self) -> list[str]:
        return [rounded(branch.macs) for branch in self._design.branches] if self._design is not None else []

    @staticmethod
    def _word_width(font, text: str) -> int:
        metrics = QFontMetrics(font)
        return max((metrics.horizontalAdvance(word) for word in text.split()), default=0)

    @staticmethod
    def _text_height(font, width: float, text: str) -> int:
        """The height ``text`` takes wrapped at words in ``width`` pixels."""
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(0, 0, max(1, int(width)), 100000, flags, text).height()

    def _lane_box_width(self, width: float) -> float:
        """0.84 of a lane while every box text fits it on one line; else the lane less a narrow gap."""
        column = width / 4
        metrics = QFontMetrics(self._box_font())
        widest = max((metrics.horizontalAdvance(text) for text in self._lane_texts()), default=0) + 2 * _PAD
        return min(column - _LANE_GAP, max(column * 0.84, widest))

    def _heights(self, width: float) -> tuple[float, float, float]:
        """Heights of a wide box (concatenation, previous layer), a branch box and a cost label at ``width``."""
        font = self._box_font()
        lane = self._lane_box_width(width) - 2 * _PAD
        wide = max((self._text_height(font, width * 0.8 - 2 * _PAD, text) for text in self._wide_texts()[:2]),
                   default=0)
        detail = QFontMetrics(font).height()
        branch = max((self._text_height(font, lane, text) for text in self._lane_texts()[:2]
                      + [t for t in self._lane_texts()[2::2]]), default=0)
        return wide + detail + 2 * _VPAD, branch + detail + 2 * _VPAD, QFontMetrics(self._label_font()).height()

    def _needed_height(self, width: float) -> int:
        wide, branch, label = self._heights(width)
        return round(2 * _MARGIN + 2 * wide + 2 * branch + label + sum(_MIN_GAPS))

    def _rows(self, width: float, height: float) -> dict[str, tuple[float, float]]:
        """(top, height) of each row: concatenation, cost labels, upper and lower branch boxes, previous layer.
        The boxes keep the paper figure's proportions where the height allows and their texts' height always;
        the slack goes to the gaps in the figure's proportions."""
        wide, branch, label = self._heights(width)
        if 2 * _MARGIN + 2 * max(wide, height * 0.11) + 2 * max(branch, height * 0.13) + label \
                + sum(_MIN_GAPS) <= height:
            wide, branch = max(wide, height * 0.11), max(branch, height * 0.13)
        slack = max(0.0, height - (2 * _MARGIN + 2 * wide + 2 * branch + label + sum(_MIN_GAPS)))
        gaps = [low + slack * share / sum(_GAP_SHARES) for low, share in zip(_MIN_GAPS, _GAP_SHARES, strict=True)]
        rows, y = {}, _MARGIN
        for name, size, gap in zip(("concat", "label", "upper", "lower", "previous"),
                                   (wide, label, branch, branch, wide), (*gaps, 0), strict=True):
            rows[name] = (y, size)
            y += size + gap
        return rows

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:  # the app's zoom
            self.updateGeometry()
        super().changeEvent(event)

    def mousePressEvent(self, event) -> None:
        if self._design is not None:
            column = int(event.position().x() // (self.width() / 4))
            self._on_branch_clicked(min(max(column, 0), 3))
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: ARG002 - Qt's signature
        self.painted.clear()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if self._design is not None:
            self._draw(painter)
        painter.end()

    def _draw(self, painter: QPainter) -> None:
        w, h = self.width(), self.height()
        column = w / 4
        rows = self._rows(w, h)
        box_width = self._lane_box_width(w)
        concat = self._box(painter, QRectF(w * 0.1, *self._span(rows["concat"], w)), "#495057",
                           self._texts["concat"], _shape(self._design.output_shape))
        previous = self._box(painter, QRectF(w * 0.1, *self._span(rows["previous"], w)), "#495057",
                             self._texts["previous"], _shape(self._breakdown.input_shape))
        for index, branch in enumerate(self._design.branches):
            x = column * (index + 0.5)
            if index == self._selected:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(_SELECTED_BACKGROUND)
                top = concat.bottom() + 4
                painter.drawRoundedRect(QRectF(column * index + 2, top, column - 4, previous.top() - 4 - top), 10, 10)
            slots = [rows["lower"], rows["upper"]] if len(branch.steps) == 2 else [rows["upper"]]
            below = QPointF(x, previous.top())
            for step, (y, box_height) in zip(branch.steps, slots, strict=True):
                box = QRectF(x - box_width / 2, y, box_width, box_height)
                colour = _POOL_COLOUR if step.op == "pool" else _KERNEL_COLOURS.get(step.kernel, CONV_COLOUR)
                template = self._texts["pool"] if step.op == "pool" else self._texts["conv"]
                self._arrow(painter, below, QPointF(x, box.bottom()))
                self._box(painter, box, colour, template.format(step.kernel), exact(step.out_channels))
                below = QPointF(x, box.top())
            self._arrow(painter, below, QPointF(x, concat.bottom()))
            painter.setPen(QColor("#212529"))
            painter.setFont(self._label_font())
            top, height = rows["label"]
            self.painted.draw(painter, QRectF(x - column / 2, top, column, height),
                              Qt.AlignmentFlag.AlignCenter, rounded(branch.macs))

    @staticmethod
    def _span(row: tuple[float, float], width: float) -> tuple[float, float, float]:
        return row[0], width * 0.8, row[1]

    def _box(self, painter: QPainter, rect: QRectF, colour: str, title: str, detail: str) -> QRectF:
        painter.setPen(QPen(QColor(colour).darker(140), 1.5))
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor("white"))
        painter.setFont(self._box_font())
        # The title wraps at words inside the box; its detail (a shape, a channel count) keeps one line.
        inner = rect.adjusted(_PAD, _VPAD, -_PAD, -_VPAD)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        self.painted.draw(painter, inner, flags, f"{title}\n{detail}")
        return rect

    @staticmethod
    def _arrow(painter: QPainter, start: QPointF, end: QPointF) -> None:
        painter.setPen(QPen(QColor("#495057"), 2))
        painter.drawLine(start, end + QPointF(0, 8))
        painter.setBrush(QColor("#495057"))
        painter.drawPolygon([end, end + QPointF(-6, 10), end + QPointF(6, 10)])


class _BranchTable(QTableWidget):
    """The branches' table. Its least width keeps every column but the layers' whole, and the layers' as wide as
    its heading: the layers wrap at words there (the rows grow), a word wider than that is elided rather than
    making the page scroll sideways.

    When the layers' column would be narrower than its widest word (the total's "concatenated:", 355 px at
    250 %, had 248 px on 1920×1080 and was elided), the headings break at their spaces, one word a line
    ("Output channels" was the widest column): the figures' columns narrow to their numbers and the word fits.
    """

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self._headings: list[str] = []

    def set_headings(self, headings: list[str]) -> None:
        """The columns' headings, each on one line when the table's width allows (see the class)."""
        self._headings = list(headings)
        self.setHorizontalHeaderLabels(self._headings)
        self.fit_headings()

    def _heading_font_metrics(self) -> QFontMetrics:
        return QFontMetrics(self.horizontalHeader().font())

    def _one_line_heading(self, column: int) -> int:
        """The width column ``column``'s heading asks on one line (its padding: what the header adds now)."""
        metrics = self._heading_font_metrics()
        shown = self.horizontalHeaderItem(column)
        lines = shown.text().split("\n") if shown is not None else [""]
        padding = self.horizontalHeader().sectionSizeHint(column) - max(metrics.horizontalAdvance(t) for t in lines)
        return metrics.horizontalAdvance(self._headings[column]) + padding

    def _widest_layers_word(self) -> int:
        widest = 0
        for row in range(self.rowCount()):
            item = self.item(row, 1)
            if item is None:
                continue
            font = self.font()
            font.setBold(item.font().bold())
            metrics = QFontMetrics(font)
            widest = max([widest] + [metrics.horizontalAdvance(word) for word in item.text().split()])
        return widest + 2 * (self.style().pixelMetric(self.style().PixelMetric.PM_FocusFrameHMargin, None, self) + 1)

    def fit_headings(self) -> None:
        """One line a heading when the layers' widest word then fits beside the other columns, else a word a line."""
        if len(self._headings) != self.columnCount():
            return
        others = sum(max(self._one_line_heading(c), self.sizeHintForColumn(c))
                     for c in range(self.columnCount()) if c != 1)
        room = self.width() - 2 * self.frameWidth()
        split = others + self._widest_layers_word() > room
        wanted = ["\n".join(text.split(" ")) if split else text for text in self._headings]
        if [self.horizontalHeaderItem(c).text() for c in range(self.columnCount())] != wanted:
            self.setHorizontalHeaderLabels(wanted)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_headings()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        header = self.horizontalHeader()
        widths = [max(header.sectionSizeHint(c), self.sizeHintForColumn(c) if c != 1 else 0)
                  for c in range(self.columnCount())]
        return QSize(sum(widths) + 2 * self.frameWidth(), hint.height())


class _StackingReflow(ReflowLayout):
    """A ``ReflowLayout`` whose least width is that of its widest widget one under another: the figures' 600 px
    (× the zoom) decide whether they sit beside the drawing, not how narrow the page may be (1500 px at 250 %)."""

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = super().minimumSize()
        shown = self._shown()
        margins = self.contentsMargins()
        width = max((self.itemAt(i).minimumSize().width() for i in shown), default=0)
        return QSize(width + margins.left() + margins.right(), size.height())


class InceptionView(LanguageAware, QWidget):
    """GoogLeNet's Inception modules, naive or with 1×1 reductions, with the figures of every branch.

    Signals
    -------
    breakdowns_wanted
        Emitted when the view is shown without data: answer with :meth:`set_breakdowns`.
    branch_selected(str, int)
        A branch was clicked: the module (``"3a"`` ...) and the branch index (0: 1×1, 1: 3×3, 2: 5×5,
        3: pool). The breakdown's steps carry the rows of ``engine.models.analysis`` for linking to a diagram.
    """

    breakdowns_wanted = Signal()
    branch_selected = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._breakdowns: tuple = ()
        self._selected: int | None = None
        self._asked = False
        self.header = PageHeader(self)
        self.module_label = QLabel(self)
        self.module_label.setFont(scaled_font(self, 1.3))
        self.module_combo = QComboBox(self)
        self.module_combo.setFont(scaled_font(self, 1.3))
        self.module_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.module_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never cut: its own row
        self.module_combo.currentIndexChanged.connect(self._on_module_changed)
        self.reductions_check = QCheckBox(self)
        self.reductions_check.setFont(scaled_font(self, 1.3, bold=True))
        self.reductions_check.setChecked(True)
        self.reductions_check.toggled.connect(self._on_reductions_toggled)
        # The module's choice and the reductions' toggle in a row, or one under the other when the row would be
        # wider than the page (250 % on 1920×1080: 728 + 580 px).
        module_choice = QWidget(self)
        choice = QHBoxLayout(module_choice)
        choice.setContentsMargins(0, 0, 0, 0)
        choice.addWidget(self.module_label)
        choice.addWidget(self.module_combo)
        choice.addStretch(1)
        controls = ReflowLayout()
        controls.setSpacing(30)
        controls.add(module_choice, 0, 0)
        controls.add(self.reductions_check, 0, 1)

        self.sketch = _ModuleSketch(self._on_branch_clicked, self)
        self.table = _BranchTable(5, 5, self)
        self.table.setFont(scaled_font(self, 1.25))
        # The headings at the text size (not above it): at 250 % on 1920×1080 the wider ones left the layers no room.
        self.table.horizontalHeader().setFont(scaled_font(self, 1.0, bold=True))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # A narrow page (250 %) wraps the layers at their arrows rather than cutting them: rows grow to fit.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellClicked.connect(self._on_table_clicked)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.summary = QLabel(self)
        self.summary.setFont(scaled_font(self, 1.5, bold=True))
        self.summary.setWordWrap(True)
        self.change = QLabel(self)
        self.change.setFont(scaled_font(self, 1.4, bold=True))
        self.change.setStyleSheet("color: #2b8a3e;")
        self.change.setWordWrap(True)
        self.chart = pg.PlotWidget(self, background="w", axisItems={"left": CountAxis("left")})
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.setMinimumHeight(240)  # bars and a legend above them; a short window scrolls the page instead
        self.chart.hideButtons()
        self.chart.showGrid(x=False, y=True, alpha=0.3)
        style_axes(self.chart, self, 1.2, left_width=90)
        self.legend = self.chart.addLegend(offset=(-10, 10), labelTextSize="13pt", labelTextColor="k",
                                           brush=pg.mkBrush(255, 255, 255, 220), colCount=2)  # one short row
        # The bars stay under the legend: the y range keeps the legend's share of the chart's height free.
        self.chart.getPlotItem().vb.sigResized.connect(self._fit_range)
        self.naive_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=_NAIVE_COLOUR)
        self.reduced_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=CONV_COLOUR)
        self.chart.addItem(self.naive_bars)
        self.chart.addItem(self.reduced_bars)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setFont(scaled_font(self, 1.0))
        self.note.setStyleSheet("color: #495057;")

        right_side = QWidget(self)
        right = QVBoxLayout(right_side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.summary)
        right.addWidget(self.table)
        right.addWidget(self.change)
        right.addWidget(self.chart, 1)
        # The module drawing beside the figures, or above them when the two would be squeezed (150 % on a
        # 1366-pixel screen, 200 %): the drawing's boxes and the table's columns keep their texts whole.
        self.body = body = _StackingReflow()
        body.add(self.sketch, 0, 5)
        body.add(right_side, _FIGURES_WIDTH, 6)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(controls)
        layout.addLayout(body, 1)
        layout.addWidget(self.note)
        self.retranslate()

    # ------------------------------------------------------------ inputs

    def set_breakdowns(self, breakdowns) -> None:
        """Every module's ``engine.inspection.cost.InceptionBreakdown``, in GoogLeNet's order."""
        current = self.module_combo.currentData()
        self._breakdowns = tuple(breakdowns)
        self.module_combo.blockSignals(True)
        self.module_combo.clear()
        for breakdown in self._breakdowns:
            self.module_combo.addItem("", breakdown.module)
        self.module_combo.setCurrentIndex(max(self.module_combo.findData(current), 0))
        self.module_combo.blockSignals(False)
        self.retranslate()

    def select_branch(self, index: int | None) -> None:
        """Highlight branch ``index`` (0-3) of the module on screen; None clears the highlight."""
        self._selected = index
        self._show()

    def current_breakdown(self):
        """The ``InceptionBreakdown`` on screen, or None before the data arrives."""
        index = self.module_combo.currentIndex()
        return self._breakdowns[index] if 0 <= index < len(self._breakdowns) else None

    def current_design(self):
        """The design on screen: the breakdown's ``reduced`` or ``naive`` ``InceptionDesign``."""
        breakdown = self.current_breakdown()
        if breakdown is None:
            return None
        return breakdown.reduced if self.reductions_check.isChecked() else breakdown.naive

    # ------------------------------------------------------------ events

    def showEvent(self, event) -> None:
        if not self._breakdowns and not self._asked:
            self._asked = True
            self.breakdowns_wanted.emit()
        super().showEvent(event)

    def _on_module_changed(self, *_) -> None:
        self._selected = None
        self._show()

    def _on_reductions_toggled(self, *_) -> None:
        self._show()

    def _on_branch_clicked(self, index: int) -> None:
        breakdown = self.current_breakdown()
        self.select_branch(index)
        if breakdown is not None:
            self.branch_selected.emit(breakdown.module, index)

    def _fit_range(self, *_args) -> None:
        """A y range whose top leaves the legend's height (and a margin) above the tallest bar, at any size."""
        heights = [*self.naive_bars.opts["height"], *self.reduced_bars.opts["height"]]
        if not len(heights):
            return
        box = self.chart.getPlotItem().vb
        if box.height() <= 0:
            share = 0.3
        else:  # the legend's bottom, measured from the top of the plot, as a share of it
            share = min(0.6, (self.legend.boundingRect().height() + 10 + 8) / box.height())
        self.chart.setYRange(0, float(max(heights)) * 1.02 / (1 - share), padding=0)

    def _on_table_clicked(self, row: int, _column: int) -> None:
        if row < 4:
            self._on_branch_clicked(row)

    def retranslate(self) -> None:
        self.header.set_texts(
            self.tr("Inception: every filter size at once"),
            self.tr("Q. Why choose between 1×1, 3×3, 5×5 and pooling? Apply them all side by side and let "
                    "the network learn the mix. What does that cost, and how do 1×1 reductions fix it?"))
        self.module_label.setText(self.tr("Module:"))
        for index, breakdown in enumerate(self._breakdowns):
            self.module_combo.setItemText(index, self.tr("Inception {0} ({1} in)").format(
                breakdown.module, _shape(breakdown.input_shape)))
        self.reductions_check.setText(self.tr("With 1×1 reductions"))
        self.table.set_headings([
            self.tr("Branch"), self.tr("Layers"), self.tr("Output channels"), self.tr("Multiplications"),
            self.tr("Parameters")])
        self.note.setText(self.tr(
            "Channel numbers and input sizes are read from torchvision's GoogLeNet; every figure is measured "
            "by the layer analysis on modules built with the paper's 5×5 filters (torchvision's GoogLeNet "
            "uses 3×3 in that branch, a known quirk kept for its published weights). Pooling and ReLU "
            "cost no multiplications."))
        self.legend.clear()
        self.legend.addItem(self.naive_bars, self.tr("Naive"))
        self.legend.addItem(self.reduced_bars, self.tr("With 1×1 reductions"))
        self._show()

    # ------------------------------------------------------------ drawing

    def _branch_name(self, key: str) -> str:
        return self.tr("Pooling") if key == "pool" else key.replace("x", "×")

    def _layers_text(self, branch) -> str:
        parts = []
        for step in branch.steps:
            template = self.tr("{0}×{0} max pool") if step.op == "pool" else self.tr("{0}×{0} conv {1}")
            parts.append(template.format(step.kernel, exact(step.out_channels)))
        return " → ".join(parts)

    def _show(self) -> None:
        breakdown, design = self.current_breakdown(), self.current_design()
        self.sketch.set_state(breakdown, design, self._selected, {
            "previous": self.tr("Previous layer"),
            "concat": self.tr("Concatenation"),
            "conv": self.tr("{0}×{0} conv"),
            "pool": self.tr("{0}×{0} max pool"),
        })
        if design is None:
            self.summary.setText(self.tr("Measuring GoogLeNet's Inception modules…"))
            self.change.clear()
            self.table.clearContents()
            return
        for row, branch in enumerate(design.branches):
            self._fill_row(row, (self._branch_name(branch.key), self._layers_text(branch),
                                 exact(branch.out_channels), exact(branch.macs), exact(branch.params)))
        concatenated = self.tr("concatenated: {0}").format(_shape(design.output_shape))
        self._fill_row(4, (self.tr("Total"), concatenated, exact(design.output_shape[0]), exact(design.macs),
                           exact(design.params)), bold=True)
        self.table.fit_headings()  # the layers' widest word may have changed
        if self._selected is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(self._selected)
        self.summary.setText(self.tr("Output {0}: {1} multiply-adds, {2} parameters").format(
            _shape(design.output_shape), rounded(design.macs), exact(design.params)))
        naive, reduced = breakdown.naive, breakdown.reduced
        self.change.setText(self.tr(
            "1×1 reductions: {0} → {1} multiply-adds ({2} fewer), {3} → {4} parameters").format(
                rounded(naive.macs), rounded(reduced.macs),
                format_ratio(naive.macs / reduced.macs), exact(naive.params), exact(reduced.params)))
        self._fill_chart(breakdown)

    def _fill_row(self, row: int, texts: tuple[str, ...], bold: bool = False) -> None:
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)

    def _fill_chart(self, breakdown) -> None:
        positions = np.arange(4, dtype=float)
        naive = [float(b.macs) for b in breakdown.naive.branches]
        reduced = [float(b.macs) for b in breakdown.reduced.branches]
        self.naive_bars.setOpts(x=positions - 0.2, height=naive)
        self.reduced_bars.setOpts(x=positions + 0.2, height=reduced)
        highlighted = self.reductions_check.isChecked()
        self.reduced_bars.setOpts(brush=CONV_COLOUR if highlighted else _NAIVE_COLOUR)
        self.naive_bars.setOpts(brush=_NAIVE_COLOUR if highlighted else DIRECT_COLOUR)
        self.chart.getAxis("bottom").setTicks([[(i, self._branch_name(b.key))
                                                for i, b in enumerate(breakdown.naive.branches)]])
        self.chart.setXRange(-0.6, 3.6, padding=0)
        self._fit_range()
        self.chart.setTitle(self.tr("Multiplications per branch"), color=ACCENT, size="14pt")
