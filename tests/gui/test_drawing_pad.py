"""The drawing pad: strokes drawn with mouse events, undo and clear, and LeNet-5 reading the digits live."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from engine.data.digit_strokes import DIGIT_STROKES
from engine.data.drawing import digit_from_strokes, mnist_from_strokes
from gui.feature_maps.view import FeatureMapView
from gui.widgets.drawing_pad import DrawingPad

TIMEOUT_MS = 60_000


def _draw(pad: DrawingPad, strokes, steps: int = 4) -> None:
    """Replay a stroke script (unit box) as mouse drags on the pad, with points between the script's points,
    as a hand moving the mouse gives them."""
    side = min(pad.width(), pad.height())
    left, top = (pad.width() - side) // 2, (pad.height() - side) // 2
    margin = side * 0.1  # people leave some room round a digit

    def at(x: float, y: float) -> QPoint:
        return QPoint(round(left + margin + x * (side - 2 * margin)), round(top + margin + y * (side - 2 * margin)))

    for stroke in strokes:
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*stroke[0]))
        for (x0, y0), (x1, y1) in zip(stroke, stroke[1:], strict=False):
            for step in range(1, steps + 1):
                share = step / steps
                QTest.mouseMove(pad, at(x0 + (x1 - x0) * share, y0 + (y1 - y0) * share))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*stroke[-1]))


@pytest.fixture
def pad(qtbot):
    pad = DrawingPad()
    qtbot.addWidget(pad)
    pad.resize(300, 300)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def test_drags_become_strokes_and_undo_and_clear_take_them_back(qtbot, pad):
    changes = []
    pad.drawing_changed.connect(lambda: changes.append(1))
    with qtbot.waitSignal(pad.stroke_finished):
        _draw(pad, DIGIT_STROKES[4])
    strokes = pad.strokes()
    assert len(strokes) == 2 and len(changes) > 10  # every point drawn is an update
    assert all(stroke.shape[1] == 2 and 0 <= stroke.min() and stroke.max() <= 1 for stroke in strokes)
    assert strokes[1][:, 0].std() < 0.01  # the second stroke of a 4 is the upright bar
    pad.undo()
    assert len(pad.strokes()) == 1
    pad.clear()
    assert pad.is_empty()
    count = len(changes)
    pad.undo()
    pad.clear()  # nothing left to take back: no update
    assert len(changes) == count
    grab = pad.grab().toImage()
    assert grab.pixelColor(150, 150).value() == 0  # black again


def test_the_right_button_draws_nothing(pad):
    QTest.mousePress(pad, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, QPoint(50, 50))
    QTest.mouseRelease(pad, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, QPoint(80, 80))
    assert pad.is_empty()


@pytest.fixture
def view(qtbot, bridge):
    view = FeatureMapView(bridge)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    view.set_model("lenet5")
    qtbot.waitUntil(lambda: not view.is_busy() and view.shown_image() is not None, timeout=TIMEOUT_MS)
    return view


def _read(qtbot, view: FeatureMapView) -> int:
    """Wait until the maps on screen are those of the pad's latest drawing; the top class."""
    def settled() -> bool:
        sent = view.drawing_source()
        return (not view.is_busy() and sent is not None and view._event is not None
                and view._shown_source is not None and view._shown_source.pixels is sent[0])
    qtbot.waitUntil(settled, timeout=TIMEOUT_MS)
    return int(view._event.predictions[0].name)


def test_lenet5_reads_the_ten_digits_drawn_on_the_pad_while_they_are_drawn(qtbot, view):
    assert view.draw_button.isVisible() and not view.pad_box.isVisible()
    view.draw_button.click()
    assert view.pad_box.isVisible()
    samples = view.recent.count()
    right = []
    for digit, strokes in DIGIT_STROKES.items():
        view.pad.clear()
        _draw(view.pad, strokes)
        right.append(_read(qtbot, view) == digit)
        # The network's input beside the pad is the drawing made like the training digits, from the pad's strokes.
        made = digit_from_strokes(view.pad.strokes()).pixels[..., 0]
        shown = view.input_panel.image.image
        assert shown.shape == (32, 32) and np.abs(shown.astype(int) - made).max() <= 1
    assert sum(right) >= 8, right
    assert view.recent.count() == samples  # the updates while drawing do not fill the strip
    view.keep_button.click()
    assert view.recent.count() == samples + 1 and view.recent.item(0).text() == "Drawing 1"
    assert not view.recent.item(0).icon().isNull()


