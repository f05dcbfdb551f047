"""Live frames through the real path: source -> reader thread -> latest-frame slot -> engine -> maps on screen."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from engine.data.frames import SyntheticSource, VideoFileSource
from gui.feature_maps.view import FeatureMapView

TIMEOUT_MS = 60_000


@pytest.fixture
def view(qtbot, bridge):
    view = FeatureMapView(bridge)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.set_model("lenet5")
    qtbot.waitUntil(lambda: not view.is_busy() and view.shown_image() is not None, timeout=TIMEOUT_MS)
    yield view
    view.stop_live()


def test_synthetic_frames_get_their_maps_and_the_feed_ends_with_the_source(qtbot, view):
    recent = view.recent.count()
    feed = view.start_live(SyntheticSource(size=(120, 160), fps=60, count=40))
    with qtbot.waitSignal(feed.ended, timeout=TIMEOUT_MS):
        pass
    qtbot.waitUntil(lambda: not view.awaiting_maps(), timeout=TIMEOUT_MS)
    assert view.shown_image() == "Live frame" and feed.delivered >= 3
    assert view.grid.image.image is not None and view.input_panel.image.image.shape == (32, 32)
    assert feed.slot.arrived == 40 and feed.delivered + feed.slot.dropped == 40
    assert view.recent.count() == recent  # frames do not fill the strip of images
    assert not feed.is_running()


def test_a_video_file_written_here_goes_through_the_real_path(qtbot, view, tmp_path):
    cv2 = pytest.importorskip("cv2")
    path = tmp_path / "digit.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30, (96, 96))
    for index in range(20):
        frame = np.zeros((96, 96, 3), dtype=np.uint8)
        cv2.circle(frame, (48, 48), 20 + index % 5, (255, 255, 255), 6)  # a 0 that breathes
        writer.write(frame)
    writer.release()
    feed = view.start_live(VideoFileSource(path, paced=False))
    with qtbot.waitSignal(feed.ended, timeout=TIMEOUT_MS):
        pass
    qtbot.waitUntil(lambda: not view.awaiting_maps(), timeout=TIMEOUT_MS)
    assert view.shown_image() == "Live frame" and feed.delivered >= 1 and feed.slot.arrived == 20
    assert view._event.predictions[0].name == "0"  # the ring reaches LeNet-5 as the digit it is


def test_a_thousand_fast_frames_are_dropped_not_queued_and_memory_stays_flat(qtbot, view):
    frame_bytes = 240 * 320 * 3
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        feed = view.start_live(SyntheticSource(size=(240, 320), count=1000))  # as fast as they can be drawn
        with qtbot.waitSignal(feed.ended, timeout=TIMEOUT_MS):
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert feed.slot.arrived == 1000
    assert feed.delivered < 500 and feed.delivered + feed.slot.dropped == 1000  # most never reached the engine
    # 1,000 queued frames would be 230 MB; a handful in flight at once is all there ever is.
    assert peak - before < 40 * frame_bytes, (peak - before) / frame_bytes


def _video(cv2, path, frames: int = 20):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30, (96, 96))
    for index in range(frames):
        frame = np.zeros((96, 96, 3), dtype=np.uint8)
        cv2.circle(frame, (48, 48), 20 + index % 5, (255, 255, 255), 6)
        writer.write(frame)
    writer.release()
    return path


def test_faults_get_their_sentence_and_the_maps_on_screen_stay(qtbot, view, tmp_path):
    shown = view.shown_image()
    bad = tmp_path / "lecture.mp4"
    bad.write_bytes(b"\x00" * 100)
    pytest.importorskip("cv2")
    assert not view.open_video(str(bad))
    assert view.messages() == ["lecture.mp4 is not a video this app can read (or it has no frames)."]
    assert not view.open_camera(97)
    assert view.messages() == ["There is no camera 97 on this computer, or it cannot be opened."]
    assert view.shown_image() == shown and view.message_label.isVisibleTo(view)


def test_a_video_ends_with_a_message_and_space_and_s_freeze_and_keep_a_frame(qtbot, view, tmp_path):
    cv2 = pytest.importorskip("cv2")
    path = _video(cv2, tmp_path / "ring.avi", frames=300)  # 10 s at its 30 frames a second
    assert view.open_video(str(path))
    qtbot.waitUntil(lambda: view.shown_image() == "Live frame" and not view.awaiting_maps(), timeout=TIMEOUT_MS)
    view.setFocus()
    view.freeze_action.trigger()  # Space
    assert not view.live.is_running() and "Frozen" in view.messages()[0]
    recent = view.recent.count()
    view.keep_frame_action.trigger()  # S
    assert view.recent.count() == recent + 1 and view.recent.item(0).text() == "Frame 1"
    short = _video(cv2, tmp_path / "short.avi", frames=5)
    assert view.open_video(str(short))
    with qtbot.waitSignal(view.live.ended, timeout=TIMEOUT_MS):
        pass
    assert "no more frames" in view.messages()[0]


def test_digit_mode_turns_a_digit_on_paper_into_the_networks_input(qtbot, view, tmp_path):
    cv2 = pytest.importorskip("cv2")
    path = tmp_path / "paper.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30, (320, 240))
    for index in range(10):
        frame = np.full((240, 320, 3), (170, 190, 200), dtype=np.uint8)  # paper, BGR
        cv2.putText(frame, "4", (110 + index, 190), cv2.FONT_HERSHEY_SIMPLEX, 6, (60, 40, 40), 14)
        writer.write(frame)
    writer.release()
    view.digit_mode_action.setChecked(True)
    feed = view.start_live(VideoFileSource(path, paced=False))
    with qtbot.waitSignal(feed.ended, timeout=TIMEOUT_MS):
        pass
    qtbot.waitUntil(lambda: not view.awaiting_maps(), timeout=TIMEOUT_MS)
    crop = view._event.crop
    counts = np.rint(np.arange(17) * (255 / 16))  # the only grey levels a count of a 4×4 block can give
    assert crop.shape == (32, 32) and np.abs(crop[..., None] - counts).min(axis=-1).max() <= 1
    assert np.array_equal(crop[::4, ::4].repeat(4, 0).repeat(4, 1), crop)  # 8×8 counts, enlarged
    assert crop.max() > 200 and crop[:, 0].max() < 128  # light ink on black, the digit fills the height
    assert view._event.predictions[0].name == "4" and not view._event.inverted


def test_the_camera_menu_lists_the_systems_cameras(view, monkeypatch):
    import gui.feature_maps.view as module

    monkeypatch.setattr(module, "camera_indices", lambda: [0, 2])
    view._fill_cameras()
    assert [action.text() for action in view.cameras_menu.actions()] == ["Camera 0", "Camera 2"]
    view.cameras_menu.actions()[1].trigger()  # no camera 2 here: its sentence, and the maps stay
    assert view.messages() == ["There is no camera 2 on this computer, or it cannot be opened."]
    monkeypatch.setattr(module, "camera_indices", lambda: [])
    view._fill_cameras()
    assert [(a.text(), a.isEnabled()) for a in view.cameras_menu.actions()] == [("No camera found", False)]


def test_closing_the_window_ends_the_live_feed(qtbot, window):
    import threading

    view = window.feature_view
    feed = view.start_live(SyntheticSource(size=(60, 80), fps=30))
    assert any(thread.name == "frame-reader" for thread in threading.enumerate())
    window.close()
    assert not feed.is_running()
    assert not any(thread.name == "frame-reader" for thread in threading.enumerate())


def test_two_frames_are_in_flight_each_brings_the_layer_on_screen_and_moving_the_slider_follows(qtbot, view):
    from engine.runtime import events as ev

    in_flight, answers = [], []
    original = view._on_frame_maps_ready

    def watched(event):  # what the view holds when each frame's answer comes
        in_flight.append(len(view._frames))
        answers.append(event)
        original(event)

    view._on_frame_maps_ready = watched  # the client routes by the handler given at submit: set it first
    view.select_layer(1)
    feed = view.start_live(SyntheticSource(size=(120, 160)))  # faster than the engine: it is never short
    qtbot.waitUntil(lambda: len(answers) >= 6, timeout=TIMEOUT_MS)
    # Pipelining: while one frame is served, the next waits in the engine's queue (a newer frame replaces it
    # there); counted when an answer comes, the frames asked for are that answer, at most one being served and
    # at most one waiting: never more than three.
    assert 2 <= max(in_flight) <= 3
    assert all(isinstance(a, ev.FrameMapsReady) and a.computed == 1 for a in answers)
    assert all(a.layers[1].maps.shape == (6, 28, 28) and not a.layers[3].maps.size for a in answers)
    assert [a.request_id for a in answers] == sorted(a.request_id for a in answers)
    view.layer_slider.setValue(3)  # while live: the next frames bring that row
    assert "next frame" in view.layer_label.text()
    qtbot.waitUntil(lambda: answers[-1].computed == 3 and view._event is answers[-1], timeout=TIMEOUT_MS)
    assert view.grid.image.image is not None and "next frame" not in view.layer_label.text()
    # Painted, not only set: the grid blanked for the frame in between still has its picture in its scene.
    assert view.grid.image.isVisible() and view.grid.image.scene() is view.grid.scene()
    picture = view.grid.grab().toImage()
    assert len({picture.pixel(x, y) for x in range(0, picture.width(), 7) for y in range(0, picture.height(), 7)}) > 3
    assert "Live:" in view.attribution_note.text()
    view.stop_live()
    assert not view._frames and feed.shown >= 6


def test_space_and_s_keys_freeze_the_frame_for_every_layer_and_keep_it(qtbot, view):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from engine.runtime import events as ev

    view.start_live(SyntheticSource(size=(120, 160), fps=30))
    qtbot.waitUntil(lambda: isinstance(view._event, ev.FrameMapsReady), timeout=TIMEOUT_MS)
    view.activateWindow()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert not view.live.is_running() and "Frozen" in view.messages()[0]
    frozen = view._shown_source
    # The frozen frame is asked for in full: every layer's maps, Grad-CAM and occlusion of that very frame.
    qtbot.waitUntil(lambda: type(view._event) is ev.FeatureMapsReady and view._occlusion is not None,
                    timeout=TIMEOUT_MS)
    assert view._shown_source is frozen and all(layer.maps.size for layer in view._event.layers)
    assert view._cam is not None and "Live:" not in view.attribution_note.text()
    recent = view.recent.count()
    QTest.keyClick(view, Qt.Key.Key_S)
    assert view.recent.count() == recent + 1 and view.recent.item(0).text() == "Frame 1"


class _FakeCamera:
    """cv2.VideoCapture of a camera: opened or not, giving ``frames`` pictures and then none (unplugged)."""

    def __init__(self, opened: bool, frames: int) -> None:
        self.opened, self.left = opened, frames

    def isOpened(self) -> bool:  # noqa: N802 - OpenCV's name
        return self.opened

    def read(self):
        if self.left <= 0:
            return False, None
        self.left -= 1
        frame = np.zeros((96, 96, 3), dtype=np.uint8)
        frame[20:76, 44:52] = 255  # a 1
        return True, frame

    def get(self, _prop: int) -> float:
        return 30.0

    def release(self) -> None:
        self.left = 0


def test_a_busy_or_forbidden_camera_and_one_unplugged_mid_stream_get_their_sentences(qtbot, view, monkeypatch):
    cv2 = pytest.importorskip("cv2")
    shown = view.shown_image()
    # Opened but giving no picture: what OpenCV reports both for a camera another program holds and for one this
    # app may not use (it cannot tell the two apart).
    monkeypatch.setattr(cv2, "VideoCapture", lambda index: _FakeCamera(opened=True, frames=0))
    assert not view.open_camera(0)
    assert view.messages() == ["Camera 0 gives no picture: another program may be using it, or this app may not "
                               "have permission to use it."]
    assert view.shown_image() == shown
    # Unplugged after a few frames: the feed ends with its sentence, the last frame's maps stay.
    monkeypatch.setattr(cv2, "VideoCapture", lambda index: _FakeCamera(opened=True, frames=6))
    assert view.open_camera(0)
    with qtbot.waitSignal(view.live.ended, timeout=TIMEOUT_MS):
        pass
    assert "no more frames" in view.messages()[0] and "unplugged" in view.messages()[0]
    qtbot.waitUntil(lambda: not view.awaiting_maps(), timeout=TIMEOUT_MS)
    assert view.shown_image() == "Live frame"


def test_a_live_frames_maps_are_delivered_without_waiting_for_the_bridges_tick(qtbot):
    from dataclasses import dataclass
    from typing import ClassVar

    from engine.runtime import events as ev
    from gui.engine_bridge import EngineBridge

    @dataclass(frozen=True)
    class Progress(ev.Event):
        pass

    @dataclass(frozen=True)
    class Prompt(ev.Event):
        prompt: ClassVar[bool] = True

    bridge = EngineBridge(device="cpu")  # not started: the test plays the engine thread
    got = []
    request_id = bridge.submit(ev.SetDevice("cpu"), {Prompt: got.append, Progress: got.append})
    bridge._on_engine_event(Progress(request_id=request_id))
    qtbot.waitUntil(lambda: len(got) == 1, timeout=1000)  # the first at once; a tick (33 ms) begins
    bridge._on_engine_event(Progress(request_id=request_id))
    bridge._on_engine_event(Prompt(request_id=request_id))
    qtbot.waitUntil(lambda: len(got) == 3, timeout=1000)
    assert bridge._deliver_throttled._timer.isActive()  # delivered inside the tick, not at its end
    assert [type(e).__name__ for e in got] == ["Progress", "Progress", "Prompt"]  # what waited came first
    bridge._on_engine_event(Progress(request_id=request_id))
    qtbot.wait(5)
    assert len(got) == 3  # anything else still waits for the tick
    qtbot.waitUntil(lambda: len(got) == 4, timeout=1000)
