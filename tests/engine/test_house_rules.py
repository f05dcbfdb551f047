"""House rule 1: the engine never imports Qt, so it runs headless and in scripts. The import contract
(tests/test_architecture.py, lint-imports) checks the source; this checks what importing it loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "engine"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "pyqtgraph", "superqt", "qtpy", "shiboken6")


def test_importing_the_engine_loads_no_qt():
    code = (
        "import sys, engine.runtime.worker, engine.models.analysis, engine.models.zoo, engine.models.overview, "
        "engine.text.report;"
        f"print([m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ENGINE.parent)
    assert out.stdout.strip() == "[]"
