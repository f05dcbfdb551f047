"""gui.pages.depth: the shipped result at once, live curves that grow in place, stops, saved results."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

import gui.pages.depth
from engine.learning.depth import SHIPPED_RESULT, DepthConfig, load_result
from gui.engine_bridge import EngineBridge
from gui.pages.depth import DEPTH_COLOURS, DepthView

TIMEOUT_MS = 120_000


@pytest.fixture
def bridge(tmp_path, monkeypatch):
    monkeypatch.setattr(gui.pages.depth, "default_depth_folder", lambda: tmp_path)  # sweeps saved here
    bridge = EngineBridge(device="cpu")
    bridge.start()
    yield bridge
    bridge.shutdown()


@pytest.fixture
def view(qtbot, bridge):
    view = DepthView(bridge)
    qtbot.addWidget(view)
    view.resize(1920, 1000)
    view.show()
    return view


def _curve_lengths(view: DepthView) -> dict[str, int]:
    return {model: 0 if curve.xData is None else len(curve.xData) for model, curve in view._curves.items()}


def test_the_shipped_result_is_shown_on_first_show(view):
    shipped = load_result(SHIPPED_RESULT)
    assert view.result is not None and view._source == "shipped"
    assert _curve_lengths(view) == {run.model: shipped.config.steps for run in shipped.runs}
    assert view.table.rowCount() == 8
    assert view.table.item(0, 0).text() == "Plain-20"
    assert view.table.item(0, 1).text() == f"{shipped.runs[0].params:,}"
    assert view.effect_label.text().startswith(f"At step {shipped.config.steps}: plain 20 → 56 layers")
    assert view.depths_edit.text() == "20,32,44,56"
    assert not view.stop_button.isEnabled() and view.run_button.isEnabled()


def test_plain_is_dashed_residual_solid_one_colour_per_depth(view):
    pens = {model: curve.opts["pen"] for model, curve in view._curves.items()}
    assert pens["plain20"].style() == Qt.PenStyle.DashLine
    assert pens["resnet20"].style() == Qt.PenStyle.SolidLine
    assert pens["plain56"].color().name() == pens["resnet56"].color().name() == DEPTH_COLOURS[3]
    assert pens["plain20"].color().name() != pens["plain56"].color().name()


def test_final_errors_and_gradients_are_drawn_for_the_deepest_pair(view):
    shipped = load_result(SHIPPED_RESULT)
    depths, errors = view._depth_lines[("plain", "train")].getData()
    assert list(depths) == [20, 32, 44, 56]
    np.testing.assert_allclose(errors, [100 * shipped.run("plain", d).train_error for d in (20, 32, 44, 56)])
    line = view._gradient_lines[("plain", "init")]
    assert list(line.xData) == list(range(1, 57))
    np.testing.assert_allclose(line.yData, shipped.run("plain", 56).gradient_norms[0])  # drawn on a log axis
    view.gradient_slider.setValue(0)
    assert view.gradient_step_label.text() == "Thick lines: at initialisation"


def test_a_bad_file_gets_a_message_and_the_result_stays(view, tmp_path):
    shown = view.result
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert not view.open_result(bad)
    assert view.result is shown
    assert "cannot be read" in view.message_label.text() and view.message_label.isVisible()


def test_bad_options_are_refused_before_the_engine_sees_them(view):
    view.depths_edit.setText("20,21")
    view.run_again()
    assert "6n+2" in view.message_label.text()
    assert not view._running and view._source == "shipped"


def test_run_again_grows_the_curves_in_place_and_saves(qtbot, view, tmp_path):
    view.depths_edit.setText("8,14")
    view.steps_spin.setValue(4)
    view.run_again()
    assert view.stop_button.isEnabled() and not view.run_button.isEnabled()
    assert view.status_label.text() == "Starting the sweep…"
    qtbot.waitUntil(lambda: view._source == "live" and any(_curve_lengths(view).values()), timeout=TIMEOUT_MS)
    curve = view._curves["plain8"]
    qtbot.waitUntil(lambda: not view._running, timeout=TIMEOUT_MS)
    assert _curve_lengths(view) == {"plain8": 4, "plain14": 4, "resnet8": 4, "resnet14": 4}
    assert view._path and load_result(view._path).status == "finished"
    assert view._path.startswith(str(tmp_path))
    assert view._curves["plain8"] is curve  # the same item, its data replaced: updated in place
    assert view.table.item(3, 0).text() == "ResNet-14" and view.table.item(3, 3).text().endswith("%")
    assert view.status_label.text().startswith("Result depth-")


def test_one_run_and_then_the_sweep_can_be_stopped(qtbot, view):
    view.depths_edit.setText("8,14")
    view.steps_spin.setValue(400)
    view.run_again()
    qtbot.waitUntil(lambda: view._source == "live" and _curve_lengths(view)["plain14"] >= 1, timeout=TIMEOUT_MS)
    button = view._stop_buttons["plain14"]
    assert button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: view.result.run("plain", 14).status == "stopped", timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: view.result.run("plain", 8).steps_done >= view.result.run("plain", 14).steps_done + 2,
                    timeout=TIMEOUT_MS)
    view.stop_button.click()
    qtbot.waitUntil(lambda: not view._running, timeout=TIMEOUT_MS)
    saved = load_result(view._path)
    assert saved.status == "stopped"
    assert saved.run("plain", 8).steps_done < 400
    assert view.status_label.text().startswith("Stopped; the partial result is saved in")


def test_a_sweep_the_engine_refuses_gets_a_message_and_the_result_stays(qtbot, view, tmp_path, monkeypatch):
    shown = view.result
    refused = DepthConfig(depths=(8,), steps=2, data="cifar10", data_root=str(tmp_path), out=str(tmp_path))
    monkeypatch.setattr(view, "options", lambda: refused)
    view.run_again()
    qtbot.waitUntil(lambda: not view._running, timeout=TIMEOUT_MS)
    assert "CIFAR-10 is not in" in view.message_label.text()
    assert view.result is shown and view.run_button.isEnabled()
    assert view.status_label.text().startswith("Shipped result")


def test_the_panel_follows_the_papers_line_convention_and_says_what_it_reproduces(view):
    lines = view._depth_lines
    for kind in ("plain", "residual"):  # He et al. Fig. 6: thin = training, bold = test
        assert lines[kind, "test"].opts["pen"].widthF() > lines[kind, "train"].opts["pen"].widthF()
    reading = view.reading_label.text()
    assert reading.startswith("Reproduced: the paper's training-error result")
    # The shipped residual test error rises a little with depth (1.7 % at 20 layers, 3.3 % at 56): said so.
    assert "Not reproduced" in reading and "ResNet-20 here has 68,050 parameters" in reading
    assert "has 269,722" in reading  # the overview's ResNet-20, width 16, from the layer analysis


def test_the_page_and_its_table_fit_the_width_pages_are_laid_out_for(view, qtbot):
    """On a 1366×768 screen the page was wider than the window leaves it (the gradient controls in one row) and
    the results table's last column was cut off on the right; in English and Korean."""
    from gui.i18n import set_language
    from gui.main_window import _PAGE_MINIMUM

    try:
        for language in ("en", "ko"):
            set_language(language)
            view.resize(_PAGE_MINIMUM.width(), 900)
            qtbot.wait(50)
            assert view.minimumSizeHint().width() <= _PAGE_MINIMUM.width(), language
            header = view.table.horizontalHeader()
            assert header.length() <= view.table.viewport().width(), (language, header.length())
            assert "\n" in view.table.horizontalHeaderItem(2).text()  # "Training error" on two lines
    finally:
        set_language("en")


