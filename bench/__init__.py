"""Benchmarks run by ``python main.py bench NAME``: each prints figures and ratios against a baseline
measured in the same run on the same machine, never a pass/fail verdict."""

from __future__ import annotations

import importlib
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from engine.runtime.errors import UserInputError

__all__ = ["run_benchmark", "BENCHMARKS", "median_seconds", "wall_seconds"]

# name -> module under bench/ that defines run(repeat) -> None
BENCHMARKS = {"startup": "bench.startup", "diagram": "bench.diagram", "features": "bench.features",
              "training": "bench.training", "live": "bench.live"}


def run_benchmark(name: str, repeat: int) -> int:
    if name not in BENCHMARKS:
        raise UserInputError(f"unknown benchmark {name!r}; accepted: {', '.join(sorted(BENCHMARKS))}")
    if not 1 <= repeat <= 100:
        raise UserInputError(f"--repeat must be between 1 and 100, got {repeat}")
    importlib.import_module(BENCHMARKS[name]).run(repeat)
    return 0


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``work()`` over ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def wall_seconds(args: list[str], env: dict | None = None) -> float:
    """Wall time of a fresh Python process running ``args`` (after the interpreter path)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start
