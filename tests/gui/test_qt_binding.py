"""The Qt binding must not leak references to None: PySide6 6.12.0 on Python 3.11 does, and the app
dies with "none_dealloc" after some 100,000 Qt calls (pyproject.toml pins around it)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor


def test_qt_calls_returning_nothing_keep_none_alive():
    colour = QColor()
    before = sys.getrefcount(None)
    for _ in range(1000):
        colour.setRed(1)
    assert sys.getrefcount(None) - before > -100
