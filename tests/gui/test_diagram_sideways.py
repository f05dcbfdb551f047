"""A diagram too large for its view at the readable scale scrolls down, not sideways, and shows its start
(issue 13: ResNet-18 at 200 % zoom on 1920×1080 ran off both sides of the view, "input" cut at the left)."""

from __future__ import annotations

import pytest

from engine.models.analysis import analyze
from gui.diagram.view import DiagramView
from gui.widgets.zoom import app_zoom


@pytest.mark.parametrize("model", ["resnet18", "vgg16"])
def test_a_large_drawing_at_200_percent_scrolls_down_and_shows_its_start(qtbot, model):
    view = DiagramView()
    qtbot.addWidget(view)
    view.resize(1450, 620)  # the architecture tab's drawing at 200 % on 1920×1080
    view.show()
    try:
        view.set_analysis(analyze(model))  # laid out at 100 %, then the lecturer zooms in (Ctrl+Plus)
        app_zoom().set_percent(200)
        qtbot.wait(10)
        scale = view.transform().m11()
        drawing = view.sceneRect()
        assert drawing.height() * scale > view.viewport().height()  # it does not fit: it scrolls
        assert drawing.width() * scale <= view.viewport().width() + 1  # … only downwards
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        assert shown.top() <= drawing.top() + 1 and shown.left() <= drawing.left() + 1  # its start in view
    finally:
        app_zoom().reset()
