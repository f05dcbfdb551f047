"""Immutable messages that cross the boundary between the GUI thread and the engine thread.

Only frozen dataclasses of plain values and numpy arrays live here, never tensors or Qt objects, so a
message can be read on either thread without locks (DESIGN.md, house rule 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Request",
    "Event",
    "SetDevice",
    "Analyze",
    "DescribeZoo",
    "EngineStateChanged",
    "DeviceReady",
    "AnalysisReady",
    "ZooReady",
    "ZooEntry",
    "RequestFailed",
]


# ---------------------------------------------------------------- requests (GUI -> engine)


@dataclass(frozen=True)
class Request:
    """Base of every request. ``channel`` groups requests where only the newest one matters."""

    @property
    def channel(self) -> str | None:
        """Requests on the same channel replace each other while waiting (latest wins); None queues."""
        return None

    @property
    def interleave(self) -> bool:
        """True for quick requests (an analysis, an image's feature maps, a stop button) that the engine
        serves between two batches of a long job, such as a training run, instead of after it."""
        return False


@dataclass(frozen=True)
class SetDevice(Request):
    """Choose the compute device: ``"auto"`` (CUDA, then MPS, then CPU), ``"cuda"``, ``"mps"`` or ``"cpu"``."""

    preference: str = "auto"


@dataclass(frozen=True)
class Analyze(Request):
    """Layer analysis of one zoo model; ``input_shape`` (C, H, W) of None means the model's own.

    ``slot`` names who asks (a page, a panel): a newer request from the same slot replaces a waiting one,
    requests from different slots are all served.
    """

    model: str
    input_shape: tuple[int, int, int] | None = None
    slot: str = "main"

    @property
    def channel(self) -> str | None:
        return f"analyze:{self.slot}"

    @property
    def interleave(self) -> bool:
        return True


@dataclass(frozen=True)
class DescribeZoo(Request):
    """One summary row for every model in the zoo (the overview page)."""


# ---------------------------------------------------------------- events (engine -> GUI)


@dataclass(frozen=True)
class Event:
    """Base of every event. Events with the same non-None ``coalesce_key`` may be thinned to the newest."""

    @property
    def coalesce_key(self) -> str | None:
        return None


@dataclass(frozen=True)
class EngineStateChanged(Event):
    """``state`` is one of ``starting``, ``idle``, ``busy``, ``stopped``; ``detail`` says what it is busy with."""

    state: str
    detail: str = ""

    @property
    def coalesce_key(self) -> str | None:
        return "engine-state"


@dataclass(frozen=True)
class DeviceReady(Event):
    """The device now in use. ``kind`` is ``cuda``, ``mps`` or ``cpu``; ``name`` is for people (a GPU's name)."""

    kind: str
    name: str
    available: tuple[str, ...] = ("cpu",)
    torch_version: str = ""


@dataclass(frozen=True)
class AnalysisReady(Event):
    """The layer analysis of ``model`` at ``input_shape`` (an ``engine.analysis.Analysis``, itself frozen)."""

    model: str
    input_shape: tuple[int, int, int]
    analysis: object


@dataclass(frozen=True)
class ZooEntry:
    """One model's line on the overview page; every figure comes from ``engine.analysis``."""

    name: str
    title: str
    section: str
    year: int
    input_shape: tuple[int, int, int]
    depth: int
    params: int
    macs: int
    top1: float | None
    authors: str
    paper: str
    ideas_en: tuple[str, ...]
    ideas_ko: tuple[str, ...]


@dataclass(frozen=True)
class ZooReady(Event):
    entries: tuple[ZooEntry, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class RequestFailed(Event):
    """A request that could not be served; ``message`` is a sentence for people, already specific."""

    request: str
    message: str
