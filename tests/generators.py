"""Driving a generator that returns a value (an experiment's ``run``) to its end in a test."""

from __future__ import annotations

__all__ = ["drain"]


def drain(events) -> tuple[list, object]:
    """Every item ``events`` yields, and what it returns."""
    collected = []
    while True:
        try:
            collected.append(next(events))
        except StopIteration as end:
            return collected, end.value
