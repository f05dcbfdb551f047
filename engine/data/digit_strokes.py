"""Stroke scripts of the ten digits, as a person draws them on the pad: for each digit a list of strokes, each a
list of ``(x, y)`` points in a unit box (0..1, y down). The drawing pad's tests replay them as mouse drags, and
``python main.py render features --draw N`` draws one; they are plain shapes written by hand, not data.
"""

import math

__all__ = ["DIGIT_STROKES", "partial_strokes"]


def _arc(cx, cy, rx, ry, start, end, steps=16):
    """Points on an ellipse from angle ``start`` to ``end`` in degrees (0: right, 90: down)."""
    return [(cx + rx * math.cos(math.radians(start + (end - start) * i / steps)),
             cy + ry * math.sin(math.radians(start + (end - start) * i / steps))) for i in range(steps + 1)]


DIGIT_STROKES = {
    0: [_arc(0.5, 0.5, 0.28, 0.42, -90, 270, 24)],
    1: [[(0.38, 0.22), (0.55, 0.08), (0.55, 0.92)]],
    2: [_arc(0.5, 0.3, 0.28, 0.22, 200, 360, 10) + [(0.72, 0.42), (0.25, 0.92), (0.8, 0.92)]],
    3: [_arc(0.48, 0.29, 0.27, 0.21, 200, 450, 12) + _arc(0.48, 0.71, 0.3, 0.21, 270, 520, 12)],
    4: [[(0.6, 0.08), (0.2, 0.62), (0.82, 0.62)], [(0.62, 0.3), (0.62, 0.92)]],
    5: [[(0.75, 0.08), (0.3, 0.08), (0.26, 0.45)] + _arc(0.48, 0.66, 0.3, 0.25, 240, 500, 12)],
    6: [[(0.68, 0.08), (0.42, 0.3)] + _arc(0.5, 0.68, 0.26, 0.24, 200, 560, 18)],
    7: [[(0.2, 0.1), (0.8, 0.1), (0.42, 0.92)]],
    8: [_arc(0.5, 0.28, 0.22, 0.2, 90, 450, 16) + _arc(0.5, 0.7, 0.27, 0.22, -90, 270, 16)],
    9: [_arc(0.5, 0.32, 0.26, 0.24, 0, 360, 18) + [(0.74, 0.4), (0.7, 0.92)]],
}


def partial_strokes(strokes: list[list[tuple[float, float]]], share: float) -> list[list[tuple[float, float]]]:
    """The first ``share`` (0..1) of a script's points, in drawing order: a digit caught while it is drawn."""
    total = sum(len(stroke) for stroke in strokes)
    left = max(1, round(total * share))
    kept = []
    for stroke in strokes:
        if left <= 0:
            break
        kept.append(stroke[:left])
        left -= len(stroke)
    return kept
