"""The case-studies overview: one summary line per zoo model, every figure from the layer analysis."""

from __future__ import annotations

from engine.accuracy import paper_figure, torchvision_figures
from engine.analysis import analyze
from engine.events import ZooEntry
from engine.zoo import get_info, top1

__all__ = ["zoo_entry"]


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
