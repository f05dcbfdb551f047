"""The transfer page's layer strip writes every bar's name whole where it fits, and never past its room
(issue 13: at 1366×768 "conv5_x, block 1, shortcut" ran from inside a short bar into the white above it, half
of it white on white)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from engine.learning.transfer import plan_of
from engine.models.analysis import analyze
from gui.pages.transfer import LayerStrip
from gui.widgets.zoom import app_zoom


@pytest.mark.parametrize(("model", "size", "percent"), [("resnet18", (1070, 300), 100),
                                                        ("resnet18", (1070, 300), 150),
                                                        ("resnet18", (1800, 500), 100),
                                                        ("googlenet", (1070, 300), 100)])
def test_every_name_fits_the_room_it_is_written_in(qtbot, model, size, percent):
    strip = LayerStrip()
    qtbot.addWidget(strip)
    strip.resize(*size)
    strip.show()
    try:
        app_zoom().set_percent(percent)
        strip.set_plan(plan_of(analyze(model), "classifier", 10))
        metrics = QFontMetricsF(strip._name_font())
        spots = strip.name_spots()
        assert spots
        for text, _x, _foot, room, _inside in spots:
            assert metrics.horizontalAdvance(text) <= room + 0.5, (text, room)
        names = [layer.paper_name or layer.name for layer in strip.plan.layers]
        if size[1] >= 500:  # a tall strip writes every name whole
            assert [spot[0] for spot in spots] == names
        shortened = [text for text, *_ in spots if text.startswith("…")]
        assert all(any(name.endswith(text[1:]) for name in names) for text in shortened)
    finally:
        app_zoom().reset()
