"""gui.experiments.view: a result built here drawn as it is (curves, spread, bars, table, caption), live events
that update the items in place, damaged files refused with the result kept, a missing shipped result."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest
from experiment_fakes import FakeExperiment, built_result
from PySide6.QtWidgets import QApplication

from engine.learning.experiments.result import ExperimentRun, save_result, seed_spread
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError, text
from gui.experiments.view import VARIANT_COLOURS, ExperimentView, figure_values, format_figure
from gui.i18n import localized


@pytest.fixture
def view(qtbot, recording_bridge, tmp_path):
    view = ExperimentView("activation", recording_bridge, experiment=FakeExperiment(shipped=tmp_path / "none.json"))
    view.results_folder = tmp_path
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def _legend(view) -> list[tuple[str, str]]:
    """The legend's entries: each line's colour and the variant's name."""
    return re.findall(r"color:(#[0-9a-f]{6})'>━━</b>&nbsp;([^<]+)</span>", view.legend.text())


def _curve(item) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getData()
    return np.asarray(x if x is not None else ()), np.asarray(y if y is not None else ())


def test_a_result_is_drawn_as_it_is(view, tmp_path):
    result = built_result()
    view.show_result(result, "file", tmp_path / "r.json")
    assert set(view._lines) == {"sigmoid", "tanh", "relu"}
    for index, variant in enumerate(result.variants):
        x, mean, low, high = seed_spread(result.runs_of(variant.key), "step", "train_error")
        mean_item, low_item, high_item = view._lines[variant.key]
        for item, values in ((mean_item, mean), (low_item, low), (high_item, high)):
            shown_x, shown_y = _curve(item)
            np.testing.assert_allclose(shown_x, x)
            np.testing.assert_allclose(shown_y, 100 * values)  # a fraction, drawn in %
        assert mean_item.opts["pen"].color().name() == VARIANT_COLOURS[index]
        assert not np.allclose(low, high)  # the seeds differ: the band has a width
    # The table: one row per variant, one column per figure, each cell the figure over the seeds.
    assert view.table.rowCount() == 3 and view.table.columnCount() == 1 + len(result.figures)
    for row, variant in enumerate(result.variants):
        assert view.table.item(row, 0).text().endswith(variant.label)
        for column, figure in enumerate(result.figures, start=1):
            assert view.table.item(row, column).text() == format_figure(
                figure_values(result, variant.key, figure.key), figure.kind)
    assert view.table.item(2, 2).text() == "6.5 ± 0.5 %"   # ReLU's test error: 6.0, 6.5, 7.0 %
    assert view.table.item(0, 1).text() == "not reached"   # sigmoid never reached the threshold
    assert view.table.item(1, 3).text() == "61,706"        # parameters: the same for every seed, no ±
    # Bars: the mean of the figure chosen (the first), whiskers from the lowest to the highest seed.
    heights = view._bars.opts["height"]
    np.testing.assert_allclose(heights, [0.0, 19.0, 9.0])
    assert view._gaps[0].textItem.toPlainText() == "not reached" and view._gaps[1].textItem.toPlainText() == ""
    np.testing.assert_allclose(view._whiskers.opts["top"], [0.0, 1.0, 1.0])
    assert view.caption_text() == localized(FakeExperiment().caption(result)) == \
        "ReLU reached the threshold in 9 steps."
    assert view.heading_texts()[0] == "Why ReLU?"
    assert _legend(view) == [(VARIANT_COLOURS[0], "sigmoid"), (VARIANT_COLOURS[1], "tanh"),
                             (VARIANT_COLOURS[2], "ReLU")]


def test_the_bars_show_the_figure_chosen(view):
    result = built_result()
    view.show_result(result, "file")
    view.bar_figure_combo.setCurrentIndex(view.bar_figure_combo.findData("test_error"))
    expected = [100 * np.mean(figure_values(result, v.key, "test_error")) for v in result.variants]
    np.testing.assert_allclose(view._bars.opts["height"], expected)
    assert "test error" in view.bar_plot.titleLabel.text


def test_each_kind_of_figure_is_written_the_lectures_way():
    for values, kind, shown in [
        ([0.05], "fraction", "5.0 %"),
        ([0.05, 0.07], "fraction", "6.0 ± 1.0 %"),
        ([1234567.0, 1234567.0], "count", "1,234,567"),
        ([12.34, 12.34], "ms", "12.3 ms"),
        ([0.512, 0.534], "ms", "0.52 ± 0.01 ms"),
        ([9.66], "ratio", "9.7×"),
        ([1.36, 1.42], "ratio", "1.39 ± 0.03×"),
        ([4.2, 4.4], "seconds", "4.3 ± 0.1 s"),
        ([1200.0, 1300.0, math.nan], "steps", "1,250 ± 50 (2 of 3 seeds)"),
        ([math.nan, math.nan], "steps", "not reached"),
        ([math.nan], "fraction", "—"),
    ]:
        assert format_figure(np.array(values), kind) == shown, (values, kind)


