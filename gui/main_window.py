"""The main window: sections in lecture order, menus, drag-and-drop, status bar and saved state."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
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
    QVBoxLayout,
    QWidget,
)

from gui.engine_bridge import EngineBridge
from gui.i18n import LANGUAGES, current_language, localized, set_language
from gui.throttle import weakly
from gui.widgets.text import LanguageAware, scaled_font
from gui.widgets.zoom import adopt, app_zoom, zoom_factor

if TYPE_CHECKING:
    from engine.runtime import events as ev
    from gui.feature_maps.view import FeatureMapView
    from gui.pages.model_page import ModelPageView
    from gui.panels.training import TrainingView

__all__ = ["MainWindow", "SECTIONS"]

# Lecture order (shared/lecture): the navigation, PageUp/PageDown and --page all follow it.
SECTIONS = ("overview", "lenet", "alexnet", "vgg", "resnet", "nin", "inception", "transfer", "augmentation",
            "datasets")
_MODEL_SECTIONS = ("lenet", "alexnet", "vgg", "resnet", "nin", "inception")
_PRESENT_ZOOM = 150  # presenter mode's zoom at least: the back row of a lecture hall
_PAGE_MINIMUM = QSize(1040, 820)  # the pages are laid out for at least this; below it they scroll



def _page_minimum() -> QSize:
    """The size the pages are laid out for at the app's zoom: taller with larger text, so that a page scrolls
    rather than squeezing its figures; as wide only up to a 1366-pixel screen's room beside the navigation
    (about 1,000 px at 150 %: the navigation grows with the zoom; 1,060 made every page scroll sideways there)."""
    factor = zoom_factor()
    return QSize(min(round(_PAGE_MINIMUM.width() * factor), 1000), round(_PAGE_MINIMUM.height() * factor))


def _model_page(section: str) -> Callable[[MainWindow], QWidget]:
    def build(window: MainWindow) -> QWidget:
        from gui.pages.model_page import ModelPageView

        return ModelPageView(section, window.bridge, window)

    return build


def _page(module: str, name: str, with_bridge: bool = True) -> Callable[[MainWindow], QWidget]:
    def build(window: MainWindow) -> QWidget:
        view = getattr(importlib.import_module(module), name)
        return view(window.bridge, window) if with_bridge else view(window)

    return build


def _experiment_page(name: str) -> Callable[[MainWindow], QWidget]:
    def build(window: MainWindow) -> QWidget:
        from gui.experiments.view import ExperimentView

        return ExperimentView(name, window.bridge, window)

    return build


# Each page's key and how to build it. A model page's key is its section's ("lenet"), but inside a section with
# tabs of its own ("nin", "inception") it is "<section>-model".
_PAGE_BUILDERS: dict[str, Callable[[MainWindow], QWidget]] = {
    "overview": _page("gui.pages.overview", "OverviewView", with_bridge=False),
    "lenet": _model_page("lenet"),
    "alexnet": _model_page("alexnet"),
    "vgg": _model_page("vgg"),
    "resnet": _model_page("resnet"),
    "depth": _page("gui.pages.depth", "DepthView"),
    "nin": _page("gui.pages.nin", "NinView"),
    "nin-model": _model_page("nin"),
    "inception": _page("gui.pages.inception", "InceptionView", with_bridge=False),
    "cost": _page("gui.pages.cost", "CostView", with_bridge=False),
    "inception-model": _model_page("inception"),
    "transfer": _page("gui.pages.transfer", "TransferLearningView"),
    "augmentation": _page("gui.pages.augmentation", "AugmentationView"),
    "augmentation-experiment": _experiment_page("augmentation"),
    "datasets": _page("gui.pages.datasets", "DatasetsView"),
}


def _model_page_key(section: str) -> str:
    return f"{section}-model" if section in ("nin", "inception") else section


_MODEL_PAGE_KEYS = {_model_page_key(section): section for section in _MODEL_SECTIONS}


class _LazyPage(QWidget):
    """Stands in the window for a page until the page is first shown; then holds it."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget) -> None:
        super().__init__(parent)
        self._build = build
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def hold(self, page: QWidget) -> None:
        self._layout.addWidget(page)

    def showEvent(self, event) -> None:
        self._build()
        super().showEvent(event)


