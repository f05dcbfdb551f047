"""Pages at 200 % and 250 % (issue 13: "zoom 100 % to at least 250 %; nothing overlaps at any zoom step"): the
widgets a walk at those zooms found cut (issue 13-f). Each is built alone and laid out, not the whole window, so
the check takes seconds."""

from __future__ import annotations

import pytest
from painted_text import widget_faults
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from engine.runtime import events as ev
from gui.widgets.zoom import app_zoom


def _settle() -> None:
    for _ in range(5):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.mark.parametrize("percent", [100, 150, 200, 250])
def test_the_top_classes_keep_all_five_rows_inside_at_every_zoom(qtbot, percent):
    """At 200 % and 250 % the top-5's fourth and fifth classes ("toaster", "Lakeland terrier" and their
    percentages) were painted below the widget: its minimum height was five rows at 100 %, fixed when it was made."""
    from gui.feature_maps.view import _TopClasses

    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    classes = _TopClasses(page)
    layout.addWidget(classes)
    layout.addStretch(1)  # the layout gives the top-5 no more than it asks
    classes.set_predictions(tuple(ev.Prediction(i, name, p) for i, (name, p) in enumerate(
        (("tabby", 0.62), ("tiger cat", 0.2), ("Egyptian cat", 0.1), ("toaster", 0.004),
         ("Lakeland terrier", 0.003)))), 0)
    try:
        app_zoom().set_percent(percent)
        page.resize(900, 200)  # shorter than five rows: the page's own scroll area gives it what it asks
        page.show()
        _settle()
        page.resize(900, page.minimumSizeHint().height())
        _settle()
        classes.repaint()
        assert len(classes.painted.texts) == 10
        assert widget_faults(classes) == [], (percent, classes.height())
    finally:
        app_zoom().reset()
