"""DESIGN.md house rule 1: the engine never imports Qt, so it runs headless and in scripts."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "engine"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "pyqtgraph", "superqt", "qtpy", "shiboken6")


def _imported_modules(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_engine_source_imports_no_qt():
    offenders = [
        f"{path.relative_to(ENGINE.parent)} imports {module}"
        for path in ENGINE.rglob("*.py")
        for module in _imported_modules(path)
        if module.split(".")[0] in QT_MODULES
    ]
    assert not offenders, offenders


def test_importing_the_engine_loads_no_qt():
    code = (
        "import sys, engine.runtime.worker, engine.models.analysis, engine.models.zoo, engine.models.overview, "
        "engine.text.report;"
        f"print([m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ENGINE.parent)
    assert out.stdout.strip() == "[]"
