"""Network diagrams: time to lay out and first paint googlenet and resnet50, and frame time while zooming.

Baseline, measured in the same run and view size: a QGraphicsScene holding the same number of plain
rectangles, built and painted the same way (the least any QGraphicsView drawing of that many items pays).
The analysis itself is the engine's work and is not timed here (``bench startup`` times ``summary``).
"""

from __future__ import annotations

import os
import sys

from bench import median_seconds

_SIZE = (1600, 520)  # the diagram area of a model page on a 1920×1080 projector
_MODELS = ("googlenet", "resnet50")


def _baseline(count: int):
    """A view and a function that fills its scene with ``count`` rectangles and paints it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    scene = QGraphicsScene()
    view = QGraphicsView(scene)
    view.resize(*_SIZE)
    view.show()

    def build_and_paint() -> None:
        scene.clear()
        for i in range(count):
            scene.addRect(i * 24.0, (i % 7) * 30.0, 18.0, 40.0)
        view.fitInView(scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        view.viewport().grab()

    return view, build_and_paint


def _first_paint(view, analysis, collapsed):
    """Lay out ``analysis`` at a collapsed level (None: the view's default) and paint the view once."""

    def work() -> None:
        view.set_analysis(analysis, collapsed)
        view.viewport().grab()

    return work


def _zooming(view) -> float:
    """Median seconds per frame of a zoom in and out by 10% around the fitted drawing."""
    steps = iter(range(10**9))

    def frame() -> None:
        view.zoom(1.1 if next(steps) % 2 == 0 else 1 / 1.1)
        view.viewport().grab()

    return median_seconds(frame, 40)


def run(repeat: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from engine.models.analysis import analyze
    from gui.app import create_app
    from gui.diagram.layout import build_structure, collapse_levels
    from gui.diagram.view import DiagramView

    create_app()
    print(f"{'':46}{'diagram':>10}{'rectangles':>13}{'ratio':>8}")
    for name in _MODELS:
        analysis = analyze(name)
        levels = collapse_levels(build_structure(analysis.rows, analysis.edges))
        view = DiagramView()
        view.resize(*_SIZE)
        view.show()
        for label, collapsed in (("collapsed", levels[-1]), ("expanded", levels[0]), ("default level", None)):
            drawn = median_seconds(_first_paint(view, analysis, collapsed), repeat)
            items = len(view.scene().items())
            base_view, base = _baseline(items)
            plain = median_seconds(base, repeat)
            print(f"{f'{name} {label}: lay out + first paint':46}{drawn * 1000:7.0f} ms{plain * 1000:10.1f} ms"
                  f"{drawn / plain:8.0f}   ({items} items, {view.diagram().bands} band(s))")
            if collapsed is not None and collapsed == levels[0]:
                base_view.fitInView(base_view.scene().itemsBoundingRect())
                zoom, base_zoom = _zooming(view), _zooming_rectangles(base_view)
                print(f"{f'{name} {label}: frame while zooming':46}{zoom * 1000:7.1f} ms{base_zoom * 1000:10.1f} ms"
                      f"{zoom / base_zoom:8.0f}")
            base_view.close()
        view.close()
    print(f"(median of {repeat} runs; zoom: median of 40 frames; view {_SIZE[0]}×{_SIZE[1]}, offscreen; "
          f"{sys.platform})")


def _zooming_rectangles(view) -> float:
    steps = iter(range(10**9))

    def frame() -> None:
        factor = 1.1 if next(steps) % 2 == 0 else 1 / 1.1
        view.scale(factor, factor)
        view.viewport().grab()

    return median_seconds(frame, 40)
