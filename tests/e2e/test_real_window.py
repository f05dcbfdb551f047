"""End to end: `python main.py` in a real X window (Xvfb), screenshot the screen, quit with Ctrl+Q."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool", "import")


def _free_display() -> int:
    return next(n for n in range(91, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                and not Path(f"/tmp/.X{n}-lock").exists())


def _wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def x_display():
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        message = f"needs {', '.join(missing)} (installed by .ci/run)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    display = f":{_free_display()}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: Path(f"/tmp/.X11-unix/X{display[1:]}").exists(), 10, "Xvfb")
        yield display
    finally:
        server.terminate()
        server.wait(10)


@pytest.mark.e2e
def test_the_app_opens_in_a_real_window_and_quits_cleanly(x_display, tmp_path):
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(tmp_path)}
    env.pop("WAYLAND_DISPLAY", None)
    app = subprocess.Popen([sys.executable, "main.py", "--language", "en", "--device", "cpu"], cwd=ROOT,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        def find_window():
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "CNN Casebook"], env=env,
                                   capture_output=True, text=True)
            return found.stdout.split()[0] if found.stdout.strip() else None

        window_id = _wait_for(find_window, 60, "the main window")
        time.sleep(8)  # the engine thread loads torch and the zoo, then the overview fills in
        shot = tmp_path / "screen.png"
        subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True, timeout=30)
        # No window manager on Xvfb: focus the window ourselves, then type Ctrl+Q as a person would (XTEST).
        subprocess.run(["xdotool", "windowfocus", "--sync", window_id], env=env, check=True, timeout=10,
                       capture_output=True)
        subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=True, timeout=10)
        _, stderr = app.communicate(timeout=15)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, stderr
    assert "Traceback" not in stderr, stderr
    size = subprocess.run(["identify", "-format", "%w %h %k", str(shot)], capture_output=True, text=True)
    width, height, colours = (int(v) for v in size.stdout.split())
    assert (width, height) == (1920, 1080)
    assert colours > 100, "the screenshot is nearly blank"
    saved = tmp_path / "CNN Casebook" / "CNN Casebook.conf"
    assert saved.exists(), "closing the window must save its state"
