from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def settings(tmp_path):
    """Settings in a temporary file, so tests never read or change the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    """The real main window with its engine thread running; closed (engine stopped) afterwards."""
    from gui.app import create_app, create_window
    from gui.i18n import set_language

    create_app()
    win = create_window(device="cpu", language="en", settings=settings)
    qtbot.addWidget(win)
    win.show()
    win.start_engine()
    yield win
    win.close()
    set_language("en")
