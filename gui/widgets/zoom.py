"""The app's zoom: every text, chart and diagram label larger or smaller, from 100 % to 300 %.

A lecture hall's back row needs larger text than a laptop: View → Zoom in (Ctrl+Plus), Zoom out (Ctrl+Minus)
and Actual size (Ctrl+0), Ctrl+wheel on a diagram. One ``Zoom`` per application (:func:`app_zoom`) scales

- the application's font, which every widget without a font of its own inherits;
- every widget that has a font of its own (the pages' ``scaled_font`` headlines, tables, tab bars): its size
  at 100 % is remembered the first time it is scaled, so stepping in and out never drifts;
- the charts' tick labels, text items and legends (pyqtgraph, only once a page has loaded it);
- the diagrams, which listen to :attr:`Zoom.changed` and lay themselves out again with larger labels.

Widgets built later (pages are built when first shown) take their fonts from their zoomed parents.
"""

from __future__ import annotations

import re
import sys

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem, QGraphicsTextItem, QWidget

__all__ = ["STEPS", "Zoom", "adopt", "app_zoom", "fit_axis_text", "set_fixed_width", "zoom_factor"]

# The steps of Zoom in / out, in percent; a saved or asked-for value between two steps is kept as it is.
STEPS = (100, 110, 125, 150, 175, 200, 250, 300)
_BASE = "_casebook_base_font"
_FIXED = "_casebook_fixed_width"  # a widget's fixed width at 100 %


class Zoom(QObject):
    """The application's zoom level; ``changed`` carries the new factor (1.0 at 100 %)."""

    changed = Signal(float)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._percent = 100
        self._base_app_size = app.font().pointSizeF()

    def percent(self) -> int:
        return self._percent

    def factor(self) -> float:
        return self._percent / 100.0

    def set_percent(self, percent: float) -> int:
        """Zoom to ``percent`` (kept between the first and the last of ``STEPS``); returns the level set."""
        percent = int(round(min(max(float(percent), STEPS[0]), STEPS[-1])))
        if percent == self._percent:
            return percent
        old, self._percent = self.factor(), percent
        self._apply(old, self.factor())
        self.changed.emit(self.factor())
        return percent

    def zoom_in(self) -> int:
        return self.set_percent(next((s for s in STEPS if s > self._percent), STEPS[-1]))

    def zoom_out(self) -> int:
        return self.set_percent(next((s for s in reversed(STEPS) if s < self._percent), STEPS[0]))

    def reset(self) -> int:
        return self.set_percent(100)

    def step(self, steps: int) -> int:
        """``steps`` steps in (positive) or out (negative): a wheel's notches."""
        for _ in range(abs(steps)):
            self.zoom_in() if steps > 0 else self.zoom_out()
        return self._percent

    # ------------------------------------------------------------ applying

    def _apply(self, old: float, new: float) -> None:
        font = QFont(self._app.font())
        font.setPointSizeF(self._base_app_size * new)
        self._app.setFont(font)
        # Qt tells the windows only once its event loop runs; a render or a test zooms before that.
        for window in QApplication.topLevelWidgets():
            QApplication.sendEvent(window, QEvent(QEvent.Type.ApplicationFontChange))
        # Parents before children would not matter: a child's own size is in its font's resolve mask.
        for widget in QApplication.allWidgets():
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                widget.setFont(_scaled(widget, widget.font(), old, new))
            width = getattr(widget, _FIXED, None)
            if width is not None:
                widget.setFixedWidth(round(width * new))
        if "pyqtgraph" in sys.modules:  # charts exist only once a page has loaded pyqtgraph
            _zoom_charts(old, new)


def _scaled(holder, font: QFont, old: float, new: float) -> QFont:
    """``font`` at ``new`` zoom; ``holder`` remembers its size at 100 % (recomputed when someone else set a
    different size since we last did)."""
    pixels = font.pointSizeF() <= 0
    current = float(font.pixelSize()) if pixels else font.pointSizeF()
    remembered = getattr(holder, _BASE, None)
    base = remembered[0] if remembered is not None and abs(remembered[1] - current) < 1e-3 else current / old
    size = base * new
    font = QFont(font)
    if pixels:
        size = max(1, round(size))
        font.setPixelSize(size)
    else:
        font.setPointSizeF(size)
    try:
        setattr(holder, _BASE, (base, float(size)))
    except AttributeError:  # a Qt item without a Python wrapper of ours keeps no attribute: scale by ratio
        pass
    return font


_PT = re.compile(r"([\d.]+)pt")


