from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def settings(tmp_path):
    """Settings in a temporary file, so tests never read or change the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def bridge(qtbot):
    """A running engine thread on the CPU, torch loaded; stopped afterwards."""
    from gui.engine_bridge import EngineBridge

    bridge = EngineBridge(device="cpu")
    with qtbot.waitSignal(bridge.device_ready, timeout=60000):
        bridge.start()
    yield bridge
    bridge.shutdown()


@pytest.fixture
def window(qtbot, settings):
    """The real main window with its engine thread running; closed (engine stopped) afterwards."""
    from gui.app import create_app, create_window
    from gui.i18n import set_language

    create_app()
    win = create_window(device="cpu", language="en", settings=settings)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.bridge.device_ready, timeout=60000):  # torch is loaded: the engine can stop fast
        win.start_engine()
    yield win
    win.close()
    set_language("en")


@pytest.fixture
def drop_files():
    """A function that drags local files onto a widget and drops them, as a person's mouse would."""
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    def drop(widget, paths) -> bool:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        point = QPoint(widget.width() // 2, widget.height() // 2)
        args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        enter = QDragEnterEvent(point, *args)
        QApplication.sendEvent(widget, enter)
        if not enter.isAccepted():
            return False
        dropped = QDropEvent(QPointF(point), *args)
        QApplication.sendEvent(widget, dropped)
        return dropped.isAccepted()

    return drop


class RecordingBridge:
    """Stands in for the engine bridge where a test needs only what a view asks for, not the answers."""

    def __init__(self) -> None:
        self.requests = []

    def client(self, owner=None):
        return _RecordingClient(self)


class _RecordingClient:
    def __init__(self, bridge: RecordingBridge) -> None:
        self._bridge = bridge

    def submit(self, request, replies=None, on_failure=None) -> int:
        self._bridge.requests.append(request)
        return len(self._bridge.requests)

    def awaits(self, request_id) -> bool:
        return 0 < request_id <= len(self._bridge.requests)  # nothing is ever answered here


@pytest.fixture
def recording_bridge():
    return RecordingBridge()
