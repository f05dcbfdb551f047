"""The legibility walk's check of texts that widgets paint themselves (``gui.widgets.painted_text``): each
visible painting widget is painted afresh at its present size, and every text it paints must lie inside the
widget (else it is cut) and overlap none of its other texts."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QWidget

from gui.widgets.painted_text import PaintedTexts, painted_texts

__all__ = ["painted_faults", "widget_faults"]

_SLACK = 1.0  # pixels: antialiased glyph edges and rounding


def widget_faults(widget: QWidget) -> list[str]:
    """What is wrong with the texts ``widget`` paints at its present size: a text outside the widget, two that
    overlap."""
    name = type(widget).__name__
    room = QRectF(widget.rect()).adjusted(-_SLACK, -_SLACK, _SLACK, _SLACK)
    texts = painted_texts(widget)
    faults = [f"cut: {text[:50]!r} painted at {_show(rect)} in {name} {widget.width()}×{widget.height()}"
              for text, rect in texts if not room.contains(rect)]
    for i, (a, ra) in enumerate(texts):
        for b, rb in texts[i + 1:]:
            both = ra.adjusted(_SLACK, _SLACK, -_SLACK, -_SLACK) & rb.adjusted(_SLACK, _SLACK, -_SLACK, -_SLACK)
            if both.width() > 0 and both.height() > 0:
                faults.append(f"overlap in {name}: {a[:40]!r} at {_show(ra)} and {b[:40]!r} at {_show(rb)}")
    return faults


def painted_faults(window: QWidget) -> list[str]:
    """``widget_faults`` of every visible widget under ``window`` that paints its own texts."""
    faults = []
    for widget in window.findChildren(QWidget):
        if isinstance(getattr(widget, "painted", None), PaintedTexts) and widget.isVisible() and \
                widget.width() > 1 and widget.height() > 1:
            faults += widget_faults(widget)
    return faults


def _show(rect: QRectF) -> str:
    return f"({rect.x():.0f}, {rect.y():.0f}, {rect.width():.0f}×{rect.height():.0f})"
