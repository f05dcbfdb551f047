"""Suite-wide rules: no test may leave a thread running (DESIGN.md, house rule 9)."""

from __future__ import annotations

import os
import threading
import time

import pytest
from hypothesis import HealthCheck, settings

# Property-based suites (tests/engine/test_properties.py): a few dozen examples each in the normal run, so the
# whole suite stays within minutes on two cores; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs thousands.
_QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large]
settings.register_profile("default", max_examples=25, deadline=None, database=None, suppress_health_check=_QUIET)
settings.register_profile("fuzz", max_examples=2000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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
