"""Live training: the options, start / pause / resume / stop, the curves of several runs, and what the network
makes of one test image while it learns.

All the work happens on the engine thread (``engine.learning.training``): this view only sends requests and draws the
events it gets back. Curves are updated in place with ``setData`` from the run's whole history, which every
progress event carries, so a thinned-out stream of events still draws every step. Runs of this session and runs
saved in the runs folder can be shown side by side, exported to CSV and PNG, and compared with a crosshair.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.learning.recipes import recipe_for
from engine.learning.training import MAX_BATCH_SIZE, MAX_EPOCHS, MAX_LR, TrainConfig, trainable_models
from engine.learning.transfer import TRANSFERS
from engine.models.zoo import get_info
from engine.runtime import events as ev
from gui.i18n import localized
from gui.throttle import Throttle
from gui.widgets.augmentation import AugmentationChoice, AugmentedExamples
from gui.widgets.class_names import class_label
from gui.widgets.folders import app_data_folder
from gui.widgets.map_grid import MapGrid
from gui.widgets.plots import style_axes
from gui.widgets.text import ERROR_STYLE, LanguageAware, scaled_font
from gui.widgets.zoom import zoom_factor

__all__ = ["TrainingView", "default_runs_folder", "RUN_COLOURS"]

# Distinct on a washed-out projector and for the common colour blindnesses (Okabe-Ito, less the yellow).
RUN_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#000000")
_DATASETS = ("digits", "mnist", "cifar10", "cifar100")
_SCHEDULES = ("constant", "cosine", "step")
_OPTIMIZERS = ("sgd", "adam")
_DEVICES = ("auto", "cuda", "mps", "cpu")
# The recipe that gets LeNet-5 furthest on the embedded digits in a few epochs (tests/engine/test_training.py).
# LeNet-5's recipe for the digits (engine/learning/recipes.py), as the command line starts from.
_DEFAULTS = dict(model="lenet5", dataset="digits", epochs=10, seed=0, **recipe_for("lenet5", "digits").to_dict())
_RAW_ALPHA = 70
_PROBE_MAPS = 2
_REDRAW_MS = 250


class _RowLegend(pg.LegendItem):
    """A legend laid out in its plot's own grid, in a row under the x axis: inside the plot it covered the
    curves it names (the step plot's start, the accuracy plot's last epochs)."""

    def updateSize(self) -> None:  # noqa: N802 - pyqtgraph's name
        # pyqtgraph places a floating legend with setGeometry; in a layout the layout places it: ask for the room.
        width = height = 0.0
        for row in range(self.layout.rowCount()):
            items = [self.layout.itemAt(row, column) for column in range(self.layout.columnCount())]
            items = [item for item in items if item is not None]
            width = max(width, sum(item.width() + 3 for item in items))
            height += max((item.height() for item in items), default=0.0)
        self.setMinimumSize(0, height)  # a narrow plot keeps its axes; a long run name may be cut instead
        self.setPreferredSize(width, height)
        self.setMaximumHeight(height)
        self.updateGeometry()


def _legend_under(plot: pg.PlotItem) -> pg.LegendItem:
    """A legend for ``plot`` in a row of its own under the x axis; curves added with a name join it."""
    legend = _RowLegend(labelTextSize="13pt", labelTextColor="k", colCount=2)
    plot.layout.addItem(legend, 4, 1)
    plot.legend = legend  # what PlotItem.addItem and removeItem use
    return legend


def default_runs_folder() -> Path:
    """Where the app keeps its training runs: ``runs`` in the user's application data folder."""
    return app_data_folder() / "runs"


@dataclass
class _Run:
    """One run's curves on the four plots, and the figures they are drawn from."""

    run_id: str
    label: str
    path: str
    colour: str
    items: dict = field(default_factory=dict)  # PlotItem -> its PlotDataItems of this run
    steps: np.ndarray = field(default_factory=lambda: np.zeros(0))
    losses: np.ndarray = field(default_factory=lambda: np.zeros(0))
    smoothed: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lrs: np.ndarray = field(default_factory=lambda: np.zeros(0))
    epochs: list = field(default_factory=list)  # (epoch, train loss, train acc, test loss, test acc)
    shown: bool = True

    def epoch_columns(self) -> list[np.ndarray]:
        table = np.asarray(self.epochs, dtype=float).reshape(-1, 5)
        return [table[:, k] for k in range(5)]


