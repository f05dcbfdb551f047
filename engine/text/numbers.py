"""How counts are written for people: exact with separators, or rounded with a unit (K, M, G)."""

from __future__ import annotations

__all__ = ["exact", "rounded", "shape_text", "signed"]


def shape_text(shape: tuple[int, ...]) -> str:
    """(96, 55, 55) -> "55×55×96", as on the lecture's slides (height × width × channels)."""
    if len(shape) == 3:
        c, h, w = shape
        return f"{h}×{w}×{c}"
    return "×".join(str(d) for d in shape)


def exact(n: int) -> str:
    """``120422400`` -> ``"120,422,400"``."""
    return f"{n:,}"


_SUFFIXES = ("", "K", "M", "G", "T", "P", "E", "Z", "Y")


def rounded(value: int) -> str:
    """One decimal and a suffix: ``120.4M``, ``12.4M``, ``6.2K``; below 1,000 the number itself.

    Integer arithmetic throughout, so a value far beyond a float's range is still rounded correctly.
    """
    if value < 1000:
        return str(value)
    group = (len(str(value)) - 1) // 3
    tenths = (value * 10 * 2 // 1000**group + 1) // 2  # round half up
    if tenths >= 10_000:  # 999,960 rounds to 1,000.0K: say 1.0M instead
        group += 1
        tenths = (value * 10 * 2 // 1000**group + 1) // 2
    if group >= len(_SUFFIXES):
        digits = len(str(value)) - 1
        mantissa = (value * 10 * 2 // 10**digits + 1) // 2
        if mantissa >= 100:  # 9.96e27 rounds to 1.0e28
            digits, mantissa = digits + 1, 10
        return f"{mantissa // 10}.{mantissa % 10}e{digits}"
    return f"{tenths // 10}.{tenths % 10}{_SUFFIXES[group]}"


def signed(value: float) -> str:
    """A whole number with its sign: ``-9.6`` -> ``"-10"``, ``3.2`` -> ``"+3"``; anything that rounds to zero is
    ``"0"``, never ``"-0"`` (``f"{-0.3:+.0f}"`` writes ``-0``, which reads as a direction that is not there)."""
    whole = round(value)
    return f"{whole:+d}" if whole else "0"
