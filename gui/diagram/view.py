"""The network diagram: an analysis drawn as volumes, with skip arcs, Inception lanes and collapsible groups.

``DiagramView`` paints what ``gui.diagram.layout`` places: it zooms with the wheel, pans by dragging,
fits the window, shows a layer's full row on hover, selects on click (``layer_selected``), steps through
layers with the left and right arrow keys, expands a collapsed group on click and collapses an expanded
one from its title, and exports PNG (at a scale, optionally transparent) and SVG from its context menu.
``LayerDetailsView`` works out the selected layer's numbers in the open. ``python main.py render diagram``
draws one offscreen (``gui.render``).
"""

from __future__ import annotations

import math
import os
from html import escape
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from engine.runtime.errors import UserInputError
from engine.text.numbers import exact, shape_text
from gui.diagram import layout as dl
from gui.widgets.text import ACCENT, LanguageAware, scaled_font
from gui.widgets.zoom import app_zoom, zoom_factor

__all__ = ["DiagramView", "LayerDetailsView", "KIND_COLOURS"]

# Fill colours by kind: mid tones that stay apart on a washed-out projector, dark outlines and text.
KIND_COLOURS = {
    "input": "#ced4da", "conv": "#74c0fc", "pool": "#ffa94d", "linear": "#8ce99a", "norm": "#e599f7",
    "act": "#ff8787", "dropout": "#dee2e6", "flatten": "#e9ecef", "concat": "#ffd43b", "add": "#ffffff",
    "group": "#63e6be", "other": "#dee2e6",
}
_ARC_STYLES = {  # colour, pen style
    "identity": ("#1864ab", Qt.PenStyle.SolidLine),
    "padded": ("#1864ab", Qt.PenStyle.DashLine),
    "projection": ("#d9480f", Qt.PenStyle.SolidLine),
    "flow": ("#495057", Qt.PenStyle.SolidLine),
}
_TEXT = QColor("#212529")
_NOTE = QColor("#495057")
_LINK = QColor("#495057")
_BACKGROUND = QColor("#ffffff")
_FRAME_FILLS = ("#eef1f4", "#f8f9fa", "#ffffff")  # by nesting depth: stages darker than their blocks
_FONT_PX = 15  # at 100 % zoom; at the readable scale (80 %) a label is 12 px on screen, 18 px at 150 % zoom
_MAX_FIT_SCALE = 1.6
_ZOOM_LIMITS = (0.05, 12.0)
_READABLE_SCALE = 0.8  # deep networks start collapsed until they fit the view at least this large
_FALLBACK_SIZE = (1600.0, 480.0)  # a view not laid out yet is assumed to be a projector page's diagram
_LEGEND_ROOM = 52.0
_EXPORT_MARGIN = 16.0


def _diagram_font() -> QFont:
    """The labels' font at the app's zoom (rounded up: at 150 % no label is under 18 px on screen)."""
    font = QFont()
    font.setPixelSize(math.ceil(_FONT_PX * zoom_factor() - 1e-6))
    return font


def _arrow_head(path: QPainterPath, tip: QPointF, towards: QPointF, size: float = 7.0) -> None:
    """Add a filled arrow head at ``tip`` pointing away from ``towards``."""
    angle = math.atan2(tip.y() - towards.y(), tip.x() - towards.x())
    left = QPointF(tip.x() - size * math.cos(angle - 0.4), tip.y() - size * math.sin(angle - 0.4))
    right = QPointF(tip.x() - size * math.cos(angle + 0.4), tip.y() - size * math.sin(angle + 0.4))
    path.addPolygon(QPolygonF([tip, left, right, tip]))


def _rounded_polyline(points, radius: float = 8.0) -> QPainterPath:
    """A polyline with its corners rounded (arcs and elbow links read better than sharp turns)."""
    path = QPainterPath(QPointF(*points[0]))
    for i in range(1, len(points) - 1):
        (x0, y0), (x1, y1), (x2, y2) = points[i - 1], points[i], points[i + 1]
        r = min(radius, math.dist((x0, y0), (x1, y1)) / 2, math.dist((x1, y1), (x2, y2)) / 2)
        before = QPointF(x1 - r * _sign(x1 - x0), y1 - r * _sign(y1 - y0))
        after = QPointF(x1 + r * _sign(x2 - x1), y1 + r * _sign(y2 - y1))
        path.lineTo(before)
        path.quadTo(QPointF(x1, y1), after)
    path.lineTo(QPointF(*points[-1]))
    return path


def _sign(value: float) -> float:
    return 0.0 if abs(value) < 1e-6 else math.copysign(1.0, value)


