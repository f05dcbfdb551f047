"""The window shows before the heavy modules load: torch on the engine thread, pyqtgraph, numpy and each page
when first shown, all after the first paint."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_paint_loads_no_torch_numpy_pyqtgraph_nor_any_page_but_the_first(tmp_path):
    code = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from gui.app import create_app, create_window\n"
        "app = create_app()\n"
        f"settings = QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)\n"
        "w = create_window(language='en', settings=settings)\n"
        "w.show(); app.processEvents()\n"
        "heavy = ('torch', 'numpy', 'pyqtgraph', 'superqt', 'engine.runtime.worker')\n"
        "print([m for m in sys.modules if m in heavy or m.startswith('gui.pages.') and m != 'gui.pages.overview'])\n"
        "w.close()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"
