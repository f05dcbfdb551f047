"""Suite-wide rules: no test may leave a thread running (docs/ARCHITECTURE.md, house rule 9)."""

from __future__ import annotations

import os
import threading
import time

import pytest

# Qt tests draw offscreen unless a test (the end-to-end one) asks for a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def no_thread_left_behind():
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 3.0
    while True:
        extra = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not extra:
            return
        if time.monotonic() > deadline:
            pytest.fail(f"test left threads running: {', '.join(t.name for t in extra)}")
        time.sleep(0.05)
