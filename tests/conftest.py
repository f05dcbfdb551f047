"""Suite-wide rules: no test may leave a thread running (DESIGN.md, house rule 9)."""

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


@pytest.fixture
def local_server():
    """A real HTTP server on 127.0.0.1 (tests/local_server.py), stopped afterwards."""
    from local_server import LocalServer

    with LocalServer() as server:
        yield server


@pytest.fixture
def no_internet(monkeypatch):
    """Refuse any connection that is not to this computer: a test that would reach the internet fails."""
    import socket

    connect = socket.socket.connect

    def local_only(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1") and self.family != socket.AF_UNIX:
            raise AssertionError(f"a test tried to reach {address}")
        return connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", local_only)
