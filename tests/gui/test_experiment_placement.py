"""Each experiment sits on the pages whose claims it tests, built only when its tab is first shown; the real
registry's texts in Korean; and a tiny real experiment run through the real engine thread from the view."""

from __future__ import annotations

import re

import numpy as np
import pytest
from experiment_fakes import built_result
from PySide6.QtWidgets import QApplication

from engine.learning.experiments.registry import get_experiment
from engine.learning.experiments.result import load_result
from gui.experiments.view import ExperimentView
from gui.i18n import localized, set_language
from gui.render import _show_tab

TIMEOUT_MS = 120_000


@pytest.fixture
def idle_window(qtbot, settings):
    """The window without its engine: tabs and pages, no answers."""
    from gui.app import create_app, create_window

    create_app()
    window = create_window(device="cpu", language="en", settings=settings)
    qtbot.addWidget(window)
    yield window
    window.close()


def test_each_model_page_has_the_experiments_of_its_section(idle_window):
    window = idle_window
    expected = {"lenet": ("activation", "pooling"), "alexnet": ("activation", "pooling"),
                "vgg": ("stacked-filters",), "nin": ("bottleneck-time",), "inception": ("bottleneck-time",)}
    for section, names in expected.items():
        page = window.model_pages[section]
        assert page.experiments is not None and page.experiments.names() == names
        assert page.views.tabText(page.views.indexOf(page.experiments)) == (
            "Experiments" if len(names) > 1 else "Experiment")
        assert page.experiments.built() == {}  # nothing built, no pyqtgraph, until the tab is shown
    assert window.model_pages["resnet"].experiments is None  # depth has its own tab: Plain vs residual


def test_a_tab_builds_only_the_experiment_shown_and_render_reaches_each(idle_window, qtbot):
    window = idle_window
    window.resize(1366, 768)
    _show_tab(window, "lenet", "pooling")
    window.show()
    page = window.model_pages["lenet"]
    qtbot.waitUntil(lambda: "pooling" in page.experiments.built(), timeout=5000)
    assert page.views.currentWidget() is page.experiments
    assert set(page.experiments.built()) == {"pooling"}
    view = page.experiments.built()["pooling"]
    assert view.isVisible() and view.heading_texts()[0] == get_experiment("pooling").question
    page.experiments.buttons.button(0).click()  # the other experiment: built when chosen
    assert set(page.experiments.built()) == {"pooling", "activation"}
    assert page.experiments.current_name() == "activation"
    _show_tab(window, "vgg", "experiment")
    QApplication.processEvents()
    assert set(window.model_pages["vgg"].experiments.built()) == {"stacked-filters"}
    tabs = window.section_tabs["augmentation"]
    assert tabs.count() == 2 and tabs.tabText(1) == "Experiment"
    assert "augmentation-experiment" not in window._built  # built when its tab is first shown


def test_the_augmentation_section_has_its_experiment_in_a_second_tab(idle_window):
    pytest.importorskip("engine.learning.experiments.augmentation")  # written on another branch (issue17b)
    window = idle_window
    _show_tab(window, "augmentation", "experiment")
    window.show()
    QApplication.processEvents()
    assert window.section_tabs["augmentation"].currentIndex() == 1
    view = window.page("augmentation-experiment")
    assert isinstance(view, ExperimentView) and view.name == "augmentation" and view.isVisible()


def test_the_registrys_texts_and_the_caption_follow_the_language(qtbot, recording_bridge, tmp_path):
    result = built_result()  # "activation", with its figures
    view = ExperimentView("activation", recording_bridge)
    qtbot.addWidget(view)
    view.show_result(result, "file", tmp_path / "r.json")
    experiment = get_experiment("activation")
    english = view.caption_text()
    assert english == localized(experiment.caption(result)) and english.startswith("On the digits")
    set_language("ko")
    QApplication.processEvents()  # the language change reaches the widgets
    try:
        assert view.heading_texts()[0] == "왜 ReLU인가?" and "왜 ReLU인가?" in view.heading.text()
        assert view.heading_texts()[1] == "ReLU, tanh, sigmoid"  # the deck: "Activation function → Sigmoid"
        assert view.caption_text() == localized(experiment.caption(result)) != english
        assert "스텝" in view.caption_text()
        assert view.run_button.text() == "실행"
        assert view.table.horizontalHeaderItem(0).text() == "비교 대상"
        assert [name for _, name in re.findall(r"color:(#\w+)'>━━</b>&nbsp;([^<]+)<", view.legend.text())] == [
            "sigmoid", "tanh", "ReLU"]
        assert view.table.item(0, 1).text() == "도달하지 못함"
    finally:
        set_language("en")
        QApplication.processEvents()
    assert view.caption_text() == english and view.heading_texts()[0] == "Why ReLU?"


