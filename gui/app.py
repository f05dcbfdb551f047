"""Start the application: QApplication, saved settings, language, engine bridge and the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

__all__ = ["create_app", "create_window", "quiet_qt_messages", "resolve_page", "run_app"]

APP_NAME = "CNN Casebook"


def quiet_qt_messages() -> None:
    """Qt's messages go to stderr as usual, but for the offscreen platform's note that it cannot pass a window's
    size hints to a window manager it does not have ("This plugin does not support propagateSizeHints()": several
    per render or benchmark, and meaningless without a screen). Every command that makes the application goes
    through here (``create_app``), so none prints it."""
    from PySide6.QtCore import qFormatLogMessage, qInstallMessageHandler

    def handle(kind, context, message: str) -> None:
        if "does not support propagateSizeHints" not in message:
            sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")

    qInstallMessageHandler(handle)


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the project's names (QSettings uses them) and a projector-friendly font; Qt's
    messages filtered by ``quiet_qt_messages``."""
    if QApplication.instance() is None:
        quiet_qt_messages()  # a test's application keeps pytest-qt's handler
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(font)
    return app


def create_window(device: str | None = None, language: str | None = None, page: str | None = None,
                  settings: QSettings | None = None):
    """Build the main window on its saved state; the engine starts once the event loop runs."""
    from gui.engine_bridge import EngineBridge
    from gui.i18n import set_language, system_language
    from gui.main_window import MainWindow

    settings = settings or QSettings()
    set_language(language or str(settings.value("language", system_language())))
    bridge = EngineBridge(device=device or str(settings.value("device", "auto")))
    window = MainWindow(bridge, settings)
    window.restore_state(page)
    return window


def resolve_page(name: str | None) -> str | None:
    """The section ``--page`` names: a section (``vgg``) or a zoo model that has a page (``vgg16`` -> ``vgg``).

    Raises
    ------
    UserInputError
        For any other name, with the accepted ones; checked before the window is built.
    """
    from engine.models.zoo import get_info
    from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text
    from gui.main_window import SECTIONS

    if name is None:
        return None
    key = name.strip().lower()
    if key in SECTIONS:
        return key
    try:
        section = get_info(key).section
    except UserInputError:
        section = None
    if section in SECTIONS:
        return section
    raise UserInputError(text(QT_TRANSLATE_NOOP(
        "engine", "There is no page {name}; use one of {sections}, or a model's name such as vgg16 or resnet20."),
        name=repr(name), sections=", ".join(SECTIONS)))


def run_app(device: str | None = None, language: str | None = None, page: str | None = None) -> int:
    page = resolve_page(page)  # a wrong name is refused before any window opens
    app = create_app()
    window = create_window(device, language, page)
    window.show()
    # torch loads on the engine thread only after the first paint, so the window appears at once.
    QTimer.singleShot(0, window.start_engine)
    _close_on_signals(window)
    return app.exec()


def _close_on_signals(window) -> None:
    """SIGTERM (``kill``, a session ending) and Ctrl+C in the terminal close the window as its close button does:
    the engine stops and a training run's files are completed and say it was interrupted."""
    import signal

    def close(signum, frame) -> None:  # noqa: ARG001 - a signal handler's signature
        QTimer.singleShot(0, window.close)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, close)
    # Python runs a signal handler only between two of its own instructions: a timer lets it in while Qt's
    # event loop (C++) waits.
    window._signal_timer = QTimer(window)
    window._signal_timer.timeout.connect(lambda: None)
    window._signal_timer.start(250)
