"""Displayed equals computed on the experiments, the augmentation captions, the training panel's plots, the 1×1
and Inception pages, the diagram and the layer table's looks (the checks are in tests/display_checks_more.py;
tests/gui/test_breakages.py runs them against broken copies)."""

from __future__ import annotations

import display_checks_more


def test_the_experiment_plots_bars_and_table_are_the_shipped_results(request):
    display_checks_more.check_experiment_plots(request)


def test_the_diagrams_boxes_say_each_modules_shape_and_operation(request):
    display_checks_more.check_diagram_boxes(request)


def test_the_network_in_network_figures_are_a_real_1x1_convolutions(request):
    display_checks_more.check_nin_figures(request)


def test_the_bottleneck_pages_figures_are_the_real_convolutions(request):
    display_checks_more.check_bottleneck_figures(request)


def test_the_inception_figures_are_googlenets_modules_counted_by_hand(request):
    display_checks_more.check_inception_figures(request)


def test_the_training_plots_are_the_runs_own_figures(request):
    display_checks_more.check_training_plots(request)


def test_each_augmentation_caption_is_what_its_picture_shows(request):
    display_checks_more.check_augmentation_captions(request)


def test_the_layer_tables_rows_header_and_columns_look_as_meant(request):
    display_checks_more.check_layer_table_looks(request)
