"""The app's log: where a library's own error text goes, while the user reads one whole sentence of ours.

Messages to people name what is wrong and what to do; the text torch, Pillow or the operating system gave
(often long, about their internals, and cut mid-word if squeezed into a sentence) is written here instead,
for whoever needs the details.
"""

from __future__ import annotations

import logging
from pathlib import Path

__all__ = ["LOG_FILE", "start_log"]

LOG_FILE = Path.home() / ".cache" / "cnn-casebook" / "casebook.log"


def start_log(path: Path = LOG_FILE) -> Path | None:
    """Send warnings of every module to ``path`` (appended); returns it, or None when logging is set up already
    (a test's capture) or the file cannot be written (the app works the same without its log)."""
    root = logging.getLogger()
    if root.handlers:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    return path
