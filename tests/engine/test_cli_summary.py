"""The ``models`` and ``summary`` sub-commands: text, JSON schema, and one-line errors with exit status 2."""

from __future__ import annotations

import argparse
import json
import re

import pytest

import main
from engine.models.analysis import analyze
from engine.models.zoo import get_info, list_models
from engine.runtime.errors import UserInputError
from engine.text.report import parse_input_shape, summary_output

LAYER_KEYS = {
    "index", "name", "kind", "op", "input_shape", "output_shape", "kernel", "stride", "padding", "groups",
    "params", "trainable", "macs", "paper_name", "rf_size", "rf_jump", "rf_start",
}


def test_summary_json_schema(capsys):
    assert main.main(["summary", "resnet18", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"model", "input_shape", "params", "trainable", "macs", "paper_depth", "weighted_modules",
                         "layers", "edges"}
    assert (data["paper_depth"], data["weighted_modules"]) == (18, 21)  # He et al.: 18; +3 projection shortcuts
    assert (data["model"], data["input_shape"], data["params"]) == ("resnet18", [3, 224, 224], 11_689_512)
    assert all(set(layer) == LAYER_KEYS for layer in data["layers"])
    assert all(set(edge) == {"src", "dst", "kind"} for edge in data["edges"])
    assert data["macs"] == sum(layer["macs"] for layer in data["layers"])
    conv1 = data["layers"][1]
    assert (conv1["name"], conv1["kernel"], conv1["stride"], conv1["output_shape"]) == (
        "conv1", [7, 7], [2, 2], [64, 112, 112]
    )


def test_summary_text_has_a_row_per_layer_and_totals():
    text = summary_output("lenet5", None, as_json=False)
    analysis = analyze("lenet5")
    table, totals = text.split("\n\n")
    assert len(table.splitlines()) == 2 + len(analysis.rows)
    conv1 = next(line for line in table.splitlines() if " conv1 " in line)
    assert conv1.split() == ["1", "C1", "conv1", "conv", "6x28x28", "5x5/1", "156", "117,600", "5"]
    assert "params 61,706 (61.71K), trainable 61,706" in totals
    assert f"multiply-adds {analysis.macs:,}" in totals
    assert "paper depth 5" in totals


@pytest.mark.parametrize("spec", ["3x64x64", "3,64,64", " 3 X 64 x 64 "])
def test_input_shape_spellings(spec):
    assert parse_input_shape(spec) == (3, 64, 64)
    assert json.loads(summary_output("resnet20", spec, as_json=True))["input_shape"] == [3, 64, 64]


@pytest.mark.parametrize("spec", ["3x224", "axbxc", "0x32x32", "", "3x224x224x1", "-3x32x32"])
def test_malformed_input_shapes(spec):
    with pytest.raises(UserInputError) as error:
        parse_input_shape(spec)
    assert str(error.value) == f"--input must look like 3x224x224 (channels x height x width), got '{spec}'"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["summary", "nope"], "main.py: unknown model 'nope'; accepted: lenet5"),
        (["summary", "vgg16", "--input", "3x8"], "main.py: --input must look like 3x224x224"),
        (["summary", "vgg16", "--input", "3x8x8"], "main.py: input 3x8x8 does not fit vgg16 at layer"),
    ],
)
def test_bad_arguments_give_one_line_and_status_2(argv, message, capsys):
    assert main.main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(message)
    assert len(captured.err.strip().splitlines()) == 1


def test_models_lists_the_zoo(capsys):
    assert main.main(["models"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 + len(list_models())
    assert lines[0].split()[:4] == ["name", "title", "year", "input"]
    vgg = next(line for line in lines if line.startswith("vgg16 "))
    assert "138.36M" in vgg and "15.47G" in vgg and "3x224x224" in vgg


def test_every_sub_commands_help_prints():
    """argparse reads a help text as a %-format: "85% of" made ``render --help`` a traceback."""
    parser = main._build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert "render" in commands
    for name, command in commands.items():
        assert command.format_help().startswith("usage:"), name


def _columns(rule: str) -> list[tuple[int, int]]:
    return [(dashes.start(), dashes.end()) for dashes in re.finditer(r"-+", rule)]


def test_the_summary_table_names_and_aligns_its_columns():
    """Every column headed, numbers flush right and words flush left under their heading, each row's figures
    those of its layer, and the three lines of totals after one blank line (mutation testing found these
    unchecked)."""
    analysis = analyze("alexnet")
    table, totals = summary_output("alexnet", None, as_json=False).split("\n\n")
    header, rule, *lines = table.splitlines()
    assert re.split(r"\s{2,}", header.strip()) == [
        "#", "paper name", "module", "kind", "output", "kernel/stride", "params", "multiply-adds", "RF"]
    columns = _columns(rule)
    assert len(columns) == 9 and len(lines) == len(analysis.rows)
    for line, row in zip(lines, analysis.rows, strict=True):
        cells = [line[start:end] for start, end in columns]
        assert len(line) == columns[-1][1]  # the receptive field, flush right: the line ends where its rule does
        for number, cell in enumerate(cells):
            if cell.strip():
                flush = cell.endswith(cell.strip()) if number in (0, 6, 7, 8) else cell.startswith(cell.strip())
                assert flush, (row.name, number, cell)
        window = "" if row.kernel is None else f"{row.kernel[0]}x{row.kernel[1]}/{row.stride[0]}"
        assert [cell.strip() for cell in cells] == [
            str(row.index), row.paper_name, row.name, row.kind, "x".join(map(str, row.output_shape)), window,
            f"{row.params:,}", f"{row.macs:,}", str(row.rf_size[0])], row.name
    model, params, macs = totals.splitlines()
    assert model.startswith("model alexnet, input 3x224x224, paper depth 8 ")
    assert params.startswith(f"params {analysis.params:,} ({analysis.params / 1e6:.2f}M), trainable ")
    assert macs == f"multiply-adds {analysis.macs:,} ({analysis.macs / 1e6:.2f}M) per image"


def test_the_models_table_heads_its_columns(capsys):
    assert main.main(["models"]) == 0
    header, rule, *lines = capsys.readouterr().out.strip().splitlines()
    assert re.split(r"\s{2,}", header.strip()) == [
        "name", "title", "year", "input", "params", "multiply-adds", "key idea"]
    columns = _columns(rule)
    assert len(columns) == 7
    for line, name in zip(lines, list_models(), strict=True):
        info = get_info(name)
        cells = [line[start:end] for start, end in columns[:6]] + [line[columns[6][0]:]]
        assert [cells[0].strip(), cells[2].strip(), cells[6]] == [name, str(info.year), info.ideas_en[0]], name
        assert all(cell.endswith(cell.strip()) for cell in cells[4:6]), name  # counts flush right