def test_a_tiny_real_experiment_grows_curves_and_is_saved(qtbot, bridge, tmp_path):
    view = ExperimentView("activation", bridge)
    qtbot.addWidget(view)
    view.results_folder = tmp_path
    view.resize(1100, 700)
    view.show()
    view.seeds_spin.setValue(1)
    view.steps_spin.setValue(5)
    lengths: list[int] = []
    original = view._redraw_now

    def recording_redraw():
        original()
        x, _ = view._lines["relu"][0].getData() if "relu" in view._lines else (None, None)
        lengths.append(0 if x is None else len(x))

    view._redraw_now = recording_redraw  # the live redraws, seen from outside
    view._redraw_live._function = recording_redraw
    view.run()
    qtbot.waitUntil(lambda: not view.is_running(), timeout=TIMEOUT_MS)
    assert view.message() == ""
    path = view.saved_path()
    assert path.startswith(str(tmp_path)) and path.endswith(".json")
    saved = load_result(path)
    assert saved.status == "finished" and len(saved.runs) == 3
    assert all(len(run.curves["step"]) == 5 for run in saved.runs)
    assert max(lengths) == 5 and min(lengths) < 5  # the curves grew while it ran
    x, _ = view._lines["relu"][0].getData()
    np.testing.assert_array_equal(x, np.arange(1, 6))
    assert view.caption_text() == localized(get_experiment("activation").caption(saved))


def test_stop_ends_a_real_run_and_its_partial_result_is_saved(qtbot, bridge, tmp_path):
    view = ExperimentView("activation", bridge)
    qtbot.addWidget(view)
    view.results_folder = tmp_path
    view.show()
    view.seeds_spin.setValue(1)
    view.steps_spin.setValue(100_000)  # far more than the test waits for
    view.run()
    qtbot.waitUntil(lambda: view.result is not None and view._source == "live" and any(
        len(run.curves.get("step", ())) > 0 for run in view.result.runs), timeout=TIMEOUT_MS)
    view.stop_button.click()
    qtbot.waitUntil(lambda: not view.is_running(), timeout=TIMEOUT_MS)
    saved = load_result(view.saved_path())
    assert saved.status == "stopped" and view.result.status == "stopped"
    assert "Stopped; the partial result is saved in" in view.status_label.text()
    assert view.run_button.isEnabled() and not view.stop_button.isEnabled()


def test_an_experiment_tab_reads_from_the_back_row_at_150_percent(idle_window, qtbot):
    """The slow legibility walk visits model-page views on ResNet only, which has no experiment: here LeNet-5's
    activation tab with its shipped result, at 150 %, English and Korean, 1366×768 and 1920×1080."""
    from test_legibility import layout_faults, text_sizes

    from gui.widgets.zoom import app_zoom

    window = idle_window
    window.show()
    faults, small = [], []
    try:
        app_zoom().set_percent(150)
        for language in ("en", "ko"):
            set_language(language)
            _show_tab(window, "lenet", "activation")
            view = window.model_pages["lenet"].experiments.view("activation")
            qtbot.waitUntil(lambda v=view: v.result is not None and v.isVisible(), timeout=5000)
            for size in ((1366, 768), (1920, 1080)):
                window.resize(*size)
                QApplication.processEvents()
                faults += [f"{language} {size}: {fault}" for fault in layout_faults(window)]
            small += [f"{language}: {what} {px:.1f}px" for px, what in text_sizes(view) if px < 18]
    finally:
        app_zoom().reset()
        set_language("en")
    assert not small, small
    assert not faults, faults
