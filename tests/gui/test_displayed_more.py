"""Displayed equals computed on the experiments, the augmentation captions, the training panel's plots, the 1×1
and Inception pages, the diagram and the layer table's looks (the checks are in tests/display_checks_more.py;
tests/gui/test_breakages.py runs them against broken copies)."""

from __future__ import annotations

import display_checks_more


def test_the_experiment_plots_bars_and_table_are_the_shipped_results(request):
    display_checks_more.check_experiment_plots(request)


def test_the_diagrams_boxes_say_each_modules_shape_and_operation(request):
    display_checks_more.check_diagram_boxes(request)
