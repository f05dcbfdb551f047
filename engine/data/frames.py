"""Frame sources for live input, behind one interface, and the one-frame slot where the latest frame wins.

A source yields ``uint8`` RGB frames of shape (H, W, 3) (numpy, no Qt): :class:`SyntheticSource` draws them
(tests and benchmarks), :class:`VideoFileSource` reads a video file, :class:`CameraSource` a camera. The files and
cameras are read with OpenCV (``opencv-python-headless``): one wheel of 61 MB that reads the common video files
(its own FFmpeg) and the system's cameras (V4L2 on Linux, AVFoundation on macOS, Media Foundation on Windows),
and answers at once, with no exception, when there is no camera (see the README's measurement).

A reader keeps pulling frames at the source's pace and puts each into a :class:`LatestFrame`; whoever feeds the
engine takes from it when the engine is free. A frame that arrives before the previous one was taken replaces
it: frames are dropped, never queued, so the engine always gets the newest and memory stays flat.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time
from pathlib import Path

import numpy as np

from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = ["CameraSource", "FrameSource", "LatestFrame", "SyntheticSource", "VideoFileSource", "camera_indices"]

os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")  # OpenCV's own warnings would reach the terminal


class FrameSource:
    """Where live frames come from.

    ``read()`` gives the next frame, ``uint8`` (H, W, 3) RGB, waiting for it when the source has a pace (a camera,
    a video played at its frame rate), or None at the end (a video's last frame, a camera unplugged). A source
    that cannot be opened raises ``UserInputError`` with one sentence when it is made. ``close()`` frees it.
    """

    name: str = ""
    fps: float | None = None  # the pace of its frames; None: as fast as they are read

    def read(self) -> np.ndarray | None:
        raise NotImplementedError

    def close(self) -> None:
        """Free the device or file; reading afterwards gives None."""

    def __enter__(self) -> FrameSource:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SyntheticSource(FrameSource):
    """Frames drawn here: a bright disc circling on a dark, slowly shading background, each frame different.

    Parameters
    ----------
    size : tuple of int
        ``(height, width)`` of the frames.
    fps : float, optional
        Frames a second; None gives them as fast as ``read`` is called.
    count : int, optional
        How many frames before the end; None: endless.
    """

    def __init__(self, size: tuple[int, int] = (240, 320), fps: float | None = None, count: int | None = None) -> None:
        self.name, self.fps, self._count = "synthetic", fps, count
        self._index = 0
        self._closed = False
        height, width = size
        self._rows, self._columns = np.mgrid[0:height, 0:width].astype(np.float32)
        self._size = size
        self._next_time = time.monotonic()

    def read(self) -> np.ndarray | None:
        if self._closed or (self._count is not None and self._index >= self._count):
            return None
        if self.fps:
            self._next_time += 1.0 / self.fps
            time.sleep(max(0.0, self._next_time - time.monotonic()))
        frame = self.frame(self._index)
        self._index += 1
        return frame

    def frame(self, index: int) -> np.ndarray:
        """Frame number ``index`` (the same every time)."""
        height, width = self._size
        angle = index * 2 * math.pi / 60  # once round in 60 frames
        cy, cx = height / 2 + height / 4 * math.sin(angle), width / 2 + width / 4 * math.cos(angle)
        radius = min(height, width) / 6
        disc = ((self._rows - cy) ** 2 + (self._columns - cx) ** 2) <= radius ** 2
        frame = np.empty((height, width, 3), dtype=np.uint8)
        frame[..., 0] = (self._columns * (96 / max(width, 1))).astype(np.uint8)
        frame[..., 1] = (index * 3) % 64
        frame[..., 2] = (self._rows * (96 / max(height, 1))).astype(np.uint8)
        frame[disc] = (255, 230, 120)
        return frame

    def close(self) -> None:
        self._closed = True


class _OpenCvSource(FrameSource):
    """A ``cv2.VideoCapture``: frames come as BGR and are turned to RGB here."""

    def __init__(self, capture, name: str, paced: bool) -> None:
        self._capture, self.name = capture, name
        fps = float(capture.get(5)) if capture is not None else 0.0  # 5: cv2.CAP_PROP_FPS
        self.fps = fps if fps > 0 and math.isfinite(fps) else None
        self._paced = paced and self.fps is not None
        self._next_time = time.monotonic()
        self._lock = threading.Lock()  # read on the reader's thread, closed on another

    def read(self) -> np.ndarray | None:
        with self._lock:
            if self._capture is None:
                return None
            ok, frame = self._capture.read()
        if not ok or frame is None or frame.ndim != 3:
            return None
        if self._paced:
            self._next_time = max(self._next_time + 1.0 / self.fps, time.monotonic() - 1.0)
            time.sleep(max(0.0, self._next_time - time.monotonic()))
        return np.ascontiguousarray(frame[..., 2::-1])

    def close(self) -> None:
        with self._lock:
            if self._capture is not None:
                self._capture.release()
                self._capture = None


class VideoFileSource(_OpenCvSource):
    """The frames of a video file.

    Parameters
    ----------
    path : str or Path
        The file, opened read-only.
    paced : bool
        True: frames come at the file's frame rate, as it would play; False: as fast as they are decoded.

    Raises
    ------
    UserInputError
        When the file is missing or is not a video OpenCV can read.
    """

    def __init__(self, path: str | Path, paced: bool = True) -> None:
        path = Path(path)
        if not path.is_file():
            raise UserInputError(text(QT_TRANSLATE_NOOP("engine", "{path} does not exist or is not a file."),
                                      path=path))
        cv2 = _cv2()
        capture = cv2.VideoCapture(str(path))
        ok, first = capture.read() if capture.isOpened() else (False, None)
        if not ok or first is None:
            capture.release()
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "{name} is not a video this app can read (or it has no frames)."), name=path.name))
        capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
        super().__init__(capture, path.name, paced)


class CameraSource(_OpenCvSource):
    """The frames of a camera of this computer.

    Parameters
    ----------
    index : int
        The system's camera number (0: the first).

    Raises
    ------
    UserInputError
        When there is no such camera, or it cannot be opened (in use by another program, or no permission).
    """

    def __init__(self, index: int = 0) -> None:
        cv2 = _cv2()
        capture = cv2.VideoCapture(index)
        ok, first = capture.read() if capture.isOpened() else (False, None)
        if not capture.isOpened():
            capture.release()
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "There is no camera {index} on this computer, or it cannot be opened."), index=index))
        if not ok or first is None:
            capture.release()
            raise UserInputError(text(QT_TRANSLATE_NOOP(
                "engine", "Camera {index} gives no picture: another program may be using it, or this app may not "
                "have permission to use it."), index=index))
        super().__init__(capture, f"camera {index}", paced=False)  # a camera sets its own pace


def camera_indices(devices: str | Path = "/dev") -> list[int]:
    """The system's cameras, by OpenCV's number: on Linux the ``video*`` devices in ``devices`` (a webcam often
    has two, one for metadata, which refuses to open with a sentence); elsewhere camera 0, as OpenCV cannot list
    cameras without opening each one (seconds apiece on some systems)."""
    folder = Path(devices)
    if sys.platform.startswith("linux"):
        found = sorted(int(path.name[5:]) for path in folder.glob("video*") if path.name[5:].isdigit())
        return found
    return [0]


class LatestFrame:
    """One slot shared by a reader thread and a consumer: the newest frame wins.

    ``put`` replaces a frame not yet taken (and counts it as dropped); ``take`` gives the frame and empties the
    slot. At most one frame is ever held, whatever the two paces.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frame: np.ndarray | None = None
        self._arrived_at = 0.0
        self.arrived = 0  # frames put
        self.dropped = 0  # of which replaced before they were taken

    def put(self, frame: np.ndarray) -> None:
        with self._lock:
            if self._frame is not None:
                self.dropped += 1
            self._frame, self._arrived_at = frame, time.perf_counter()
            self.arrived += 1

    def take(self) -> tuple[np.ndarray, float] | None:
        """The newest frame and when it arrived (``time.perf_counter``), or None when none is waiting."""
        with self._lock:
            if self._frame is None:
                return None
            frame, self._frame = self._frame, None
            return frame, self._arrived_at

    def has_frame(self) -> bool:
        with self._lock:
            return self._frame is not None


def _cv2():
    try:
        import cv2
    except ImportError:
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "Video and camera input need OpenCV: pip install opencv-python-headless"))) from None
    return cv2
