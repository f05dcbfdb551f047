"""Which compute device to use: CUDA, then Apple MPS, then the CPU, unless the user says otherwise."""

from __future__ import annotations

__all__ = ["available_devices", "pick_device", "PREFERENCES"]

PREFERENCES = ("auto", "cuda", "mps", "cpu")


def available_devices() -> tuple[str, ...]:
    """Device kinds this machine can run on, best first; always ends with ``"cpu"``."""
    import torch

    found = []
    if torch.cuda.is_available():
        found.append("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append("mps")
    return (*found, "cpu")


def pick_device(preference: str = "auto"):
    """Resolve a preference to ``(torch.device, name for people)``.

    An unavailable explicit choice falls back to the best available device rather than failing: a
    lecturer who saved "cuda" on the lab machine still gets a working app on a laptop.
    """
    import torch

    if preference not in PREFERENCES:
        raise ValueError(f"device must be one of {', '.join(PREFERENCES)}, got {preference!r}")
    available = available_devices()
    kind = available[0] if preference == "auto" or preference not in available else preference
    if kind == "cuda":
        return torch.device("cuda"), torch.cuda.get_device_name(0)
    if kind == "mps":
        return torch.device("mps"), "Apple MPS"
    return torch.device("cpu"), "CPU"
