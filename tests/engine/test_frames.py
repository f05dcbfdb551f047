"""Frame sources and the latest-frame slot, without Qt."""

import threading

import numpy as np
import pytest

from engine.data.frames import CameraSource, LatestFrame, SyntheticSource, VideoFileSource, camera_indices
from engine.runtime.errors import UserInputError


def test_the_synthetic_source_gives_distinct_rgb_frames_and_ends_after_its_count():
    source = SyntheticSource(size=(48, 64), count=3)
    frames = [source.read() for _ in range(4)]
    assert frames[3] is None
    assert all(frame.shape == (48, 64, 3) and frame.dtype == np.uint8 for frame in frames[:3])
    assert not np.array_equal(frames[0], frames[1])
    assert np.array_equal(frames[1], source.frame(1))  # the same index, the same picture


def test_the_slot_keeps_only_the_newest_frame_and_counts_the_dropped():
    slot = LatestFrame()
    assert slot.take() is None
    frames = [np.full((2, 2, 3), value, dtype=np.uint8) for value in range(5)]
    for frame in frames:
        slot.put(frame)
    frame, _ = slot.take()
    assert frame is frames[-1] and slot.take() is None
    assert (slot.arrived, slot.dropped) == (5, 4)


def test_a_fast_reader_thread_never_makes_the_slot_hold_more_than_one():
    slot = LatestFrame()
    source = SyntheticSource(size=(8, 8), count=1000)

    def read():
        while (frame := source.read()) is not None:
            slot.put(frame)

    reader = threading.Thread(target=read)
    reader.start()
    taken = 0
    while reader.is_alive() or slot.has_frame():
        taken += slot.take() is not None
    reader.join()
    assert slot.arrived == 1000 and taken + slot.dropped == 1000


def test_a_video_file_is_read_back_frame_by_frame_in_rgb(tmp_path):
    cv2 = pytest.importorskip("cv2")
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 25, (64, 48))
    for index in range(12):
        frame = np.zeros((48, 64, 3), dtype=np.uint8)
        frame[:, :, 2] = 200  # red in OpenCV's BGR
        frame[:, index * 4:index * 4 + 8, 1] = 255
        writer.write(frame)
    writer.release()
    with VideoFileSource(path, paced=False) as source:
        assert source.fps == pytest.approx(25) and source.name == "clip.avi"
        frames = []
        while (frame := source.read()) is not None:
            frames.append(frame)
    assert len(frames) == 12 and frames[0].shape == (48, 64, 3)
    assert abs(int(frames[0][..., 0].mean()) - 200) < 10 and frames[0][..., 2].mean() < 10  # turned to RGB
    assert source.read() is None  # closed


def test_a_file_that_is_not_a_video_and_a_missing_camera_get_one_sentence(tmp_path):
    pytest.importorskip("cv2")
    bad = tmp_path / "notes.mp4"
    bad.write_text("not a video")
    with pytest.raises(UserInputError, match="notes.mp4 is not a video this app can read"):
        VideoFileSource(bad)
    with pytest.raises(UserInputError, match="does not exist"):
        VideoFileSource(tmp_path / "missing.mp4")
    with pytest.raises(UserInputError, match="no camera 97"):
        CameraSource(97)


def test_cameras_are_listed_from_the_video_devices(tmp_path, monkeypatch):
    import engine.data.frames as frames

    monkeypatch.setattr(frames.sys, "platform", "linux")
    for name in ("video2", "video0", "video-meta", "audio0"):
        (tmp_path / name).touch()
    assert camera_indices(tmp_path) == [0, 2]
    monkeypatch.setattr(frames.sys, "platform", "win32")
    assert camera_indices(tmp_path) == [0]
