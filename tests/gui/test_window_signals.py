"""Issue 15: SIGTERM (kill, a session ending) closes the window as its close button does, rather than killing
the process mid-write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

MAIN = Path(__file__).resolve().parents[2] / "main.py"


@pytest.mark.slow
def test_sigterm_closes_the_window_as_its_close_button_does(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    process = subprocess.Popen([sys.executable, str(MAIN), "--page", "overview", "--device", "cpu"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_torch(process)  # the window is up (torch loads after its first paint), its handlers set
        assert process.poll() is None, process.communicate()
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0 and "Traceback" not in err


def _wait_for_torch(process: subprocess.Popen, seconds: float = 60.0) -> None:
    """Until the app's engine thread has begun loading torch (its library is in the process's memory map), or it
    has ended; where there is no /proc, 8 s (what that takes on two loaded cores)."""
    maps = Path(f"/proc/{process.pid}/maps")
    if not maps.exists():
        time.sleep(8)
        return
    deadline = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if "libtorch" in maps.read_text(errors="replace"):
                return
        except OSError:
            return
        time.sleep(0.1)
