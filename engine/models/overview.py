"""The case-studies overview: one summary line per zoo model, every figure from the layer analysis."""

from __future__ import annotations

from collections.abc import Iterator

from engine.models.accuracy import paper_figure, torchvision_figures
from engine.models.analysis import analyze
from engine.models.zoo import get_info, list_models, top1
from engine.runtime import events as ev
from engine.runtime.events import ZooEntry

__all__ = ["zoo_entry", "analysis_events", "zoo_events"]


def zoo_entry(name: str) -> ZooEntry:
    """One model's summary line (analysis on the meta device: no weights allocated)."""
    info = get_info(name)
    analysis = analyze(name)
    figures = torchvision_figures(name)
    return ZooEntry(
        name=name,
        title=info.title,
        section=info.section,
        year=info.year,
        input_shape=tuple(info.input_shape),
        paper_depth=analysis.paper_depth,
        weighted_modules=analysis.weighted_modules,
        params=analysis.params,
        macs=analysis.macs,
        top1=top1(name),
        authors=info.authors,
        paper=info.paper,
        ideas_en=tuple(info.ideas_en),
        ideas_ko=tuple(info.ideas_ko),
        top1_version=next((figure.version for figure in figures if figure.loaded), ""),
        weights_figures=figures,
        paper_figure=paper_figure(name),
    )


def analysis_events(worker, request: ev.Analyze) -> Iterator[ev.Event]:
    """Serve an ``Analyze`` request on the engine thread."""
    analysis = analyze(request.model, request.input_shape)
    yield ev.AnalysisReady(request.model, tuple(analysis.input_shape), analysis)


def zoo_events(worker, request: ev.DescribeZoo) -> Iterator[ev.Event]:
    """Serve ``DescribeZoo``: the overview's line of every model."""
    entries = []
    for name in list_models():
        if worker.stopping:  # a dozen analyses: let a closing window stop between two of them
            return
        entries.append(zoo_entry(name))
    yield ev.ZooReady(tuple(entries))