def _zoom_charts(old: float, new: float, root: QWidget | None = None) -> None:
    """Tick labels, text items and legends of every chart (under ``root``, when given).

    With ``root`` (a page just built at zoom ``new``), only the sizes written in points in the code (legends,
    axis titles) still need scaling from 100 %: fonts came from the page's zoomed fonts.
    """
    import pyqtgraph as pg

    widgets = QApplication.allWidgets() if root is None else [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not isinstance(widget, pg.GraphicsView) or widget.scene() is None:
            continue
        for item in widget.scene().items():
            if isinstance(item, pg.AxisItem):
                if root is None:
                    tick = item.style.get("tickFont")
                    if tick is not None:
                        item.setTickFont(_scaled(item, tick, old, new))
                        fit_axis_text(item)
                    width = getattr(item, "_casebook_width", None)
                    if width is not None and item.orientation in ("left", "right"):
                        item.setWidth(round(width * new))
                style = _scaled_style(item, item.labelStyle, old, new, root is not None)
                if style != item.labelStyle:
                    item.labelStyle = style
                    item._updateLabel()
                elif root is None and style is item.labelStyle:  # no size of its own: the font's
                    item.label.setFont(_scaled(item.label, item.label.font(), old, new))
                    item._updateLabel()
            elif isinstance(item, pg.LabelItem):
                opts = _scaled_style(item, dict(item.opts), old, new, root is not None)
                if opts != item.opts and item.text:
                    item.setText(item.text, **opts)
                elif root is None and not item.opts.get("size"):  # a title with no size of its own
                    item.item.setFont(_scaled(item.item, item.item.font(), old, new))
                    item.setText(item.text)
            elif root is not None:
                continue
            elif isinstance(item, pg.TextItem):
                item.setFont(_scaled(item, item.textItem.font(), old, new))
            elif isinstance(item, (QGraphicsTextItem, QGraphicsSimpleTextItem)):
                if not isinstance(item.parentItem(), (pg.TextItem, pg.LabelItem, pg.AxisItem)):
                    item.setFont(_scaled(item, item.font(), old, new))


def fit_axis_text(axis) -> None:
    """Give a horizontal pyqtgraph axis the height its tick labels need at its tick font.

    pyqtgraph grows the axis only after it has drawn a label taller than the room it kept (18 px), so a chart
    with projector-sized ticks showed its x labels cut in half until something laid it out again, and a render
    for slides kept them cut (the Inception page's "1×1 3×3 5×5 Pooling").
    """
    font = axis.style.get("tickFont")
    if font is None or axis.orientation not in ("bottom", "top") or not axis.style.get("showValues", True):
        return
    axis.textHeight = QFontMetrics(font).height()
    axis._updateHeight()


def _scaled_style(holder, style: dict, old: float, new: float, unscaled_only: bool = False) -> dict:
    """A pyqtgraph label style whose size is written in points, at ``new`` zoom (``unscaled_only``: only when
    it was never scaled, i.e. it is still the code's size at 100 %)."""
    key = "font-size" if "font-size" in style else "size"
    size = style.get(key)
    if not isinstance(size, str) or not _PT.fullmatch(size.strip()):
        return style
    if unscaled_only and getattr(holder, _BASE, None) is not None:
        return style
    font = QFont()
    font.setPointSizeF(float(_PT.fullmatch(size.strip()).group(1)))
    scaled = _scaled(holder, font, 1.0 if unscaled_only else old, new)
    return {**style, key: f"{scaled.pointSizeF():.1f}pt"}


def adopt(root: QWidget) -> None:
    """Bring a page built just now up to the zoom: its charts' sizes written in points (legends, axis titles)."""
    factor = zoom_factor()
    if factor != 1.0 and "pyqtgraph" in sys.modules:
        _zoom_charts(1.0, factor, root)


def set_fixed_width(widget: QWidget, pixels: int) -> None:
    """Fix ``widget``'s width at ``pixels`` at 100 %, growing with the zoom (a panel of texts beside a chart)."""
    setattr(widget, _FIXED, pixels)
    widget.setFixedWidth(round(pixels * zoom_factor()))


def app_zoom() -> Zoom:
    """The application's one ``Zoom`` (made on first use; needs the QApplication)."""
    app = QApplication.instance()
    zoom = app.findChild(Zoom)
    return zoom if zoom is not None else Zoom(app)


def zoom_factor() -> float:
    """The zoom now (1.0 at 100 %), for views that size things in pixels."""
    app = QApplication.instance()
    zoom = app.findChild(Zoom) if app is not None else None
    return zoom.factor() if zoom is not None else 1.0
