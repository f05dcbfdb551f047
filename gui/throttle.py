"""At most one call per interval: the first at once, the rest folded into one when the interval ends.

What superqt's ``qthrottled(leading=True)`` does, kept here so that start-up does not import superqt's
widgets (a third of a second) for one timer.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

__all__ = ["Throttle", "weakly"]


def weakly(function: Callable) -> Callable:
    """``function``, holding its object weakly when it is a bound method: a widget that keeps a helper that
    keeps the widget's own method would make a reference cycle, and the cycle collector may free it on another
    thread (the engine's), destroying Qt objects off their thread. Calls to a dead object return None."""
    if not hasattr(function, "__self__"):
        return function
    method = weakref.WeakMethod(function)

    def call(*args):
        target = method()
        return target(*args) if target is not None else None

    return call


class Throttle:
    """Call ``function`` at most once every ``interval_ms`` milliseconds (GUI thread).

    A call when none ran for an interval runs at once; calls during the interval are folded into one run at
    its end. :meth:`flush` runs a folded call now (the last steps of a run that has just ended).
    """

    def __init__(self, function: Callable[[], None], interval_ms: int, parent: QObject) -> None:
        self._function = weakly(function)  # usually the parent's own method
        self._pending = False
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_interval_ended)

    def __call__(self) -> None:
        if self._timer.isActive():
            self._pending = True
            return
        self._run()

    def flush(self) -> None:
        if self._pending:
            self._timer.stop()
            self._run()

    def _run(self) -> None:
        self._pending = False
        self._timer.start()
        self._function()

    def _on_interval_ended(self) -> None:
        if self._pending:
            self._run()
