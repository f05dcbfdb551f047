"""Data augmentation: the lecture's six methods, each shown on the user's latest image (a shipped photo before
any), with what was drawn for every example. "Again" draws new examples."""

from __future__ import annotations

import random

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from engine.data.augmentation import EXAMPLES, METHODS, PREVIEW_SIZE
from engine.runtime import events as ev
from engine.text.numbers import signed
from gui.i18n import localized
from gui.widgets.images import ImageDemo, qimage_of, sample_photo
from gui.widgets.text import ERROR_STYLE, NOTICE_STYLE, LanguageAware, PageHeader, scaled_font

__all__ = ["MIRROR_SAMPLE", "AugmentationView"]

_PANEL_COLUMNS = 3  # six methods in two rows of three: room for four examples each on a 1080p projector
# The photo shown before the user gives one. Not the cat the other pages use: its face is nearly symmetric, so
# mirroring it looks like no change (its centre square differs from its mirror by 32 levels of 255 on average,
# the astronaut's by 86: the flag and the shuttle change sides). tests/engine/test_augmentation.py pins both.
MIRROR_SAMPLE = "astronaut.jpg"


class _Picture(QWidget):
    """An image drawn as large as fits, square pixels kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(80, 80)

    def set_pixels(self, pixels: np.ndarray | None) -> None:
        """Show ``pixels`` (``uint8`` (H, W, 3)); None shows nothing."""
        self._image = None if pixels is None else qimage_of(pixels)
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def sizeHint(self) -> QSize:
        return QSize(110, 110)  # small: a page asks for its preferred height in a scroll area, and pictures grow

    def paintEvent(self, event) -> None:  # noqa: ARG002 - Qt's signature
        if self._image is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        scale = min(self.width() / self._image.width(), self.height() / self._image.height())
        width, height = self._image.width() * scale, self._image.height() * scale
        painter.drawImage(QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height),
                          self._image)
        painter.end()


class _Example(QWidget):
    """One picture with a caption under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = _Picture(self)
        self.caption = QLabel(self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)  # a narrow window wraps a caption rather than cutting it
        self.caption.setFont(scaled_font(self, 1.05))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)


