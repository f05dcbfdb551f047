"""Displayed equals computed on the transfer, depth, feature-map and model pages (the checks are in
tests/display_checks_pages.py; tests/gui/test_breakages.py runs them against broken copies)."""

from __future__ import annotations

import display_checks_pages


def test_the_transfer_bars_are_the_modules_layers_frozen_as_the_lecture_says(request):
    display_checks_pages.check_transfer_bars(request)


def test_the_depth_plots_are_the_shipped_sweeps_figures(request):
    display_checks_pages.check_depth_plots(request)


def test_the_feature_grid_shows_each_modules_maps_in_its_cell(request):
    display_checks_pages.check_feature_grid(request)


def test_the_fact_sheets_count_the_modules_parameters_and_multiply_adds(request):
    display_checks_pages.check_fact_sheets(request)


def test_the_layer_tables_kernels_and_receptive_fields_are_the_modules_own(request):
    display_checks_pages.check_layer_table_columns(request)


def test_the_layer_table_writes_the_groups_of_alexnet_on_two_gpus(request):
    display_checks_pages.check_layer_table_columns(request, "alexnet2012_2gpu")