def _legend_faults(view: DepthView) -> list[str]:
    """Legend entries past the plots' right edge, or on each other."""
    right = view.plots.viewport().width()
    faults, boxes = [], []
    for legend in (view.curve_legend, view.depth_legend, view.gradient_legend):
        for _, label in legend.items:
            box = label.mapRectToScene(label.item.boundingRect())
            if box.right() > right + 1:
                faults.append(f"{label.text!r} ends at {box.right():.0f} of {right}")
            boxes.append((label.text, box))
    faults += [f"{a!r} on {b!r}" for i, (a, ra) in enumerate(boxes) for b, rb in boxes[i + 1:]
               if (ra & rb).width() > 1 and (ra & rb).height() > 1]
    return faults


def test_at_150_percent_on_a_1366_screen_the_page_fits_and_its_legends_are_whole(window, qtbot):
    """At 150 % on 1366×768 the page scrolled sideways (the controls alone are 810 px wide, and every page was
    held at least 1,060 px wide, more than the ~1,010 beside the navigation) and the curves' legend, four
    columns over the left plot, cut "Plain-56" on the right; in English and Korean. Now the controls go above
    the plots, the plots one above the other, and the legends take the columns that fit."""
    from PySide6.QtWidgets import QScrollArea

    from gui.i18n import set_language
    from gui.widgets.zoom import app_zoom

    window.setWindowState(Qt.WindowState.WindowNoState)
    try:
        app_zoom().set_percent(150)
        for language in ("en", "ko"):
            set_language(language)
            window.show_section("resnet")
            window.section_tabs["resnet"].setCurrentIndex(1)
            window.resize(1366, 768)
            qtbot.wait(100)
            view = next(v for v in window.findChildren(DepthView) if v.isVisible())
            scroll = next(w for w in window.findChildren(QScrollArea) if w.isVisible() and w.isAncestorOf(view))
            assert scroll.horizontalScrollBar().maximum() == 0, (language, view.width(), scroll.viewport().width())
            # the legends are laid out again after a change of language: give pyqtgraph its layout passes
            qtbot.waitUntil(lambda v=view: not _legend_faults(v), timeout=3000)
            rows = sum(view.table.rowHeight(row) for row in range(view.table.rowCount()))
            assert view.table.viewport().height() >= rows, language  # every run's row, no scrolling table
        window.resize(1920, 1080)  # room enough: the plots side by side again, legends whole
        set_language("en")
        app_zoom().set_percent(100)
        qtbot.wait(100)
        view = next(v for v in window.findChildren(DepthView) if v.isVisible())
        assert view._side_by_side
        qtbot.waitUntil(lambda: not _legend_faults(view), timeout=3000)
    finally:
        app_zoom().reset()
        set_language("en")
