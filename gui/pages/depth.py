"""Plain against residual networks as depth grows (He et al. 2016, Figure 6), for the ResNet section.

Training error against steps for every run (plain dashed, residual solid, one colour per depth), the final
training and test errors against depth (as in the paper's Fig. 6: thin lines training, bold lines test),
the gradient norm of every layer at initialisation and during training, and a table of parameters and
seconds. On first show the result shipped in ``resources/depth`` appears at once (a JSON file read here, no
engine work); "Run again" sends a ``StartDepthSweep`` to the engine thread, and the curves then grow in place
(``setData``) as its events arrive. Each run, or the whole sweep, can be stopped; a saved result can be opened.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.learning.depth import (
    PAPER_WIDTH,
    SHIPPED_RESULT,
    SHORTCUTS,
    DepthConfig,
    DepthResult,
    DepthRun,
    compare,
    load_result,
    params_at_paper_width,
    parse_depths,
    residual_test_errors,
)
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from engine.text.numbers import exact
from gui.i18n import localized
from gui.throttle import Throttle
from gui.widgets.folders import app_data_folder
from gui.widgets.plots import style_axes
from gui.widgets.reflow import ReflowLayout
from gui.widgets.text import ERROR_STYLE, LanguageAware, scaled_font
from gui.widgets.zoom import app_zoom, set_fixed_width, zoom_factor

__all__ = ["DepthView", "DEPTH_COLOURS", "KIND_COLOURS", "default_depth_folder"]

# One colour per depth, distinct on a washed-out projector and for the common colour blindnesses (Okabe-Ito).
DEPTH_COLOURS = ("#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#0072b2", "#d55e00", "#000000", "#999999")
KIND_COLOURS = {"plain": "#d55e00", "residual": "#0072b2"}
_STYLES = {"plain": Qt.PenStyle.DashLine, "residual": Qt.PenStyle.SolidLine}
_LINE = 3
_REDRAW_MS = 250
_COLUMNS = 6  # network, parameters, training error, test error, seconds, stop
_LEGEND_SAMPLE = 40  # pixels a legend entry takes beside its label (its line's sample, the spacing)
_PLOT_WIDTH = 300  # pixels at 100 %: the narrowest a plot side by side with another may be
_PLOTS_WIDTH = 460  # pixels at 100 %: the plots beside the controls (their legends fit in columns)


def default_depth_folder() -> Path:
    """Where the app saves the sweeps it runs: ``depth`` in the user's application data folder."""
    return app_data_folder() / "depth"


