"""One experiment (``engine.learning.experiments``) in the window: the deck's question it answers, its curves,
its final figures and the sentence its result supports.

For each variant: the mean curve over its seeds with the spread (lowest to highest) shaded, one colour per
variant, the legend above the plot rather than on the data; the final figures per variant as a bar chart (one
figure at a time, whiskers from the lowest to the highest seed) and as a table (mean ± half the range over the
seeds); and a caption computed from the result by the experiment's own ``caption`` (an engine ``Text``, shown
in the interface language). When first shown the view reads the shipped result (``resources/experiments``,
no engine work); Run sends a ``StartExperiment`` to the engine thread and the curves grow in place
(``setData``, a few times a second) as its events arrive; Stop ends it, the partial result saved; Open…
reopens a saved result, and a file that is not one gets one sentence while the result on screen stays.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.learning.experiments.result import (
    ExperimentConfig,
    ExperimentResult,
    ExperimentRun,
    load_result,
    seed_spread,
)
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from engine.text.numbers import exact, rounded
from gui.i18n import localized
from gui.throttle import Throttle, weakly
from gui.widgets.plots import style_axes
from gui.widgets.text import ACCENT, ERROR_STYLE, NOTICE_STYLE, LanguageAware, scaled_font, text_label
from gui.widgets.zoom import app_zoom, set_fixed_width, zoom_factor

__all__ = ["ExperimentView", "VARIANT_COLOURS", "default_experiments_folder", "figure_values", "format_figure",
           "curve_scale"]

# One colour per variant, distinct on a washed-out projector and for the common colour blindnesses (Okabe-Ito).
VARIANT_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#999999")
DATA_SETS = ("digits", "cifar10")  # what a run here can train on: the embedded digits, CIFAR-10 when present
_REDRAW_MS = 250
_LINE = 3
_SPREAD_ALPHA = 55  # of 255: the shaded band behind its mean curve, light enough for the others to show through
_FRACTION_CURVES = ("train_error", "test_error", "train_accuracy", "test_accuracy")


def default_experiments_folder() -> Path:
    """Where the app saves the experiments it runs: ``experiments`` in the user's application data folder."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "experiments"


def figure_values(result: ExperimentResult, variant: str, key: str) -> np.ndarray:
    """Figure ``key`` of every run of ``variant`` (one per seed, NaN where not measured)."""
    return np.array([float(run.figures.get(key, math.nan)) for run in result.runs_of(variant)], dtype=np.float64)


# Marked here so that `python main.py translations` finds them (they are written outside the view's tr()).
_NOT_REACHED = QT_TRANSLATE_NOOP("ExperimentView", "not reached")
_SOME_SEEDS = QT_TRANSLATE_NOOP("ExperimentView", "({measured} of {seeds} seeds)")


def _translate(text: str) -> str:
    return QCoreApplication.translate("ExperimentView", text)


def _number(value: float, kind: str, like: float | None = None) -> str:
    """One value of a figure of ``kind``, without its unit; with ``like``, as many decimals as ``like`` gets."""
    if kind == "fraction":
        return f"{100 * value:.1f}"
    if kind in ("count", "steps"):
        return exact(round(value))
    if kind == "ms":
        size = abs(value if like is None else like)
        return f"{value:.2f}" if size < 10 else f"{value:.1f}" if size < 1000 else exact(round(value))
    if kind == "ratio":  # 1.38× (a small speed-up keeps its second digit), 9.7×
        return f"{value:.2f}" if abs(value if like is None else like) < 2 else f"{value:.1f}"
    return f"{value:.1f}"  # seconds


def format_figure(values: np.ndarray, kind: str) -> str:
    """A figure over the seeds as the table writes it: the mean, ± half the range when the seeds differ, and how
    many seeds measured it when not all did.

    ``kind`` is a ``FigureSpec`` kind: ``fraction`` (0.05 → ``5.0 %``), ``count`` (``61,706``), ``ms``
    (``12.3 ms``), ``ratio`` (``9.7×``), ``seconds`` (``4.2 s``) or ``steps`` (``1,234``). Not measured by any
    seed: ``—`` (a threshold never reached: "not reached").
    """
    values = np.asarray(values, dtype=np.float64)
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return _translate(_NOT_REACHED) if kind == "steps" and values.size else "—"
    mean, half = float(finite.mean()), float(finite.max() - finite.min()) / 2
    shown = _number(mean, kind)
    spread = _number(half, kind, like=mean)
    if finite.size > 1 and spread.strip("0.,") != "":
        shown += f" ± {spread}"
    unit = {"fraction": " %", "ms": " ms", "ratio": "×", "seconds": " s"}.get(kind, "")
    shown += unit
    if finite.size < values.size:
        shown += " " + _translate(_SOME_SEEDS).format(measured=finite.size, seeds=values.size)
    return shown


