"""Texts a widget paints itself, recorded where they were painted, so a test can check them like labels.

A QLabel says what it needs (``sizeHint``, ``heightForWidth``); a text drawn in a ``paintEvent`` says nothing,
and the legibility walk could not see the 1×1 sketch cut "28×28×192" at its bottom at 200 % zoom. A widget that
paints text draws it through its ``PaintedTexts``: each text is drawn and its glyphs' rectangle (the painter's
own ``boundingRect`` for that rectangle and those flags, mapped through the painter's transform, so a rotated
text is recorded where it lies) is kept until the next paint. ``painted_texts(widget)`` gives them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

__all__ = ["PaintedTexts", "painted_texts"]


class PaintedTexts:
    """The texts one widget painted in its last ``paintEvent``: (text, rectangle in the widget's coordinates)."""

    def __init__(self) -> None:
        self._texts: list[tuple[str, QRectF]] = []

    def clear(self) -> None:
        """Forget the last paint's texts: call at the start of each ``paintEvent``."""
        self._texts.clear()

    def draw(self, painter: QPainter, rect: QRectF, flags, text: str) -> QRectF:
        """``painter.drawText(rect, flags, text)``, recording the rectangle the glyphs take (which may run past
        ``rect``: that is what a test must see). Returns that rectangle in the painter's coordinates."""
        needed = painter.boundingRect(rect, flags, text)
        painter.drawText(rect, flags, text)
        if text.strip():
            self._texts.append((text, painter.transform().mapRect(needed)))
        return needed

    def draw_at(self, painter: QPainter, point: QPointF, text: str) -> None:
        """``painter.drawText(point, text)``: ``point`` on the text's base line, at its left."""
        metrics = painter.fontMetrics()
        needed = QRectF(point.x(), point.y() - metrics.ascent(), metrics.horizontalAdvance(text), metrics.height())
        painter.drawText(point, text)
        if text.strip():
            self._texts.append((text, painter.transform().mapRect(needed)))

    @property
    def texts(self) -> tuple[tuple[str, QRectF], ...]:
        return tuple(self._texts)


def painted_texts(widget: QWidget) -> tuple[tuple[str, QRectF], ...]:
    """What ``widget`` paints as text at its present size: it is painted afresh (into a pixmap) first, so the
    answer never lags a resize or a zoom. Empty for a widget that paints no text of its own."""
    recorder = getattr(widget, "painted", None)
    if not isinstance(recorder, PaintedTexts):
        return ()
    widget.grab()
    return recorder.texts
