"""Text and JSON for the ``models`` and ``summary`` sub-commands; every figure comes from the analysis."""

from __future__ import annotations

import json
import re

from engine.models.analysis import Analysis, LayerInfo, analysis_to_dict, analyze
from engine.models.zoo import get_info, list_models
from engine.runtime.errors import UserInputError

__all__ = ["models_text", "summary_output", "parse_input_shape"]

_SHAPE = re.compile(r"\s*(\d+)\s*[x×,]\s*(\d+)\s*[x×,]\s*(\d+)\s*", re.IGNORECASE)


def models_text() -> str:
    """The zoo, one line per model in lecture order: name, title, year, input, params, MACs, key idea."""
    header = ("name", "title", "year", "input", "params", "multiply-adds", "key idea")
    lines = []
    for name in list_models():
        info = get_info(name)
        analysis = analyze(name)
        lines.append(
            (name, info.title, str(info.year), _shape(info.input_shape), _short(analysis.params),
             _short(analysis.macs), info.ideas_en[0])
        )
    return _table(header, lines, right=(4, 5))


def summary_output(model: str, input_spec: str | None, as_json: bool) -> str:
    """Per-layer summary of a zoo model.

    Parameters
    ----------
    model : str
        A zoo name.
    input_spec : str or None
        Input shape as ``"3x224x224"`` or ``"3,224,224"``; None uses the model's own.
    as_json : bool
        JSON (``engine.models.analysis.analysis_to_dict``) instead of a text table.

    Returns
    -------
    str
        The text to print.

    Raises
    ------
    UserInputError
        Unknown model, malformed shape or a shape the model cannot take.
    """
    shape = None if input_spec is None else parse_input_shape(input_spec)
    analysis = analyze(model, shape)
    if as_json:
        return json.dumps(analysis_to_dict(analysis))
    return _summary_text(analysis)


def parse_input_shape(spec: str) -> tuple[int, int, int]:
    """``"3x224x224"`` or ``"3,224,224"`` -> (3, 224, 224); UserInputError for anything else."""
    match = _SHAPE.fullmatch(spec)
    if match is None or 0 in (shape := tuple(int(size) for size in match.groups())):
        raise UserInputError(f"--input must look like 3x224x224 (channels x height x width), got '{spec}'")
    return shape


def _summary_text(analysis: Analysis) -> str:
    header = ("#", "paper name", "module", "kind", "output", "kernel/stride", "params", "multiply-adds", "RF")
    lines = [
        (str(row.index), row.paper_name, row.name, row.kind, _shape(row.output_shape), _window(row), f"{row.params:,}",
         f"{row.macs:,}", _field(row))
        for row in analysis.rows
    ]
    totals = [
        f"model {analysis.model}, input {_shape(analysis.input_shape)}, "
        f"paper depth {analysis.paper_depth} (layers with parameters on the longest path), "
        f"{analysis.weighted_modules} convolution and dense modules",
        f"params {analysis.params:,} ({_short(analysis.params)}), trainable {analysis.trainable:,}",
        f"multiply-adds {analysis.macs:,} ({_short(analysis.macs)}) per image",
    ]
    return _table(header, lines, right=(0, 6, 7, 8)) + "\n\n" + "\n".join(totals)


def _table(header: tuple[str, ...], lines: list[tuple[str, ...]], right: tuple[int, ...]) -> str:
    widths = [max(len(cell) for cell in column) for column in zip(header, *lines, strict=True)]

    def line(cells: tuple[str, ...]) -> str:
        padded = [
            cell.rjust(width) if index in right else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(header), rule, *map(line, lines)])


def _shape(shape: tuple[int, ...]) -> str:
    return "x".join(map(str, shape))


def _window(row: LayerInfo) -> str:
    if row.kernel is None:
        return ""
    return f"{_shape(row.kernel)}/{row.stride[0] if row.stride[0] == row.stride[1] else _shape(row.stride)}"


def _field(row: LayerInfo) -> str:
    """Receptive field size: ``195`` when square, ``5x7`` otherwise, empty when unknown."""
    if row.rf_size is None:
        return ""
    return str(row.rf_size[0]) if row.rf_size[0] == row.rf_size[1] else _shape(row.rf_size)


def _short(count: int) -> str:
    """61706 -> '61.71K', 15470264320 -> '15.47G'."""
    for scale, suffix in ((10**9, "G"), (10**6, "M"), (10**3, "K")):
        if count >= scale:
            return f"{count / scale:.2f}{suffix}"
    return str(count)