class AugmentationView(LanguageAware, QWidget):
    """The lecture's augmentation methods, previewed on one image by the engine (``PreviewAugmentations``).

    ``images.source`` gives the user's latest image; the preview is asked for when the page is on screen and
    that image has changed (``refresh``), or with a new seed (``again``).
    """

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images = ImageDemo(bridge.client(self), lambda path, pixels, name: ev.PreviewAugmentations(
            path=path, pixels=pixels, name=name, seed=random.randrange(2**31)), ev.AugmentationsReady,
            self._on_examples_ready, self._on_problem, default=lambda: sample_photo(MIRROR_SAMPLE))
        self._event: ev.AugmentationsReady | None = None
        self._problem = ""
        self.header = PageHeader(self)
        self.original = _Example(self)
        self.original.picture.setMinimumSize(220, 220)
        self.again_button = QPushButton(self)
        self.again_button.setFont(scaled_font(self, 1.25, bold=True))
        self.again_button.setMinimumHeight(46)
        self.again_button.clicked.connect(self.again)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setFont(scaled_font(self, 1.2))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.original, 2)
        left.addWidget(self.again_button)
        left.addWidget(self.explanation)
        left.addWidget(self.status)
        left.addStretch(1)
        self.panels: dict[str, QGroupBox] = {}
        self.examples: dict[str, list[_Example]] = {}
        grid = QGridLayout()
        for index, method in enumerate(METHODS):
            grid.addWidget(self._panel(method), *divmod(index, _PANEL_COLUMNS))
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(grid, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self.retranslate()

    def _panel(self, method: str) -> QGroupBox:
        panel = QGroupBox(self)
        panel.setFont(scaled_font(self, 1.2, bold=True))
        count = 1 if method == "mirror" else EXAMPLES
        examples = [_Example(panel) for _ in range(count + (method == "mirror"))]  # mirror: the original beside
        for example in examples:
            example.setFont(self.font())
        layout = QGridLayout(panel)
        for index, example in enumerate(examples):
            layout.addWidget(example, *divmod(index, 2))
        self.panels[method] = panel
        self.examples[method] = examples
        return panel

    # ------------------------------------------------------------ requests

    def refresh(self) -> None:
        """Ask for examples of the user's latest image, if the page is on screen and the image has changed."""
        if self.images.refresh(self.isVisible()):
            self._asked()

    def again(self) -> None:
        """New random examples of the same image."""
        self.images.submit()
        self._asked()

    def preview(self) -> ev.AugmentationsReady | None:
        """The examples on screen (None before the first)."""
        return self._event

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def _asked(self) -> None:
        self._problem = ""
        self._show_status()

    # ------------------------------------------------------------ events

    def _on_examples_ready(self, event: ev.AugmentationsReady) -> None:
        self._event, self._problem = event, ""
        self.original.picture.set_pixels(event.original)
        for method in METHODS:
            made = [e.pixels for e in event.examples if e.method == method]
            if method == "mirror":
                made = [event.original, *made]
            for example, pixels in zip(self.examples[method], made, strict=True):
                example.picture.set_pixels(pixels)
        self._show_texts()

    def _on_problem(self, message: str) -> None:
        self._problem = message
        self._show_status()

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.header.set_texts(self.tr("Data augmentation"), self.tr("Q. How can we get more training data?"))
        self.again_button.setText(self.tr("Again: new random examples"))
        self.explanation.setText(self.tr(
            "Every picture on this page is a new training image made from the one on the left, with its label "
            "unchanged: no new photograph, no new labelling. Drop an image on the window to use your own."))
        titles = {"mirror": self.tr("Mirroring"), "crop": self.tr("Random cropping"), "rotation": self.tr("Rotation"),
                  "shear": self.tr("Shearing"), "warp": self.tr("Local warping"),
                  "colour": self.tr("Colour shifting")}
        for method, panel in self.panels.items():
            panel.setTitle(titles[method])
        self._show_texts()

    def _show_texts(self) -> None:
        e = self._event
        name = e.name if e is not None else ""
        self.original.caption.setText(self.tr("“{name}”, centre square, {size}×{size}").format(
            name=name, size=PREVIEW_SIZE) if e is not None else "")
        if e is not None:
            for method in METHODS:
                captions = [self._caption(x) for x in e.examples if x.method == method]
                if method == "mirror":
                    captions = [self.tr("original"), *captions]
                for example, caption in zip(self.examples[method], captions, strict=True):
                    example.caption.setText(caption)
        self._show_status()

    def _caption(self, example: ev.AugmentedImage) -> str:
        p = example.parameters
        if example.method == "mirror":
            return self.tr("mirrored left to right")
        if example.method == "crop":
            return self.tr("{area} kept").format(area=f"{p[0]:.0%}")
        if example.method == "rotation":
            return self.tr("rotated {angle}°").format(angle=signed(p[0]))
        if example.method == "shear":
            # No-break spaces: a narrow cell wraps between the two angles, not inside one.
            return self.tr("sheared {x}, {y}").format(x=f"x\u00a0{signed(p[0])}°",
                                                     y=f"y\u00a0{signed(p[1])}°")
        if example.method == "warp":
            # The average shift, drawn by the engine: a warp's strength in the picture's own pixels.
            return self.tr("moved {shift} px on average").format(shift=f"{p[0]:.0f}")
        red, green, blue = (signed(value) for value in p)
        return f"R\u00a0{red}  G\u00a0{green}  B\u00a0{blue}"  # a narrow cell wraps between channels

    def _show_status(self) -> None:
        if self._problem:
            text, style = localized(self._problem), ERROR_STYLE
        elif self._event is None or self.images.pending:
            text, style = self.tr("Making the examples…"), NOTICE_STYLE
        else:
            text, style = "", ""
        self.status.setText(text)
        self.status.setStyleSheet(style)
        self.status.setVisible(bool(text))