def test_undo_asks_again_an_empty_pad_keeps_the_maps_and_a_colour_model_hides_the_pad(qtbot, view):
    view.draw_button.click()
    _draw(view.pad, DIGIT_STROKES[1])
    first = _read(qtbot, view)
    _draw(view.pad, [[(0.1, 0.9), (0.9, 0.9)]])  # a base under the 1
    _read(qtbot, view)
    view.pad.undo()
    assert view.is_busy()  # the undone drawing is asked for at once
    assert _read(qtbot, view) == first
    shown = view._event
    view.pad.clear()
    assert not view.is_busy() and view._event is shown  # nothing drawn says nothing: the last maps stay
    view.hide()  # off screen the view asks for nothing: AlexNet is not built here
    view.set_model("alexnet")
    assert view.draw_button.isHidden() and view.pad_box.isHidden()


def test_weights_trained_on_mnist_get_drawings_made_as_mnists_digits(qtbot, view, tmp_path):
    from engine.models.checkpoints import Checkpoint, save_checkpoint
    from engine.models.zoo import get_model

    path = tmp_path / "lenet5_mnist.pt"
    save_checkpoint(Checkpoint("lenet5", get_model("lenet5").state_dict(), tuple("0123456789"), (1, 32, 32),
                               dataset="mnist", epoch=1), path)
    view.draw_button.click()
    assert "32×32 bitmap" in view.pad_caption.text()  # the shipped weights: the embedded digits' way
    view._weights_files["lenet5"] = str(path)  # as "Load weights file…" does
    view._submit()
    qtbot.waitUntil(lambda: not view.is_busy() and view._event.weights.dataset == "mnist", timeout=TIMEOUT_MS)
    assert "MNIST" in view.pad_caption.text()
    _draw(view.pad, DIGIT_STROKES[7])
    sent = view.drawing_source()[0]
    assert sent.shape == (28, 28, 3) and np.array_equal(sent, mnist_from_strokes(view.pad.strokes()).pixels)
    qtbot.waitUntil(lambda: not view.is_busy() and view._shown_source.pixels is view.drawing_source()[0],
                    timeout=TIMEOUT_MS)
    assert view._event.crop.shape == (32, 32)  # resized to LeNet-5's input, as MNIST's images are in training


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_pad_leaves_the_maps_and_the_layer_slider_room_on_a_1366_pixel_screen(qtbot, bridge, language):
    # The two overlay checks in one row (Korean: ~860 px) made the picture side so wide that the maps beside it
    # shrank to a strip of 190 px on a 1366-pixel screen; each pair now goes one under the other when squeezed.
    # The scale choice beside the layer slider (English) left the slider its handle: it now goes under it.
    from engine.data.digit_strokes import DIGIT_STROKES, partial_strokes
    from gui.app import create_app
    from gui.feature_maps.view import FeatureMapView
    from gui.i18n import set_language

    create_app()  # the app's own font (11 pt at least), as the window has it, before the view is built
    set_language(language)
    try:
        view = FeatureMapView(bridge)
        qtbot.addWidget(view)
        view.resize(1080, 700)  # what the page gives it at 1366×768, beside the navigation
        view.show()
        view.set_model("lenet5")
        view.draw_button.setChecked(True)
        view.pad.set_strokes(partial_strokes(DIGIT_STROKES[2], 0.85))
        # The checks name the top class ("... “9”의 근거가 되는 곳") once maps and occlusion are in: their longest.
        qtbot.waitUntil(lambda: view._event is not None and not view.awaiting_maps(), timeout=60000)
        view.occlusion_check.setChecked(True)
        qtbot.waitUntil(lambda: "“" in view.cam_check.text() and "“" in view.occlusion_check.text(), timeout=60000)
        qtbot.wait(50)
        assert view.width() == 1080 and view.minimumSizeHint().width() <= 1080  # no sideways scrolling
        assert view.grid.width() >= 0.3 * 1080  # 180 px before, in Korean
        assert view.layer_slider.width() >= 150 and view.scale_combo.width() >= view.scale_combo.sizeHint().width()
    finally:
        set_language("en")
