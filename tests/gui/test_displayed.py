"""Displayed equals computed: what each view shows, read off its widgets, against figures computed in the test
(the checks are in tests/display_checks.py; tests/gui/test_breakages.py runs them against broken copies)."""

from __future__ import annotations

import display_checks


def test_the_layer_tables_parameters_and_multiply_adds_are_the_modules_own(request):
    display_checks.check_layer_table(request)


def test_grouped_convolutions_are_shown_divided_by_their_groups(request):
    display_checks.check_grouped_layer_table(request)


def test_the_overviews_totals_are_the_analysis_totals(request):
    display_checks.check_overview(request)


def test_the_grad_cam_overlay_is_grad_cam_over_the_picture(request):
    display_checks.check_grad_cam_overlay(request)


def test_every_text_of_the_training_panel_turns_korean(request):
    display_checks.check_training_view_korean(request)


def test_the_step_schedule_steps_the_optimisers_rate(request):
    display_checks.check_step_schedule(request)


def test_the_bottleneck_bars_are_the_real_modules_multiply_adds(request):
    display_checks.check_bottleneck_bars(request)


def test_each_augmentation_example_differs_from_the_original_by_what_was_drawn(request):
    display_checks.check_augmentation_examples(request)
