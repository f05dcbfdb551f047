"""The feature-map page: an image flows through a network, layer by layer.

Drop or open images (files or folders), paste one, or click a recent one: the engine runs the model on it and
sends every layer's maps at once, so moving the layer slider costs no engine work. The view shows one layer's
channel maps as a single mosaic image (one ``setImage`` per update), the input as the model sees it with a
Grad-CAM overlay, the top-5 classes, the first layer's filters and where the weights came from. A bad file
gets a message and the image on screen stays.

Clicking a pixel of a map (in the grid or the enlarged map) picks that unit: the engine answers with its
theoretical receptive field, drawn as a box on the input (clipped to the image), its effective receptive
field (how strongly each input pixel moves it), drawn in colour instead of the Grad-CAM, and, for a
convolution, the unit worked out step by step in the "One unit" tab (``gui/feature_maps/unit.py``).
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGraphicsRectItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.data.drawing import digit_from_photo, digit_from_strokes, mnist_from_strokes
from engine.data.frames import CameraSource, FrameSource, VideoFileSource, camera_indices
from engine.data.images import IMAGE_SUFFIXES, collect_images, sample_images
from engine.models.zoo import get_info
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from engine.text.numbers import exact, shape_text
from gui.feature_maps.live import LiveFeed
from gui.feature_maps.unit import UnitComputationView
from gui.i18n import localized
from gui.widgets.class_names import class_label
from gui.widgets.drawing_pad import DrawingPad
from gui.widgets.images import pixels_of, qimage_of, sample_photo
from gui.widgets.map_grid import COLORMAP, ImagePanel, MapGrid, mosaic_shape, normalised_map
from gui.widgets.painted_text import PaintedTexts
from gui.widgets.reflow import ReflowLayout
from gui.widgets.text import ACCENT, ERROR_STYLE, GOOD_STYLE, NOTICE_STYLE, LanguageAware, scaled_font
from gui.widgets.turning_splitter import TurningSplitter

__all__ = ["FeatureMapView"]

_BANNER_TEXT_WIDTH = 400  # pixels at 100 %: the weights' note beside the buttons, a few words a line

_CAM_COLORMAP = "turbo"
_CAM_OPACITY = 170  # of 255 at the hottest point; cold regions stay clear so the photo shows through
_RECENT_KEPT = 16
_PICTURED_ROLE = Qt.ItemDataRole.UserRole + 1  # the model whose crop a recent item's icon shows
_THUMBNAIL = 72
_INK = QColor("#212529")
_DEFAULT_LAYER = 1  # the first layer after the input: the one whose maps a class recognises at once
_ERF_COLORMAP = "CET-L8"
_UNIT_COLOUR = QColor("#ff2d55")
_SLIDER_MIN_WIDTH = 260  # the layer slider's own width beside the scale choice, at 100 % zoom (title included)
_LIVE_CAM_EVERY_S = 1.0  # live: Grad-CAM of a frame this often (it costs a third more than the frame's maps)


class _TopClasses(QWidget):
    """The top classes as labelled bars; clicking one asks for its Grad-CAM."""

    class_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(scaled_font(self, 1.25))
        self._predictions: tuple[ev.Prediction, ...] = ()
        self._selected: int | None = None
        self.painted = PaintedTexts()
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_predictions(self, predictions: tuple[ev.Prediction, ...], selected: int | None) -> None:
        self._predictions, self._selected = predictions, selected
        self.update()

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 1.7)

    def sizeHint(self) -> QSize:
        return QSize(420, self._row_height() * 5)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Five rows at the present font: a minimum height fixed when the widget was made (at 100 %) left the
        fourth and fifth classes painted below the widget at 200 % and 250 %."""
        return QSize(super().minimumSizeHint().width(), self._row_height() * 5)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the app's zoom: taller rows
            self.updateGeometry()

    def paintEvent(self, event) -> None:  # noqa: ARG002 - Qt's signature
        self.painted.clear()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        row_height = self._row_height()
        label_width = int(self.width() * 0.46)
        bar_space = self.width() - label_width - 8
        metrics = self.fontMetrics()
        for row, prediction in enumerate(self._predictions):
            top = row * row_height
            selected = prediction.index == self._selected
            font = scaled_font(self, 1.0, bold=selected)  # the class whose Grad-CAM is shown
            # elided in the font it is drawn in: the bold name of the selected class, elided in the regular
            # font, ran past the widget's left edge ("bulletproof vest")
            name = QFontMetrics(font).elidedText(class_label(prediction.name), Qt.TextElideMode.ElideRight,
                                                 label_width - 8)
            painter.setPen(_INK)
            painter.setFont(font)
            self.painted.draw(painter, QRectF(0, top, label_width - 8, row_height),
                              Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, name)
            bar = QRectF(label_width, top + row_height * 0.18, max(2.0, bar_space * prediction.probability),
                         row_height * 0.64)
            painter.setPen(QPen(_INK, 2) if selected else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(ACCENT) if row == 0 else QColor("#74a7f7"))
            painter.drawRect(bar)
            text = f"{prediction.probability * 100:.1f}%"
            inside = metrics.horizontalAdvance(text) + 12 < bar.width()
            painter.setPen(QColor("white") if inside else _INK)
            where = QRectF(bar.left() + 6, bar.top(), bar.width() - 12, bar.height()) if inside else QRectF(
                bar.right() + 6, bar.top(), bar_space, bar.height())
            align = Qt.AlignmentFlag.AlignRight if inside else Qt.AlignmentFlag.AlignLeft
            self.painted.draw(painter, where, align | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()

    def mousePressEvent(self, event) -> None:
        row = int(event.position().y() // self._row_height())
        if 0 <= row < len(self._predictions):
            self.class_clicked.emit(self._predictions[row].index)


class _Source:
    """An image the user gave: a file path, or pasted pixels with a name."""

    def __init__(self, path: str = "", pixels: np.ndarray | None = None, name: str = "", kind: str = "") -> None:
        # Absolute, so that the same file opened from a drop and from the samples is one entry.
        self.path = os.path.abspath(path) if path else ""
        self.pixels, self.name = pixels, name or Path(path).name
        # "drawing": the pad's state while it is drawn, "frame": a live frame. Neither joins the recent strip (a
        # drawing does when the user keeps it).
        self.kind = kind
        self.arrival = 0.0  # a live frame: when it came from its source (time.perf_counter())

    def same_as(self, other: _Source | None) -> bool:
        return other is not None and (self.pixels is other.pixels if self.pixels is not None else
                                      other.pixels is None and self.path == other.path)


class FeatureMapView(LanguageAware, QWidget):
    """Feature maps, top-5 and Grad-CAM of an image in one model.

    Parameters
    ----------
    bridge : EngineBridge
        The engine; the view submits ``InspectImage``, ``MakeThumbnails`` and ``DownloadWeights`` through its
        own client and gets their answers.
    parent : QWidget, optional

    Signals
    -------
    layer_changed(int)
        The row of ``engine.models.analysis.analyze(model).rows`` shown, when the slider or ``select_layer`` moves it.
    image_opened()
        The user gave an image (a drop, File → Open, paste, the recent strip): see ``user_image``.
    """

    layer_changed = Signal(int)
    unit_selected = Signal(int)  # the row of the unit clicked (the page highlights what feeds it); -1: none
    image_opened = Signal()
    prepare_wanted = Signal()  # the banner's "Prepare for class…" link: the window opens its readiness report
    model_requested = Signal(str)  # a zoo name to show instead (a trained sibling of a model without weights)

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = bridge.client(self)
        self._model: str | None = None
        self._weights_files: dict[str, str] = {}
        self._source: _Source | None = None      # asked for last
        self._asked: dict[int, _Source] = {}     # request id -> image, until its maps arrive
        self._using_sample = False
        self._request_id = 0
        self._done_id = 0
        self._maps_id = 0  # the request whose maps came last
        self._frames_kept = 0
        self.live: LiveFeed | None = None  # made on the first live source
        self._frames: dict[int, _Source] = {}  # live frames asked for (InspectFrame id -> frame), until answered
        self._inspect_when_in = False  # the source has ended: ask for all of the last frame once it is on screen
        self._filters_shown: np.ndarray | None = None
        self._cam_at = -math.inf  # when a live frame's Grad-CAM last came
        self._cam_frame = 0  # the live frame that asked for Grad-CAM last
        self._held = 0  # inside one_request(): requests wait for the end of the block
        self._wanted = False  # a request is owed (held, or asked for while off screen)
        self._event: ev.FeatureMapsReady | None = None
        self._shown_source: _Source | None = None
        self._cam: ev.GradCamReady | None = None
        self._occlusion: ev.OcclusionReady | None = None
        self._layer = _DEFAULT_LAYER
        self._channel = 0
        self._unit: tuple[int, tuple[int, int, int]] | None = None  # (row, (channel, y, x)) clicked last
        self._unit_event: ev.UnitExplained | None = None
        self._messages: list[str] = []
        self._download: tuple[int, int] | None = None
        self._thumbnails_asked: set[str] = set()  # file paths of the recent strip
        self._thumbnails_pending: set[str] = set()  # of which the engine has not drawn yet
        self._pictured: set[str] = set()  # ... whose icon is the crop of their shown maps

        self._build()
        self._fill_samples()
        self.retranslate()

    # ------------------------------------------------------------ construction

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_banner())
        self.message_label = self._label(1.15, wrap=True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setVisible(False)
        layout.addWidget(self.message_label)
        # Side by side, or one above the other when the page is narrower than both (200-250 % zoom).
        self.splitter = splitter = TurningSplitter(self)
        splitter.addWidget(self._build_image_side())
        splitter.addWidget(self._build_maps_side())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_strip())

    def _build_banner(self) -> ReflowLayout:
        """Where the weights come from, with the buttons that change them: in one row, or one under another
        when the row is wider than the page (a row of four buttons at 250 % made the page scroll sideways)."""
        self.weights_label = self._label(1.1, wrap=True)
        self.download_progress = QProgressBar(self)
        self.download_progress.setVisible(False)
        self.download_button = QPushButton(self, clicked=self._on_download_clicked)
        self.weights_file_button = QPushButton(self, clicked=self._on_weights_file_clicked)
        self.default_weights_button = QPushButton(self, clicked=self._on_default_weights_clicked)
        self.prepare_link = self._label(1.1)
        self.prepare_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.prepare_link.linkActivated.connect(lambda _link: self.prepare_wanted.emit())
        self.instead_button = QPushButton(self, clicked=self._on_instead_clicked)
        self.instead_button.setVisible(False)
        banner = ReflowLayout()
        banner.add(self.weights_label, _BANNER_TEXT_WIDTH, 1)
        banner.add(self.prepare_link, 0, 0)
        banner.add(self.download_progress, 0, 0)
        for button in (self.instead_button, self.download_button, self.weights_file_button,
                       self.default_weights_button):
            button.setFont(scaled_font(self, 1.1))
            banner.add(button, 0, 0)
        return banner

    def _build_image_side(self) -> QWidget:
        """The input with Grad-CAM, the enlarged map, the top-5 and the first layer's filters."""
        self.input_title = self._label(1.2, bold=True)
        self.input_panel = ImagePanel(self)
        self.cam_overlay = pg.ImageItem(axisOrder="row-major")
        self.cam_overlay.setZValue(5)
        self.input_panel.box.addItem(self.cam_overlay)
        self.erf_overlay = pg.ImageItem(axisOrder="row-major")
        self.erf_overlay.setZValue(6)
        self.input_panel.box.addItem(self.erf_overlay)
        self.unit_box = _outline(self.input_panel, width=3)
        self.input_caption = self._label(1.0, wrap=True)
        self.enlarged_title = self._label(1.2, bold=True)
        self.enlarged_panel = ImagePanel(self)
        self.enlarged_caption = self._label(1.0, wrap=True)
        self.unit_marker = _outline(self.enlarged_panel, width=2)
        self.enlarged_panel.scene().sigMouseClicked.connect(self._on_enlarged_clicked)
        self.cam_check = QCheckBox(self, checked=True, toggled=self._on_cam_toggled)
        # Occlusion beside Grad-CAM, on the same picture: one overlay at a time.
        self.occlusion_check = QCheckBox(self, checked=False, toggled=self._on_occlusion_toggled)
        self.attribution_note = self._label(1.0, wrap=True)
        self.unit_check = QCheckBox(self, checked=True, toggled=lambda _checked: self._show_unit())
        self.unit_check.setVisible(False)
        self.unit_caption = self._label(1.0, wrap=True)
        self.unit_view = UnitComputationView(self)
        self.unit_view.step_requested.connect(self._on_unit_step)
        self.normalised_check = QCheckBox(self, toggled=lambda _checked: self._show_input())
        self.predictions_title = self._label(1.2, bold=True, wrap=True)  # 833 px at 250 %: it wraps
        self.top_classes = _TopClasses(self)
        self.top_classes.class_clicked.connect(self._on_class_clicked)
        self.filters_title = self._label(1.2, bold=True, wrap=True)
        self.filters_panel = ImagePanel(self)
        self.filters_panel.setMinimumSize(120, 120)

        pictures = QGridLayout()
        # The drawing pad (one-channel models) first, so that the network's input is beside it.
        pictures.addWidget(self._build_pad(), 0, 0, 3, 1)
        for column, (title, panel, caption) in enumerate(((self.input_title, self.input_panel, self.input_caption),
                                                          (self.enlarged_title, self.enlarged_panel,
                                                           self.enlarged_caption)), start=1):
            pictures.addWidget(title, 0, column)
            pictures.addWidget(panel, 1, column)
            pictures.addWidget(caption, 2, column)
        pictures.setRowStretch(1, 1)
        checks = QVBoxLayout()
        # Each pair side by side when the side holds it, else one under the other: a row of two long overlay
        # checks (Korean especially) made the side so wide that the maps beside it shrank to a strip.
        for pair in ((self.cam_check, self.occlusion_check), (self.unit_check, self.normalised_check)):
            row = QWidget(self)
            reflow = ReflowLayout(row)
            for check in pair:
                check.setFont(scaled_font(self, 1.1))
                reflow.add(check, stretch=1 if check is pair[0] else 2)
            checks.addWidget(row)
        checks.addWidget(self.attribution_note)
        classes = QWidget(self)
        lower = QHBoxLayout(classes)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addLayout(_titled(self.predictions_title, self.top_classes), 3)
        lower.addLayout(_titled(self.filters_title, self.filters_panel), 2)
        # Tab 0: the classes and filters; tab 1: the unit clicked last, worked out.
        self.lower_tabs = QTabWidget(self)
        self.lower_tabs.setFont(scaled_font(self, 1.05))
        self.lower_tabs.addTab(classes, "")
        self.lower_tabs.addTab(self.unit_view, "")
        side = QWidget(self)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(pictures, 3)
        layout.addLayout(checks)
        layout.addWidget(self.unit_caption)
        layout.addWidget(self.lower_tabs, 2)
        return side

    def _build_pad(self) -> QWidget:
        """The drawing pad with its buttons, hidden until "Draw a digit" is pressed."""
        self.pad_box = QWidget(self)
        self.pad_title = self._label(1.2, bold=True)
        self.pad = DrawingPad(self.pad_box)
        self.pad.drawing_changed.connect(self._on_drawing_changed)
        self.pad.stroke_finished.connect(self._on_stroke_finished)
        self.undo_button = QPushButton(self.pad_box, clicked=self.pad.undo)
        self.clear_button = QPushButton(self.pad_box, clicked=self.pad.clear)
        self.keep_button = QPushButton(self.pad_box, clicked=self._on_keep_clicked)
        self.pad_caption = self._label(1.0, wrap=True)
        buttons = QHBoxLayout()
        for button in (self.undo_button, self.clear_button, self.keep_button):
            button.setFont(scaled_font(self, 1.05))
            buttons.addWidget(button)
        layout = QVBoxLayout(self.pad_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pad_title)
        layout.addWidget(self.pad, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.pad_caption)
        self.pad_box.setVisible(False)
        self._drawings_kept = 0
        return self.pad_box

    def _build_maps_side(self) -> QWidget:
        """The layer slider, the scale choice and the grid of the layer's maps."""
        self.layer_title = self._label(1.2, bold=True)
        self.layer_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.layer_slider.setRange(0, 0)
        self.layer_slider.setPageStep(1)
        self.layer_slider.valueChanged.connect(self._on_slider_moved)
        self.scale_combo = _WholeCombo(self)
        self.scale_combo.setFont(scaled_font(self, 1.1))
        self.scale_combo.addItems(["", ""])
        self.scale_combo.currentIndexChanged.connect(lambda _index: self._show_layer())
        self.layer_label = self._label(1.25, bold=True, wrap=True)
        self.grid_hint = self._label(1.3, wrap=True)
        self.grid_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid = MapGrid(self)
        self.grid.map_clicked.connect(self._on_map_clicked)
        self.grid.unit_clicked.connect(self._on_grid_unit_clicked)
        slider = QWidget(self)
        slider_row = QHBoxLayout(slider)
        slider_row.setContentsMargins(0, 0, 0, 0)
        slider_row.addWidget(self.layer_title)
        slider_row.addWidget(self.layer_slider, 1)
        # The scale choice under the slider when the side cannot hold both: beside it, on a 1366-pixel screen,
        # the slider (the control a lecturer uses most) had shrunk to its handle.
        controls = QWidget(self)
        reflow = ReflowLayout(controls)
        reflow.add(slider, min_width=_SLIDER_MIN_WIDTH, stretch=3)
        reflow.add(self.scale_combo, stretch=0)
        side = QWidget(self)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(controls)
        layout.addWidget(self.layer_label)
        layout.addWidget(self.grid_hint)
        layout.addWidget(self.grid, 1)
        return side

    def _build_strip(self) -> QHBoxLayout:
        """Recent images (and the samples) to click back to, with Open and Paste."""
        self.recent_title = self._label(1.1, bold=True)
        self.recent = QListWidget(self)
        self.recent.setViewMode(QListWidget.ViewMode.IconMode)
        self.recent.setFlow(QListWidget.Flow.LeftToRight)
        self.recent.setWrapping(False)
        self.recent.setMovement(QListWidget.Movement.Static)
        self.recent.setIconSize(QSize(_THUMBNAIL, _THUMBNAIL))
        self.recent.setGridSize(QSize(_THUMBNAIL + 40, _THUMBNAIL + self.fontMetrics().height() + 12))
        self.recent.setFixedHeight(_THUMBNAIL + self.fontMetrics().height() * 2 + 24)
        self.recent.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent.itemClicked.connect(self._on_recent_clicked)
        self._unseen_icon = _placeholder_icon()
        self.open_button = QPushButton(self, clicked=self._on_open_clicked)
        self.paste_button = QPushButton(self, clicked=self.open_clipboard_image)
        self.draw_button = QPushButton(self, checkable=True, toggled=self._on_draw_toggled)
        self.draw_button.setVisible(False)
        self.live_button = QToolButton(self)
        self.live_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.live_menu = QMenu(self.live_button)
        self.cameras_menu = self.live_menu.addMenu("")
        self.cameras_menu.aboutToShow.connect(self._fill_cameras)
        self.video_action = self.live_menu.addAction("", self._on_video_clicked)
        self.freeze_action = self.live_menu.addAction("", self.freeze_live)
        self.freeze_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.keep_frame_action = self.live_menu.addAction("", self.keep_frame)
        self.keep_frame_action.setShortcut(QKeySequence(Qt.Key.Key_S))
        self.digit_mode_action = self.live_menu.addAction("")
        self.digit_mode_action.setCheckable(True)
        for action in (self.freeze_action, self.keep_frame_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)  # Space and S work while the view has the focus, the menu closed
        self.live_button.setMenu(self.live_menu)
        self.live_button.setFont(scaled_font(self, 1.05))
        self.live_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # as wide as its column
        self.busy_label = self._label(1.1, bold=True)
        # Two by two: one above another, the four buttons and the busy note were taller than the strip, and the
        # last button was cut on a 768-pixel screen.
        buttons = QGridLayout()
        for index, widget in enumerate((self.open_button, self.paste_button, self.draw_button, self.live_button)):
            buttons.addWidget(widget, index // 2, index % 2)
        buttons.addWidget(self.busy_label, 2, 0, 1, 2)
        strip = QHBoxLayout()
        strip.addWidget(self.recent_title)
        strip.addWidget(self.recent, 1)
        strip.addLayout(buttons)
        return strip

    def _label(self, factor: float, bold: bool = False, wrap: bool = False) -> QLabel:
        label = QLabel(self)
        label.setFont(scaled_font(self, factor, bold=bold))
        label.setWordWrap(wrap)
        return label

    def _fill_samples(self) -> None:
        for path in sample_images():
            self._remember(_Source(str(path)), None)
        self._ask_thumbnails()

    def _ask_thumbnails(self) -> None:
        """The engine draws the strip's files not asked for yet (a shown image gets its crop instead)."""
        paths = []
        for row in range(self.recent.count()):
            path = self.recent.item(row).data(Qt.ItemDataRole.UserRole).path
            if path and path not in self._thumbnails_asked:
                self._thumbnails_asked.add(path)
                self._thumbnails_pending.add(path)
                paths.append(path)
        if paths:
            self._engine.submit(ev.MakeThumbnails(tuple(paths), _THUMBNAIL),
                                {ev.ThumbnailReady: self._on_thumbnail_ready})

    def _on_thumbnail_ready(self, event: ev.ThumbnailReady) -> None:
        self._thumbnails_pending.discard(event.path)
        for row in range(self.recent.count()):
            item = self.recent.item(row)
            if item.data(Qt.ItemDataRole.UserRole).path == event.path and event.path not in self._pictured:
                item.setIcon(QIcon(QPixmap.fromImage(qimage_of(event.pixels))))

    # ------------------------------------------------------------ public slots

    def set_model(self, name: str) -> None:
        """Show ``name`` (a zoo model); the image on screen is run through it."""
        info = get_info(name)
        if info.name == self._model:
            return
        self._model = info.name
        self._download = None
        self._messages = []
        if info.input_shape[0] not in (1, 3):  # a module of the lecture (NiN block, Inception module)
            self._messages.append(self.tr("{model} takes {channels} feature maps, not an image: pick a whole "
                                          "network to see an image flow through it.").format(
                model=info.title, channels=info.input_shape[0]))
        elif self._source is None or self._using_sample:
            self._source, self._using_sample = self._sample_for(info.name), True
        self.draw_button.setVisible(info.input_shape[0] == 1)
        self.digit_mode_action.setEnabled(info.input_shape[0] == 1)
        if info.input_shape[0] != 1:
            self.draw_button.setChecked(False)
        elif self.draw_button.isChecked() and not self.pad.is_empty():
            self._source = self._drawn_source()  # the drawing, at this model's input size
        self._show_messages()
        self._submit()
        self._show_texts()

    def open_paths(self, paths: list[str]) -> None:
        """Files and folders (a drop, File → Open): the first image is shown, all go to the recent strip."""
        images, skipped = collect_images(paths)
        self._messages = []
        if skipped:
            self._messages.append(self.tr("Skipped (not images): {names}").format(
                names=", ".join(Path(line.split(": ", 1)[0]).name for line in skipped[:5])
                + (" …" if len(skipped) > 5 else "")))
        if not images:
            self._messages.append(self.tr("Nothing to show: none of these is an image file."))
            self._show_messages()
            return
        for path in reversed(images[1:]):
            self._remember(_Source(str(path)), None)
        self._open(_Source(str(images[0])))
        self._ask_thumbnails()

    def open_clipboard_image(self) -> None:
        """Paste: the clipboard's image is sent as pixels (no file is written)."""
        image = QGuiApplication.clipboard().image()
        self._messages = []
        if image.isNull():
            self._messages.append(self.tr("The clipboard holds no image."))
            self._show_messages()
            return
        self._open(_Source(pixels=pixels_of(image), name=self.tr("Pasted image")))

    def select_layer(self, index: int) -> None:
        """Show row ``index`` of the model's analysis (the page's selection). Emits nothing: ``layer_changed``
        reports the user's own moves of the slider to the page, which owns the selection."""
        if self._event is None:
            self._layer = index
            return
        self.layer_slider.blockSignals(True)
        self.layer_slider.setValue(min(max(index, 0), len(self._event.layers) - 1))
        self.layer_slider.blockSignals(False)
        if self.layer_slider.value() != self._layer:
            self._clear_unit()
        self._layer = self.layer_slider.value()
        self._show_layer()

    @contextmanager
    def one_request(self) -> Iterator[None]:
        """What changes inside the block (the page, the model, the image) is sent as one request at its end."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held and self._wanted:
                self._submit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._wanted:
            self._submit()

    # ------------------------------------------------------------ read by the lead, the tests and the CLI

    def current_layer(self) -> int:
        return self.layer_slider.value() if self._event is not None else self._layer

    def user_image(self) -> tuple[str, np.ndarray | None, str] | None:
        """The image the user gave last as ``(path, pixels, name)``, as ``InspectImage`` takes it; None while
        the page shows a shipped sample."""
        if self._source is None or self._using_sample:
            return None
        return self._source.path, self._source.pixels, self._source.name

    def shown_image(self) -> str | None:
        """The name of the image whose maps are on screen (None before the first)."""
        return None if self._event is None else self._event.name

    def thumbnails_pending(self) -> int:
        """Files of the recent strip whose picture the engine has not sent (an unreadable file never has one)."""
        return len(self._thumbnails_pending)

    def is_busy(self) -> bool:
        """True while a request of this view is being served."""
        return self._done_id < self._request_id

    def messages(self) -> list[str]:
        """The problems shown to the user now (bad files, refused weights)."""
        return list(self._messages)

    def unit_explanation(self) -> ev.UnitExplained | None:
        """The answer about the unit clicked last, on screen (None when no unit is picked)."""
        return self._unit_event

    def select_unit(self, channel: int, y: int, x: int) -> None:
        """Pick unit (``channel``, ``y``, ``x``) of the layer on screen, in its full-size output (as a click)."""
        if self._event is not None:
            layer = self._event.layers[self.layer_slider.value()]
            if len(layer.shape) == 3 and channel < layer.maps.shape[0]:
                self._channel = channel
                self._show_enlarged()
            self._ask_unit(layer.index, (channel, y, x))

    def layer_names(self) -> list[str]:
        return [] if self._event is None else [layer.name for layer in self._event.layers]

    # ------------------------------------------------------------ requests

    def _sample_for(self, model: str) -> _Source:
        if get_info(model).input_shape[0] != 1:
            return _Source(str(sample_photo()))
        samples = sample_images()
        digits = [path for path in samples if path.name.startswith("digit_")]
        return _Source(str((digits or samples)[len(digits) // 2]))

    def _open(self, source: _Source) -> None:
        self._source, self._using_sample = source, False
        self._show_messages()
        self._submit()
        self.image_opened.emit()

    def _submit(self, cam_class: int | None = None) -> None:
        """Ask for the maps of the image on screen in the model on screen: only while the view is on screen
        (VGG-16 costs half a gigabyte and seconds to build), and once for all the changes of a block."""
        if self._model is None or self._source is None or get_info(self._model).input_shape[0] not in (1, 3):
            return
        self._wanted = self._held > 0 or not self.isVisible()
        if self._wanted:
            return
        source = self._source
        self._request_id = self._engine.submit(ev.InspectImage(
            self._model, path=source.path, pixels=source.pixels, name=source.name, cam_class=cam_class,
            weights_file=self._weights_files.get(self._model, "")), {
            ev.FeatureMapsReady: self._on_feature_maps_ready, ev.GradCamReady: self._on_grad_cam_ready,
            ev.OcclusionReady: self._on_occlusion_ready, ev.ImageRefused: self._on_image_refused,
            ev.WeightsRefused: self._on_weights_refused,
        }, self._on_inspect_failed)
        self._asked = {self._request_id: source}  # an earlier request is cancelled: its answers never come
        self._show_busy()

    # ------------------------------------------------------------ events

    def _on_feature_maps_ready(self, event: ev.FeatureMapsReady) -> None:
        if event.model != self._model or (self._event is not None and event.request_id < self._event.request_id):
            return
        self._show_maps(event, self._asked.pop(event.request_id, None) or _Source(event.source))

    def _on_frame_maps_ready(self, event: ev.FrameMapsReady) -> None:
        source = self._frames.pop(event.request_id, None)
        if event.cam is not None:
            self._cam_at = time.perf_counter()
        if source is not None and event.model == self._model and (
                self._event is None or event.request_id > self._event.request_id):
            self._show_maps(event, source)
        if self._inspect_when_in and not self._frames:
            self._inspect_shown_frame()

    def _on_frame_failed(self, event: ev.RequestFailed) -> None:
        if self._frames.pop(event.request_id, None) is None:
            return
        self.stop_live()  # one sentence, not one a frame
        self._messages = [event.message]
        self._show_messages()

    def _show_maps(self, event: ev.FeatureMapsReady, source: _Source) -> None:
        frame = isinstance(event, ev.FrameMapsReady)
        if frame and self._event is not None and self._event.model == event.model:
            # A live frame keeps the last Grad-CAM (a frame brings one about once a second), not another image's
            # occlusion; a unit clicked was another frame's.
            self._cam = event.cam or (self._cam if self._cam is not None and self._cam.model == event.model else None)
            self._occlusion = None
            self._clear_unit()
        elif self._event is None or self._event.model != event.model or not source.same_as(self._shown_source):
            self._cam = self._occlusion = None  # another image's overlays; the same image keeps its own
            self._clear_unit()
            if frame:
                self._cam = event.cam
        self._event, self._shown_source = event, source
        self._maps_id = max(self._maps_id, event.request_id)
        if not source.kind:
            self._remember(source, event)
        self.layer_slider.blockSignals(True)
        self.layer_slider.setRange(0, len(event.layers) - 1)
        self.layer_slider.setValue(min(max(self._layer, 0), len(event.layers) - 1))
        self.layer_slider.blockSignals(False)
        if self.layer_slider.value() != self._layer:
            self._layer = self.layer_slider.value()
            self.layer_changed.emit(self._layer)
        self._show_input()
        self._show_layer()
        self._show_filters()
        self._show_predictions()
        self._show_texts()
        if frame and self.live is not None:
            self.live.frame_shown(source.arrival)

    def _on_grad_cam_ready(self, event: ev.GradCamReady) -> None:
        if self._event is None or event.request_id < self._event.request_id or event.model != self._model:
            return
        self._cam = event
        self._done_id = max(self._done_id, event.request_id)
        self._show_cam()
        self._show_predictions()
        self._show_texts()
        self._show_busy()

    def _on_occlusion_ready(self, event: ev.OcclusionReady) -> None:
        if self._event is None or event.request_id < self._event.request_id or event.model != self._model:
            return
        self._occlusion = event
        self._show_cam()
        self._show_texts()

    def occlusion(self) -> ev.OcclusionReady | None:
        """The occlusion map on screen (None until it arrives)."""
        return self._occlusion

    def _on_image_refused(self, event: ev.ImageRefused) -> None:
        self._done_id = max(self._done_id, event.request_id)
        self._messages.append(event.message)
        self._show_messages()
        self._show_busy()

    def _on_weights_refused(self, event: ev.WeightsRefused) -> None:
        if self._weights_files.get(event.model) == event.path:
            del self._weights_files[event.model]
        self._messages.append(event.message)
        self._show_messages()

    def _on_inspect_failed(self, event: ev.RequestFailed) -> None:
        self._done_id = max(self._done_id, event.request_id)
        self._messages.append(event.message)
        self._show_messages()
        self._show_busy()

    def _on_download_progress(self, event: ev.WeightsDownloadProgress) -> None:
        if event.model == self._model:
            self._download = (event.done, event.total)
            self._show_weights()

    def _on_weights_downloaded(self, event: ev.WeightsDownloaded) -> None:
        if event.model == self._model:
            self._download = None
            self._submit()

    def weights_arrived(self, model: str) -> None:
        """``model``'s trained weights are on this computer now (Prepare for class): run the image again."""
        if model == self._model and self._event is not None:
            self._submit()

    def _on_download_failed(self, event: ev.RequestFailed) -> None:
        self._download = None
        self._messages.append(self.tr("The weights could not be downloaded: {reason}").format(
            reason=localized(event.message)))
        self._show_weights()
        self._show_messages()

    # ------------------------------------------------------------ user actions

    def _on_slider_moved(self, value: int) -> None:
        self._layer = value
        self._clear_unit()
        self._show_layer()
        self.layer_changed.emit(value)

    def _on_map_clicked(self, channel: int) -> None:
        self._channel = channel
        self._show_enlarged()

    def _on_grid_unit_clicked(self, channel: int, y: int, x: int) -> None:
        self._unit_at(channel, y, x)

    def _on_enlarged_clicked(self, event) -> None:
        point = self.enlarged_panel.image.mapFromScene(event.scenePos())
        image = self.enlarged_panel.image.image
        if image is not None and 0 <= point.y() < image.shape[0] and 0 <= point.x() < image.shape[1]:
            self._unit_at(self._channel, int(point.y()), int(point.x()))

    def _unit_at(self, channel: int, y: int, x: int) -> None:
        """A click at (y, x) of map ``channel`` as shown (maybe pooled for display): the unit it stands for."""
        if self._event is None:
            return
        layer = self._event.layers[self.layer_slider.value()]
        if layer.index == 0 or not layer.maps.size:
            return  # the input is not a unit of the network; a live frame brought another row's maps
        shown = layer.maps.shape
        if len(layer.shape) == 3:
            factor = max(1, layer.shape[1] // shown[1]), max(1, layer.shape[2] // shown[2])
            # The centre of the pooled display pixel's window, in the full-size map.
            unit = (channel, min(layer.shape[1] - 1, y * factor[0] + factor[0] // 2),
                    min(layer.shape[2] - 1, x * factor[1] + factor[1] // 2))
        else:
            index = y * shown[2] + x
            if index >= math.prod(layer.shape):
                return
            unit = (index, 0, 0)
        self._ask_unit(layer.index, unit)

    def _on_unit_step(self, dy: int, dx: int) -> None:
        if self._unit is None or self._event is None:
            return
        row, (channel, y, x) = self._unit
        shape = self._event.layers[row].shape
        if len(shape) == 3:
            self._ask_unit(row, (channel, min(max(y + dy, 0), shape[1] - 1), min(max(x + dx, 0), shape[2] - 1)))

    def _ask_unit(self, row: int, unit: tuple[int, int, int]) -> None:
        source = self._shown_source
        if self._model is None or source is None:
            return
        self._unit = (row, unit)
        self._engine.submit(ev.InspectUnit(
            self._model, row, unit, path=source.path, pixels=source.pixels, name=source.name,
            weights_file=self._weights_files.get(self._model, "")), {
            ev.UnitExplained: self._on_unit_explained, ev.ImageRefused: self._on_image_refused,
        }, self._on_unit_failed)
        self.unit_selected.emit(row)

    def _on_unit_explained(self, event: ev.UnitExplained) -> None:
        if self._event is None or event.model != self._model or self._unit is None or \
                (event.layer, (event.channel, event.y, event.x)) != self._unit:
            return
        self._unit_event = event
        self.unit_check.setVisible(True)
        self.unit_check.setChecked(True)
        self.lower_tabs.setCurrentIndex(1)
        self._show_unit()

    def _on_unit_failed(self, event: ev.RequestFailed) -> None:
        self._messages.append(event.message)
        self._show_messages()

    def _clear_unit(self) -> None:
        if self._unit is None and self._unit_event is None:
            return
        self._unit, self._unit_event = None, None
        self.unit_check.setVisible(False)
        self._show_unit()
        self.unit_selected.emit(-1)

    def _on_class_clicked(self, index: int) -> None:
        self._submit(cam_class=index)

    def _on_cam_toggled(self, checked: bool) -> None:
        if checked and self.occlusion_check.isChecked():
            self.occlusion_check.setChecked(False)
        self._show_cam()

    def _on_occlusion_toggled(self, checked: bool) -> None:
        if checked and self.cam_check.isChecked():
            self.cam_check.setChecked(False)
        self._show_cam()
        self._show_texts()

    # ------------------------------------------------------------ the drawing pad

    def drawing_source(self) -> tuple[np.ndarray, str] | None:
        """The pixels sent for the drawing on the pad and their name, or None when the pad is empty."""
        if self._source is None or self._source.kind != "drawing":
            return None
        return self._source.pixels, self._source.name

    def _drawn_source(self) -> _Source:
        """The pad's strokes made the way the training digits were (``engine.data.drawing``), at the input
        size of the model on screen (LeNet-5: 32×32)."""
        if self._trained_on_mnist():
            return _Source(pixels=mnist_from_strokes(self.pad.strokes()).pixels, name=self.tr("Drawing"),
                           kind="drawing")
        side = get_info(self._model).input_shape[1] if self._model else 32
        side = max(8, side // 8 * 8)
        digit = digit_from_strokes(self.pad.strokes(), side=side)
        return _Source(pixels=digit.pixels, name=self.tr("Drawing"), kind="drawing")

    def _trained_on_mnist(self) -> bool:
        """True when the weights of the model on screen say they were trained on MNIST (a checkpoint records its
        data set): drawings are then made as MNIST's digits were, not as the embedded ones."""
        event = self._event
        return event is not None and event.model == self._model and event.weights.dataset == "mnist"

    def _on_draw_toggled(self, checked: bool) -> None:
        self.pad_box.setVisible(checked)
        self.grid_hint.setText(self._grid_hint_text())
        if checked and not self.pad.is_empty():
            self._on_drawing_changed()

    def _on_drawing_changed(self) -> None:
        """Every point drawn asks again: ``InspectImage`` is latest-wins per sender, so while the engine works on
        one, newer drawings replace each other in its queue and only the newest is served."""
        if self.pad.is_empty():
            return  # an empty pad says nothing: the maps of the last drawing stay
        self._source, self._using_sample = self._drawn_source(), False
        self._submit()

    def _on_stroke_finished(self) -> None:
        self.image_opened.emit()  # the pages that follow the user's image take the drawing once a stroke is done

    def _on_keep_clicked(self) -> None:
        """The drawing joins the recent images, with the maps already shown for it."""
        if self.pad.is_empty():
            return
        self._drawings_kept += 1
        kept = _Source(pixels=self._drawn_source().pixels, name=self.tr("Drawing {number}").format(
            number=self._drawings_kept))
        shown = self._event if self._shown_source is not None and self._shown_source.kind == "drawing" else None
        self._remember(kept, shown)

    # ------------------------------------------------------------ live frames

    def start_live(self, source: FrameSource) -> LiveFeed:
        """Show the frames of ``source`` as they come (``engine.data.frames``): the newest frame goes to the engine
        whenever the maps of the previous one are in; the others are dropped. Stop with :meth:`stop_live`."""
        if self.live is None:
            self.live = LiveFeed(self._on_live_frame, self._ready_for_frame, self)
            self.live.ended.connect(self._on_live_ended)
        self.live.start(source)
        return self.live

    def open_camera(self, index: int = 0) -> bool:
        """Show camera ``index`` live; a camera that is missing, busy or not permitted gets one sentence."""
        return self._start_live(lambda: CameraSource(index))

    def open_video(self, path: str) -> bool:
        """Show the video file at ``path`` live, at its frame rate; a file that is not a video gets one sentence."""
        return self._start_live(lambda: VideoFileSource(path))

    def freeze_live(self) -> None:
        """Space: stop the live source on the frame on screen, and ask for all of it (every layer's maps,
        Grad-CAM, occlusion) to be browsed at leisure."""
        if self.live is not None and self.live.is_running():
            self.stop_live()
            self._messages = [self.tr("Frozen on the current frame; choose a source under Live to go on.")]
            self._show_messages()
            self._inspect_shown_frame()

    def _inspect_shown_frame(self) -> None:
        """The frame on screen as an ordinary image: a live frame brought one layer's maps, this brings all."""
        self._inspect_when_in = False
        if self._shown_source is not None and self._shown_source.kind == "frame":
            self._source, self._using_sample = self._shown_source, False
            self._submit()

    def keep_frame(self) -> None:
        """S: the frame on screen joins the recent images."""
        if self._shown_source is None or self._shown_source.kind != "frame" or self._event is None:
            return
        self._frames_kept += 1
        kept = _Source(pixels=self._shown_source.pixels, name=self.tr("Frame {number}").format(
            number=self._frames_kept))
        self._remember(kept, self._event)

    def _start_live(self, make_source) -> bool:
        self.stop_live()
        self._messages = []
        try:
            source = make_source()
        except UserInputError as error:
            self._messages.append(str(error))
            self._show_messages()
            return False
        self._show_messages()
        self.start_live(source)
        return True

    def _fill_cameras(self) -> None:
        """The system's cameras, listed when the menu opens (one may have been plugged in since)."""
        self.cameras_menu.clear()
        indices = camera_indices()
        for index in indices:
            action = self.cameras_menu.addAction(self.tr("Camera {index}").format(index=index))
            action.setData(index)
            action.triggered.connect(self._on_camera_chosen)
        if not indices:
            self.cameras_menu.addAction(self.tr("No camera found")).setEnabled(False)

    def _on_camera_chosen(self) -> None:
        self.open_camera(self.sender().data())

    def _on_live_ended(self) -> None:
        self._inspect_when_in = True  # once the frames still in flight are on screen, the last one in full
        if not self._frames:
            self._inspect_shown_frame()
        self._messages = [self.tr("The live source has no more frames (the video ended, or the camera stopped "
                                  "sending pictures: unplugged?). The last frame stays.")]
        self._show_messages()

    def _on_video_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a video"), "",
                                              self.tr("Videos (*.mp4 *.avi *.mov *.mkv *.webm);;All files (*)"))
        if path:
            self.open_video(path)

    def stop_live(self) -> None:
        """Stop the live source (its reader thread ends); the last frame's maps stay."""
        if self.live is not None:
            self.live.stop()
        self._cancel_frames()

    def live_running(self) -> bool:
        return self.live is not None and self.live.is_running()

    def _cancel_frames(self) -> None:
        """Frames still in flight are not shown: the frame on screen is the one the user stopped on."""
        for request_id in self._frames:
            self._engine.cancel(request_id)
        self._frames.clear()
        self._inspect_when_in = False

    def awaiting_maps(self) -> bool:
        """True while the maps of the last request have not come (nor its refusal or failure), or of a live
        frame in flight."""
        return bool(self._frames) or self._awaiting_image_maps()

    def _awaiting_image_maps(self) -> bool:
        return max(self._maps_id, self._done_id) < self._request_id

    def _ready_for_frame(self) -> bool:
        # Every new frame goes to the engine: while it serves one frame, the next waits in its queue, so it never
        # idles while an answer crosses to the screen (pipelining); a newer frame replaces the waiting one there
        # (InspectFrame's channel), so the engine starts on the newest frame, not one a forward pass old.
        return not self._awaiting_image_maps()

    def _on_live_frame(self, frame: np.ndarray) -> None:
        if self.digit_mode_action.isChecked() and self._model and get_info(self._model).input_shape[0] == 1:
            # Digit mode: a digit on paper becomes the network's input the way the pad's drawings do.
            digit = digit_from_photo(frame, side=max(8, get_info(self._model).input_shape[1] // 8 * 8),
                                     mnist=self._trained_on_mnist())
            frame = frame if digit.empty else digit.pixels
        source = _Source(pixels=frame, name=self.tr("Live frame"), kind="frame")
        source.arrival = self.live.arrival if self.live is not None else time.perf_counter()
        self._source, self._using_sample = source, False
        if self._model is None or get_info(self._model).input_shape[0] not in (1, 3) or not self.isVisible():
            return
        # Grad-CAM of a frame about once a second (with every frame it would cost a third of the frame rate),
        # asked again when the frame that asked was replaced in the queue before it was served.
        explain = (self.cam_check.isChecked() and time.perf_counter() - self._cam_at >= _LIVE_CAM_EVERY_S
                   and not self._engine.awaits(self._cam_frame))
        request_id = self._engine.submit(ev.InspectFrame(
            self._model, pixels=source.pixels, layer=self._layer, name=source.name, explain=explain,
            weights_file=self._weights_files.get(self._model, "")),
            {ev.FrameMapsReady: self._on_frame_maps_ready}, self._on_frame_failed)
        self._cam_frame = request_id if explain else self._cam_frame
        self._frames[request_id] = source
        # A frame replaced in the engine's queue gets no answer: forget it now (at most two stay: served, waiting).
        self._frames = {key: kept for key, kept in self._frames.items() if self._engine.awaits(key)}

    def _grid_hint_text(self) -> str:
        if self.draw_button.isChecked():
            return self.tr("Draw a digit on the black pad: the network reads it while you draw.")
        return self.tr("Drop an image anywhere on the window, open one, paste one, or click a sample below.")

    def _on_recent_clicked(self, item: QListWidgetItem) -> None:
        self._messages = []
        self._open(item.data(Qt.ItemDataRole.UserRole))

    def _on_open_clicked(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(IMAGE_SUFFIXES))
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Open images"), "",
                                                self.tr("Images ({patterns})").format(patterns=patterns))
        if paths:
            self.open_paths(paths)

    def _on_instead_clicked(self) -> None:
        instead = get_info(self._model).trained_instead if self._model else None
        if instead:
            self.model_requested.emit(instead)

    def _on_download_clicked(self) -> None:
        if self._model is not None:
            self._download = (0, 0)
            self._engine.submit(ev.DownloadWeights(self._model), {
                ev.WeightsDownloadProgress: self._on_download_progress,
                ev.WeightsDownloaded: self._on_weights_downloaded}, self._on_download_failed)
            self._show_weights()

    def _on_weights_file_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load weights"), "", self.tr(
            "PyTorch weights (*.pt *.pth *.ckpt *.bin);;All files (*)"))
        if path and self._model is not None:
            self._weights_files[self._model] = path
            self._messages = []
            self._show_messages()
            self._submit()

    def _on_default_weights_clicked(self) -> None:
        if self._model is not None and self._weights_files.pop(self._model, None):
            self._submit()

    # ------------------------------------------------------------ drawing

    def _show_input(self) -> None:
        if self._event is None:
            return
        event = self._event
        if self.normalised_check.isChecked():
            values = event.model_input.transpose(1, 2, 0)
            values = values[..., 0] if values.shape[2] == 1 else values
            self.input_panel.show_array(values, levels=(float(values.min()), float(values.max())),
                                        colormap="CET-L1" if values.ndim == 2 else None)
        else:
            self.input_panel.show_array(event.crop, levels=(0, 255), colormap="CET-L1" if event.crop.ndim == 2
                                        else None)
        self._show_cam()

    def _show_cam(self) -> None:
        if self._cam is None:
            self.cam_overlay.clear()
            return
        lut = pg.colormap.get(_CAM_COLORMAP).getLookupTable(nPts=256, alpha=True)
        lut[:, 3] = np.linspace(0, _CAM_OPACITY, 256).astype(np.uint8)
        picture = self._cam.cam
        if self.occlusion_check.isChecked():
            if self._occlusion is None:
                self.cam_overlay.clear()
                return
            # Where covering lowers the class's probability, scaled to the largest drop; a rise shows nothing.
            drop = np.clip(self._occlusion.drop, 0.0, None)
            picture = drop / drop.max() if drop.max() > 0 else drop
        self.cam_overlay.setImage(picture, levels=(0.0, 1.0), lut=lut)
        self.cam_overlay.setRect(QRectF(0, 0, self._event.crop.shape[1], self._event.crop.shape[0]))
        self.cam_overlay.setVisible((self.cam_check.isChecked() or self.occlusion_check.isChecked())
                                    and not self._unit_shown())

    def _show_layer(self) -> None:
        if self._event is None:
            self.grid_hint.setVisible(True)
            return
        self.grid_hint.setVisible(False)
        layer = self._event.layers[self.layer_slider.value()]
        if not layer.maps.size:  # a live frame brought another row: this one's maps come with the next frame
            self.grid.blank()
            self.enlarged_panel.blank()
            self.grid.mark(None)
            self._show_layer_label()
            return
        self.grid.set_maps(layer.maps, per_channel=self.scale_combo.currentIndex() == 0)
        self._channel = min(self._channel, layer.maps.shape[0] - 1)
        self._show_enlarged()
        self._show_layer_label()

    def _show_enlarged(self) -> None:
        if self._event is None or not self._event.layers[self.layer_slider.value()].maps.size:
            return
        layer = self._event.layers[self.layer_slider.value()]
        scaled = normalised_map(layer.maps, self._channel, per_channel=self.scale_combo.currentIndex() == 0)
        self.enlarged_panel.show_array(scaled, levels=(0.0, 1.0), colormap=COLORMAP)
        self.grid.mark(self._channel)
        self._show_unit_marker()
        self._show_enlarged_caption()

    def _show_enlarged_caption(self) -> None:
        if self._event is None or not self._event.layers[self.layer_slider.value()].maps.size:
            return
        layer = self._event.layers[self.layer_slider.value()]
        self.enlarged_caption.setText(self.tr("Map {channel} of {count} in {layer}").format(
            channel=self._channel + 1, count=layer.maps.shape[0], layer=layer.name))

    def _unit_shown(self) -> bool:
        """True while the clicked unit's fields are drawn on the input (they take the Grad-CAM's place)."""
        return self._unit_event is not None and self.unit_check.isChecked()

    def _show_unit(self) -> None:
        """The clicked unit's fields on the input, its place on the enlarged map, its arithmetic and caption."""
        event = self._unit_event
        shown = self._unit_shown() and self._event is not None
        self.unit_view.set_explanation(event)
        self.cam_overlay.setVisible(self._cam is not None and self.cam_check.isChecked() and not shown)
        self.unit_box.setVisible(shown and event.box is not None)
        self.erf_overlay.setVisible(shown)
        self._show_unit_marker()
        self._show_unit_caption()
        if not shown:
            return
        height, width = self._event.crop.shape[:2]
        if event.box is not None:
            top, left, bottom, right = event.box
            self.unit_box.setRect(QRectF(left, top, right - left, bottom - top))
        lut = pg.colormap.get(_ERF_COLORMAP).getLookupTable(nPts=256, alpha=True)
        lut[:, 3] = np.linspace(0, 230, 256).astype(np.uint8)
        # The square root: a deep unit's gradient is a sharp peak, and its faint tails are part of the field.
        self.erf_overlay.setImage(np.sqrt(event.effective), levels=(0.0, 1.0), lut=lut)
        self.erf_overlay.setRect(QRectF(0, 0, width, height))

    def _show_unit_marker(self) -> None:
        """Outline the clicked unit's pixel on the enlarged map (in its displayed, maybe pooled, pixels)."""
        event, layers = self._unit_event, None if self._event is None else self._event.layers
        if event is None or layers is None or event.layer != layers[self.layer_slider.value()].index or \
                event.channel != self._channel or len(layers[event.layer].shape) != 3 or \
                not layers[event.layer].maps.size:
            self.unit_marker.setVisible(False)
            return
        layer = layers[event.layer]
        factor = max(1, layer.shape[1] // layer.maps.shape[1]), max(1, layer.shape[2] // layer.maps.shape[2])
        self.unit_marker.setRect(QRectF(event.x // factor[1], event.y // factor[0], 1, 1))
        self.unit_marker.setVisible(True)

    def _show_unit_caption(self) -> None:
        event = self._unit_event
        if event is None or self._event is None:
            self.unit_caption.setText(self.tr("Click a pixel of a map: the input pixels that unit sees are drawn "
                                              "on the image.") if self._event is not None else "")
            return
        height, width = self._event.crop.shape[:2]
        text = self.tr("Unit ({channel}, {y}, {x}) of {layer}, value {value}.").format(
            channel=event.channel, y=event.y, x=event.x, layer=event.layer_name, value=f"{event.value:.4g}")
        if event.rf_size is not None and event.box is not None:
            top, left, bottom, right = event.box
            text += " " + self.tr("Theoretical receptive field (box): {size} pixels, {inside} of them inside the "
                                  "{image} image.").format(
                size=f"{event.rf_size[0]}×{event.rf_size[1]}", inside=f"{bottom - top}×{right - left}",
                image=f"{height}×{width}")
        if event.effective.any():
            text += " " + self.tr("Effective receptive field (colour): how strongly each pixel moves the unit, "
                                  "|∂unit/∂pixel| (square root).")
        else:
            text += " " + self.tr("No input pixel moves this unit here (a ReLU has cut it to 0), so its effective "
                                  "receptive field is empty: click a brighter unit.")
        self.unit_caption.setText(text)

    def _show_filters(self) -> None:
        filters = None if self._event is None else self._event.filters
        if filters is not None and filters is self._filters_shown:
            return  # the same model's filters (one array for all its images): a live frame need not redraw them
        self._filters_shown = filters
        if filters is None:
            self.filters_panel.blank()
            return
        count, height, width, channels = filters.shape
        rows, columns, gap = mosaic_shape(count, height, width)
        sheet = np.ones((rows * (height + gap) - gap, columns * (width + gap) - gap, channels), np.float32)
        for index in range(count):
            row, column = divmod(index, columns)
            top, left = row * (height + gap), column * (width + gap)
            sheet[top:top + height, left:left + width] = filters[index]
        picture = sheet[..., 0] if channels == 1 else sheet
        self.filters_panel.show_array(picture, levels=(0.0, 1.0), colormap="CET-L1" if channels == 1 else None)

    def _show_predictions(self) -> None:
        predictions = () if self._event is None else self._event.predictions
        chosen = self._cam.class_index if self._cam is not None else None
        self.top_classes.set_predictions(predictions, chosen)

    def _show_messages(self) -> None:
        self.message_label.setText("\n".join(localized(message) for message in self._messages))
        self.message_label.setVisible(bool(self._messages))

    def _show_busy(self) -> None:
        self.busy_label.setText(self.tr("Working…") if self.is_busy() else "")

    def _remember(self, source: _Source, event: ev.FeatureMapsReady | None) -> None:
        """Put ``source`` first in the recent strip (once), with a thumbnail once it has been shown."""
        for row in range(self.recent.count()):
            if self.recent.item(row).data(Qt.ItemDataRole.UserRole).same_as(source):
                item = self.recent.takeItem(row)
                break
        else:
            item = QListWidgetItem(self._unseen_icon, source.name)
            item.setData(Qt.ItemDataRole.UserRole, source)
            item.setToolTip(source.path or source.name)
        # A new icon only when the picture changes (first shown, or another model's crop): every QIcon drawn
        # leaves its scaled pixmaps in Qt's pixmap cache, so re-making the same thumbnail on every drop of the
        # same image grew the process drop after drop (issue 15).
        if event is not None and item.data(_PICTURED_ROLE) != event.model:
            self._pictured.add(source.path)
            thumbnail = QPixmap.fromImage(qimage_of(event.crop)).scaled(
                _THUMBNAIL, _THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)
            item.setIcon(QIcon(thumbnail))  # scaled here: an icon is never enlarged, and LeNet sees 32×32
            item.setData(_PICTURED_ROLE, event.model)
        self.recent.insertItem(0, item)
        while self.recent.count() > _RECENT_KEPT:
            dropped = self.recent.takeItem(self.recent.count() - 1).data(Qt.ItemDataRole.UserRole)
            # What was kept about a file that left the strip goes with it, so it does not pile up either.
            self._pictured.discard(dropped.path)
            self._thumbnails_asked.discard(dropped.path)
            self._thumbnails_pending.discard(dropped.path)

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.download_button.setToolTip(self.tr("Download torchvision's ImageNet weights into this computer's "
                                                "torch cache (needs the internet once)"))
        self.weights_file_button.setText(self.tr("Load weights file…"))
        self.prepare_link.setText('<a href="prepare">{}</a>'.format(self.tr("Prepare for class…")))
        self.prepare_link.setToolTip(self.tr("Which pages show trained weights, and fetching all of them at once"))
        self.default_weights_button.setText(self.tr("Use default weights"))
        self.input_title.setText(self.tr("What the network sees"))
        self.enlarged_title.setText(self.tr("Selected map"))
        self.normalised_check.setText(self.tr("Show normalised values"))
        self.unit_check.setText(self.tr("Receptive field of the clicked unit"))
        self.lower_tabs.setTabText(0, self.tr("Top 5 and filters"))
        self.lower_tabs.setTabText(1, self.tr("One unit, computed"))
        self.predictions_title.setText(self.tr("Top 5 (click one for its Grad-CAM)"))
        self.layer_title.setText(self.tr("Layer"))
        self.scale_combo.setItemText(0, self.tr("Each map on its own scale"))
        self.scale_combo.setItemText(1, self.tr("One scale for the whole layer"))
        self.grid_hint.setText(self._grid_hint_text())
        self.draw_button.setText(self.tr("Draw a digit"))
        self.live_button.setText(self.tr("Live"))
        self.live_button.setToolTip(self.tr("Feature maps of a camera or a video, frame by frame"))
        self.cameras_menu.setTitle(self.tr("Camera"))
        self.video_action.setText(self.tr("Video file…"))
        self.freeze_action.setText(self.tr("Freeze the frame"))
        self.keep_frame_action.setText(self.tr("Add the frame to the images"))
        self.digit_mode_action.setText(self.tr("Digit mode: a digit on paper, cropped and made like the training "
                                               "digits (one-channel models)"))
        self.draw_button.setToolTip(self.tr("A pad to draw a digit on with the mouse, a pen or a finger"))
        self.pad_title.setText(self.tr("Your drawing"))
        self.undo_button.setText(self.tr("Undo"))
        self.clear_button.setText(self.tr("Clear"))
        self.keep_button.setText(self.tr("Add to images"))
        self._show_pad_caption()
        self.recent_title.setText(self.tr("Images"))
        self.open_button.setText(self.tr("Open images…"))
        self.paste_button.setText(self.tr("Paste image"))
        self._show_texts()
        self._show_messages()  # an engine message follows the language too
        self._show_busy()

    def _show_texts(self) -> None:
        self._show_weights()
        self._show_pad_caption()
        self._show_enlarged_caption()
        self._show_unit_caption()
        self._show_layer_label()
        self._show_input_caption()
        event = self._event
        if event is None or event.filters is None:
            self.filters_title.setText(self.tr("First-layer filters"))
        else:
            count, height, width, channels = event.filters.shape
            self.filters_title.setText(self.tr("First-layer filters: {count} of {size}").format(
                count=count, size=f"{height}×{width}×{channels}"))
        if self._cam is None:
            self.cam_check.setText(self.tr("Grad-CAM overlay"))
        else:
            self.cam_check.setText(self.tr("Grad-CAM overlay: where the image speaks for “{name}”").format(
                name=class_label(self._cam.class_name)))
        self.occlusion_check.setText(self.tr("Occlusion overlay: where covering the image lowers “{name}”").format(
            name=class_label(self._occlusion.class_name)) if self._occlusion is not None else
            self.tr("Occlusion overlay"))
        self.attribution_note.setText(self._attribution_text())

    def _attribution_text(self) -> str:
        """What the overlay's colours mean, and why Grad-CAM looks as it does on a tanh network."""
        if self.live_running():
            return self.tr("Live: every frame brings the maps of the layer on screen and the top-5; Grad-CAM is "
                           "redone about once a second. Freeze the frame (Space) for every layer, Grad-CAM and "
                           "occlusion of it.")
        if self.occlusion_check.isChecked():
            if self._occlusion is None:
                return self.tr("Occlusion: computing…")
            return self.tr(
                "Occlusion (Zeiler and Fergus, 2014): a {patch}×{patch} grey square slides over the image in steps "
                "of {stride} pixels; the colour is the drop of the class's probability where it covers, from none "
                "to the largest drop. It needs no gradient and holds for any activation.").format(
                patch=self._occlusion.patch, stride=self._occlusion.stride)
        if self._cam is None:
            return ""
        text = self.tr("Grad-CAM at {layer}, scaled from its weakest cell (no colour) to its strongest (full colour)."
                       ).format(layer=self._cam.layer)
        if self._cam.activation in ("tanh", "sigmoid"):
            text += " " + self.tr(
                "This network's units are {activation}: their activations are signed, and the background carries "
                "values as large as the strokes. Grad-CAM assumes non-negative (ReLU) activations, so here it "
                "lights the background beside the strokes; the occlusion overlay does not depend on the "
                "activation.").format(activation=self._cam.activation)
        return text

    def _show_layer_label(self) -> None:
        if self._event is None:
            self.layer_label.setText("")
            return
        layer = self._event.layers[self.layer_slider.value()]
        # The paper's name first, the torch module second, as in the diagram and the layer table.
        name = f"{layer.paper_name} · {layer.name}" if layer.paper_name and layer.paper_name != layer.name \
            else layer.name
        text = self.tr("{index} of {last}: {name} ({op}), output {shape}").format(
            index=layer.index, last=len(self._event.layers) - 1, name=name, op=layer.op,
            shape=shape_text(layer.shape))
        if not layer.maps.size:
            text += " · " + self.tr("its maps come with the next frame")
        elif len(layer.shape) == 3 and layer.maps.shape[0] < layer.shape[0]:
            text += " · " + self.tr("first {shown} of {count} maps").format(
                shown=layer.maps.shape[0], count=layer.shape[0])
        elif len(layer.shape) != 3:
            text += " · " + self.tr("{count} values, laid out row by row").format(count=exact(math.prod(
                layer.shape)))
        self.layer_label.setText(text)

    def _show_pad_caption(self) -> None:
        if self._trained_on_mnist():
            self.pad_caption.setText(self.tr(
                "Made like MNIST's digits (the weights were trained on MNIST): the drawing is scaled to fit a 20×20 "
                "box, its aspect kept, and placed in 28×28 with its centre of mass at the centre."))
        else:
            self.pad_caption.setText(self.tr(
                "Made like the training digits: the drawing is scaled to fill a 32×32 bitmap, the ink of each 4×4 "
                "block counted (0 to 16), and the 8×8 counts enlarged to the network's input."))

    def _show_input_caption(self) -> None:
        event = self._event
        if event is None:
            self.input_caption.setText("")
            return
        height, width = event.crop.shape[:2]
        parts = [self.tr("{name}, {width}×{height} → {size} after resize and centre crop").format(
            name=event.name, width=event.original_size[0], height=event.original_size[1],
            size=f"{width}×{height}")]
        if event.mean:
            parts.append(self.tr("normalised: mean {mean}, std {std}").format(
                mean=", ".join(f"{m:.3f}" for m in event.mean), std=", ".join(f"{s:.3f}" for s in event.std)))
        if event.inverted:
            parts.append(self.tr("inverted to light strokes on dark, as the network was trained"))
        parts += [localized(note) for note in event.notes]
        self.input_caption.setText("; ".join(parts))

    def _style_weights(self, style: str) -> None:
        # Only when it changes: setting a style sheet re-polishes the label, and a live feed shows ~30 frames a second.
        if self.weights_label.styleSheet() != style:
            self.weights_label.setStyleSheet(style)

    def _show_weights(self) -> None:
        status = None if self._event is None or self._event.model != self._model else self._event.weights
        title = get_info(self._model).title if self._model else ""
        downloading = self._download is not None
        self.download_progress.setVisible(downloading)
        self.download_button.setVisible(bool(status and status.downloadable) and not downloading)
        self.default_weights_button.setVisible(bool(status and status.kind == "file"))
        instead = get_info(self._model).trained_instead if self._model else None
        self.instead_button.setVisible(bool(status and status.kind == "random" and instead))
        if instead:
            self.instead_button.setText(self.tr("Show {model}").format(model=get_info(instead).title))
        if downloading:
            done, total = self._download
            self.download_progress.setRange(0, max(total, 1) if total else 0)
            self.download_progress.setValue(done)
            self.weights_label.setText(self.tr("Downloading the weights of {model}: {done} of {total} MB…").format(
                model=title, done=f"{done / 1e6:.0f}", total=f"{total / 1e6:.0f}" if total else "?"))
            self._style_weights(NOTICE_STYLE)
            return
        if status is None:
            loading = title and self.is_busy()
            self.weights_label.setText(self.tr("Loading {model}…").format(model=title) if loading else "")
            self._style_weights("")
            return
        if status.downloadable:
            self.download_button.setText(self.tr("Download weights ({size} MB)").format(
                size=f"{status.download_bytes / 1e6:.0f}"))
        texts = {
            "shipped": self.tr("Trained weights that ship with the app ({detail})."),
            "cache": self.tr("torchvision's ImageNet weights ({detail}), from this computer's torch cache."),
            "file": self.tr("Weights from {path}."),
            "random": self.tr("Random weights: no trained weights for {model} are on this computer, so its "
                              "guesses below mean nothing. The maps show what untrained filters do."),
        }
        text = texts.get(status.kind, "").format(detail=status.detail, path=Path(status.path).name, model=title)
        if status.kind == "random" and instead:
            text = self.tr("No trained weights exist for {model}: none were ever published in a form torch can "
                           "load, so its guesses below mean nothing and the maps show what untrained filters do. "
                           "{other} has ImageNet weights from torchvision.").format(
                model=title, other=get_info(instead).title)
        if status.kind == "random" and status.downloadable:
            text += " " + self.tr("Download them once (online) to see real predictions, or load a weights file.")
        if status.problem:
            text += " " + self.tr("Problem: {problem}").format(problem=status.problem)
        self.weights_label.setText(text)
        self._style_weights(NOTICE_STYLE if status.kind == "random" else GOOD_STYLE)


def _titled(title: QLabel, body: QWidget) -> QVBoxLayout:
    """``title`` over ``body``, the body taking the height."""
    column = QVBoxLayout()
    column.addWidget(title)
    column.addWidget(body, 1)
    return column


def _outline(panel: ImagePanel, width: int) -> QGraphicsRectItem:
    """A rectangle drawn over ``panel``'s picture (hidden until placed), not counted in its fit."""
    outline = QGraphicsRectItem()
    pen = QPen(_UNIT_COLOUR, width)
    pen.setCosmetic(True)  # the same width in screen pixels whatever the picture's scale
    outline.setPen(pen)
    outline.setZValue(10)
    outline.setVisible(False)
    panel.box.addItem(outline, ignoreBounds=True)
    return outline


def _placeholder_icon() -> QIcon:
    """A light square for an image not shown yet (its thumbnail comes from the engine once it is)."""
    pixmap = QPixmap(_THUMBNAIL, _THUMBNAIL)
    pixmap.fill(QColor("#e9ecef"))
    return QIcon(pixmap)


class _WholeCombo(QComboBox):
    """A combo box never narrower than its longest choice: Qt's own may be cut to a few letters, and a layout
    that reflows by minimum widths then puts it beside a control it should have gone under."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()
