"""Presenter mode (F5): full screen, navigation hidden, a larger zoom, a clicker's keys, B blanks, Esc leaves;
with two screens the page goes to the projector and the presenter view to the laptop (Qt's offscreen platform
with two screens configured, in a process of its own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from gui.widgets.zoom import app_zoom

ROOT = Path(__file__).resolve().parents[2]


def test_presenting_on_one_screen(qtbot, settings):
    from gui.app import create_app, create_window

    create_app()
    window = create_window(device="cpu", language="en", settings=settings)
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_section("lenet")
        window.present_action.trigger()  # View → Present (F5)
        assert window.presenting() and window.isFullScreen()
        assert not window.nav.isVisible() and not window.menuBar().isVisible()
        assert app_zoom().percent() >= 150
        for key, section in ((Qt.Key.Key_Right, "alexnet"), (Qt.Key.Key_Space, "vgg"), (Qt.Key.Key_PageDown, "resnet"),
                             (Qt.Key.Key_Left, "vgg"), (Qt.Key.Key_PageUp, "alexnet")):
            qtbot.keyClick(window, key)
            assert window.current_section() == section
        qtbot.keyClick(window, Qt.Key.Key_B)
        assert window.blank_screen.isVisible() and window.blank_screen.geometry() == window.rect()
        qtbot.keyClick(window, Qt.Key.Key_B)
        assert not window.blank_screen.isVisible()
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        assert not window.presenting() and not window.isFullScreen()
        assert window.nav.isVisible() and app_zoom().percent() == 100
        qtbot.keyClick(window, Qt.Key.Key_Right)  # the arrows are the pages' own again
        assert window.current_section() == "alexnet"
    finally:
        app_zoom().reset()
        window.close()


_TWO_SCREENS = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False, "screens": [
    {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96,
     "dpr": 1},
    {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
     "logicalBaseDpi": 96, "dpr": 1}]}

_SCRIPT = """
import json, sys
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from gui.app import create_app, create_window
app = create_app()
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
window = create_window(device="cpu", language="ko", settings=settings)
window.show()
window.show_section("resnet")
window.set_presenting(True)
app.processEvents()
view = window.presenter_view
first = [view.section.text(), view.question.text(), view.notes.text(), view.next_section.text(), view.clock.text()]
QTest.keyClick(window, Qt.Key.Key_PageDown)
app.processEvents()
result = {"window": window.screen().name(), "presenter": view.screen().name(), "visible": view.isVisible(),
          "first": first, "after": view.section.text(), "window_rect": list(window.geometry().getRect())}
window.set_presenting(False)
result["presenter_after_leaving"] = view.isVisible()
print(json.dumps(result))
window.close()
"""


def test_with_two_screens_the_presenter_view_takes_the_laptop(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(_TWO_SCREENS))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(tmp_path / "settings.ini")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["window"] == "projector" and result["presenter"] == "laptop" and result["visible"]
    section, question, notes, following, clock = result["first"]
    assert section == "ResNet" and question.startswith("Q.") and "스킵 연결" in notes
    assert following == "다음: 1×1 합성곱" and len(clock) == 5
    assert result["after"] == "1×1 합성곱"
    assert not result["presenter_after_leaving"]