def curve_scale(result: ExperimentResult) -> float:
    """What the plotted curve's values are multiplied by: 100 for a fraction (shown in %), else 1."""
    base = result.y_curve.removesuffix("_smoothed")
    kinds = {figure.key: figure.kind for figure in result.figures}
    return 100.0 if kinds.get(base) == "fraction" or base in _FRACTION_CURVES else 1.0


class _ValueAxis(pg.AxisItem):
    """The bar chart's value axis: counts written the lecture's way (120.4M), other figures as numbers."""

    counts = False

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        if self.counts:
            return [rounded(int(v * scale)) if v >= 0 else "" for v in values]
        return super().tickStrings(values, scale, spacing)


class ExperimentView(LanguageAware, QWidget):
    """One experiment: its shipped result at once, live runs on request, saved results reopened.

    Parameters
    ----------
    name : str
        The experiment's name in ``engine.learning.experiments.registry`` (``activation``, ``pooling``...).
    bridge : gui.engine_bridge.EngineBridge
        The engine thread's bridge: the view submits ``StartExperiment`` / ``StopExperiment`` (and, once, a
        ``CheckReadiness`` to know which data sets are on this computer) through its own client.
    experiment : optional
        The registry's ``Experiment`` (looked up by ``name`` when not given).
    """

    def __init__(self, name: str, bridge, parent: QWidget | None = None, experiment=None) -> None:
        super().__init__(parent)
        if experiment is None:
            from engine.learning.experiments.registry import get_experiment

            experiment = get_experiment(name)
        self.experiment = experiment
        self.name = experiment.name
        self._engine = bridge.client(self)
        self._readiness = bridge.client(self)
        self.results_folder = default_experiments_folder()
        self.result: ExperimentResult | None = None  # what is drawn: shipped, opened, or the live run's so far
        self._source = ""       # shipped | file | live
        self._path = ""
        self._running = False
        self._starting = False  # asked for, not begun: the curves on screen stay until it begins
        self._message = ""      # the last refusal or failure (an engine Text is re-localized on a switch)
        self._missing = False   # no shipped result
        self._asked_readiness = False
        self._shown_once = False
        self._training_sets: tuple[str, ...] = ("digits",)
        self._unavailable = ""  # why this experiment cannot run here (its module is missing), or ""
        self._lines: dict[str, tuple[pg.PlotDataItem, pg.PlotCurveItem, pg.PlotCurveItem]] = {}
        self._bars: pg.BarGraphItem | None = None
        self._gaps: list[pg.TextItem] = []
        self._ticks: list = []  # the bar axis's names, as last set
        self._log_x = False     # x drawn as its logarithm (batch sizes)
        self._whiskers: pg.ErrorBarItem | None = None
        self._redraw_live = Throttle(self._redraw_now, _REDRAW_MS, self)

        self.setFont(scaled_font(self, 1.1))
        # The question, then the experiment's title in smaller grey type, as one paragraph that wraps as needed.
        self.heading = QLabel(self)
        self.heading.setFont(scaled_font(self, 1.5, bold=True))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.caption = text_label(self, 1.2)
        self.caption.setStyleSheet(f"background: #eef4ff; border-left: 5px solid {ACCENT}; padding: 6px 10px;")
        self.plots = self._build_plots()
        self.plots.setMinimumHeight(300)
        self.plots.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.note_label = text_label(self, 0.95)
        self.bar_figure_label = QLabel(self)
        self.bar_figure_combo = QComboBox(self)
        self.bar_figure_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.bar_figure_combo.setMinimumContentsLength(10)  # a long figure name is cut in the closed box only
        self.bar_figure_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.bar_figure_combo.currentIndexChanged.connect(self._on_bar_figure_changed)
        self.table = QTableWidget(0, 1, self)
        self.table.setFont(scaled_font(self, 1.05))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)  # one line per variant: the table's height is known from its rows
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # As tall as its rows (up to eight): the plots take the rest of the height, at any zoom.
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        app_zoom().changed.connect(self._on_zoom_changed)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        # The legend sits above the plots, not on them (wherever it went inside, some variant's curve passes
        # there), and wraps like text when the names are long or the window narrow.
        self.legend = text_label(self, 1.05)
        right.addWidget(self.legend)
        right.addWidget(self.plots, 1)
        right.addWidget(self.table)
        body = QHBoxLayout()
        body.addWidget(self._build_controls())
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.caption)
        layout.addLayout(body, 1)
        self.retranslate()

    # ------------------------------------------------------------ construction

    def _build_controls(self) -> QWidget:
        try:
            defaults = self.experiment.default_config()
        except UserInputError as error:  # a copy of the app without this experiment's module: say so, run nothing
            self._unavailable = error.args[0] if error.args else str(error)
            defaults = ExperimentConfig(name=self.name)
        self.seeds_spin = _spin(1, 20, defaults.seeds)
        self.steps_spin = _spin(1, 100_000, defaults.steps)
        self.data_combo = _DataCombo(weakly(self._ask_readiness))
        self.data_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for name in DATA_SETS:
            self.data_combo.addItem("", name)
        self.data_combo.setCurrentIndex(max(0, self.data_combo.findData(defaults.data)))
        self._enable_data_sets()
        self.form_labels = [QLabel() for _ in range(3)]
        self.options_box = QGroupBox()
        form = QFormLayout(self.options_box)
        for label, field in zip(self.form_labels, (self.seeds_spin, self.steps_spin, self.data_combo), strict=True):
            form.addRow(label, field)
        self.run_button = QPushButton()
        self.stop_button = QPushButton()
        for button in (self.run_button, self.stop_button):
            button.setFont(scaled_font(self, 1.2, bold=True))
            button.setMinimumHeight(44)
        self.run_button.clicked.connect(self.run)
        self.stop_button.clicked.connect(self.stop)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._on_open_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_button)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(NOTICE_STYLE)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.notice_label, self.message_label):  # a style sheet stops a label inheriting its font
            label.setFont(scaled_font(self, 1.0))
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.options_box)
        column.addLayout(buttons)
        column.addWidget(self.progress_bar)
        column.addWidget(self.open_button)
        column.addWidget(self.notice_label)
        column.addWidget(self.message_label)
        column.addWidget(self.status_label)
        bars = QHBoxLayout()
        bars.addWidget(self.bar_figure_label)
        bars.addWidget(self.bar_figure_combo, 1)
        column.addLayout(bars)
        column.addWidget(self.note_label)
        column.addStretch(1)
        set_fixed_width(panel, 330)  # the plots keep the rest, beside the app's section list, on a 1366 screen
        return panel

    def _build_plots(self) -> pg.GraphicsLayoutWidget:
        plots = _Plots()
        plots.setBackground("w")
        self.curve_plot = plots.addPlot(row=0, col=0)
        self.bar_axis = _ValueAxis("left")
        self.bar_plot = plots.addPlot(row=0, col=1, axisItems={"left": self.bar_axis})
        for plot in (self.curve_plot, self.bar_plot):
            plot.showGrid(x=plot is self.curve_plot, y=True, alpha=0.2)
        style_axes(self.curve_plot, self, 1.0, left_width=70)
        style_axes(self.bar_plot, self, 1.0, left_width=90)  # counts: "303.5M"
        self.bar_plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.bar_plot.getViewBox().sigResized.connect(self._on_bars_resized)
        grid = plots.ci.layout
        grid.setColumnStretchFactor(0, 3)
        grid.setColumnStretchFactor(1, 2)
        grid.setRowStretchFactor(0, 1)
        return plots

    # ------------------------------------------------------------ public

    def show_result(self, result: ExperimentResult, source: str, path: str | Path = "") -> None:
        """Draw ``result`` (``source``: ``shipped``, ``file`` or ``live``): its items are made once here, then
        only their data change."""
        self.result, self._source, self._path = result, source, str(path)
        self._missing = False
        self._build_items(result)
        self._redraw_now()
        self._show_state()

    def open_result(self, path: str | Path, source: str = "file") -> bool:
        """Show the saved result at ``path``; a file that is not a result of this experiment gets one sentence,
        and the view keeps what it showed."""
        try:
            result = load_result(path)
        except UserInputError as error:
            self._show_message(error.args[0] if error.args else str(error))
            return False
        if result.name != self.name:
            self._show_message(self.tr("{file} is a result of the experiment “{other}”, not of this one.").format(
                file=Path(path).name, other=result.name))
            return False
        self._show_message("")
        self.show_result(result, source, path)
        return True

    def show_shipped(self) -> bool:
        """Show the result shipped in ``resources/experiments`` (made by ``make experiments``); say so when it
        is missing (Run makes one)."""
        path = Path(self.experiment.shipped)
        if not path.is_file():
            self._missing = True
            self._show_state()
            return False
        return self.open_result(path, "shipped")

    def config(self):
        """The options in the controls over the experiment's defaults: what Run starts."""
        return self.experiment.default_config(seeds=self.seeds_spin.value(), steps=self.steps_spin.value(),
                                              data=self.data_combo.currentData(), out=str(self.results_folder))

    def run(self) -> None:
        """Start the experiment with the options shown."""
        if self._running or self._unavailable:
            return
        self._show_message("")
        self._running = self._starting = True
        self._engine.submit(ev.StartExperiment(self.config()), {
            ev.ExperimentStarted: self._on_started, ev.ExperimentRunProgress: self._on_run_progress,
            ev.ExperimentRunFinished: self._on_run_progress, ev.ExperimentFinished: self._on_finished,
        }, self._on_failed)
        self._show_state()

    def stop(self) -> None:
        """End the running experiment after its current step; its partial result is saved."""
        if self._running:
            self._engine.submit(ev.StopExperiment())

    def is_running(self) -> bool:
        return self._running

    def saved_path(self) -> str:
        """The file the result on screen came from or was saved to ("" for a run still going)."""
        return self._path

    def caption_text(self) -> str:
        return self.caption.text()

    def message(self) -> str:
        """The message on screen ("" when none)."""
        return self.message_label.text() if not self.message_label.isHidden() else ""

    # ------------------------------------------------------------ engine events

    def _on_started(self, event: ev.ExperimentStarted) -> None:
        self._starting = False
        self.show_result(event.result, "live")

    def _on_run_progress(self, event: ev.ExperimentRunProgress | ev.ExperimentRunFinished) -> None:
        if self._source != "live" or self.result is None:
            return
        self.result = self.result.with_run(event.run)
        if isinstance(event, ev.ExperimentRunFinished):
            self._redraw_now()
        else:
            self._redraw_live()

    def _on_finished(self, event: ev.ExperimentFinished) -> None:
        self._running = self._starting = False
        same = self.result is not None and self.result.variants == event.result.variants
        self.result, self._path, self._source = event.result, event.path, "live"
        if not same:
            self._build_items(event.result)
        self._redraw_now()
        self._show_state()

    def _on_failed(self, event: ev.RequestFailed) -> None:
        self._running = self._starting = False
        self._show_message(event.message)
        self._show_state()

    def _ask_readiness(self) -> None:
        """Which data sets are on this computer: a look at files, on the engine thread, asked when the list is
        first opened (it imports torchvision there: not for every page shown, nor when the window closes)."""
        if not self._asked_readiness:
            self._asked_readiness = True
            self._readiness.submit(ev.CheckReadiness(), {ev.ReadinessReady: self._on_readiness}, lambda _e: None)

    def _on_readiness(self, event: ev.ReadinessReady) -> None:
        self._training_sets = tuple(event.readiness.training_sets)
        self._enable_data_sets()
        self.retranslate()  # "(not here)" goes

    # ------------------------------------------------------------ drawing

    def _build_items(self, result: ExperimentResult) -> None:
        """One mean curve and its shaded band per variant, and the bars: made once per result shown."""
        self.curve_plot.clear()
        self._lines.clear()
        for index, variant in enumerate(result.variants):
            colour = VARIANT_COLOURS[index % len(VARIANT_COLOURS)]
            pen = pg.mkPen(colour, width=_LINE)
            if index >= len(VARIANT_COLOURS):
                pen.setStyle(Qt.PenStyle.DashLine)
            # The band's edges: curves (a PlotDataItem without a pen keeps no path for the fill to follow).
            faint = pg.mkColor(colour)
            faint.setAlpha(2 * _SPREAD_ALPHA)
            low, high = pg.PlotCurveItem(pen=pg.mkPen(faint, width=1)), pg.PlotCurveItem(pen=pg.mkPen(faint, width=1))
            faint = pg.mkColor(colour)
            faint.setAlpha(_SPREAD_ALPHA)
            band = pg.FillBetweenItem(low, high, brush=pg.mkBrush(faint))
            mean = pg.PlotDataItem(pen=pen)
            for item in (low, high, band):
                self.curve_plot.addItem(item)
            self.curve_plot.addItem(mean)  # above every band
            self._lines[variant.key] = (mean, low, high)
        # Batch sizes 1 to 64 read best spaced evenly by ratio: x drawn as its logarithm, ticks at the sizes.
        timing = result.x_curve not in ("step", "eval_step")
        xs = sorted({float(x) for run in result.runs for x in np.asarray(run.curves.get(result.x_curve, ()))
                     if math.isfinite(x)})
        self._log_x = bool(timing and xs and xs[0] > 0 and xs[-1] / xs[0] >= 8)
        self.curve_plot.getAxis("bottom").setTicks(
            [[(math.log10(x), f"{x:g}") for x in xs]] if self._log_x else None)
        self.bar_plot.clear()
        count = len(result.variants)
        self._bars = pg.BarGraphItem(x=np.arange(count), height=np.zeros(count), width=0.6,
                                     brushes=[_bar_brush(i) for i in range(count)],
                                     pen=pg.mkPen("k", width=1))
        self._whiskers = pg.ErrorBarItem(x=np.arange(count), y=np.zeros(count), top=np.zeros(count),
                                         bottom=np.zeros(count), beam=0.2, pen=pg.mkPen("k", width=2))
        self.bar_plot.addItem(self._bars)
        self.bar_plot.addItem(self._whiskers)
        # A variant without the figure (a threshold never reached) gets a word where its bar would be, not a
        # bar of height 0 that would read as the best.
        self._gaps = []
        for index in range(count):
            gap = pg.TextItem("", color="k", anchor=(0.0, 0.5), angle=90)  # upright, where the bar would rise
            gap.setFont(scaled_font(self, 0.95))
            gap.setPos(index, 0)
            self.bar_plot.addItem(gap)
            self._gaps.append(gap)
        self.bar_plot.setXRange(-0.6, count - 0.4, padding=0)
        self.bar_figure_combo.blockSignals(True)
        kept = self.bar_figure_combo.currentData()
        self.bar_figure_combo.clear()
        for figure in result.figures:
            self.bar_figure_combo.addItem("", figure.key)
        self.bar_figure_combo.setCurrentIndex(max(0, self.bar_figure_combo.findData(kept)))
        self.bar_figure_combo.blockSignals(False)
        self.table.clear()
        self.table.setColumnCount(1 + len(result.figures))
        self.table.setRowCount(count)
        for row in range(count):
            for column in range(1 + len(result.figures)):
                item = QTableWidgetItem()
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            swatch = VARIANT_COLOURS[row % len(VARIANT_COLOURS)]
            self.table.item(row, 0).setForeground(pg.mkColor(swatch))
        self._retranslate_result()
        self._fit_table()

    def _on_bars_resized(self, _view_box) -> None:
        self._label_bars()

    def _on_zoom_changed(self, _factor: float) -> None:
        QTimer.singleShot(0, self, self._fit_table)  # once the rows have taken their new fonts
        QTimer.singleShot(0, self, self._show_heading)

    def _fit_table(self) -> None:
        """The table as tall as its header and rows (eight at most, then it scrolls)."""
        rows = min(self.table.rowCount(), 8)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth() + sum(
            self.table.rowHeight(row) for row in range(rows))
        if self.table.horizontalHeader().length() > self.table.viewport().width():  # it scrolls sideways
            height += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(height)

    def _redraw_now(self) -> None:
        """Every item's data from ``self.result``: the curves, the bars, the table, the caption, the progress."""
        result = self.result
        if result is None:
            return
        scale = curve_scale(result)
        for variant in result.variants:
            lines = self._lines.get(variant.key)
            if lines is None:
                continue
            x, mean, low, high = seed_spread(result.runs_of(variant.key), result.x_curve, result.y_curve)
            if self._log_x:
                x = np.log10(np.maximum(x, 1e-12))
            for line, values in zip(lines, (mean, low, high), strict=True):
                line.setData(x, scale * values)
        self._draw_bars()
        self._fill_table()
        self._fit_table()
        self._show_caption()
        self._show_progress()

    def _draw_bars(self) -> None:
        result, key = self.result, self.bar_figure_combo.currentData()
        figure = next((f for f in result.figures if f.key == key), None)
        if figure is None or self._bars is None:
            return
        scale = 100.0 if figure.kind == "fraction" else 1.0
        means, lows, highs = [], [], []
        for variant, gap in zip(result.variants, self._gaps, strict=True):
            values = scale * figure_values(result, variant.key, key)
            finite = values[np.isfinite(values)]
            gap.setText("" if finite.size else format_figure(values, figure.kind))
            mean = float(finite.mean()) if finite.size else 0.0
            means.append(mean)
            lows.append(mean - float(finite.min()) if finite.size else 0.0)
            highs.append(float(finite.max()) - mean if finite.size else 0.0)
        count = len(result.variants)
        self._bars.setOpts(height=np.array(means))
        self._whiskers.setData(x=np.arange(count), y=np.array(means), top=np.array(highs), bottom=np.array(lows))
        self.bar_axis.counts = figure.kind == "count"
        self.bar_axis.picture = None  # its tick labels change with the figure's kind
        self.bar_axis.update()
        top = max([m + h for m, h in zip(means, highs, strict=True)] + [0.0])
        self.bar_plot.setYRange(0, top * 1.1 if top > 0 else 1, padding=0)
        for index, gap in enumerate(self._gaps):
            gap.setPos(index, 0.02 * (top if top > 0 else 1))  # just above the axis, clear of its line

    def _fill_table(self) -> None:
        result = self.result
        for row, variant in enumerate(result.variants):
            for column, figure in enumerate(result.figures, start=1):
                self.table.item(row, column).setText(format_figure(figure_values(result, variant.key, figure.key),
                                                                   figure.kind))

    def _show_caption(self) -> None:
        result = self.result
        if result is None:
            self.caption.setText("")
        elif self._running:
            self.caption.setText(self.tr("The runs are under way: the sentence that sums them up comes when they "
                                         "end."))
        else:
            try:
                self.caption.setText(localized(self.experiment.caption(result)))
            except UserInputError:
                self.caption.setText("")  # its module is missing: the notice says so
            except (KeyError, IndexError, ValueError, TypeError, ZeroDivisionError) as error:  # a file's gaps
                self.caption.setText(self.tr("This result lacks what its summary needs ({error}).").format(
                    error=type(error).__name__))
        self.caption.setVisible(bool(self.caption.text()))

    def _show_progress(self) -> None:
        result = self.result
        if result is None or not result.runs:
            self.progress_bar.setValue(0)
            return
        done = sum(_run_done(run, result.config.steps) for run in result.runs)
        self.progress_bar.setValue(round(1000 * done / len(result.runs)))

    # ------------------------------------------------------------ texts and state

    def _show_state(self) -> None:
        self.run_button.setEnabled(not self._running and not self._unavailable)
        self.stop_button.setEnabled(self._running)
        self.options_box.setEnabled(not self._running)
        self.open_button.setEnabled(not self._running)
        self.progress_bar.setVisible(self._running or self._source == "live")
        self.status_label.setText(self._status_text())
        if self._unavailable:
            notice = localized(self._unavailable)
        elif self._missing and self.result is None:
            notice = self.tr("No result is shipped for this experiment yet (`make experiments` makes it): press "
                             "Run to make one.")
        else:
            notice = ""
        self.notice_label.setText(notice)
        self.notice_label.setVisible(bool(self.notice_label.text()))
        timing = self.result is not None and self.result.x_curve not in ("step", "eval_step")
        self.form_labels[1].setText(self.tr("Repetitions") if timing else self.tr("Steps per run"))
        for widget in (self.form_labels[2], self.data_combo):
            widget.setVisible(not timing)  # a timing needs no data set
        self._show_caption()

    def _status_text(self) -> str:
        if self._starting:
            return self.tr("Starting…")
        result = self.result
        if result is None:
            return ""
        config = result.config
        data = self._data_name(config.data)
        timing = result.x_curve not in ("step", "eval_step")
        if timing:
            what = self.tr("{seeds} seeds × {steps} repetitions, on {device}").format(
                seeds=config.seeds, steps=exact(config.steps), device=result.device)
        else:
            what = self.tr("{data}, {seeds} seeds × {steps} steps of {batch} images, on {device}").format(
                data=data, seeds=config.seeds, steps=exact(config.steps), batch=config.batch_size,
                device=result.device)
        if self._running:
            return self.tr("Running: {what}.").format(what=what)
        name = Path(self._path).name
        if self._source == "shipped":
            return self.tr("Shipped result: {what}; made by `make experiments`.").format(what=what)
        if result.status == "stopped":
            return self.tr("Stopped; the partial result is saved in {name} ({what}).").format(name=name, what=what)
        if self._source == "live":
            return self.tr("Saved in {path} ({what}).").format(path=self._path, what=what)
        return self.tr("Result {name}: {what}.").format(name=name, what=what)

    def _data_name(self, name: str) -> str:
        return self.tr("handwritten digits") if name == "digits" else "CIFAR-10" if name == "cifar10" else name

    def _show_message(self, message: str) -> None:
        self._message = message
        self.message_label.setText(localized(message))
        self.message_label.setVisible(bool(message))

    def _enable_data_sets(self) -> None:
        """CIFAR-10 can be chosen only when its files are on this computer (File → Prepare for class fetches
        them); the digits always."""
        model = self.data_combo.model()
        for index in range(self.data_combo.count()):
            model.item(index).setEnabled(self.data_combo.itemData(index) in self._training_sets)
        if self.data_combo.currentData() not in self._training_sets:
            self.data_combo.setCurrentIndex(self.data_combo.findData("digits"))

    def showEvent(self, event) -> None:
        if not self._shown_once:
            self._shown_once = True
            if self.result is None and not self._running:
                self.show_shipped()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.options_box.setTitle(self.tr("A new run"))
        for label, text in zip(self.form_labels, (self.tr("Seeds per variant"), self.tr("Steps per run"),
                                                  self.tr("Data")), strict=True):
            label.setText(text)
        for index in range(self.data_combo.count()):
            name = self.data_combo.itemData(index)
            short = self.tr("digits") if name == "digits" else self._data_name(name)
            self.data_combo.setItemText(index, short if name in self._training_sets else
                                        self.tr("{data} (not here)").format(data=short))
        self.run_button.setText(self.tr("Run"))
        self.stop_button.setText(self.tr("Stop"))
        self.open_button.setText(self.tr("Open a saved result…"))
        self.bar_figure_label.setText(self.tr("Bars:"))
        self.message_label.setText(localized(self._message))
        self.message_label.setVisible(bool(self._message))
        self._retranslate_result()
        self._show_state()
        if self.result is not None:  # the figures' words ("not reached") and the caption, in the new language
            self._redraw_now()

    def _retranslate_result(self) -> None:
        """The texts that come from the result (English, marked for the catalogue) and the experiment."""
        engine = lambda label: QCoreApplication.translate("engine", label)  # noqa: E731 - one line, four uses
        self._show_heading()
        result = self.result
        label_style = {"font-size": _points(13), "color": "#000"}
        if result is None:
            self.note_label.setText("")
            return
        self.legend.setText("&nbsp;&nbsp;&nbsp; ".join(
            f"<span style='white-space:nowrap'><b style='color:{_colour(i)}'>{_glyph(i)}</b>"
            f"&nbsp;{escape(self._variant_name(i))}</span>" for i in range(len(result.variants))))
        self.curve_plot.setTitle(engine(result.y_label), size=_points(14), color="k")
        self.curve_plot.setLabel("left", "%" if curve_scale(result) == 100 else "", **label_style)
        self.curve_plot.setLabel("bottom", self._x_name(result.x_curve), **label_style)
        figure = next((f for f in result.figures if f.key == self.bar_figure_combo.currentData()), None)
        for index in range(self.bar_figure_combo.count()):
            spec = next(f for f in result.figures if f.key == self.bar_figure_combo.itemData(index))
            self.bar_figure_combo.setItemText(index, engine(spec.label))
        self.bar_plot.setTitle(engine(figure.label) if figure is not None else "", size=_points(14), color="k")
        self.bar_plot.setLabel("left", "%" if figure is not None and figure.kind == "fraction" else "",
                               **label_style)
        self._label_bars()
        self.table.setHorizontalHeaderLabels([self.tr("Variant"), *(_two_lines(engine(f.label))
                                                                    for f in result.figures)])
        for row in range(len(result.variants)):
            self.table.item(row, 0).setText(f"{_glyph(row)} {self._variant_name(row)}")
        seeds = max((len(result.runs_of(v.key)) for v in result.variants), default=0)
        self.note_label.setText(self.tr(
            "Curves: the mean of {seeds} seeds, shaded from the lowest to the highest. Bars and table: the mean, "
            "± half the range over the seeds.").format(seeds=seeds))

    def heading_texts(self) -> tuple[str, str]:
        """The question and the title shown, in the interface language."""
        return (QCoreApplication.translate("engine", self.experiment.question),
                QCoreApplication.translate("engine", self.experiment.title))

    def _show_heading(self) -> None:
        question, title = self.heading_texts()
        size = self.heading.font().pointSizeF() * 0.7  # follows the zoom: the heading's own font is zoomed
        self.heading.setText(f"<span style='color:{ACCENT}'>{escape(question)}</span>&nbsp;&nbsp; <span style="
                             f"'color:#555; font-weight:normal; font-size:{size:.1f}pt'>{escape(title)}</span>")

    def _numbered(self) -> bool:
        """More variants than colours: each is numbered (under its bar, in the legend and the table)."""
        return self.result is not None and len(self.result.variants) > len(VARIANT_COLOURS)

    def _variant_name(self, index: int) -> str:
        name = QCoreApplication.translate("engine", self.result.variants[index].label)
        return f"{index + 1}. {name}" if self._numbered() else name

    def _label_bars(self) -> None:
        """Each variant's name under its bar when every name fits its bar's room; else none (they would run
        into each other): the colours, as in the legend and the table, say which bar is which; with more
        variants than colours, their numbers."""
        if self.result is None:
            return
        count = len(self.result.variants)
        names = [QCoreApplication.translate("engine", v.label) for v in self.result.variants]
        axis = self.bar_plot.getAxis("bottom")
        room = self.bar_plot.getViewBox().width() / max(1, count)
        metrics = QFontMetrics(axis.style["tickFont"] or self.font())
        labelled = max((metrics.horizontalAdvance(name) for name in names), default=0) <= 0.95 * room
        if labelled:
            shown = names
        elif self._numbered():  # every number if they fit, else every other one
            step = 1 if metrics.horizontalAdvance(str(count)) <= 0.8 * room else 2
            shown = [str(i + 1) if i % step == 0 else "" for i in range(count)]
        else:
            shown = [""] * count
        ticks = [list(enumerate(shown))]
        if ticks != self._ticks:
            self._ticks = ticks
            axis.setTicks(ticks)
        axis.setHeight(metrics.height() + 18)  # the names whole, descenders too, at any zoom

    def _x_name(self, curve: str) -> str:
        return {"step": self.tr("step"), "eval_step": self.tr("step"),
                "batch_size": self.tr("batch size")}.get(curve, curve)

    def _on_bar_figure_changed(self) -> None:
        if self.result is not None:
            self._retranslate_result()
            self._draw_bars()

    def _on_open_clicked(self) -> None:
        start = str(Path(self._path).parent if self._path and self._source != "shipped" else self.results_folder)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open an experiment's result"), start,
                                              self.tr("Results (*.json)"))
        if path:
            self.open_result(path)


