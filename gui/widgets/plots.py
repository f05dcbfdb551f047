"""How the app's charts look, in one place: black axes with projector-sized tick labels, counts written the
lecture's way, and the colours of a convolution's cost."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from engine.text.numbers import rounded
from gui.widgets.text import scaled_font
from gui.widgets.zoom import fit_axis_text, zoom_factor

__all__ = ["CONV_COLOUR", "DIRECT_COLOUR", "REDUCE_COLOUR", "SELECTED_COLOUR", "CountAxis", "style_axes"]

DIRECT_COLOUR = "#e8590c"    # the expensive direct convolution
REDUCE_COLOUR = "#2f9e44"    # the cheap 1×1 reduction
CONV_COLOUR = "#1c7ed6"      # the k×k convolution after the reduction
SELECTED_COLOUR = "#fab005"  # the layer selected elsewhere in the window


class CountAxis(pg.AxisItem):
    """An axis of counts written the lecture's way: 120.4M rather than 1.204e8."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [rounded(int(v * scale)) if v >= 0 else "" for v in values]


def style_axes(plot: pg.PlotItem | pg.PlotWidget, widget: QWidget, font_factor: float,
               left_width: int | None = None) -> None:
    """Black left and bottom axes with tick labels ``font_factor`` × ``widget``'s font, no context menu, and
    ``left_width`` pixels for the left axis (room for its widest label before the first layout measures it)."""
    plot.setMenuEnabled(False)
    font = scaled_font(widget, font_factor)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTickFont(font)
        axis.setTextPen("k")
        axis.setPen("k")
        fit_axis_text(axis)
    if left_width is not None:
        axis = plot.getAxis("left")
        axis._casebook_width = left_width  # at 100 %: the app's zoom widens it with its labels
        axis.setWidth(round(left_width * zoom_factor()))
