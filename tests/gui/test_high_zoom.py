"""Pages at 200 % and 250 % (issue 13: "zoom 100 % to at least 250 %; nothing overlaps at any zoom step"): the
widgets a walk at those zooms found cut (issue 13-f). Each is built alone and laid out, not the whole window, so
the check takes seconds."""

from __future__ import annotations

import pytest
from painted_text import widget_faults
from PySide6.QtCore import Qt
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
    percentages) were painted below the widget: its minimum height was five rows at 100 %, fixed when it was made.
    A long selected name, drawn bold but elided in the regular font, ran past the widget's left edge."""
    from gui.feature_maps.view import _TopClasses

    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    classes = _TopClasses(page)
    layout.addWidget(classes)
    layout.addStretch(1)  # the layout gives the top-5 no more than it asks
    classes.set_predictions(tuple(ev.Prediction(i, name, p) for i, (name, p) in enumerate(
        (("tabby", 0.62), ("tiger cat", 0.2), ("Egyptian cat", 0.1), ("toaster", 0.004),
         ("Lakeland terrier", 0.003)))), 4)  # the selected class is drawn bold: elided in the bold font
    try:
        app_zoom().set_percent(percent)
        page.resize(520, 200)  # shorter than five rows: the page's own scroll area gives it what it asks
        page.show()
        _settle()
        page.resize(520, page.minimumSizeHint().height())
        _settle()
        classes.repaint()
        assert len(classes.painted.texts) == 10
        assert widget_faults(classes) == [], (percent, classes.height())
    finally:
        app_zoom().reset()


def test_the_feature_maps_turn_their_sides_one_above_the_other_when_the_page_is_narrow(qtbot, bridge):
    """At 250 % on 1920×1080 the feature maps' image side and maps side asked 1261 + 650 px of a 1364 px page:
    the model pages, and every page of a section with one (its tabs share one width), scrolled sideways. The
    sides now go one above the other when the page is narrower than both; the view asks its wider side's width
    (the top-5's and the filters' titles, 833 + 727 px side by side, now wrap; the weights' banner reflows)."""
    from gui.feature_maps.view import FeatureMapView

    view = FeatureMapView(bridge)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    view.set_model("lenet5")
    qtbot.waitUntil(lambda: not view.is_busy() and view.shown_image() is not None, timeout=60_000)
    try:
        app_zoom().set_percent(250)
        _settle()
        room = 1364  # the page's width at 250 % on 1920×1080 (English), measured in the walk
        assert view.minimumSizeHint().width() <= room
        view.resize(room, max(900, view.minimumSizeHint().height()))
        _settle()
        # as the page's scroll area does: the height for this width (its banner's buttons stack at 250 %)
        view.resize(room, max(900, view.minimumSizeHint().height(), view.heightForWidth(room)))
        _settle()
        splitter = view.splitter
        assert splitter.orientation() == Qt.Orientation.Vertical
        for index in range(splitter.count()):
            side = splitter.widget(index)
            assert side.width() >= side.minimumSizeHint().width(), index
        # one above the other, the image side gets the height its wrapped texts need at its width: given only its
        # least height, its layout squeezed the top-5 below five rows
        view.top_classes.repaint()
        assert view.top_classes.height() >= view.top_classes.minimumSizeHint().height()
        assert widget_faults(view.top_classes) == []
        app_zoom().reset()
        view.resize(1900, 1000)
        _settle()
        assert splitter.orientation() == Qt.Orientation.Horizontal  # at 100 % side by side, as before
    finally:
        app_zoom().reset()