_FEEDING = QColor("#ff2d55")  # the colour of the clicked unit's receptive field on the feature-map page


class _NodeItem(QGraphicsRectItem):
    """One placed node, built from Qt's own items so that a zoom or pan frame runs no Python at all.

    The item itself is the node's transparent slot (hit area, tooltip, selection highlight); its children
    draw the volume (front, top and side faces), an addition's circle, a collapsed group's stack or a tag
    on an arc, and the labels.
    """

    def __init__(self, node: dl.Node, font: QFont, tooltip: str, selected: bool) -> None:
        x0, y0, x1, y1 = node.rect
        super().__init__(QRectF(x0 - 4, y0 - 4, x1 - x0 + 8, y1 - y0 + 8))
        self.node = node
        self._font = font
        self._bold = QFont(font)
        self._bold.setBold(True)
        self.setToolTip(tooltip)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view handles clicks, so drags pan
        self.setZValue(1)
        self.set_selected(selected)
        if node.on_arc:
            self._add_tag()
        elif node.kind == "add":
            self._add_circle()
        else:
            if node.kind == "group":
                for back in (dl.STACK, dl.STACK / 2):  # a stack of layers under the front volume
                    self._add_volume(back, QColor(KIND_COLOURS["group"]).lighter(115))
            self._add_volume(0.0, QColor(KIND_COLOURS.get(node.kind, KIND_COLOURS["other"])))
            self._add_labels()

    def set_selected(self, selected: bool, feeding: bool = False) -> None:
        """Outline the selected node; tint, dashed, a node that feeds the unit clicked in the feature maps."""
        if selected:
            self.setPen(QPen(QColor(ACCENT), 2.5))
            self.setBrush(QColor(31, 111, 235, 28))
        elif feeding:
            self.setPen(QPen(_FEEDING, 2.0, Qt.PenStyle.DashLine))
            self.setBrush(QColor(255, 45, 85, 22))
        else:
            self.setPen(QPen(Qt.PenStyle.NoPen))
            self.setBrush(QBrush(Qt.BrushStyle.NoBrush))

    def _add_volume(self, back: float, fill: QColor) -> None:
        n = self.node
        left, top = n.left - back, n.y - n.height / 2 + back
        d, h, s = n.depth, n.height, n.slant
        outline = QPen(fill.darker(175), 1.2)
        outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        faces = (
            (fill.lighter(118), [(left, top), (left + s, top - s), (left + d + s, top - s), (left + d, top)]),
            (fill.darker(112), [(left + d, top), (left + d + s, top - s), (left + d + s, top + h - s),
                                (left + d, top + h)]),
            (fill, [(left, top), (left + d, top), (left + d, top + h), (left, top + h)]),
        )
        for colour, corners in faces:
            face = QGraphicsPolygonItem(QPolygonF([QPointF(x, y) for x, y in corners]), self)
            face.setPen(outline)
            face.setBrush(colour)

    def _add_labels(self) -> None:
        n = self.node
        line = QFontMetricsF(self._font).height()
        strong = len(n.title_lines)
        y = n.y - n.height / 2 - n.slant - dl.TEXT_PAD - line * len(n.above)
        for i, text in enumerate(n.above):
            self._add_text(text, y, _TEXT if i < strong else _NOTE, bold=n.kind == "group" and i == 0)
            y += line
        y = n.y + n.height / 2 + (dl.STACK if n.kind == "group" else 0.0) + dl.TEXT_PAD
        for text in n.below:
            self._add_text(text, y, _TEXT)
            y += line

    def _add_text(self, text: str, top: float, colour: QColor, bold: bool = False) -> None:
        font = self._bold if bold else self._font
        label = QGraphicsSimpleTextItem(text, self)
        label.setFont(font)
        label.setBrush(colour)
        label.setPos(self.node.x - QFontMetricsF(font).horizontalAdvance(text) / 2, top)

    def _add_circle(self) -> None:
        n = self.node
        r = dl.ADD_SIZE / 2
        sign = QPainterPath()
        sign.addEllipse(QPointF(n.x, n.y), r, r)
        sign.moveTo(n.x - r * 0.55, n.y)
        sign.lineTo(n.x + r * 0.55, n.y)
        sign.moveTo(n.x, n.y - r * 0.55)
        sign.lineTo(n.x, n.y + r * 0.55)
        circle = QGraphicsPathItem(sign, self)
        circle.setPen(QPen(_TEXT, 1.8))
        circle.setBrush(QColor(KIND_COLOURS["add"]))
        line = QFontMetricsF(self._font).height()
        for i, text in enumerate(n.below):
            self._add_text(text, n.y + r + dl.TEXT_PAD + i * line, _NOTE)

    def _add_tag(self) -> None:
        n = self.node
        x0, y0, x1, y1 = n.rect
        outline = QPainterPath()
        outline.addRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), 6, 6)
        tag = QGraphicsPathItem(outline, self)
        tag.setPen(QPen(QColor(_ARC_STYLES["projection"][0]), 1.8))
        tag.setBrush(QColor(KIND_COLOURS.get(n.kind, KIND_COLOURS["other"])).lighter(125))
        line = QFontMetricsF(self._font).height()
        for i, text in enumerate(n.above):
            self._add_text(text, y0 + dl.TEXT_PAD + i * line, _TEXT if i < len(n.title_lines) else _NOTE)


