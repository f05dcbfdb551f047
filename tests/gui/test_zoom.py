"""View → Zoom: every text grows with the app's zoom and comes back exactly; the level is remembered."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontInfo, QWheelEvent
from PySide6.QtWidgets import QApplication

from gui.widgets.zoom import STEPS, app_zoom


def _window(qtbot, settings):
    from gui.app import create_app, create_window

    create_app()
    window = create_window(device="cpu", language="en", settings=settings)
    qtbot.addWidget(window)
    return window


def test_zoom_in_scales_every_font_and_reset_restores_them_exactly(qtbot, settings):
    window = _window(qtbot, settings)
    try:
        window.show()
        header = window.page("overview").header.title  # a headline with a font of its own
        before = (QFontInfo(QApplication.font()).pixelSize(), QFontInfo(window.nav.font()).pixelSize(),
                  QFontInfo(header.font()).pixelSize())
        window.zoom_in_action.trigger()
        window.zoom_in_action.trigger()
        assert app_zoom().percent() == STEPS[2] == 125
        after = (QFontInfo(QApplication.font()).pixelSize(), QFontInfo(window.nav.font()).pixelSize(),
                 QFontInfo(header.font()).pixelSize())
        for old, new in zip(before, after, strict=True):
            assert abs(new - old * 1.25) <= 1
        assert int(settings.value("zoom")) == 125
        for _ in range(20):
            window.zoom_in_action.trigger()
        assert app_zoom().percent() == STEPS[-1] >= 250
        window.zoom_reset_action.trigger()
        assert (QFontInfo(QApplication.font()).pixelSize(), QFontInfo(window.nav.font()).pixelSize(),
                QFontInfo(header.font()).pixelSize()) == before
        window.zoom_out_action.trigger()
        assert app_zoom().percent() == 100  # no lower than 100 %
    finally:
        app_zoom().reset()
        window.close()


def test_the_zoom_is_remembered_and_a_page_built_later_starts_at_it(qtbot, settings):
    settings.setValue("zoom", 150)
    window = _window(qtbot, settings)
    try:
        assert app_zoom().percent() == 150
        label = window.page("datasets").header.title  # built after the zoom was set
        assert QFontInfo(label.font()).pixelSize() >= 1.5 * 2.2 * 14
    finally:
        app_zoom().reset()
        window.close()


def test_ctrl_wheel_on_a_diagram_zooms_the_app_and_its_labels(qtbot):
    from engine.models.analysis import analyze
    from gui.app import create_app
    from gui.diagram.view import DiagramView

    create_app()
    view = DiagramView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.set_analysis(analyze("lenet5"))
    before = view._font.pixelSize()
    try:
        event = QWheelEvent(QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)
        assert app_zoom().percent() == STEPS[1]
        assert view._font.pixelSize() > before
        assert all(item.font().pixelSize() == view._font.pixelSize() for item in view.scene().items()
                   if hasattr(item, "text") and item.font().pixelSize() > 0 and not item.font().bold())
    finally:
        app_zoom().reset()
    assert view._font.pixelSize() == before


def test_a_charts_x_axis_has_room_for_its_tick_labels_before_it_is_drawn_and_after_a_zoom(qtbot):
    """pyqtgraph keeps 18 px for x labels until it has drawn a taller one: the Inception chart's "1×1 3×3 5×5
    Pooling" were cut in half in a render for slides, and again after zooming in."""
    import pyqtgraph as pg
    from PySide6.QtGui import QFontMetrics

    from gui.widgets.plots import style_axes

    chart = pg.PlotWidget(background="w")
    qtbot.addWidget(chart)
    style_axes(chart, chart, 1.2)
    axis = chart.getAxis("bottom")

    def room() -> float:
        return axis.height() - axis.style["tickLength"] - axis.style["tickTextOffset"][1]

    chart.resize(600, 400)  # laid out, never painted
    QApplication.processEvents()
    assert room() >= QFontMetrics(axis.style["tickFont"]).height()
    try:
        app_zoom().set_percent(200)
        QApplication.processEvents()
        assert room() >= QFontMetrics(axis.style["tickFont"]).height() >= 30
    finally:
        app_zoom().reset()
