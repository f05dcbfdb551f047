"""Results built in tests from result.py's dataclasses, and a stand-in for the registry's ``Experiment``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from engine.learning.experiments.result import ExperimentConfig, ExperimentResult, ExperimentRun, FigureSpec, Variant
from engine.runtime.errors import text

VARIANTS = (Variant("sigmoid", "sigmoid"), Variant("tanh", "tanh"), Variant("relu", "ReLU"))
FIGURES = (FigureSpec("steps_to_threshold", "steps to 25 % training error", "steps"),
           FigureSpec("test_error", "test error", "fraction"),
           FigureSpec("params", "parameters", "count"),
           FigureSpec("seconds", "seconds", "seconds"))


def built_result(name: str = "activation", seeds: int = 3, steps: int = 40, status: str = "finished"
                 ) -> ExperimentResult:
    """A training experiment's result with made-up but distinct numbers per variant and seed."""
    rng = np.random.default_rng(0)
    runs = []
    for v_index, variant in enumerate(VARIANTS):
        for seed in range(seeds):
            step = np.arange(1, steps + 1, dtype=np.float64)
            error = np.clip(0.9 * np.exp(-step / (10 + 15 * (2 - v_index))) + 0.05 * rng.random(steps), 0, 1)
            figures = {"steps_to_threshold": float(8 + 10 * (2 - v_index) + seed) if v_index else float("nan"),
                       "test_error": 0.1 - 0.02 * v_index + 0.005 * seed, "params": 61706.0,
                       "seconds": 2.0 + seed}
            runs.append(ExperimentRun(variant.key, seed, "finished", {"step": step, "train_error": error},
                                      figures, 2.0 + seed))
    return ExperimentResult(
        config=ExperimentConfig(name=name, seeds=seeds, steps=steps), title="ReLU, tanh or sigmoid",
        question="Why ReLU?", variants=VARIANTS, figures=FIGURES, x_curve="step", y_curve="train_error",
        y_label="training error (%)", runs=tuple(runs), status=status, device="cpu", created="2026-11-29")


@dataclass(frozen=True)
class FakeExperiment:
    """The registry's ``Experiment`` interface, enough for the view."""

    name: str = "activation"
    title: str = "ReLU, tanh or sigmoid"
    question: str = "Why ReLU?"
    pages: tuple[str, ...] = ("lenet", "alexnet")
    shipped: Path = field(default=Path("/nonexistent/activation.json"))

    def default_config(self, **overrides) -> ExperimentConfig:
        return ExperimentConfig(name=self.name, **{"seeds": 3, "steps": 300, **overrides})

    def caption(self, result: ExperimentResult):
        relu = np.nanmean([r.figures["steps_to_threshold"] for r in result.runs_of("relu")])
        return text("ReLU reached the threshold in {steps} steps.", steps=f"{relu:.0f}")