class _Plots(pg.GraphicsLayoutWidget):
    """The curves and the bars. Asks for a modest height: the page's height follows what its views prefer, and a
    taller wish would push the table below a laptop's screen; the plots still take whatever height is left."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(600, 320)


class _DataCombo(QComboBox):
    """The data-set list: says when it is first opened, so that the view can find out which sets are here."""

    def __init__(self, opened) -> None:
        super().__init__()
        self._opened = opened  # held weakly: the view owns this combo

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        self._opened()
        super().showPopup()


def _two_lines(label: str, longest: int = 18) -> str:
    """A long column title on two lines, broken at the space nearest its middle (a narrow table, no scrolling)."""
    if len(label) <= longest or " " not in label:
        return label
    middle = len(label) / 2
    cut = min((i for i, c in enumerate(label) if c == " "), key=lambda i: abs(i - middle))
    return label[:cut] + "\n" + label[cut + 1:]


def _points(size: float) -> str:
    """A chart text's size at the app's zoom (the zoom scales the sizes it finds; these are set again later)."""
    return f"{size * zoom_factor():.1f}pt"


def _colour(index: int) -> str:
    return VARIANT_COLOURS[index % len(VARIANT_COLOURS)]


def _bar_brush(index: int) -> QBrush:
    """Solid, then hatched once the colours come round again (as the lines turn dashed)."""
    style = Qt.BrushStyle.SolidPattern if index < len(VARIANT_COLOURS) else Qt.BrushStyle.BDiagPattern
    return QBrush(QColor(_colour(index)), style)


def _glyph(index: int) -> str:
    """The legend's and the table's sample of variant ``index``'s line: solid, then dashed once the colours
    come round again."""
    return "━━" if index < len(VARIANT_COLOURS) else "╍╍"


def _run_done(run: ExperimentRun, steps: int) -> float:
    """How much of ``run`` is done, 0..1: its steps so far, or all of it once it has ended."""
    if run.status != "running":
        return 1.0
    done = run.curves.get("step")
    return min(1.0, len(done) / steps) if done is not None and steps > 0 else 0.0


def _spin(low: int, high: int, value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setGroupSeparatorShown(True)
    spin.setValue(value)
    return spin
