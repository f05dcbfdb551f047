"""Start-up: time to the first painted window, and time to the vgg16 layer summary.

Baselines, measured in the same run: a bare PySide6 window (the least any Qt app pays) and building
torchvision's vgg16 in a fresh process (the least any tool that counts vgg16's layers pays).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import wall_seconds

ROOT = Path(__file__).resolve().parent.parent

# Each probe prints seconds from its own interpreter start to the first frame of its window.
_BARE_WINDOW = """
import time, sys
from PySide6.QtWidgets import QApplication, QWidget
from PySide6.QtTest import QTest
app = QApplication(sys.argv[:1]); w = QWidget(); w.resize(1600, 950); w.show()
QTest.qWaitForWindowExposed(w); w.grab()
print(time.time() - float(sys.argv[1]))
"""
_APP_WINDOW = """
import time, sys
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from gui.app import create_app, create_window
app = create_app()
w = create_window(language="en", settings=QSettings(sys.argv[2], QSettings.Format.IniFormat)); w.show()
QTest.qWaitForWindowExposed(w); w.grab()
print(time.time() - float(sys.argv[1]))
w.close()
"""
_BARE_VGG16 = "import torchvision; torchvision.models.vgg16()"


def _first_frame(code: str, repeat: int, *extra: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code, repr(time.time()), *extra], env=env, cwd=ROOT,
                             capture_output=True, text=True, check=True)
        runs.append(float(out.stdout.split()[0]))
    return statistics.median(runs)


def run(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = str(Path(tmp) / "settings.ini")
        bare = _first_frame(_BARE_WINDOW, repeat)
        app = _first_frame(_APP_WINDOW, repeat, settings)
    print(f"time to first window    {app * 1000:8.0f} ms   bare PySide6 window {bare * 1000:6.0f} ms"
          f"   ratio {app / bare:5.2f}")
    summary = statistics.median(wall_seconds([str(ROOT / "main.py"), "summary", "vgg16"]) for _ in range(repeat))
    baseline = statistics.median(wall_seconds(["-c", _BARE_VGG16]) for _ in range(repeat))
    print(f"time to vgg16 summary   {summary * 1000:8.0f} ms   torchvision vgg16() {baseline * 1000:6.0f} ms"
          f"   ratio {summary / baseline:5.2f}")
    print(f"(median of {repeat} fresh processes each; offscreen platform; {sys.platform})")
