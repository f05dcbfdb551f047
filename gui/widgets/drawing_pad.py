"""A square pad to draw a digit on with the mouse, a pen or a finger: light strokes on black, undo and clear.

Qt turns a pen's tablet events and a finger's touch events that a widget does not accept into mouse events, so
the pad handles the mouse alone and takes all three. It keeps the strokes (not pixels): the engine's
``engine.data.drawing.digit_from_strokes`` scales them into the training digits' 32×32 bitmap, so a digit drawn
small in a corner reaches the network like one drawn across the pad.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["DrawingPad"]

_PEN_SHARE = 0.06  # the pen on screen, as a share of the pad's side: a felt pen on a sheet of paper
_BACKGROUND = QColor(0, 0, 0)
_INK = QColor(255, 255, 255)


class DrawingPad(QWidget):
    """Strokes drawn with the mouse, a pen or a finger.

    Signals
    -------
    drawing_changed()
        The strokes changed: a point added, a stroke undone, the pad cleared. Many times a second while drawing.
    stroke_finished()
        The pen was lifted: one stroke is complete.
    """

    drawing_changed = Signal()
    stroke_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[QPointF]] = []  # in units of the pad's side, y down
        self._drawing = False
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # ------------------------------------------------------------ public

    def strokes(self) -> list[np.ndarray]:
        """Each stroke as an ``(n, 2)`` array of ``(x, y)`` in units of the pad's side (0..1, y down)."""
        return [np.array([(point.x(), point.y()) for point in stroke], dtype=np.float64) for stroke in self._strokes]

    def set_strokes(self, strokes) -> None:
        """Replace the drawing with ``strokes`` (each a sequence of ``(x, y)`` in units of the side): a script's
        drawing, for the renderer and the benchmarks."""
        self._strokes = [[QPointF(float(x), float(y)) for x, y in stroke] for stroke in strokes if len(stroke)]
        self._drawing = False
        self.update()
        self.drawing_changed.emit()

    def is_empty(self) -> bool:
        return not self._strokes

    def undo(self) -> None:
        """Take back the last stroke."""
        if self._strokes:
            self._strokes.pop()
            self._drawing = False
            self.update()
            self.drawing_changed.emit()

    def clear(self) -> None:
        """Take back every stroke."""
        if self._strokes:
            self._strokes.clear()
            self._drawing = False
            self.update()
            self.drawing_changed.emit()

    def sizeHint(self) -> QSize:
        return QSize(240, 240)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # ------------------------------------------------------------ events

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._drawing = True
        self._strokes.append([self._unit(event.position())])
        self.update()
        self.drawing_changed.emit()

    def mouseMoveEvent(self, event) -> None:
        if not self._drawing or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        point = self._unit(event.position())
        if point != self._strokes[-1][-1]:
            self._strokes[-1].append(point)
            self.update()
            self.drawing_changed.emit()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drawing:
            self._drawing = False
            self.stroke_finished.emit()

    def paintEvent(self, event) -> None:  # noqa: ARG002 - Qt's signature
        painter = QPainter(self)
        painter.fillRect(self.rect(), _BACKGROUND)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side, (left, top) = self._square()
        pen = QPen(_INK, max(2.0, side * _PEN_SHARE), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(QPen(QColor(70, 70, 70), 1))
        painter.drawRect(int(left), int(top), int(side) - 1, int(side) - 1)  # where the pad is, on black
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(self._screen(stroke[0]))
                continue
            path = QPainterPath(self._screen(stroke[0]))
            for point in stroke[1:]:
                path.lineTo(self._screen(point))
            painter.drawPath(path)
        painter.end()

    # ------------------------------------------------------------ geometry

    def _square(self) -> tuple[float, tuple[float, float]]:
        """The drawing square: the widget's shorter side, centred."""
        side = float(min(self.width(), self.height()))
        return side, ((self.width() - side) / 2, (self.height() - side) / 2)

    def _unit(self, position: QPointF) -> QPointF:
        side, (left, top) = self._square()
        return QPointF(min(max((position.x() - left) / side, 0.0), 1.0),
                       min(max((position.y() - top) / side, 0.0), 1.0))

    def _screen(self, point: QPointF) -> QPointF:
        side, (left, top) = self._square()
        return QPointF(left + point.x() * side, top + point.y() * side)