class DepthView(LanguageAware, QWidget):
    """The plain-versus-residual experiment: shipped result first, live sweeps on request.

    Parameters
    ----------
    bridge : gui.engine_bridge.EngineBridge
        The engine thread's bridge: the view submits ``StartDepthSweep`` / ``StopDepthSweep`` through its own
        client and gets their answers.
    """

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._redraw_live = Throttle(self._redraw_live_now, _REDRAW_MS, self)
        self.bridge = bridge
        self._engine = bridge.client(self)
        self.result: DepthResult | None = None   # what the plots show (loaded, or the live sweep's so far)
        self._source = ""                         # shipped | file | live
        self._starting = False                    # a sweep is asked for and has not begun yet
        self._path = ""
        self._running = False
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._gradient_shown: tuple = ()  # (depth, step, language) the gradient legend was written for
        self._curve_columns = 4  # the curve legend's columns when the width holds them: one per depth

        self.setFont(scaled_font(self, 1.15))
        controls = self._build_controls()
        self.caption = QLabel()
        self.caption.setFont(scaled_font(self, 1.25))
        self.caption.setWordWrap(True)
        self.effect_label = QLabel()
        self.effect_label.setFont(scaled_font(self, 1.25, bold=True))
        self.effect_label.setWordWrap(True)
        self.reading_label = QLabel()  # what the result reproduces of the paper, what not, and the width
        self.reading_label.setFont(scaled_font(self, 1.1))
        self.reading_label.setWordWrap(True)
        self.plots = self._build_plots()
        right_side = QWidget(self)
        right = QVBoxLayout(right_side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.caption)
        right.addWidget(self.effect_label)
        right.addWidget(self.reading_label)
        right.addWidget(self.plots, 1)
        right.addLayout(self._build_gradient_controls())
        # The controls beside the plots, or above them when both do not fit: at 150 % on a 1366-pixel screen
        # the panel alone is 810 px wide, and the page scrolled sideways.
        self.body = layout = ReflowLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.add(controls)
        layout.add(right_side, _PLOTS_WIDTH)
        self.plots.installEventFilter(self)  # its width sets how many columns each legend has
        app_zoom().changed.connect(self._on_zoom_changed)

        self.retranslate()

    # ------------------------------------------------------------ construction

    def _build_controls(self) -> QWidget:
        self.depths_edit = QLineEdit()
        self.steps_spin = _spin(1, 100_000)
        self.width_spin = _spin(1, 256)
        self.shortcut_combo = QComboBox()
        for shortcut in SHORTCUTS:
            self.shortcut_combo.addItem("", shortcut)
        self.form_labels = [QLabel() for _ in range(4)]
        self.options_box = QGroupBox()
        form = QFormLayout(self.options_box)
        for label, field in zip(self.form_labels, (self.depths_edit, self.steps_spin, self.width_spin,
                                                    self.shortcut_combo), strict=True):
            form.addRow(label, field)
        self.run_button = QPushButton()
        self.stop_button = QPushButton()
        self.open_button = QPushButton()
        for button in (self.run_button, self.stop_button):
            button.setFont(scaled_font(self, 1.25, bold=True))
            button.setMinimumHeight(46)
        self.run_button.clicked.connect(self.run_again)
        self.stop_button.clicked.connect(self.stop)
        self.open_button.clicked.connect(self._on_open_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_button)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.table = _RunsTable(0, _COLUMNS)
        self.table.setFont(scaled_font(self, 1.15))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._stop_buttons: dict[str, QPushButton] = {}

        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.options_box)
        column.addLayout(buttons)
        column.addWidget(self.progress_bar)
        column.addWidget(self.open_button)
        column.addWidget(self.status_label)
        column.addWidget(self.message_label)
        column.addWidget(self.table, 1)
        set_fixed_width(panel, 540)  # leaves the plots room beside the app's section list
        return panel

    def _build_plots(self) -> pg.GraphicsLayoutWidget:
        plots = pg.GraphicsLayoutWidget()
        plots.setBackground("w")
        # Legends sit above their plots, not on them: wherever they went inside, some run's curve passes there.
        self.curve_legend = _legend(plots, 0, 0, columns=4)
        self.depth_legend = _legend(plots, 0, 1, columns=2)
        self.curve_plot = self._plot(plots, 1, 0)
        self.depth_plot = self._plot(plots, 1, 1)
        self.gradient_legend = _legend(plots, 2, 0, columns=2, column_span=2)
        self.gradient_plot = self._plot(plots, 3, 0, column_span=2)
        self.gradient_plot.setLogMode(y=True)
        self._grid = plots.ci.layout
        self._grid.setColumnStretchFactor(0, 3)
        self._grid.setColumnStretchFactor(1, 2)
        self._side_by_side = True  # the curves and the final errors in one row; else one above the other
        self._grid.setRowStretchFactor(1, 1)
        self._grid.setRowStretchFactor(3, 1)
        plots.setMinimumHeight(560)  # the curves keep their room: a short window scrolls the page instead
        self.curve_plot.setYRange(0, 100, padding=0.02)
        self.depth_plot.getViewBox().setDefaultPadding(0.08)  # room for the dots at the ends
        # He et al. Fig. 6: thin lines are training error, bold lines test error (filled dots: training).
        self._depth_lines = {
            (kind, split): self.depth_plot.plot(
                pen=_pen(KIND_COLOURS[kind], kind, 1.5 if split == "train" else _LINE + 1.5),
                symbol="o" if split == "train" else "s", symbolSize=13, symbolPen=pg.mkPen(KIND_COLOURS[kind], width=2),
                symbolBrush=KIND_COLOURS[kind] if split == "train" else "w")
            for kind in ("plain", "residual") for split in ("train", "test")}
        # At initialisation: thin and faint; at the chosen step: thick.
        self._gradient_lines = {
            (kind, when): self.gradient_plot.plot(
                pen=_pen(KIND_COLOURS[kind] + ("" if when == "step" else "80"), kind, _LINE if when == "step" else 2))
            for kind in ("plain", "residual") for when in ("init", "step")}
        return plots

    def _plot(self, plots: pg.GraphicsLayoutWidget, row: int, column: int, column_span: int = 1) -> pg.PlotItem:
        plot = plots.addPlot(row=row, col=column, colspan=column_span)
        plot.showGrid(x=True, y=True, alpha=0.2)
        style_axes(plot, self, 1.05, left_width=80)
        return plot

    def _build_gradient_controls(self) -> QVBoxLayout:
        self.gradient_depth_label = QLabel()
        self.gradient_depth_combo = QComboBox()
        self.gradient_depth_combo.currentIndexChanged.connect(self._on_gradient_choice_changed)
        self.gradient_step_label = QLabel()
        self.gradient_step_label.setMinimumWidth(260)
        self.gradient_slider = QSlider(Qt.Orientation.Horizontal)
        self.gradient_slider.valueChanged.connect(self._on_gradient_choice_changed)
        # Two rows, not one: in one row the two labels alone (~520 px) made the page wider than a 1366-pixel
        # screen leaves it, and it scrolled sideways with the table cut on the right.
        choice = QHBoxLayout()
        choice.addWidget(self.gradient_depth_label)
        choice.addWidget(self.gradient_depth_combo)
        choice.addStretch(1)
        step = QHBoxLayout()
        step.addWidget(self.gradient_step_label)
        step.addWidget(self.gradient_slider, 1)
        rows = QVBoxLayout()
        rows.addLayout(choice)
        rows.addLayout(step)
        return rows

    # ------------------------------------------------------------ public

    def show_result(self, result: DepthResult, source: str, path: str | Path = "") -> None:
        """Draw ``result`` (``source``: ``shipped``, ``file`` or ``live``) and put its options in the controls."""
        self.result, self._source, self._path = result, source, str(path)
        self._set_options(result.config)
        self._build_runs(result)
        self._redraw_now()
        self._show_state()

    def open_result(self, path: str | Path, source: str = "file") -> bool:
        """Show the saved result at ``path``; a bad file gets a message and the view keeps what it had."""
        try:
            result = load_result(path)
        except UserInputError as error:
            self._show_message(str(error))
            return False
        self._show_message("")
        self.show_result(result, source, path)
        return True

    def show_shipped(self) -> bool:
        """Show the result shipped in ``resources/depth`` (made by ``make depth``)."""
        return self.open_result(SHIPPED_RESULT, "shipped")

    def _set_options(self, config: DepthConfig) -> None:
        self.depths_edit.setText(",".join(str(depth) for depth in sorted(config.depths)))
        self.steps_spin.setValue(config.steps)
        self.width_spin.setValue(config.width)
        self.shortcut_combo.setCurrentIndex(max(0, self.shortcut_combo.findData(config.shortcut)))

    def options(self) -> DepthConfig:
        """The options in the controls over the shown result's others (data, seed, rates), checked;
        UserInputError says what is wrong."""
        shown = self.result.config if self.result is not None else DepthConfig()
        return replace(shown, depths=parse_depths(self.depths_edit.text()), steps=self.steps_spin.value(),
                       width=self.width_spin.value(), shortcut=self.shortcut_combo.currentData(), device="auto",
                       out=str(default_depth_folder())).validate()

    def run_again(self) -> None:
        """Start a sweep with the options shown (the shown result's, unless changed)."""
        if self._running:
            return
        try:
            config = self.options()
        except UserInputError as error:
            self._show_message(str(error))
            return
        self._show_message("")
        self._running = self._starting = True  # the shown curves stay until the sweep begins
        self._engine.submit(ev.StartDepthSweep(config), {
            ev.DepthSweepStarted: self._on_sweep_started, ev.DepthRunProgress: self._on_run_progress,
            ev.DepthRunFinished: self._on_run_progress, ev.DepthSweepFinished: self._on_sweep_finished,
        }, self._on_sweep_failed)
        self._show_state()

    def stop(self, run: str = "") -> None:
        """Stop the whole sweep, or only the run named ``run`` (``plain56``)."""
        if self._running:
            self._engine.submit(ev.StopDepthSweep(run))

    # ------------------------------------------------------------ engine events

    def _on_sweep_started(self, event: ev.DepthSweepStarted) -> None:
        self._starting = False
        result = DepthResult(event.config, event.runs, "running", event.device, "", event.train_images,
                             event.test_images)
        self.show_result(result, "live")

    def _on_run_progress(self, event: ev.DepthRunProgress | ev.DepthRunFinished) -> None:
        if self._source != "live":
            return
        self._replace_run(event.run)
        if isinstance(event, ev.DepthRunFinished):
            self._redraw_now()
        else:
            self._redraw_live()

    def _on_sweep_finished(self, event: ev.DepthSweepFinished) -> None:
        self._running = False
        self.result, self._path = event.result, event.path  # same runs: the curves and slider stay
        self._redraw_now()
        self._show_state()

    def _on_sweep_failed(self, event: ev.RequestFailed) -> None:
        self._running = self._starting = False
        self._show_message(event.message)
        self._show_state()

    def _replace_run(self, run: DepthRun) -> None:
        runs = tuple(run if r.model == run.model else r for r in self.result.runs)
        result = self.result
        self.result = DepthResult(result.config, runs, result.status, result.device, result.created,
                                  result.train_images, result.test_images)

    # ------------------------------------------------------------ drawing

    def _build_runs(self, result: DepthResult) -> None:
        """New curve items and table rows for ``result``'s runs (once per result, not per update)."""
        self.curve_plot.clear()
        self.curve_legend.clear()
        depths = sorted(result.config.depths)
        # Plain networks on the first row(s), residual below, one column per depth (at most four).
        self._curve_columns = min(len(depths), 4)
        self._curves = {}
        for run in result.runs:
            colour = DEPTH_COLOURS[depths.index(run.depth) % len(DEPTH_COLOURS)]
            self._curves[run.model] = self.curve_plot.plot(pen=_pen(colour, run.kind, _LINE))
            self.curve_legend.addItem(self._curves[run.model], run.title)
        self._fit_legends()
        self.curve_plot.setXRange(0, result.config.steps, padding=0.01)
        self.depth_plot.getAxis("bottom").setTicks([[(d, str(d)) for d in depths]])
        self.table.setRowCount(len(result.runs))
        self._stop_buttons = {}
        for row, run in enumerate(result.runs):
            for column in range(_COLUMNS - 1):
                item = QTableWidgetItem()
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            button = QPushButton()
            button.clicked.connect(lambda _checked=False, model=run.model: self.stop(model))
            self.table.setCellWidget(row, _COLUMNS - 1, button)
            self._stop_buttons[run.model] = button
        self.gradient_depth_combo.blockSignals(True)
        self.gradient_depth_combo.clear()
        for depth in depths:
            self.gradient_depth_combo.addItem("", depth)
        self.gradient_depth_combo.setCurrentIndex(len(depths) - 1)  # the deepest pair shows the most
        self.gradient_depth_combo.blockSignals(False)
        self._place_gradient_slider(result)
        self._retranslate_runs()

    def _place_gradient_slider(self, result: DepthResult) -> None:
        """A live sweep: follow the newest snapshot. A saved one: start a third of the way in, where both kinds
        still learn, so their gradients compare (at the end a residual network that has learnt everything gets
        tiny gradients everywhere); the slider goes back to initialisation and on to the end."""
        pair = [run for run in result.runs if run.depth == max(result.config.depths)]
        steps = min((run.gradient_steps for run in pair), key=len)
        live = result.status == "running"
        self.gradient_slider.blockSignals(True)
        self.gradient_slider.setRange(0, max(0, len(steps) - 1))
        nearest_third = int(np.argmin(np.abs(steps - result.config.steps / 3))) if len(steps) else 0
        self.gradient_slider.setValue(self.gradient_slider.maximum() if live else nearest_third)
        self.gradient_slider.blockSignals(False)

    def _redraw_live_now(self) -> None:
        """A few redraws a second while a sweep trains: enough for a room to follow, light for the window."""
        self._redraw_now()

    def _redraw_now(self) -> None:
        if self.result is None:
            return
        for run in self.result.runs:
            curve = self._curves.get(run.model)
            if curve is not None:
                curve.setData(np.arange(1, run.steps_done + 1), 100 * run.smoothed)
        self._draw_depth_plot()
        self._draw_gradients()
        self._fill_table()
        self._show_effect()
        self._show_progress()

    def _draw_depth_plot(self) -> None:
        depths = sorted(self.result.config.depths)
        for (kind, split), line in self._depth_lines.items():
            runs = [self.result.run(kind, depth) for depth in depths]
            values = [math.nan if run is None else (run.train_error if split == "train" else run.test_error)
                      for run in runs]
            shown = [(d, 100 * v) for d, v in zip(depths, values, strict=True) if math.isfinite(v)]
            line.setData([d for d, _ in shown], [v for _, v in shown])

    def _draw_gradients(self) -> None:
        depth = self.gradient_depth_combo.currentData()
        pair = [self.result.run(kind, depth) for kind in ("plain", "residual")] if depth is not None else []
        snapshots = min((len(run.gradient_steps) for run in pair if run is not None), default=0)
        at_end = self.gradient_slider.value() >= self.gradient_slider.maximum()
        self.gradient_slider.blockSignals(True)
        self.gradient_slider.setRange(0, max(0, snapshots - 1))
        if at_end:
            self.gradient_slider.setValue(self.gradient_slider.maximum())  # follow a live sweep's newest
        self.gradient_slider.blockSignals(False)
        index = self.gradient_slider.value()
        for (kind, when), line in self._gradient_lines.items():
            run = self.result.run(kind, depth) if depth is not None else None
            if run is None or snapshots == 0:
                line.setData([], [])
                continue
            norms = run.gradient_norms[0 if when == "init" else index]
            line.setData(np.arange(1, len(norms) + 1), norms)
        step = int(pair[0].gradient_steps[index]) if snapshots else None
        if self._gradient_shown != (depth, step, self.tr("at initialisation")):
            self._gradient_shown = (depth, step, self.tr("at initialisation"))
            self._retranslate_gradients(depth, step)

    def _fill_table(self) -> None:
        for row, run in enumerate(self.result.runs):
            texts = [run.title, exact(run.params), _percent(run.train_error), _percent(run.test_error),
                     f"{run.seconds:.1f}"]
            for column, text in enumerate(texts):
                self.table.item(row, column).setText(text)
            self._stop_buttons[run.model].setEnabled(self._running and run.status == "running")
        self.table.updateGeometry()  # its rows (and, in another language, its header) set its height
        self.table.setColumnHidden(_COLUMNS - 1, not self._running)  # its Stop buttons are for a running sweep

    # ------------------------------------------------------------ texts and state

    def _show_effect(self) -> None:
        self.reading_label.setText(self._reading_text())
        comparison = compare(self.result) if self.result is not None else None
        if comparison is None:
            self.effect_label.setText("")
            return
        c = comparison
        self.effect_label.setText(self.tr(
            "At step {step}: plain {shallow} → {deep} layers, training error {p1} → {p2}; "
            "residual {shallow} → {deep} layers, {r1} → {r2}.").format(
            step=c.step, shallow=c.shallow_depth, deep=c.deep_depth, p1=_percent(c.plain_shallow),
            p2=_percent(c.plain_deep), r1=_percent(c.residual_shallow), r2=_percent(c.residual_deep)))

    def _reading_text(self) -> str:
        """What this result reproduces of the paper and what not, and why its networks are smaller."""
        if self.result is None or self._running:
            return ""
        parts = []
        comparison = compare(self.result)
        if comparison is not None and comparison.plain_degrades and comparison.residual_holds:
            parts.append(self.tr("Reproduced: the paper's training-error result (thin lines in its Fig. 6): deeper "
                                 "plain networks train worse, deeper residual ones do not."))
        elif comparison is not None:
            parts.append(self.tr("Not reproduced in this run: the paper's training-error result (deeper plain "
                                 "networks train worse, deeper residual ones do not)."))
        test = residual_test_errors(self.result)
        if test is not None and test.rises:
            parts.append(self.tr(
                "Not reproduced: in the paper the deeper ResNets also test better on CIFAR-10; here the residual "
                "test error rises a little with depth ({shallow}: {e1}, {deep}: {e2}), after a short run on a "
                "small data set.").format(shallow=test.shallow_depth, deep=test.deep_depth,
                                          e1=_percent(test.residual_shallow), e2=_percent(test.residual_deep)))
        elif test is not None:
            parts.append(self.tr("As in the paper, the residual test error does not rise with depth."))
        config = self.result.config
        if config.width != PAPER_WIDTH:
            depth = min(config.depths)
            run = self.result.run("residual", depth)
            if run is not None:
                parts.append(self.tr(
                    "These networks have width {width} (the paper's: {paper}), so ResNet-{depth} here has {params} "
                    "parameters; the overview's ResNet-{depth}, at the paper's width, has {full}.").format(
                    width=config.width, paper=PAPER_WIDTH, depth=depth, params=exact(run.params),
                    full=exact(params_at_paper_width(depth, config.shortcut))))
        return " ".join(parts)

    def _show_progress(self) -> None:
        result = self.result
        total = result.config.steps * len(result.runs) if result is not None else 0
        done = sum(run.steps_done for run in result.runs) if result is not None else 0
        self.progress_bar.setValue(round(1000 * done / total) if total else 0)

    def _show_state(self) -> None:
        self.run_button.setEnabled(not self._running)
        self.stop_button.setEnabled(self._running)
        self.options_box.setEnabled(not self._running)
        self.progress_bar.setVisible(self._running or self._source == "live")
        self.status_label.setText(self._status_text())
        if self.result is not None:
            self._fill_table()

    def _status_text(self) -> str:
        result = self.result
        if self._starting:
            return self.tr("Starting the sweep…")
        if result is None:
            return ""
        config = result.config
        what = self.tr("{data}, width {width}, shortcut {shortcut}, {steps} steps of {batch} images, on {device}")
        what = what.format(
            data=self.tr("handwritten digits") if config.data == "digits" else "CIFAR-10", width=config.width,
            shortcut=config.shortcut, steps=exact(config.steps), batch=config.batch_size, device=result.device)
        if self._running:
            return self.tr("Training: {what}").format(what=what)
        name = Path(self._path).name
        if self._source == "shipped":
            return self.tr("Shipped result ({what}), made by `make depth`.").format(what=what)
        if result.status == "stopped":
            return self.tr("Stopped; the partial result is saved in {name} ({what}).").format(name=name, what=what)
        return self.tr("Result {name} ({what}).").format(name=name, what=what)

    def _show_message(self, message: str) -> None:
        self.message_label.setText(localized(message))
        self.message_label.setVisible(bool(message))

    def showEvent(self, event) -> None:
        if self.result is None and not self._running:
            self.show_shipped()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.caption.setText(self.tr(
            "He et al. (2016), Figure 6, on the handwritten digits: plain (dashed) and residual (solid) networks of "
            "several depths, trained side by side with the same data, settings and seed. More plain layers make the "
            "training error worse: the deeper plain network is harder to optimise, it is not over-fitting. With "
            "skip connections the deeper network trains as well as the shallow one. Below: at initialisation the "
            "deep plain network's gradients grow towards the input; a few steps later its first layers get far "
            "less than its last ones, while the residual network's gradient reaches every layer."))
        self.options_box.setTitle(self.tr("Run again"))
        for label, text in zip(self.form_labels, (self.tr("Depths (6n+2)"), self.tr("Steps"), self.tr("Width"),
                                                  self.tr("Shortcut")), strict=True):
            label.setText(text)
        _set_texts(self.shortcut_combo, [self.tr("A: zero-padded identity"), self.tr("B: projection (1×1 conv)")])
        self.run_button.setText(self.tr("Run again"))
        self.stop_button.setText(self.tr("Stop all"))
        self.open_button.setText(self.tr("Open a saved result…"))
        self.table.setHorizontalHeaderLabels([_two_lines(text) for text in (
            self.tr("Network"), self.tr("Parameters"), self.tr("Training error"), self.tr("Test error"),
            self.tr("Seconds"), "")])
        label = {"font-size": "14pt", "color": "#000"}
        self.curve_plot.setTitle(self.tr("Training error (%) against steps"), size="16pt", color="k")
        self.curve_plot.setLabel("bottom", self.tr("step"), **label)
        self.depth_plot.setTitle(self.tr("Final error (%) against depth"), size="16pt", color="k")
        self.depth_plot.setLabel("bottom", self.tr("layers"), **label)
        self.gradient_plot.setTitle(self.tr("Gradient norm per layer (log scale)"), size="16pt", color="k")
        self.gradient_plot.setLabel("bottom", self.tr("layer, from the input to the output"), **label)
        self.gradient_depth_label.setText(self.tr("Gradients of the networks with"))
        self.depth_legend.clear()
        for (kind, split), line in self._depth_lines.items():
            name = {("plain", "train"): self.tr("plain, training (thin)"),
                    ("plain", "test"): self.tr("plain, test (bold)"),
                    ("residual", "train"): self.tr("residual, training (thin)"),
                    ("residual", "test"): self.tr("residual, test (bold)")}[(kind, split)]
            self.depth_legend.addItem(line, name)
        self._fit_legends()
        self._retranslate_runs()
        self._show_state()
        if self.result is not None:
            self._redraw_now()

    def _retranslate_runs(self) -> None:
        for index in range(self.gradient_depth_combo.count()):
            depth = self.gradient_depth_combo.itemData(index)
            self.gradient_depth_combo.setItemText(index, self.tr("{depth} layers").format(depth=depth))
        for button in self._stop_buttons.values():
            button.setText(self.tr("Stop"))

    def _retranslate_gradients(self, depth: int | None, step: int | None) -> None:
        self.gradient_legend.clear()
        if depth is None or step is None:
            self.gradient_step_label.setText("")
            return
        at = self.tr("at initialisation") if step == 1 else self.tr("at step {step}").format(step=step)
        self.gradient_step_label.setText(self.tr("Thick lines: {at}").format(at=at))
        names = {("plain", "init"): self.tr("Plain-{depth}, at initialisation"),
                 ("plain", "step"): self.tr("Plain-{depth}, {at}"),
                 ("residual", "init"): self.tr("ResNet-{depth}, at initialisation"),
                 ("residual", "step"): self.tr("ResNet-{depth}, {at}")}
        for key, line in self._gradient_lines.items():
            self.gradient_legend.addItem(line, names[key].format(depth=depth, at=at))
        self._fit_legends()

    def _arrange_plots(self, side_by_side: bool) -> None:
        """The curves and the final errors side by side (with the gradients below, across both), or all three
        one above the other: side by side at 150 % on a 1366-pixel screen, the plots' titles alone were wider
        than the page, and the legends over them ran past its right edge."""
        self._side_by_side = side_by_side
        items = ((self.curve_legend, 0, 0), (self.curve_plot, 1, 0), (self.depth_legend, 0, 1),
                 (self.depth_plot, 1, 1), (self.gradient_legend, 2, 0), (self.gradient_plot, 3, 0))
        layout = self.plots.ci
        for item, _, _ in items:
            if item in layout.items:
                layout.removeItem(item)
        for index, (item, row, column) in enumerate(items):
            if not side_by_side:
                row, column = index, 0
            span = 2 if side_by_side and item in (self.gradient_legend, self.gradient_plot) else 1
            layout.addItem(item, row=row, col=column, colspan=span)
        rows = 4 if side_by_side else 6
        for row in range(6):
            plot = row % 2 == 1 and row < rows
            self._grid.setRowStretchFactor(row, 1 if plot else 0)
            if row >= rows:
                self._grid.setRowFixedHeight(row, 0)
        self.plots.setMinimumHeight(560 if side_by_side else 840)  # the curves keep their room: the page scrolls

    def _legend_rows(self):
        """(legend, grid row, share of the plots' width, columns wanted) of each legend as arranged now."""
        if self._side_by_side:
            return ((self.curve_legend, 0, 3 / 5, self._curve_columns), (self.depth_legend, 0, 2 / 5, 2),
                    (self.gradient_legend, 2, 1.0, 2))
        return ((self.curve_legend, 0, 1.0, self._curve_columns), (self.depth_legend, 2, 1.0, 2),
                (self.gradient_legend, 4, 1.0, 2))

    def _fit_legends(self) -> None:
        """The plots side by side when both plots' titles and legends fit the plots' width, and each legend in
        as many columns as its widest entry fits side by side in its column(s), at most its own number, its row
        as tall as its entries' rows: four columns of "Plain-56" over the left plot ran past the page's right
        edge at 150 % on a 1366-pixel screen."""
        width = self.plots.viewport().width() - 12
        minimum = Qt.SizeHint.MinimumSize
        entries = {legend: [label.item.boundingRect() for _, label in legend.items]
                   for legend in (self.curve_legend, self.depth_legend, self.gradient_legend)}

        def entry(legend) -> float:
            return max((r.width() for r in entries[legend]), default=0.0) + _LEGEND_SAMPLE * zoom_factor()

        side_by_side = all(
            max(plot.effectiveSizeHint(minimum).width(), entry(legend), _PLOT_WIDTH * zoom_factor()) <= width * share
            for plot, legend, share in ((self.curve_plot, self.curve_legend, 3 / 5),
                                        (self.depth_plot, self.depth_legend, 2 / 5)))
        if side_by_side != self._side_by_side:
            self._arrange_plots(side_by_side)
        rows: dict[int, float] = {}
        for legend, row, share, wanted in self._legend_rows():
            labels = entries[legend]
            if not labels:
                continue
            columns = max(1, min(wanted, int(width * share // entry(legend))))
            if columns != legend.columnCount:
                legend.setColumnCount(columns)
            spacing = legend.layout.verticalSpacing() + 2
            height = math.ceil(len(labels) / columns) * (max(label.height() for label in labels) + spacing)
            rows[row] = max(rows.get(row, 0.0), height + 12)
        for row, height in rows.items():
            self._grid.setRowFixedHeight(row, height)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.plots and event.type() == QEvent.Type.Resize:
            self._fit_legends()
        return super().eventFilter(watched, event)

    def _on_zoom_changed(self, _factor: float) -> None:
        self._fit_legends()  # the legends' labels have the zoom's size by now

    def _on_gradient_choice_changed(self) -> None:
        if self.result is not None:
            self._draw_gradients()

    def _on_open_clicked(self) -> None:
        start = str(Path(self._path).parent if self._path else default_depth_folder())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a plain-versus-residual result"), start,
                                              self.tr("Results (*.json)"))
        if path:
            self.open_result(path)


class _RunsTable(QTableWidget):
    """The runs' table, asking for the height of all its rows: with the controls above the plots (a narrow
    page) the panel takes its height from here, and the default hint showed four runs of eight."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        height = self.horizontalHeader().height() + rows + 2 * self.frameWidth()
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        return QSize(hint.width(), max(height, 120))


def _legend(plots: pg.GraphicsLayoutWidget, row: int, column: int, columns: int,
            column_span: int = 1) -> pg.LegendItem:
    legend = pg.LegendItem(labelTextSize="14pt", labelTextColor="k", colCount=columns)
    plots.addItem(legend, row=row, col=column, colspan=column_span)
    return legend


def _pen(colour: str, kind: str, width: float) -> pg.QtGui.QPen:
    pen = pg.mkPen(colour, width=width)
    pen.setStyle(_STYLES[kind])
    return pen


def _percent(value: float) -> str:
    return "—" if not math.isfinite(value) else f"{100 * value:.1f}%"


def _spin(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setGroupSeparatorShown(True)
    return spin


def _two_lines(text: str) -> str:
    """A header of two words or more on two lines, broken at the space nearest its middle: the table's columns
    are as wide as their headers, and "Training error" on one line pushed the last column out of the panel."""
    spaces = [index for index, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    middle = min(spaces, key=lambda index: abs(2 * index - len(text)))
    return f"{text[:middle]}\n{text[middle + 1:]}"


def _set_texts(combo: QComboBox, texts: list[str]) -> None:
    for index, text in enumerate(texts):
        combo.setItemText(index, text)
