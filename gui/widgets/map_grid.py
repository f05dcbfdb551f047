"""A layer's channel maps tiled into one picture, and the steady picture panel it is drawn on."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

__all__ = ["COLORMAP", "ImagePanel", "MapGrid", "mosaic_shape", "normalised"]

COLORMAP = "viridis"  # perceptually uniform, and legible in gray on a washed-out projector


def mosaic_shape(channels: int, height: int, width: int) -> tuple[int, int, int]:
    """(rows, columns, gap in pixels) of the grid that shows ``channels`` maps of ``height`` × ``width``."""
    columns = max(1, math.ceil(math.sqrt(channels * height / max(width, 1))))
    rows = math.ceil(channels / columns)
    return rows, columns, max(1, max(height, width) // 16)


_PADDING = 0.02  # of the picture's size, around it


class ImagePanel(pg.GraphicsLayoutWidget):
    """One picture, fitted to the panel, square pixels, no pan or zoom (a lecture needs a steady picture)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.ci.layout.setContentsMargins(0, 0, 0, 0)
        self.box = self.addViewBox()
        self.box.setAspectLocked(True)
        self.box.invertY(True)
        self.box.setMouseEnabled(False, False)
        self.box.setMenuEnabled(False)
        self.box.setDefaultPadding(_PADDING)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.box.addItem(self.image)
        self.setMinimumSize(160, 160)

    def show_array(self, array: np.ndarray, levels: tuple[float, float] | None = None,
                   colormap: str | None = None) -> None:
        """Show ``array``: (H, W) with ``colormap`` and ``levels``, or (H, W, 3) colour."""
        resized = self.image.image is None or self.image.image.shape[:2] != array.shape[:2]
        if colormap is not None:
            self.image.setColorMap(pg.colormap.get(colormap))
        self.image.setImage(array, levels=levels, autoLevels=levels is None)
        self.image.setVisible(True)
        if resized:
            self.box.autoRange()

    def blank(self) -> None:
        """Show nothing until the next :meth:`show_array`. Not ``clear``: pyqtgraph's GraphicsLayoutWidget sets
        ``clear`` on each instance to its layout's, which removes the view box itself, so that nothing shown later
        is ever painted (seen when a live frame brought another layer's maps)."""
        self.image.setVisible(False)