class _FrameItem(QGraphicsPathItem):
    """An expanded group's frame, titled at its top left. Its title band is a child ``_FrameTitle`` that
    takes the clicks (to collapse the group); the rest lets clicks through to what it frames."""

    def __init__(self, frame: dl.Frame, font: QFont, line: float, tooltip: str) -> None:
        x0, y0, x1, y1 = frame.rect
        outline = QPainterPath()
        outline.addRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), 8, 8)
        super().__init__(outline)
        self.frame = frame
        self.setPen(QPen(QColor("#adb5bd"), 1.2, Qt.PenStyle.DashLine))
        self.setBrush(QColor(_FRAME_FILLS[min(frame.depth, len(_FRAME_FILLS) - 1)]))
        self.setZValue(-10 + frame.depth)  # outer frames behind inner ones, all behind the nodes
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.title = _FrameTitle(QRectF(x0, y0, x1 - x0, line + 6), self)
        self.title.setToolTip(tooltip)
        bold = QFont(font)
        bold.setBold(True)
        text = QGraphicsSimpleTextItem("▾ " + frame.title, self.title)
        text.setFont(bold)
        text.setBrush(_NOTE)
        text.setPos(x0 + 6, y0 + 3)


class _FrameTitle(QGraphicsRectItem):
    """The clickable title band of a frame (invisible)."""

    def __init__(self, rect: QRectF, frame: _FrameItem) -> None:
        super().__init__(rect, frame)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)


