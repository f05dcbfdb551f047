"""Images for the pages: the shipped sample photo, numpy pixels to and from Qt, and the demonstration that a
page runs on the user's latest image (the 1×1 and augmentation pages)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtGui import QColor, QImage, QPainter

from engine.data.images import sample_images
from engine.runtime import events as ev
from gui.throttle import weakly

__all__ = ["ImageDemo", "UserImage", "pixels_of", "qimage_of", "sample_photo"]

UserImage = tuple[str, "np.ndarray | None", str]  # (path, pixels, name), as InspectImage takes an image


def sample_photo(name: str = "cat.jpg") -> Path:
    """The shipped photograph a page shows before the user gives an image: ``name`` if it ships, else the first."""
    samples = sample_images()
    photos = [path for path in samples if not path.name.startswith("digit_")]
    return next((path for path in photos if path.name == name), (photos or samples)[0])


class ImageDemo:
    """A page's demonstration on the user's latest image, or on the sample photo before any.

    ``source`` gives the user's image (``FeatureMapView.user_image``); :meth:`refresh` asks the engine again
    when it has changed, :meth:`submit` asks again in any case. ``make_request(path, pixels, name)`` builds the
    request; its ``ready`` answer goes to ``on_ready``, and a refused image or a failed request to
    ``on_problem`` with the engine's sentence; ``default`` names the shipped photo. One place for the
    refresh-and-submit of every such page.
    """

    def __init__(self, client, make_request: Callable[[str, np.ndarray | None, str], ev.ImageRequest],
                 ready: type[ev.Event], on_ready: Callable[[ev.Event], None],
                 on_problem: Callable[[str], None], default: Callable[[], Path] = sample_photo) -> None:
        self.source: Callable[[], UserImage | None] = lambda: None
        self._default = default  # the shipped photo shown before the user gives one
        self.current: UserImage | None = None  # asked for last
        self.pending = False  # asked, not answered yet
        self._client = client
        self._make_request = make_request
        self._replies = {ready: self._on_ready, ev.ImageRefused: lambda event: self._on_problem(event.message)}
        # The page keeps this demonstration: its methods are held weakly, so the two make no reference cycle.
        self._ready, self._problem = weakly(on_ready), weakly(on_problem)

    def refresh(self, visible: bool) -> bool:
        """Ask for the demonstration when the page is ``visible`` and the image has changed; True if asked."""
        if not visible or not self._changed():
            return False
        self.submit()
        return True

    def submit(self) -> None:
        """Ask for the demonstration on the current image (the latest, when none was asked for yet)."""
        if self.current is None:
            self._changed()
        self.pending = True
        self._client.submit(self._make_request(*self.current), self._replies,
                            lambda failure: self._on_problem(failure.message))

    def _changed(self) -> bool:
        path, pixels, name = self.source() or (str(self._default()), None, "")
        previous = self.current
        if previous is not None and (previous[0], previous[2]) == (path, name) and previous[1] is pixels:
            return False
        self.current = (path, pixels, name)
        return True

    def _on_ready(self, event: ev.Event) -> None:
        self.pending = False
        self._ready(event)

    def _on_problem(self, message: str) -> None:
        self.pending = False
        self._problem(message)


def pixels_of(image: QImage) -> np.ndarray:
    """A QImage as ``uint8`` (H, W, 3) RGB pixels (transparency flattened on white, as engine.data.images does)."""
    flat = QImage(image.size(), QImage.Format.Format_RGB888)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    width, height, stride = flat.width(), flat.height(), flat.bytesPerLine()
    rows = np.frombuffer(flat.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    return rows[:, : width * 3].reshape(height, width, 3).copy()




def qimage_of(pixels: np.ndarray) -> QImage:
    """``uint8`` (H, W, 3) or (H, W) pixels as a QImage that owns a copy of them."""
    pixels = np.ascontiguousarray(pixels)
    height, width = pixels.shape[:2]
    fmt = QImage.Format.Format_Grayscale8 if pixels.ndim == 2 else QImage.Format.Format_RGB888
    return QImage(pixels.data, width, height, pixels.strides[0], fmt).copy()


