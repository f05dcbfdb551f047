"""TrainingView: a run started from the controls draws its curves, pauses, stops, overlays other runs, exports,
and the window closing mid-run ends the engine in time."""

from __future__ import annotations

import csv
import gc
import time

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtWidgets import QApplication

import gui.panels.training
from engine.learning.training import TrainConfig, run_training
from gui.engine_bridge import EngineBridge
from gui.i18n import set_language
from gui.panels.training import TrainingView, default_runs_folder

QUICK = dict(model="lenet5", dataset="digits", batch_size=64, lr=0.01, optimizer="sgd", schedule="constant",
             device="cpu")


def _dispose(bridge: EngineBridge) -> None:
    """Stop the engine and collect the bridge here, on the GUI thread.

    The bridge and its worker refer to each other, so only the cycle collector frees them; left to chance it may
    run on the next test's engine thread, and a Qt object destroyed off its own thread leaves a live timer behind
    that crashes the GUI thread's event loop.
    """
    bridge.shutdown()
    gc.collect()


@pytest.fixture
def bridge():
    bridge = EngineBridge(device="cpu")
    bridge.start()
    yield bridge
    _dispose(bridge)


@pytest.fixture
def view(qtbot, bridge, tmp_path):
    view = TrainingView(bridge, runs_folder=tmp_path / "runs")
    qtbot.addWidget(view)
    view.resize(1600, 900)
    view.show()
    return view


def _points(view: TrainingView) -> list[int]:
    """Points in each smoothed loss curve on the step plot (the legend's items), in run order."""
    return [0 if sample.item.xData is None else len(sample.item.xData) for sample, _ in view.loss_legend.items]


def _run(view: TrainingView, qtbot, config: TrainConfig) -> None:
    view.set_options(config)
    view.start()
    qtbot.waitUntil(lambda: view.start_button.isEnabled(), timeout=60_000)