class DiagramView(LanguageAware, QGraphicsView):
    """An analysis drawn as a network diagram (see the module docstring for the interaction).

    Signals
    -------
    layer_selected(int)
        The user selected a layer (click or arrow key): the analysis row index.
    collapsed_changed(object)
        The set of collapsed group ids changed (a frozenset of str), by a click or a menu.
    """

    layer_selected = Signal(int)
    collapsed_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(_BACKGROUND)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(140)
        self._set_font()
        app_zoom().changed.connect(self._on_zoom_changed)
        self._analysis = None
        self._structure: dl.Structure | None = None
        self._diagram: dl.Diagram | None = None
        self._collapsed: frozenset[str] = frozenset()
        self._items: dict[str, _NodeItem] = {}
        self._layout_size: tuple[float, float] | None = None
        self._legend_visible = True
        self._laid_out_for = _FALLBACK_SIZE
        self._selected: int | None = None
        self._feeding: frozenset[int] = frozenset()  # rows that feed the unit clicked in the feature maps
        self._fitted = True
        self._press: QPointF | None = None
        self.transparent_export = False
        self.companion: DiagramView | None = None  # drawn beside this one at the same zoom when fitted
        self._words = dl.Words()
        self.retranslate()

    def _set_font(self) -> None:
        self._font = _diagram_font()
        metrics = QFontMetricsF(self._font)
        bold = QFont(self._font)
        bold.setBold(True)
        self._metrics = dl.TextMetrics(line_height=metrics.height(), measure=metrics.horizontalAdvance,
                                       measure_bold=QFontMetricsF(bold).horizontalAdvance)

    def _on_zoom_changed(self, _factor: float) -> None:
        """The app's zoom changed: larger labels, laid out again, at the level of collapse the view had."""
        self._set_font()
        self._rebuild()
        self.fit_to_window()

    # ------------------------------------------------------------ inputs

    def set_analysis(self, analysis, collapsed: frozenset[str] | None = None) -> None:
        """Draw ``analysis`` (an ``engine.models.analysis.Analysis``; None clears). ``collapsed`` (group ids)
        defaults to the most expanded level that this view shows at 80% zoom or more, wrapped into bands
        if that helps: VGG-16 starts expanded, ResNet-50 with its blocks collapsed."""
        self._analysis = analysis
        self._selected = None
        if analysis is None:
            self._structure = None
            self._collapsed = frozenset()
        else:
            self._structure = dl.build_structure(analysis.rows, analysis.edges)
            self._collapsed = frozenset(collapsed) if collapsed is not None else dl.default_collapsed(
                self._structure, self._fit_size(), self._words, self._metrics, _READABLE_SCALE, _MAX_FIT_SCALE)
        self._rebuild()
        self.fit_to_window()

    def analysis(self):
        return self._analysis

    def set_legend_visible(self, visible: bool) -> None:
        """Show the legend of colours and shortcut styles under the drawing (on by default)."""
        if visible != self._legend_visible:
            self._legend_visible = visible
            self._rebuild()

    def set_layout_size(self, size: tuple[float, float] | None) -> None:
        """Lay out for a window of ``size`` (width, height) instead of this view's own (for exports)."""
        self._layout_size = size
        self._rebuild()

    def _fit_size(self) -> tuple[float, float]:
        """The room the drawing is wrapped and collapsed for, less the legend's."""
        width, height = self._layout_size or (self.viewport().width(), self.viewport().height())
        if not self._layout_size and (width < 300 or height < 120):
            width, height = _FALLBACK_SIZE
        legend = _LEGEND_ROOM if self._legend_visible else 0.0
        return float(width), max(float(height) - legend, 60.0)

    def diagram(self) -> dl.Diagram | None:
        """The current layout (nodes, links, arcs, frames), for tests and exports."""
        return self._diagram

    def groups(self) -> tuple[dl.Group, ...]:
        return self._structure.groups if self._structure else ()

    def collapsed(self) -> frozenset[str]:
        return self._collapsed

    def set_collapsed(self, collapsed) -> None:
        """Collapse exactly the groups in ``collapsed`` (ids this model lacks are ignored)."""
        known = {g.id for g in self.groups()}
        collapsed = frozenset(collapsed) & known
        if collapsed == self._collapsed:
            return
        self._collapsed = collapsed
        self._rebuild()
        if self._fitted:
            self.fit_to_window()
        self.collapsed_changed.emit(self._collapsed)

    def toggle_group(self, group_id: str) -> None:
        self.set_collapsed(self._collapsed ^ {group_id})

    def expand_all(self) -> None:
        self.set_collapsed(frozenset())

    def collapse_all(self) -> None:
        if self._structure is not None:
            self.set_collapsed(dl.collapse_levels(self._structure)[-1])

    def selected_layer(self) -> int | None:
        return self._selected

    def select_layer(self, index: int | None) -> None:
        """Highlight the layer of row ``index`` (expanding the groups that hide it) without emitting."""
        if self._diagram is None or index is None:
            self._show_selection(None)
            return
        node = self._diagram.node_of_row(index)
        if node is not None and node.kind == "group" and index != node.row:
            box = self._structure.box_of_row[index]
            holders = {g.id for g in self._structure.groups if box in g.boxes}
            self.set_collapsed(self._collapsed - holders)
            node = self._diagram.node_of_row(index)
        self._show_selection(index if node is not None else None)
        if node is not None:
            self.ensureVisible(QRectF(*node.rect[:2], node.rect[2] - node.rect[0], node.rect[3] - node.rect[1]),
                               40, 40)

    def step(self, offset: int) -> None:
        """Select the next (+1) or previous (-1) node in forward order, as the arrow keys do."""
        if not self._diagram or not self._diagram.nodes:
            return
        nodes = self._diagram.nodes
        current = self._diagram.node_of_row(self._selected) if self._selected is not None else None
        position = nodes.index(current) + offset if current in nodes else (0 if offset > 0 else len(nodes) - 1)
        node = nodes[min(max(position, 0), len(nodes) - 1)]
        self._show_selection(node.row)
        self.ensureVisible(self._items[node.key].boundingRect(), 40, 40)
        self.layer_selected.emit(node.row)

    def fit_to_window(self) -> None:
        """Zoom to show the whole drawing (no larger than a drawing fitted in ``companion``, if any)."""
        scale = self._fit_scale()
        if scale is None:
            return
        if self.companion is not None and self.companion._fit_scale() is not None:
            scale = min(scale, self.companion._fit_scale())
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(self.sceneRect().center())
        # Larger than the view (at the readable scale): show its start, where the data comes in, not its middle.
        rect = self.sceneRect()
        if rect.width() * scale > self.viewport().width():
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        if rect.height() * scale > self.viewport().height():
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self._fitted = True

    def _fit_scale(self) -> float | None:
        rect = self.sceneRect()
        if self._diagram is None or rect.isEmpty() or self.viewport().width() < 10:
            return None
        scale = min(self.viewport().width() / rect.width(), self.viewport().height() / rect.height()) * 0.98
        # Never below the readable scale: a drawing too large for the view scrolls rather than shrinking its
        # labels under what the back row can read.
        return min(max(scale, _READABLE_SCALE), _MAX_FIT_SCALE)

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = min(max(current * factor, _ZOOM_LIMITS[0]), _ZOOM_LIMITS[1]) / current
        self.scale(factor, factor)
        self._fitted = False

    def export_image(self, path: str | Path, scale: float = 2.0, transparent: bool = False) -> Path:
        """Write the whole diagram to ``path``: PNG at ``scale`` × scene units, or SVG (vector).

        Raises
        ------
        UserInputError
            When the file cannot be written.
        """
        out = Path(path)
        rect = self.scene().itemsBoundingRect().adjusted(-_EXPORT_MARGIN, -_EXPORT_MARGIN, _EXPORT_MARGIN,
                                                        _EXPORT_MARGIN)
        background = self.scene().backgroundBrush()
        self.scene().setBackgroundBrush(Qt.BrushStyle.NoBrush if transparent else _BACKGROUND)
        try:
            if out.suffix.lower() == ".svg":
                self._export_svg(out, rect)
            else:
                self._export_png(out, rect, scale, transparent)
        finally:
            self.scene().setBackgroundBrush(background)
        return out

    # ------------------------------------------------------------ Qt events

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitted:
            width, height = self._fit_size()
            old_width, old_height = self._laid_out_for
            if abs(width / old_width - 1) > 0.1 or abs(height / old_height - 1) > 0.1:
                self._rebuild()  # another number of bands may fit the new shape better
            self.fit_to_window()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # Ctrl+wheel zooms the whole app
            delta = event.angleDelta().y()
            if delta:
                app_zoom().step(1 if delta > 0 else -1)
            event.accept()
            return
        self.zoom(1.0015 ** event.angleDelta().y())
        event.accept()

    def mousePressEvent(self, event) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        moved = (event.position() - self._press).manhattanLength() > 4
        self._press = None
        if moved:
            self._fitted = False
        else:
            self._on_clicked(event.position().toPoint())

    def mouseDoubleClickEvent(self, event) -> None:
        if self.itemAt(event.position().toPoint()) is None:
            self.fit_to_window()
        else:
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.step(1 if key == Qt.Key.Key_Right else -1)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            self.zoom(1.25 if key != Qt.Key.Key_Minus else 0.8)
        elif key == Qt.Key.Key_F:
            self.fit_to_window()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def contextMenuEvent(self, event) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Fit to window (F)"), self.fit_to_window)
        menu.addAction(self.tr("Expand all groups"), self.expand_all).setEnabled(bool(self._collapsed))
        menu.addAction(self.tr("Collapse all groups"), self.collapse_all).setEnabled(bool(self.groups()))
        menu.addSeparator()
        for scale in (1, 2, 4):
            menu.addAction(self.tr("Export PNG at {scale}×…").format(scale=scale),
                           lambda s=scale: self._on_export_wanted(".png", s))
        transparent = QAction(self.tr("Transparent background"), menu, checkable=True,
                              checked=self.transparent_export)
        transparent.toggled.connect(lambda on: setattr(self, "transparent_export", on))
        menu.addAction(transparent)
        menu.addAction(self.tr("Export SVG…"), lambda: self._on_export_wanted(".svg", 1))
        for action in menu.actions():
            action.setEnabled(action.isEnabled() and self._diagram is not None)
        menu.exec(event.globalPos())

    # ------------------------------------------------------------ handlers

    def _on_clicked(self, position) -> None:
        item = self.itemAt(position)
        while item is not None and not isinstance(item, _NodeItem | _FrameTitle):
            item = item.parentItem()  # a face or a label: the node it belongs to
        if isinstance(item, _FrameTitle):
            self.toggle_group(item.parentItem().frame.group)
        elif isinstance(item, _NodeItem) and item.node.kind == "group":
            self.toggle_group(item.node.group)
        elif isinstance(item, _NodeItem):
            self._show_selection(item.node.row)
            self.layer_selected.emit(item.node.row)

    def _on_export_wanted(self, suffix: str, scale: int) -> None:
        name = (self._analysis.model if self._analysis else "diagram") + suffix
        caption = self.tr("Export the diagram")
        kinds = self.tr("PNG image (*.png)") if suffix == ".png" else self.tr("SVG drawing (*.svg)")
        path, _ = QFileDialog.getSaveFileName(self, caption, name, kinds)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            self.export_image(path, scale, self.transparent_export)
        except UserInputError as error:
            QMessageBox.warning(self, caption, str(error))

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self._words = dl.Words(
            input=self.tr("input"), conv=self.tr("conv"), max_pool=self.tr("max pool"),
            avg_pool=self.tr("avg pool"), global_avg_pool=self.tr("global avg pool"),
            global_max_pool=self.tr("global max pool"), fc=self.tr("fc"), flatten=self.tr("flatten"),
            concat=self.tr("concat"), dropout=self.tr("dropout"), stage=self.tr("stage {n}"),
            blocks=self.tr("{n} blocks"), layers=self.tr("{n} layers"), branches=self.tr("{n} branches"),
            features=self.tr("features"), classifier=self.tr("classifier"), block=self.tr("block {n}"),
        )
        self._legend_names = {
            "input": self.tr("input"), "conv": self.tr("convolution"), "pool": self.tr("pooling"),
            "linear": self.tr("fully connected"), "norm": self.tr("normalization"),
            "act": self.tr("activation"), "dropout": self.tr("dropout"), "flatten": self.tr("flatten"),
            "concat": self.tr("concatenation"), "add": self.tr("addition"), "group": self.tr("group (click)"),
            "other": self.tr("other"), "identity": self.tr("identity shortcut"),
            "padded": self.tr("shortcut, zero-padded"), "projection": self.tr("projection shortcut (1×1 conv)"),
            "flow": self.tr("data flow"),
        }
        self._rebuild()

    def _row_tooltip(self, row) -> str:
        cells = [
            (self.tr("Layer (paper)"), row.paper_name or row.name), (self.tr("Module (torch)"), row.name),
            (self.tr("Operation"), row.op),
            (self.tr("Input"), shape_text(row.input_shape)), (self.tr("Output"), shape_text(row.output_shape)),
        ]
        if row.kernel:
            cells.append((self.tr("Kernel"), "×".join(map(str, row.kernel))))
            cells.append((self.tr("Stride"), "×".join(map(str, row.stride or ()))))
            cells.append((self.tr("Padding"), "×".join(map(str, row.padding or ()))))
        if row.groups > 1:
            cells.append((self.tr("Groups"), str(row.groups)))
        cells += [(self.tr("Parameters"), exact(row.params)), (self.tr("Trainable"), exact(row.trainable)),
                  (self.tr("Multiply-adds"), exact(row.macs))]
        lines = "".join(f"<tr><td>{escape(k)}</td><td><b>{escape(v)}</b></td></tr>" for k, v in cells)
        return f"<table cellspacing='2'>{lines}</table>"

    def _node_tooltip(self, node: dl.Node) -> str:
        rows = [self._analysis.rows[i] for i in node.rows]
        if node.kind == "group":
            title = escape(node.title)
            figures = self.tr("{layers} conv + dense modules · {params} parameters · {macs} multiply-adds").format(
                layers=sum(r.kind in ("conv", "linear") for r in rows), params=exact(sum(r.params for r in rows)),
                macs=exact(sum(r.macs for r in rows)))
            hint = self.tr("Click to expand.")
            return f"<b>{title}</b> → {escape(node.shape)}<br>{escape(figures)}<br><i>{escape(hint)}</i>"
        return "<hr>".join(self._row_tooltip(row) for row in rows)

    # ------------------------------------------------------------ drawing

    def _rebuild(self) -> None:
        scene = self.scene()
        scene.clear()
        self._items = {}
        self._diagram = None
        if self._structure is None:
            scene.setSceneRect(QRectF(0, 0, 10, 10))
            return
        self._laid_out_for = self._fit_size()
        self._diagram = dl.lay_out_to_fit(self._structure, self._laid_out_for, self._collapsed, self._words,
                                          self._metrics, _MAX_FIT_SCALE, _READABLE_SCALE)
        hint = self.tr("Click the title to collapse.")
        for frame in self._diagram.frames:
            scene.addItem(_FrameItem(frame, self._font, self._metrics.line_height, hint))
        self._add_links()
        self._add_arcs()
        for node in self._diagram.nodes:
            item = _NodeItem(node, self._font, self._node_tooltip(node),
                             self._selected is not None and self._selected in node.rows)
            if not self._feeding.isdisjoint(node.rows):
                item.set_selected(self._selected in node.rows, feeding=True)
            scene.addItem(item)
            self._items[node.key] = item
        if self._legend_visible:
            self._add_legend()
        rect = scene.itemsBoundingRect()
        scene.setSceneRect(rect.adjusted(-24, -24, 24, 24))

    def _add_links(self) -> None:
        lines, heads = QPainterPath(), QPainterPath()
        for link in self._diagram.links:
            lines.addPath(_rounded_polyline(link.points))
            _arrow_head(heads, QPointF(*link.points[-1]), QPointF(*link.points[-2]))
        self.scene().addPath(lines, QPen(_LINK, 1.6)).setZValue(0.5)
        self.scene().addPath(heads, QPen(_LINK, 1), QBrush(_LINK)).setZValue(0.5)

    def _add_arcs(self) -> None:
        for arc in self._diagram.arcs:
            colour, style = _ARC_STYLES[arc.kind]
            pen = QPen(QColor(colour), 2.6, style)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            self.scene().addPath(_rounded_polyline(arc.points, 12.0), pen).setZValue(0.6)
            head = QPainterPath()
            _arrow_head(head, QPointF(*arc.points[-1]), QPointF(*arc.points[-2]), 9.0)
            self.scene().addPath(head, QPen(QColor(colour), 1), QBrush(QColor(colour))).setZValue(0.6)

    def _add_legend(self) -> None:
        """Swatches for the kinds and shortcut styles on screen, in rows under the diagram no wider than it (one
        long row ran off the side of a view at 200 % zoom)."""
        kinds = [k for k in KIND_COLOURS if any(n.kind == k and not n.on_arc for n in self._diagram.nodes)]
        arcs = [k for k in _ARC_STYLES if any(a.kind == k for a in self._diagram.arcs)]
        left, y = self._diagram.bounds[0], self._diagram.bounds[3] + 28
        right = max(self._diagram.bounds[2], left + max(
            (24 + self._metrics.width(self._legend_names[key]) for key in kinds + arcs), default=0.0))
        x, line = left, self._metrics.line_height
        for key in kinds + arcs:
            if x > left and x + 24 + self._metrics.width(self._legend_names[key]) > right:
                x, y = left, y + line + 6
            if key in KIND_COLOURS:
                fill = QColor(KIND_COLOURS[key])
                self.scene().addRect(QRectF(x, y - 7, 18, 14), QPen(fill.darker(175), 1.2), QBrush(fill))
            else:
                colour, style = _ARC_STYLES[key]
                self.scene().addLine(x, y, x + 18, y, QPen(QColor(colour), 2.6, style))
            text = self.scene().addSimpleText(self._legend_names[key], self._font)
            text.setBrush(_NOTE)
            text.setPos(x + 24, y - line / 2)
            x += 24 + self._metrics.width(self._legend_names[key]) + 22

    def _show_selection(self, index: int | None) -> None:
        for item in self._items.values():
            was, on = self._selected in item.node.rows, index is not None and index in item.node.rows
            if on != was:
                item.set_selected(on, not self._feeding.isdisjoint(item.node.rows))
        self._selected = index

    def mark_feeding(self, rows) -> None:
        """Tint the nodes of ``rows`` (the layers a clicked unit depends on); an empty set clears them."""
        self._feeding = frozenset(rows)
        for item in self._items.values():
            item.set_selected(self._selected in item.node.rows, not self._feeding.isdisjoint(item.node.rows))

    def feeding_rows(self) -> frozenset[int]:
        return self._feeding

    # ------------------------------------------------------------ export

    def _export_svg(self, out: Path, rect: QRectF) -> None:
        from PySide6.QtSvg import QSvgGenerator

        if not os.access(out.parent if str(out.parent) else Path("."), os.W_OK):
            raise UserInputError(self.tr("cannot write {path}: its folder is not writable").format(path=repr(str(out))))
        generator = QSvgGenerator()
        generator.setFileName(str(out))
        generator.setSize(QSize(round(rect.width()), round(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(self._analysis.model if self._analysis else "diagram")
        painter = QPainter(generator)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.scene().render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        painter.end()

    def _export_png(self, out: Path, rect: QRectF, scale: float, transparent: bool) -> None:
        size = QSize(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
        if size.width() * size.height() > 400_000_000:
            raise UserInputError(self.tr("the image would be {width}×{height} pixels; choose a smaller scale").format(
                width=size.width(), height=size.height()))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent if transparent else _BACKGROUND)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.scene().render(painter, QRectF(0, 0, size.width(), size.height()), rect)
        painter.end()
        if not image.save(str(out)):
            raise UserInputError(self.tr("could not write {path}").format(path=repr(str(out))))


class LayerDetailsView(LanguageAware, QWidget):
    """The selected layer's numbers worked out: output size, parameters and multiply-adds, with the
    formula, the numbers substituted and the result (which is the analysis' own figure)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._analysis = None
        self._index: int | None = None
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setFont(scaled_font(self, 1.1))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text)
        self.retranslate()

    def show_layer(self, analysis, index: int | None) -> None:
        """Show row ``index`` of ``analysis`` (None: the hint to select one)."""
        self._analysis, self._index = analysis, index
        self.retranslate()

    def retranslate(self) -> None:
        if self._analysis is None or self._index is None or not 0 <= self._index < len(self._analysis.rows):
            self.text.setText(self.tr("Select a layer in the diagram or the table to see its numbers worked out."))
            return
        row = self._analysis.rows[self._index]
        shapes = f"{escape(shape_text(row.input_shape))} → <b>{escape(shape_text(row.output_shape))}</b>"
        parts = [f"<h3>{escape(row.name)} <span style='font-weight:normal'>({escape(row.op)})</span></h3>",
                 f"<p>{shapes}</p>"]
        for title, worked in ((self.tr("Output size"), self._size_steps(row)),
                              (self.tr("Parameters"), self._param_steps(row)),
                              (self.tr("Multiply-adds"), self._mac_steps(row))):
            if worked:
                # One step a line: the formula, the numbers put in, the result (the analysis' own figure).
                lines = ["<br>&nbsp;&nbsp;= ".join(escape(step) for step in steps) for steps in worked]
                parts.append(f"<p><b>{escape(title)}</b><br>" + "<br>".join(lines) + "</p>")
        self.text.setText("".join(parts))

    # Each worked figure is a tuple of steps, shown only when its result is the analysis' own figure.

    def _size_steps(self, row) -> list[tuple[str, ...]]:
        if row.kernel is None or row.stride is None or row.padding is None or len(row.input_shape) != 3:
            return []
        worked = []
        dims = ((self.tr("height"), 1, 0), (self.tr("width"), 2, 1))
        same = row.input_shape[1] == row.input_shape[2] and len(set(zip(row.kernel, row.stride, row.padding,
                                                                         strict=True))) == 1
        for label, axis, k in dims[:1] if same else dims:
            n, out = row.input_shape[axis], row.output_shape[axis]
            f, s, p = row.kernel[k], row.stride[k], row.padding[k]
            floor = (n + 2 * p - f) // s + 1
            rounding = ("⌊", "⌋") if floor == out else ("⌈", "⌉") if -(-(n + 2 * p - f) // s) + 1 == out else None
            if rounding is None:
                continue
            a, b = rounding
            prefix = "" if same else f"{label}: "
            worked.append((f"{prefix}{a}(n + 2p − f)/s{b} + 1", f"{a}({n} + 2×{p} − {f})/{s}{b} + 1", str(out)))
        return worked

    def _param_steps(self, row) -> list[tuple[str, ...]]:
        total = exact(row.params)
        if row.kind == "conv" and row.kernel and len(row.input_shape) == 3:
            kh, kw = row.kernel
            c_in, c_out = row.input_shape[0] // row.groups, row.output_shape[0]
            weights = kh * kw * c_in * c_out
            if row.params == weights + c_out:
                return [("(f×f×C_in + 1)×C_out", f"({kh}×{kw}×{c_in} + 1)×{c_out}", total)]
            if row.params == weights:
                return [("f×f×C_in×C_out", f"{kh}×{kw}×{c_in}×{c_out}", f"{total} " + self.tr("(no bias)"))]
        if row.kind == "linear" and row.input_shape and row.output_shape:
            n_in, n_out = row.input_shape[-1], row.output_shape[-1]
            if row.params == (n_in + 1) * n_out:
                return [("(n_in + 1)×n_out", f"({n_in} + 1)×{n_out}", total)]
            if row.params == n_in * n_out:
                return [("n_in×n_out", f"{n_in}×{n_out}", f"{total} " + self.tr("(no bias)"))]
        if row.kind == "norm" and row.output_shape and row.params == 2 * row.output_shape[0]:
            return [("2×C", f"2×{row.output_shape[0]}", f"{total} " + self.tr("(scale and shift)"))]
        return [(total if row.params else self.tr("none"),)]

    def _mac_steps(self, row) -> list[tuple[str, ...]]:
        total = exact(row.macs)
        if row.kind == "conv" and row.kernel and len(row.output_shape) == 3:
            c, h, w = row.output_shape
            kh, kw = row.kernel
            c_in = row.input_shape[0] // row.groups
            if row.macs == h * w * c * kh * kw * c_in:
                return [("(H×W×C_out)×(f×f×C_in)", f"({h}×{w}×{c})×({kh}×{kw}×{c_in})", total)]
        if row.kind == "linear" and row.macs == row.input_shape[-1] * row.output_shape[-1]:
            return [("n_in×n_out", f"{row.input_shape[-1]}×{row.output_shape[-1]}", total)]
        return [(total if row.macs else self.tr("none counted (element-wise)"),)]