class _PageScroll(QScrollArea):
    """A page's scroll area that gives the page the height its wrapped texts need at the width it has: a
    narrow window (or a large zoom) makes the page longer and scroll, rather than squeezing its labels into
    each other (a scroll area only looks at the page's minimum height, which knows nothing of wrapping)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._fitting = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_height()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            QTimer.singleShot(0, self, self.fit_height)  # not after the page is deleted
        return super().eventFilter(watched, event)

    def fit_height(self) -> None:
        page = self.widget()
        if page is None or self._fitting or not page.isVisible():
            return
        self._fitting = True
        try:
            # Never narrower than what its rows of controls need (a large zoom on a small screen scrolls
            # sideways rather than cutting "Height and width" short).
            minimum = max(page.minimumSizeHint().width(), _page_minimum().width())
            if minimum != page.minimumWidth():
                page.setMinimumWidth(minimum)
            width = max(self.viewport().width(), minimum)
            shown = page.currentWidget() if isinstance(page, QTabWidget) else page  # a tab widget has no
            needed = shown.heightForWidth(width) if shown.hasHeightForWidth() else -1  # height-for-width
            if needed > 0 and shown is not page:
                needed += page.tabBar().sizeHint().height() + 8
            needed = max(needed, page.minimumSizeHint().height(), _page_minimum().height())
            if needed != page.minimumHeight():
                page.setMinimumHeight(needed)
        finally:
            self._fitting = False


class _Pages(Mapping):
    """The model pages by section, each built when first asked for."""

    def __init__(self, window: MainWindow, sections: tuple[str, ...]) -> None:
        self._window, self._sections = window, sections

    def __getitem__(self, section: str) -> ModelPageView:
        if section not in self._sections:
            raise KeyError(section)
        return self._window.page(_model_page_key(section))

    def __iter__(self) -> Iterator[str]:
        return iter(self._sections)

    def __len__(self) -> int:
        return len(self._sections)


class MainWindow(LanguageAware, QMainWindow):
    """The app: the sections in lecture order, the menus, the status bar, and where a dropped image goes.

    It owns the engine bridge; each page asks the engine for what it needs through its own client and gets
    the answers itself (docs/ARCHITECTURE.md). The window shows only what concerns everyone: the engine's
    state, the device, and failures that no page took.
    """

    files_dropped = Signal(list)  # list[str] of local paths, for the view that takes images
    image_opened = Signal()  # the user gave the feature maps an image: the pages that follow it refresh

    def __init__(self, bridge: EngineBridge, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._engine = bridge.client(self)
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
        # Every page is built when first shown (or first needed): start-up builds none of them, and loads
        # neither pyqtgraph nor numpy before the first paint.
        self._built: dict[str, QWidget] = {}
        self._zoo: tuple = ()  # the zoo's entries, for model pages built after they arrived
        self._feature_view: FeatureMapView | None = None
        self._feature_page: ModelPageView | None = None  # the model page the feature view is lent to
        self.model_pages = _Pages(self, _MODEL_SECTIONS)
        holders = {key: _LazyPage(lambda k=key: self.page(k), self) for key in _PAGE_BUILDERS}
        # The 1×1 and Inception sections follow the lecture's slides: the idea, its cost, then the network.
        self.section_tabs = {
            "resnet": self._tabs(holders["resnet"], holders["depth"]),
            "nin": self._tabs(holders["nin"], holders["nin-model"]),
            "inception": self._tabs(holders["inception"], holders["cost"], holders["inception-model"]),
            "augmentation": self._tabs(holders["augmentation"], holders["augmentation-experiment"]),
        }
        self._holders = holders
        self.section_pages: dict[str, QWidget] = {
            key: self.section_tabs.get(key) or holders[key] for key in SECTIONS}
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

    def page(self, key: str) -> QWidget:
        """The page ``key`` (a section of ``SECTIONS``, or ``depth``, ``cost``, ``nin-model``,
        ``inception-model``), built now if it was not yet."""
        if key not in self._built:
            page = self._built[key] = _PAGE_BUILDERS[key](self)
            page.setFont(self._holders[key].font())
            adopt(page)  # built at the app's zoom: its legends' sizes in points follow it too
            self._holders[key].hold(page)
            self._connect_page(key, page)
        return self._built[key]

    # The pages by name, each built on first use.
    overview = property(lambda self: self.page("overview"))
    nin_view = property(lambda self: self.page("nin"))
    inception_view = property(lambda self: self.page("inception"))
    cost_view = property(lambda self: self.page("cost"))
    depth_view = property(lambda self: self.page("depth"))
    transfer_view = property(lambda self: self.page("transfer"))
    augmentation_view = property(lambda self: self.page("augmentation"))

    @property
    def feature_view(self) -> FeatureMapView:
        """The one feature-map view, lent to the model page on screen; built when first needed."""
        if self._feature_view is None:
            from gui.feature_maps.view import FeatureMapView

            view = self._feature_view = FeatureMapView(self.bridge, self)
            view.image_opened.connect(self.image_opened)
            view.prepare_wanted.connect(lambda: self.show_prepare(report=True))
            view.model_requested.connect(self._on_feature_model_requested)
        return self._feature_view

    def user_image(self):
        """The image the user gave last (``FeatureMapView.user_image``), None before any."""
        return self._feature_view.user_image() if self._feature_view is not None else None

    def _connect_page(self, key: str, page: QWidget) -> None:
        """What a page needs from the window, once it is built."""
        if key in _MODEL_PAGE_KEYS:
            section = _MODEL_PAGE_KEYS[key]
            page.model_changed.connect(lambda _name, p=page: self._on_page_model_changed(p))
            page.set_section_texts(self._section_titles()[section], self._section_questions()[section])
            if self._zoo:
                page.set_entries([e for e in self._zoo if e.section == section])
        elif key == "overview" and self._zoo:
            page.set_entries(self._zoo)
        elif key == "inception":
            from engine.runtime import events as ev

            page.breakdowns_wanted.connect(lambda: self._engine.submit(
                ev.DescribeInception(), {ev.InceptionReady: lambda event: page.set_breakdowns(event.breakdowns)}))
        elif key == "transfer":
            page.train_requested.connect(self.set_up_training)
        image_page = page.live if key == "nin" else page if key == "augmentation" else None
        if image_page is not None:  # the pages that run the user's latest image follow the feature maps' image
            image_page.images.source = weakly(self.user_image)
            self.image_opened.connect(image_page.refresh)

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
        page.setMinimumSize(_page_minimum())
        area = _PageScroll(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(page)
        page.installEventFilter(area)
        return area


    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_action = QAction(self, shortcut=QKeySequence.StandardKey.Open, triggered=self._on_open_images)
        self.paste_action = QAction(self, shortcut=QKeySequence.StandardKey.Paste, triggered=self._on_paste_image)
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        self.prepare_action = QAction(self, triggered=lambda: self.show_prepare())
        self.prepare_dialog = None  # built when first asked for
        self.file_menu.addActions([self.open_action, self.paste_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.prepare_action)
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
        self.present_action = QAction(self, shortcut=QKeySequence(Qt.Key.Key_F5), checkable=True,
                                      triggered=self.set_presenting)
        self.view_menu.addAction(self.present_action)
        self.view_menu.addSeparator()
        zoom = app_zoom()
        self.zoom_in_action = QAction(self, triggered=zoom.zoom_in)
        self.zoom_in_action.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+="),
                                          QKeySequence("Ctrl++")])
        self.zoom_out_action = QAction(self, shortcut=QKeySequence.StandardKey.ZoomOut, triggered=zoom.zoom_out)
        self.zoom_reset_action = QAction(self, shortcut=QKeySequence("Ctrl+0"), triggered=zoom.reset)
        self.view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        zoom.changed.connect(self._on_zoom_changed)

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
        # A clicker's keys, only while presenting (elsewhere the arrows belong to the diagrams and tables).
        from gui.panels.presenter import ClickerKeys

        step, blank, present = weakly(self.step_section), weakly(self._toggle_blank), weakly(self.set_presenting)
        forward, back = (lambda: step(1)), (lambda: step(-1))
        self._clicker = ClickerKeys({
            Qt.Key.Key_Right: forward, Qt.Key.Key_Down: forward, Qt.Key.Key_Space: forward,
            Qt.Key.Key_PageDown: forward, Qt.Key.Key_Left: back, Qt.Key.Key_Up: back,
            Qt.Key.Key_Backspace: back, Qt.Key.Key_PageUp: back,
            Qt.Key.Key_B: blank, Qt.Key.Key_Period: blank, Qt.Key.Key_Escape: lambda: present(False)}, self)
        from gui.panels.presenter import BlankScreen

        self.blank_screen = BlankScreen(self)
        self.presenter_view = None  # built when first presenting with a second screen
        self._before_presenting = None

    def _connect_engine(self) -> None:
        self.bridge.state_changed.connect(self._on_engine_state_changed)
        self.bridge.device_ready.connect(self._on_device_ready)
        self.bridge.failure_unhandled.connect(self._on_request_failed)

    # ------------------------------------------------------------ public

    def start_engine(self) -> None:
        """Start the engine thread and ask for the zoo (call after the window is shown)."""
        self.bridge.start()
        from engine.runtime import events as ev  # the engine's messages load with the engine, after the first paint

        self._engine.submit(ev.DescribeZoo(), {ev.ZooReady: self._on_zoo_ready})
        # Built now, after the first paint, rather than inside the first drop: that drop stays one request.
        self.feature_view  # noqa: B018 - the property builds it

    def engine_idle(self) -> bool:
        """True once the engine has started and has nothing left to do."""
        return self._engine_state == "idle"

    def show_prepare(self, report: bool = False):
        """Open File → Prepare for class… (on its readiness report when ``report``); returns the dialog."""
        from gui.panels.prepare import PrepareDialog

        if self.prepare_dialog is None:
            self.prepare_dialog = PrepareDialog(self.bridge, self)
            self.prepare_dialog.item_prepared.connect(lambda key: self.feature_view.weights_arrived(key))
            self.prepare_dialog.item_prepared.connect(lambda _key: self.page("datasets").data_arrived())
        if report:
            self.prepare_dialog.show_report()
        self.prepare_dialog.refresh()
        self.prepare_dialog.show()
        self.prepare_dialog.raise_()
        return self.prepare_dialog

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
        from engine.runtime.events import SetDevice

        self._engine.submit(SetDevice(kind))

    def restore_state(self, page: str | None = None) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            docks = self.settings.value("docks")
            if isinstance(docks, QByteArray):
                self.restoreState(docks)
        else:  # first start: fill the screen, as a projector wants (never larger than it: a 1366×768 laptop)
            screen = self.screen() or QGuiApplication.primaryScreen()
            available = screen.availableGeometry()
            self.move(available.topLeft())
            self.resize(available.size())
            self.setWindowState(Qt.WindowState.WindowMaximized)
        try:
            app_zoom().set_percent(float(self.settings.value("zoom", 100)))
        except (TypeError, ValueError):  # a hand-edited settings file: 100 %
            app_zoom().reset()
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
        if self._feature_view is not None:
            self._feature_view.stop_live()  # the camera is freed and its reader thread ends with the window
        self.bridge.shutdown(timeout=2.0)
        super().closeEvent(event)

    # ------------------------------------------------------------ handlers

    def _on_section_changed(self, row: int) -> None:
        page = self.model_pages.get(SECTIONS[row])
        if page is not None:
            self._lend_feature_view(page)
        self.pages.setCurrentIndex(row)
        self.setWindowTitle(self.tr("CNN Casebook") + " — " + self.nav.item(row).text())
        self._show_presenter_notes()

    def set_up_training(self, model: str, transfer: str) -> None:
        """Open the training panel with ``model`` and ``transfer`` chosen, at a fine-tuning learning rate; the
        lecturer picks the data and starts."""
        from engine.learning.transfer import FINE_TUNING_LR

        panel = self._training_panel()
        panel.set_options(replace(panel.options(), model=model, transfer=transfer, optimizer="sgd",
                                  lr=FINE_TUNING_LR))
        self.training_dock.show()
        self.training_dock.raise_()

    def _training_panel(self) -> TrainingView:
        if self.training_view is None:
            from gui.panels.training import TrainingView

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

    # ------------------------------------------------------------ presenting

    def presenting(self) -> bool:
        return self._before_presenting is not None

    def set_presenting(self, on: bool) -> None:
        """Presenter mode (F5): full screen, the navigation hidden, at least 150 % zoom, a clicker's keys step
        through the sections, B blanks the screen, Esc leaves. With a second screen the window goes to the
        projector (a screen other than the primary) and the presenter view to the laptop (the primary)."""
        on = bool(on)
        if on == self.presenting():
            self.present_action.setChecked(on)
            return
        if on:
            self._before_presenting = (self.windowState(), app_zoom().percent(), self.geometry())
            for widget in (self.nav, self.menuBar(), self.statusBar()):
                widget.hide()
            app_zoom().set_percent(max(app_zoom().percent(), _PRESENT_ZOOM))
            # The laptop is the primary screen; the projector the one the window is on if that is another,
            # else the first other screen.
            laptop = QGuiApplication.primaryScreen()
            projector = self.screen() if self.screen() is not laptop else next(
                (s for s in QGuiApplication.screens() if s is not laptop), None)
            if projector is not None:
                from gui.panels.presenter import PresenterView

                if self.presenter_view is None:
                    self.presenter_view = PresenterView(self)
                self.presenter_view.setGeometry(laptop.availableGeometry())
                self.presenter_view.show()
                self.setGeometry(projector.geometry())
                if self.windowHandle() is not None:
                    self.windowHandle().setScreen(projector)
                self._show_presenter_notes()
            self.showFullScreen()
        else:
            state, percent, geometry = self._before_presenting
            self._before_presenting = None
            for widget in (self.nav, self.menuBar(), self.statusBar()):
                widget.show()
            self.blank_screen.hide()
            if self.presenter_view is not None:
                self.presenter_view.hide()
            app_zoom().set_percent(percent)
            self.setWindowState(state & ~Qt.WindowState.WindowFullScreen)
            if not state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
                self.setGeometry(geometry)
        app = QApplication.instance()
        app.installEventFilter(self._clicker) if on else app.removeEventFilter(self._clicker)
        self.fullscreen_action.setChecked(on)
        self.present_action.setChecked(on)

    def _toggle_blank(self) -> None:
        self.blank_screen.toggle()

    def _show_presenter_notes(self) -> None:
        view = self.presenter_view
        if view is None or not view.isVisible() or self.nav.currentRow() < 0:
            return
        row = self.nav.currentRow()
        key = SECTIONS[row]
        titles = self._section_titles()
        questions = {"overview": self.tr("Q. Why study many different cases?"), **self._section_questions()}
        following = titles[SECTIONS[row + 1]] if row + 1 < len(SECTIONS) else ""
        view.show_slide(titles[key], questions.get(key, ""), self._section_notes()[key], following)

    def _section_notes(self) -> dict[str, str]:
        """Short speaker notes, the lecture outline's points for each section in the app's own words."""
        return {
            "overview": self.tr("Classic networks are case studies: their ideas are reused in every new design. "
                                "Point to the year, the depth and the parameter counts in the table."),
            "lenet": self.tr("Convolution, average pooling, convolution, pooling, then fully connected layers: "
                             "height and width shrink while the channels grow."),
            "alexnet": self.tr("Same pattern as LeNet-5, much larger: ReLU, max pooling, many parameters. "
                               "Show where the cost goes."),
            "vgg": self.tr("Only 3×3 convolutions and 2×2 max pooling; the channels double at every stage. "
                           "A simple rule, many parameters."),
            "resnet": self.tr("A plain network gets worse as it gets deeper; a shortcut lets a block learn only "
                              "the residual. Show the plain against residual tab."),
            "nin": self.tr("A 1×1 convolution is a small fully connected layer at each pixel: it changes the "
                           "number of channels and adds a ReLU."),
            "inception": self.tr("Apply every filter size and pooling side by side and concatenate; 1×1 "
                                 "bottlenecks keep the cost down."),
            "transfer": self.tr("Start from weights trained on ImageNet: with little data freeze more layers, "
                                "with more data train more of them."),
            "augmentation": self.tr("Mirroring, cropping, rotation, colour shifts: more training images from "
                                    "the ones you have."),
            "datasets": self.tr("The data sets of the lecture and their sizes: what the networks were trained "
                                "on."),
        }

    def _on_zoom_changed(self, factor: float) -> None:
        """Remember the zoom; the pages get the room their larger texts need (they scroll past it)."""
        percent = round(factor * 100)
        self.settings.setValue("zoom", percent)
        for index in range(self.pages.count()):
            self.pages.widget(index).widget().setMinimumSize(_page_minimum())
            self.pages.widget(index).fit_height()
        self._fit_navigation()
        self.statusBar().showMessage(self.tr("Zoom: {percent} %").format(percent=percent), 3000)

    def _fit_navigation(self) -> None:
        """The section list as wide as its longest entry (in this language, at this zoom)."""
        self.nav.setMinimumWidth(max(230, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 24))

    def _on_fullscreen_toggled(self, checked: bool) -> None:
        if self.presenting():  # F11 while presenting leaves the presentation
            self.set_presenting(False)
            return
        self.showFullScreen() if checked else self.showNormal()

    def _on_files_dropped(self, paths: list[str]) -> None:
        names = ", ".join(Path(p).name or p for p in paths[:3])
        more = len(paths) - 3
        if more > 0:
            names += " " + self.tr("(+{count} more)").format(count=more)
        self.statusBar().showMessage(self.tr("Dropped: {names}").format(names=names), 15000)
        self.open_images(paths)
        self.files_dropped.emit(paths)

    def _on_open_images(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Open images"), "", self.tr(
            "Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff);;All files (*)"))
        if paths:
            self.open_images(paths)

    def _on_paste_image(self) -> None:
        with self.feature_view.one_request():
            self._raise_feature_view()
            self.feature_view.open_clipboard_image()

    # ------------------------------------------------------------ the feature-map view

    def open_images(self, paths: list[str]) -> None:
        """The one path from a drop (or File → Open) to the pixels: the page and model are chosen first, then
        the image is asked for once (docs/ARCHITECTURE.md, "A drop, step by step")."""
        with self.feature_view.one_request():
            self._raise_feature_view()
            self.feature_view.open_paths(paths)

    def _lend_feature_view(self, page: ModelPageView) -> None:
        """Move the one feature-map view to ``page`` (the model page on screen), showing its model."""
        previous = self._feature_page
        if previous is not page:
            if previous is not None:
                previous.return_feature_view()
            self._feature_page = page
            page.lend_feature_view(self.feature_view)
        self._on_page_model_changed(page)

    def _on_page_model_changed(self, page: ModelPageView) -> None:
        if page is self._feature_page and page.current_model():
            self.feature_view.set_model(page.current_model())  # it runs the model only while on screen

    def _on_feature_model_requested(self, name: str) -> None:
        """Show ``name`` on the page that has the feature maps (a trained sibling of a model without weights)."""
        page = self._feature_page
        if page is not None and page.variant_combo.findData(name) >= 0:
            page.variant_combo.setCurrentIndex(page.variant_combo.findData(name))

    def _raise_feature_view(self) -> None:
        """Images go to the feature maps of the model on screen, or of the last model page shown (LeNet-5 first).
        On the 1×1 and augmentation pages the window stays: they take the image (through ``image_opened``)."""
        if self.current_section() == "augmentation" or (
                self.current_section() == "nin" and self.section_tabs["nin"].currentIndex() == 0):
            return
        section = self.current_section() if self.current_section() in _MODEL_SECTIONS else (
            self._feature_page.section if self._feature_page is not None else "lenet")
        self.show_section(section)
        page = self.model_pages[section]
        tabs = self.section_tabs.get(section)
        if tabs is not None:
            tabs.setCurrentWidget(self._holders[_model_page_key(section)])
        page.views.setCurrentWidget(self.feature_view)

    def _on_engine_state_changed(self, event: ev.EngineStateChanged) -> None:
        self._engine_state = event.state
        self._show_engine_state()

    def _on_device_ready(self, event: ev.DeviceReady) -> None:
        self._device_kind, self._device_name = event.kind, event.name
        for kind, action in self.device_actions.items():
            action.setEnabled(kind == "auto" or kind in event.available)
        self._show_engine_state()

    def _on_zoo_ready(self, event: ev.ZooReady) -> None:
        self._zoo = event.entries
        for key, page in self._built.items():
            if key == "overview":
                page.set_entries(event.entries)
            elif key in _MODEL_PAGE_KEYS:
                page.set_entries([e for e in event.entries if e.section == _MODEL_PAGE_KEYS[key]])

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
        self._fit_navigation()
        questions = self._section_questions()
        for key, page in self._built.items():
            if key in _MODEL_PAGE_KEYS:
                section = _MODEL_PAGE_KEYS[key]
                page.set_section_texts(titles[section], questions[section])
        tab_titles = {
            "resnet": (self.tr("Diagram and layers"), self.tr("Plain vs residual")),
            "nin": (self.tr("1×1 convolution"), self.tr("Diagram and layers")),
            "inception": (self.tr("Inception module"), self.tr("Cost of a 1×1 bottleneck"),
                          self.tr("Diagram and layers")),
            "augmentation": (self.tr("The methods"), self.tr("Experiment")),
        }
        for key, tabs in self.section_tabs.items():
            for index, title in enumerate(tab_titles[key]):
                tabs.setTabText(index, title)
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.open_action.setText(self.tr("&Open images…"))
        self.paste_action.setText(self.tr("&Paste image"))
        self.prepare_action.setText(self.tr("Prepare for &class…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        for action in self.language_group.actions():
            action.setChecked(action.data() == current_language())
        self.previous_action.setText(self.tr("Previous section (Page Up)"))
        self.next_action.setText(self.tr("Next section (Page Down)"))
        self.fullscreen_action.setText(self.tr("Full screen"))
        self.present_action.setText(self.tr("Present"))
        self.zoom_in_action.setText(self.tr("Zoom in"))
        self.zoom_out_action.setText(self.tr("Zoom out"))
        self.zoom_reset_action.setText(self.tr("Actual size (100 %)"))
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