class TrainingView(LanguageAware, QWidget):
    """Train a zoo model live and watch it learn.

    Parameters
    ----------
    bridge : gui.engine_bridge.EngineBridge
        The engine thread's bridge; the view submits ``StartTraining`` and friends through its own client.
    runs_folder : str or Path, optional
        Where runs are saved and listed; :func:`default_runs_folder` when None.
    """

    def __init__(self, bridge, parent: QWidget | None = None, runs_folder: str | Path | None = None) -> None:
        super().__init__(parent)
        self._redraw_live = Throttle(self._redraw_live_now, _REDRAW_MS, self)
        self.bridge = bridge
        self._engine = bridge.client(self)
        self.runs_folder = Path(runs_folder) if runs_folder is not None else default_runs_folder()
        self._runs: dict[str, _Run] = {}
        self._saved: dict[str, ev.RunSummary] = {}  # path -> summary of runs on disk not loaded yet
        self._live_id = ""
        self._state = "idle"  # idle | starting | running | paused
        self._progress: ev.TrainingProgress | None = None
        self._epochs_planned = 0
        self._folder = ""
        self._probe: ev.TrainingProbe | None = None
        self._message = ""
        self._readout = ("", 0.0)

        self.setFont(scaled_font(self, 1.15))
        controls = self._build_controls()
        plots = self._build_plots()
        probe = self._build_probe()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(controls)
        layout.addWidget(plots, 1)  # the plots take what the options and the probe leave
        layout.addWidget(probe)

        self.retranslate()
        self._show_state()
        self.refresh_runs()

    # ------------------------------------------------------------ construction

    def _build_controls(self) -> QWidget:
        self.model_combo = QComboBox()
        for name in trainable_models():
            self.model_combo.addItem(f"{get_info(name).title}  ({name})", name)
        self.model_combo.activated.connect(self._apply_recipe)
        self.transfer_combo = _choices(TRANSFERS)
        self.dataset_combo = QComboBox()
        for name in (*_DATASETS, "folder"):
            self.dataset_combo.addItem("", name)
        self.dataset_combo.activated.connect(self._on_dataset_activated)
        self._image_folder = ""
        self.epochs_spin = _spin(1, MAX_EPOCHS)
        self.batch_spin = _spin(1, MAX_BATCH_SIZE)
        self.lr_spin = _real_spin(1e-5, MAX_LR)
        self.schedule_combo = _choices(_SCHEDULES)
        self.optimizer_combo = _choices(_OPTIMIZERS)
        self.decay_spin = _real_spin(0.0, 1.0)
        self.augment_check = AugmentationChoice()
        self.seed_spin = _spin(0, 2**31 - 1)
        self.device_combo = _choices(_DEVICES)
        self._fields = [self.model_combo, self.transfer_combo, self.dataset_combo, self.epochs_spin, self.batch_spin,
                        self.lr_spin, self.schedule_combo, self.optimizer_combo, self.decay_spin, self.augment_check,
                        self.seed_spin, self.device_combo]
        self.form_labels = [QLabel() for _ in self._fields]
        self.options_box = QGroupBox()
        form = QFormLayout(self.options_box)
        for label, widget in zip(self.form_labels, self._fields, strict=True):
            form.addRow(label, widget)
        self.set_options(TrainConfig(**_DEFAULTS))

        self.start_button = QPushButton()
        self.pause_button = QPushButton()
        self.stop_button = QPushButton()
        for button in (self.start_button, self.pause_button, self.stop_button):
            button.setFont(scaled_font(self, 1.35, bold=True))
            button.setMinimumHeight(48)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.stop_button.clicked.connect(self.stop)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setMinimumHeight(30)
        self.progress_label = QLabel()
        self.progress_label.setFont(scaled_font(self, 1.25, bold=True))
        self.progress_label.setWordWrap(True)
        # After a run: its name (its folder's), and a button that opens the folder, not a path in large type.
        self.open_folder_button = QPushButton()
        self.open_folder_button.clicked.connect(self.open_run_folder)
        self.open_folder_button.setVisible(False)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.runs_box = QGroupBox()
        self.runs_list = QListWidget()
        self.runs_list.setMinimumHeight(140)
        self.runs_list.itemChanged.connect(self._on_run_item_changed)
        self.runs_list.itemClicked.connect(self._on_run_item_clicked)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._on_open_clicked)
        self.csv_button = QPushButton()
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self.png_button = QPushButton()
        self.png_button.clicked.connect(self._on_png_clicked)
        runs_layout = QGridLayout(self.runs_box)
        runs_layout.addWidget(self.runs_list, 0, 0, 1, 2)
        runs_layout.addWidget(self.open_button, 1, 0, 1, 2)
        runs_layout.addWidget(self.csv_button, 2, 0)
        runs_layout.addWidget(self.png_button, 2, 1)

        self.controls_panel = panel = QWidget()
        column = QVBoxLayout(panel)
        column.addWidget(self.options_box)
        column.addLayout(buttons)
        column.addWidget(self.progress_bar)
        column.addWidget(self.progress_label)
        column.addWidget(self.open_folder_button)
        column.addWidget(self.message_label)
        column.addWidget(self.runs_box, 1)
        self.controls_scroll = scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    def _build_plots(self) -> QWidget:
        # Four plot widgets rather than one layout of four plots: each repaints alone, and a Qt title can be cut
        # short in a narrow window where a plot's own title would push its neighbour out of sight.
        self.plots = QWidget()
        self.plots.setStyleSheet("background: white;")
        grid = QGridLayout(self.plots)
        grid.setContentsMargins(4, 4, 4, 4)
        self.plot_titles: dict[pg.PlotItem, QLabel] = {}
        self.loss_plot = self._plot(grid, 0, 0)
        self.accuracy_plot = self._plot(grid, 0, 1, whole_x=True)
        self.epoch_loss_plot = self._plot(grid, 2, 0, whole_x=True)
        self.lr_plot = self._plot(grid, 2, 1, rates=True)
        self.accuracy_plot.setLimits(yMin=0.0, yMax=1.02)  # zoomed to the runs' range, never past 100%
        self.loss_legend = _legend_under(self.loss_plot)
        self.accuracy_legend = _legend_under(self.accuracy_plot)
        self._crosshairs = {}
        for plot in self.plot_titles:
            line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888888", width=1,
                                                                         style=Qt.PenStyle.DashLine))
            line.setVisible(False)
            plot.addItem(line, ignoreBounds=True)
            self._crosshairs[plot] = line
            plot.scene().sigMouseMoved.connect(partial(self._on_mouse_moved, plot))
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.readout_label = QLabel()
        self.readout_label.setFont(scaled_font(self, 1.2))
        self.readout_label.setWordWrap(True)
        self.readout_label.setMinimumHeight(self.readout_label.fontMetrics().height() * 2 + 8)
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.plots, 1)
        column.addWidget(self.key_label)
        column.addWidget(self.readout_label)
        return panel

    def _plot(self, grid: QGridLayout, row: int, column: int, whole_x: bool = False,
              rates: bool = False) -> pg.PlotItem:
        axes = {"bottom": _WholeNumberAxis("bottom")} if whole_x else {}
        if rates:
            axes["left"] = _RateAxis("left")
        widget = pg.PlotWidget(background="w", axisItems=axes)
        widget.setMinimumSize(160, 140)
        plot = widget.getPlotItem()
        # A grid is drawn by the axes, so a plot with one repaints its axes whenever a curve moves: six times
        # the cost of the curve. Only the epoch plots, which change once an epoch, get one.
        plot.showGrid(x=whole_x, y=whole_x, alpha=0.25)
        style_axes(plot, self, 1.1, left_width=72 if rates else 58)
        title = _Title()
        title.setFont(scaled_font(self, 1.3, bold=True))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Wrapped at words in a narrow dock ("Training loss per step" was cut to "ning loss per"); its longest
        # word is narrower than the plot under it, so it never widens the grid.
        title.setWordWrap(True)
        grid.addWidget(title, row, column)
        grid.addWidget(widget, row + 1, column)
        grid.setRowStretch(row + 1, 1)
        self.plot_titles[plot] = title
        return plot

    def _build_probe(self) -> QWidget:
        self.probe_image = MapGrid()
        self.probe_caption = QLabel()
        self.probe_caption.setFont(scaled_font(self, 1.3, bold=True))
        self.probe_caption.setWordWrap(True)
        self.filters_title = _Title()
        self.filters_panel = MapGrid()
        self.map_titles = [_Title() for _ in range(_PROBE_MAPS)]
        self.map_grids = [MapGrid() for _ in range(_PROBE_MAPS)]
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.probe_caption)
        column.addWidget(self.probe_image, 2)
        column.addWidget(self.filters_title)
        column.addWidget(self.filters_panel, 2)
        for title, grid in zip(self.map_titles, self.map_grids, strict=True):
            column.addWidget(title)
            column.addWidget(grid, 3)
        self.augmented_examples = AugmentedExamples()
        self.augmented_examples.hide()
        column.addWidget(self.augmented_examples, 2)
        for title in (self.filters_title, *self.map_titles):
            title.setFont(scaled_font(self, 1.15, bold=True))
            title.setWordWrap(True)  # in a column of at most 320 px: "First-layer filters" was cut at 150 %
        self.probe_panel = panel
        self._fit_probe()
        return panel

    def _fit_probe(self) -> None:
        """The probe's column 220 to 320 px at 100 %, wider with the zoom and never narrower than its titles'
        longest word (at 200 % "First-layer" alone is wider than 220 px)."""
        longest = max(_longest_word(title) for title in (self.filters_title, *self.map_titles)) + 8
        low = max(round(220 * zoom_factor()), longest)
        self.probe_panel.setMinimumWidth(low)
        self.probe_panel.setMaximumWidth(max(round(320 * zoom_factor()), low))

    # ------------------------------------------------------------ options

    def options(self) -> TrainConfig:
        """The options as the controls show them (not yet validated)."""
        dataset = self.dataset_combo.currentData()
        if dataset == "folder":
            dataset = f"folder:{self._image_folder}"
        return TrainConfig(
            model=self.model_combo.currentData(), transfer=self.transfer_combo.currentData(), dataset=dataset,
            epochs=self.epochs_spin.value(), batch_size=self.batch_spin.value(), lr=self.lr_spin.value(),
            optimizer=self.optimizer_combo.currentData(), schedule=self.schedule_combo.currentData(),
            weight_decay=self.decay_spin.value(), augment=self.augment_check.methods(), seed=self.seed_spin.value(),
            device=self.device_combo.currentData(), out_dir=str(self.runs_folder),
        )

    def set_options(self, config: TrainConfig) -> None:
        """Show ``config``'s options in the controls."""
        _select(self.model_combo, config.model)
        _select(self.transfer_combo, config.transfer)
        if config.dataset.startswith("folder:"):
            self._image_folder = config.dataset[len("folder:"):]
            _select(self.dataset_combo, "folder")
        else:
            _select(self.dataset_combo, config.dataset)
        self.epochs_spin.setValue(config.epochs)
        self.batch_spin.setValue(config.batch_size)
        self.lr_spin.setValue(config.learning_rate)
        _select(self.schedule_combo, config.schedule)
        _select(self.optimizer_combo, config.optimizer)
        self.decay_spin.setValue(config.weight_decay)
        self.augment_check.set_dataset(config.dataset)
        self.augment_check.set_methods(config.augment)
        self.seed_spin.setValue(config.seed)
        _select(self.device_combo, config.device)

    # ------------------------------------------------------------ actions

    def start(self) -> None:
        """Start a run with the options shown; the engine checks them and says what is wrong, if anything."""
        if self._state != "idle":
            return
        self._message = ""
        self._progress = None
        self._state = "starting"
        self._engine.submit(ev.StartTraining(self.options()), self._training_replies(), self._on_start_failed)
        self._show_state()

    def state(self) -> str:
        """``idle``, ``starting``, ``running`` or ``paused``."""
        return self._state

    def pause(self) -> None:
        if self._state == "running":
            self._engine.submit(ev.PauseTraining(), on_failure=self._on_request_failed)

    def resume(self) -> None:
        if self._state == "paused":
            self._engine.submit(ev.ResumeTraining(), on_failure=self._on_request_failed)

    def stop(self) -> None:
        if self._state in ("running", "paused", "starting"):
            self._engine.submit(ev.StopTraining(), on_failure=self._on_request_failed)

    def refresh_runs(self) -> None:
        """Ask the engine for the runs saved in the runs folder."""
        self._engine.submit(ev.ListRuns(str(self.runs_folder)), {ev.RunsListed: self._on_runs_listed},
                            self._on_request_failed)

    def open_run(self, path: str | Path) -> None:
        """Load a saved run's curves (a run folder) and overlay them."""
        self._engine.submit(ev.LoadRun(str(path)), {ev.RunLoaded: self._on_run_loaded}, self._on_request_failed)

    def export_csv(self, path: str | Path) -> None:
        """Write the shown runs' curves to ``path``: one row per step and one per epoch, like ``metrics.csv``."""
        with Path(path).open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(("run", "kind", "epoch", "step", "loss", "smoothed_loss", "lr", "train_loss",
                             "train_accuracy", "test_loss", "test_accuracy"))
            runs = self._shown_runs()
            labels = [run.label for run in runs]
            for run in runs:
                # Two runs started in the same second share a label (it names the minute and second): the run's
                # folder tells them apart.
                name = run.label if labels.count(run.label) == 1 else f"{run.label} ({run.run_id})"
                for step, loss, smoothed, lr in zip(run.steps, run.losses, run.smoothed, run.lrs, strict=True):
                    writer.writerow((name, "step", "", int(step), loss, smoothed, lr, "", "", "", ""))
                for epoch, train_loss, train_accuracy, test_loss, test_accuracy in run.epochs:
                    writer.writerow((name, "epoch", int(epoch), "", "", "", "", train_loss, train_accuracy,
                                     test_loss, test_accuracy))

    def export_png(self, path: str | Path) -> bool:
        """Save the four plots as an image; True when written."""
        return self.plots.grab().save(str(path))

    # ------------------------------------------------------------ engine events

    def _training_replies(self) -> dict:
        return {
            ev.TrainingStarted: self._on_training_started,
            ev.TrainingProgress: self._on_training_progress,
            ev.TrainingEpoch: self._on_training_epoch,
            ev.TrainingProbe: self._on_training_probe,
            ev.TrainingAugmented: self._on_training_augmented,
            ev.TrainingPaused: self._on_training_paused,
            ev.TrainingFinished: self._on_training_finished,
            ev.TrainingFailed: self._on_training_failed,
        }

    def _on_training_started(self, event: ev.TrainingStarted) -> None:
        self._live_id, self._state = event.run_id, "running"
        self._epochs_planned, self._folder = event.epochs, event.run_dir
        self._probe = None
        self.augmented_examples.hide()  # until this run's first augmented batch, if it augments
        self._add_run(_Run(event.run_id, event.label, event.run_dir, self._next_colour()))
        self._show_state()

    def _on_training_progress(self, event: ev.TrainingProgress) -> None:
        run = self._runs.get(event.run_id)
        if run is None:
            return
        self._progress = event
        run.steps, run.losses, run.smoothed, run.lrs = event.steps, event.losses, event.smoothed, event.lrs
        self._redraw_live()

    def _redraw_live_now(self) -> None:
        """The live run's step curves and progress, a few times a second: enough for a room to follow, and
        light enough that the window stays responsive (each redraw re-lays out the plots' axes)."""
        run = self._runs.get(self._live_id)
        if run is not None:
            self._draw_steps(run)
        self._show_progress()

    def _on_training_epoch(self, event: ev.TrainingEpoch) -> None:
        run = self._runs.get(event.run_id)
        if run is None:
            return
        run.epochs.append((event.epoch, event.train_loss, event.train_accuracy, event.test_loss,
                           event.test_accuracy))
        self._draw_epochs(run)

    def _on_training_probe(self, event: ev.TrainingProbe) -> None:
        if event.run_id == self._live_id:
            self._probe = event
            self._show_probe()

    def _on_training_augmented(self, event: ev.TrainingAugmented) -> None:
        if event.run_id == self._live_id:
            self.augmented_examples.show_examples(event.originals, event.augmented)
            self.augmented_examples.show()

    def _on_training_paused(self, event: ev.TrainingPaused) -> None:
        if event.run_id == self._live_id:
            self._state = "paused" if event.paused else "running"
            self._show_state()

    def _on_training_finished(self, event: ev.TrainingFinished) -> None:
        if event.run_id != self._live_id:
            return
        self._redraw_live.flush()  # the last steps, held back by the throttle
        self._state = "idle"
        self._message = ""
        self._show_state()
        self.refresh_runs()

    def _on_training_failed(self, event: ev.TrainingFailed) -> None:
        if event.run_id != self._live_id:
            return
        self._redraw_live.flush()
        self._state, self._message = "idle", event.message
        self._show_state()
        self.refresh_runs()

    def _on_start_failed(self, event: ev.RequestFailed) -> None:
        self._state, self._message = "idle", event.message
        self._show_state()

    def _on_request_failed(self, event: ev.RequestFailed) -> None:
        self._message = event.message
        self._show_message()

    def _on_runs_listed(self, event: ev.RunsListed) -> None:
        self._saved = {run.path: run for run in event.runs if run.run_id not in self._runs}
        self._fill_runs_list()

    def _on_run_loaded(self, event: ev.RunLoaded) -> None:
        metrics = event.metrics
        shown = next((run for run in self._runs.values() if run.path == metrics.path), None)
        if shown is not None:
            self._message = self.tr("{label} is already shown.").format(label=shown.label)
            self._show_message()
            return
        # A copied run folder keeps its run's id: it is told apart by its folder, so both can be compared.
        key, label = metrics.run_id, metrics.label
        if key in self._runs:
            key, label = metrics.path, f"{metrics.label} ({Path(metrics.path).name})"
        run = _Run(key, label, metrics.path, self._next_colour(), steps=metrics.steps,
                   losses=metrics.losses, smoothed=metrics.smoothed, lrs=metrics.lrs)
        run.epochs = [tuple(row) for row in zip(metrics.epochs, metrics.train_loss, metrics.train_accuracy,
                                                metrics.test_loss, metrics.test_accuracy, strict=True)]
        self._saved.pop(metrics.path, None)
        self._add_run(run)
        self._draw_steps(run)
        self._draw_epochs(run)
        self._message = ""  # an earlier error is about something else: the run opened
        self._show_message()

    # ------------------------------------------------------------ runs and curves

    def _add_run(self, run: _Run) -> None:
        self._runs[run.run_id] = run
        colour = pg.mkColor(run.colour)
        faint = pg.mkColor(run.colour)
        faint.setAlpha(_RAW_ALPHA)
        solid, dashed = pg.mkPen(colour, width=3), pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine)
        symbol = dict(symbol="o", symbolSize=9, symbolBrush=colour, symbolPen=colour)
        run.items = {
            self.loss_plot: [pg.PlotDataItem(pen=pg.mkPen(faint, width=1), clipToView=True, autoDownsample=True),
                             pg.PlotDataItem(pen=solid, name=run.label, clipToView=True, autoDownsample=True)],
            self.accuracy_plot: [pg.PlotDataItem(pen=dashed, **symbol),
                                 pg.PlotDataItem(pen=solid, name=run.label, **symbol)],
            self.epoch_loss_plot: [pg.PlotDataItem(pen=dashed, **symbol), pg.PlotDataItem(pen=solid, **symbol)],
            self.lr_plot: [pg.PlotDataItem(pen=solid)],
        }
        self._show_run(run, True)
        self._fill_runs_list()

    def _show_run(self, run: _Run, shown: bool) -> None:
        run.shown = shown
        for plot, items in run.items.items():
            for item in items:
                if shown and item.scene() is None:
                    plot.addItem(item)
                elif not shown and item.scene() is not None:
                    plot.removeItem(item)  # also takes it out of the legend

    def _draw_steps(self, run: _Run) -> None:
        raw, smooth = run.items[self.loss_plot]
        raw.setData(run.steps, run.losses)
        smooth.setData(run.steps, run.smoothed)
        run.items[self.lr_plot][0].setData(run.steps, run.lrs)

    def _draw_epochs(self, run: _Run) -> None:
        epochs, train_loss, train_accuracy, test_loss, test_accuracy = run.epoch_columns()
        train, test = run.items[self.accuracy_plot]
        train.setData(epochs, train_accuracy)
        test.setData(epochs, test_accuracy)
        train, test = run.items[self.epoch_loss_plot]
        train.setData(epochs, train_loss)
        test.setData(epochs, test_loss)

    def _next_colour(self) -> str:
        return RUN_COLOURS[len(self._runs) % len(RUN_COLOURS)]

    def _shown_runs(self) -> list[_Run]:
        return [run for run in self._runs.values() if run.shown]

    def _fill_runs_list(self) -> None:
        self.runs_list.blockSignals(True)
        self.runs_list.clear()
        for run in self._runs.values():
            item = QListWidgetItem(run.label)
            item.setData(Qt.ItemDataRole.UserRole, ("run", run.run_id))
            item.setForeground(pg.mkColor(run.colour))
            item.setCheckState(Qt.CheckState.Checked if run.shown else Qt.CheckState.Unchecked)
            self.runs_list.addItem(item)
        for summary in self._saved.values():
            item = QListWidgetItem(self._summary_text(summary))
            item.setData(Qt.ItemDataRole.UserRole, ("saved", summary.path))
            # The whole line (the list may cut it), and why it is damaged, stopped or failed.
            item.setToolTip("\n".join(filter(None, (item.text(), localized(summary.problem)))))
            if summary.status == "damaged":
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            else:
                item.setCheckState(Qt.CheckState.Unchecked)
            self.runs_list.addItem(item)
        self.runs_list.blockSignals(False)

    def _summary_text(self, summary: ev.RunSummary) -> str:
        if summary.status == "damaged":
            return self.tr("{label} (damaged, cannot be opened)").format(label=summary.label)
        if summary.status == "interrupted":
            ending = self.tr("interrupted")
        elif summary.status == "running":
            ending = self.tr("running")
        else:
            ending = ""
        if summary.best_test_accuracy is None:
            text = self.tr("{label} (no epoch finished)").format(label=summary.label)
        else:
            text = self.tr("{label} ({epochs} epochs, best test accuracy {accuracy:.1%})").format(
                label=summary.label, epochs=summary.epochs_done, accuracy=summary.best_test_accuracy)
        return f"[{ending}] {text}" if ending else text  # first: the list is narrow, the end of a line is cut

    def _on_run_item_clicked(self, item: QListWidgetItem) -> None:
        """A damaged run cannot be opened: a click says why."""
        kind, key = item.data(Qt.ItemDataRole.UserRole)
        summary = self._saved.get(key) if kind == "saved" else None
        if summary is not None and summary.status == "damaged":
            self._message = summary.problem
            self._show_message()

    def _on_run_item_changed(self, item: QListWidgetItem) -> None:
        kind, key = item.data(Qt.ItemDataRole.UserRole)
        checked = item.checkState() == Qt.CheckState.Checked
        if kind == "run":
            self._show_run(self._runs[key], checked)
        elif checked:
            self.open_run(key)

    # ------------------------------------------------------------ crosshair

    def _on_mouse_moved(self, plot: pg.PlotItem, position) -> None:
        if plot.vb.sceneBoundingRect().contains(position):
            kind = "step" if plot in (self.loss_plot, self.lr_plot) else "epoch"
            self._readout = (kind, plot.vb.mapSceneToView(position).x())
            self._show_crosshair()

    def _show_crosshair(self) -> None:
        kind, x = self._readout
        step_plots = (self.loss_plot, self.lr_plot)
        for plot, line in self._crosshairs.items():
            line.setVisible(bool(kind) and (plot in step_plots) == (kind == "step"))
            line.setValue(round(x))
        parts = [self._readout_of(run, kind, x) for run in self._shown_runs()]
        parts = [part for part in parts if part]
        self.readout_label.setText("\n".join(parts))

    def _readout_of(self, run: _Run, kind: str, x: float) -> str:
        if kind == "step" and len(run.steps):
            index = _nearest(run.steps, x)
            return self.tr("{run}: step {step}, loss {loss:.4f} (smoothed {smoothed:.4f}), learning rate {lr:.3g}"
                           ).format(run=run.label, step=int(run.steps[index]), loss=run.losses[index],
                                    smoothed=run.smoothed[index], lr=run.lrs[index])
        if kind == "epoch" and run.epochs:
            epochs, train_loss, train_accuracy, test_loss, test_accuracy = run.epoch_columns()
            index = _nearest(epochs, x)
            accuracy = self.tr("test accuracy {test:.1%} (training {train:.1%})").format(
                test=test_accuracy[index], train=train_accuracy[index])
            loss = self.tr("test loss {test:.4f} (training {train:.4f})").format(test=test_loss[index],
                                                                                 train=train_loss[index])
            return self.tr("{run}: epoch {epoch}, {accuracy}, {loss}").format(
                run=run.label, epoch=int(epochs[index]), accuracy=accuracy, loss=loss)
        return ""

    # ------------------------------------------------------------ showing state

    def _show_state(self) -> None:
        idle = self._state == "idle"
        for widget in self._fields:
            widget.setEnabled(idle)
        self.start_button.setEnabled(idle)
        self.pause_button.setEnabled(self._state in ("running", "paused"))
        self.stop_button.setEnabled(not idle)
        self.pause_button.setText(self.tr("Resume") if self._state == "paused" else self.tr("Pause"))
        self._show_progress()
        self._show_message()

    def _show_message(self) -> None:
        self.message_label.setText(localized(self._message))
        self.message_label.setVisible(bool(self._message))

    def open_run_folder(self) -> bool:
        """Open the last run's folder in the system's file manager; True if the system took it."""
        return bool(self._folder) and QDesktopServices.openUrl(QUrl.fromLocalFile(self._folder))

    def _show_progress(self) -> None:
        event = self._progress
        self.open_folder_button.setVisible(False)
        self.progress_label.setToolTip("")
        if self._state == "starting":
            self.progress_label.setText(self.tr("Preparing the data and the model…"))
            return
        if event is None:
            self.progress_bar.setValue(0)
            self.progress_label.setText(self.tr("Ready to train."))
            return
        self.progress_bar.setValue(round(1000 * event.done / max(event.total, 1)))
        if self._state == "idle":
            self.progress_label.setText(self.tr("Run “{name}” saved.").format(name=Path(self._folder).name))
            self.progress_label.setToolTip(self._folder)
            self.open_folder_button.setVisible(bool(self._folder))
            return
        phase = self.tr("training") if event.phase == "train" else self.tr("testing")
        if self._state == "paused":
            phase = self.tr("paused")
        left = self.tr("time left {time}").format(time=_clock(event.seconds_left)) if math.isfinite(
            event.seconds_left) else self.tr("measuring speed…")
        self.progress_label.setText(self.tr("Epoch {epoch} of {epochs} · {phase}\n{rate} images/s · {left}").format(
            epoch=event.epoch, epochs=self._epochs_planned, phase=phase,
            rate=f"{event.images_per_second:,.0f}", left=left))

    def _show_probe(self) -> None:
        probe = self._probe
        if probe is None:
            return
        image = probe.image
        self.probe_image.show_array(image, levels=(0.0, 1.0), colormap="CET-L1" if image.ndim == 2 else None)
        right = probe.prediction == probe.label
        colour = "#1b5e20" if right else "#a61e1e"
        self.probe_caption.setStyleSheet(f"color: {colour};")
        self.probe_caption.setText(self.tr("Test image: {label} · the network says: {guess}").format(
            label=class_label(probe.label), guess=class_label(probe.prediction)))
        if probe.filters is not None:
            self.filters_panel.show_array(_filter_sheet(probe.filters), levels=(0.0, 1.0),
                                          colormap="CET-L1" if probe.filters.shape[3] == 1 else None)
        for index, (title, grid) in enumerate(zip(self.map_titles, self.map_grids, strict=True)):
            if index < len(probe.maps):
                name, maps = probe.maps[index]
                grid.set_maps(maps, per_channel=True)
                title.setText(self.tr("Feature maps of {layer}").format(layer=name))
        self._fit_probe()

    # ------------------------------------------------------------ dialogs

    def _on_pause_clicked(self) -> None:
        if self._state == "paused":
            self.resume()
        else:
            self.pause()

    def _apply_recipe(self, *_) -> None:
        """The model's default recipe for the data set chosen (engine/learning/recipes.py), as the command line
        starts from: picked when the user picks a model or a data set, so a set value is never overwritten else."""
        dataset = self.dataset_combo.currentData()
        recipe = recipe_for(self.model_combo.currentData(), dataset if dataset != "folder" else "folder:")
        self.batch_spin.setValue(recipe.batch_size)
        self.lr_spin.setValue(recipe.lr)
        _select(self.schedule_combo, recipe.schedule)
        _select(self.optimizer_combo, recipe.optimizer)
        self.decay_spin.setValue(recipe.weight_decay)

    def _on_dataset_activated(self, index: int) -> None:
        dataset = self.dataset_combo.itemData(index)
        self.augment_check.set_dataset(dataset if dataset != "folder" else f"folder:{self._image_folder}")
        self._apply_recipe()
        if self.dataset_combo.itemData(index) != "folder":
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Image folder (one sub-folder per class)"),
                                                  self._image_folder)
        if folder:
            self._image_folder = folder
            self.retranslate()
        elif not self._image_folder:
            self.dataset_combo.setCurrentIndex(0)

    def _on_open_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a saved run"), str(self.runs_folder))
        if folder:
            self.open_run(folder)

    def _on_csv_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the curves as CSV"), "training.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path)

    def _on_png_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the plots as PNG"), "training.png",
                                              self.tr("PNG images (*.png)"))
        if path:
            self.export_png(path)

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.options_box.setTitle(self.tr("Options"))
        names = [self.tr("Model"), self.tr("Start from"), self.tr("Data set"), self.tr("Epochs"), self.tr("Batch size"),
                 self.tr("Learning rate"), self.tr("Schedule"), self.tr("Optimiser"), self.tr("Weight decay"),
                 self.tr("Augmentation"), self.tr("Seed"), self.tr("Device")]
        for label, name in zip(self.form_labels, names, strict=True):
            label.setText(name)
        folder = Path(self._image_folder).name if self._image_folder else ""
        datasets = [self.tr("Handwritten digits (embedded)"), "MNIST", "CIFAR-10", "CIFAR-100",
                    self.tr("Image folder: {name}").format(name=folder) if folder else self.tr("Image folder…")]
        _set_texts(self.dataset_combo, datasets)
        _set_texts(self.transfer_combo, [self.tr("Random weights"), self.tr("Pretrained: classifier only"),
                                         self.tr("Pretrained: later half"),
                                         self.tr("Pretrained: all layers")])
        _set_texts(self.schedule_combo, [self.tr("Constant"), self.tr("Cosine"), self.tr("Step (÷10 twice)")])
        _set_texts(self.optimizer_combo, [self.tr("SGD with momentum"), self.tr("Adam")])
        _set_texts(self.device_combo, [self.tr("Automatic"), self.tr("CUDA GPU"), self.tr("Apple MPS"),
                                       self.tr("CPU")])
        self.start_button.setText(self.tr("Start"))
        self.stop_button.setText(self.tr("Stop"))
        self.runs_box.setTitle(self.tr("Runs"))
        self.open_button.setText(self.tr("Open run…"))
        self.open_folder_button.setText(self.tr("Open folder"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.png_button.setText(self.tr("Export PNG…"))
        titles = {
            self.loss_plot: (self.tr("Training loss per step"), self.tr("step")),
            self.accuracy_plot: (self.tr("Accuracy per epoch"), self.tr("epoch")),
            self.epoch_loss_plot: (self.tr("Loss per epoch"), self.tr("epoch")),
            self.lr_plot: (self.tr("Learning rate per step"), self.tr("step")),
        }
        self.key_label.setText(self.tr("Faint: every step · bold: smoothed · solid: test · dashed: training"))
        for plot, (title, x_label) in titles.items():
            self.plot_titles[plot].setText(title)
            plot.setLabel("bottom", x_label, **{"font-size": "13pt", "color": "#000"})
        self.filters_title.setText(self.tr("First-layer filters"))
        if self._probe is None:
            self.probe_caption.setText(self.tr("A test image appears here while the network trains."))
            for title in self.map_titles:
                title.setText(self.tr("Feature maps"))
        self._show_state()
        self._show_probe()
        self._fill_runs_list()
        self._show_crosshair()
        self._fit_controls()
        self._fit_probe()

    def _fit_controls(self) -> None:
        """The options as wide as the texts of the language and zoom in use need, so that no button or box is
        cut off: a combo box's minimum ignores its items, so "Handwritten digits (embedded)" was cut at 150 %."""
        # (Not the model's: its longest name, "AlexNet (2012, two GPUs)  (alexnet2012_2gpu)", would double the
        # panel's width for one entry of twenty.)
        for combo in (self.transfer_combo, self.dataset_combo, self.schedule_combo, self.optimizer_combo,
                      self.device_combo):
            metrics = combo.fontMetrics()
            widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
            combo.setMinimumWidth(widest + 2 * metrics.height())  # and room for the frame and the arrow
        self.controls_scroll.setMinimumWidth(self.controls_panel.minimumSizeHint().width()
                                             + self.controls_scroll.verticalScrollBar().sizeHint().width() + 4)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # The app's zoom (a font set while the view is still being built comes before the controls exist).
        if event.type() == QEvent.Type.FontChange and getattr(self, "controls_scroll", None) is not None:
            self._fit_controls()
            # once the zoom has set the titles' own fonts too (they come after this view's)
            QTimer.singleShot(0, self, self._fit_probe)


# ---------------------------------------------------------------- helpers


def _longest_word(label: QLabel) -> int:
    """The width of a wrapped label's longest word in its font: narrower, the word itself is cut."""
    metrics = QFontMetrics(label.font())
    return max((metrics.horizontalAdvance(word) for word in label.text().split()), default=0) + 2


class _Title(QLabel):
    """A title that wraps at its words and is never narrower than its longest one (a plot may be 160 px wide,
    and "에포크별" at 200 % is wider)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), _longest_word(self)), hint.height())


class _WholeNumberAxis(pg.AxisItem):
    """An axis of epochs: ticks on whole numbers only (there is no epoch 1.5)."""

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N803 - pyqtgraph's names
        return [(max(spacing, 1.0), offset) for spacing, offset in super().tickSpacing(minVal, maxVal, size)]


class _RateAxis(pg.AxisItem):
    """An axis of learning rates written short: "1e-4", "5e-5", "0.02". pyqtgraph's "0.0001" and "5e-05" did not
    fit the axis, so it showed no number but 0 for a fine-tuning rate."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [_rate_text(value * scale) for value in values]


def _rate_text(value: float) -> str:
    if abs(value) < 1e-12:
        return "0"
    if 1e-2 <= abs(value) < 100:
        return f"{value:.3g}"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


def _spin(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setGroupSeparatorShown(True)
    return spin


def _real_spin(low: float, high: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setDecimals(5)
    spin.setRange(low, high)
    spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)  # steps of 10% whatever the size
    return spin


def _choices(keys: tuple[str, ...]) -> QComboBox:
    combo = QComboBox()
    for key in keys:
        combo.addItem("", key)
    return combo


def _select(combo: QComboBox, key: str) -> None:
    index = combo.findData(key)
    if index >= 0:
        combo.setCurrentIndex(index)


def _set_texts(combo: QComboBox, texts: list[str]) -> None:
    for index, text in enumerate(texts):
        combo.setItemText(index, text)


def _nearest(values: np.ndarray, x: float) -> int:
    return int(np.argmin(np.abs(np.asarray(values) - x)))


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def _filter_sheet(filters: np.ndarray) -> np.ndarray:
    """The first-layer filters (C_out, kh, kw, 1 or 3) tiled on a white sheet, one pixel apart."""
    count, height, width, channels = filters.shape
    columns = max(1, math.ceil(math.sqrt(count)))
    rows = math.ceil(count / columns)
    sheet = np.ones((rows * (height + 1) - 1, columns * (width + 1) - 1, channels), np.float32)
    for index in range(count):
        row, column = divmod(index, columns)
        sheet[row * (height + 1):row * (height + 1) + height, column * (width + 1):column * (width + 1) + width] = \
            filters[index]
    return sheet[..., 0] if channels == 1 else sheet
