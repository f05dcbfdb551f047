"""``python main.py render PAGE --out FILE``: draw a section of the app offscreen to PNG or SVG.

The page is the real window's page, filled by the real engine thread, so a slide shows exactly what the
app shows in class.
"""

from __future__ import annotations

import importlib
import os
import re
import tempfile
import time
from pathlib import Path

from engine.errors import UserInputError

__all__ = ["render", "parse_size", "save_widget", "check_output_path"]

_TIMEOUT_S = 120.0
# Views with their own renderer (a single view, not a whole page): name -> "module:function(args) -> int".
_VIEW_RENDERERS = {"diagram": "gui.diagram_view:render_diagram_cli",
                   "features": "gui.feature_map_view:render_features_cli"}


def parse_size(text: str) -> tuple[int, int]:
    """"1920x1080" -> (1920, 1080); sizes from 320×240 to 7680×4320."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*[x×]\s*(\d{1,5})\s*", text or "")
    if not match:
        raise UserInputError(f"--size must look like 1920x1080 (width x height), got {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise UserInputError(f"--size must be between 320x240 and 7680x4320, got {width}x{height}")
    return width, height


def check_output_path(path: str) -> Path:
    out = Path(path)
    if out.suffix.lower() not in (".png", ".svg"):
        raise UserInputError(f"--out must end in .png or .svg, got {path!r}")
    if not out.parent.exists() or not os.access(out.parent, os.W_OK) or out.is_dir():
        raise UserInputError(f"cannot write {path!r}: its folder does not exist or is not writable")
    return out


def save_widget(widget, out: Path, scale: float = 1.0) -> None:
    """Save ``widget`` as it is on screen: PNG at ``scale`` × its size, or SVG (vector text and lines)."""
    from PySide6.QtCore import QPoint, QRect, QSize
    from PySide6.QtGui import QPainter

    if out.suffix.lower() == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(out))
        generator.setSize(widget.size())
        generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
        painter = QPainter(generator)
        widget.render(painter, QPoint(0, 0))
        painter.end()
        return
    from PySide6.QtGui import QImage

    image = QImage(QSize(round(widget.width() * scale), round(widget.height() * scale)),
                   QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().window().color())
    painter = QPainter(image)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    if not image.save(str(out)):
        raise UserInputError(f"could not write {str(out)!r}")


def _wait_until_settled(app, window) -> None:
    """Process events until the zoo has arrived and the engine has been idle for a moment."""
    deadline = time.monotonic() + _TIMEOUT_S
    quiet_since = None
    while time.monotonic() < deadline:
        app.processEvents()
        settled = window.overview.table.rowCount() > 0 and window.engine_idle()
        if settled:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 0.5:
                return
        else:
            quiet_since = None
        time.sleep(0.01)
    raise UserInputError("the engine did not finish preparing the page within two minutes")


def render(args) -> int:
    """Render ``args.page`` to ``args.out``; returns the exit status."""
    from gui.main_window import SECTIONS

    if args.page in _VIEW_RENDERERS:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        module, function = _VIEW_RENDERERS[args.page].split(":")
        return getattr(importlib.import_module(module), function)(args)
    if args.page not in SECTIONS:
        accepted = ", ".join([*SECTIONS, *_VIEW_RENDERERS])
        raise UserInputError(f"unknown page {args.page!r}; accepted: {accepted}")
    width, height = parse_size(args.size)
    out = check_output_path(args.out)
    if not 0.25 <= args.scale <= 8:
        raise UserInputError(f"--scale must be between 0.25 and 8, got {args.scale}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings, Qt

    from gui.app import create_app, create_window

    app = create_app()
    with tempfile.TemporaryDirectory() as tmp:  # never read or change the user's saved state
        settings = QSettings(str(Path(tmp) / "render.ini"), QSettings.Format.IniFormat)
        window = create_window(device=args.device or "cpu", language=getattr(args, "language", None) or "en",
                               page=args.page, settings=settings)
        window.setWindowState(Qt.WindowState.WindowNoState)  # exactly --size, not the screen's size
        window.resize(width, height)
        page = window.model_pages.get(args.page)  # a model page's own tabs when the section has no others
        tabs = window.section_tabs.get(args.page) or (page.views if page is not None else None)
        if tabs is not None:
            if not 0 <= args.tab < tabs.count():
                raise UserInputError(f"--tab must be between 0 and {tabs.count() - 1} for {args.page}, got {args.tab}")
            tabs.setCurrentIndex(args.tab)
        if args.page == "transfer" and (getattr(args, "model", None) or getattr(args, "case", None)):
            from gui.transfer_view import CASES

            view = window.transfer_view
            view.select(args.model or view.model_combo.currentData(), CASES[(getattr(args, "case", None) or 1) - 1])
        window.show()
        window.start_engine()
        if page is not None and getattr(args, "model", None):  # a model page shows the variant asked for
            _show_variant(app, page, args.model)
        try:
            _wait_until_settled(app, window)
            save_widget(window, out, args.scale)
        finally:
            window.close()
    print(out)
    return 0


def _show_variant(app, page, model: str) -> None:
    """Choose ``model`` in ``page``'s model list, once the zoo has filled it."""
    from engine.zoo import get_info

    name = get_info(model).name
    deadline = time.monotonic() + 120
    while page.variant_combo.findData(name) < 0:
        if time.monotonic() > deadline:
            raise UserInputError(f"{model} is not a model of this page")
        app.processEvents()
        time.sleep(0.01)
    page.variant_combo.setCurrentIndex(page.variant_combo.findData(name))