class MapGrid(ImagePanel):
    """A layer's channel maps tiled into one mosaic image, updated in place; a click picks a map, and the
    pixel clicked in it (``unit_clicked(channel, y, x)``, in the map's own pixels)."""

    map_clicked = Signal(int)
    unit_clicked = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buffer: np.ndarray | None = None
        self._cells: np.ndarray | None = None
        self._layout = (0, 0, 0, 0, 0)  # rows, columns, gap, height, width
        self._count = 0  # maps in the mosaic
        self.image.setColorMap(pg.colormap.get(COLORMAP))
        self.highlight = QGraphicsRectItem()
        self.highlight.setPen(QPen(QColor("#ff2d55"), 0))
        self.highlight.setZValue(10)
        self.highlight.setVisible(False)
        self.box.addItem(self.highlight, ignoreBounds=True)  # the fit follows the maps, not the outline
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.box.sigResized.connect(self._to_the_top)

    def show_array(self, array: np.ndarray, levels: tuple[float, float] | None = None,
                   colormap: str | None = None) -> None:
        super().show_array(array, levels, colormap)
        self._to_the_top()

    def _to_the_top(self) -> None:
        """Maps at the top of a panel taller than they need, not in its middle: on a short screen the page
        scrolls, and maps centred in a tall panel began below the fold, under a band of white."""
        image = self.image.image
        size = self.box.size()
        if image is None or size.width() <= 0 or size.height() <= 0:
            return
        rows, columns = image.shape[:2]
        pad = _PADDING * max(rows, columns)
        width = columns + 2 * pad
        height = width * size.height() / size.width()  # the rows the panel shows at the maps' full width
        if height > rows + 2 * pad:
            self.box.setRange(xRange=(-pad, columns + pad), yRange=(-pad, height - pad), padding=0)
        else:
            self.box.autoRange()

    def set_maps(self, maps: np.ndarray, per_channel: bool) -> None:
        """Show ``maps`` (C, H, W), each scaled to [0, 1] on its own (``per_channel``) or on the layer's range."""
        channels, height, width = maps.shape
        rows, columns, gap = mosaic_shape(channels, height, width)
        layout = (rows, columns, gap, height, width)
        if layout != self._layout:
            self._layout = layout
            self._buffer = np.full((rows, height + gap, columns, width + gap), np.nan, dtype=np.float32)
            # Kept with the buffer: a live feed sets a layer's maps ~30 times a second, and allocating and
            # faulting in megabytes (ResNet's stem: 64 maps of 112×112) each time cost more than scaling them.
            self._cells = np.empty((rows * columns, height, width), dtype=np.float32)
        self._count = channels
        cells = self._cells
        cells[channels:] = np.nan  # NaN: drawn transparent
        normalised(maps, per_channel, out=cells[:channels])
        # The buffer seen as (row, y, column, x): one assignment puts every map in its cell; the gaps stay NaN.
        self._buffer[:, :height, :, :width] = cells.reshape(rows, columns, height, width).transpose(0, 2, 1, 3)
        mosaic = self._buffer.reshape(rows * (height + gap), columns * (width + gap))[:-gap, :-gap]
        self.show_array(mosaic, levels=(0.0, 1.0))

    def mark(self, channel: int | None) -> None:
        """Outline map ``channel`` (None: no outline)."""
        rows, columns, gap, height, width = self._layout
        if channel is None or not columns or channel >= self._count:
            self.highlight.setVisible(False)
            return
        row, column = divmod(channel, columns)
        self.highlight.setRect(QRectF(column * (width + gap) - 0.5, row * (height + gap) - 0.5, width + 1,
                                      height + 1))
        self.highlight.setVisible(True)

    def channel_at(self, x: float, y: float) -> int | None:
        """The map under image coordinates (x, y), or None over a gap or outside."""
        rows, columns, gap, height, width = self._layout
        if not columns or x < 0 or y < 0:
            return None
        column, across = divmod(int(x), width + gap)
        row, down = divmod(int(y), height + gap)
        channel = row * columns + column
        if across >= width or down >= height or column >= columns or channel >= self._count:
            return None
        return channel

    def _on_scene_clicked(self, event) -> None:
        point = self.image.mapFromScene(event.scenePos())
        channel = self.channel_at(point.x(), point.y())
        if channel is not None:
            self.map_clicked.emit(channel)
            _, _, gap, height, width = self._layout
            self.unit_clicked.emit(channel, int(point.y()) % (height + gap), int(point.x()) % (width + gap))


def normalised(maps: np.ndarray, per_channel: bool, out: np.ndarray | None = None) -> np.ndarray:
    """``maps`` (C, H, W) scaled to [0, 1]: each map on its own range, or all on the layer's; flat maps give 0.

    NaN (the cells past the end of a vector laid out as a map) stays NaN, and is drawn transparent. With ``out``
    (``float32``, the shape of ``maps``) the result is written there rather than into a new array.
    """
    axes = (1, 2) if per_channel else None
    low = np.nanmin(maps, axis=axes, keepdims=True)
    span = np.nanmax(maps, axis=axes, keepdims=True) - low
    span = np.where(span > 0, span, np.inf)  # a flat map shows as 0, not as a division by zero
    if out is None:
        return (maps - low) / span
    np.subtract(maps, low, out=out)
    out /= span
    return out


def normalised_map(maps: np.ndarray, channel: int, per_channel: bool) -> np.ndarray:
    """Map ``channel`` of ``maps`` as :func:`normalised` scales it, without scaling the others (on the layer's
    range, only its minimum and maximum are needed)."""
    if per_channel:
        return normalised(maps[channel:channel + 1], True)[0]
    low, high = np.nanmin(maps), np.nanmax(maps)
    return (maps[channel] - low) / (high - low if high > low else np.inf)
