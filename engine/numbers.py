"""How counts are written for people: exact with separators, or rounded with a unit (K, M, G)."""

from __future__ import annotations

__all__ = ["exact", "rounded"]


def exact(n: int) -> str:
    """``120422400`` -> ``"120,422,400"``."""
    return f"{n:,}"


def rounded(n: float, digits: int = 1) -> str:
    """``120422400`` -> ``"120.4M"``, ``61706`` -> ``"61.7K"``, ``15470264320`` -> ``"15.5G"``."""
    for factor, unit in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "K")):
        if abs(n) >= factor:
            return f"{n / factor:.{digits}f}{unit}"
    return f"{n:g}" if isinstance(n, float) else str(n)
