"""The main window: sections in lecture order, menus, drag-and-drop, status bar and saved state."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from engine import events as ev
from engine.transfer import FINE_TUNING_LR
from gui.augmentation_view import AugmentationView
from gui.cost_view import CostView
from gui.depth_view import DepthView
from gui.engine_bridge import EngineBridge
from gui.feature_map_view import FeatureMapView
from gui.i18n import LANGUAGES, current_language, localized, set_language
from gui.inception_view import InceptionView
from gui.model_page import ModelPageView
from gui.nin_view import NinView
from gui.overview_view import OverviewView
from gui.training_view import TrainingView
from gui.transfer_view import TransferLearningView
from gui.widgets import LanguageAware, scaled_font

__all__ = ["MainWindow", "SECTIONS"]

# Lecture order (shared/lecture): the navigation, PageUp/PageDown and --page all follow it.
SECTIONS = ("overview", "lenet", "alexnet", "vgg", "resnet", "nin", "inception", "transfer", "augmentation",
            "datasets")
_MODEL_SECTIONS = ("lenet", "alexnet", "vgg", "resnet", "nin", "inception")
_PAGE_MINIMUM = QSize(1040, 820)  # the pages are laid out for at least this; below it they scroll


class MainWindow(LanguageAware, QMainWindow):
    """The app. Owns the engine bridge and routes its events to the pages."""

    files_dropped = Signal(list)  # list[str] of local paths, for the view that takes images

    def __init__(self, bridge: EngineBridge, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 600)
        self._device_kind = ""
        self._device_name = ""
        self._engine_state = "starting"

        self.nav = QListWidget(self)
        self.nav.setFont(scaled_font(self, 1.25))
        self.nav.setMinimumWidth(230)
        self.pages = QStackedWidget(self)
        self.overview = OverviewView(self)
        self.model_pages = {key: ModelPageView(key, self) for key in _MODEL_SECTIONS}
        self.nin_view = NinView(bridge, self)
        self.inception_view = InceptionView(self)
        self.cost_view = CostView(self)
        self.feature_view = FeatureMapView(bridge, self)
        self._feature_page: ModelPageView | None = None  # the model page the feature view is lent to
        self.augmentation_view = AugmentationView(bridge, self)
        # The pages that run the user's latest image follow the feature maps' image.
        for page in (self.nin_view.live, self.augmentation_view):
            page.images.source = self.feature_view.user_image
            self.feature_view.image_opened.connect(page.refresh)
        # The 1×1 and Inception sections follow the lecture's slides: the idea, its cost, then the network.
        self.depth_view = DepthView(bridge, self)
        self.transfer_view = TransferLearningView(bridge, self)
        self.transfer_view.train_requested.connect(self.set_up_training)
        self.section_tabs = {
            "resnet": self._tabs(self.model_pages["resnet"], self.depth_view),
            "nin": self._tabs(self.nin_view, self.model_pages["nin"]),
            "inception": self._tabs(self.inception_view, self.cost_view, self.model_pages["inception"]),
        }
        self.section_pages: dict[str, QWidget] = {
            "overview": self.overview,
            **self.model_pages,
            **self.section_tabs,
            "transfer": self.transfer_view,
            "augmentation": self.augmentation_view,
            "datasets": self._datasets_page(),
        }
        for key in SECTIONS:
            self.nav.addItem(QListWidgetItem())
            self.pages.addWidget(self._scrolling(self.section_pages[key]))
        self.nav.currentRowChanged.connect(self._on_section_changed)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1500])
        self.setCentralWidget(splitter)

        # Training lives in a dock: beside any page, or floated onto a second screen. Its panel (four live
        # plots) is built when the dock is first shown, not at start-up.
        self.training_view: TrainingView | None = None
        self.training_dock = QDockWidget(self)
        self.training_dock.setObjectName("training")
        self.training_dock.visibilityChanged.connect(self._on_training_visibility)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.training_dock)
        self.training_dock.hide()
        self._training_placed = False

        self.device_label = QLabel(self)
        self.engine_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.device_label)
        self.statusBar().addPermanentWidget(self.engine_label)
        self._build_menus()
        self._build_shortcuts()
        self._connect_engine()
        self.retranslate()

    # ------------------------------------------------------------ construction

    def _tabs(self, *pages: QWidget) -> QTabWidget:
        tabs = QTabWidget(self)
        tabs.setFont(scaled_font(self, 1.15))
        for page in pages:
            page.setFont(self.font())  # the tab bar's larger font is for the tabs only
            tabs.addTab(page, "")
        return tabs

    def _scrolling(self, page: QWidget) -> QScrollArea:
        """``page`` in a scroll area: a window too small for it (a 1366×768 laptop) scrolls it rather than
        squeezing its figures into each other."""
        page.setMinimumSize(_PAGE_MINIMUM)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(page)
        return area

    def _datasets_page(self) -> QWidget:
        from gui.datasets_view import DatasetsView

        return DatasetsView(self)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_action = QAction(self, shortcut=QKeySequence.StandardKey.Open, triggered=self._on_open_images)
        self.paste_action = QAction(self, shortcut=QKeySequence.StandardKey.Paste, triggered=self._on_paste_image)
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        self.file_menu.addActions([self.open_action, self.paste_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.previous_action = QAction(self, triggered=lambda: self.step_section(-1))
        self.next_action = QAction(self, triggered=lambda: self.step_section(1))
        self.fullscreen_action = QAction(self, shortcut=QKeySequence(Qt.Key.Key_F11), checkable=True,
                                         triggered=self._on_fullscreen_toggled)
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True, data=code)
            action.triggered.connect(lambda _checked=False, c=code: self.change_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
        self.training_action = self.training_dock.toggleViewAction()
        self.training_action.setShortcut(QKeySequence("Ctrl+T"))
        self.training_action.toggled.connect(self._on_training_toggled)
        self.view_menu.addActions([self.previous_action, self.next_action, self.fullscreen_action,
                                   self.training_action])

        self.engine_menu = bar.addMenu("")
        self.device_menu = self.engine_menu.addMenu("")
        self.device_group = QActionGroup(self)
        self.device_actions: dict[str, QAction] = {}
        for kind in ("auto", "cuda", "mps", "cpu"):
            action = QAction(self, checkable=True, data=kind, enabled=kind in ("auto", "cpu"))
            action.triggered.connect(lambda _checked=False, k=kind: self.change_device(k))
            self.device_group.addAction(action)
            self.device_menu.addAction(action)
            self.device_actions[kind] = action
        preference = str(self.settings.value("device", "auto"))
        self.device_actions.get(preference, self.device_actions["auto"]).setChecked(True)

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self, triggered=self._on_about)
        self.help_menu.addAction(self.about_action)

    def _build_shortcuts(self) -> None:
        # Window-wide shortcuts, so a presenter's clicker works whichever widget has the focus.
        for key, step in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1)):
            shortcut = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda s=step: self.step_section(s))

    def _connect_engine(self) -> None:
        self.bridge.state_changed.connect(self._on_engine_state_changed)
        self.bridge.device_ready.connect(self._on_device_ready)
        self.bridge.zoo_ready.connect(self._on_zoo_ready)
        self.bridge.analysis_ready.connect(self._on_analysis_ready)
        self.bridge.request_failed.connect(self._on_request_failed)
        self.bridge.event_ready.connect(self._on_engine_event)
        for key, page in self.model_pages.items():
            page.analysis_wanted.connect(lambda name, k=key: self.bridge.submit(ev.Analyze(name, slot=k)))
            page.counterpart_wanted.connect(
                lambda name, k=key: self.bridge.submit(ev.Analyze(name, slot=f"{k}-counterpart")))
        self.inception_view.breakdowns_wanted.connect(lambda: self.bridge.submit(ev.DescribeInception()))
        for page in self.model_pages.values():
            page.views.currentChanged.connect(self._sync_feature_model)
            page.analysis_wanted.connect(self._sync_feature_model)  # the variant changed or arrived
            page.diagram.layer_selected.connect(lambda row, p=page: self._on_diagram_layer_selected(p, row))
        self.feature_view.layer_changed.connect(self._on_feature_layer_changed)
        self.feature_view.model_requested.connect(self._on_feature_model_requested)

    # ------------------------------------------------------------ public

    def start_engine(self) -> None:
        """Start the engine thread and ask for the zoo (call after the window is shown)."""
        self.bridge.start()
        self.bridge.submit(ev.DescribeZoo())

    def engine_idle(self) -> bool:
        """True once the engine has started and has nothing left to do."""
        return self._engine_state == "idle"

    def current_section(self) -> str:
        return SECTIONS[self.nav.currentRow()]

    def show_section(self, key: str) -> None:
        self.nav.setCurrentRow(SECTIONS.index(key))

    def step_section(self, step: int) -> None:
        row = min(max(self.nav.currentRow() + step, 0), len(SECTIONS) - 1)
        self.nav.setCurrentRow(row)

    def change_language(self, code: str) -> None:
        set_language(code)
        self.settings.setValue("language", current_language())

    def change_device(self, kind: str) -> None:
        self.settings.setValue("device", kind)
        self.bridge.submit(ev.SetDevice(kind))

    def restore_state(self, page: str | None = None) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            docks = self.settings.value("docks")
            if isinstance(docks, QByteArray):
                self.restoreState(docks)
        else:  # first start: fill the screen, as a projector wants
            self.resize(1600, 950)
            self.setWindowState(Qt.WindowState.WindowMaximized)
        saved = str(self.settings.value("page", "overview"))
        self.show_section(page if page in SECTIONS else saved if saved in SECTIONS else "overview")

    # ------------------------------------------------------------ Qt events

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            self.statusBar().showMessage(self.tr("Only local files and folders can be dropped."), 8000)
            return
        event.acceptProposedAction()
        self._on_files_dropped(paths)

    def closeEvent(self, event) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("docks", self.saveState())
        self.settings.setValue("page", self.current_section())
        self.settings.sync()
        self.bridge.shutdown(timeout=2.0)
        super().closeEvent(event)

    # ------------------------------------------------------------ handlers

    def _on_section_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        page = self.model_pages.get(SECTIONS[row])
        if page is not None:
            self._lend_feature_view(page)
        self.setWindowTitle(self.tr("CNN Casebook") + " — " + self.nav.item(row).text())

    def set_up_training(self, model: str, transfer: str) -> None:
        """Open the training panel with ``model`` and ``transfer`` chosen, at a fine-tuning learning rate; the
        lecturer picks the data and starts."""
        panel = self._training_panel()
        panel.set_options(replace(panel.options(), model=model, transfer=transfer, optimizer="sgd",
                                  lr=FINE_TUNING_LR))
        self.training_dock.show()
        self.training_dock.raise_()

    def _training_panel(self) -> TrainingView:
        if self.training_view is None:
            self.training_view = TrainingView(self.bridge, self)
            self.training_dock.setWidget(self.training_view)
        return self.training_view

    def _on_training_visibility(self, visible: bool) -> None:
        if visible:
            self._training_panel()

    def _on_training_toggled(self, shown: bool) -> None:
        if shown and not self._training_placed:
            # The controls, curves and maps need most of a screen: float it large; it can be docked back.
            self._training_placed = True
            self.training_dock.setFloating(True)
            frame = self.geometry()
            self.training_dock.setGeometry(frame.adjusted(frame.width() // 16, frame.height() // 16,
                                                          -frame.width() // 16, -frame.height() // 16))

    def _on_fullscreen_toggled(self, checked: bool) -> None:
        self.showFullScreen() if checked else self.showNormal()

    def _on_files_dropped(self, paths: list[str]) -> None:
        names = ", ".join(Path(p).name or p for p in paths[:3])
        more = len(paths) - 3
        if more > 0:
            names += " " + self.tr("(+{count} more)").format(count=more)
        self.statusBar().showMessage(self.tr("Dropped: {names}").format(names=names), 15000)
        self._raise_feature_view()
        self.feature_view.open_paths(paths)
        self.files_dropped.emit(paths)

    def _on_open_images(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Open images"), "", self.tr(
            "Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff);;All files (*)"))
        if paths:
            self._raise_feature_view()
            self.feature_view.open_paths(paths)

    def _on_paste_image(self) -> None:
        self._raise_feature_view()
        self.feature_view.open_clipboard_image()

    # ------------------------------------------------------------ the feature-map view

    def _lend_feature_view(self, page: ModelPageView, on_top: bool = False) -> None:
        """Move the one feature-map view to ``page`` (the model page on screen)."""
        previous = self._feature_page
        if previous is not None and previous is not page:
            previous.views.removeTab(previous.views.indexOf(self.feature_view))
        self._feature_page = page
        page.show_feature_view(self.feature_view, on_top)
        self._sync_feature_model()

    def _raise_feature_view(self) -> None:
        """Images go to the feature maps of the model on screen, or of the last model page shown (LeNet-5 first).
        On the 1×1 and augmentation pages the window stays: they take the image (through ``image_opened``)."""
        if self.nin_view.isVisible() or self.augmentation_view.isVisible():
            return
        page = self.model_pages.get(self.current_section()) or self._feature_page or self.model_pages["lenet"]
        self.show_section(next(key for key, p in self.model_pages.items() if p is page))
        tabs = self.section_tabs.get(page.section)
        if tabs is not None:
            tabs.setCurrentWidget(page)
        self._lend_feature_view(page, on_top=True)

    def _sync_feature_model(self) -> None:
        # Only the visible feature tab runs a model: VGG-16 costs half a gigabyte and seconds to build.
        page = self._feature_page
        if page is not None and page.views.currentWidget() is self.feature_view and page.current_model():
            self.feature_view.set_model(page.current_model())

    def _on_diagram_layer_selected(self, page: ModelPageView, row: int) -> None:
        if page is self._feature_page:
            self.feature_view.select_layer(row)

    def _on_feature_model_requested(self, name: str) -> None:
        """Show ``name`` on the page that has the feature maps (a trained sibling of a model without weights)."""
        page = self._feature_page
        if page is not None and page.variant_combo.findData(name) >= 0:
            page.variant_combo.setCurrentIndex(page.variant_combo.findData(name))

    def _on_feature_layer_changed(self, row: int) -> None:
        if self._feature_page is not None:
            self._feature_page.diagram.select_layer(row)

    def _on_engine_state_changed(self, event: ev.EngineStateChanged) -> None:
        self._engine_state = event.state
        self._show_engine_state()

    def _on_device_ready(self, event: ev.DeviceReady) -> None:
        self._device_kind, self._device_name = event.kind, event.name
        for kind, action in self.device_actions.items():
            action.setEnabled(kind == "auto" or kind in event.available)
        self._show_engine_state()

    def _on_zoo_ready(self, event: ev.ZooReady) -> None:
        self.overview.set_entries(event.entries)
        for key, page in self.model_pages.items():
            page.set_entries([e for e in event.entries if e.section == key])

    def _on_analysis_ready(self, event: ev.AnalysisReady) -> None:
        for page in self.model_pages.values():
            page.set_analysis(event)

    def _on_engine_event(self, event: ev.Event) -> None:
        if isinstance(event, ev.InceptionReady):
            self.inception_view.set_breakdowns(event.breakdowns)

    def _on_request_failed(self, event: ev.RequestFailed) -> None:
        self.statusBar().showMessage(localized(event.message), 15000)

    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About CNN Casebook"), self.tr(
            "CNN Casebook teaches the classic convolutional networks: LeNet-5, AlexNet, VGG-16, ResNet, "
            "1×1 convolutions and Inception. Every figure it shows is measured on the real model."))

    # ------------------------------------------------------------ texts

    def _section_titles(self) -> dict[str, str]:
        return {
            "overview": self.tr("Case studies"),
            "lenet": self.tr("LeNet-5"),
            "alexnet": self.tr("AlexNet"),
            "vgg": self.tr("VGG-16"),
            "resnet": self.tr("ResNet"),
            "nin": self.tr("1×1 convolution"),
            "inception": self.tr("Inception"),
            "transfer": self.tr("Transfer learning"),
            "augmentation": self.tr("Data augmentation"),
            "datasets": self.tr("Data sets"),
        }

    def _section_questions(self) -> dict[str, str]:
        return {
            # The deck's key points are statements, not questions: no "Q." before them.
            "lenet": self.tr("Average pooling · a sigmoid-shaped activation (tanh; the paper scales it) · "
                             "few parameters"),
            "alexnet": self.tr("Max pooling · ReLU activation · many parameters"),
            "vgg": self.tr("2×2 max pooling with stride 2 · channels double at every stage · "
                           "many parameters to train"),
            "resnet": self.tr("Q. Why, in practice, does the error grow as layers are stacked?"),
            "nin": self.tr("A 1×1 convolution reduces the number of channels and adds non-linearity."),
            "inception": self.tr("Don't choose a filter size or pooling: apply them all and let the network "
                                 "learn the combination."),
        }

    def retranslate(self) -> None:
        titles = self._section_titles()
        for row, key in enumerate(SECTIONS):
            self.nav.item(row).setText(f"{row + 1}. {titles[key]}")
        questions = self._section_questions()
        for key, page in self.model_pages.items():
            page.set_section_texts(titles[key], questions[key])
        tab_titles = {
            "resnet": (self.tr("Diagram and layers"), self.tr("Plain vs residual")),
            "nin": (self.tr("1×1 convolution"), self.tr("Diagram and layers")),
            "inception": (self.tr("Inception module"), self.tr("Cost of a 1×1 bottleneck"),
                          self.tr("Diagram and layers")),
        }
        for key, tabs in self.section_tabs.items():
            for index, title in enumerate(tab_titles[key]):
                tabs.setTabText(index, title)
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.open_action.setText(self.tr("&Open images…"))
        self.paste_action.setText(self.tr("&Paste image"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        for action in self.language_group.actions():
            action.setChecked(action.data() == current_language())
        self.previous_action.setText(self.tr("Previous section (Page Up)"))
        self.next_action.setText(self.tr("Next section (Page Down)"))
        self.fullscreen_action.setText(self.tr("Full screen"))
        self.training_dock.setWindowTitle(self.tr("Training"))
        self.training_action.setText(self.tr("Training panel"))
        self.engine_menu.setTitle(self.tr("&Engine"))
        self.device_menu.setTitle(self.tr("Compute device"))
        names = {"auto": self.tr("Automatic (CUDA, then MPS, then CPU)"), "cuda": self.tr("CUDA GPU"),
                 "mps": self.tr("Apple MPS"), "cpu": self.tr("CPU")}
        for kind, action in self.device_actions.items():
            action.setText(names[kind])
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About CNN Casebook"))
        if self.nav.currentRow() >= 0:
            self._on_section_changed(self.nav.currentRow())
        self._show_engine_state()

    def _show_engine_state(self) -> None:
        states = {"starting": self.tr("starting"), "idle": self.tr("ready"), "busy": self.tr("working"),
                  "stopped": self.tr("stopped")}
        self.engine_label.setText(self.tr("Engine: {state}").format(state=states.get(self._engine_state, "")))
        if not self._device_kind:
            self.device_label.setText(self.tr("Device: detecting…"))
        elif self._device_kind == "cpu":
            self.device_label.setText(self.tr("Device: CPU"))
        else:
            self.device_label.setText(self.tr("Device: {name}").format(name=self._device_name))