def test_a_run_draws_its_curves_and_stops_when_asked(view, qtbot, monkeypatch):
    view.set_options(TrainConfig(**QUICK | dict(epochs=200, batch_size=8)))
    view.start_button.click()
    assert not view.start_button.isEnabled() and not view.model_combo.isEnabled()
    qtbot.waitUntil(lambda: _points(view)[:1] != [] and _points(view)[0] >= 20, timeout=60_000)
    assert "images/s" in view.progress_label.text() and view.progress_bar.value() >= 0
    view.pause_button.click()
    qtbot.waitUntil(lambda: view.pause_button.text() == "Resume", timeout=10_000)
    view.pause_button.click()
    qtbot.waitUntil(lambda: view.pause_button.text() == "Pause", timeout=10_000)
    asked = time.monotonic()
    view.stop_button.click()
    qtbot.waitUntil(lambda: view.start_button.isEnabled(), timeout=5_000)
    assert time.monotonic() - asked < 2.0
    (name,) = [path.name for path in view.runs_folder.iterdir() if path.is_dir()]  # the run's own folder
    # Its name and an "Open folder" button, not the whole path in large type.
    assert view.progress_label.text() == f"Run “{name}” saved."
    assert view.open_folder_button.isVisible() and view.progress_label.toolTip().endswith(name)
    for plot, legend in ((view.loss_plot, view.loss_legend), (view.accuracy_plot, view.accuracy_legend)):
        assert legend.items  # the run is named, under the plot, never over its curves
        assert not legend.sceneBoundingRect().intersects(plot.vb.sceneBoundingRect())
    opened = []
    monkeypatch.setattr(gui.panels.training.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    view.open_folder_button.click()
    assert [url.toLocalFile() for url in opened] == [view.progress_label.toolTip()]
    assert view.runs_list.count() == 1 and view.runs_list.item(0).text().startswith("lenet5 · digits")


def test_two_runs_overlay_with_a_legend_and_export(view, qtbot, tmp_path):
    _run(view, qtbot, TrainConfig(**QUICK | dict(epochs=2, batch_size=256)))
    _run(view, qtbot, TrainConfig(**QUICK | dict(epochs=1, batch_size=256, lr=0.05)))
    assert _points(view) == [2 * (1438 // 256), 1438 // 256]
    assert len(view.accuracy_legend.items) == 2
    assert view.probe_caption.text().startswith("Test image:")
    assert view.map_titles[0].text() == "Feature maps of conv1"
    box = view.accuracy_plot.vb
    box.scene().sigMouseMoved.emit(box.mapViewToScene(QPointF(1.2, box.viewRect().center().y())))
    qtbot.waitUntil(lambda: "epoch 1, test accuracy" in view.readout_label.text(), timeout=5_000)
    assert view.readout_label.text().count("epoch 1, test accuracy") == 2  # both runs, at the nearest epoch
    view.export_csv(tmp_path / "curves.csv")
    with (tmp_path / "curves.csv").open() as file:
        rows = list(csv.DictReader(file))
    assert len({row["run"] for row in rows}) == 2
    assert sum(row["kind"] == "epoch" for row in rows) == 3
    assert view.export_png(tmp_path / "curves.png") and (tmp_path / "curves.png").stat().st_size > 10_000
    view.runs_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert _points(view) == [1438 // 256]  # a hidden run leaves the plots and the legend


def test_a_saved_run_is_listed_and_overlaid(qtbot, bridge, tmp_path):
    for _ in run_training(TrainConfig(**QUICK | dict(epochs=1, batch_size=256, out_dir=str(tmp_path / "runs")))):
        pass
    view = TrainingView(bridge, runs_folder=tmp_path / "runs")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.runs_list.count() == 1, timeout=10_000)
    assert "1 epochs, best test accuracy" in view.runs_list.item(0).text()
    view.runs_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: _points(view) == [1438 // 256], timeout=10_000)


def test_options_the_engine_refuses_are_reported_and_the_view_recovers(view, qtbot):
    view.set_options(TrainConfig(**QUICK | dict(batch_size=4000)))
    view.start()
    qtbot.waitUntil(lambda: view.message_label.isVisible() and view.start_button.isEnabled(), timeout=30_000)
    assert "larger than the training set" in view.message_label.text()


def test_closing_the_window_mid_run_stops_the_engine_within_two_seconds(qtbot, bridge, tmp_path):
    view = TrainingView(bridge, runs_folder=tmp_path / "runs")
    qtbot.addWidget(view)
    view.set_options(TrainConfig(**QUICK | dict(epochs=200, batch_size=8)))
    view.start()
    qtbot.waitUntil(lambda: bool(_points(view)), timeout=60_000)
    asked = time.monotonic()
    assert bridge.shutdown(timeout=2.0)
    assert time.monotonic() - asked < 2.0 and not bridge.is_running()
    (folder,) = (tmp_path / "runs").iterdir()
    assert '"status": "stopped"' in (folder / "metrics.json").read_text()


def test_a_language_change_retranslates_every_text(view, qtbot):
    # The real retranslate on a real language change: the texts turn Korean, then English again. Every text of
    # retranslate is checked the same way in tests/display_checks.py (check_training_view_korean).
    assert view.start_button.text() == "Start" and view.options_box.title() == "Options"
    try:
        set_language("ko")
        QApplication.processEvents()
        assert view.start_button.text() == QCoreApplication.translate("TrainingView", "Start") != "Start"
        assert view.options_box.title() == QCoreApplication.translate("TrainingView", "Options") != "Options"
        assert view.dataset_combo.itemText(0) != "Handwritten digits (embedded)"
    finally:
        set_language("en")
        QApplication.processEvents()
    assert view.start_button.text() == "Start" and view.options_box.title() == "Options"
    assert view.dataset_combo.itemText(0) == "Handwritten digits (embedded)"


def test_the_default_runs_folder_names_the_app_once():
    """Qt's application data folder is <organization>/<application>, both "CNN Casebook" here: the runs were
    in ".../CNN Casebook/CNN Casebook/runs"."""
    from gui.app import APP_NAME

    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    try:
        folder = default_runs_folder()
        assert folder.name == "runs" and folder.parent.name == APP_NAME and folder.parent.parent.name != APP_NAME
    finally:
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])


def test_handwritten_digits_embedded_is_whole_at_150_percent_in_the_narrowest_panel(view, qtbot):
    """A combo box's minimum ignores its items: at 150 % the narrowest panel cut "Handwritten digits (embedded)",
    and the options' width was measured once, before the zoom."""
    from gui.widgets.zoom import app_zoom

    try:
        for percent in (100, 150):
            app_zoom().set_percent(percent)
            QApplication.processEvents()
            view.resize(view.minimumSizeHint().width(), 900)
            QApplication.processEvents()
            combo = view.dataset_combo
            text = combo.fontMetrics().horizontalAdvance("Handwritten digits (embedded)")
            assert combo.currentText() == "Handwritten digits (embedded)"
            assert combo.width() >= text + 20 and combo.visibleRegion().boundingRect().width() >= text + 20, percent
    finally:
        app_zoom().reset()


def test_the_learning_rate_axis_writes_small_rates_short_enough_to_be_shown(view):
    """At a fine-tuning rate (1e-4) pyqtgraph wrote "0.0001" and "5e-05", too wide for the axis: it showed only 0."""
    from PySide6.QtGui import QFontMetrics

    axis = view.lr_plot.getAxis("left")
    texts = axis.tickStrings([0.0, 5e-5, 1e-4], 1.0, 5e-5) + axis.tickStrings([0.0, 0.01, 0.02], 1.0, 0.01)
    assert texts == ["0", "5e-5", "1e-4", "0", "0.01", "0.02"]
    metrics = QFontMetrics(axis.style["tickFont"])
    room = axis.width() - max(0, axis.style["tickLength"]) - axis.style["tickTextOffset"][0]
    assert all(metrics.horizontalAdvance(text) <= room for text in [*texts, "7.5e-5", "0.025"])


def test_the_plot_titles_wrap_at_words_in_a_narrow_dock_at_any_zoom(qtbot, bridge, tmp_path):
    """In a narrow dock a plot's title was cut mid-word ("ning loss per" of "Training loss per step"): each
    title now wraps at its words and is never narrower than its longest word, in English and Korean."""
    from PySide6.QtGui import QFontMetrics
    from test_legibility import _cut

    from gui.app import create_app
    from gui.widgets.zoom import app_zoom

    create_app()  # the app's own font (11 pt at least), as the window has it, before the view is built
    view = TrainingView(bridge, runs_folder=tmp_path / "runs")
    qtbot.addWidget(view)
    view.show()

    try:
        for language in ("en", "ko"):
            set_language(language)
            for percent in (100, 150, 200):
                app_zoom().set_percent(percent)
                for width in (520, 760, 1400):
                    view.resize(width, 1400)  # tall enough: a title squeezed by a short window is not the point
                    titles = [title for title in (*view.plot_titles.values(), view.filters_title, *view.map_titles)
                              if title.isVisible() and title.text()]
                    try:  # the layout settles after a zoom in a few passes on a loaded machine
                        qtbot.waitUntil(lambda titles=titles: not any(_cut(title) for title in titles), timeout=2000)
                    except qtbot.TimeoutError:
                        pass  # the assertions below say which
                    for title in titles:
                        metrics = QFontMetrics(title.font())
                        longest = max(metrics.horizontalAdvance(word) for word in title.text().split())
                        where = (language, percent, width, title.text(), title.width())
                        assert not _cut(title), where
                        assert title.contentsRect().width() >= longest, where
                        assert title.parentWidget().rect().contains(title.geometry()), where  # not clipped
    finally:
        app_zoom().reset()
        set_language("en")