def test_a_damaged_file_gets_one_message_and_the_result_stays(view, tmp_path):
    result = built_result()
    good = save_result(result, tmp_path / "good.json")
    assert view.open_result(good)
    shown = view.result
    damaged = tmp_path / "damaged.json"
    content = json.loads(good.read_text())
    content["runs"][0]["status"] = "exploded"
    damaged.write_text(json.dumps(content))
    for bad in (damaged, tmp_path / "missing.json", tmp_path / "notjson.json"):
        if bad.name == "notjson.json":
            bad.write_text("{not json")
        assert not view.open_result(bad)
        assert bad.name in view.message() and "\n" not in view.message()
        assert view.result is shown and view.table.item(2, 2).text() == "6.5 ± 0.5 %"
    other = save_result(built_result(name="pooling"), tmp_path / "pooling.json")
    assert not view.open_result(other)
    assert "pooling" in view.message() and view.result is shown
    assert view.open_result(good) and view.message() == ""


def test_a_missing_shipped_result_is_said_and_run_offered(view):
    assert view.result is None
    assert view.notice_label.isVisible() and "make experiments" in view.notice_label.text()
    assert view.run_button.isEnabled() and not view.stop_button.isEnabled()


def test_an_experiment_whose_definition_is_missing_says_so_and_runs_nothing(qtbot, recording_bridge, tmp_path):
    class Missing(FakeExperiment):
        def default_config(self, **overrides):
            raise UserInputError(text("the experiment {name} is not part of this copy of the app", name="gone"))

    view = ExperimentView("gone", recording_bridge, experiment=Missing(name="gone", shipped=tmp_path / "no.json"))
    qtbot.addWidget(view)
    view.show()
    assert view.notice_label.text() == "the experiment gone is not part of this copy of the app"
    assert view.notice_label.isVisible() and not view.run_button.isEnabled()
    view.run()
    assert not [r for r in recording_bridge.requests if isinstance(r, ev.StartExperiment)]


def test_run_sends_the_options_shown_and_stop_stops(view, recording_bridge, tmp_path):
    view.seeds_spin.setValue(2)
    view.steps_spin.setValue(17)
    view.run_button.click()
    start = [r for r in recording_bridge.requests if isinstance(r, ev.StartExperiment)]
    assert len(start) == 1
    config = start[0].config
    assert (config.name, config.seeds, config.steps, config.data, config.out) == (
        "activation", 2, 17, "digits", str(tmp_path))
    assert view.is_running() and view.stop_button.isEnabled() and not view.run_button.isEnabled()
    view.run_button.click()  # a second click while running sends nothing
    assert len([r for r in recording_bridge.requests if isinstance(r, ev.StartExperiment)]) == 1
    view.stop_button.click()
    assert isinstance(recording_bridge.requests[-1], ev.StopExperiment)


def test_live_events_change_the_items_data_never_the_items(view, qtbot, tmp_path):
    final = built_result(seeds=1, steps=6)
    empty = {"step": np.zeros(0), "train_error": np.zeros(0)}
    started = final.__class__(**{**final.__dict__, "status": "running", "runs": tuple(
        ExperimentRun(r.variant, r.seed, "running", empty, {}, 0.0) for r in final.runs)})
    view.run()
    view._on_started(ev.ExperimentStarted(started))
    items = {key: tuple(id(item) for item in lines) for key, lines in view._lines.items()}
    bars = id(view._bars)
    assert "under way" in view.caption_text()
    for steps in (2, 4, 6):
        for run in final.runs:
            partial = ExperimentRun(run.variant, run.seed, "running",
                                    {k: v[:steps] for k, v in run.curves.items()}, {}, 0.0)
            view._on_run_progress(ev.ExperimentRunProgress(partial))
        qtbot.waitUntil(lambda s=steps: len(_curve(view._lines["relu"][0])[0]) == s, timeout=2000)
        assert view.progress_bar.value() == round(1000 * steps / 6)
    assert {key: tuple(id(item) for item in lines) for key, lines in view._lines.items()} == items
    assert id(view._bars) == bars
    path = save_result(final, tmp_path / "final.json")
    view._on_finished(ev.ExperimentFinished(final, str(path), False))
    assert not view.is_running() and view.run_button.isEnabled()
    assert str(path) in view.status_label.text()
    assert view.caption_text() == localized(FakeExperiment().caption(final))
    assert view.progress_bar.value() == 1000
    QApplication.processEvents()


def test_cifar10_can_be_chosen_only_when_the_engine_finds_it_here(view, recording_bridge):
    combo = view.data_combo
    cifar = combo.findData("cifar10")
    assert not combo.model().item(cifar).isEnabled() and "not here" in combo.itemText(cifar)
    assert not [r for r in recording_bridge.requests if isinstance(r, ev.CheckReadiness)]  # not asked on show
    combo.showPopup()
    combo.hidePopup()
    combo.showPopup()
    combo.hidePopup()
    assert len([r for r in recording_bridge.requests if isinstance(r, ev.CheckReadiness)]) == 1
    view._on_readiness(ev.ReadinessReady(ev.Readiness((), (), ("digits", "cifar10"))))
    assert combo.model().item(cifar).isEnabled() and combo.itemText(cifar) == "CIFAR-10"
    combo.setCurrentIndex(cifar)
    view.run()
    assert recording_bridge.requests[-1].config.data == "cifar10"
